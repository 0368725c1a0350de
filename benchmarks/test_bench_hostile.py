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


def _quoted(n: int, offset: int) -> diplodiff.Statement:
    """n sentences, each quoting a different two-word wording (every one a formula)."""
    words = [f"w{(i * 7919) % 1_000_003}" for i in range(2 * n + 2)]
    text = " ".join(f'They said "{words[i + offset]} {words[i + 1 + offset]} zone".'
                    for i in range(0, 2 * n, 2))
    return diplodiff.Statement(id=f"q{offset}", text=text)


@pytest.mark.parametrize("n", [1000, 4000])
def test_many_quoted_phrases(benchmark: BenchmarkFixture, n: int) -> None:
    """compare() of n quoted phrases per side: 4x the phrases must cost well under 16x the
    time (it was quadratic twice: a dense phrase matrix, then scans per edit)."""
    earlier, later = _quoted(n, 0), _quoted(n, 1)
    benchmark.pedantic(diplodiff.compare, (earlier, later), rounds=1, iterations=1)
    if benchmark.stats is None:
        return
    MEANS[f"quoted{n}"] = benchmark.stats.stats.mean
    if n == 4000 and "quoted1000" in MEANS:
        ratio = MEANS["quoted4000"] / MEANS["quoted1000"]
        benchmark.extra_info["ratio_4x_phrases"] = ratio
        assert ratio < 10
