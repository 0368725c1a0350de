"""``compare()`` on a real seed pair and on two synthetic statements, and the alignment
scorer (rapidfuzz ``cdist``) against difflib over every pair of phrase keys.

Tests run in file order; the difflib baselines come after ours and read ``MEANS``.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest
from pytest_benchmark.fixture import BenchmarkFixture

import diplodiff
from diplodiff import ChangeKind, Lexicon, LexiconError, Origin, Statement
from diplodiff.diff.align import similarity

if TYPE_CHECKING:
    from conftest import Synthetic, SyntheticLexicon

SEEDS = Path(__file__).parent / ".." / "seeds"
EARLIER_SEED, LATER_SEED = "004_55e9fcd968524c2c.txt", "000_ae7edd6c8a22359c.txt"
#: Means (seconds) of our benchmarks in this process, keyed by benchmark name.
MEANS: dict[str, float] = {}


@pytest.fixture(scope="module")
def builtin_lexicon() -> tuple[Lexicon, str]:
    """The shipped lexicon, or an empty one while ``data/lexicon.toml`` is missing or broken."""
    try:
        return diplodiff.default_lexicon(), "builtin"
    except (FileNotFoundError, LexiconError) as exc:
        return Lexicon((), ()), f"none ({type(exc).__name__})"


@pytest.fixture(scope="module")
def seed_pair() -> tuple[Statement, Statement]:
    return diplodiff.load_statement(SEEDS / EARLIER_SEED), diplodiff.load_statement(SEEDS / LATER_SEED)


@pytest.fixture(scope="module")
def phrase_keys(seed_pair: tuple[Statement, Statement], builtin_lexicon: tuple[Lexicon, str],
                statement_pair: tuple[Synthetic, Synthetic], synthetic_lexicon: SyntheticLexicon,
                ) -> dict[str, tuple[list[str], list[str]]]:
    """The folded keys of every phrase of both statements, for the seed and the synthetic pair."""
    def keys(a: Statement, b: Statement, lexicon: Lexicon) -> tuple[list[str], list[str]]:
        return ([p.key for p in diplodiff.extract_phrases(a, lexicon=lexicon)],
                [p.key for p in diplodiff.extract_phrases(b, lexicon=lexicon)])

    earlier, later = statement_pair
    return {"seed": keys(*seed_pair, builtin_lexicon[0]),
            "synthetic": keys(earlier.statement, later.statement, synthetic_lexicon.lexicon)}


def difflib_matrix(earlier: Sequence[str], later: Sequence[str]) -> np.ndarray:
    """Baseline: a new ``SequenceMatcher`` per pair, scores 0-100 like ``similarity``."""
    rows = [[difflib.SequenceMatcher(None, a, b).ratio() * 100 for b in later] for a in earlier]
    return np.array(rows, dtype=np.float32).reshape(len(earlier), len(later))


def test_compare_seed_pair(benchmark: BenchmarkFixture, seed_pair: tuple[Statement, Statement],
                           builtin_lexicon: tuple[Lexicon, str]) -> None:
    """``compare()`` on two real readouts (984 and 756 words), builtin lexicon."""
    earlier, later = seed_pair
    lexicon, name = builtin_lexicon
    result = benchmark(diplodiff.compare, earlier, later, lexicon=lexicon)
    counts = result.counts()
    assert counts["added"] >= 1
    assert counts["dropped"] >= 1
    same = diplodiff.compare(earlier, earlier, lexicon=lexicon)
    assert same.changes
    assert {c.kind for c in same.changes} == {ChangeKind.KEPT}
    benchmark.extra_info.update(lexicon=name, formulas=len(lexicon), **counts)


def test_compare_synthetic_pair(benchmark: BenchmarkFixture, synthetic_lexicon: SyntheticLexicon,
                                statement_pair: tuple[Synthetic, Synthetic]) -> None:
    """``compare()`` on two ~1,000-word synthetic statements sharing about half their formulas."""
    earlier, later = statement_pair
    result = benchmark(diplodiff.compare, earlier.statement, later.statement,
                       lexicon=synthetic_lexicon.lexicon)
    before = {p.formula for p in earlier.plants}
    after = {p.formula for p in later.plants}
    assert before & after, "the pair should share formulas"
    assert before - after, "the pair should drop formulas"
    assert after - before, "the pair should add formulas"
    kinds: dict[str, ChangeKind] = {}
    for change in result.changes:
        if change.origin is Origin.LEXICON:
            formula = change.phrase.formula
            assert formula not in kinds, f"{formula} reported twice"
            kinds[formula] = change.kind
    assert set(kinds) == before | after
    for formula, kind in kinds.items():  # no partnership labels, so no cross-formula pairing
        if formula in before and formula in after:
            assert kind in {ChangeKind.KEPT, ChangeKind.SHIFTED}, formula
        else:
            assert kind is (ChangeKind.DROPPED if formula in before else ChangeKind.ADDED), formula
    benchmark.extra_info.update(result.counts())


@pytest.mark.parametrize("pair", ["seed", "synthetic"])
def test_similarity(benchmark: BenchmarkFixture, phrase_keys: dict[str, tuple[list[str], list[str]]],
                    pair: str) -> None:
    """Our alignment scorer: ``_align.similarity`` (one rapidfuzz ``cdist``) on every key pair."""
    earlier, later = phrase_keys[pair]
    scores = benchmark(similarity, earlier, later)
    assert scores.shape == (len(earlier), len(later))
    benchmark.extra_info.update(pairs=scores.size)
    if benchmark.stats is not None:
        MEANS[pair] = benchmark.stats.stats.mean


@pytest.mark.parametrize("pair", ["seed", "synthetic"])
def test_similarity_difflib(benchmark: BenchmarkFixture, phrase_keys: dict[str, tuple[list[str], list[str]]],
                            pair: str, speedups: dict[str, float]) -> None:
    """Baseline: difflib ``SequenceMatcher`` on every key pair; reports baseline / ours."""
    earlier, later = phrase_keys[pair]
    scores = benchmark.pedantic(difflib_matrix, (earlier, later), rounds=3, iterations=1)
    ours = similarity(earlier, later)
    assert scores.shape == ours.shape
    # difflib's matching blocks are a common subsequence, rapidfuzz's Indel the longest one.
    assert (scores <= ours + 1e-3).all()
    same = np.array([[a == b for b in later] for a in earlier], dtype=bool).reshape(ours.shape)
    assert same.any()
    assert (scores[same] == 100).all()
    assert (ours[same] == 100).all()
    benchmark.extra_info.update(pairs=scores.size)
    if benchmark.stats is None or pair not in MEANS:
        pytest.skip(f"no timing of test_similarity[{pair}] in this run")
    ratio = benchmark.stats.stats.mean / MEANS[pair]
    benchmark.extra_info["speedup_vs_similarity"] = ratio
    speedups[f"difflib / similarity ({pair} pair, {scores.size:,} key pairs)"] = ratio
    print(f"\ndifflib / similarity ({pair}): {ratio:,.1f}x")
    assert ratio > 1
