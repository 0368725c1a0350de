"""track(): the history of every formula across many dated statements.

Each statement is analysed on its own by an engine (this process, worker processes,
or a Dask cluster: see ``engines``); engines send back only light per-formula rows,
never tokens, and the rows merge in date order into one ``FormulaHistory`` per
formula. With a store (``store``), statements analysed by an earlier run are read
back instead of analysed again.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

from attrs import field, frozen

from .._models import HTML_ROWS, JOIN, Origin, Statement, html_cell, load_pandas
from .._options import DEFAULT_OPTIONS, Options
from ..diff.pipeline import paused_gc
from ..find.lexicon import Lexicon, default_lexicon
from ..read.catalog import Catalog
from ..text.speakers import SpeakerTable
from .digest import Found, Rows, combine, digests_of, encode, ordered, rows_of
from .engines import EARLY_PART, PARALLEL_MIN, DaskEngine, Engine, ProcessEngine

if TYPE_CHECKING:
    from .store import Store

__all__ = ["OCCURRENCE_COLUMNS", "PARALLEL_MIN", "Early", "Form", "FormulaHistory", "Occurrence",
           "Occurrences", "Progress", "Run", "Switch", "Timeline", "track", "track_on"]

#: Called as ``progress(done, total)`` while statements are analysed.
Progress = Callable[[int, int], None]
_LADDER = "partnership_label"
#: Columns of ``Timeline.to_records()`` (and of ``timeline --format csv``), in order.
OCCURRENCE_COLUMNS = ("formula", "phrase", "category", "origin", "statement", "date", "position", "text",
                      "forms", "count", "speakers", "sides", "sentence")

if TYPE_CHECKING:
    import pandas


@frozen
class Occurrence:
    """A formula in one statement: its wordings there, how often, and who said it.

    Attributes:
        statement_id: Id of the statement.
        index: Position of the statement in ``Timeline.statements`` (date order).
        date: Date of the statement.
        texts: The distinct wordings in this statement, as they stand, first one first.
        keys: The folded form of each wording (what makes two wordings one form).
        counts: How often each wording occurs in the statement.
        sentence: The sentence of the first occurrence, whitespace collapsed.
        speakers: Who voices it, where the text says so.
        sides: The sides those speakers stand for.
        said: For each sentence a side voices it in, ``(speaker, sentence)``, whitespace
            collapsed: the evidence for claims on who says it.
        position: Its place among the formulas of the statement, in order of first use
            (0 when not known); not compared.
    """

    statement_id: str
    index: int
    date: dt.date | None
    texts: tuple[str, ...]
    keys: tuple[str, ...]
    counts: tuple[int, ...]
    sentence: str
    speakers: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    said: tuple[tuple[str, str], ...] = ()
    position: int = field(default=0, eq=False, repr=False)

    @property
    def text(self) -> str:
        """The first wording in the statement."""
        return self.texts[0]

    @property
    def key(self) -> str:
        """The folded form of the first wording."""
        return self.keys[0]

    @property
    def count(self) -> int:
        """Occurrences in the statement, all wordings together."""
        return sum(self.counts)


#: A formula's occurrence as a renderer reads it: ``(statement position, position in its
#: digest, data)``, the data an ``Occurrence`` or a ``Found`` (the same attribute names).
Row = tuple[int, int, "Occurrence | Found"]


class Occurrences(Sequence[Occurrence]):
    """A formula's occurrences: reads, compares, hashes and prints as the tuple of its
    ``Occurrence`` objects, which are built only when first read.

    A record of 10,000 statements has about half a million occurrences: renderers read
    the plain rows of ``rows()`` instead, so writing a record as JSON or CSV builds none.
    """

    __slots__ = ("_built", "_found", "_statements")

    def __init__(self, found: Sequence[tuple[int, int, Found]], statements: Sequence[Statement]) -> None:
        self._found = found
        self._statements = statements
        self._built: tuple[Occurrence, ...] | None = None

    def rows(self) -> Sequence[tuple[int, int, Found]]:
        """``(statement position, position in its digest, found)`` per occurrence, in date order."""
        return self._found

    def _make(self, index: int, found: Found, position: int) -> Occurrence:
        statement = self._statements[index]
        return Occurrence(statement.id, index, statement.date, found.texts, found.keys, found.counts,
                          found.sentence, found.speakers, found.sides, found.said, position)

    def _tuple(self) -> tuple[Occurrence, ...]:
        if self._built is None:
            self._built = tuple(self._make(i, f, p) for i, p, f in self._found)
        return self._built

    def __len__(self) -> int:
        return len(self._found)

    @overload
    def __getitem__(self, index: int) -> Occurrence: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Occurrence, ...]: ...
    def __getitem__(self, index: int | slice) -> Occurrence | tuple[Occurrence, ...]:
        if isinstance(index, slice) or self._built is not None:
            return self._tuple()[index]
        i, position, found = self._found[index]  # one occurrence (first, last) builds no other
        return self._make(i, found, position)

    def __iter__(self) -> Iterator[Occurrence]:
        return iter(self._tuple())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Occurrences, tuple)):
            return self._tuple() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __repr__(self) -> str:
        return repr(self._tuple())

    def __reduce__(self) -> tuple[type[tuple[Occurrence, ...]], tuple[tuple[Occurrence, ...]]]:
        return tuple, (self._tuple(),)


def occurrence_rows(history: FormulaHistory) -> Sequence[Row]:
    """A history's occurrences as plain rows (see ``Row``), without building them when lazy."""
    occurrences = history.occurrences
    if isinstance(occurrences, Occurrences):
        return occurrences.rows()
    return [(o.index, o.position, o) for o in occurrences]


