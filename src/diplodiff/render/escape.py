"""Escaping shared by every renderer, so no output attacks the program that reads it.

Statements come from scraped pages and PDFs and may carry terminal escape
sequences, bidi overrides, Markdown or spreadsheet formulas. Each output kind
gets one function here; renderers never escape on their own.

* ``visible``: control characters (C0, DEL, C1), bidi controls, line and
  paragraph separators and lone surrogates shown as backslash escapes, as ``git``
  and ``ls`` show odd file names: ESC becomes ``\\x1b``, U+202E ``\\u202e``.
* ``one_line``: whitespace runs collapsed to one space, then ``visible``.
* ``markdown``: whitespace collapsed, ``visible``, then every Markdown-active character
  backslash-escaped, so a title can open no tag, table cell, link or heading.
* ``csv_cell``: a leading ``'`` on a cell that a spreadsheet would run as a formula;
  control and bidi characters shown as in ``visible`` (tab and line ends kept).
* ``html_text``: ``one_line`` (or, with ``collapse=False``, the text as it stands)
  with ``& < > " '`` as entities, safe in element content and quoted attributes.
* ``valid_text``: lone surrogates (from non-UTF-8 file names) replaced with
  U+FFFD, so any output encodes as UTF-8.

>>> visible("a\\x1b[31mred\\x07")
'a\\\\x1b[31mred\\\\x07'
>>> markdown("<script>|x\\n# y")
'\\\\<script\\\\>\\\\|x \\\\# y'
>>> csv_cell("=HYPERLINK(1)")
"'=HYPERLINK(1)"
"""

from __future__ import annotations

import codecs
import re

#: C0 and C1 controls, DEL, bidi embedding/override/isolate marks, the Arabic
#: letter mark, line/paragraph separators and lone surrogates.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
#: As ``_INVISIBLE`` but tab, newline and CR, which a CSV cell or a block of text keeps.
_INVISIBLE_IN_BLOCK = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_SPACE = re.compile(r"\s+")
#: Characters that open markup anywhere in a line (``#``, ``-``... only open it
#: at the start of a line, where no escaped text is ever put).
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#~!&])")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: What spreadsheets run as a formula when it opens a cell (OWASP's list).
CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape): show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Show control, bidi and separator characters as backslash escapes."""
    return _INVISIBLE.sub(_escape, text)


def one_line(text: str) -> str:
    """Collapse whitespace (newlines included) to single spaces, then ``visible``."""
    return visible(_SPACE.sub(" ", text).strip())


def markdown(text: str) -> str:
    """One line of inline Markdown showing ``text`` literally (no markup, no HTML)."""
    return _MARKDOWN.sub(r"\\\1", visible(_SPACE.sub(" ", text)))


def csv_cell(value: object) -> object:
    """Neutralise a text cell a spreadsheet would read as a formula, and show its control
    characters as escapes (a CSV is often read in a terminal); other values pass."""
    if isinstance(value, str):
        value = _INVISIBLE_IN_BLOCK.sub(_escape, valid_text(value))
        if value.startswith(CSV_TRIGGERS):
            return "'" + value
    return value


def valid_text(text: str) -> str:
    """Replace lone surrogates with U+FFFD so the text encodes as UTF-8."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _replace_surrogates(error: UnicodeError) -> tuple[str | bytes, int]:
    if not isinstance(error, UnicodeEncodeError) or error.encoding.replace("-", "").lower() != "utf8":
        raise error
    # bytes: the UTF-8 encoder takes only ASCII text from a handler
    return "\ufffd".encode() * (error.end - error.start), error.end


#: An encoding error handler doing what ``valid_text`` does, as the text is encoded: a
#: stream opened with ``errors=VALID_TEXT`` writes valid UTF-8 without scanning what it
#: is given first (a 130 MB timeline scanned took a second).
VALID_TEXT = "diplodiff-valid-text"
codecs.register_error(VALID_TEXT, _replace_surrogates)


def html_text(text: str | None, *, collapse: bool = True) -> str:
    """``text`` safe inside HTML element content and quoted attribute values.

    ``collapse=False`` keeps line breaks (for a ``white-space: pre-wrap`` block).

    >>> html_text('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    import html  # lazy: only HTML output escapes (start-up time counts)

    text = text or ""
    kept = _INVISIBLE_IN_BLOCK.sub(_escape, valid_text(text))
    return html.escape(one_line(text) if collapse else kept, quote=True)
