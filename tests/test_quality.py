"""Quality against the analyst gold, on the seeds (tests/data/gold_seeds.yaml) and on the
dev set of other registers (tests/data/gold_dev.yaml), beside a plain word diff of the same
texts: recall, shifts read as shifts, stable formulas left alone, items an analyst reads;
and the framing of the seeds.

The floors are those of issue 7 where they are met, else set just under what the code
measures so that a regression fails; `python tests/gold.py -v` prints the full picture and
docs/accuracy.md the table.
"""

from __future__ import annotations

import statistics

import pytest

import diplodiff
from diplodiff import ChangeKind, ShiftType

from .gold import DATA, SEEDS, full_table, score_all, score_baseline, totals

SCORES = score_all("seeds")
DEV = score_all("dev")
BASELINE = score_baseline("seeds") + score_baseline("dev")


def test_print_the_accuracy_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The table of docs/accuracy.md, printed (with -s) from the code as it is."""
    table = full_table()
    with capsys.disabled():
        print("\n" + table)
    assert "| union | diplodiff |" in table


def test_seed_recall_floor() -> None:
    """At least 69/71 of the seeds gold's added, dropped and shifted items are found
    (issue 7 asks 0.95; measured 69/71 = 0.972)."""
    assert totals(SCORES).recall >= 69 / 71, [m for s in SCORES for m in s.missed]


@pytest.mark.parametrize("score", SCORES, ids=lambda s: f"{s.old[:3]}-{s.new[:3]}")
def test_pair_recall_floor(score: object) -> None:
    """Every seed pair keeps recall of at least 0.85."""
    found, missed = score.found, score.missed  # type: ignore[attr-defined]
    assert len(found) / (len(found) + len(missed)) >= 0.85, missed


@pytest.mark.parametrize("score", SCORES, ids=lambda s: f"{s.old[:3]}-{s.new[:3]}")
def test_gold_shifts_are_shifted(score: object) -> None:
    """Every seed gold shift is reported as shifted, never as a drop plus an add."""
    assert not [m for m in score.missed if m.startswith("shifted")]  # type: ignore[attr-defined]
    assert not score.shifted_as_add_drop  # type: ignore[attr-defined]


@pytest.mark.parametrize("score", SCORES + DEV, ids=lambda s: f"{s.old[:12]}-{s.new[:12]}")
def test_stable_formulas_are_not_added_or_dropped(score: object) -> None:
    """No formula the gold calls stable is reported as added or dropped (seeds and dev)."""
    assert not score.stable_violations  # type: ignore[attr-defined]


def test_seed_items_stay_readable() -> None:
    """The median seed pair reports at most 19.5 items (issue 7 asks 35; measured 19.5)."""
    assert statistics.median(s.items for s in SCORES) <= 19.5


def test_dev_recall_floor() -> None:
    """At least 59/60 of the dev gold's added, dropped and shifted items are found (issue 7
    asks 0.9; measured 59/60 = 0.98 with the multilateral lexicon written blind)."""
    assert totals(DEV).recall >= 59 / 60, [m for s in DEV for m in s.missed]


def test_dev_shifts_are_shifted() -> None:
    """Every dev gold shift is reported as shifted (issue 7), a sentence rewritten in
    place included."""
    assert totals(DEV).shifts_typed == totals(DEV).shifts, [
        m for s in DEV for m in s.missed if m.startswith("shifted")]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("g7fm_sudan_2023.txt", "g7fm_sudan_2023_reissue.txt", 1),  # one planted edit
    ("pif_fm_2023.txt", "pif_fm_2023_reflow.txt", 0),  # reflowed, no edit
    ("eu_sahel_2022.txt", "eu_sahel_2022_reflow.txt", 1),  # reflowed, one edit
])
def test_reissued_statement_gives_exactly_its_edits(old: str, new: str, expected: int) -> None:
    """A re-issued or reflowed statement reports exactly its planted edits, no more."""
    folder = DATA / "dev"
    result = diplodiff.compare(diplodiff.load_statement(folder / old), diplodiff.load_statement(folder / new))
    assert [c.phrase.text for c in result.changes if c.kind is not ChangeKind.KEPT] == (
        [c.phrase.text for c in result.changes if c.kind is ChangeKind.SHIFTED][:expected])
    assert sum(c.kind is not ChangeKind.KEPT for c in result.changes) == expected


def test_beats_the_word_diff_on_the_union() -> None:
    """On seeds and dev together: at least the word diff's recall, with at most a third of
    the items it reports (issue 7; measured 149 against 496)."""
    ours, base = totals(SCORES + DEV), totals(BASELINE)
    assert ours.recall >= base.recall
    assert 3 * ours.items <= base.items, (ours, base)


def _compare(old: str, new: str) -> diplodiff.Comparison:
    return diplodiff.compare(diplodiff.load_statement(next(SEEDS.glob(f"{old}_*.txt"))),
                             diplodiff.load_statement(next(SEEDS.glob(f"{new}_*.txt"))))


def _shifted(comparison: diplodiff.Comparison, later_text: str) -> diplodiff.Change:
    return next(c for c in comparison.of_kind(ChangeKind.SHIFTED)
                if c.later is not None and c.later.text.lower() == later_text.lower())


def test_strategic_to_permanent_label_is_qualifier_added_and_rank_up() -> None:
    """001 -> 004: 'strategic partnership' -> 'permanent comprehensive strategic partnership'."""
    change = _shifted(_compare("001", "004"), "permanent comprehensive strategic partnership")
    assert change.earlier is not None
    assert change.earlier.text == "strategic partnership"
    assert {ShiftType.QUALIFIER_ADDED, ShiftType.RANK_UP} <= set(change.shift)


def test_corridor_to_route_is_substitution() -> None:
    """001 -> 004: Transport Corridor -> Transport Route is a substitution."""
    change = _shifted(_compare("001", "004"), "Trans-Caspian International Transport Route")
    assert ShiftType.SUBSTITUTION in change.shift


def test_golden_decades_to_years_is_numeral_form() -> None:
    """002 -> 004: 'golden three decades' -> 'golden 30 years' is a numeral-form shift."""
    change = _shifted(_compare("002", "004"), "golden 30 years")
    assert ShiftType.NUMERAL_FORM in change.shift
    assert ShiftType.SUBSTITUTION not in change.shift


def _sides(seed: str, formula: str) -> set[str | None]:
    analysis = diplodiff.analyse(diplodiff.load_statement(next(SEEDS.glob(f"{seed}_*.txt"))))
    return {p.side for p in analysis.phrases if p.formula == formula}


@pytest.mark.parametrize("seed", ["000", "004"])
def test_golden_years_voiced_by_the_kazakh_side(seed: str) -> None:
    """'golden 30 years' is the Kazakh side's in 000 and in 004 ..."""
    assert _sides(seed, "era.golden-30-years") == {"Kazakhstan"}


def test_golden_years_has_no_speaker_shift() -> None:
    """... so 004 -> 000 reports no speaker shift on it."""
    change = next(c for c in _compare("004", "000").changes if c.phrase.formula == "era.golden-30-years")
    assert ShiftType.SPEAKER not in change.shift


@pytest.mark.parametrize("seed", ["000", "004"])
def test_permanent_partnership_voiced_by_both_sides(seed: str) -> None:
    """'permanent comprehensive strategic partnership' is voiced by both sides in 000 and 004."""
    assert _sides(seed, "partnership.permanent-comprehensive-strategic") == {"China", "Kazakhstan"}