@frozen
class Run:
    """Consecutive statements ``start..end`` (inclusive positions in the record)."""

    start: int
    end: int

    @property
    def length(self) -> int:
        """Number of statements in the run."""
        return self.end - self.start + 1


@frozen
class Form:
    """One surface form of a formula across the record.

    Attributes:
        key: Folded form; wordings with the same key are one form.
        text: The wording as it first stood.
        count: Occurrences over the record.
        statements: Positions of the statements that use it.
    """

    key: str
    text: str
    count: int
    statements: tuple[int, ...]


@frozen
class Switch:
    """The formula's leading wording changed between two statements that use it."""

    earlier: int
    later: int
    earlier_text: str
    later_text: str


@frozen
class FormulaHistory:
    """Where, how and by whom one formula was used across the record.

    Attributes:
        formula: Lexicon id, or ``"~" + key`` for a discovered phrase.
        canonical: The lexicon's wording, or the key of a discovered phrase.
        category: Lexicon category (``None`` when discovered).
        origin: Lexicon or discovered.
        rank: Partnership rank, for partnership labels.
        occurrences: One per statement that uses it, in date order (a read-only
            sequence, equal to the tuple of the same occurrences).
        record: Number of statements in the record.
    """

    formula: str
    canonical: str
    category: str | None
    origin: Origin
    rank: int | None
    occurrences: Sequence[Occurrence]
    record: int

    @property
    def first(self) -> Occurrence:
        """The earliest occurrence."""
        return self.occurrences[0]

    @property
    def last(self) -> Occurrence:
        """The latest occurrence."""
        return self.occurrences[-1]

    @property
    def count(self) -> int:
        """Occurrences over the whole record."""
        return sum(o.count for o in self.occurrences)

    def at(self, index: int) -> Occurrence | None:
        """The occurrence in the statement at ``index``, or ``None``."""
        return next((o for o in self.occurrences if o.index == index), None)

    def presence(self) -> tuple[bool, ...]:
        """For each statement of the record, whether the formula occurs in it."""
        present = [False] * self.record
        for o in self.occurrences:
            present[o.index] = True
        return tuple(present)

    def streaks(self) -> tuple[Run, ...]:
        """Runs of consecutive statements that use the formula."""
        runs: list[Run] = []
        for o in self.occurrences:
            if runs and runs[-1].end == o.index - 1:
                runs[-1] = Run(runs[-1].start, o.index)
            else:
                runs.append(Run(o.index, o.index))
        return tuple(runs)

    def gaps(self) -> tuple[Run, ...]:
        """Runs of statements without it, between its first and last use."""
        streaks = self.streaks()
        return tuple(Run(a.end + 1, b.start - 1) for a, b in itertools.pairwise(streaks))

    def forms(self) -> tuple[Form, ...]:
        """Its surface forms, in order of first use."""
        found: dict[str, list[Any]] = {}  # key -> [first text, count, statement positions]
        for o in self.occurrences:
            for text, key, n in zip(o.texts, o.keys, o.counts, strict=True):
                entry = found.get(key)
                if entry is None:
                    found[key] = [text, n, [o.index]]
                else:
                    entry[1] += n
                    entry[2].append(o.index)
        return tuple(Form(k, t, c, tuple(w)) for k, (t, c, w) in found.items())

    def switches(self) -> tuple[Switch, ...]:
        """Changes of leading wording from one use to the next."""
        pairs = itertools.pairwise(self.occurrences)
        return tuple(Switch(a.index, b.index, a.text, b.text) for a, b in pairs
                     if b.key != a.key and b.key not in a.keys)

    def speakers(self) -> tuple[str, ...]:
        """Everyone who voices it somewhere, in order of first appearance."""
        return tuple(dict.fromkeys(s for o in self.occurrences for s in o.speakers))

    def sides(self) -> tuple[str, ...]:
        """Every side that voices it somewhere, in order of first appearance."""
        return tuple(dict.fromkeys(s for o in self.occurrences for s in o.sides))


