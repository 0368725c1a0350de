"""The curated lexicon of formulas: loading, validation and matching in sentences.

A lexicon is a TOML file (docs/lexicon.md)::

    schema_version = 1

    [[formula]]
    id = "partnership.strategic"
    canonical = "strategic partnership"
    category = "partnership_label"
    rank = 3
    variants = ["strategic cooperative partnership"]

Case, quotes, hyphens, regular plurals, partner/partnership, British/American
spelling and number words are folded before matching, so variants list only
wordings that differ otherwise. ``" ... "`` in a variant stands for up to
``GAP`` tokens. Where hits overlap, the leftmost wins, then the longest.

Matching runs one Aho-Corasick automaton (``ahocorasick_rs``, compiled Rust)
over the folded parts of a whole statement, space-joined, to find where each
wording's first segment occurs; Python then checks only those places (token
boundaries, gaps, leftmost-longest). The per-position Python loop it replaces
ran at ~6 MB/s; the automaton scans at ~100 MB/s.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from itertools import accumulate, product
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from attrs import field, frozen

from .._errors import LexiconError
from .._models import Origin, Phrase, Sentence, Statement, Tokens, _phrase, joined_words
from ..read.cache import cached, shipped
from ..read.guard import MAX_TABLE_BYTES, decode, parse_toml, read_input
from ..text.normalize import _NUMBERS, BARRIER, fold_text, numeric

if TYPE_CHECKING:
    from ahocorasick_rs import BytesAhoCorasick

GAP = 4
_FIELDS = frozenset({"id", "canonical", "category", "rank", "variants", "note"})


@frozen
class Formula:
    """One canonical formula with its variant family.

    Attributes:
        id: Unique id, e.g. ``"partnership.strategic"``.
        canonical: The wording reports use to name the formula.
        category: Category, e.g. ``"partnership_label"`` or ``"initiative"``.
        rank: Partnership rank (higher = closer), for partnership labels.
        variants: Other wordings of the same formula.
        note: Source or reasoning for the entry.
    """

    id: str
    canonical: str
    category: str
    rank: int | None = None
    variants: tuple[str, ...] = ()
    note: str | None = None

    @property
    def wordings(self) -> tuple[str, ...]:
        """The canonical wording followed by the variants."""
        return (self.canonical, *self.variants)


@frozen
class _Pattern:
    segments: tuple[tuple[str, ...], ...]
    formula: Formula
    order: int  # place in the lexicon: of two wordings ending alike, the earlier wins
    #: Whether the formula's canonical wording has a capital letter (it names something).
    cased: bool = field(init=False)
    #: Whether the wording has a gap (``" ... "``): a match then reads beyond its first segment.
    gapped: bool = field(init=False)
    #: How many parts the first segment has (a match's length, when there is no gap).
    width: int = field(init=False)

    @cased.default
    def _cased(self) -> bool:
        return any(ch.isupper() for ch in self.formula.canonical)

    @gapped.default
    def _gapped(self) -> bool:
        return len(self.segments) > 1

    @width.default
    def _width(self) -> int:
        return len(self.segments[0])

    def end(self, parts: Sequence[str], start: int) -> int:
        """Return the end of a match whose first segment stands at ``start``, or -1."""
        pos = start + len(self.segments[0])
        if len(self.segments) == 1:
            return pos
        for segment in self.segments[1:]:
            found = _after_gap(parts, pos, segment)
            if found < 0:
                return -1
            pos = found + len(segment)
        return pos


def _after_gap(parts: Sequence[str], pos: int, segment: tuple[str, ...]) -> int:
    for p in range(pos, min(pos + GAP, len(parts)) + 1):
        if _at(parts, p, segment):
            return p
        if p < len(parts) and parts[p] == BARRIER:
            return -1
    return -1


def _at(parts: Sequence[str], pos: int, segment: tuple[str, ...]) -> bool:
    return tuple(parts[pos : pos + len(segment)]) == segment


@frozen(cache_hash=True)
class Lexicon:
    """A set of formulas, compiled for matching; ``names`` records where they came from."""

    formulas: tuple[Formula, ...]
    names: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.formulas)

    def get(self, formula_id: str) -> Formula | None:
        """Return the formula with this id, or ``None``."""
        return self._by_id().get(formula_id)

    def merged(self, other: Lexicon) -> Lexicon:
        """Return this lexicon with ``other``'s formulas added; same ids are replaced."""
        replaced = {f.id for f in other.formulas}
        kept = [f for f in self.formulas if f.id not in replaced]
        return Lexicon((*other.formulas, *kept), (*self.names, *other.names))

    def _by_id(self) -> dict[str, Formula]:
        return _by_id(self)

    def vocabulary(self) -> frozenset[str]:
        """The folded words of every wording: the register this lexicon speaks."""
        return _vocabulary(self)

    def find(self, sentence: Sentence, *, statement_id: str, text: str) -> list[Phrase]:
        """Return the formulas found in one sentence, leftmost-longest, never overlapping."""
        return find_all(self, (sentence,), statement_id=statement_id, text=text)[0]


