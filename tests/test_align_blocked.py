"""Pairing many phrases is blocked, never a dense matrix: time and memory grow with the input."""

from __future__ import annotations

import random

import pytest

from diplodiff.diff import align


def _keys(n: int, offset: int) -> list[str]:
    rng = random.Random(7)
    words = [f"w{rng.randrange(10**6)}" for _ in range(2 * n + 2)]
    return [f"{words[i + offset]} {words[i + 1 + offset]} zone" for i in range(0, 2 * n, 2)]


def test_large_input_builds_no_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above DENSE_MAX candidate pairs no similarity matrix is built."""
    def dense(*args: object) -> None:
        raise AssertionError("dense matrix built")

    monkeypatch.setattr(align, "similarity", dense)
    found = align.pair(_keys(1200, 0), _keys(1200, 1), threshold=50.0)
    assert found


def test_blocked_pairs_are_one_to_one_and_above_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocked pairing keeps the contract of the dense one: one-to-one, scores >= threshold."""
    monkeypatch.setattr(align, "DENSE_MAX", 0)
    earlier, later = _keys(300, 0), _keys(300, 1)
    found = align.pair(earlier, later, threshold=60.0)
    assert len({i for i, _, _ in found}) == len({j for _, j, _ in found}) == len(found)
    assert all(s >= 60.0 and s == align.ratio(earlier[i], later[j]) for i, j, s in found)


def test_blocked_pairing_finds_identical_wordings(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wording present on both sides is paired with itself when blocked."""
    monkeypatch.setattr(align, "DENSE_MAX", 0)
    earlier = _keys(200, 0)
    later = list(reversed(earlier))
    found = align.pair(earlier, later, threshold=90.0)
    assert sorted((earlier[i], later[j]) for i, j, _ in found) == sorted((k, k) for k in earlier)


def test_small_input_matches_the_dense_assignment() -> None:
    """Below DENSE_MAX the result is exactly the dense greedy assignment."""
    earlier, later = _keys(40, 0), _keys(40, 1)
    expected = align.assign(align.similarity(earlier, later), threshold=30.0)
    assert align.pair(earlier, later, threshold=30.0) == expected


def test_large_statements_align_sentence_by_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above DENSE_MAX sentence pairs, a statement against itself still links every sentence to itself."""
    from pathlib import Path

    import diplodiff
    from diplodiff.diff import sentences

    monkeypatch.setattr(sentences, "DENSE_MAX", 0)
    seed = next((Path(__file__).parent.parent / "seeds").glob("001_*.txt"))
    analysis = diplodiff.analyse(diplodiff.load_statement(seed))
    links = sentences.align_sentences(analysis, analysis)
    assert [(x.earlier, x.later) for x in links] == [((i,), (i,)) for i in range(len(analysis.sentences))]


@pytest.mark.parametrize("seed", range(5))
def test_span_set_answers_as_a_scan(seed: int) -> None:
    """The bisecting span set says what a scan of every span says."""
    from diplodiff import Span
    from diplodiff.diff.pipeline import _overlaps, _SpanSet

    rng = random.Random(seed)
    spans = [Span(a, a + rng.randrange(1, 30)) for a in (rng.randrange(500) for _ in range(40))]
    queries = [Span(a, a + rng.randrange(0, 40)) for a in (rng.randrange(520) for _ in range(200))]
    fast = _SpanSet(spans)
    assert [(_overlaps(q, fast), fast.holds(q)) for q in queries] == [
        (_overlaps(q, spans), any(s.start <= q.start and q.end <= s.end for s in spans)) for q in queries]