@frozen(repr=False)
class Timeline:
    """Every formula's history across dated statements; records the options used.

    Attributes:
        statements: The dated statements, in date order (the record).
        formulas: One history per formula: lexicon formulas, and discovered
            phrases that look like formulas or recur in two statements or more.
        undated: Statements with no date from file or catalog, left out of the record.
        warnings: What the reader should know (undated statements, unused catalog rows).
        options: The options that produced it.
        lexicon_names: Names of the lexicons used.
    """

    statements: tuple[Statement, ...]
    formulas: tuple[FormulaHistory, ...]
    undated: tuple[Statement, ...] = ()
    warnings: tuple[str, ...] = ()
    options: Options = DEFAULT_OPTIONS
    lexicon_names: tuple[str, ...] = ()

    def formula(self, name: str) -> FormulaHistory:
        """The history of a formula, by id or canonical wording.

        Raises:
            KeyError: No formula has that id or wording.
        """
        for history in self.formulas:
            if name in (history.formula, history.canonical):
                return history
        raise KeyError(name)

    def index(self, statement_id: str) -> int:
        """Position of a statement in the record.

        Raises:
            KeyError: The statement is not in the record.
        """
        for i, statement in enumerate(self.statements):
            if statement.id == statement_id:
                return i
        raise KeyError(statement_id)

    def labels(self) -> tuple[Occurrence | None, ...]:
        """For each statement, its highest-ranked partnership label, if any."""
        best: list[tuple[int, FormulaHistory, int] | None] = [None] * len(self.statements)
        for history in self.formulas:
            if history.category != _LADDER:
                continue
            rank = history.rank or 0
            for n, (index, _, _) in enumerate(occurrence_rows(history)):
                current = best[index]
                if current is None or rank > current[0]:
                    best[index] = (rank, history, n)
        return tuple(b[1].occurrences[b[2]] if b else None for b in best)

    def __repr__(self) -> str:
        dates = [s.date.isoformat() for s in self.statements if s.date]
        span = f" ({dates[0]} to {dates[-1]})" if dates else ""
        return (f"<Timeline: {len(self.statements)} dated statement(s){span}, {len(self.formulas)} "
                f"formula(s), {len(self.undated)} undated>")

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per formula per statement that uses it (``OCCURRENCE_COLUMNS``).

        ``position`` is the statement's place in the record, from 1; wordings,
        speakers and sides are joined with ``" | "``. No pandas needed.
        """
        return list(self.iter_records())

    def iter_records(self) -> Iterator[dict[str, Any]]:
        """``to_records()`` one at a time, for writing a large record without holding it."""
        for h in self.formulas:
            for o in h.occurrences:
                yield {"formula": h.formula, "phrase": h.canonical, "category": h.category,
                       "origin": h.origin.value, "statement": o.statement_id,
                       "date": o.date.isoformat() if o.date else None, "position": o.index + 1,
                       "text": o.text, "forms": JOIN.join(o.texts), "count": o.count,
                       "speakers": JOIN.join(o.speakers), "sides": JOIN.join(o.sides),
                       "sentence": o.sentence}

    def to_pandas(self) -> pandas.DataFrame:
        """The record as a pandas DataFrame, one row per formula per statement (imports pandas).

        ``date`` is a datetime column, ready for time-series work.
        """
        pd = load_pandas()
        frame = pd.DataFrame(self.to_records(), columns=list(OCCURRENCE_COLUMNS))
        frame["date"] = pd.to_datetime(frame["date"])
        return frame

    def _repr_html_(self) -> str:
        heads = "".join(f'<th title="{html_cell(s.title or s.id)}">'
                        f'{s.date.isoformat() if s.date else "?"}</th>' for s in self.statements)
        rows = "".join(
            f"<tr><td>{html_cell(h.canonical)}</td><td>{html_cell(h.category or 'discovered')}</td>"
            + "".join("<td>\u25cf</td>" if p else "<td>\u00b7</td>" for p in h.presence()) + "</tr>"
            for h in self.formulas[:HTML_ROWS])
        more = len(self.formulas) - HTML_ROWS
        tail = (f"<p>\u2026 {more} more formula(s) (to_pandas() has all)</p>" if more > 0 else "")
        return (f"<div>{html_cell(repr(self).strip('<>'))}<table><thead><tr><th>formula</th>"
                f"<th>category</th>{heads}</tr></thead><tbody>{rows}</tbody></table>{tail}</div>")


def _record(dated: Sequence[Statement], lexicon: Lexicon, options: Options,
            speakers: SpeakerTable | None, engine: Engine, store: Store | None,
            progress: Progress | None, keys: Sequence[str] | None = None, mark: str | None = None) -> Rows:
    """The per-formula rows of the record: stored digests, and the rest analysed by ``engine``.

    ``keys``: each statement's ``store.statement_key``, and ``mark``: the store's
    ``fingerprint`` of these settings, when the caller has them already.
    """
    total = len(dated)
    done = 0
    if progress:
        progress(0, total)
    parts: list[Rows] = []
    todo: list[tuple[int, Statement]] = list(enumerate(dated))
    named: Sequence[str] = ()
    stored_as = ""
    if store is not None:
        from .store import fingerprint, statement_key  # sqlite3 and hashlib: only with a store

        stored_as = fingerprint(lexicon, options, speakers) if mark is None else mark
        named = [statement_key(s) for s in dated] if keys is None else keys
        with paused_gc():
            stored = store.fetch(stored_as, named)
            hits = [(i, stored[k]) for i, k in enumerate(named) if k in stored]
            parts.append(rows_of(hits))
        todo = [(i, s) for i, s in todo if named[i] not in stored]
        done = len(hits)
        if progress and done:
            progress(done, total)
    # The parts coming back are about a million small tuples, none in a cycle: unpaused,
    # the collector rescanned them as they piled up (half the parent's CPU time of a
    # 10,000-statement run, unpickling included).
    with paused_gc():
        for indexes, rows, encoded in engine.run(todo, lexicon, options, speakers):
            parts.append(rows)
            if store is not None:
                if encoded is None:
                    encoded = {i: encode(d) for i, d in digests_of(rows, indexes).items()}
                store.put_encoded(stored_as, ((named[i], blob) for i, blob in encoded.items()))
            done += len(indexes)
            if progress:
                progress(done, total)
    return combine(parts)


#: A formula analysed but left out of the record (one statement, nothing to report):
#: ``(statement position, position in its digest)`` of its only occurrence.
Pending = dict[str, tuple[int, int]]


def _merge(dated: Sequence[Statement], rows: Rows, pending: Pending | None = None) -> list[FormulaHistory]:
    """One history per formula worth keeping, occurrences in date order (the rest in ``pending``)."""
    histories = []
    for formula in ordered(rows):
        # taken out as it is read: the rows of a formula are freed once it has its history
        found = rows.pop(formula)
        if len(found) < 2 and not any(f.lexicon or f.reportable for _, _, f in found):
            if pending is not None:
                pending[formula] = found[0][:2]
            continue
        first = found[0][2]
        histories.append(FormulaHistory(formula, first.canonical, first.category,
                                        Origin.LEXICON if first.lexicon else Origin.DISCOVERED,
                                        first.rank, Occurrences(found, dated), len(dated)))
    return histories


def order_key(lexicon: bool, first: int, statements: int, canonical: str) -> tuple[bool, int, int, str]:
    """Where a formula stands in ``Timeline.formulas``: lexicon formulas first, then by first
    use, the more widely used first, then by wording (ties keep the order of first use)."""
    return (not lexicon, first, -statements, canonical)


def _histories(dated: Sequence[Statement], rows: Rows,
               pending: Pending | None = None) -> list[FormulaHistory]:
    """The record's histories in ``Timeline.formulas`` order (see ``order_key``)."""
    with paused_gc():
        histories = _merge(dated, rows, pending)
    histories.sort(key=lambda h: order_key(h.origin is Origin.LEXICON, h.first.index, len(h.occurrences),
                                           h.canonical))
    return histories


