"""PDF documents: the text layer, pages in order, lines joined into paragraphs.

A blank line in the page layout ends a paragraph; other line ends become spaces.
A word broken across lines by a hyphen is joined (``coope-`` / ``ration`` ->
``cooperation``) unless the document writes it with a hyphen elsewhere or the next
line starts with a capital (``China-`` / ``Kazakhstan`` stays ``China-Kazakhstan``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from .._errors import LoadError

_SPACES = re.compile(r"[ \t\u00a0]+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BROKEN = re.compile(r"((?:[^\W\d_]+-)*)([^\W\d_]+)-$")
_NEXT_WORD = re.compile(r"([^\W\d_]+)")
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|[-\u2013]\s*\d{1,4}\s*[-\u2013]",
                          re.I)
_PARAGRAPH_END = tuple('.!?:;"\u201d)')
#: First elements of compounds that typesetters never leave at a syllable break on their own.
_COMPOUND_HEADS = frozenset({"one", "two", "three", "four", "five", "six", "eight", "nine", "ten", "self",
                             "non", "well", "all", "win", "multi", "cross", "anti"})
_SUFFIXES = ("ing", "ed", "er", "est", "ly", "ness", "ment", "tion", "sion", "teen", "ty", "ish", "ow")
_FILE_NAME = re.compile(r"\.(docx?|pdf|txt|indd|rtf)$", re.I)
_PLACEHOLDER_TITLES = frozenset({"untitled", "untitled document", "microsoft word", "document", "title"})


def looks_like_pdf(data: bytes) -> bool:
    """Whether bytes start as a PDF file does (``%PDF-``, possibly after a little junk)."""
    return b"%PDF-" in data[:1024]


def join_lines(lines: Iterable[str]) -> str:
    """Paragraphs from lines of a page layout: blank lines split, hyphenated breaks joined.

    >>> print(join_lines(["Both sides will deepen coope-", "ration in the", "China-", "Kazakhstan", "",
    ...                   "people-to-", "people and high-", "quality ties, high-quality."]))
    Both sides will deepen cooperation in the China-Kazakhstan
    <BLANKLINE>
    people-to-people and high-quality ties, high-quality.
    """
    lines = [_SPACES.sub(" ", line).strip() for line in lines]
    vocabulary = {w.lower() for line in lines for w in _WORD.findall(line)}
    paragraphs: list[str] = []
    parts: list[str] = []  # the current paragraph; only its last part is ever looked at (linear time)
    for line in lines:
        if not line:
            if parts:
                paragraphs.append("".join(parts))
            parts = []
            continue
        last = parts[-1] if parts else ""
        broken = _BROKEN.search(last)
        following = _NEXT_WORD.match(line)
        if broken and following and not last.endswith(" -"):
            compound, head, tail = broken.group(1), broken.group(2), following.group(1)
            written = f"{compound}{head}-{tail}".lower() in vocabulary
            if tail[0].isupper() or compound or (written and f"{head}{tail}".lower() not in vocabulary) \
                    or _compound_head(head, tail):
                parts.append(line)  # a real hyphen: "China-" + "Kazakhstan"
            else:
                parts[-1] = last[:-1]
                parts.append(line)
        else:
            parts.append(f" {line}" if parts else line)
    if parts:
        paragraphs.append("".join(parts))
    return "\n\n".join(paragraphs)


def _compound_head(head: str, tail: str) -> bool:
    """``two-`` / ``way``: a first element that ends in a real hyphen, before a word, not a suffix."""
    return head.lower() in _COMPOUND_HEADS and len(tail) >= 3 and tail.lower() not in _SUFFIXES



def _page_lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    # running page numbers ("3", "Page 3 of 9", "- 3 -") at the top or bottom of a page
    for index in (0, -1):
        if lines and _PAGE_NUMBER.fullmatch(lines[index].strip()):
            lines.pop(index)
    return lines


def pdf_text(data: bytes, name: str) -> tuple[str, str | None]:
    """The text of a PDF, pages in order, as paragraphs separated by blank lines, and its
    document title when its metadata gives a real one.

    Raises:
        LoadError: The file is no readable PDF, is encrypted, or has no text layer.
    """
    # pypdf costs ~100 ms to import; only PDF input needs it.
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(name, "is an encrypted PDF; save an unprotected copy or its text as .txt")
        title = _title(reader.metadata.title if reader.metadata else None)
        lines: list[str] = []
        for page in reader.pages:
            page_lines = _page_lines(page.extract_text(extraction_mode="layout"))
            if lines and lines[-1] and page_lines and lines[-1].rstrip().endswith(_PARAGRAPH_END):
                lines.append("")  # a page that ends a sentence ends its paragraph
            lines.extend(page_lines)
    except LoadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            RecursionError, NotImplementedError) as exc:
        raise LoadError(name, f"is not a readable PDF ({type(exc).__name__}: {exc}); "
                              "save it again or copy its text into a .txt file") from None
    text = join_lines(lines)
    if not text.strip():
        raise LoadError(name, "has no text layer (a scan?); run OCR on it first or copy its text into "
                              "a .txt file")
    return text + "\n", title


def _title(value: object) -> str | None:
    """A metadata title worth keeping: not empty, not a placeholder, not a file name."""
    title = " ".join(str(value).split()) if value else ""
    if not title or title.lower() in _PLACEHOLDER_TITLES or _FILE_NAME.search(title):
        return None
    return title
