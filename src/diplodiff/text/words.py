"""Words with their case, for reading names, offices and sides.

Matching elsewhere works on folded parts (lower case, singular); names need the
text as written: "US" is a country and "us" a pronoun, "the minister" one person
and "the ministers" two.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Generic, NamedTuple, TypeVar

from .._models import Sentence, Tokens
from .normalize import QUOTES, WORD_PATTERN, sections, surface

_WORD = re.compile(WORD_PATTERN)


class Word(NamedTuple):
    """One word of a sentence: its text (quotes straightened), lower case, where it
    stands in the statement, and whether it is capitalised. A tuple, not an attrs
    class: a statement has a thousand of them, built on every read."""

    text: str
    low: str
    start: int
    end: int
    cap: bool

    @property
    def alpha(self) -> bool:
        """A word of letters (hyphens, apostrophes and dots allowed inside)."""
        return self.text.replace("-", "").replace("'", "").replace(".", "").isalpha()


def word(text: str, start: int = 0, end: int = 0) -> Word:
    """A ``Word`` for ``text`` (its lower case and capitalisation derived)."""
    return Word(text, text.lower(), start, end, text[:1].isupper())


#: Each token text as the reader sees it, with its lower case and whether it is
#: capitalised; ``None`` for a quote mark.
_SEEN: dict[str, tuple[str, str, bool] | None] = {}
_MAX_SEEN = 1 << 18
_QUOTE_MARKS = frozenset({'"', "'", "''", '""'})


def _seen(token: str) -> tuple[str, str, bool] | None:
    text = surface(token).translate(QUOTES)  # look-alike letters, invisible marks
    if len(_SEEN) >= _MAX_SEEN:
        _SEEN.clear()  # hostile input with endless distinct words: stay bounded
    _SEEN[token] = found = None if text in _QUOTE_MARKS else (text, text.lower(), text[:1].isupper())
    return found


def sentence_words(sentence: Sentence) -> list[Word]:
    """The words and punctuation of a sentence, quote marks left out."""
    rows = Tokens.of(sentence.tokens)
    out = []
    for token, start, end in zip(rows.texts, rows.starts(), rows.ends, strict=True):
        seen = _SEEN[token] if token in _SEEN else _seen(token)
        if seen is not None:
            out.append(_new(Word, (seen[0], seen[1], start, end, seen[2])))
    return out


_new = tuple.__new__  # Word's own __new__ is a Python function; this is the same, in C


def split(text: str) -> tuple[str, ...]:
    """A table entry ("People's Republic of China") as the words the text would show."""
    return tuple(m.group().translate(QUOTES) for m in _WORD.finditer(text.translate(QUOTES)))


@functools.cache
def vocabulary(name: str) -> dict[str, frozenset[str]]:
    """A shipped word list (``_data/NAME``) by section."""
    return sections(name)


T = TypeVar("T")


class Phrases(Generic[T]):
    """Multi-word entries ("Russian Federation", "Wang Yi") found at or ending at a
    position, indexed by their first and last word so most words cost one lookup.
    ``lower``: match the words' lower case rather than their text as written."""

    def __init__(self, table: dict[tuple[str, ...], T], *, lower: bool = False) -> None:
        self.lower = lower
        self.longest = max((len(k) for k in table), default=0)
        self.first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        self.last: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for key, value in table.items():
            if key:
                self.first.setdefault(key[0], []).append((key, value))
                self.last.setdefault(key[-1], []).append((key, value))
        for entries in (*self.first.values(), *self.last.values()):
            entries.sort(key=lambda entry: -len(entry[0]))

    def _word(self, word: Word) -> str:
        return word.low if self.lower else word.text

    def at(self, words: Sequence[Word], i: int) -> tuple[T, int] | None:
        """The entry starting at ``words[i]`` (longest first), and its length in words."""
        if i >= len(words):
            return None
        for key, value in self.first.get(self._word(words[i]), ()):
            n = len(key)
            if i + n <= len(words) and all(self._word(words[i + k]) == key[k] for k in range(1, n)):
                return value, n
        return None

    def ending(self, words: Sequence[Word], end: int) -> tuple[T, int] | None:
        """The entry ending right before ``words[end]`` (longest first), and where it starts."""
        if end <= 0:
            return None
        for key, value in self.last.get(self._word(words[end - 1]), ()):
            n = len(key)
            if end - n >= 0 and all(self._word(words[end - n + k]) == key[k] for k in range(n - 1)):
                return value, end - n
        return None