#: Hit: first token, last token, first part, end part, and the wording found.
Hit = tuple[int, int, int, int, "_Pattern"]
_NUMERIC_WORDS = frozenset({*_NUMBERS, "decade"})
_DIGITS = {word: str(number) for word, number in _NUMBERS.items()}


def _order(pattern: _Pattern) -> int:
    return pattern.order


def _numeric(parts: list[str]) -> list[str]:
    """``normalize.numeric`` on a list, with one C-level pass for the number words."""
    out = list(map(_DIGITS.get, parts, parts))
    if "decade" in out:
        out = list(numeric(tuple(out)))
    return out


def hits(lexicon: Lexicon, rows: Sequence[Tokens]) -> list[Sequence[Hit]]:
    """Return the lexicon hits of each sentence, as token and part ranges."""
    patterns, automaton, numbers, spelled = _automaton(lexicon)
    found: list[Sequence[Hit]] = [()] * len(rows)
    if automaton is None:
        return found
    flats = list(map(Tokens.flat, rows))
    joined = Tokens.spaced_each(rows, flats)
    haystack = framed(joined)
    # The automaton knows the first segments' number words as well as their digits, so
    # the parts are scanned as they stand, and ``numeric`` reads only the sentences where
    # a gapped wording starts; unless "N decades" may stand for "10N years" (one part
    # for two), or a wording has too many numbers to spell every way: then every
    # sentence is read as ``numeric`` has it, as the wordings are.
    scanned, numbered = flats, not numbers
    if numbers and (not spelled or b" decade " in haystack):
        scanned, numbered = [_numbered(flat) for flat in flats], True
        joined, haystack = spaced(scanned)
    bases = sentence_bases(joined)
    matches = automaton.find_matches_as_indexes(haystack, overlapping=True)
    # (which first segment, where in the haystack, end), leftmost first, and of those at
    # one place the longest first: its wordings are those of every first segment found
    # there (``_Prefixed``), so the others are passed over: the automaton gives them in
    # the order of their ends, so reversed, those at one place come longest first, and
    # the sort keeps them so
    matches.reverse()
    matches.sort(key=_start)
    k, upto, at = -1, 0, -1  # the sentence read, where the next one begins, the place read
    flat: list[str] = []
    parts: list[str] | None = None
    cumulative: list[int] = []
    simple = False
    i = counted = pos = 0
    for head, start, _ in matches:
        if start == at:
            continue
        at = start
        if start >= upto:
            k = bisect.bisect_right(bases, start) - 1
            upto, flat, parts, i = bases[k + 1], scanned[k], None, 0
            found[k] = sentence_hits = []
            # One part per token (no hyphenated words, no bare quote marks): part
            # index and token index are the same, and every part starts and ends one.
            simple = rows[k].single()
            if not simple:
                cumulative = rows[k].cumulative()
            counted = pos = 0
        # The parts before this one, by the spaces at C speed, counted on from the last
        # place (a count from the sentence's start for each was quadratic in a long one).
        offset = start - bases[k]
        pos += joined[k].count(b" ", counted, offset)
        counted = offset
        if pos < i:
            continue  # inside an earlier hit
        if simple:
            owner = pos
        else:
            owner = bisect.bisect_right(cumulative, pos)
            if pos != (cumulative[owner - 1] if owner else 0):
                continue  # not at the start of a token
        best_end, best = -1, None
        for pattern in patterns[head]:
            if pattern.gapped:
                if parts is None:
                    parts = flat if numbered else _numbered(flat)
                end = pattern.end(parts, pos)
            else:
                end = pos + pattern.width
            if end > best_end and (simple or end == cumulative[bisect.bisect_right(cumulative, end - 1)]):
                best_end, best = end, pattern
        if best is not None:
            last = best_end - 1 if simple else bisect.bisect_right(cumulative, best_end - 1)
            sentence_hits.append((owner, last, pos, best_end, best))
            i = best_end
    return found