def _order(statements: Iterable[Statement]) -> tuple[list[Statement], list[Statement]]:
    listed = list(statements)
    dated = sorted((s for s in listed if s.date is not None), key=lambda s: s.date or dt.date.min)
    return dated, [s for s in listed if s.date is None]


class Early:
    """Hands statements to worker processes as they are read (``load_statements(each=...)``),
    so that the first are analysed while the rest are read; with a store, only those it lacks.

    ``track_on`` and ``StoredTimeline`` given its ``engine`` and the same settings then take
    the results. Close it (or use it as a context manager) to stop the workers on any exit.
    """

    def __init__(self, workers: int | None, lexicon: Lexicon, options: Options,
                 speakers: SpeakerTable | None = None, store: Store | None = None) -> None:
        self.engine = _engine(workers, None)
        self.lexicon, self.options, self.speakers, self.store = lexicon, options, speakers, store
        self.mark = ""
        if store is not None:
            from .store import fingerprint  # hashlib: only with a store

            self.mark = fingerprint(lexicon, options, speakers)
        self.waiting: list[Statement] = []
        #: Each statement's ``store.statement_key``, once asked of the store.
        self.keys: dict[Statement, str] = {}

    def __call__(self, statements: Sequence[Statement]) -> None:
        """Take statements just read."""
        if self.store is None:
            self.engine.early(statements, self.lexicon, self.options, self.speakers)
            return
        self.waiting.extend(statements)
        if len(self.waiting) >= EARLY_PART:
            self.flush()

    def flush(self) -> None:
        """Hand over the statements still waiting (to be asked of the store)."""
        if not self.waiting:
            return
        from .store import statement_key

        waiting, self.waiting = self.waiting, []
        keys = [statement_key(s) for s in waiting]
        self.keys.update(zip(waiting, keys, strict=True))
        assert self.store is not None
        known = self.store.known(self.mark, keys)
        self.engine.early([s for s, k in zip(waiting, keys, strict=True) if k not in known],
                          self.lexicon, self.options, self.speakers)

    def close(self) -> None:
        """Stop the workers, if any started."""
        self.engine.close()

    def __enter__(self) -> Early:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def track(statements: Iterable[Statement] | Iterable[str | os.PathLike[str]] | str | os.PathLike[str], *,
          lexicon: Lexicon | None = None,
          options: Options = DEFAULT_OPTIONS, catalog: Catalog | None = None,
          progress: Progress | None = None, workers: int | None = None,
          speakers: SpeakerTable | None = None, store: str | os.PathLike[str] | None = None,
          client: Any = None) -> Timeline:
    """Build the history of every formula across dated statements.

    Args:
        statements: The statements, in any order; or files and directories to load
            them from (``load_statements``), one path alone or a list of them.
        lexicon: Formulas to look for; the builtin lexicon when ``None``.
        options: Settings for every stage; recorded on the result.
        catalog: Metadata laid over the statements' own (dates, titles...).
        progress: Called as ``progress(done, total)`` while statements are read.
        workers: Processes to use; all cores when ``None``, 1 to stay in process.
        speakers: Known people and sides; the builtin table when ``None``.
        store: A SQLite file keeping each statement's analysis between runs
            (created when missing): only new or changed statements are analysed.
        client: A ``distributed.Client``: analyse on its Dask cluster instead of
            this machine's processes (needs the ``dask`` extra).

    Returns:
        The timeline. Statements without a date are left out of the record and
        listed in ``Timeline.undated``, with a warning. Whatever the engine and
        store, the same statements give the same timeline.

    Raises:
        StoreError: The store cannot be opened or is damaged.

    >>> import diplodiff
    >>> a = diplodiff.Statement(id="a", text="A strategic partnership.", date=dt.date(2020, 1, 1))
    >>> b = diplodiff.Statement(id="b", text="No formula here.", date=dt.date(2021, 1, 1))
    >>> c = diplodiff.Statement(id="c", text="Our strategic partnership.", date=dt.date(2022, 1, 1))
    >>> history = track([c, b, a]).formula("strategic partnership")
    >>> history.presence(), [g.length for g in history.gaps()]
    ((True, False, True), [1])
    """
    lexicon = default_lexicon() if lexicon is None else lexicon
    return track_on(_engine(workers, client), _statements(statements, options), lexicon=lexicon,
                    options=options, catalog=catalog, progress=progress, speakers=speakers, store=store)


