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
    """Analyse in ``workers`` processes on this machine; the lexicon is sent once per worker."""

    def __init__(self, workers: int) -> None:
        if workers < 1:
            msg = f"workers must be at least 1, not {workers}"
            raise ValueError(msg)
        self.workers = workers

    def run(self, numbered: Numbered, lexicon: Lexicon, options: Options,
            speakers: SpeakerTable | None = None) -> Iterator[Part]:
        """Yield each part as its worker finishes it (not in order)."""
        if self.workers == 1 or len(numbered) < PARALLEL_MIN:
            yield from SerialEngine().run(numbered, lexicon, options, speakers)
            return
        # a process pool costs ~30 ms to import: only when one is started
        from concurrent.futures import ProcessPoolExecutor, as_completed

        size = max(8, min(100, len(numbered) // (self.workers * 16)))
        parts = [list(numbered[start : start + size]) for start in range(0, len(numbered), size)]
        with ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker,
                                 initargs=(lexicon, options, speakers)) as pool:
            for future in as_completed([pool.submit(_worker_encoded, part) for part in parts]):
                yield _decoded(dict(future.result()))


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
