"""Formula-level diffs of dated diplomatic statements.

>>> import diplodiff
>>> a = diplodiff.Statement(id="a", text="Both sides will deepen political mutual trust.")
>>> b = diplodiff.Statement(id="b", text="Both sides will deepen strategic mutual trust.")
>>> [(c.kind.value, c.later.text) for c in diplodiff.compare(a, b).changes]
[('shifted', 'strategic mutual trust')]
"""

from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

#: Where each public name lives. ``import diplodiff`` imports none of these modules
#: (a command that only diffs should not pay for the timeline, the readers of PDFs
#: or rapidfuzz); the first use of a name imports its module (``__getattr__``).
_WHERE = {
    "Analyzer": "._analyzer",
    "CatalogError": "._errors", "DiplodiffError": "._errors", "DiplodiffWarning": "._errors",
    "LexiconError": "._errors", "LoadError": "._errors", "OutputError": "._errors",
    "SpeakerTableError": "._errors", "StatementFormatError": "._errors", "StoreError": "._errors",
    "Analysis": "._models", "Change": "._models", "ChangeKind": "._models", "Comparison": "._models",
    "Framing": "._models", "Marker": "._models", "Origin": "._models", "Passage": "._models",
    "Phrase": "._models", "Sentence": "._models", "SentenceLink": "._models", "ShiftType": "._models",
    "Span": "._models", "Statement": "._models", "Token": "._models",
    "DEFAULT_OPTIONS": "._options", "Options": "._options",
    "analyse": ".diff.pipeline", "compare": ".diff.pipeline", "extract_phrases": ".diff.pipeline",
    "is_reportable": ".find.discover",
    "Formula": ".find.lexicon", "Lexicon": ".find.lexicon", "build_lexicon": ".find.lexicon",
    "default_lexicon": ".find.lexicon", "load_lexicon": ".find.lexicon",
    "parse_lexicon": ".find.lexicon",
    "Catalog": ".read.catalog", "CatalogEntry": ".read.catalog", "find_catalogs": ".read.catalog",
    "load_catalog": ".read.catalog", "parse_catalog_csv": ".read.catalog",
    "parse_catalog_toml": ".read.catalog", "read_catalogs": ".read.catalog",
    "load_statement": ".read.files", "load_statements": ".read.files", "parse_statement": ".read.files",
    "Columns": ".read.records", "from_frame": ".read.records", "from_records": ".read.records",
    "Result": ".render.formats", "to_csv": ".render.formats", "to_dict": ".render.formats",
    "to_html": ".render.formats", "to_json": ".render.formats", "to_markdown": ".render.formats",
    "to_text": ".render.formats",
    "Person": ".text.speakers", "Side": ".text.speakers", "SpeakerTable": ".text.speakers",
    "build_speakers": ".text.speakers", "default_speakers": ".text.speakers",
    "load_speakers": ".text.speakers", "parse_speakers": ".text.speakers",
    "tokenize": ".text.tokens",
    "Absence": ".timeline.history", "LatestReport": ".timeline.history",
    "check_latest": ".timeline.history", "weigh": ".timeline.history",
    "FormulaHistory": ".timeline.track", "Occurrence": ".timeline.track", "Timeline": ".timeline.track",
    "track": ".timeline.track",
}

if _TYPE_CHECKING:  # what type checkers and IDEs see: the same names, imported
    from ._analyzer import Analyzer
    from ._errors import (
        CatalogError,
        DiplodiffError,
        DiplodiffWarning,
        LexiconError,
        LoadError,
        OutputError,
        SpeakerTableError,
        StatementFormatError,
        StoreError,
    )
    from ._models import (
        Analysis,
        Change,
        ChangeKind,
        Comparison,
        Framing,
        Marker,
        Origin,
        Passage,
        Phrase,
        Sentence,
        SentenceLink,
        ShiftType,
        Span,
        Statement,
        Token,
    )
    from ._options import DEFAULT_OPTIONS, Options
    from .diff.pipeline import analyse, compare, extract_phrases
    from .find.discover import is_reportable
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
    from .read.records import Columns, from_frame, from_records
    from .render.formats import Result, to_csv, to_dict, to_html, to_json, to_markdown, to_text
    from .text.speakers import (
        Person,
        Side,
        SpeakerTable,
        build_speakers,
        default_speakers,
        load_speakers,
        parse_speakers,
    )
    from .text.tokens import tokenize
    from .timeline.history import Absence, LatestReport, check_latest, weigh
    from .timeline.track import FormulaHistory, Occurrence, Timeline, track

#: Names from before the one ``to_*`` scheme, still importable (not in ``__all__``).
_OLD_NAMES = {
    "render_text": ("comparison", "render_text"), "render_markdown": ("comparison", "render_markdown"),
    "render_timeline_text": ("timeline", "render_timeline_text"),
    "render_timeline_markdown": ("timeline", "render_timeline_markdown"),
    "timeline_to_json": ("timeline", "timeline_to_json"), "timeline_dict": ("timeline", "timeline_dict"),
    "timeline_to_csv": ("timeline", "timeline_to_csv"), "latest_dict": ("timeline", "latest_dict"),
    "render_latest_text": ("timeline", "render_latest_text"),
    "render_timeline_html": ("html", "render_timeline_html"),
}


def __getattr__(name: str) -> _Any:
    # importlib.metadata costs ~40 ms at import: read the version only when asked.
    if name == "__version__":
        from importlib.metadata import version

        return version("diplodiff")
    if name in _WHERE:
        from importlib import import_module  # the lazy namespace: see _WHERE

        value = getattr(import_module(_WHERE[name], __name__), name)
        globals()[name] = value  # later uses are plain attribute reads
        return value
    if name in _OLD_NAMES:
        from importlib import import_module

        module, attribute = _OLD_NAMES[name]
        return getattr(import_module(f"{__name__}.render.{module}"), attribute)
    raise AttributeError(f"module 'diplodiff' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

__all__ = [
    "DEFAULT_OPTIONS",
    "Absence",
    "Analysis",
    "Analyzer",
    "Catalog",
    "CatalogEntry",
    "CatalogError",
    "Change",
    "ChangeKind",
    "Columns",
    "Comparison",
    "DiplodiffError",
    "DiplodiffWarning",
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
    "OutputError",
    "Passage",
    "Person",
    "Phrase",
    "Result",
    "Sentence",
    "SentenceLink",
    "ShiftType",
    "Side",
    "Span",
    "SpeakerTable",
    "SpeakerTableError",
    "Statement",
    "StatementFormatError",
    "StoreError",
    "Timeline",
    "Token",
    "__version__",
    "analyse",
    "build_lexicon",
    "build_speakers",
    "check_latest",
    "compare",
    "default_lexicon",
    "default_speakers",
    "extract_phrases",
    "find_catalogs",
    "from_frame",
    "from_records",
    "is_reportable",
    "load_catalog",
    "load_lexicon",
    "load_speakers",
    "load_statement",
    "load_statements",
    "parse_catalog_csv",
    "parse_catalog_toml",
    "parse_lexicon",
    "parse_speakers",
    "parse_statement",
    "read_catalogs",
    "to_csv",
    "to_dict",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
    "tokenize",
    "track",
    "weigh",
]
