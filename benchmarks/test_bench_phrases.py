"""Phrase finding against real anchors, run in this process on the same input.

* The lexicon matcher (``find.lexicon.hits``) against a bare Aho-Corasick scan
  (``ahocorasick_rs``, leftmost-longest) of the same surface forms over the
  same folded tokens: the scan finds the same hits and does nothing else, so it
  is the floor for matching. Target (issue 8): >= 40 % of its speed.
* Analysis (``analyse``: sentences, speakers, lexicon, discovery) against
  ``re.findall(r"\\w+")`` over the same text, the floor for reading the words at
  all. Target (issue 8): within 13x of the floor (>= 3 MB/s a core). Also the
  two timed in turn, round by round, whose median ratio a drifting machine speed
  does not flip.

Each prints its figures and whether the target is met, and asserts a bound it
meets with room on a loaded two-core machine (so a regression fails, noise does
not). Ratios compare the fastest rounds: on a shared machine the mean measures
the neighbours. Tests run in file order: ours first, each anchor after.
"""

from __future__ import annotations

import gc
import re
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from ahocorasick_rs import AhoCorasick, MatchKind
from pytest_benchmark.fixture import BenchmarkFixture

import diplodiff
from diplodiff import Lexicon, Statement
from diplodiff._models import Tokens
from diplodiff.find.lexicon import hits
from diplodiff.text.normalize import fold_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_corpus

if TYPE_CHECKING:
    from conftest import InTurn, SyntheticLexicon, Tokenized

#: Fastest rounds (seconds) of our benchmarks in this process, keyed by name.
BEST: dict[str, float] = {}
#: Issue 8's target for the lexicon matcher: this fraction of the bare scan's speed.
MATCHER_TARGET = 0.40
#: What the matcher is held to (measured 0.24-0.43 here, by the load on the machine;
#: the per-position loop it replaced ran at ~0.06).
MATCHER_BOUND = 0.15
#: Issue 8's target for analysis: at most this many times the \w+ floor's time.
ANALYSIS_TARGET = 13.0
#: What analysis is held to today, in CPU time (measured 9.8-10.3x here with the load
#: average at 1, the floor at 46-49 MB/s; 13.7-15.4x with the load at 3.3-4.7, once 17.6x,
#: before discovery skipped the capitalised runs with no head noun and the speaker reader
#: located each sentence's key words once a statement; 14-16x before the
#: tokenizer looked each word up once with its gap and discovery read a statement's flags
#: in one pass; 25-27x before the speaker reader read each word's flags once): a
#: regression bound with a quarter of margin over the worst round seen on a loaded
#: machine, printed beside the target.
ANALYSIS_BOUND = 22.0
#: Rounds of analysis and floor timed in turn.
PAIRED_ROUNDS = 8
STATEMENTS = 200
_WORDS = re.compile(r"\w+")


@pytest.fixture(autouse=True)
def _quiet_heap() -> Iterator[None]:
    """Leave the fixtures' objects (a tokenized corpus of 1,000 statements) out of the
    garbage collector's passes while timing: they are scaffolding, not the work timed,
    and scanning them on every collection made analysis look 3-4x slower."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


def _record(benchmark: BenchmarkFixture, name: str) -> None:
    if benchmark.stats is not None:  # None under --benchmark-disable
        BEST[name] = benchmark.stats.stats.min


def _anchor_best(benchmark: BenchmarkFixture, ours: str) -> float:
    """The anchor's fastest round (skips when ours was not timed in this run)."""
    if benchmark.stats is None or ours not in BEST:
        pytest.skip(f"no timing of {ours!r} in this run (run the whole file, benchmarks enabled)")
    return float(benchmark.stats.stats.min)


# --- the lexicon matcher against a bare Aho-Corasick scan -------------------------------------

def _rows(corpus: Sequence[Tokenized]) -> list[list[Tokens]]:
    return [[Tokens.of(s.tokens) for s in t.sentences] for t in corpus]


def _match(lexicon: Lexicon, statements: Sequence[Sequence[Tokens]]) -> int:
    """Our matcher over pre-tokenized statements; the number of hits."""
    return sum(len(found) for rows in statements for found in hits(lexicon, rows))


def _anchor(wordings: Sequence[str]) -> AhoCorasick:
    """The same surface forms, folded as the matcher folds them, space-framed."""
    keys = sorted({" " + " ".join(fold_text(w)) + " " for w in wordings})
    return AhoCorasick(keys, matchkind=MatchKind.LeftmostLongest)


def _scan(automaton: AhoCorasick, statements: Sequence[Sequence[Tokens]]) -> int:
    """The bare scan: join each statement's folded tokens, find the wordings; the number of hits."""
    found = 0
    for rows in statements:
        haystack = " " + " \x00 ".join(" ".join(r.flat()) for r in rows) + " "
        found += len(automaton.find_matches_as_indexes(haystack))
    return found


