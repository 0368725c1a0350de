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
``GAP`` tokens. Where hits overlap, the longest wins.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from importlib.resources import files
from pathlib import Path

from attrs import frozen

from .._errors import LexiconError
from .._models import Origin, Phrase, Sentence, Span
from ..read.guard import MAX_TABLE_BYTES, decode, parse_toml, read_input
from ..text.normalize import BARRIER, fold_text, numeric

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

    def match(self, parts: Sequence[str], start: int, ends: Sequence[bool]) -> int:
        """Return the end of a match starting at ``start``, or -1."""
        if not _at(parts, start, self.segments[0]):
            return -1
        pos = start + len(self.segments[0])
        for segment in self.segments[1:]:
            found = _after_gap(parts, pos, segment)
            if found < 0:
                return -1
            pos = found + len(segment)
        return pos if ends[pos - 1] else -1


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

    def find(self, sentence: Sentence, *, statement_id: str, text: str) -> list[Phrase]:
        """Return the formulas found in one sentence, leftmost-longest, never overlapping."""
        index = _index(self)
        parts: list[str] = []
        owner: list[int] = []
        starts: list[bool] = []
        ends: list[bool] = []
        for t, token in enumerate(sentence.tokens):
            for k, part in enumerate(token.parts):
                parts.append(part)
                owner.append(t)
                starts.append(k == 0)
                ends.append(k == len(token.parts) - 1)
        matched = numeric(tuple(parts))
        hits: list[Phrase] = []
        i = 0
        while i < len(matched):
            best_end, best = -1, None
            if starts[i]:
                for pattern in index.get(matched[i], ()):
                    end = pattern.match(matched, i, ends)
                    if end > best_end:
                        best_end, best = end, pattern
            if best is None:
                i += 1
                continue
            first, last = sentence.tokens[owner[i]], sentence.tokens[owner[best_end - 1]]
            span = Span(first.span.start, last.span.end)
            formula = best.formula
            hits.append(Phrase(
                statement_id=statement_id, text=span.of(text), span=span, sentence=sentence.index,
                sentence_span=sentence.span, key=" ".join(parts[i:best_end]), formula=formula.id,
                canonical=formula.canonical, category=formula.category, rank=formula.rank,
                origin=Origin.LEXICON, speaker=sentence.speaker, side=sentence.side,
            ))
            i = best_end
        return hits


@functools.cache
def _by_id(lexicon: Lexicon) -> dict[str, Formula]:
    return {f.id: f for f in lexicon.formulas}


@functools.cache
def _index(lexicon: Lexicon) -> dict[str, tuple[_Pattern, ...]]:
    index: dict[str, list[_Pattern]] = {}
    seen: set[tuple[tuple[str, ...], ...]] = set()
    for formula in lexicon.formulas:
        for wording in formula.wordings:
            segments = tuple(numeric(fold_text(piece)) for piece in wording.split("..."))
            segments = tuple(s for s in segments if s)
            if not segments or segments in seen:
                continue  # an earlier formula (a user's, when merged) claims this wording
            seen.add(segments)
            index.setdefault(segments[0][0], []).append(_Pattern(segments, formula))
    return {k: tuple(v) for k, v in index.items()}


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
    """Load a user lexicon file (TOML, the documented format).

    Raises:
        LexiconError: The file cannot be read or is malformed.
    """
    data = read_input(path, limit=MAX_TABLE_BYTES, error=LexiconError, what="lexicon file")
    return parse_lexicon(decode(data, str(path), LexiconError), name=str(path))


@functools.cache
def default_lexicon() -> Lexicon:
    """Return the lexicon shipped with diplodiff (``diplodiff/data/lexicon.toml``)."""
    text = files("diplodiff").joinpath("_data").joinpath("lexicon.toml").read_text(encoding="utf-8")
    return parse_lexicon(text, name="builtin")


def build_lexicon(*, builtin: bool = True, extra: Iterable[str | Path] = ()) -> Lexicon:
    """Return the builtin lexicon (unless ``builtin=False``) merged with user files."""
    lexicon = default_lexicon() if builtin else Lexicon((), ())
    for path in extra:
        lexicon = lexicon.merged(load_lexicon(path))
    return lexicon
