"""Words with their case, for reading names, offices and sides.

Matching elsewhere works on folded parts (lower case, singular); names need the
text as written: "US" is a country and "us" a pronoun, "the minister" one person
and "the ministers" two.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate, chain, compress, count
from operator import attrgetter
from typing import Generic, Literal, NamedTuple, TypeVar

from .._models import Sentence, Tokens
from .normalize import QUOTES, WORD_PATTERN, function_words, sections, surface

_WORD = re.compile(WORD_PATTERN)


#: What the reader asks of a word depends on the word alone, so it is computed once
#: per distinct word and kept in ``Word.bits``: a name word (capitalised letters, no
#: office word, month or function word, not all capitals), a word of an office
#: title, a reporting verb ("said", in lower case), "according", an event verb ("met"),
#: the head noun of an office ("minister": a sentence with none introduces no one), a
#: word a subject is read back over ("also", "will", "strongly"), one that ends a group
#: ("they", "the two sides"), a noun that makes a demonym a side ("the Chinese side"), the
#: verb of an operative paragraph ("welcomes").
NAME, TITLE, REPORTING, ACCORDING, EVENT, HEAD = (1 << k for k in range(6))
SKIPPED, GROUP, SIDE_NOUN, OPERATIVE = (1 << k for k in range(6, 10))
#: Words that join the words of an office title ("Minister of Foreign Affairs").
CONNECTORS = frozenset({"of", "for", "and", "the", "on", "to", "'s", "&", "in", "/"})
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


class Word(NamedTuple):
    """One word of a sentence: its text (quotes straightened), lower case, whether it is
    capitalised, and its ``bits`` (``NAME``, ``TITLE``, ...). A tuple, not an attrs class,
    and one per distinct word: a sentence's words are the shared tuples of its token
    texts, and where each stands is read from the sentence's tokens when needed."""

    text: str
    low: str
    cap: bool
    bits: int

    @property
    def alpha(self) -> bool:
        """A word of letters (hyphens, apostrophes and dots allowed inside)."""
        return self.text.replace("-", "").replace("'", "").replace(".", "").isalpha()


def word(text: str) -> Word:
    """A ``Word`` for ``text`` (its lower case, capitalisation and bits derived)."""
    low = text.lower()
    cap = text[:1].isupper()
    found = Word(text, low, cap, 0)
    return found._replace(bits=_bits(found))


@functools.cache
def _offices() -> frozenset[str]:
    words = vocabulary("offices.txt")
    return words["head"] | words["word"]


def _bits(found: Word) -> int:
    speech = vocabulary("speech.txt")
    low, cap = found.low, found.cap
    office = low.rstrip(".") in _offices()
    bits = 0
    if (cap and found.alpha and not office and low not in MONTHS and low not in function_words()
            and not found.text.isupper()):
        bits |= NAME
    if office or low in CONNECTORS:
        bits |= TITLE
    if not cap and low in speech["reporting"]:
        bits |= REPORTING
    if low == "according":
        bits |= ACCORDING
    if not cap and low in speech["event"]:
        bits |= EVENT
    if low in vocabulary("offices.txt")["head"]:
        bits |= HEAD
    if not cap and (low in speech["adverb"] or low in speech["auxiliary"]
                    or (low.endswith("ly") and len(low) > 4)):
        bits |= SKIPPED
    if low == "they" or (low in speech["group"] and low.endswith("s")):
        bits |= GROUP
    if low in speech["side_noun"]:
        bits |= SIDE_NOUN
    if low in speech["operative"]:
        bits |= OPERATIVE
    return bits


#: The bits a sentence is read further for (few words have one): ``statement_words``
#: tells where its words with one stand.
MARKED = REPORTING | ACCORDING | EVENT | HEAD | GROUP | OPERATIVE
#: Each token text as the reader sees it; quote marks (no word) apart.
_SEEN: dict[str, Word] = {}
_QUOTED: set[str] = set()
_MARKED: set[str] = set()  # the texts in _SEEN whose word has a MARKED bit
_MAX_SEEN = 1 << 18
_QUOTE_MARKS = frozenset({'"', "'", "''", '""'})


def _seen(token: str) -> Word | None:
    if token in _QUOTED:
        return None
    text = surface(token).translate(QUOTES)  # look-alike letters, invisible marks
    if text in _QUOTE_MARKS:
        _QUOTED.add(token)
        return None
    _SEEN[token] = found = word(text)
    if found.bits & MARKED:
        _MARKED.add(token)
    return found


