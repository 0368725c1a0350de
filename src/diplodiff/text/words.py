"""Words with their case, for reading names, offices and sides.

Matching elsewhere works on folded parts (lower case, singular); names need the
text as written: "US" is a country and "us" a pronoun, "the minister" one person
and "the ministers" two.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from itertools import compress, count
from operator import itemgetter
from typing import Generic, Literal, NamedTuple, TypeVar

from .._models import Tokens
from .normalize import QUOTES, WORD_PATTERN, adverb_form, function_words, sections, surface

_WORD = re.compile(WORD_PATTERN)
_V = TypeVar("_V")


#: What the reader asks of a word depends on the word alone, so it is computed once
#: per distinct word and kept in ``Word.bits``: a name word (capitalised letters, no
#: office word, month or function word, not all capitals), a word of an office
#: title, a reporting verb ("said", in lower case), "according", an event verb ("met"),
#: the head noun of an office ("minister": a sentence with none introduces no one), a
#: word a subject is read back over ("also", "will", "strongly"), one that ends a group
#: ("they", "the two sides"), a noun that makes a demonym a side ("the Chinese side"), the
#: verb of an operative paragraph ("welcomes"), a word of two or more capital letters (a
#: family name in capitals, "OGATA Reiko", or an acronym).
NAME, TITLE, REPORTING, ACCORDING, EVENT, HEAD = (1 << k for k in range(6))
SKIPPED, GROUP, SIDE_NOUN, OPERATIVE, CAPITALS = (1 << k for k in range(6, 11))
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
    if cap and found.alpha and found.text.isupper():
        if len(low) > 1:
            bits |= CAPITALS
    elif cap and found.alpha and not office and low not in MONTHS and low not in function_words():
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
    if not cap and (low in speech["adverb"] or low in speech["auxiliary"] or adverb_form(low)):
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
#: Each token text as the reader sees it: its word, ``None`` for a quote mark (no word)...
_SEEN: dict[str, Word | None] = {}
#: ...and as a number: 1 for a word with a ``MARKED`` bit or a quote mark, else 0. A
#: sentence's numbers, looked up by the same ``itemgetter`` as its words, tell where its
#: few marked words and quote marks stand by ``compress``, where a test of each token
#: cost a call.
_CODES: dict[str, int] = {}
_MAX_SEEN = 1 << 18
_QUOTE_MARKS = frozenset({'"', "'", "''", '""'})


def _learn(token: str) -> None:
    text = surface(token).translate(QUOTES)  # look-alike letters, invisible marks
    if text in _QUOTE_MARKS:
        _SEEN[token], _CODES[token] = None, 1
    else:
        _SEEN[token] = found = word(text)
        _CODES[token] = 1 if found.bits & MARKED else 0


def statement_words(rows: Sequence[Tokens],
                    ) -> tuple[list[Sequence[Word]], list[Sequence[int]], list[int], list[list[int] | None]]:
    """The words and punctuation of each sentence's tokens (quote marks left out), where
    its words with a ``MARKED`` bit stand, those words' bits together (the sentence's
    flags), and which tokens its words are (``None``: word ``k`` is token ``k``).

    A sentence's words and marks are those ``tokenize`` read with its parts (else
    ``token_words`` reads them): its marks tell where its marked words and quote marks
    stand."""
    words: list[Sequence[Word]] = []
    marked: list[Sequence[int]] = []
    flags: list[int] = []
    kept: list[list[int] | None] = []
    for row in rows:
        found, marks = row.words, row.marks
        if found is None or marks is None:  # Tokens that tokenize did not make
            found, marks = token_words(row.texts)
        places = list(compress(count(), marks))  # the marked words and quote marks
        flag = 0
        for k in places:
            word = found[k]
            if word is None:  # a quote mark: few sentences have one
                own, places, flag, quotes = _unquoted(found, places)
                words.append(own)
                break
            flag |= word[3]
        else:
            words.append(found)  # type: ignore[arg-type]  # no quote mark: no None
            quotes = None
        marked.append(places)
        flags.append(flag)
        kept.append(quotes)
    return words, marked, flags, kept


def token_words(texts: Sequence[str]) -> tuple[Sequence[Word | None], Sequence[int]]:
    """Each token text's word (``None`` for a quote mark) and mark (1 for a marked word or
    a quote mark, else 0), looked up by one ``itemgetter`` of the texts (a text not seen
    before is learnt on the ``KeyError``). ``tokenize`` reads them with a word's parts,
    once per distinct piece of text, for ``statement_words``."""
    if len(_SEEN) >= _MAX_SEEN:
        _SEEN.clear()  # hostile input with endless distinct words: stay bounded
        _CODES.clear()
    get = itemgetter(*texts) if len(texts) > 1 else _one(texts)
    try:
        found = get(_SEEN)
    except KeyError:
        for text in set(texts).difference(_SEEN):
            _learn(text)
        found = get(_SEEN)
    return found, get(_CODES)


def _unquoted(found: Sequence[Word | None], places: list[int],
              ) -> tuple[list[Word], list[int], int, list[int]]:
    """The words of a sentence with a quote mark (its tokens' ``found``), where its marked
    words stand among them (``places``: where its marked words and quote marks stand among
    the tokens), their flags, and which tokens its words are."""
    words: list[Word] = []
    kept: list[int] = []
    for k, word in enumerate(found):
        if word is not None:
            kept.append(k)
            words.append(word)
    marked: list[int] = []
    flag = 0
    for k in places:
        word = found[k]
        if word is not None:
            marked.append(bisect.bisect_left(kept, k))
            flag |= word[3]
    return words, marked, flag, kept


def _one(texts: Sequence[str]) -> Callable[[dict[str, _V]], tuple[_V, ...]]:
    """``itemgetter`` of ``texts`` as a tuple, for no text or one (where ``itemgetter``
    gives the item itself)."""
    return lambda table: tuple(map(table.__getitem__, texts))


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
