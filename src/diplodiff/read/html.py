"""Saved web pages: the article's main text, title and date, via trafilatura.

Navigation, menus, footers, scripts, styles and comments never reach the text:
trafilatura keeps the main content only. Paragraphs come back separated by a blank line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from attrs import frozen

from .._errors import LoadError
from .dates import find_date, find_dateline

if TYPE_CHECKING:
    import datetime as dt

_SNIFF = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                    rb"<(?:!doctype\s+html|html)\b", re.I | re.S)


def looks_like_html(data: bytes) -> bool:
    """Whether bytes start as an HTML document does (``<!DOCTYPE html>`` or ``<html``).

    >>> looks_like_html(b"  <!DOCTYPE html><html><body>Hi</body></html>"), looks_like_html(b"Text <b>")
    (True, False)
    """
    return _SNIFF.match(data[:4096]) is not None


_MIN_WORDS = 5
_STAMP_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?\u3002]")


@frozen
class Page:
    """What an article page gives: its text, and title, date and metadata where found."""

    text: str
    title: str | None
    date: str | None
    meta: tuple[tuple[str, str], ...] = ()


def read_page(data: bytes, name: str) -> Page:
    """The main text of a saved article page, with its title, date and site.

    Raises:
        LoadError: The page has no article text that can be found.
    """
    # trafilatura (and lxml) cost ~200 ms to import; only HTML input needs them.
    import trafilatura

    try:
        document: Any = trafilatura.bare_extraction(
            data, with_metadata=True, favor_precision=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False, deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except (ValueError, TypeError, RecursionError) as exc:  # malformed markup trafilatura gives up on
        raise LoadError(name, f"cannot be read as HTML ({exc}); save the page again") from None
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(text.split()) < _MIN_WORDS or not _SENTENCE_END.search(text):  # a menu label, not an article
        raise LoadError(name, "has no article text that can be found; save the article page itself, "
                              "or copy its text into a .txt file")
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    title = (document.title or "").strip() or None
    if title and paragraphs and paragraphs[0] == title and len(paragraphs) > 1:
        paragraphs = paragraphs[1:]  # the headline repeated as the first line of the text
    date = document.date or None
    while len(paragraphs) > 1 and (stamp := _stamp(paragraphs[0])) is not None:
        # "Updated: July 04, 2024 10:15", "2024-07-04 | Source: Xinhua": the page's, not the statement's
        del paragraphs[0]
        date = date or stamp.isoformat()
    meta = tuple((k, str(v).strip()) for k, v in
                 (("url", document.url), ("site", document.sitename))
                 if v and str(v).strip())
    return Page("\n\n".join(paragraphs) + "\n", title, date, meta)


def _stamp(paragraph: str) -> dt.date | None:
    """The date of a short line before the text that carries one and is no sentence (a
    byline, a time stamp); ``None`` for any other line."""
    if len(paragraph.split()) > _STAMP_WORDS or paragraph.rstrip().endswith((".", "!", "?", "--")):
        return None
    found = find_date(paragraph)
    return found if found is not None and find_dateline(paragraph) is None else None
