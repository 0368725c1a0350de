"""Engines: where the statements of a record are analysed.

Every engine takes numbered statements and yields ``(indexes, rows, encoded)`` as parts
of the work finish: the positions analysed, their per-formula rows (``digest.Rows``), and
each one's digest encoded for a store (``digest.encode``) when the engine has them at hand
(worker processes send them so; ``None`` otherwise, and the caller splits the rows back
with ``digest.digests_of`` when it needs them).
Rows combine by concatenation, so the caller gets the same record whichever engine
ran and in whatever order the parts came back.

* ``SerialEngine``: in this process.
* ``ProcessEngine``: a pool of worker processes on this machine.
* ``DaskEngine``: a Dask bag on a ``distributed`` cluster (a ``LocalCluster`` or a
  scheduler anywhere), the encoded digests gathered by a tree reduction on the cluster
  and merged into per-formula rows here as they are decoded, as the pool's are.
"""

from __future__ import annotations

import gc
import importlib
import math
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import Any, Protocol

from .._models import Statement
from .._options import Options
from ..diff.pipeline import paused_gc
from ..find.lexicon import Lexicon
from ..text.speakers import SpeakerTable
from .digest import Rows, decode, digest, encoded_digest, rows_of

Numbered = Sequence[tuple[int, Statement]]
#: What an engine yields as each part finishes: the positions analysed, their rows, and
#: their encoded digests when at hand.
Part = tuple[list[int], Rows, dict[int, bytes] | None]
#: Below this many statements to analyse, worker processes cost more than they save.
PARALLEL_MIN = 64
#: Statements per part handed to the workers early (``ProcessEngine.early``), as they are read.
EARLY_PART = 64
#: Statements per Dask partition: big enough to amortise a task, small enough to spread.
DASK_PARTITION = 50


class Engine(Protocol):
    """Analyses numbered statements, yielding parts of the record as they finish."""

    def run(self, numbered: Numbered, lexicon: Lexicon, options: Options,
            speakers: SpeakerTable | None = None) -> Iterator[Part]:
        """Yield a ``Part`` for every part of ``numbered``, in any order."""
        ...


def _rows(numbered: Numbered, lexicon: Lexicon, options: Options, speakers: SpeakerTable | None) -> Rows:
    return rows_of((i, digest(s, lexicon, options, speakers)) for i, s in numbered)


class SerialEngine:
    """Analyse in this process, in parts of ``size`` statements (for progress and saving)."""

    def __init__(self, size: int = 32) -> None:
        self.size = size

    def run(self, numbered: Numbered, lexicon: Lexicon, options: Options,
            speakers: SpeakerTable | None = None) -> Iterator[Part]:
        """Yield each part as soon as it is analysed."""
        for start in range(0, len(numbered), self.size):
            part = numbered[start : start + self.size]
            yield [i for i, _ in part], _rows(part, lexicon, options, speakers), None


_worker_state: tuple[Lexicon, Options, SpeakerTable | None] | None = None


def _init_worker(lexicon: Lexicon, options: Options, speakers: SpeakerTable | None) -> None:
    global _worker_state
    _worker_state = (lexicon, options, speakers)
    # A forked worker starts with the parent's heap (the statements and whatever the
    # caller holds), and the parent's collector paused (``track`` pauses it while parts
    # come back). Frozen, the inherited objects are never scanned (full collections of
    # them were 7 % of a worker's time) nor their pages copied.
    gc.freeze()
    gc.enable()


def _encoded(part: Numbered, lexicon: Lexicon, options: Options,
             speakers: SpeakerTable | None) -> list[tuple[int, bytes]]:
    """Each statement's digest, encoded, as workers send them: a third of the cost of
    pickling it (bytes move between processes at copying speed), and what a store keeps."""
    # The analysis makes no reference cycles: scanning its young objects was 3 % of the time.
    with paused_gc():
        return [(i, encoded_digest(s, lexicon, options, speakers)) for i, s in part]


def _worker_encoded(part: Numbered) -> list[tuple[int, bytes]]:
    assert _worker_state is not None
    return _encoded(part, *_worker_state)


def _decoded(encoded: dict[int, bytes]) -> Part:
    return list(encoded), rows_of((i, decode(blob)) for i, blob in encoded.items()), encoded


