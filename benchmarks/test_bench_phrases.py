"""Phrase matching: ``Lexicon.find`` and ``extract_phrases`` against a naive difflib baseline.

Tests run in file order: ours first, the baselines last; each baseline reads our
means from ``MEANS`` (filled in this process) and asserts we are faster.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

import diplodiff
from diplodiff import Lexicon, Origin, Sentence

if TYPE_CHECKING:
    from conftest import SyntheticLexicon, Tokenized

Hit = tuple[int, int, str]  # (start, end, formula id)
#: Means (seconds) of our benchmarks in this process, keyed by benchmark name.
MEANS: dict[str, float] = {}
#: A difflib ratio at or above this counts as a hit for the baselines.
CUTOFF = 0.9


def _record(benchmark: BenchmarkFixture, name: str) -> None:
    if benchmark.stats is not None:  # None under --benchmark-disable
        MEANS[name] = benchmark.stats.stats.mean


def _speedup(benchmark: BenchmarkFixture, ours: str, label: str, speedups: dict[str, float]) -> float:
    """Return baseline mean / our mean, recorded in extra_info and the summary."""
    if benchmark.stats is None or ours not in MEANS:
        pytest.skip(f"no timing of {ours!r} in this run (run the whole file, benchmarks enabled)")
    ratio: float = benchmark.stats.stats.mean / MEANS[ours]
    benchmark.extra_info[f"speedup_vs_{ours}"] = ratio
    speedups[f"{label} / {ours}"] = ratio
    print(f"\n{label} / {ours}: {ratio:,.1f}x")
    return ratio


def find_all(lexicon: Lexicon, sentences: Sequence[Sentence], statement_id: str, text: str) -> set[Hit]:
    """The matcher alone over pre-tokenized sentences."""
    return {(h.span.start, h.span.end, h.formula)
            for s in sentences for h in lexicon.find(s, statement_id=statement_id, text=text)}


def candidates(sentences: Sequence[Sentence]) -> list[tuple[int, int, str]]:
    """Every word n-gram (n = 2..5) of each sentence as ``(start, end, lower-cased text)``."""
    found = []
    for sentence in sentences:
        words = [t for t in sentence.tokens if any(ch.isalnum() for ch in t.text)]
        for n in range(2, 6):
            for i in range(len(words) - n + 1):
                gram = words[i : i + n]
                found.append((gram[0].span.start, gram[-1].span.end, " ".join(t.text.lower() for t in gram)))
    return found


def difflib_naive(sentences: Sequence[Sentence], wordings: Sequence[tuple[str, str]]) -> set[Hit]:
    """A new ``SequenceMatcher`` per (candidate, wording) pair; ``ratio() >= CUTOFF`` is a hit."""
    grams = candidates(sentences)
    return {(start, end, formula) for formula, wording in wordings for start, end, gram in grams
            if difflib.SequenceMatcher(None, gram, wording).ratio() >= CUTOFF}


def difflib_prefiltered(sentences: Sequence[Sentence], wordings: Sequence[tuple[str, str]]) -> set[Hit]:
    """difflib as its docs advise: ``set_seq2`` cached per wording and the two cheap upper
    bounds (``real_quick_ratio``, ``quick_ratio``) first; same hits as the naive loop."""
    grams = candidates(sentences)
    matcher = difflib.SequenceMatcher(None)
    hits = set()
    for formula, wording in wordings:
        matcher.set_seq2(wording)
        for start, end, gram in grams:
            matcher.set_seq1(gram)
            if (matcher.real_quick_ratio() >= CUTOFF and matcher.quick_ratio() >= CUTOFF
                    and matcher.ratio() >= CUTOFF):
                hits.add((start, end, formula))
    return hits


def test_find_statement(benchmark: BenchmarkFixture, synthetic_lexicon: SyntheticLexicon,
                        statement_1k: Tokenized) -> None:
    """``Lexicon.find`` over the sentences of one ~1,000-word statement, 300 formulas."""
    statement = statement_1k.synthetic.statement
    hits = benchmark(find_all, synthetic_lexicon.lexicon, statement_1k.sentences,
                     statement.id, statement.text)
    assert hits == statement_1k.synthetic.expected
    benchmark.extra_info.update(words=len(statement.text.split()), hits=len(hits))
    _record(benchmark, "find")


def test_find_corpus(benchmark: BenchmarkFixture, synthetic_lexicon: SyntheticLexicon,
                     corpus: tuple[Tokenized, ...]) -> None:
    """``Lexicon.find`` over a pre-tokenized corpus of 1,000 statements."""
    lexicon = synthetic_lexicon.lexicon

    def run() -> list[set[Hit]]:
        return [find_all(lexicon, t.sentences, t.synthetic.statement.id, t.synthetic.statement.text)
                for t in corpus]

    found = benchmark.pedantic(run, rounds=3, iterations=1, warmup_rounds=0)
    assert len(found) == len(corpus) == 1_000
    for hits, t in zip(found, corpus, strict=True):
        assert hits == t.synthetic.expected, t.synthetic.statement.id
    words = sum(len(t.synthetic.statement.text.split()) for t in corpus)
    benchmark.extra_info.update(words=words, hits=sum(map(len, found)))
    if benchmark.stats is not None:
        benchmark.extra_info["words_per_second"] = words / benchmark.stats.stats.mean
    _record(benchmark, "find_corpus")


def test_extract_phrases_statement(benchmark: BenchmarkFixture, synthetic_lexicon: SyntheticLexicon,
                                   statement_1k: Tokenized) -> None:
    """``extract_phrases`` end to end (tokenize, lexicon, discovery) on one statement."""
    statement = statement_1k.synthetic.statement
    phrases = benchmark(diplodiff.extract_phrases, statement, lexicon=synthetic_lexicon.lexicon)
    hits = {(p.span.start, p.span.end, p.formula) for p in phrases if p.origin is Origin.LEXICON}
    assert hits == statement_1k.synthetic.expected
    benchmark.extra_info.update(phrases=len(phrases), lexicon_hits=len(hits))
    _record(benchmark, "extract_phrases")


def test_difflib_prefiltered_statement(benchmark: BenchmarkFixture, synthetic_lexicon: SyntheticLexicon,
                                       statement_1k: Tokenized, speedups: dict[str, float]) -> None:
    """Baseline: difflib with cached ``set_seq2`` and upper-bound pre-filters, one statement."""
    hits = benchmark.pedantic(difflib_prefiltered, (statement_1k.sentences, synthetic_lexicon.wordings),
                              rounds=3, iterations=1)
    assert statement_1k.synthetic.expected <= hits
    benchmark.extra_info.update(candidates=len(candidates(statement_1k.sentences)),
                                wordings=len(synthetic_lexicon.wordings), hits=len(hits))
    assert _speedup(benchmark, "find", "difflib_prefiltered", speedups) > 1


def test_difflib_naive_statement(benchmark: BenchmarkFixture, synthetic_lexicon: SyntheticLexicon,
                                 statement_1k: Tokenized, speedups: dict[str, float]) -> None:
    """Baseline: a ``SequenceMatcher.ratio()`` for every (n-gram, wording) pair, one statement.

    Slow (tens of seconds), so one round; runs last and reports the speed-ups.
    """
    hits = benchmark.pedantic(difflib_naive, (statement_1k.sentences, synthetic_lexicon.wordings),
                              rounds=1, iterations=1)
    assert statement_1k.synthetic.expected <= hits
    pairs = len(candidates(statement_1k.sentences)) * len(synthetic_lexicon.wordings)
    benchmark.extra_info.update(pairs=pairs, hits=len(hits))
    assert _speedup(benchmark, "find", "difflib_naive", speedups) > 1
    assert _speedup(benchmark, "extract_phrases", "difflib_naive", speedups) > 1
