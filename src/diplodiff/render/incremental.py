"""The timeline JSON and CSV kept with a store: a record that grew at its end extends the last file.

A run with a store (``StoredTimeline``) writes the timeline JSON (or CSV) and keeps a
*snapshot* of it in the store: where each statement and each phrase stand in the file
written (the *source* of the next run), each phrase's facts as far as they go
(``_Facts.state``), and the formulas met once and left out until they recur. The next
run, when its record is the snapshot's record with statements added after it and the
source is still as written, extends it (``_Extension``): it copies the source's bytes for
every statement and phrase the new statements leave as they were (``os.copy_file_range``:
most of the file, never decoded), appends the new statements and their occurrences, and
writes again only the facts of the phrases the new statements use. The file is byte for
byte the one the whole path writes (``write_timeline_json``, ``write_timeline_csv``); tests
hold the two to that.

A new statement can change how an earlier one is written in the JSON: a formula met once
before recurs, and its sentence joins the earlier statement's ``sentences`` (numbered in
the order the statement uses them, so the later ones move up), or a partnership label moves
ahead of another of its rank in the list of phrases (a statement's label is the first of
its highest rank). Those statements are read from their stored analyses, written again,
and so are the occurrences whose sentence number moved (found in the source by their
statement and index).

Everything else takes the whole path (analyses read back from the store, merged and
written) and leaves a new snapshot; ``StoredTimeline.why`` says why: no snapshot for
these settings (a first run, another lexicon, speaker table, options or diplodiff
version), a stored statement changed, removed or added among the others, warnings, the
source changed or gone, or more than ``CHECK_MAX`` earlier statements to check.
"""

from __future__ import annotations

import array
import csv
import dataclasses
import io
import json
import marshal
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from .._errors import StoreError
from .._models import JOIN, Origin, Statement
from .._options import Options
from ..diff.pipeline import paused_gc
from ..find.lexicon import Lexicon
from ..read.catalog import Catalog
from ..text.speakers import SpeakerTable
from ..timeline.digest import Digest, Found, Rows, ordered
from ..timeline.engines import Engine
from ..timeline.store import MARSHAL_VERSION, REBUILD, Store, fingerprint, statement_key
from ..timeline.track import (
    OCCURRENCE_COLUMNS,
    FormulaHistory,
    Occurrences,
    Pending,
    Progress,
    Timeline,
    _engine,
    _histories,
    _prepare,
    _record,
    occurrence_rows,
    order_key,
)
from .escape import VALID_TEXT, csv_cell
from .tables import write_csv
from .timeline import (
    _STRING,
    TIMELINE_SCHEMA_VERSION,
    _Columns,
    _Compact,
    _date_json,
    _drain,
    _Facts,
    _sentences,
    _statement_dict,
)

#: The output a snapshot describes: the compact timeline JSON (the CSV's add ``-csv``).
KIND = "timeline-json"
#: The snapshot's own layout; another one is not read (the whole path writes a new one).
LAYOUT = 1
#: Earlier statements to check, at most, for a phrase that moved ahead of another: beyond
#: this many stored analyses to read back, the whole path costs about as much.
CHECK_MAX = 2_000
_LADDER = "partnership_label"
_COPY_CHUNK = 1 << 30


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _Phrase(NamedTuple):
    """A phrase of the snapshot: where it stands in the source and what orders it."""

    formula: str
    start: int
    occurrences_end: int  # the ``]`` that closes its occurrences
    end: int
    lexicon: bool
    first: int  # statement position of its first occurrence
    position: int  # and that occurrence's position in the statement's digest
    statements: int
    canonical: str
    category: str | None
    rank: int | None

    def key(self, statements: int | None = None) -> tuple[Any, ...]:
        """Its place in ``Timeline.formulas`` (with ``statements`` occurrences)."""
        n = self.statements if statements is None else statements
        return (*order_key(self.lexicon, self.first, n, self.canonical), self.first, self.position)


