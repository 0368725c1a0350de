"""What the timeline keeps of one statement's analysis, and how partial results combine.

A statement's *digest* is one ``Found`` per formula it uses: plain tuples, cheap to
send from worker processes (``encode``: marshal) or Dask workers (pickle) and to store. Digests of
many statements become ``Rows``, the per-formula record, which combine by
concatenation: any engine can split the record, build rows per part and reduce them
in any order, and ``ordered`` gives back the one order a serial run gives.
"""

from __future__ import annotations

import marshal
import sys
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .._models import Origin, Phrase, Statement
from .._options import Options
from ..diff.pipeline import analyse
from ..find.discover import is_reportable
from ..find.lexicon import Lexicon
from ..text.speakers import SpeakerTable


class Found(NamedTuple):
    """One formula in one statement: plain data, cheap to pickle and to store."""

    formula: str
    canonical: str
    category: str | None
    lexicon: bool
    rank: int | None
    reportable: bool
    texts: tuple[str, ...]
    keys: tuple[str, ...]
    counts: tuple[int, ...]
    sentence: str
    speakers: tuple[str, ...]
    sides: tuple[str, ...]
    said: tuple[tuple[str, str], ...]


#: A ``Found`` as a plain tuple, as workers make it: ``marshal`` takes no tuple subclass.
FoundTuple = tuple[str, str, str | None, bool, int | None, bool, tuple[str, ...], tuple[str, ...],
                   tuple[int, ...], str, tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]
#: The ``marshal`` format of encoded digests (``encode``).
MARSHAL_VERSION = 4
#: A statement's digest: its formulas in order of first use.
Digest = list[Found]
#: The per-formula record: formula -> ``(statement index, position in its digest, found)``.
Rows = dict[str, list[tuple[int, int, Found]]]


class _Sentences:
    """A statement's sentences, whitespace collapsed, each made once and shared.

    One string object per sentence, however many formulas quote it: pickling to the
    parent and the parent's memory keep one copy.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.made: dict[int, str] = {}  # by the sentence's index in the statement

    def of(self, phrase: Phrase) -> str:
        found = self.made.get(phrase.sentence)
        if found is None:
            span = phrase.sentence_span
            # str.split() and strip() take the same characters for whitespace as ``\s``
            found = self.made[phrase.sentence] = " ".join(self.text[span.start : span.end].split())
        return found


#: The names and wordings a record repeats in statement after statement are interned: ``marshal``
#: then writes them as such and reads them back as the one string object (a sentence, nearly
#: always the statement's own, is not). A record of 10,000 statements holds a few thousand
#: such strings instead of millions, and comparing them (merging and writing) stops at identity.
_intern = sys.intern


def _found(formula: str, group: Sequence[Phrase], sentences: _Sentences) -> FoundTuple:
    first = group[0]
    category = first.category if first.category is None else _intern(first.category)
    if len(group) == 1:  # most formulas occur once in a statement: what the loop below makes of one
        speaker, side = first.speaker, first.side
        sentence = sentences.of(first)
        return (_intern(formula), _intern(first.canonical), category, first.origin is Origin.LEXICON,
                first.rank, is_reportable(group), (_intern(first.text),), (_intern(first.key),), (1,),
                sentence, (_intern(speaker),) if speaker else (), (_intern(side),) if side else (),
                ((speaker or "", sentence),) if side else ())
    by_key: dict[str, str] = {}
    counts: dict[str, int] = {}
    speakers: dict[str, None] = {}
    sides: dict[str, None] = {}
    said: dict[tuple[str, str], None] = {}
    for p in group:
        key, speaker, side = p.key, p.speaker, p.side
        if key in counts:
            counts[key] += 1
        else:
            by_key[key] = p.text
            counts[key] = 1
        if speaker:
            speakers[speaker] = None
        if side:
            sides[side] = None
            said[speaker or "", sentences.of(p)] = None
    return (_intern(formula), _intern(first.canonical), category, first.origin is Origin.LEXICON, first.rank,
            is_reportable(group), tuple(map(_intern, by_key.values())), tuple(map(_intern, by_key)),
            tuple(counts.values()), sentences.of(first), tuple(map(_intern, speakers)),
            tuple(map(_intern, sides)), tuple(said))


def _tuples(statement: Statement, lexicon: Lexicon, options: Options,
            speakers: SpeakerTable | None) -> list[FoundTuple]:
    groups = analyse(statement, lexicon=lexicon, options=options, speakers=speakers).groups()
    sentences = _Sentences(statement.text)
    return [_found(formula, group, sentences) for formula, group in groups.items()]


def digest(statement: Statement, lexicon: Lexicon, options: Options,
           speakers: SpeakerTable | None = None) -> Digest:
    """Analyse one statement and keep one ``Found`` per formula, in order of first use."""
    return [Found._make(t) for t in _tuples(statement, lexicon, options, speakers)]


def encoded_digest(statement: Statement, lexicon: Lexicon, options: Options,
                   speakers: SpeakerTable | None = None) -> bytes:
    """``encode(digest(...))`` without making the ``Found`` objects in between (what workers send)."""
    return marshal.dumps(_tuples(statement, lexicon, options, speakers), MARSHAL_VERSION)


def encode(found: Digest) -> bytes:
    """A digest in ``marshal`` form, as workers send it and the store keeps it.

    Decoded ten times faster than JSON; a worker's digests encoded this way cost about a
    third of pickling them, and the parent stores the bytes it received. ``marshal``
    writes a string object once and refers back to it, so the sentence shared by
    several formulas (and their ``said``) is sent and stored once and read back shared.
    It cannot run code; a damaged blob raises on reading. Its format depends on the
    Python version (part of a store's fingerprint).
    """
    return marshal.dumps([tuple(f) for f in found], MARSHAL_VERSION)


def decode(blob: bytes) -> Digest:
    """The digest written by ``encode``.

    Raises:
        ValueError: The blob is not an encoded digest.
    """
    try:
        rows = marshal.loads(blob)
        return [Found._make(row) for row in rows]
    except (EOFError, TypeError, ValueError) as exc:
        msg = f"not a stored digest ({exc})"
        raise ValueError(msg) from None


def rows_of(digests: Iterable[tuple[int, Digest]]) -> Rows:
    """The per-formula rows of numbered digests."""
    rows: Rows = {}
    for index, found_in_statement in digests:
        for pos, found in enumerate(found_in_statement):
            rows.setdefault(found.formula, []).append((index, pos, found))
    return rows


def combine(parts: Iterable[Rows]) -> Rows:
    """Concatenate partial rows (a reduction: any grouping, any order)."""
    out: Rows = {}
    for part in parts:
        for formula, rows in part.items():
            out.setdefault(formula, []).extend(rows)
    return out


def ordered(rows: Rows) -> list[str]:
    """The formulas in order of first use, each one's rows sorted in place by statement.

    This is the order a serial pass over the statements meets them in, whatever
    grouping and order the rows were combined in.
    """
    for found in rows.values():
        # (statement, position) is unique within a formula: tuples compare on it alone
        found.sort()
    return sorted(rows, key=lambda formula: (rows[formula][0][0], rows[formula][0][1]))


def digests_of(rows: Rows, indexes: Iterable[int]) -> dict[int, Digest]:
    """Split rows back into the digest of each statement in ``indexes`` (empty when none)."""
    positioned: dict[int, list[tuple[int, Found]]] = {i: [] for i in indexes}
    for found in rows.values():
        for index, pos, f in found:
            if index in positioned:
                positioned[index].append((pos, f))
    return {i: [f for _, f in sorted(positioned[i], key=lambda p: p[0])] for i in positioned}
