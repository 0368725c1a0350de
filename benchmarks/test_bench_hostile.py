"""Hostile input costs linear time: a header line of 40,000 spaces against one of 40,000 letters.

The header pattern used to backtrack over runs of spaces (17.7 s for this line);
the anchor is the same length of ordinary text in the same process, so the ratio
says whether spaces cost more than letters.
"""

from __future__ import annotations

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

import diplodiff

BODY = "\n\nChina and Kazakhstan are comprehensive strategic partners.\n"
SPACES = "title: a" + " " * 40_000 + "b" + BODY
LETTERS = "title: a" + "x" * 40_000 + "b" + BODY
MEANS: dict[str, float] = {}


def test_header_of_letters(benchmark: BenchmarkFixture) -> None:
    """The anchor: a 40,000-character header value of letters."""
    benchmark(diplodiff.parse_statement, LETTERS, id="x")
    if benchmark.stats is not None:
        MEANS["letters"] = benchmark.stats.stats.mean


def test_header_of_spaces(benchmark: BenchmarkFixture) -> None:
    """40,000 spaces cost about what 40,000 letters do (not their square)."""
    benchmark(diplodiff.parse_statement, SPACES, id="x")
    if benchmark.stats is None or "letters" not in MEANS:
        pytest.skip("run the whole file with benchmarks enabled")
    ratio = benchmark.stats.stats.mean / MEANS["letters"]
    benchmark.extra_info["ratio_to_letters"] = ratio
    assert ratio < 5