@dataclasses.dataclass
class _Snapshot:
    """What a run keeps of the file it wrote (``marshal``-ed into the store)."""

    source: str
    state: tuple[int, ...]
    statements: list[tuple[str, str | None, tuple[str, ...]]]  # key, path, notes: what makes its JSON
    region: tuple[int, int]  # the statements' items in the source
    starts: array.array[int]  # where each statement's item starts in the source
    phrases: list[_Phrase]  # in their order in the source
    pending: Pending

    def encode(self) -> bytes:
        return marshal.dumps((LAYOUT, self.source, self.state, self.statements, self.region,
                              self.starts.tobytes(), [tuple(p) for p in self.phrases], self.pending),
                             MARSHAL_VERSION)

    @classmethod
    def decode(cls, blob: bytes) -> _Snapshot | None:
        """The snapshot, or ``None`` when it has another layout.

        Raises:
            ValueError: The blob is damaged.
        """
        try:
            data = marshal.loads(blob)
            if data[0] != LAYOUT:
                return None
            _, source, state, statements, region, starts, phrases, pending = data
            offsets = array.array("q")
            offsets.frombytes(starts)
            return cls(source, tuple(state), statements, tuple(region), offsets,
                       [_Phrase(*p) for p in phrases], pending)
        except (EOFError, TypeError, ValueError, IndexError) as exc:
            msg = f"not a stored snapshot ({exc})"
            raise ValueError(msg) from None


def _file_state(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


class _Out:
    """Writes bytes to a file descriptor, counting them; copies ranges of another file into it.

    Consecutive copies of adjacent ranges (and the comma between two phrases) become one.
    """

    def __init__(self, fd: int, source: int | None = None) -> None:
        self.fd, self.source = fd, source
        self.at = 0
        self.buffer: list[bytes] = []
        self.buffered = 0
        self.copy_from: int | None = None  # the range to copy, not copied yet
        self.copy_to = 0
        self.comma = False  # a comma after that range, not written yet

    def text(self, text: str) -> None:
        if text == "," and self.copy_from is not None and not self.comma:
            self.comma = True
            self.at += 1
            return
        self._copy_now()
        data = text.encode("utf-8", VALID_TEXT)
        self.buffer.append(data)
        self.buffered += len(data)
        self.at += len(data)
        if self.buffered > 1 << 20:
            self._flush()

    def copy(self, start: int, end: int) -> None:
        """Copy ``source[start:end]`` (a comma just written merges when the source has it there)."""
        if start >= end:
            return
        if self.copy_from is not None and start == self.copy_to + self.comma:
            self.copy_to, self.comma = end, False
            self.at += end - start
            return
        self._copy_now()
        self._flush()
        self.copy_from, self.copy_to = start, end
        self.at += end - start

    def _copy_now(self) -> None:
        if self.copy_from is None:
            return
        start, end, comma = self.copy_from, self.copy_to, self.comma
        self.copy_from, self.comma = None, False
        assert self.source is not None
        _copy_range(self.source, self.fd, start, end)
        if comma:
            self.buffer.append(b",")
            self.buffered += 1

    def _flush(self) -> None:
        data = b"".join(self.buffer)
        self.buffer, self.buffered = [], 0
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view):]

    def close(self) -> None:
        self._copy_now()
        self._flush()


def _copy_range(source: int, target: int, start: int, end: int) -> None:
    """Append ``source[start:end]`` to ``target`` (in the kernel where it can)."""
    while start < end:
        try:
            done = os.copy_file_range(source, target, min(end - start, _COPY_CHUNK), start)
        except (AttributeError, OSError):  # not Linux, or not between these two files
            done = 0
        if done <= 0:
            chunk = os.pread(source, min(end - start, 1 << 24), start)
            if not chunk:
                msg = "the source file ended early"
                raise OSError(msg)
            view = memoryview(chunk)
            while view:
                view = view[os.write(target, view):]
            done = len(chunk)
        start += done


