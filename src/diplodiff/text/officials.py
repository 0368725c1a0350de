"""Officials the text introduces: an office, a country and a name.

"Kazakhstan's Deputy Prime Minister and Minister of Foreign Affairs Murat
Nurtleu", "Chinese Foreign Minister Wang Yi", "the External Affairs Minister of
India, Vikram Sethuraman", "Murat Nurtleu, Deputy Prime Minister and Minister of
Foreign Affairs of Kazakhstan": a name (capitalised words that are not office
words, sides or function words) with an office title right before it (a comma
allowed between) or right after it (after a comma). The side is the country or
organisation named in the title ("Kazakhstan's", "Chinese", "of India"); a title
that names none leaves the side to the speaker table ("President Xi Jinping").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from itertools import compress, count
from operator import itemgetter

from attrs import frozen

from .normalize import adverb_form
from .words import CAPITALS, CONNECTORS, NAME, TITLE, Phrases, Word, vocabulary

#: Lower-case words that may stand inside a name ("Ursula von der Leyen").
_PARTICLES = frozenset({"von", "der", "van", "de", "da", "del", "bin", "al", "ibn", "la", "le", "di"})
_MAX_NAME = 4
#: Words that join a title's words but neither open nor close one ("'s" closes "Kazakhstan's").
_JOINS = CONNECTORS - {"'s"}


@frozen
class Introduction:
    """An official as the text introduces them.

    Attributes:
        name: The name as written ("Murat Nurtleu").
        side: The side the title names, if any.
        heads: The office nouns of the title ("minister", "president").
        office: The title as written.
    """

    name: str
    side: str | None
    heads: frozenset[str]
    office: str


@functools.cache
def _heads() -> frozenset[str]:
    return vocabulary("offices.txt")["head"]


def _name_word(words: Sequence[Word], i: int, sides: SideMatcher) -> bool:
    """A capitalised word of letters that is no office word, month, function word,
    acronym or side name (``NAME`` holds all but the last, read once per word)."""
    return bool(words[i].bits & NAME) and (words[i].text not in sides.first or sides.at(words, i) is None)


_text, _low, _cap = itemgetter(0), itemgetter(1), itemgetter(2)  # Word fields, read by map


def _names(words: Sequence[Word], sides: SideMatcher) -> list[tuple[int, int]]:
    """Runs of name words (a particle allowed inside, and one family name in capitals
    next to a name word), as ``(start, end)``."""
    runs = []
    n = len(words)
    i = 0
    # Only a capitalised word starts a side or a name: the others are stepped over.
    for k in compress(count(), map(_cap, words)):
        if k < i:
            continue
        i = k
        side = sides.at(words, i) if words[i].text in sides.first else None
        if side is not None:
            i += side[1]  # "Russian Federation" is no name, nor is its "Federation"
            continue
        capitals = not words[i].bits & NAME  # one family name in capitals a name, at most
        if capitals and not (words[i].bits & CAPITALS and i + 1 < n and _name_word(words, i + 1, sides)):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _name_word(words, j, sides) or (
                    words[j].low in _PARTICLES and j + 1 < n and _name_word(words, j + 1, sides)):
                j += 1
            elif not capitals and words[j].bits & CAPITALS:
                capitals = True
                j += 1
            else:
                break
        if j - i <= _MAX_NAME:
            runs.append((i, j))
        i = j
    return runs


def _written(words: Sequence[Word]) -> str:
    """A name as a table writes it: its family name in capitals (``_names`` takes one
    beside a name word, at most) last, capitalised ("OGATA Reiko" -> "Reiko Ogata"), so
    that "Minister Ogata" names that person."""
    return " ".join(w.text.capitalize() if w.bits & CAPITALS else w.text
                    for w in sorted(words, key=_family))


def _family(word: Word) -> bool:
    return bool(word.bits & CAPITALS)


def title_end(words: Sequence[Word], start: int, side_at: SideMatcher) -> int:
    """Where a run of title words from ``start`` ends ("Kazakh Foreign Minister |Yerlan Abenov")."""
    i = start
    while i < len(words):
        side = side_at.at(words, i) if words[i].text in side_at.first else None
        if side is not None:
            i += side[1]
        elif words[i].bits & TITLE:
            i += 1
        else:
            break
    return i


def unknown_name(words: Sequence[Word], end: int, side_at: SideMatcher) -> int | None:
    """Where a name no table knows starts, when it is the whole subject ending at ``end``
    and opens the sentence ("Dauletov said"): one to three name words, a single one not
    looking like a plural noun ("Officials said" is no one) or an adverb ("Strongly
    condemns": an operative paragraph opening with its adverb)."""
    start = end
    while start > 0 and end - start < 3 and _name_word(words, start - 1, side_at):
        start -= 1
    if start == end or start != 0:
        return None
    if end - start == 1 and (words[start].low.endswith("s") or adverb_form(words[start].low)):
        return None
    return start


def introductions(words: Sequence[Word], side_at: SideMatcher) -> list[Introduction]:
    """The officials introduced in one sentence, in text order."""
    heads = _heads()
    found = []
    for start, end in _names(words, side_at):
        intro = _before(words, start, side_at, heads) or _after(words, end, side_at, heads)
        if intro is not None:
            side, title_heads, title = intro
            name = _written(words[start:end])
            found.append(Introduction(name, side, title_heads, title))
    return found


class SideMatcher(Phrases[str]):
    """Finds the side a name or demonym starting at a position stands for: ``at`` gives
    it and its length in words (``Phrases.at``, called directly: it runs for every
    capitalised word)."""

    def __init__(self, names: dict[tuple[str, ...], str], demonyms: dict[tuple[str, ...], str]) -> None:
        super().__init__({**demonyms, **names})


def _title(words: Sequence[Word], lo: int, hi: int, side: str | None, heads: frozenset[str],
           ) -> tuple[str | None, frozenset[str], str] | None:
    """The side and office nouns of the title ``words[lo:hi]``; ``None`` if it is no title.
    ``side``: the first side named in it (``_first_side``), which the caller's own
    scan of the title finds."""
    title_heads = heads.intersection(map(_low, words[lo:hi]))
    if not title_heads:
        return None
    text = " ".join(map(_text, words[lo:hi]))
    return side, title_heads, text


def _first_side(words: Sequence[Word], lo: int, hi: int, side_at: SideMatcher) -> str | None:
    """The first side named in ``words[lo:hi]``, read from ``lo`` on."""
    i = lo
    while i < hi:
        hit = side_at.at(words, i) if words[i].text in side_at.first else None
        if hit:
            return hit[0]
        i += 1
    return None


def _before(words: Sequence[Word], start: int, side_at: SideMatcher, heads: frozenset[str],
            ) -> tuple[str | None, frozenset[str], str] | None:
    """A title right before the name ("Chinese Foreign Minister Wang Yi", "... of India, Y")."""
    end = start - 1 if start > 0 and words[start - 1].text == "," else start
    i = end
    while i > 0:
        word = words[i - 1]
        side = _side_ending(words, i, side_at)
        if side is not None:
            i = side
        elif word.bits & TITLE:
            i -= 1
        else:
            break
    while i < end and words[i].low in _JOINS:
        i += 1
    if i == end or words[end - 1].low in _JOINS:
        return None
    return _title(words, i, end, _first_side(words, i, end, side_at), heads)


def _side_ending(words: Sequence[Word], end: int, side_at: SideMatcher) -> int | None:
    """Where a side name or demonym ending right before ``end`` starts."""
    if end > 0 and words[end - 1].low == "'s":
        end -= 1
    hit = side_at.ending(words, end) if end > 0 and words[end - 1].text in side_at.last else None
    return hit[1] if hit else None


def _after(words: Sequence[Word], end: int, side_at: SideMatcher, heads: frozenset[str],
           ) -> tuple[str | None, frozenset[str], str] | None:
    """A title in apposition after the name ("Murat Nurtleu, Deputy Prime Minister ... of Kazakhstan,")."""
    if end >= len(words) or words[end].text != ",":
        return None
    i = end + 1
    while i < len(words) and words[i].low in {"the", "a", "an", "also", "who", "is"}:
        i += 1
    lo = i
    first = None  # the first side the title names
    while i < len(words) and words[i].text not in {",", ".", ";", ":", "(", ")"}:
        word = words[i]
        side = side_at.at(words, i) if word.text in side_at.first else None
        if side is not None:
            first = first or side[0]
            i += side[1]
        elif word.cap or word.bits & TITLE:
            i += 1
        else:
            return None
    return _title(words, lo, i, first, heads) if i > lo else None