def track_on(engine: Engine, statements: Iterable[Statement], *, lexicon: Lexicon,
             options: Options = DEFAULT_OPTIONS, catalog: Catalog | None = None,
             progress: Progress | None = None, speakers: SpeakerTable | None = None,
             store: str | os.PathLike[str] | None = None) -> Timeline:
    """``track`` on an engine of the caller's (one given statements ``Early``, say)."""
    dated, undated, warnings = _prepare(statements, catalog)
    opened = None
    if store is not None:
        from .store import Store  # sqlite3: only with a store

        opened = Store(store)
    try:
        rows = _record(dated, lexicon, options, speakers, engine, opened, progress)
    finally:
        if opened is not None:
            opened.close()
    return Timeline(tuple(dated), tuple(_histories(dated, rows)), tuple(undated), tuple(warnings), options,
                    lexicon.names if options.lexicon else ())


def _statements(given: Iterable[Statement] | Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
                options: Options) -> list[Statement]:
    """The statements ``track`` was given, loaded when it was given paths."""
    listed: list[object] = [given] if isinstance(given, (str, os.PathLike)) else list(given)
    if listed and all(isinstance(p, (str, os.PathLike)) for p in listed):
        from ..read.files import load_statements  # reading: only when given paths

        return list(load_statements([os.fspath(p) for p in listed if isinstance(p, (str, os.PathLike))],
                                    options=options))
    wrong = next((p for p in listed if not isinstance(p, Statement)), None)
    if wrong is not None:
        msg = f"track() takes Statements or paths to load them from, not {type(wrong).__name__}"
        raise TypeError(msg)
    return [p for p in listed if isinstance(p, Statement)]


