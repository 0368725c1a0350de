"""Timeline build at 100, 1,000 and 10,000 statements of ~800 words, on both cores.

Asserts the results, the 60 s budget and the 2 GB memory budget at 10,000, and
that the cost grows no worse than linearly: the per-statement cost at 10,000 is
at most 1.5 times the per-statement cost at 1,000, both measured in this process.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import diplodiff

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_corpus

pytestmark = pytest.mark.benchmark(group="timeline")

SIZES = (100, 1_000, 10_000)
ROUNDS = {100: 3, 1_000: 2, 10_000: 1}
WORKERS = 2
BUDGET_SECONDS = 60.0
BUDGET_BYTES = 2 * 1024**3
#: Seconds per statement of the fastest round, by corpus size (filled as the sizes run).
PER_STATEMENT: dict[int, float] = {}


def _peak_rss_bytes() -> int:
    """Peak resident memory of this process plus the largest worker, times the workers (upper bound)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + WORKERS * child) * 1024


def _per_statement(size: int) -> float:
    """Per-statement cost at ``size``, timing one build now if the benchmark did not run."""
    if size not in PER_STATEMENT:
        corpus = make_corpus(size)
        started = time.perf_counter()
        diplodiff.track(corpus, workers=WORKERS)
        PER_STATEMENT[size] = (time.perf_counter() - started) / size
    return PER_STATEMENT[size]


@pytest.mark.parametrize("size", SIZES)
def test_timeline_build(benchmark: Any, size: int) -> None:
    """Build the timeline of ``size`` synthetic statements with two worker processes."""
    corpus = make_corpus(size)
    started = time.perf_counter()
    timeline = benchmark.pedantic(
        diplodiff.track, args=(corpus,), kwargs={"workers": WORKERS}, rounds=ROUNDS[size], iterations=1)
    elapsed = (time.perf_counter() - started) / ROUNDS[size]
    stats = getattr(benchmark, "stats", None)
    fastest = stats.stats.min if stats is not None else elapsed
    PER_STATEMENT[size] = fastest / size

    assert [s.id for s in timeline.statements] == [s.id for s in corpus]
    assert timeline.undated == ()
    lexicon = [h for h in timeline.formulas if h.origin is diplodiff.Origin.LEXICON]
    assert len(lexicon) >= 40
    assert sum(len(h.occurrences) for h in lexicon) >= 10 * size
    assert any(h.switches() for h in lexicon)
    assert any(h.gaps() for h in lexicon)
    rss = _peak_rss_bytes()
    print(f"\ntimeline {size:>6} statements: {fastest:.2f} s (fastest round), "
          f"{1000 * fastest / size:.2f} ms/statement, {len(timeline.formulas)} formulas, "
          f"peak RSS <= {rss / 1024**2:.0f} MB")
    if size == 10_000:
        assert fastest < BUDGET_SECONDS
        assert rss < BUDGET_BYTES
        growth = PER_STATEMENT[10_000] / _per_statement(1_000)
        print(f"per-statement cost 10,000 vs 1,000: x{growth:.2f}")
        assert growth <= 1.5
