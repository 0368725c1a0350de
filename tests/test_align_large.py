"""Long statements are aligned as a diff tool aligns long files: identical sentences
(and words) anchor first, in order, and only what lies between anchors is scored.
Time and memory grow with the input; a planted edit is still found exactly."""

from __future__ import annotations

import random
import re
from itertools import pairwise

import pytest
from rapidfuzz.distance import Indel

import diplodiff
from diplodiff import ChangeKind, Statement
from diplodiff.diff import align, sentences

from .long_texts import SEEDS, long_text, planted


def _valid(a: list[int], b: list[int], blocks: list[tuple[int, int, int]]) -> int:
    for i, j, size in blocks:
        assert size > 0
        assert a[i : i + size] == b[j : j + size]
    for (i, j, size), (i2, j2, _) in pairwise(blocks):
        assert i + size <= i2
        assert j + size <= j2
    return sum(size for *_, size in blocks)


def _edited(rng: random.Random, a: list[int], alphabet: int) -> list[int]:
    b = list(a)
    for _ in range(rng.randint(0, 12)):
        k = rng.randrange(len(b) + 1)
        if rng.random() < 0.5:
            b.insert(k, rng.randrange(alphabet))
        elif b:
            del b[min(k, len(b) - 1)]
    return b


@pytest.mark.parametrize("seed", range(40))
def test_matches_are_a_longest_common_subsequence_when_small(seed: int) -> None:
    """Below LCS_MAX, ``matches`` gives equal, ordered runs as long as the LCS."""
    rng = random.Random(seed)
    a = [rng.randrange(rng.randint(1, 20)) for _ in range(rng.randint(0, 120))]
    b = _edited(rng, a, 20)
    lcs = (len(a) + len(b) - Indel.distance(a, b)) // 2
    assert _valid(a, b, align.matches(a, b)) == lcs