def test_lexicon_matcher(benchmark: BenchmarkFixture, synthetic_lexicon: SyntheticLexicon,
                         corpus: tuple[Tokenized, ...]) -> None:
    """``hits`` over 1,000 pre-tokenized statements, 300 formulas; every planted wording found."""
    statements = _rows(corpus)
    found = benchmark.pedantic(_match, (synthetic_lexicon.lexicon, statements), rounds=5, iterations=1,
                               warmup_rounds=1)
    assert found == sum(len(t.synthetic.plants) for t in corpus)
    _record(benchmark, "matcher")


def test_lexicon_anchor_aho_corasick(benchmark: BenchmarkFixture, synthetic_lexicon: SyntheticLexicon,
                                     corpus: tuple[Tokenized, ...], speedups: dict[str, float]) -> None:
    """Anchor: a bare Aho-Corasick scan of the same wordings over the same folded tokens."""
    statements = _rows(corpus)
    automaton = _anchor([w for _, w in synthetic_lexicon.wordings])
    found = benchmark.pedantic(_scan, (automaton, statements), rounds=5, iterations=1, warmup_rounds=1)
    assert found == sum(len(t.synthetic.plants) for t in corpus)  # the same hits
    anchor = _anchor_best(benchmark, "matcher")
    share = anchor / BEST["matcher"]
    size = sum(len(t.synthetic.statement.text.encode()) for t in corpus)
    speedups[f"lexicon matcher speed / bare Aho-Corasick scan (target >= {MATCHER_TARGET:.0%})"] = share
    print(f"\nlexicon matcher: {size / BEST['matcher'] / 1e6:.1f} MB/s; "
          f"bare scan {size / anchor / 1e6:.1f} MB/s; "
          f"matcher at {share:.0%} of the scan's speed "
          f"(target {MATCHER_TARGET:.0%}: {'met' if share >= MATCHER_TARGET else 'NOT met'})")
    assert share >= MATCHER_BOUND


# --- analysis against the \w+ floor ------------------------------------------------------------

@pytest.fixture(scope="module")
def readouts() -> list[Statement]:
    """200 synthetic readouts of ~800 words (~5.7 KB) with the builtin lexicon's formulas."""
    return list(make_corpus(STATEMENTS))


def _analyse(statements: Sequence[Statement]) -> int:
    return sum(len(diplodiff.analyse(s).phrases) for s in statements)


def _floor(statements: Sequence[Statement]) -> int:
    return sum(len(_WORDS.findall(s.text)) for s in statements)


@pytest.mark.benchmark(timer=time.process_time)  # CPU time: the neighbours' load is not ours
def test_analysis(benchmark: BenchmarkFixture, readouts: list[Statement]) -> None:
    """``analyse`` on 200 readouts: sentences, speakers, lexicon hits and discovered phrases."""
    diplodiff.analyse(readouts[0])  # the lexicon and tables, compiled once per process
    phrases = benchmark.pedantic(_analyse, (readouts,), rounds=5, iterations=1, warmup_rounds=1)
    assert phrases > STATEMENTS
    _record(benchmark, "analysis")


@pytest.mark.benchmark(timer=time.process_time)
def test_analysis_anchor_word_floor(benchmark: BenchmarkFixture, readouts: list[Statement],
                                    speedups: dict[str, float]) -> None:
    """Anchor: ``re.findall(r"\\w+")`` over the same 200 texts."""
    words = benchmark.pedantic(_floor, (readouts,), rounds=20, iterations=1, warmup_rounds=1)
    assert words > STATEMENTS * 500
    anchor = _anchor_best(benchmark, "analysis")
    times = BEST["analysis"] / anchor
    size = sum(len(s.text.encode()) for s in readouts)
    speedups[f"analysis time / \\w+ floor (target <= {ANALYSIS_TARGET:g}x)"] = times
    print(f"\nanalysis: {size / BEST['analysis'] / 1e6:.2f} MB/s, "
          f"{BEST['analysis'] / len(readouts) * 1e3:.2f} ms per "
          f"{size / len(readouts) / 1e3:.1f} KB statement; "
          f"\\w+ floor {size / anchor / 1e6:.1f} MB/s; analysis = {times:.1f}x the floor "
          f"(target {ANALYSIS_TARGET:g}x: {'met' if times <= ANALYSIS_TARGET else 'NOT met'})")
    assert times <= ANALYSIS_BOUND


def test_analysis_floor_in_turn(benchmark: BenchmarkFixture, readouts: list[Statement],
                                speedups: dict[str, float], in_turn: InTurn) -> None:
    """Analysis and the floor over the same 200 texts, timed in turn, round by round
    (``in_turn``): the two separate benchmarks above come from different moments."""
    diplodiff.analyse(readouts[0])
    times = benchmark.pedantic(in_turn, (lambda: _analyse(readouts), lambda: _floor(readouts),
                                         PAIRED_ROUNDS, 1), rounds=1, iterations=1)
    speedups["analysis time / \\w+ floor, timed in turn (median of rounds)"] = times
    print(f"\nanalysis / \\w+ floor, timed in turn: median {times:.1f}x over {PAIRED_ROUNDS} rounds "
          f"(target {ANALYSIS_TARGET:g}x: {'met' if times <= ANALYSIS_TARGET else 'NOT met'})")
    assert times <= ANALYSIS_BOUND