def spaced(sentences: Sequence[Sequence[str]]) -> tuple[list[bytes], bytes]:
    """Each sentence's words joined by spaces (UTF-8, as ``Tokens.spaced``), and their
    haystack (``framed``)."""
    joined = joined_words(sentences)
    return joined, framed(joined)


def framed(joined: Sequence[bytes]) -> bytes:
    """The haystack an automaton of space-framed wordings scans, of sentences' words
    joined by spaces: each word framed by spaces, so that only whole words match, and
    the sentences parted by a character no wording holds."""
    return b" " + b" \x00 ".join(joined) + b" "


def sentence_bases(joined: Sequence[bytes]) -> list[int]:
    """Where the space before each sentence's first word stands in the haystack of
    ``spaced`` (and, last, its length less one)."""
    return list(accumulate(map((3).__add__, map(len, joined)), initial=0))


def _numbered(flat: list[str]) -> list[str]:
    """A sentence's parts as the wordings have them (``numeric``)."""
    return flat if _NUMERIC_WORDS.isdisjoint(flat) else _numeric(flat)


_start = itemgetter(1)


def find_all(lexicon: Lexicon, sentences: Sequence[Sentence], *, statement_id: str,
             text: str) -> list[list[Phrase]]:
    """Return the formulas found in each sentence (see ``Lexicon.find``)."""
    rows = Tokens.each(sentences)
    statement = _Where(statement_id, text)
    return [lexicon_phrases((sentence,), (tokens,), (sentence_hits,), statement)
            for sentence, tokens, sentence_hits in zip(sentences, rows, hits(lexicon, rows), strict=True)]


class _Where(NamedTuple):
    id: str
    text: str


def lexicon_phrases(sentences: Sequence[Sentence], rows: Sequence[Tokens], found: Sequence[Sequence[Hit]],
                    statement: _Where | Statement) -> list[Phrase]:
    """The phrases of a statement's hits (``found``: each sentence's), in one loop."""
    statement_id, text = statement.id, statement.text
    phrases = []
    for sentence, tokens, sentence_hits in zip(sentences, rows, found, strict=True):
        if not sentence_hits:
            continue
        flat, start_of, ends = tokens.flat(), tokens.start, tokens.ends
        index, span, speaker, side = sentence.index, sentence.span, sentence.speaker, sentence.side
        for first, last, start, end, pattern in sentence_hits:
            a, b = start_of(first), ends[last]
            formula = pattern.formula
            phrases.append(_phrase(statement_id, text[a:b], a, b, index, span, " ".join(flat[start:end]),
                                   formula.id, formula.canonical, formula.category, formula.rank, _LEXICON,
                                   speaker, side, ()))
    return phrases


