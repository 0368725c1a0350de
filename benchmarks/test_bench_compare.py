"""``compare()`` against real anchors on the same pair, and every input linear.

* ``compare()`` on seeds 004 -> 000 (984 and 756 words) against the word-level
  opcodes of difflib (``SequenceMatcher`` over the words) and of redlines on the
  same two texts: the diffs a user would otherwise run. Target (issue 8):
  faster than redlines' bare opcodes. Also the two timed in turn, pair by pair,
  whose median ratio a drifting machine speed does not flip.
* Linear in the input: ``compare()`` on text without a sentence break (40 KB)
  and ``analyse()`` on a 2 MB statement cost no more per KB (within
  ``LINEAR_BOUND``) than on 5 KB and 20 KB of the same text.

Each prints its figures and target, and asserts a bound met with room on a
loaded two-core machine; ratios compare fastest rounds. Tests run in file
order; the anchors come after ours and read ``BEST``.
"""

from __future__ import annotations

import difflib
import functools
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from redlines import Redlines

import diplodiff
from diplodiff import ChangeKind, Lexicon, LexiconError, Origin, Statement

if TYPE_CHECKING:
    from conftest import InTurn, Synthetic, SyntheticLexicon

SEEDS = Path(__file__).parent / ".." / "seeds"
EARLIER_SEED, LATER_SEED = "004_55e9fcd968524c2c.txt", "000_ae7edd6c8a22359c.txt"
#: Fastest rounds (seconds) of our benchmarks in this process, keyed by name.
BEST: dict[str, float] = {}
#: compare() against redlines' opcodes, in CPU time: issue 8's target (faster), and
#: the bound held today (measured 1.2x here with the load average at 1.2-1.5: compare()
#: 3.9-4.0 ms, redlines 3.4 ms; 1.3x before the speaker reader skipped the sentences it
#: carries over and framing kept word positions; 1.3-1.4x before cue wordings, pieces of text and formula
#: occurrences were read by one C-level pass each; 1.6-1.7x before the sentence scores came from one cdist
#: matrix and framing, discovery and the speaker reader read less per formula, sentence and
#: word; 1.8-2.0x before framing read each sentence once for all its formulas). The two
#: analyses are about half of compare(): 2.2-2.3 ms of it.
REDLINES_TARGET = 1.0
REDLINES_BOUND = 3.0
#: Pairs timed in turn for the drift-proof ratio.
PAIRED_ROUNDS = 40
#: Per-KB cost of the large input over the small one's, at most (a quadratic step gives 10-100x;
#: a loaded machine alone gives up to ~1.5x).
LINEAR_BOUND = 3.0


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


@pytest.mark.benchmark(timer=time.process_time)  # CPU time: the neighbours' load is not ours
def test_compare_seed_pair(benchmark: BenchmarkFixture, seed_pair: tuple[Statement, Statement],
                           builtin_lexicon: tuple[Lexicon, str]) -> None:
    """``compare()`` on two real readouts (984 and 756 words), builtin lexicon."""
    earlier, later = seed_pair
    lexicon, name = builtin_lexicon
    result = benchmark.pedantic(diplodiff.compare, (earlier, later), {"lexicon": lexicon}, rounds=20,
                                iterations=1, warmup_rounds=2)
    counts = result.counts()
    assert counts["added"] >= 1
    assert counts["dropped"] >= 1
    same = diplodiff.compare(earlier, earlier, lexicon=lexicon)
    assert same.changes
    assert {c.kind for c in same.changes} == {ChangeKind.KEPT}
    benchmark.extra_info.update(lexicon=name, formulas=len(lexicon), **counts)
    _best(benchmark, "compare")


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


def _best(benchmark: BenchmarkFixture, name: str) -> None:
    if benchmark.stats is not None:  # None under --benchmark-disable
        BEST[name] = benchmark.stats.stats.min


def _difflib_opcodes(earlier: str, later: str) -> Sequence[tuple[str, int, int, int, int]]:
    return difflib.SequenceMatcher(None, earlier.split(), later.split(), autojunk=False).get_opcodes()


