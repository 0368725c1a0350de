"""Pairing many phrases: blocked ``align.pair`` against the dense matrix it replaces.

The dense anchor (``similarity`` + ``assign``) runs in the same process on the
same keys; blocked pairing must be faster at 1,500 phrases per side, and its
cost grows with n where the anchor's grows with n x n (16,000 per side needed
1 GB as a matrix).
"""

from __future__ import annotations

import random

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from diplodiff.diff import align

N = 1500
MEANS: dict[str, float] = {}


def _keys(offset: int) -> list[str]:
    rng = random.Random(3)
    words = [f"w{rng.randrange(10**6)}" for _ in range(2 * N + 2)]
    return [f"{words[i + offset]} {words[i + 1 + offset]} zone" for i in range(0, 2 * N, 2)]


EARLIER, LATER = _keys(0), _keys(1)


def test_blocked_pairing(benchmark: BenchmarkFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """1,500 x 1,500 phrases, blocked."""
    monkeypatch.setattr(align, "DENSE_MAX", 0)
    benchmark(align.pair, EARLIER, LATER, threshold=50.0)
    if benchmark.stats is not None:
        MEANS["blocked"] = benchmark.stats.stats.mean


def test_dense_anchor(benchmark: BenchmarkFixture) -> None:
    """The same keys through a dense matrix; blocked pairing must beat it."""
    benchmark(lambda: align.assign(align.similarity(EARLIER, LATER), threshold=50.0))
    if benchmark.stats is None or "blocked" not in MEANS:
        pytest.skip("run the whole file with benchmarks enabled")
    speedup = benchmark.stats.stats.mean / MEANS["blocked"]
    benchmark.extra_info["speedup_blocked"] = speedup
    assert speedup > 1.0