_LEXICON = Origin.LEXICON


@functools.cache
def _by_id(lexicon: Lexicon) -> dict[str, Formula]:
    return {f.id: f for f in lexicon.formulas}


@functools.cache
def _vocabulary(lexicon: Lexicon) -> frozenset[str]:
    if _DEFAULT and lexicon is _DEFAULT[0]:
        return frozenset(_compiled()["vocabulary"])
    return _build_vocabulary(lexicon)


def _build_vocabulary(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(w for f in lexicon.formulas for wording in f.wordings for w in fold_text(wording))


@functools.cache
def _index(lexicon: Lexicon) -> dict[tuple[str, ...], tuple[_Pattern, ...]]:
    """The wordings by first segment, in lexicon order (an earlier wording wins a tie)."""
    if _DEFAULT and lexicon is _DEFAULT[0]:
        return _patterns(lexicon, _compiled()["index"])
    return _build_index(lexicon)


def _build_index(lexicon: Lexicon) -> dict[tuple[str, ...], tuple[_Pattern, ...]]:
    return _patterns(lexicon, _wordings(lexicon))


#: A wording as plain data: its folded segments, its formula's place in the lexicon, its order.
_Wording = tuple[tuple[tuple[str, ...], ...], int, int]


def _wordings(lexicon: Lexicon) -> list[tuple[tuple[str, ...], list[_Wording]]]:
    """``_index`` as plain data (what the cache keeps for the default lexicon)."""
    index: dict[tuple[str, ...], list[_Wording]] = {}
    seen: set[tuple[tuple[str, ...], ...]] = set()
    for k, formula in enumerate(lexicon.formulas):
        for wording in formula.wordings:
            segments = tuple(numeric(fold_text(piece)) for piece in wording.split("..."))
            segments = tuple(s for s in segments if s)
            if not segments or segments in seen:
                continue  # an earlier formula (a user's, when merged) claims this wording
            seen.add(segments)
            index.setdefault(segments[0], []).append((segments, k, len(seen)))
    return list(index.items())


def _patterns(lexicon: Lexicon, wordings: Iterable[tuple[tuple[str, ...], Iterable[_Wording]]],
              ) -> dict[tuple[str, ...], tuple[_Pattern, ...]]:
    formulas = lexicon.formulas
    return {head: tuple(_Pattern(segments, formulas[k], order) for segments, k, order in patterns)
            for head, patterns in wordings}


@functools.cache
def _automaton(lexicon: Lexicon,
               ) -> tuple[dict[int, tuple[_Pattern, ...]], BytesAhoCorasick | None, bool, bool]:
    """The first segments as one automaton (space-framed, so only whole parts match),
    the wordings that may stand where each one is found (``_Prefixed``), whether
    numbers matter (only a wording with a number, "year" or "decade" can see what
    ``numeric`` changes: number words are never in a wording, wordings are folded by
    ``numeric`` too), and whether the automaton knows each first segment with its
    numbers in words as well."""
    index = _index(lexicon)
    if not index:
        return {}, None, False, False
    # Lazy: only matching needs the compiled automaton.
    from ahocorasick_rs import BytesAhoCorasick, MatchKind

    parts = {part for patterns in index.values() for p in patterns for s in p.segments for part in s}
    numbers = any(part.isdecimal() or part in {"year", "decade"} for part in parts)
    # Each first segment also in the number words ``numeric`` reads as its digits
    # ("one China" for "1 China"), so the text is scanned as it stands; but n numbers
    # are 2**n spellings, and a lexicon file may have a wording of twenty.
    spelled = numbers and all(sum(part in _WORDS_OF for part in head) <= _MAX_SPELLED for head in index)
    keys = {" " + " ".join(form) + " ": patterns for head, patterns in index.items()
            for form in (_spelled(head) if spelled and not _WORDS_OF.keys().isdisjoint(head) else (head,))}
    # Over UTF-8: over text, the automaton maps each match's byte offsets back to
    # characters, a quarter of its time; matching reads the offsets in bytes.
    automaton = BytesAhoCorasick([key.encode() for key in keys], matchkind=MatchKind.Standard)
    return _Prefixed(keys), automaton, numbers, spelled


class _Prefixed(dict[int, tuple[_Pattern, ...]]):
    """By first segment (its index in the automaton): its wordings and those of every
    shorter first segment it starts with, in lexicon order (where it is found, so are
    they all); each read when first found (a lexicon has thousands)."""

    def __init__(self, keys: dict[str, tuple[_Pattern, ...]]) -> None:
        super().__init__()
        self._keys = keys
        self._texts = list(keys)

    def __missing__(self, head: int) -> tuple[_Pattern, ...]:
        key = self._texts[head]
        found = self._keys[key]
        cut = key.find(" ", 1)
        while 0 < cut < len(key) - 1:
            shorter = self._keys.get(key[: cut + 1])
            if shorter is not None:
                found = (*found, *shorter)
            cut = key.find(" ", cut + 1)
        if found is not self._keys[key]:
            found = tuple(sorted(found, key=_order))
        self[head] = found
        return found


#: Most numbers a first segment may have for the automaton to spell it every way.
_MAX_SPELLED = 4


#: The number words ``numeric`` reads as each number, by its digits.
_WORDS_OF = {str(number): word for word, number in _NUMBERS.items()}


def _spelled(head: tuple[str, ...]) -> list[tuple[str, ...]]:
    """``head`` with each number in digits or in words, every way (the head itself first)."""
    return list(product(*((part, _WORDS_OF[part]) if part in _WORDS_OF else (part,) for part in head)))


def _formula(entry: object, where: str, path: str) -> Formula:
    if not isinstance(entry, dict):
        raise LexiconError(path, f"{where} is not a table; write it as [[formula]]")
    unknown = set(entry) - _FIELDS
    if unknown:
        msg = (f"{where} has unknown field(s) {', '.join(sorted(unknown))}; "
               f"allowed: {', '.join(sorted(_FIELDS))}")
        raise LexiconError(path, msg)
    for name in ("id", "canonical", "category"):
        if not isinstance(entry.get(name), str) or not entry[name].strip():
            raise LexiconError(path, f"{where} needs a non-empty string {name!r}")
    where = f"formula {entry['id']!r}"
    variants = entry.get("variants", [])
    if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
        raise LexiconError(path, f"{where}: 'variants' must be a list of non-empty strings")
    rank = entry.get("rank")
    if rank is not None and (not isinstance(rank, int) or isinstance(rank, bool) or rank < 0):
        raise LexiconError(path, f"{where}: 'rank' must be a whole number >= 0")
    note = entry.get("note")
    if note is not None and not isinstance(note, str):
        raise LexiconError(path, f"{where}: 'note' must be a string")
    for wording in (entry["canonical"], *variants):
        if not any(fold_text(piece) for piece in wording.split("...")):
            raise LexiconError(path, f"{where}: wording {wording!r} has no words")
    return Formula(entry["id"].strip(), entry["canonical"].strip(), entry["category"].strip(),
                   rank, tuple(v.strip() for v in variants), note)


def parse_lexicon(text: str, *, name: str) -> Lexicon:
    """Parse and validate lexicon TOML text; ``name`` is used in errors and records."""
    data = parse_toml(text, name=name, error=LexiconError, hint="see docs/lexicon.md")
    version = data.get("schema_version", 1)
    if version != 1 or isinstance(version, bool):
        raise LexiconError(name, f"has schema_version {version!r}; this diplodiff reads version 1")
    entries = data.get("formula")
    if not isinstance(entries, list) or not entries:
        raise LexiconError(name, "has no [[formula]] entries; see docs/lexicon.md for the format")
    formulas = [_formula(entry, f"[[formula]] #{n}", name) for n, entry in enumerate(entries, 1)]
    ids = [f.id for f in formulas]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise LexiconError(name, f"repeats formula id(s) {', '.join(duplicates)}; ids must be unique")
    return Lexicon(tuple(formulas), (name,))


def load_lexicon(path: str | Path) -> Lexicon:
    """Load a user lexicon file (TOML, the documented format), or a builtin one by
    name: ``"builtin:china"``, ``"builtin:multilateral"``.

    Raises:
        LexiconError: The file cannot be read or is malformed.
    """
    if str(path).startswith("builtin:"):
        return builtin_lexicon(str(path).removeprefix("builtin:"))
    data = read_input(path, limit=MAX_TABLE_BYTES, error=LexiconError, what="lexicon file")
    return parse_lexicon(decode(data, str(path), LexiconError), name=str(path))


#: The builtin lexicons by name: the China register, and the multilateral/Western register.
BUILTIN = {"china": "lexicon.toml", "multilateral": "lexicon_multilateral.toml"}


@functools.cache
def builtin_lexicon(name: str) -> Lexicon:
    """Return one builtin lexicon by name (``"china"`` or ``"multilateral"``).

    Raises:
        LexiconError: No builtin lexicon has that name.
    """
    if name not in BUILTIN:
        raise LexiconError(f"builtin:{name}", f"is no builtin lexicon; choose from "
                           f"{', '.join('builtin:' + n for n in BUILTIN)}")
    return Lexicon(tuple(Formula(*row) for row in _compiled()["formulas"][name]), (f"builtin:{name}",))


def _read_builtin(name: str) -> Lexicon:
    text = shipped(BUILTIN[name])
    return parse_lexicon(text, name=f"builtin:{name}")


#: The default lexicon once built: its index and vocabulary come precomputed.
_DEFAULT: list[Lexicon] = []


@functools.cache
def default_lexicon() -> Lexicon:
    """Return the lexicons shipped with diplodiff, both loaded: the China register
    (``_data/lexicon.toml``) and the multilateral/Western register
    (``_data/lexicon_multilateral.toml``). Where both list a wording, the China
    register's formula claims it (it is listed first)."""
    _DEFAULT.append(_joined(builtin_lexicon("china"), builtin_lexicon("multilateral")))
    return _DEFAULT[0]


def _joined(china: Lexicon, multilateral: Lexicon) -> Lexicon:
    ids = {f.id for f in china.formulas}
    return Lexicon((*china.formulas, *(f for f in multilateral.formulas if f.id not in ids)),
                   (*china.names, *multilateral.names))


@functools.cache
def _compiled() -> dict[str, Any]:
    """The builtin lexicons parsed, and the default lexicon's index and vocabulary, as
    plain data: from the user cache when this diplodiff built them before (parsing the
    TOML and folding every wording is most of a cold two-statement diff), else built."""
    return cached("lexicon", _compile)  # type: ignore[no-any-return]


def _compile() -> dict[str, Any]:
    lexicons = {name: _read_builtin(name) for name in BUILTIN}
    default = _joined(lexicons["china"], lexicons["multilateral"])
    return {
        "formulas": {name: [(f.id, f.canonical, f.category, f.rank, f.variants, f.note)
                            for f in lexicon.formulas] for name, lexicon in lexicons.items()},
        "index": _wordings(default),
        "vocabulary": _build_vocabulary(default),
    }


def build_lexicon(*, builtin: bool = True, extra: Iterable[str | Path] = ()) -> Lexicon:
    """Return the builtin lexicon (unless ``builtin=False``) merged with user files."""
    lexicon = default_lexicon() if builtin else Lexicon((), ())
    for path in extra:
        lexicon = lexicon.merged(load_lexicon(path))
    return lexicon
