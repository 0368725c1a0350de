"""Formula-level diffs of dated diplomatic statements.

>>> import diplodiff
>>> a = diplodiff.Statement(id="a", text="Both sides will deepen political mutual trust.")
>>> b = diplodiff.Statement(id="b", text="Both sides will deepen strategic mutual trust.")
>>> [(c.kind.value, c.later.text) for c in diplodiff.compare(a, b).changes]
[('shifted', 'strategic mutual trust')]
"""

from ._errors import CatalogError, DiplodiffError, LexiconError, LoadError, StatementFormatError
from ._models import (
    Analysis,
    Change,
    ChangeKind,
    Comparison,
    Framing,
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
from .diff.pipeline import analyse, compare, extract_phrases
from .find.lexicon import Formula, Lexicon, build_lexicon, default_lexicon, load_lexicon, parse_lexicon
from .read.catalog import (
    Catalog,
    CatalogEntry,
    find_catalogs,
    load_catalog,
    parse_catalog_csv,
    parse_catalog_toml,
    read_catalogs,
)
from .read.files import load_statement, load_statements, parse_statement
from .render.comparison import render_markdown, render_text, to_json
from .render.html import render_timeline_html
from .render.timeline import (
    latest_dict,
    render_latest_text,
    render_timeline_markdown,
    render_timeline_text,
    timeline_dict,
    timeline_to_csv,
    timeline_to_json,
)
from .text.speakers import SpeakerTable, default_speakers, load_speakers
from .text.tokens import tokenize
from .timeline.history import Absence, LatestReport, check_latest, weigh
from .timeline.track import FormulaHistory, Occurrence, Timeline, track


def __getattr__(name: str) -> str:
    # importlib.metadata costs ~40 ms at import: read the version only when asked.
    if name == "__version__":
        from importlib.metadata import version

        return version("diplodiff")
    raise AttributeError(f"module 'diplodiff' has no attribute {name!r}")

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
