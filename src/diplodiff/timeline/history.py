"""Reading a statement against the record: weigh a comparison's changes, and list
the formulas a new statement would be expected to use but does not."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from attrs import frozen

from .._models import ChangeKind, Comparison, Phrase, Statement
from ..text.speakers import BOTH, opening_words
from .track import FormulaHistory, Occurrence, Timeline

#: How many of the latest statements before the new one decide what is "expected".
RECENT = 5


def _cutoff(timeline: Timeline, later: Statement) -> int:
    """Number of record statements that come before ``later``."""
    for i, statement in enumerate(timeline.statements):
        if statement.id == later.id:
            return i
    if later.date is None:
        return len(timeline.statements)
    return sum(1 for s in timeline.statements if s.date is not None and s.date < later.date)


def _when(timeline: Timeline, index: int) -> str:
    date = timeline.statements[index].date
    return date.isoformat() if date else timeline.statements[index].id


def _before(history: FormulaHistory | None, cutoff: int) -> list[Occurrence]:
    return [] if history is None else [o for o in history.occurrences if o.index < cutoff]


def _streak_before(occurrences: list[Occurrence], cutoff: int) -> int:
    """How many consecutive statements just before ``cutoff`` use the formula."""
    n, expected = 0, cutoff - 1
    for o in reversed(occurrences):
        if o.index != expected:
            break
        n, expected = n + 1, expected - 1
    return n


def _notes_present(phrase: Phrase, history: FormulaHistory | None, timeline: Timeline,
                   cutoff: int) -> list[str]:
    """Notes on a formula the later statement uses."""
    earlier = _before(history, cutoff)
    if not earlier:
        return ["first appearance in the record"]
    notes = []
    last = earlier[-1]
    if last.index < cutoff - 1:
        missing = cutoff - 1 - last.index
        notes.append(f"back after a gap since {_when(timeline, last.index)} "
                     f"(absent from the {missing} statement(s) before)")
    uses = [o for o in earlier if phrase.key in o.keys]
    if not uses:
        notes.append("form new to the record")
    elif uses[-1].index != last.index:
        notes.append(f"form last used in {_when(timeline, uses[-1].index)}")
    notes.append(f"in {len(earlier)} of {cutoff} earlier statement(s)")
    return notes


def _notes_dropped(history: FormulaHistory | None, timeline: Timeline, cutoff: int) -> list[str]:
    earlier = _before(history, cutoff)
    if not earlier:
        return []
    streak = _streak_before(earlier, cutoff)
    notes = []
    if streak >= 2:
        notes.append(f"absent after {streak} consecutive statements")
    elif earlier[-1].index == cutoff - 1 and len(earlier) == 1:
        notes.append("dropped after its only appearance in the record")
    notes.append(f"in {len(earlier)} of {cutoff} earlier statement(s), "
                 f"first {_when(timeline, earlier[0].index)}")
    return notes


def _history_of(timeline: Timeline, phrase: Phrase) -> FormulaHistory | None:
    for history in timeline.formulas:
        if history.formula == phrase.formula:
            return history
    return None


def _voiced_in(history: FormulaHistory, timeline: Timeline) -> str:
    """Where each statement voices a formula, so a reader can check a claim on its speakers:
    '2024-07-03, Kassym-Jomart Tokayev: "Kazakhstan looks forward to making…"'."""
    return "; ".join(f'{_when(timeline, o.index)}, {speaker}: "{opening_words(sentence)}"'
                     for o in history.occurrences for speaker, sentence in o.said)


def weigh(comparison: Comparison, timeline: Timeline) -> Comparison:
    """Return the comparison with each change's ``history`` saying what the record says of it.

    The record is the timeline's statements that come before the later
    statement (by position when it is in the timeline, else by date).

    >>> import diplodiff
    >>> d = lambda y: dt.date(y, 1, 1)
    >>> s = [diplodiff.Statement(id=f"s{y}", date=d(y), text=t) for y, t in (
    ...     (2020, "A strategic partnership."), (2021, "A strategic partnership."),
    ...     (2022, "Some words."), (2023, "The Belt and Road Initiative."))]
    >>> weighed = weigh(diplodiff.compare(s[1], s[3]), diplodiff.track(s))
    >>> [(c.kind.value, c.history[0]) for c in weighed.changes]  # doctest: +NORMALIZE_WHITESPACE
    [('added', 'first appearance in the record'),
     ('dropped', 'in 2 of 3 earlier statement(s), first 2020-01-01')]
    """
    cutoff = _cutoff(timeline, comparison.later)
    changes = []
    for change in comparison.changes:
        notes: list[str]
        if change.kind is ChangeKind.DROPPED:
            assert change.earlier is not None
            notes = _notes_dropped(_history_of(timeline, change.earlier), timeline, cutoff)
        else:
            assert change.later is not None
            notes = _notes_present(change.later, _history_of(timeline, change.later), timeline, cutoff)
            if change.kind is ChangeKind.SHIFTED and change.earlier is not None:
                earlier_history = _history_of(timeline, change.earlier)
                uses = [o for o in _before(earlier_history, cutoff) if change.earlier.key in o.keys]
                if uses:
                    notes.append(f"earlier form in {len(uses)} of {cutoff} earlier statement(s)")
        sides = _history_of(timeline, change.phrase)
        if sides is not None and len(sides.sides()) == 1 and len(sides.occurrences) >= 2:
            only = sides.sides()[0]
            who = "both sides only say it together" if only == BOTH else f"only the {only} side says it"
            notes.append(f"{who} ({_voiced_in(sides, timeline)})")
        history: dict[str, Any] = {"history": tuple(dict.fromkeys([*change.history, *notes]))}
        changes.append(attrs.evolve(change, **history))
    weighed: dict[str, Any] = {"changes": tuple(changes)}
    return attrs.evolve(comparison, **weighed)


@frozen
class Absence:
    """A formula the newest statement would be expected to use, and does not.

    Attributes:
        history: The formula's history.
        recent: In how many of the ``window`` statements before the newest it occurs.
        window: How many statements before the newest were looked at.
        streak: Consecutive statements right before the newest that use it.
        share: In what share of all earlier statements it occurs.
        last: Its last occurrence.
    """

    history: FormulaHistory
    recent: int
    window: int
    streak: int
    share: float
    last: Occurrence

    @property
    def score(self) -> float:
        """How unusual the absence is: recent presence first, then the streak it breaks."""
        return self.recent / self.window + 0.1 * self.streak + 0.05 * self.share


@frozen(repr=False)
class LatestReport:
    """The newest statement read against the record of the ones before it.

    Attributes:
        statement: The newest statement.
        absent: Expected but absent formulas, most unusual absence first.
        new: Formulas it is the first statement to use.
        returning: Formulas it brings back after a gap (with the gap's start).
        window: How many earlier statements decide what is expected.
    """

    statement: Statement
    absent: tuple[Absence, ...]
    new: tuple[FormulaHistory, ...]
    returning: tuple[tuple[FormulaHistory, dt.date | None], ...]
    window: int

    def __repr__(self) -> str:
        return (f"<LatestReport {self.statement.id[:60]}: {len(self.absent)} expected but absent, "
                f"{len(self.new)} new, {len(self.returning)} returning>")


def check_latest(timeline: Timeline, *, recent: int = RECENT) -> LatestReport:
    """Read the newest statement against the record: what is missing, new, back.

    A formula is expected when it occurs in at least half of the ``recent``
    statements before the newest one; absences are ranked by how unusual they are.

    Raises:
        ValueError: The timeline has fewer than two dated statements.
    """
    n = len(timeline.statements)
    if n < 2:
        msg = "the record needs at least two dated statements to judge the latest one"
        raise ValueError(msg)
    latest = n - 1
    window = min(recent, latest)
    absent: list[Absence] = []
    new: list[FormulaHistory] = []
    returning: list[tuple[FormulaHistory, dt.date | None]] = []
    for history in timeline.formulas:
        earlier = [o for o in history.occurrences if o.index < latest]
        now = history.at(latest)
        if now is not None:
            if not earlier:
                new.append(history)
            elif earlier[-1].index < latest - 1:
                returning.append((history, earlier[-1].date))
            continue
        if not earlier:
            continue
        in_window = sum(1 for o in earlier if o.index >= latest - window)
        if 2 * in_window < window or in_window == 0:
            continue
        absent.append(Absence(history, in_window, window, _streak_before(earlier, latest),
                              len(earlier) / latest, earlier[-1]))
    absent.sort(key=lambda a: (-a.score, a.history.canonical))
    return LatestReport(timeline.statements[latest], tuple(absent), tuple(new), tuple(returning), window)
