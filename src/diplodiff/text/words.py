"""Words with their case, for reading names, offices and sides.

Matching elsewhere works on folded parts (lower case, singular); names need the
text as written: "US" is a country and "us" a pronoun, "the minister" one person
and "the ministers" two.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from attrs import frozen

from .._models import Sentence, Span
from .normalize import QUOTES, WORD_PATTERN, sections, surface

_WORD = re.compile(WORD_PATTERN)


@frozen
class Word:
    """One word of a sentence: its text (quotes straightened), lower case, and span."""

    text: str
    low: str
    span: Span

    @property
    def cap(self) -> bool:
        """Starts with a capital letter."""
        return self.text[:1].isupper()

    @property
    def alpha(self) -> bool:
        """A word of letters (hyphens, apostrophes and dots allowed inside)."""
        return any(c.isalpha() for c in self.text) and all(c.isalpha() or c in "-'." for c in self.text)


def sentence_words(sentence: Sentence) -> list[Word]:
    """The words and punctuation of a sentence, quote marks left out."""
    out = []
    for token in sentence.tokens:
        text = surface(token.text).translate(QUOTES)  # look-alike letters, invisible marks
        if text in {'"', "'", "''", '""'}:
            continue
        out.append(Word(text, text.lower(), token.span))
    return out


def split(text: str) -> tuple[str, ...]:
    """A table entry ("People's Republic of China") as the words the text would show."""
    return tuple(m.group().translate(QUOTES) for m in _WORD.finditer(text.translate(QUOTES)))


@functools.cache
def vocabulary(name: str) -> dict[str, frozenset[str]]:
    """A shipped word list (``_data/NAME``) by section."""
    return sections(name)


def find(words: Sequence[Word], at: int, table: dict[tuple[str, ...], str], longest: int,
         *, lower: bool = False) -> tuple[str, int] | None:
    """The entry of ``table`` that starts at ``words[at]`` (longest first), and its length."""
    for n in range(min(longest, len(words) - at), 0, -1):
        key = tuple((w.low if lower else w.text) for w in words[at : at + n])
        if key in table:
            return table[key], n
    return None


def find_ending(words: Sequence[Word], end: int, table: dict[tuple[str, ...], str], longest: int,
                *, lower: bool = False) -> tuple[str, int] | None:
    """The entry of ``table`` that ends right before ``words[end]`` (longest first), and its start."""
    for n in range(min(longest, end), 0, -1):
        key = tuple((w.low if lower else w.text) for w in words[end - n : end])
        if key in table:
            return table[key], end - n
    return None


def longest_key(keys: Iterable[tuple[str, ...]]) -> int:
    """Length of the longest key (0 when there are none)."""
    return max((len(k) for k in keys), default=0)
