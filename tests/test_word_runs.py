"""The word diff of two sentences does not depend on which one is passed first."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplodiff.diff.align import hunks, spans

# Few words, so that two sequences often share several longest common subsequences.
words = st.lists(st.sampled_from(["strategic", "partnership", "mutual", "trust", "and"]), max_size=8)


@settings(max_examples=200, deadline=None)
@given(earlier=words, later=words)
def test_swapped_sequences_give_the_same_runs_swapped(earlier: list[str], later: list[str]) -> None:
    """``spans(b, a)`` is ``spans(a, b)`` with each run's sides swapped."""
    assert spans(later, earlier) == [(j1, j2, i1, i2) for i1, i2, j1, j2 in spans(earlier, later)]


@settings(max_examples=200, deadline=None)
@given(earlier=words, later=words)
def test_swapped_sequences_give_the_same_hunks_swapped(earlier: list[str], later: list[str]) -> None:
    """``hunks(b, a)`` is ``hunks(a, b)`` with deleted and inserted words swapped."""
    assert hunks(later, earlier) == [(inserted, deleted) for deleted, inserted in hunks(earlier, later)]
