"""Typed shifts on hand-made cases (tests/data/framing_cases.yaml): each type and
direction fires where it should, and nothing fires on edits of another kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import diplodiff
from diplodiff import ChangeKind, ShiftType
from diplodiff.text.normalize import fold_text

CASES = yaml.safe_load((Path(__file__).parent / "data" / "framing_cases.yaml").read_text(encoding="utf-8"))


def _change(case: dict[str, Any]) -> diplodiff.Change:
    result = diplodiff.compare(diplodiff.Statement(id="earlier", text=case["earlier"]),
                               diplodiff.Statement(id="later", text=case["later"]))
    wanted = " ".join(fold_text(case["formula"]))
    found = [c for c in result.changes if f" {wanted} " in f" {' '.join(fold_text(c.phrase.text))} "]
    assert len(found) == 1, [(c.kind.value, c.phrase.text) for c in result.changes]
    return found[0]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_shift_types(case: dict[str, Any]) -> None:
    """The change on the named formula carries exactly the expected shift types."""
    change = _change(case)
    assert [s.value for s in change.shift] == case["shift"]
    assert (change.kind is ChangeKind.SHIFTED) == bool(case["shift"])
    if "detail" in case:
        assert any(case["detail"] in d for d in change.details), change.details


@pytest.mark.parametrize("case", [c for c in CASES if c["shift"]], ids=lambda c: c["name"])
def test_every_shift_points_at_words_in_both_statements(case: dict[str, Any]) -> None:
    """Every typed shift has markers whose spans hold exactly their words, in both statements
    where the formula's words or framing cues exist on both sides."""
    change = _change(case)
    texts = {"earlier": case["earlier"], "later": case["later"]}
    for shift in change.shift:
        markers = [m for m in change.markers if m.shift is shift]
        assert markers, shift
        for m in markers:
            assert texts[m.statement][m.span.start : m.span.end] == m.text
        sides = {m.statement for m in markers}
        if shift in (ShiftType.MODALITY, ShiftType.SPEAKER, ShiftType.NUMERAL_FORM, ShiftType.RANK_UP,
                     ShiftType.RANK_DOWN):
            assert sides == {"earlier", "later"}