def statement_words(rows: Sequence[Tokens]) -> tuple[list[list[Word]], list[list[int]], list[int]]:
    """The words and punctuation of each sentence's tokens (quote marks left out), where
    its words with a ``MARKED`` bit stand, and those words' bits together (the sentence's
    flags). Words and marks are each read in one pass over the whole statement by ``map``
    and cut at the sentences' ends. ``list.extend`` keeps what ``map`` gave before a
    ``KeyError`` (a word not seen before, or a quote mark, which is never seen), and the
    pass goes on after it: most statements have one, and a loop in Python over their
    words cost as much as reading them, as did a second pass for every word's bits."""
    if len(_SEEN) >= _MAX_SEEN or len(_QUOTED) >= _MAX_SEEN:
        # hostile input with endless distinct words: stay bounded (cleared between
        # statements only, so _MARKED holds all of one statement's marked texts)
        _SEEN.clear()
        _QUOTED.clear()
        _MARKED.clear()
    every: list[Word] = []
    dropped: list[int] = []  # where the quote marks stood among the tokens
    texts = list(chain.from_iterable(map(_texts, rows)))
    rest = iter(texts)
    while True:
        try:
            every.extend(map(_SEEN.__getitem__, rest))
            break
        except KeyError as missing:
            found = _seen(missing.args[0])
            if found is None:
                dropped.append(len(every) + len(dropped))
            else:
                every.append(found)
    marks = list(compress(count(), map(_MARKED.__contains__, texts)))
    ends = list(accumulate(map(len, map(_texts, rows))))
    if dropped:  # to the places among the words
        ends = [end - bisect_left(dropped, end) for end in ends]
        marks = [k - bisect_left(dropped, k) for k in marks]
    words, marked, flags = [], [], []
    start = k = 0
    for end in ends:
        at: list[int] = []
        flag = 0
        while k < len(marks) and marks[k] < end:
            flag |= every[marks[k]][3]
            at.append(marks[k] - start)
            k += 1
        words.append(every[start:end])
        marked.append(at)
        flags.append(flag)
        start = end
    return words, marked, flags


_texts = attrgetter("texts")


def word_places(sentence: Sentence) -> tuple[Sequence[int], Sequence[int]]:
    """Where each word of the sentence (``statement_words``) starts and ends in the statement text."""
    rows = Tokens.of(sentence.tokens)
    starts, ends = rows.starts(), rows.ends
    if all(map(_SEEN.__contains__, rows.texts)):  # no quote mark: a word for each token
        return starts, ends
    kept = [k for k, t in enumerate(rows.texts) if (_SEEN.get(t) or _seen(t)) is not None]
    return [starts[k] for k in kept], [ends[k] for k in kept]


@functools.lru_cache(maxsize=4096)  # names of the text's people, met in every statement
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
    position. ``first`` and ``last`` hold the words entries start and end with (most
    words are neither, and cost one lookup); the entries are then followed word by word
    (a side table has hundreds that start "Republic of", tried in turn they cost a scan).
    ``lower``: match the words' lower case rather than their text as written."""

    def __init__(self, table: dict[tuple[str, ...], T], *, lower: bool = False) -> None:
        self.field: Literal[0, 1] = 1 if lower else 0  # Word.low or Word.text
        self.first: set[str] = set()  # the words entries start with
        self.last: set[str] = set()
        # Two tries of numbered nodes (0 the root): the entries read forwards and backwards.
        self._forward: dict[tuple[int, str], int] = {}
        self._backward: dict[tuple[int, str], int] = {}
        self._at: dict[int, T] = {}  # the entry that ends at a node of the forward trie
        self._ending: dict[int, T] = {}
        for key, value in table.items():
            if key:
                self.first.add(key[0])
                self.last.add(key[-1])
                self._at[_insert(self._forward, key)] = value
                self._ending[_insert(self._backward, key[::-1])] = value

    def at(self, words: Sequence[Word], i: int) -> tuple[T, int] | None:
        """The entry starting at ``words[i]`` (longest first), and its length in words."""
        if i >= len(words) or words[i][self.field] not in self.first:
            return None
        f, edges, found = self.field, self._forward, None
        node = 0
        for k in range(i, len(words)):
            node = edges.get((node, words[k][f]), 0)
            if not node:
                break
            if node in self._at:
                found = self._at[node], k + 1 - i
        return found

    def ending(self, words: Sequence[Word], end: int) -> tuple[T, int] | None:
        """The entry ending right before ``words[end]`` (longest first), and where it starts."""
        if end <= 0 or words[end - 1][self.field] not in self.last:
            return None
        f, edges, found = self.field, self._backward, None
        node = 0
        for k in range(end - 1, -1, -1):
            node = edges.get((node, words[k][f]), 0)
            if not node:
                break
            if node in self._ending:
                found = self._ending[node], k
        return found


def _insert(edges: dict[tuple[int, str], int], key: tuple[str, ...]) -> int:
    """Add ``key``'s words to the trie ``edges``; the node where it ends."""
    node = 0
    for part in key:
        node = edges.setdefault((node, part), len(edges) + 1)
    return node