class ProcessEngine:
    """Analyse in ``workers`` processes on this machine; the lexicon is sent once per worker.

    Statements can be handed over before ``run`` asks for them (``early``), as a caller
    reads them: the workers analyse the first ones while the rest are read.
    """

    def __init__(self, workers: int) -> None:
        if workers < 1:
            msg = f"workers must be at least 1, not {workers}"
            raise ValueError(msg)
        self.workers = workers
        self._pool: Any = None
        self._settings: tuple[Lexicon, Options, SpeakerTable | None] | None = None
        self._waiting: list[Statement] = []
        #: Parts handed over early: the statements of each and its future.
        self._early: list[tuple[list[Statement], Any]] = []

    def _start(self, lexicon: Lexicon, options: Options, speakers: SpeakerTable | None) -> Any:
        if self._pool is None:
            # a process pool costs ~30 ms to import: only when one is started
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker,
                                             initargs=(lexicon, options, speakers))
        return self._pool

    def early(self, statements: Iterable[Statement], lexicon: Lexicon, options: Options,
              speakers: SpeakerTable | None = None) -> None:
        """Start analysing ``statements`` now, ``run`` taking their results for equal statements
        with the same settings (the rest it analyses then).

        Workers start once ``PARALLEL_MIN`` statements are waiting, so that a run with fewer
        to analyse (a record that grew by one) never starts them. Call ``close`` when done.
        """
        if self.workers == 1:
            return
        if self._settings is None:
            self._settings = (lexicon, options, speakers)
        elif not self._same(lexicon, options, speakers):
            return
        self._waiting.extend(statements)
        if len(self._waiting) >= max(EARLY_PART, PARALLEL_MIN if self._pool is None else 0):
            self._hand_over()

    def _same(self, lexicon: Lexicon, options: Options, speakers: SpeakerTable | None) -> bool:
        settings = self._settings
        return settings is not None and settings[0] is lexicon and settings[1] == options \
            and settings[2] is speakers

    def _hand_over(self) -> None:
        assert self._settings is not None
        pool = self._start(*self._settings)
        waiting, self._waiting = self._waiting, []
        for start in range(0, len(waiting), EARLY_PART):
            part = waiting[start : start + EARLY_PART]
            self._early.append((part, pool.submit(_worker_encoded, list(enumerate(part)))))

    def handed_over(self) -> int:
        """How many statements were given to the workers early (waiting ones not counted)."""
        return sum(len(part) for part, _ in self._early)

    def run(self, numbered: Numbered, lexicon: Lexicon, options: Options,
            speakers: SpeakerTable | None = None) -> Iterator[Part]:
        """Yield each part as its worker finishes it (not in order); the workers stop after."""
        try:
            yield from self._run(numbered, lexicon, options, speakers)
        finally:
            self.close()

    def _run(self, numbered: Numbered, lexicon: Lexicon, options: Options,
             speakers: SpeakerTable | None) -> Iterator[Part]:
        early: list[tuple[dict[int, list[int]], Any]] = []  # for each early part: its positions in numbered
        todo: Numbered = numbered
        if not self._same(lexicon, options, speakers):
            self.close()  # its workers hold other settings
        elif self._early:
            if self._waiting:
                self._hand_over()  # the last few read: at once, not after all that follows
            where: dict[Statement, list[int]] = {}
            for i, s in numbered:
                where.setdefault(s, []).append(i)
            for part, future in self._early:
                positions: dict[int, list[int]] = {}
                for k, s in enumerate(part):
                    at = where.pop(s, None)  # each statement taken from one part only
                    if at is not None:
                        positions[k] = at
                if positions:
                    early.append((positions, future))
            todo = [(i, s) for i, s in numbered if s in where]
        if not early and (self.workers == 1 or len(todo) < PARALLEL_MIN):
            yield from SerialEngine().run(todo, lexicon, options, speakers)
            return
        # a process pool costs ~30 ms to import: only when one is started
        from concurrent.futures import as_completed

        pool = self._start(lexicon, options, speakers)
        size = max(8, min(100, len(todo) // (self.workers * 16)))
        futures: dict[Any, dict[int, list[int]] | None] = {future: positions for positions, future in early}
        futures.update((pool.submit(_worker_encoded, list(todo[start : start + size])), None)
                       for start in range(0, len(todo), size))
        for future in as_completed(futures):
            encoded = dict(future.result())
            moved = futures[future]
            if moved is not None:  # an early part: its own positions, to the record's
                encoded = {i: encoded[k] for k, at in moved.items() for i in at}
            yield _decoded(encoded)

    def close(self) -> None:
        """Stop the workers, if started (what they were given early and not asked for is dropped)."""
        pool, self._pool = self._pool, None
        self._early, self._waiting = [], []
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _partition_encoded(partition: Numbered, lexicon: Lexicon, options: Options,
                       speakers: SpeakerTable | None) -> list[list[tuple[int, bytes]]]:
    # What a pool worker sends: pickled rows cost as much again as the analysis. A bag
    # partition must be a sequence: the partition's digests are its one element.
    return [_encoded(partition, lexicon, options, speakers)]


def _gathered(parts: Iterable[list[tuple[int, bytes]]]) -> list[tuple[int, bytes]]:
    return list(chain.from_iterable(parts))


class DaskEngine:
    """Analyse as a Dask bag on a ``distributed`` client; digests gathered by a tree reduction.

    Args:
        client: A ``distributed.Client`` (a ``LocalCluster``'s, or one connected to
            a scheduler anywhere).
        partition: Statements per partition.
    """

    def __init__(self, client: Any, partition: int = DASK_PARTITION) -> None:
        self.client = client
        self.partition = partition

    def run(self, numbered: Numbered, lexicon: Lexicon, options: Options,
            speakers: SpeakerTable | None = None) -> Iterator[Part]:
        """Yield the whole record once, when the cluster's reduction is done."""
        if not numbered:
            return
        # dask is an optional extra ([dask]) and costs a second to import: only here.
        db: Any = importlib.import_module("dask.bag")
        delayed: Any = importlib.import_module("dask.delayed").delayed
        partitions = max(1, math.ceil(len(numbered) / self.partition))
        bag = db.from_sequence(list(numbered), npartitions=partitions)
        # One copy of the lexicon and speaker table in the graph, not one per task.
        parts = bag.map_partitions(_partition_encoded, delayed(lexicon, pure=True), options,
                                   delayed(speakers, pure=True))
        record = parts.reduction(_gathered, _gathered, split_every=8)
        yield _decoded(dict(self.client.compute(record).result()))