def _prepare(statements: Iterable[Statement],
             catalog: Catalog | None) -> tuple[list[Statement], list[Statement], list[str]]:
    """The record (dated statements, in date order), the undated statements, and the warnings."""
    listed = list(statements)
    warnings: list[str] = []
    if catalog is not None:
        listed = [catalog.apply(s) for s in listed]
        for entry in catalog.unmatched(listed):
            where = f"{catalog.paths[0]}:{entry.line}" if len(catalog.paths) == 1 else "catalog"
            warnings.append(f"{where}: catalog entry {entry.key!r} names no statement given; ignored")
    seen: set[str] = set()
    for s in listed:
        if s.id in seen:
            warnings.append(f"statement id {s.id!r} occurs more than once; each copy is kept")
        seen.add(s.id)
    dated, undated = _order(listed)
    if undated:
        names = ", ".join(s.id for s in undated)
        warnings.append(f"{len(undated)} statement(s) have no date and are left out of the record: "
                        f"{names}; give their dates in a catalog")
    return dated, undated, warnings


@overload
def _engine(workers: int | None, client: None) -> ProcessEngine: ...
@overload
def _engine(workers: int | None, client: Any) -> Engine: ...
def _engine(workers: int | None, client: Any) -> Engine:
    """The Dask cluster of ``client``, else this machine's processes (in process for 1)."""
    if client is not None:
        return DaskEngine(client)
    cpus = os.cpu_count() or 1
    # more processes than CPUs only cost memory; fewer than one means in process
    return ProcessEngine(cpus if workers is None else max(1, min(cpus, workers)))