def _redlines_opcodes(earlier: str, later: str) -> Sequence[tuple[str, int, int, int, int]]:
    return list(Redlines(earlier, later).opcodes)


@pytest.mark.benchmark(timer=time.process_time)
@pytest.mark.parametrize("anchor", ["difflib", "redlines"])
def test_compare_anchor_word_opcodes(benchmark: BenchmarkFixture, seed_pair: tuple[Statement, Statement],
                                     anchor: str, speedups: dict[str, float]) -> None:
    """Anchors: the word-level opcodes of difflib and of redlines on the same two texts."""
    earlier, later = seed_pair
    run = _difflib_opcodes if anchor == "difflib" else _redlines_opcodes
    opcodes = benchmark.pedantic(run, (earlier.text, later.text), rounds=10, iterations=1, warmup_rounds=1)
    assert any(tag != "equal" for tag, *_ in opcodes)
    if benchmark.stats is None or "compare" not in BEST:
        pytest.skip("no timing of test_compare_seed_pair in this run")
    times = BEST["compare"] / benchmark.stats.stats.min
    speedups[f"compare() time / {anchor} word opcodes (seeds 004 -> 000)"] = times
    print(f"\ncompare(): {BEST['compare'] * 1e3:.1f} ms; {anchor} opcodes: "
          f"{benchmark.stats.stats.min * 1e3:.1f} ms; compare() = {times:.1f}x {anchor}"
          + (f" (target < {REDLINES_TARGET:g}x: {'met' if times < REDLINES_TARGET else 'NOT met'})"
             if anchor == "redlines" else ""))
    if anchor == "redlines":
        assert times < REDLINES_BOUND


def test_compare_redlines_in_turn(benchmark: BenchmarkFixture, seed_pair: tuple[Statement, Statement],
                                  builtin_lexicon: tuple[Lexicon, str], speedups: dict[str, float],
                                  in_turn: InTurn) -> None:
    """``compare()`` and redlines' opcodes timed in turn, pair by pair (``in_turn``): the two
    minima above come from different moments."""
    earlier, later = seed_pair
    lexicon, _ = builtin_lexicon
    ours = functools.partial(diplodiff.compare, earlier, later, lexicon=lexicon)
    anchor = functools.partial(_redlines_opcodes, earlier.text, later.text)
    times = benchmark.pedantic(in_turn, (ours, anchor, PAIRED_ROUNDS, 3), rounds=1, iterations=1)
    speedups["compare() time / redlines word opcodes, timed in turn (median of pairs)"] = times
    print(f"\ncompare() / redlines opcodes, timed in turn: median {times:.2f}x over {PAIRED_ROUNDS} pairs"
          f" (target < {REDLINES_TARGET:g}x: {'met' if times < REDLINES_TARGET else 'NOT met'})")
    assert times < REDLINES_BOUND


# --- every input linear --------------------------------------------------------------------

