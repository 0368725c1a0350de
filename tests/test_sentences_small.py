"""Small statements are aligned without numpy, with the dense path's links to the bit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from diplodiff.diff.align import sequence_over, sequence_similarity
from diplodiff.diff.sentences import _align_dense, _align_small

SEEDS = Path(__file__).parent.parent / "seeds"

_sentence = st.lists(st.integers(0, 12), max_size=12)


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[list[list[int]], list[list[int]]]:
    """Two statements as word-id sentences, the later one often a revision of the
    earlier (words edited, sentences moved, merged or split), so that one-to-one
    links, merges, splits and gap fills all occur."""
    earlier = draw(st.lists(_sentence, min_size=1, max_size=10))
    revised: bool = draw(st.booleans())
    later = [list(s) for s in earlier] if revised else []
    for sentence in later:
        for _ in range(draw(st.integers(0, 3))):
            delete: bool = draw(st.booleans())
            if sentence and delete:
                del sentence[draw(st.integers(0, len(sentence) - 1))]
            else:
                sentence.insert(draw(st.integers(0, len(sentence))), draw(st.integers(0, 12)))
    later += draw(st.lists(_sentence, max_size=4))
    if len(later) > 2 and draw(st.booleans()):
        later[0:2] = [later[0] + later[1]]
    if len(later) > 1 and draw(st.booleans()):
        later = later[1:] + later[:1]
    return earlier, later or [[]]


@settings(max_examples=300, deadline=None)
@given(_pairs())
def test_small_path_links_like_the_dense_path(pair: tuple[list[list[int]], list[list[int]]]) -> None:
    """Same float32 scores, same thresholds, same tie order: the same links."""
    earlier, later = pair
    assert _align_small(earlier, later) == _align_dense(earlier, later)


#: Sentences up to 80 words: ``sequence_over`` reads the side with fewer over 64 as its queries.
_long = st.lists(st.integers(0, 12), max_size=80)


@settings(max_examples=200, deadline=None)
@given(st.lists(_long, max_size=6), st.lists(_long, max_size=6), st.sampled_from([30.0, 65.0]))
def test_cells_over_a_threshold_are_the_matrix_cells(earlier: list[list[int]], later: list[list[int]],
                                                      threshold: float) -> None:
    """``sequence_over`` holds every cell of the score matrix at or over the threshold,
    each with the matrix's float32 score (it may hold a few just under it too)."""
    import numpy as np

    matrix = sequence_similarity(earlier, later)
    over = sequence_over(earlier, later, threshold)
    assert {(i, j) for i, row in enumerate(over) for j in row if row[j] >= np.float32(threshold)} == {
        (int(i), int(j)) for i, j in zip(*np.nonzero(matrix >= threshold), strict=True)}
    assert all(score == matrix[i, j] for i, row in enumerate(over) for j, score in row.items())


def test_diffing_two_seeds_loads_no_numpy() -> None:
    """A two-statement diff costs no numpy import (~0.1 s of a cold run)."""
    code = ("import sys, diplodiff\n"
            f"diplodiff.compare(diplodiff.load_statement({str(SEEDS / '004_55e9fcd968524c2c.txt')!r}),"
            f" diplodiff.load_statement({str(SEEDS / '000_ae7edd6c8a22359c.txt')!r}))\n"
            "print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