class _CsvRows:
    """The timeline CSV's rows of one phrase, exactly as ``write_timeline_csv`` writes them."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        self.statements = statements
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")

    def _take(self) -> str:
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text

    def rows(self, formula: str, canonical: str, category: str | None, lexicon: bool,
             found_rows: Iterable[tuple[int, int, Any]]) -> str:
        origin = (Origin.LEXICON if lexicon else Origin.DISCOVERED).value
        for index, _, o in found_rows:
            statement = self.statements[index]
            date = statement.date.isoformat() if statement.date else None
            record = {"formula": formula, "phrase": canonical, "category": category, "origin": origin,
                      "statement": statement.id, "date": date, "position": index + 1, "text": o.texts[0],
                      "forms": JOIN.join(o.texts), "count": sum(o.counts), "speakers": JOIN.join(o.speakers),
                      "sides": JOIN.join(o.sides), "sentence": o.sentence}
            self.writer.writerow([csv_cell("" if record[c] is None else record[c])
                                  for c in OCCURRENCE_COLUMNS])
        return self._take()


def _head() -> str:
    return f'{{"schema_version":{TIMELINE_SCHEMA_VERSION},"statements":['


def _tail(warnings: Sequence[str], options: Options, lexicons: Sequence[str]) -> str:
    return (f'],"warnings":{_dumps(list(warnings))},"options":{_dumps(options.to_dict())},'
            f'"lexicons":{_dumps(list(lexicons))}}}\n')


def _streak_positions(a: Sequence[int], b: Sequence[int]) -> list[int]:
    """Positions in both of two flat lists of runs ``[start, end, start, end...]``."""
    out: list[int] = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i], b[j]), min(a[i + 1], b[j + 1])
        if lo <= hi:
            out.extend(range(lo, hi + 1))
        if a[i + 1] < b[j + 1]:
            i += 2
        else:
            j += 2
    return out


def _layout(used: Iterable[tuple[Found, int, int]]) -> tuple[dict[str, int], str | None]:
    """A statement's numbered sentences and partnership label, from its kept formulas' ``(found,
    place in the statement's digest, place in the list of phrases)``: what ``_sentences`` and
    ``Timeline.labels`` make of it."""
    used = list(used)
    table: dict[str, int] = {}
    for f, _, _ in sorted(used, key=lambda u: u[1]):
        if f.sentence not in table:
            table[f.sentence] = len(table)
    label: str | None = None
    best = -1
    for f, _, _ in sorted(used, key=lambda u: u[2]):
        if f.category == _LADDER and (f.rank or 0) > best:
            best, label = f.rank or 0, f.texts[0]
    return table, label


class StoredTimeline:
    """A timeline JSON or CSV written with a store: by extending the last one when the record only grew.

    Made with the statements, it plans the extension or, failing that, reads and analyses them
    (the whole path); then ``write`` writes the file to an output file's stream and ``save``
    keeps its snapshot, once the file is in place.

    Args:
        statements: The statements, in any order.
        store: The open store.
        lexicon, options, speakers, catalog, progress, workers, client: As for ``track``.
        csv: Write the CSV rather than the JSON; ``excel`` with its byte order mark.
        engine: Where to analyse, instead of the one ``workers`` and ``client`` choose
            (one given statements ``Early``, say).
        keys: Statements' ``statement_key`` already worked out (``Early.keys``).
    """

    def __init__(self, statements: Iterable[Statement], *, store: Store, lexicon: Lexicon, options: Options,
                 speakers: SpeakerTable | None = None, catalog: Catalog | None = None,
                 progress: Progress | None = None, workers: int | None = None, client: Any = None,
                 csv: bool = False, excel: bool = False, engine: Engine | None = None,
                 keys: Mapping[Statement, str] | None = None) -> None:
        self.store, self.lexicon, self.options, self.speakers = store, lexicon, options, speakers
        self.csv, self.excel = csv, excel
        self.kind = f"{KIND}-csv{'-excel' if excel else ''}" if csv else KIND
        self.progress = progress
        self.engine = _engine(workers, client) if engine is None else engine
        dated, undated, warnings = _prepare(statements, catalog)
        self.dated, self.undated, self.warnings = dated, undated, tuple(warnings)
        self.lexicons = lexicon.names if options.lexicon else ()
        self.mark = fingerprint(lexicon, options, speakers)
        known = {} if keys is None else keys
        self.keys = [known.get(s) or statement_key(s) for s in dated]
        self.ids_json = [_STRING(s.id) for s in dated]
        self.identities = [(k, s.path, s.notes) for k, s in zip(self.keys, dated, strict=True)]
        self.generation: str | None = None
        self.snapshot: _Snapshot | None = None
        self.states: dict[str, bytes] = {}
        self.timeline: Timeline | None = None
        self.pending: Pending = {}
        self.written: tuple[int, int] | None = None  # the inode and device of the file written
        #: Why the whole path was taken ("" when the last file was extended).
        self.why = ""
        self.extension: _Extension | None = self._extension()
        if self.extension is None:
            rows = _record(dated, lexicon, options, speakers, self.engine, store, progress, self.keys,
                           self.mark)
            histories = _histories(dated, rows, self.pending)
            self.timeline = Timeline(tuple(dated), tuple(histories), tuple(undated), self.warnings, options,
                                     self.lexicons)

    @property
    def extended(self) -> bool:
        """Whether the JSON extends the last file (rather than the whole path)."""
        return self.extension is not None

    def _extension(self) -> _Extension | None:
        """The plan to extend the last file, or ``None`` for the whole path (``why`` says why)."""
        if self.warnings:  # an undated statement is one (``_prepare``)
            return self._whole("the record has warnings")
        found = self.store.snapshot(self.mark, self.kind)
        if found is None:
            return self._whole("no snapshot with these settings")
        generation, blob = found
        try:
            snapshot = _Snapshot.decode(blob)
        except ValueError as exc:
            raise StoreError(self.store.path, f"is damaged ({exc}); {REBUILD}") from None
        if snapshot is None:
            return self._whole("a snapshot of another layout")
        n = len(snapshot.statements)
        if not n:
            return self._whole("the last file has no statements")
        if len(self.dated) < n or self.identities[:n] != snapshot.statements:
            return self._whole("stored statements changed, moved or went")
        try:
            source = os.open(snapshot.source, os.O_RDONLY)
        except OSError:
            return self._whole("the last file is gone")
        if _file_state(os.fstat(source)) != snapshot.state:
            os.close(source)
            return self._whole("the last file changed")
        self.snapshot, self.generation = snapshot, generation
        plan = _Extension.plan(self, snapshot, source)
        if isinstance(plan, str):
            os.close(source)
            self.snapshot = self.generation = None
            return self._whole(plan)
        return plan

    def _whole(self, why: str) -> _Extension | None:
        """No extension (the whole path), for this reason."""
        self.why = why
        return None

    def write(self, stream: TextIO) -> None:
        """Write the timeline JSON to ``stream``, an output file's text stream (written through its
        descriptor, so that unchanged parts are copied from the last file)."""
        stream.flush()
        with paused_gc():
            if self.extension is not None:
                self.snapshot = self.extension.write(stream.fileno())
            else:
                self.snapshot = self._write_whole(stream.fileno())
        written = os.fstat(stream.fileno())
        self.written = (written.st_ino, written.st_dev)

    def _write_whole(self, fd: int) -> _Snapshot | None:
        """The whole path's JSON, exactly ``write_timeline_json``'s, and the snapshot of it."""
        timeline = self.timeline
        assert timeline is not None
        if self.csv:
            return self._write_whole_csv(fd, timeline)
        out = _Out(fd)
        labels = timeline.labels()
        columns = [_Columns(occurrence_rows(h)) for h in timeline.formulas]  # read once for both
        sentences = _sentences(timeline, columns)
        drained = _drain(columns)
        ids = [s.id for s in timeline.statements]
        writer = _Compact(ids, sentences, self.ids_json)  # the ids as JSON: made once, in __init__
        out.text(_head())
        start = out.at
        starts = array.array("q")
        for i, s in enumerate(timeline.statements):
            if i:
                out.text(",")
            starts.append(out.at)
            out.text(_dumps(_statement_dict(s, labels[i], list(sentences[i]))))
        region = (start, out.at)
        out.text('],"undated":[' + ",".join(_dumps(_statement_dict(s, None, [])) for s in timeline.undated)
                 + '],"phrases":[')
        phrases: list[_Phrase] = []
        self.states = {}
        for k, h in enumerate(timeline.formulas):
            if k:
                out.text(",")
            start = out.at
            head, facts = writer.parts(h, next(drained))
            out.text(head)
            occurrences_end = out.at
            out.text("]," + facts.json(_date_json(h.last.date))[1:])
            index, position, _ = next(iter(_rows_of(h)))
            phrases.append(_Phrase(h.formula, start, occurrences_end, out.at, h.origin is Origin.LEXICON,
                                   index, position, len(h.occurrences), h.canonical, h.category, h.rank))
            self.states[h.formula] = marshal.dumps(facts.state(), MARSHAL_VERSION)
        out.text(_tail(timeline.warnings, timeline.options, timeline.lexicon_names))
        out.close()
        if timeline.warnings:
            return None
        return _Snapshot("", (), self.identities, region, starts, phrases, self.pending)

    def _write_whole_csv(self, fd: int, timeline: Timeline) -> _Snapshot | None:
        """The whole path's CSV, exactly ``write_timeline_csv``'s, and the snapshot of it."""
        out = _Out(fd)
        table = _CsvRows(timeline.statements)
        out.text(write_csv(OCCURRENCE_COLUMNS, (), excel=self.excel))
        phrases: list[_Phrase] = []
        for h in timeline.formulas:
            start = out.at
            found_rows = _rows_of(h)
            lexicon = h.origin is Origin.LEXICON
            out.text(table.rows(h.formula, h.canonical, h.category, lexicon, found_rows))
            index, position, _ = found_rows[0]
            phrases.append(_Phrase(h.formula, start, out.at, out.at, lexicon, index, position,
                                   len(h.occurrences), h.canonical, h.category, h.rank))
        out.close()
        self.states = {}
        if timeline.warnings:
            return None
        return _Snapshot("", (), self.identities, (0, 0), array.array("q"), phrases, self.pending)

    def save(self, path: str | os.PathLike[str]) -> bool:
        """Keep the snapshot of the file now at ``path`` (the file ``write`` wrote, in place);
        ``False`` when there is none to keep (warnings), another writer replaced the file
        already, or another run saved a snapshot meanwhile."""
        if self.snapshot is None:
            return False
        source = os.path.realpath(path)
        st = Path(source).stat()
        # The file is put in place by a rename, which keeps its inode: another one there is
        # another writer's, and the snapshot (where each part stands) does not describe it.
        if (st.st_ino, st.st_dev) != self.written:
            return False
        self.snapshot.source, self.snapshot.state = source, _file_state(st)
        after = self.generation if self.extension is not None else None
        return self.store.save_snapshot(self.mark, self.kind, self.snapshot.encode(), self.states.items(),
                                        after=after)

    def close(self) -> None:
        """Close the last file, if open."""
        if self.extension is not None:
            self.extension.close()


def _rows_of(history: FormulaHistory) -> Sequence[tuple[int, int, Any]]:
    occurrences = history.occurrences
    assert isinstance(occurrences, Occurrences)
    return occurrences.rows()


class _Extension:
    """How the new statements extend the last file: which phrases they touch, in what order the
    phrases now stand, which earlier statements and occurrences are written again. Made by
    ``plan``, which answers why instead when the whole path must run."""

    def __init__(self, run: StoredTimeline, snapshot: _Snapshot, source: int) -> None:
        self.run, self.snapshot, self.source = run, snapshot, source
        self.n = len(snapshot.statements)
        self.order: list[tuple[tuple[Any, ...], str]] = []  # (key, formula) of every phrase, in order
        self.touched: dict[str, list[tuple[int, int, Found]]] = {}  # old phrase -> its new rows
        self.made: dict[str, list[tuple[int, int, Found]]] = {}  # phrase new to the file -> all its rows
        self.tables: dict[int, dict[str, int]] = {}
        self.labels: dict[int, str | None] = {}
        self.facts: dict[str, _Facts] = {}
        self.pending: Pending = {}
        self.rewritten: set[int] = set()  # earlier statements written anew
        # old phrase -> (start, end) in the source of each occurrence to write anew, its statement, its data
        self.patches: dict[str, list[tuple[int, int, int, Found]]] = {}

    @classmethod
    def plan(cls, run: StoredTimeline, snapshot: _Snapshot, source: int) -> _Extension | str:
        """The extension, or why the whole path must run."""
        self = cls(run, snapshot, source)
        n, dated = self.n, run.dated
        new = dated[n:]
        rows: Rows = {}
        if new:
            part = _record(new, run.lexicon, run.options, run.speakers, run.engine, run.store, run.progress,
                           run.keys[n:], run.mark)
            rows = {f: [(i + n, p, found) for i, p, found in found_rows] for f, found_rows in part.items()}
        old = {p.formula: p for p in snapshot.phrases}
        pending = dict(snapshot.pending)
        revived: dict[str, tuple[int, int]] = {}  # a formula met once before, now kept
        keys: dict[str, tuple[Any, ...]] = {}  # the place of every phrase new to the file
        for formula in ordered(rows):
            found_rows = rows[formula]
            if formula in old:
                self.touched[formula] = found_rows
                continue
            first = pending.pop(formula, None)
            if first is not None:
                revived[formula] = first
            elif len(found_rows) < 2 and not any(f.lexicon or f.reportable for _, _, f in found_rows):
                pending[formula] = found_rows[0][:2]
                continue
            self.made[formula] = found_rows
            f = found_rows[0][2]
            index, position = first or found_rows[0][:2]
            keys[formula] = (*order_key(f.lexicon, index, len(found_rows) + (first is not None), f.canonical),
                             index, position)
        self.pending = pending
        # the phrases' new order: only those with new occurrences move (ahead), and the new ones
        old_keys = {p.formula: p.key() for p in snapshot.phrases}
        new_keys = dict(old_keys)
        for formula, found_rows in self.touched.items():
            new_keys[formula] = old[formula].key(old[formula].statements + len(found_rows))
        new_keys.update(keys)
        self.order = sorted((key, formula) for formula, key in new_keys.items())
        if run.csv:  # rows name their sentences: nothing earlier changes, only the revived need their first
            stored = run.store.fetch(run.mark, [run.keys[i] for i, _ in revived.values()])
            return self._revive(revived, stored) or self._unchanged() or self
        # Earlier statements whose JSON may change: where a formula met once before recurs (its
        # sentence may be new there), and where a partnership label moved ahead of another of the
        # same rank (of two, a statement's label is the first in the list).
        rank = {p.formula: k for k, p in enumerate(snapshot.phrases)}
        passed: list[tuple[str, str]] = []
        for formula in self.touched:
            if old[formula].category != _LADDER:
                continue
            key = new_keys[formula]
            k = rank[formula] - 1
            while k >= 0 and old_keys[snapshot.phrases[k].formula] > key:
                other = snapshot.phrases[k]
                if new_keys[other.formula] > key and other.category == _LADDER \
                        and (other.rank or 0) == (old[formula].rank or 0):
                    passed.append((formula, other.formula))
                k -= 1
        states = run.store.phrase_states(run.mark, run.kind, [*self.touched, *(o for _, o in passed)])
        if any(f not in states for f in self.touched) or any(o not in states for _, o in passed):
            return "phrase states missing"  # never, as a snapshot is one transaction: but never misread
        try:
            decoded = {f: marshal.loads(blob) for f, blob in states.items()}
        except (EOFError, TypeError, ValueError) as exc:
            raise StoreError(run.store.path, f"is damaged ({exc}); {REBUILD}") from None
        check: set[int] = {index for index, _ in revived.values()}
        for formula, ahead in passed:
            check.update(_streak_positions(decoded[formula][4], decoded[ahead][4]))
            if len(check) > CHECK_MAX:
                return f"over {CHECK_MAX} earlier statements to check"
        new_rank = {formula: k for k, (_, formula) in enumerate(self.order)}
        stored = run.store.fetch(run.mark, [run.keys[i] for i in check])
        for i in sorted(check):
            digest = stored.get(run.keys[i])
            if digest is None:
                return "an earlier statement's analysis is not stored"
            before = _layout((f, p, rank[f.formula]) for p, f in enumerate(digest) if f.formula in rank)
            after = _layout((f, p, new_rank[f.formula]) for p, f in enumerate(digest)
                            if f.formula in new_rank)
            self.tables[i], self.labels[i] = after
            if before == after:
                continue
            # its JSON changes, and the occurrences whose sentence number changed with it
            self.rewritten.add(i)
            for f in digest:
                if f.formula in rank and before[0][f.sentence] != after[0][f.sentence]:
                    self.patches.setdefault(f.formula, []).append((0, 0, i, f))
        reason = self._revive(revived, stored)
        if reason:
            return reason
        # the new statements' sentences and labels
        at: dict[int, list[tuple[Found, int, int]]] = {i: [] for i in range(n, len(dated))}
        for formula, found_rows in rows.items():
            if formula in new_rank:
                for i, p, f in found_rows:
                    at[i].append((f, p, new_rank[formula]))
        for i, used in at.items():
            self.tables[i], self.labels[i] = _layout(used)
        self.facts = {f: _Facts.restored(decoded[f]) for f in self.touched}
        return self._locate(old) or self._unchanged() or self

    def _unchanged(self) -> str:
        """Whether the snapshot read is still the store's, now that all of it was read: another
        run saving one in between could have mixed its phrase states with the ones read."""
        if self.run.store.generation(self.run.mark, self.run.kind) != self.run.generation:
            return "another run saved a snapshot meanwhile"
        return ""

    def _revive(self, revived: dict[str, tuple[int, int]], stored: dict[str, Digest]) -> str:
        """Give each formula met once before, now kept, its first occurrence; what went wrong, if anything."""
        for formula, (index, position) in revived.items():
            digest = stored.get(self.run.keys[index])
            if digest is None or position >= len(digest) or digest[position].formula != formula:
                return "an earlier statement's analysis is not stored"
            self.made[formula] = [(index, position, digest[position]), *self.made[formula]]
        return ""

    def _locate(self, old: dict[str, _Phrase]) -> str:
        """Find in the source the occurrences to write anew; what went wrong, if anything."""
        for formula, patches in self.patches.items():
            phrase = old[formula]
            data = os.pread(self.source, phrase.occurrences_end - phrase.start, phrase.start)
            found: list[tuple[int, int, int, Found]] = []
            at = 0
            for _, _, i, f in sorted(patches, key=lambda patch: patch[2]):
                # a bare quote is never inside a JSON string: this is the occurrence's own start
                name = self.run.ids_json[i].encode("utf-8", VALID_TEXT)
                start = data.find(b'{"statement":' + name + b',"index":' + str(i).encode() + b",", at)
                if start < 0:
                    return "an occurrence to write anew is not in the last file"
                end = data.find(b',{"statement":', start)
                end = len(data) if end < 0 else end
                found.append((phrase.start + start, phrase.start + end, i, f))
                at = end
            self.patches[formula] = found
        return ""

    def write(self, fd: int) -> _Snapshot:
        """Write the extended JSON or CSV to ``fd``; the snapshot of what was written."""
        if self.run.csv:
            return self._write_csv(fd)
        run, snapshot, n = self.run, self.snapshot, self.n
        dated = run.dated
        out = _Out(fd, self.source)
        writer = _Compact([s.id for s in dated], self.tables, run.ids_json)
        ids_json = writer.ids_json
        out.text(_head())
        region_start, region_end = snapshot.region
        starts = array.array("q")
        shift = out.at - region_start  # where the source's bytes land, from where they stood
        cursor = region_start
        for i in sorted(self.rewritten):
            end = snapshot.starts[i + 1] - 1 if i + 1 < n else region_end
            out.copy(cursor, snapshot.starts[i])
            starts.extend(start + shift for start in snapshot.starts[len(starts) : i])
            starts.append(out.at)
            out.text(self._statement(i))
            shift, cursor = out.at - end, end
        out.copy(cursor, region_end)
        starts.extend(start + shift for start in snapshot.starts[len(starts) :])
        for i in range(n, len(dated)):
            out.text(",")
            starts.append(out.at)
            out.text(self._statement(i))
        region = (starts[0], out.at)
        out.text('],"undated":[],"phrases":[')
        old = {p.formula: p for p in snapshot.phrases}
        phrases: list[_Phrase] = []
        states: dict[str, bytes] = {}
        for k, (_, formula) in enumerate(self.order):
            if k:
                out.text(",")
            start = out.at
            before = old.get(formula)
            if before is not None:
                cursor = before.start
                for patch_start, patch_end, i, f in self.patches.get(formula, ()):
                    out.copy(cursor, patch_start)
                    out.text(writer.occurrence(i, f))
                    cursor = patch_end
                found_rows = self.touched.get(formula)
                if found_rows is None:
                    out.copy(cursor, before.end)
                    same = before.end - before.occurrences_end  # its facts, the same bytes
                    phrases.append(before._replace(start=start, occurrences_end=out.at - same, end=out.at))
                    continue
                out.copy(cursor, before.occurrences_end)
                for i, _, f in found_rows:
                    out.text("," + writer.occurrence(i, f))
                occurrences_end = out.at
                facts = self.facts[formula]
                facts.gather(found_rows, ids_json)
                assert facts.last is not None
                out.text("]," + facts.json(_date_json(dated[facts.last[0]].date))[1:])
                phrases.append(before._replace(start=start, occurrences_end=occurrences_end, end=out.at,
                                               statements=before.statements + len(found_rows)))
            else:
                found_rows = self.made[formula]
                first = found_rows[0][2]
                history = FormulaHistory(formula, first.canonical, first.category,
                                         Origin.LEXICON if first.lexicon else Origin.DISCOVERED, first.rank,
                                         Occurrences(found_rows, dated), len(dated))
                head, facts = writer.parts(history)
                out.text(head)
                occurrences_end = out.at
                out.text("]," + facts.json(_date_json(history.last.date))[1:])
                phrases.append(_Phrase(formula, start, occurrences_end, out.at, first.lexicon,
                                       found_rows[0][0], found_rows[0][1], len(found_rows), first.canonical,
                                       first.category, first.rank))
            states[formula] = marshal.dumps(facts.state(), MARSHAL_VERSION)
        out.text(_tail((), run.options, run.lexicons))
        out.close()
        run.states = states
        return _Snapshot("", (), run.identities, region, starts, phrases, self.pending)

    def _write_csv(self, fd: int) -> _Snapshot:
        """The CSV: each phrase's rows, the new ones after the old, in the phrases' new order."""
        run, dated = self.run, self.run.dated
        out = _Out(fd, self.source)
        table = _CsvRows(dated)
        out.text(write_csv(OCCURRENCE_COLUMNS, (), excel=run.excel))
        old = {p.formula: p for p in self.snapshot.phrases}
        phrases: list[_Phrase] = []
        for _, formula in self.order:
            start = out.at
            before = old.get(formula)
            if before is not None:
                out.copy(before.start, before.end)
                found_rows = self.touched.get(formula, [])
                if found_rows:
                    out.text(table.rows(before.formula, before.canonical, before.category, before.lexicon,
                                        found_rows))
                phrases.append(before._replace(start=start, occurrences_end=out.at, end=out.at,
                                               statements=before.statements + len(found_rows)))
                continue
            found_rows = self.made[formula]
            first = found_rows[0][2]
            out.text(table.rows(formula, first.canonical, first.category, first.lexicon, found_rows))
            phrases.append(_Phrase(formula, start, out.at, out.at, first.lexicon, found_rows[0][0],
                                   found_rows[0][1], len(found_rows), first.canonical, first.category,
                                   first.rank))
        out.close()
        run.states = {}
        return _Snapshot("", (), run.identities, (0, 0), array.array("q"), phrases, self.pending)

    def _statement(self, i: int) -> str:
        """A statement's item, with its sentences and label as they now stand."""
        statement = _statement_dict(self.run.dated[i], None, list(self.tables[i]))
        statement["label"] = self.labels[i]
        return _dumps(statement)

    def close(self) -> None:
        os.close(self.source)


__all__ = ["CHECK_MAX", "KIND", "StoredTimeline"]