def _flat_text(size: int, *, offset: int = 0) -> str:
    """``size`` characters of the seeds with no sentence break: no . ? ! and no line breaks."""
    text = re.sub(r"[.?!]", "", " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))))
    text = " ".join(text.split())
    return (text * (size // len(text) + 2))[offset : offset + size]


def _statement_text(size: int, *, offset: int = 0) -> str:
    """``size`` characters of the seeds, paragraphs and sentences as they are."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return (text * (size // len(text) + 2))[offset : offset + size]


#: The sentences every new-passage case keeps on both sides.
_KEPT = "The envoys met in Accra.\n\nThey reviewed the agenda.\n\nTalks will go on."


def _new_passage(size: int, offset: int, opening: str, clause: str, ending: str) -> str:
    """``_KEPT``, and (when ``offset``) a new paragraph of ``size`` characters after it:
    ``opening``, ``clause`` repeated with no punctuation between, ``ending``."""
    if not offset:
        return _KEPT
    return _KEPT + "\n\n" + opening + clause * (size // len(clause) + 1) + ending


def _stated_passage(size: int, *, offset: int = 0) -> str:
    """A new sentence of "that" clauses: every "that" opens a stated position to read
    (``terms.stated_clauses``), over a passage with no punctuation to stop the reading."""
    return _new_passage(size, offset, "We noted that ", "the envoys warned that the talks will go on and ",
                        "more.")


def _dated_passage(size: int, *, offset: int = 0) -> str:
    """A new passage full of times after modals and infinitives: each is read for whether a
    commitment is due then (``updates.stamps``)."""
    return _new_passage(size, offset, "We noted that ",
                        "the council will review the mandate in March 2025 and agreed to meet on 3 May and ",
                        "more.")


def _name_list(size: int, *, offset: int = 0) -> str:
    """One sentence listing distinct names over ``size`` characters; with ``offset``, one
    member more at that place: the list is read member by member (``classify``)."""
    names = [f"Land{k:05d}" for k in range(size // 11 + 1)]
    if offset:
        names.insert(offset // 11, "Newland")
    return "The summit was attended by " + ", ".join(names[:-1]) + " and " + names[-1] + ". Talks go on."


def _capitals_passage(size: int, *, offset: int = 0) -> str:
    """A new passage in capitals: every capitalised word may continue a title
    (``terms.key_terms``)."""
    return _new_passage(size, offset, "",
                        "PEACE IN SECURITY WITH DIALOGUE COOPERATION IN ENERGY TRADE MINISTERS "
                        "DISCUSSED REGION ",
                        "END.")


def _per_kb(make: Callable[..., str], size: int, rounds: int, run: Callable[[str, str], object]) -> float:
    """Seconds (CPU) per KB of ``run`` on two texts of ``size`` characters, best of ``rounds``."""
    earlier, later = make(size), make(size, offset=size // 7)
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        run(earlier, later)
        best = min(best, time.process_time() - start)
    return best / (size / 1000)


def _compare(earlier: str, later: str) -> object:
    return diplodiff.compare(Statement(id="a", text=earlier), Statement(id="b", text=later))


def _analyse(earlier: str, _later: str) -> object:
    return diplodiff.analyse(Statement(id="a", text=earlier))


@pytest.mark.parametrize(("make", "run", "small", "large", "target"), [
    (_flat_text, _compare, 5_000, 40_000, 0.2), (_statement_text, _analyse, 20_000, 2_000_000, 2.0),
    (_stated_passage, _compare, 5_000, 40_000, 0.3), (_dated_passage, _compare, 5_000, 40_000, 0.3),
    (_name_list, _compare, 5_000, 40_000, 0.3), (_capitals_passage, _compare, 5_000, 40_000, 0.3)],
    ids=["compare-no-sentence-break-40KB", "analyse-statement-2MB", "compare-passage-of-that-clauses-40KB",
         "compare-dated-passage-40KB", "compare-list-of-names-40KB", "compare-capitals-passage-40KB"])
def test_linear(benchmark: BenchmarkFixture, make: Callable[..., str], run: Callable[[str, str], object],
                small: int, large: int, target: float) -> None:
    """The large input costs no more per KB than the small one (the 2 MB case times the
    analysis alone; test_bench_linear.py times compare() of two 2 MB statements)."""
    run("Warm up.", "Warm up.")
    large_kb = benchmark.pedantic(_per_kb, (make, large, 2 if large > 100_000 else 3, run), rounds=1,
                                  iterations=1)
    ratio = large_kb / _per_kb(make, small, 5, run)
    seconds = large_kb * large / 1000
    verdict = "met" if seconds < target else "NOT met"
    print(f"\n{run.__name__.strip('_')}() on {large // 1000:,} KB: {seconds:.2f} s CPU "
          f"(target < {target:g} s: {verdict}); per-KB cost {ratio:.2f}x that at {small // 1000} KB")
    assert ratio <= LINEAR_BOUND
