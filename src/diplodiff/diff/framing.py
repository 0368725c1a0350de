"""Framing cues around a formula: commitment (modality) and intensity.

The ladder and the cue words are data (``data/framing.toml``); see
docs/shift-types.md. Cues are read only in the formula's own sentence:

* modality: the nearest ladder wording *before* the formula, not across ";";
* intensity: intensifiers (+1) and hedges (-1) in the formula's own clause,
  between the previous formula or punctuation mark and the formula, and
  right after it up to the next one ("... to new heights").
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain, compress, count, islice, repeat
from operator import itemgetter
from typing import TYPE_CHECKING

from attrs import frozen

from .._models import Analysis, Origin, Phrase, Sentence, Span, Tokens, _span
from ..find.lexicon import framed, sentence_bases, spaced
from ..read.cache import cached, shipped
from ..text.normalize import BARRIER, fold_text
from .words import phrase_starts

if TYPE_CHECKING:
    from ahocorasick_rs import BytesAhoCorasick

_AFTER = 6
#: A table wording found: start word, end word, level.
_Found = tuple[int, int, int]
#: A formula's framing: its modality wording and its intensity wordings, each found in the
#: words of its sentence (``framing_cue`` makes one a ``Cue``, for a shift reported).
_Framing = tuple[_Found | None, tuple[_Found, ...]]


@frozen
class Cue:
    """Words around a formula that carry its framing.

    Attributes:
        kind: ``"modality"`` or ``"intensity"``.
        text: The words as they stand in the statement.
        span: Where they stand.
        level: Ladder level (modality, 1-5) or +1/-1 (intensity).
    """

    kind: str
    text: str
    span: Span
    level: int


@functools.cache
def _cues() -> tuple[dict[tuple[str, ...], int], dict[tuple[str, ...], int]]:
    modality, intensity = cached("cues", _compile_cues)  # kept by read/cache.py: folding costs a cold run
    return modality, intensity


def _compile_cues() -> tuple[dict[tuple[str, ...], int], dict[tuple[str, ...], int]]:
    import tomllib

    data = tomllib.loads(shipped("framing.toml"))
    modality = {fold_text(w): int(level) for level, words in data["modality"].items() for w in words}
    intensity = {fold_text(w): 1 for w in data["intensity"]["up"]}
    intensity.update({fold_text(w): -1 for w in data["intensity"]["down"]})
    return modality, intensity


@functools.cache
def ladders() -> dict[str, dict[tuple[str, ...], int]]:
    """The stance ladders (disapproval, approval, opposition, demand, commitment):
    folded wording -> rung, higher = stronger."""
    return cached("ladders", _compile_ladders)  # type: ignore[no-any-return]


def _compile_ladders() -> dict[str, dict[tuple[str, ...], int]]:
    import tomllib

    data = tomllib.loads(shipped("framing.toml"))
    return {name: {fold_text(w): int(level) for level, words in table.items() for w in words}
            for name, table in data["ladder"].items()}


@frozen
class WordingCues:
    """The framing cues in a run of folded words (an edited wording and its context).

    Attributes:
        modality: ``(start, end, level)`` of the commitment-ladder wording that governs:
            the last one among the changed words, else the last one, or ``None``.
        intensity: ``(start, end, +1/-1)`` of each intensifier and hedge.
        rungs: ``(ladder, start, end, rung)``: the highest rung found of each stance ladder.
    """

    modality: tuple[int, int, int] | None
    intensity: tuple[tuple[int, int, int], ...]
    rungs: tuple[tuple[str, int, int, int], ...]

    def covered(self) -> set[int]:
        """Positions of the words that belong to some cue."""
        spans = [(a, b) for a, b, _ in self.intensity] + [(a, b) for _, a, b, _ in self.rungs]
        if self.modality:
            spans.append(self.modality[:2])
        return {k for a, b in spans for k in range(a, b)}


def wording_cues(words: Sequence[str], changed: range = range(0)) -> WordingCues:
    """Find the commitment, intensity and stance-ladder cues in folded words, of which
    ``changed`` are the words an edit changed."""
    modality, intensity = _cues()
    found = _find(words, 0, len(words), modality)
    # The commitment word that changed is the one that moved ("should consider" -> "will
    # consider": "should" -> "will"), not the last ("consider") on both sides.
    modal = [cue for cue in found if any(cue[0] <= k < cue[1] for k in changed)] or found
    rungs = []
    for name, table in ladders().items():
        found = _find(words, 0, len(words), table)
        if found:
            a, b, level = max(found, key=lambda x: x[2])
            rungs.append((name, a, b, level))
    return WordingCues(modal[-1] if modal else None, tuple(_find(words, 0, len(words), intensity)),
                       tuple(rungs))


class _Words:
    """One sentence read for framing, once for all its formulas: its words (folded
    parts; ";" kept apart from other punctuation), where each word's token starts and
    ends, where each ";" and each break (";" or other punctuation) stands (the clause,
    or phrase, around a word begins after the last one before it), and where a cue
    wording stands."""

    __slots__ = ("_at", "_breaks", "_heads", "_scans", "_step_starts", "_steps", "_tails", "_tokens",
                 "_upto", "ends", "intensity_hits", "modal_hits", "semicolons", "starts", "text", "words")

    def __init__(self, sentence: Sentence, text: str, *, placed: bool = True) -> None:
        """Read ``sentence`` of ``text``; where its cue wordings stand is found later
        (``place``) when not ``placed``."""
        self.text = text
        rows = Tokens.of(sentence.tokens)
        # Where each word starts and ends is asked of its token when a formula needs it
        # (``start``, ``end``, ``before``, ``ending_by``), not listed for every word of
        # every sentence: ``_tokens`` and, when a token has other than one part, how many
        # parts the tokens up to each have (``_upto``); lists only in a sentence with a ";".
        self._tokens: Tokens | None = None
        self._upto: list[int] | None = None
        # A sentence's tokens stand inside its span: a look at the text (one C scan)
        # rules out a ";" token in most sentences, where a look at every token cost more.
        if text.find(";", sentence.span.start, sentence.span.end) < 0 or ";" not in rows.texts:
            self.words: list[str] = rows.flat()  # each part a word, standing where its token does
            self._tokens = rows
            if not rows.single():
                self._upto = rows.cumulative()
            self.semicolons: list[int] = []
        else:
            starts, ends = rows.starts(), rows.ends
            self.words = []
            owner = []
            for t, (token, parts) in enumerate(zip(rows.texts, rows.parts, strict=True)):
                for part in parts or ((";",) if token == ";" else ()):
                    self.words.append(";" if token == ";" else part)
                    owner.append(t)
            self.starts = [starts[t] for t in owner]
            self.ends = [ends[t] for t in owner]
            self.semicolons = [k for k, w in enumerate(self.words) if w == ";"]
        self._breaks: list[int] | None = None
        self._scans: dict[int, _Scan] = {}
        self._steps: list[_Found] | None = None
        if placed:
            self.place(_places([self.words])[0])

    def place(self, places: _Places) -> None:
        """Keep where the cue wordings stand (``_places`` of the words)."""
        self._at = places
        #: Where a modality (intensity) wording stands: most formulas have none near them.
        self.modal_hits = sorted(places[0])
        self.intensity_hits = sorted(places[1])

    @property
    def breaks(self) -> list[int]:
        """Where each ";" and each other punctuation mark stands."""
        if self._breaks is None:
            self._breaks = list(compress(count(), map(_BREAKS.__contains__, self.words)))
        return self._breaks

    def _words_upto(self, tokens: int) -> int:
        """How many words the first ``tokens`` tokens have."""
        return tokens if self._upto is None else (self._upto[tokens - 1] if tokens else 0)

    def _owner(self, k: int) -> int:
        return k if self._upto is None else bisect.bisect_right(self._upto, k)

    def start(self, k: int) -> int:
        """Where word ``k`` starts (its token's start)."""
        return self.starts[k] if self._tokens is None else self._tokens.start(self._owner(k))

    def end(self, k: int) -> int:
        """Where word ``k`` ends (its token's end)."""
        return self.ends[k] if self._tokens is None else self._tokens.ends[self._owner(k)]

    def before(self, position: int) -> int:
        """How many words start before ``position`` (``bisect_left`` of their starts)."""
        tokens = self._tokens
        if tokens is None:
            return bisect.bisect_left(self.starts, position)
        # Tokens do not overlap: those ending by ``position`` start before it (but for
        # an empty one at it: only one ending at it can be), and of the others only the
        # first can.
        ends = tokens.ends
        k = found = bisect.bisect_right(ends, position)
        while found and ends[found - 1] == position and tokens.start(found - 1) >= position:
            found -= 1
        if k < len(ends) and tokens.start(k) < position:
            found += 1
        upto = self._upto
        return found if upto is None or not found else upto[found - 1]

    def ending_by(self, position: int) -> int:
        """How many words end by ``position`` (``bisect_right`` of their ends)."""
        if self._tokens is None:
            return bisect.bisect_right(self.ends, position)
        return self._words_upto(bisect.bisect_right(self._tokens.ends, position))

    def span(self, start: int, end: int) -> Span:
        """Where the words ``start .. end - 1`` stand."""
        return _span(self.start(start), self.end(end - 1))

    def cue(self, kind: str, start: int, end: int, level: int) -> Cue:
        """The cue of the words ``start .. end - 1``."""
        span = self.span(start, end)
        return Cue(kind, self.text[span.start : span.end], span, level)

    def find(self, lo: int, hi: int, which: int) -> list[_Found]:
        """``_find(self.words, lo, hi, table)`` of cue table ``which`` (0 modality,
        1 intensity), read off the places where a wording of it stands (found once for
        the sentence, not for each formula)."""
        places, at = (self.modal_hits, self.intensity_hits)[which], self._at[which]
        found: list[_Found] = []
        low = bisect.bisect_left(places, lo)
        if low == len(places) or places[low] >= hi:
            return found
        i = lo
        for k in places[low : bisect.bisect_left(places, hi, low)]:
            if k >= i:
                for n, level in at[k]:
                    if k + n <= hi:
                        found.append((k, k + n, level))
                        i = k + n
                        break
        return found

    def modal(self, first: int) -> _Found | None:
        """The modality wording of a formula whose first word is word ``first``: the last
        wording ``_find`` gives in its clause up to it (``last_modal``)."""
        steps = self._modal_steps()
        i = bisect.bisect_left(self._step_starts, first)
        if not i:
            return None
        step = steps[i - 1]
        if step[1] > first:  # the wording runs into the formula: the clause is read again up to it
            return self.last_modal(_after_last(self.semicolons, first) if self.semicolons else 0, first)
        if self.semicolons and step[0] < _after_last(self.semicolons, first):
            return None  # a wording of an earlier clause
        return step

    def modal_at(self, position: int) -> _Found | None:
        """``modal`` of a formula that starts at ``position``, told from where the few
        wordings' words start (word ``k`` starts before it just when ``k < before(position)``);
        the words before it are counted only in a sentence with a ";" or when a wording
        runs into the formula."""
        if self.semicolons:
            return self.modal(self.before(position))
        steps = self._modal_steps()
        i = bisect.bisect_left(self._heads, position)
        if not i:
            return None
        if self._tails[i - 1] >= position:  # the wording runs into the formula
            return self.last_modal(0, self.before(position))
        return steps[i - 1]

    def _modal_steps(self) -> list[_Found]:
        """``_find``'s greedy scan of the whole sentence for modality wordings, made once
        for the sentence. No wording holds a ";", so the scan starts each clause afresh;
        and a scan that stops at a formula takes the same steps up to the last that ends
        by it, where it ends too, but when that step runs past it."""
        if self._steps is not None:
            return self._steps
        places, at, start = self.modal_hits, self._at[0], self.start
        steps: list[_Found] = []
        # where the first and the last word of each wording start (``modal_at``)
        firsts: list[int] = []
        heads: list[int] = []
        tails: list[int] = []
        self._step_starts, self._heads, self._tails = firsts, heads, tails
        i = 0
        for k in places:
            if k >= i:
                n, level = at[k][0]
                i = k + n
                steps.append((k, i, level))
                firsts.append(k)
                heads.append(start(k))
                tails.append(start(i - 1))
        self._steps = steps
        return steps

    def last_modal(self, start: int, end: int) -> _Found | None:
        """The last modality wording ``_find`` would give in ``words[start:end]``,
        where ``start`` begins a clause, in time independent of the clause length."""
        if end - start <= _SHORT_RUN:  # read as it is: cheaper than a scan kept for the clause
            found = self.find(start, end, 0)
            return found[-1] if found else None
        scan = self._scans.get(start)
        if scan is None:
            scan = self._scans[start] = _Scan(self.words, start, len(self.words), _cues()[0])
        return scan.last(self.words, end, _cues()[0])


#: Words before a formula up to which its clause is read again for it (``_find``)
#: rather than from a scan of the whole clause (``_Scan``), kept for its formulas.
_SHORT_RUN = 64
_BREAKS = frozenset({BARRIER, ";"})


def _after_last(marks: list[int], position: int) -> int:
    """Where the run around ``position`` begins: after the last of the ``marks``
    (word positions, sorted) before it, else at 0."""
    k = bisect.bisect_left(marks, position)
    return marks[k - 1] + 1 if k else 0


class _Scan:
    """``_find``'s greedy left-to-right scan of a whole clause, kept so that any
    prefix of the clause can be answered: a scan that stops at ``end`` takes the
    same steps as this one up to ``end - _LONGEST``, as no wording is longer."""

    def __init__(self, words: Sequence[str], start: int, stop: int, table: dict[tuple[str, ...], int],
                 ) -> None:
        hi = words.index(";", start, stop) if ";" in words[start:stop] else stop
        steps = _find(words, start, hi, table)
        # The scan visits every position but those inside a wording found, and
        # ends at ``hi``; after each position it holds the last wording found.
        visited: list[Iterable[int]] = []
        last_found: list[Iterable[_Found | None]] = []
        i, found = start, None
        for step in steps:
            visited.append(range(i, step[0] + 1))
            last_found += [repeat(found, step[0] - i), (step,)]
            i, found = step[1], step
        visited.append(range(i, hi + 1))
        last_found.append(repeat(found, hi - i))
        self.visited = list(chain.from_iterable(visited))
        self.last_found = list(chain.from_iterable(last_found))

    def last(self, words: Sequence[str], end: int, table: dict[tuple[str, ...], int],
             ) -> _Found | None:
        k = bisect.bisect_right(self.visited, end - _LONGEST)
        found = self.last_found[min(k, len(self.last_found)) - 1] if k else None
        i = self.visited[min(k, len(self.visited) - 1)]
        firsts = _firsts(table)
        while i < end:
            if words[i] in firsts and (step := _at(words, i, end, table, firsts[words[i]])) is not None:
                found = step
                i = step[1]
            else:
                i += 1
        return found


_LONGEST = 5


def _at(words: Sequence[str], i: int, hi: int, table: dict[tuple[str, ...], int],
        lengths: Sequence[int]) -> _Found | None:
    """The longest table wording at ``words[i]`` that ends by ``hi``, of the ``lengths``
    (longest first) that the table's wordings beginning with ``words[i]`` have."""
    for n in lengths:
        if i + n <= hi and (level := table.get(tuple(words[i : i + n]))) is not None:
            return i, i + n, level
    return None


class _Neighbours:
    """The other phrases of a sentence, for the two questions framing asks: read one
    by one when they are few (most sentences), else sorted once for bisections."""

    def __init__(self, phrases: Sequence[Phrase]) -> None:
        self.phrases = phrases
        self.starts: list[int] | None = None
        if len(phrases) > _FEW:
            spans = sorted([(p.span.start, p.span.end) for p in phrases])
            self.starts = [a for a, _ in spans]
            ends = [b for _, b in spans]
            self.reach = list(accumulate(ends, max))
            self.ends = sorted(ends)

    def covers(self, position: int) -> bool:
        """Does a phrase hold ``position``?"""
        if self.starts is None:
            for phrase in self.phrases:
                span = phrase.span
                if span.start <= position < span.end:
                    return True
            return False
        k = bisect.bisect_right(self.starts, position)
        return k > 0 and self.reach[k - 1] > position

    def last_end(self, position: int) -> int | None:
        """The last end of a phrase at or before ``position``."""
        if self.starts is None:
            found = None
            for phrase in self.phrases:
                end = phrase.span.end
                if end <= position and (found is None or end > found):
                    found = end
            return found
        k = bisect.bisect_right(self.ends, position)
        return self.ends[k - 1] if k else None


#: Most phrases of a sentence read one by one for each question (``_Neighbours``).
_FEW = 12


def _find(words: Sequence[str], lo: int, hi: int, table: dict[tuple[str, ...], int],
          ) -> list[_Found]:
    """Return ``(start, end, level)`` of table wordings inside ``words[lo:hi]``, longest first."""
    if lo >= hi:
        return []
    found = []
    firsts = _firsts(table)
    i = lo
    # only the positions where a wording can begin are tried
    for k in compress(count(lo), map(firsts.__contains__, islice(words, lo, hi))):
        if k >= i and (step := _at(words, k, hi, table, firsts[words[k]])) is not None:
            found.append(step)
            i = step[1]
    return found


def _firsts(table: dict[tuple[str, ...], int]) -> dict[str, tuple[int, ...]]:
    """The words a wording of ``table`` can begin with, each with the lengths of the
    wordings it begins, longest first (up to ``_LONGEST``: no longer one is read)."""
    entry = _FIRSTS.get(id(table))
    if entry is None or entry[0] is not table:
        lengths: dict[str, set[int]] = {}
        for key in table:
            if len(key) <= _LONGEST:
                lengths.setdefault(key[0], set()).add(len(key))
        entry = _FIRSTS[id(table)] = (table, {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()})
    return entry[1]


#: A wording of a cue table that begins with a word: which table (0 modality, 1 intensity),
#: the table, the lengths of its wordings that begin with it (longest first), the second
#: words of those of two words or more, and the level of the word alone (or ``None``).
_Start = tuple[int, dict[tuple[str, ...], int], tuple[int, ...], frozenset[str], int | None]


@functools.cache
def _openers() -> dict[str, tuple[_Start, ...]]:
    """The words a modality or intensity wording begins with, each with its ``_Start`` per table."""
    found: dict[str, list[_Start]] = {}
    for which, table in enumerate(_cues()):
        seconds: dict[str, set[str]] = {}
        for key in table:
            if 2 <= len(key) <= _LONGEST:
                seconds.setdefault(key[0], set()).add(key[1])
        for word, lengths in _firsts(table).items():
            found.setdefault(word, []).append(
                (which, table, lengths, frozenset(seconds.get(word, ())), table.get((word,))))
    return {word: tuple(starts) for word, starts in found.items()}


def _scan_openers(words: Sequence[str], found: _Places) -> None:
    """Fill ``found`` (modality, intensity) word by word: at each place where a wording
    can begin, the ``(length, level)`` of each wording there, longest first."""
    size = len(words)
    openers = _openers()
    for k in compress(count(), map(openers.__contains__, words)):
        for which, table, lengths, seconds, single in openers[words[k]]:
            if k + 1 < size and words[k + 1] in seconds:
                here = [(n, level) for n in lengths
                        if k + n <= size and (level := table.get(tuple(words[k : k + n]))) is not None]
                if here:
                    found[which][k] = here
            elif single is not None:
                found[which][k] = [(1, single)]


#: Where the cue wordings of a sentence stand, for each table (0 modality, 1 intensity):
#: at each word where one begins, the ``(length, level)`` of each, longest first.
_Places = tuple[dict[int, list[tuple[int, int]]], dict[int, list[tuple[int, int]]]]


def _places(sentences: Sequence[list[str]], joined: Sequence[bytes] | None = None) -> list[_Places]:
    """The ``_Places`` of each of some sentences' words, found by one automaton pass
    over all of them (the haystack ``lexicon.hits`` reads, ``spaced``; ``joined``: the
    sentences' words joined, when the caller has them). A word with a space in it
    (never seen) has them read word by word."""
    found: list[_Places] = [({}, {}) for _ in sentences]
    if joined is None:
        joined, haystack = spaced(sentences)
    else:
        haystack = framed(joined)
    # one space before each word, and two more per sentence but the first
    if haystack.count(b" ") != sum(map(len, sentences)) + 2 * len(sentences) - sum(map(bool, sentences)):
        for words, places in zip(sentences, found, strict=True):
            _scan_openers(words, places)
        return found
    bases = sentence_bases(joined)
    keys, automaton = _cue_automaton()
    matches = automaton.find_matches_as_indexes(haystack, overlapping=True)
    matches.sort(key=_start)
    # The spaces before each match are counted on from the last one (a count from the
    # sentence's start for each match was quadratic in a sentence with no break); the
    # space before the sentence's first word is one of them.
    sentence, counted, k = -1, 0, 0
    for key, at, _ in matches:
        if sentence < 0 or at >= bases[sentence + 1]:
            sentence = bisect.bisect_right(bases, at) - 1
            counted, k = bases[sentence], -1
        if haystack[at - 1] != _SPACE:
            continue  # the end of a longer word ("successfully" for "fully")
        k += haystack.count(b" ", counted, at)
        counted = at
        for which, wording in keys[key]:
            table = found[sentence][which]
            here = table.get(k)
            if here is None:
                table[k] = [wording]
            else:
                here.append(wording)
                here.sort(reverse=True)
    return found


_start = itemgetter(1)
_SPACE = ord(" ")


@functools.cache
def _cue_automaton() -> tuple[list[list[tuple[int, tuple[int, int]]]], BytesAhoCorasick]:
    """The modality and intensity wordings (up to ``_LONGEST`` words) as one automaton
    over space-framed words, and for each key the ``(table, (length, level))`` it stands
    for (0 modality, 1 intensity). A key is a wording with the space after it, not the
    one before: keys that begin with many bytes make the automaton's scan cheaper than
    keys that all begin with a space (which its prefilter stops at before every word);
    a match that is the end of a longer word is then passed over."""
    from ahocorasick_rs import BytesAhoCorasick, Implementation, MatchKind

    keys: dict[bytes, list[tuple[int, tuple[int, int]]]] = {}
    for which, table in enumerate(_cues()):
        for wording, level in table.items():
            if len(wording) <= _LONGEST:
                keys.setdefault((" ".join(wording) + " ").encode(), []).append(
                    (which, (len(wording), level)))
    # A DFA: built once from a few hundred wordings, it scans faster than the default NFA.
    return list(keys.values()), BytesAhoCorasick(list(keys), matchkind=MatchKind.Standard,
                                                 implementation=Implementation.DFA)


#: The first words of the tables (cue tables and stance ladders, loaded once), by identity.
_FIRSTS: dict[int, tuple[dict[tuple[str, ...], int], dict[str, tuple[int, ...]]]] = {}


def _framing(phrase: Phrase, words: _Words, analysis: Analysis) -> _Framing:
    """The modality wording and the intensity wordings of one formula occurrence of the
    sentence ``words`` of ``analysis``, whose other phrases in the sentence bound the clause."""
    span = phrase.span
    # Each cue is looked for only where a wording of it stands in the sentence
    # (most formulas have none near them): the same cues as reading every word.
    modal = words.modal_at(span.start) if words.modal_hits else None
    hits = words.intensity_hits
    if not hits:
        return modal, ()
    first = words.before(span.start)
    found: list[_Found] = []
    if hits[0] < first:
        lo = _after_last(words.breaks, first)
        k = bisect.bisect_left(hits, first)
        if hits[k - 1] >= lo:  # a wording stands in its phrase before it: the neighbours bound it too
            before = _neighbours_of(analysis, phrase).last_end(span.start)
            if before is not None:
                lo = max(lo, min(first, words.ending_by(before)))
            found = words.find(lo, first, 1)
    if hits[-1] >= first:  # else no wording stands after the formula
        folded = words.words
        last = words.before(span.end)
        stop = min(len(folded), last + _AFTER)
        k = bisect.bisect_left(hits, last)
        if k < len(hits) and hits[k] < stop:
            hi, covers = last, _neighbours_of(analysis, phrase).covers
            while hi < stop and folded[hi] not in (BARRIER, ";") and not covers(words.start(hi)):
                hi += 1
            # After the formula only phrasal cues count ("to new heights"): a lone
            # adverb there modifies the next verb ("is deeply rooted"), not the formula.
            found += [(a, b, lvl) for a, b, lvl in words.find(last, hi, 1)
                      if b - a > 1 or folded[a] == "unprecedented"]
    return modal, tuple(found)


def framing_cue(analysis: Analysis, phrase: Phrase, kind: str, wording: _Found) -> Cue:
    """The ``Cue`` of a wording of the ``framing_of`` an analysed phrase: made only for a
    shift reported, as most framings are only weighed."""
    return _words_of(analysis, phrase.sentence).cue(kind, *wording)


def framing_span(analysis: Analysis, phrase: Phrase, wording: _Found) -> Span:
    """Where a wording of the ``framing_of`` an analysed phrase stands (its ``Cue``'s span)."""
    return _words_of(analysis, phrase.sentence).span(wording[0], wording[1])


def framing_of(analysis: Analysis, phrase: Phrase) -> _Framing:
    """``_framing`` of one occurrence of an analysed statement, computed once per analysis
    (and each sentence read once for all its occurrences)."""
    found = framings(analysis).get(id(phrase))
    if found is not None:
        return found
    # Not a lexicon formula of the analysis: read for itself, once.
    memo = analysis.memo
    done = memo.get("framing-other")
    if not isinstance(done, dict):  # by identity: the memo holds the phrase, so its id stays its own
        done = memo["framing-other"] = {}
    entry = done.get(id(phrase))
    if entry is None:
        entry = done[id(phrase)] = (phrase, _framing(phrase, _words_of(analysis, phrase.sentence), analysis))
    return entry[1]


def framings(analysis: Analysis) -> dict[int, _Framing]:
    """``_framing`` of every lexicon formula occurrence of an analysed statement, by the
    id of the phrase (its own while the analysis, which holds its phrases, lives: so no
    other phrase asked has it), in the order of the phrases, computed once per analysis:
    the report summary reads them all, so they are read sentence by sentence in one pass."""
    done = analysis.memo.get("framing-of")
    if not isinstance(done, dict):
        done = analysis.memo["framing-of"] = _framings(analysis)
    return done


def lexicon_formulas(analysis: Analysis) -> list[Phrase]:
    """The lexicon formula occurrences of an analysed statement, in order, picked out once
    per analysis (kept in its memo): the framing pass and the report summary read them."""
    found = analysis.memo.get("lexicon-formulas")
    if not isinstance(found, list):
        lexicon = Origin.LEXICON  # read once: an enum member read off its class is a Python-level call (3.11)
        found = analysis.memo["lexicon-formulas"] = [p for p in analysis.phrases if p.origin is lexicon]
    return found


def lexicon_framings(analysis: Analysis) -> list[_Framing]:
    """``_framing`` of each lexicon formula occurrence of an analysed statement, in order
    (``framings``)."""
    return list(framings(analysis).values())


def _framings(analysis: Analysis) -> dict[int, _Framing]:
    by_id: dict[int, _Framing] = {}
    none: _Framing = (None, ())
    formulas = lexicon_formulas(analysis)
    read = _read(analysis)
    wanted = sorted({p.sentence for p in formulas} - read.keys())
    if wanted:  # their cue wordings found in one pass
        text, sentences = analysis.statement.text, analysis.sentences
        rows = Tokens.each([sentences[k] for k in wanted])
        # Found in each sentence's parts (``Tokens.flat``), the words of its ``_Words`` but
        # for a ";" kept apart there: no cue wording holds a mark, so the two have their
        # wordings in the same places. A sentence is read for framing only where one stands.
        # (joined as ``lexicon.hits`` joined them, kept by the tokens)
        places_of = _places([row.flat() for row in rows], list(map(Tokens.spaced, rows)))
        for k, places in zip(wanted, places_of, strict=True):
            if places[0] or places[1]:
                cued = read[k] = _Words(sentences[k], text, placed=False)
                cued.place(places)
    for phrase in formulas:
        words = read.get(phrase.sentence)
        # a sentence with no cue wording frames none of its formulas
        by_id[id(phrase)] = _framing(phrase, words, analysis) if words is not None and (
            words.modal_hits or words.intensity_hits) else none
    return by_id


def _read(analysis: Analysis) -> dict[int, _Words]:
    """The sentences of ``analysis`` read for framing so far, by index (kept in its memo)."""
    read = analysis.memo.get("framing-words")
    if not isinstance(read, dict):
        read = analysis.memo["framing-words"] = {}
    return read


def _words_of(analysis: Analysis, sentence: int) -> _Words:
    """Sentence ``sentence`` of ``analysis`` read for framing, once per analysis."""
    read = _read(analysis)
    words = read.get(sentence)
    if words is None:
        words = read[sentence] = _Words(analysis.sentences[sentence], analysis.statement.text)
    return words


def _neighbours_of(analysis: Analysis, phrase: Phrase) -> _Neighbours:
    """The phrases of an analysed phrase's sentence span (itself left out if empty)."""
    memo = analysis.memo
    starts = phrase_starts(analysis)
    start, end = phrase.sentence_span.start, phrase.sentence_span.end
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    if phrase.span.end <= phrase.span.start:  # an empty phrase would be its own neighbour
        return _Neighbours([p for p in analysis.phrases[lo:hi] if p is not phrase])
    if hi - lo <= _FEW:
        return _Neighbours(analysis.phrases[lo:hi])
    places = ("framing-neighbours", start, end)
    others = memo.get(places)
    if not isinstance(others, _Neighbours):
        others = memo[places] = _Neighbours(analysis.phrases[lo:hi])
    return others
