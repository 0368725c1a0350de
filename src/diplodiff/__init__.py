"""Formula-level diffs of dated diplomatic statements.

>>> import diplodiff
>>> a = diplodiff.Statement(id="a", text="Both sides will deepen political mutual trust.")
>>> b = diplodiff.Statement(id="b", text="Both sides will deepen strategic mutual trust.")
>>> [(c.kind.value, c.later.text) for c in diplodiff.compare(a, b).changes]
[('shifted', 'strategic mutual trust')]
"""

from importlib.metadata import version as _version

from ._errors import CatalogError, DiplodiffError, LexiconError, LoadError, StatementFormatError
from ._lexicon import Formula, Lexicon, build_lexicon, default_lexicon, load_lexicon, parse_lexicon
from ._load import load_statement, load_statements, parse_statement
from ._models import (
    Change,
    ChangeKind,
    Comparison,
    Origin,
    Phrase,
    Sentence,
    ShiftType,
    Span,
    Statement,
    Token,
)
from ._options import DEFAULT_OPTIONS, Options
from ._pipeline import Analysis, analyse, compare, extract_phrases
from ._report import render_markdown, render_text, to_json
from ._tokenize import tokenize

__version__ = _version("diplodiff")

__all__ = [
    "DEFAULT_OPTIONS",
    "Analysis",
    "CatalogError",
    "Change",
    "ChangeKind",
    "Comparison",
    "DiplodiffError",
    "Formula",
    "LexiconError",
    "Lexicon",
    "LoadError",
    "Options",
    "Origin",
    "Phrase",
    "Sentence",
    "ShiftType",
    "Span",
    "Statement",
    "StatementFormatError",
    "Token",
    "__version__",
    "analyse",
    "build_lexicon",
    "compare",
    "default_lexicon",
    "extract_phrases",
    "load_lexicon",
    "load_statement",
    "load_statements",
    "parse_lexicon",
    "parse_statement",
    "render_markdown",
    "render_text",
    "to_json",
    "tokenize",
]

for _name in __all__:
    if not _name.startswith("__") and not _name.isupper():
        globals()[_name].__module__ = __name__
del _name
