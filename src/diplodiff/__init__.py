"""Formula-level diffs of dated diplomatic statements.

>>> import diplodiff
>>> a = diplodiff.Statement(id="a", text="Both sides will deepen political mutual trust.")
>>> b = diplodiff.Statement(id="b", text="Both sides will deepen strategic mutual trust.")
>>> [(c.kind.value, c.later.text) for c in diplodiff.compare(a, b).changes]
[('shifted', 'strategic mutual trust')]
"""

from importlib.metadata import version as _version

from ._catalog import (
    Catalog,
    CatalogEntry,
    find_catalogs,
    load_catalog,
    parse_catalog_csv,
    parse_catalog_toml,
    read_catalogs,
)
from ._errors import CatalogError, DiplodiffError, LexiconError, LoadError, StatementFormatError
from ._history import Absence, LatestReport, check_latest, weigh
from ._html import render_timeline_html
from ._lexicon import Formula, Lexicon, build_lexicon, default_lexicon, load_lexicon, parse_lexicon
from ._load import load_statement, load_statements, parse_statement
from ._models import (
    Analysis,
    Change,
    ChangeKind,
    Comparison,
    Marker,
    Origin,
    Phrase,
    Sentence,
    ShiftType,
    Span,
    Statement,
    Token,
)
from ._options import DEFAULT_OPTIONS, Options
from ._pipeline import analyse, compare, extract_phrases
from ._report import render_markdown, render_text, to_json
from ._speakers import SpeakerTable, default_speakers, load_speakers
from ._summary import Framing
from ._timeline import FormulaHistory, Occurrence, Timeline, track
from ._timeline_report import (
    latest_dict,
    render_latest_text,
    render_timeline_markdown,
    render_timeline_text,
    timeline_dict,
    timeline_to_csv,
    timeline_to_json,
)
from ._tokenize import tokenize

__version__ = _version("diplodiff")

__all__ = [
    "DEFAULT_OPTIONS",
    "Absence",
    "Analysis",
    "Catalog",
    "CatalogEntry",
    "CatalogError",
    "Change",
    "ChangeKind",
    "Comparison",
    "DiplodiffError",
    "Formula",
    "FormulaHistory",
    "Framing",
    "LatestReport",
    "Lexicon",
    "LexiconError",
    "LoadError",
    "Marker",
    "Occurrence",
    "Options",
    "Origin",
    "Phrase",
    "Sentence",
    "ShiftType",
    "Span",
    "SpeakerTable",
    "Statement",
    "StatementFormatError",
    "Timeline",
    "Token",
    "__version__",
    "analyse",
    "build_lexicon",
    "check_latest",
    "compare",
    "default_lexicon",
    "default_speakers",
    "extract_phrases",
    "find_catalogs",
    "latest_dict",
    "load_catalog",
    "load_lexicon",
    "load_speakers",
    "load_statement",
    "load_statements",
    "parse_catalog_csv",
    "parse_catalog_toml",
    "parse_lexicon",
    "parse_statement",
    "read_catalogs",
    "render_latest_text",
    "render_markdown",
    "render_text",
    "render_timeline_html",
    "render_timeline_markdown",
    "render_timeline_text",
    "timeline_dict",
    "timeline_to_csv",
    "timeline_to_json",
    "to_json",
    "tokenize",
    "track",
    "weigh",
]

for _name in __all__:
    if not _name.startswith("__") and not _name.isupper():
        globals()[_name].__module__ = __name__
del _name