@pytest.mark.parametrize("seed", range(40))
def test_anchored_matches_are_equal_ordered_runs(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above LCS_MAX (forced to 0 here), anchoring still gives equal runs in order,
    never longer than the LCS, repeated elements included."""
    monkeypatch.setattr(align, "LCS_MAX", 0)
    rng = random.Random(seed)
    a = [rng.randrange(rng.randint(1, 20)) for _ in range(rng.randint(0, 120))]
    b = _edited(rng, a, 20)
    lcs = (len(a) + len(b) - Indel.distance(a, b)) // 2
    assert _valid(a, b, align.matches(a, b)) <= lcs


def test_anchored_matches_keep_everything_but_a_planted_edit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Distinct elements with one replaced: anchoring finds every other one."""
    monkeypatch.setattr(align, "LCS_MAX", 0)
    a = list(range(1000))
    b = [*a[:600], -1, *a[601:]]
    assert align.matches(a, b) == [(0, 0, 600), (601, 601, 399)]


def test_anchored_spans_give_the_one_run_that_differs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Word runs of a sentence too long for a bit matrix: the same run as the LCS gives."""
    words = [f"w{i % 97}" for i in range(3000)]
    later = [*words[:1500], "new", *words[1500:]]
    expected = align.spans(words, later)
    monkeypatch.setattr(align, "LCS_MAX", 0)
    assert align.spans(words, later) == expected == [(1500, 1500, 1500, 1501)]


def test_long_statements_link_every_sentence_and_find_the_planted_edit() -> None:
    """Over DENSE_MAX sentence pairs (no matrix of the whole), each sentence of a long
    revision links to its counterpart and the one edit is the one change."""
    earlier = long_text(230_000)
    later, at = planted(earlier)
    result = diplodiff.compare(Statement(id="a", text=earlier), Statement(id="b", text=later))
    n = len(result.alignment)
    assert n * n > align.DENSE_MAX
    assert [(x.earlier, x.later) for x in result.alignment] == [((i,), (i,)) for i in range(n)]
    found = [c for c in result.changes if c.kind is not ChangeKind.KEPT]
    assert len(found) == 1
    assert found[0].later is not None
    assert found[0].later.text == "comprehensive strategic partnership"
    assert found[0].later.span.start == at + len("bolstering the ")


def test_the_large_path_links_a_revision_as_the_dense_one() -> None:
    """A seed revised (two sentences merged, one rewritten in place, one dropped, one
    added): the anchored path gives the dense path's links, merge and gap fill included."""
    text = (SEEDS / "003_788e3c4d1792dd9a.txt").read_text(encoding="utf-8")
    parts = text.split("\n\n")
    parts[16] = ("Both sides voiced grave worries over the wider effects of the crisis in Ukraine "
                 "on food and energy.")
    parts[8] = parts[8].replace(". ", ", and ", 1)
    del parts[12]
    parts.insert(14, "The two sides also agreed to open a new consulate in Aktobe.")
    earlier = diplodiff.analyse(Statement(id="a", text=text))
    later = diplodiff.analyse(Statement(id="b", text="\n\n".join(parts)))
    dense = sentences.align_sentences(earlier, later)
    assert {(x.earlier, x.later) for x in dense} >= {((8, 9), (8,)), ((19,), (18,))}
    vocab: dict[str, int] = {}
    e, l = ([[vocab.setdefault(w, len(vocab)) for w in sentences.sentence_words(s)] for s in a.sentences]
            for a in (earlier, later))
    assert sentences._align_large(e, l) == dense


def test_a_long_sentence_pair_is_scored_without_a_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text without a sentence break, over WORK_MAX and LCS_MAX (lowered here): the one
    sentence still links and the planted edit is the one change."""
    text = " ".join(re.sub(r"[.?!]", "", long_text(12_000, seed=3)).split())
    later, at = planted(text)
    monkeypatch.setattr(sentences, "WORK_MAX", 1000)
    monkeypatch.setattr(align, "LCS_MAX", 1000)
    result = diplodiff.compare(Statement(id="a", text=text), Statement(id="b", text=later))
    assert [(x.earlier, x.later) for x in result.alignment] == [((0,), (0,))]
    found = [c for c in result.changes if c.kind is not ChangeKind.KEPT]
    assert [(c.later.span.start, c.later.text) for c in found if c.later is not None] == [
        (at + len("bolstering the "), "comprehensive strategic partnership")]


def test_a_record_repeating_one_text_many_times_still_links_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """One readout repeated 70 times (every word in over 64 sentences, where blocked
    pairing finds no candidate), over DENSE_MAX (lowered here): identical sentences
    anchor in order, and the one edit is the one change."""
    limit = 100_000
    monkeypatch.setattr(sentences, "DENSE_MAX", limit)
    text = "\n\n".join([(SEEDS / "001_769a15a261320f7b.txt").read_text(encoding="utf-8").strip()] * 70)
    later, at = planted(text)
    result = diplodiff.compare(Statement(id="a", text=text), Statement(id="b", text=later))
    n = len(result.alignment)
    assert n * n > limit
    assert [(x.earlier, x.later) for x in result.alignment] == [((i,), (i,)) for i in range(n)]
    found = [c for c in result.changes if c.kind is not ChangeKind.KEPT]
    assert [(c.later.span.start, c.later.text) for c in found if c.later is not None] == [
        (at + len("bolstering the "), "comprehensive strategic partnership")]


@pytest.mark.parametrize("seed", range(3))
def test_phrases_at_answers_as_a_scan(seed: int) -> None:
    """The bisecting phrase index gives what a scan of every phrase gives, in order."""
    from diplodiff import Span
    from diplodiff.diff.words import phrases_at

    text = long_text(6_000, seed=seed)
    if seed == 2:  # one sentence
        text = " ".join(re.sub(r"[.?!]", "", text).split())
    analysis = diplodiff.analyse(Statement(id="a", text=text))
    rng = random.Random(seed)
    for _ in range(300):
        start = rng.randrange(len(analysis.statement.text))
        span = Span(start, start + rng.randrange(0, 80))
        assert phrases_at(analysis, span) == [
            p for p in analysis.phrases if p.span.start < span.end and span.start < p.span.end]


@pytest.mark.parametrize("enabled", [True, False])
def test_compare_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    """compare() pauses the cyclic collector while it works, and restores it, on or off."""
    import gc

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        earlier, later = Statement(id="a", text=long_text(20_000)), Statement(id="b", text="Hi.")
        diplodiff.compare(later, later)  # the builtin lexicon loaded
        seen: list[bool] = []
        gc.callbacks.append(lambda phase, info: seen.append(phase == "start"))
        try:
            diplodiff.compare(earlier, later)
        finally:
            gc.callbacks.pop()
        assert gc.isenabled() is enabled
        assert not any(seen)  # no collection ran inside
    finally:
        (gc.enable if was else gc.disable)()


def test_analysing_a_long_statement_runs_no_collection() -> None:
    """analyse() of a long statement pauses the collector (a short one leaves it alone)."""
    import gc

    from diplodiff.diff import pipeline

    statement = Statement(id="a", text=long_text(pipeline._PAUSE_AT))
    diplodiff.analyse(Statement(id="w", text="Warm up."))
    seen: list[bool] = []
    gc.callbacks.append(lambda phase, info: seen.append(phase == "start"))
    try:
        diplodiff.analyse(statement)
    finally:
        gc.callbacks.pop()
    assert not any(seen)
