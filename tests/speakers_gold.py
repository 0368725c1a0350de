"""Scoring sentence attribution against the hand-written speaker gold.

The gold (tests/data/speakers_seeds.yaml, tests/data/speakers_dev.yaml) lists
every body sentence by its first words, with the person (or null) and the side
("China", "both", "outlet", "G7", ...). A gold sentence is located in the
statement text (line breaks read as spaces), and the tool's answer is that of
the tool sentence holding its first character, so sentence-splitting
differences do not count as attribution errors.

Run ``python -m tests.speakers_gold`` for the full readout.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import yaml

import diplodiff
from diplodiff.text.speakers import BOTH

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
SETS = ((DATA / "speakers_seeds.yaml", ROOT / "seeds"), (DATA / "speakers_dev.yaml", DATA / "dev"))


def gold_side(side: str | None) -> str:
    """The tool's side in the gold's naming: the outlet's own voice (side ``None``)
    is ``outlet``; ``both`` and country/organisation short names are shared as they are."""
    return "outlet" if side is None else side


@attrs.define
class Row:
    """One gold sentence and the tool's reading of it."""

    file: str
    start: str
    gold_speaker: str | None
    gold_side: str
    speaker: str | None
    side: str


@attrs.define
class Score:
    """Attribution over every gold sentence."""

    rows: list[Row] = attrs.Factory(list)

    @property
    def side_correct(self) -> float:
        return sum(r.side == r.gold_side for r in self.rows) / len(self.rows)

    @property
    def persons(self) -> list[Row]:
        return [r for r in self.rows if r.gold_speaker]

    @property
    def person_correct(self) -> float:
        people = self.persons
        return sum(r.speaker == r.gold_speaker for r in people) / len(people)

    def confusion(self) -> Counter[tuple[str, str]]:
        """(gold side, tool side) counts for the sentences whose side is wrong."""
        return Counter((r.gold_side, r.side) for r in self.rows if r.side != r.gold_side)

    def report(self) -> str:
        """Accuracy, the confusion between sides and every miss."""
        people = self.persons
        lines = [
            f"side correct:   {self.side_correct:.1%} of {len(self.rows)} sentences",
            f"person correct: {self.person_correct:.1%} of {len(people)} sentences with a person",
            "side confusion (gold -> tool):",
            *(f"  {g} -> {t}: {n}" for (g, t), n in self.confusion().most_common()),
            "misses:",
        ]
        for r in self.rows:
            side_bad = r.side != r.gold_side
            person_bad = bool(r.gold_speaker) and r.speaker != r.gold_speaker
            if side_bad or person_bad:
                lines.append(f"  {r.file}: {r.start!r}: gold {r.gold_speaker}/{r.gold_side}, "
                             f"tool {r.speaker}/{r.side}")
        return "\n".join(lines)


def _flat(text: str) -> str:
    """Line breaks (and runs of spaces) read as one space, keeping offsets by position map."""
    return re.sub(r"\s", " ", text)


@functools.cache
def _side_ids() -> dict[str, str]:
    table = diplodiff.default_speakers()
    return {name.casefold(): side.id for side in table.sides for name in (side.id, *side.names)}


def side_id(gold: str) -> str:
    """The gold may name a side by any of its names ("Türkiye", "European Union"):
    compare it by the id the builtin side table gives that name."""
    return _side_ids().get(gold.casefold(), gold)


def score_file(path: Path, entries: list[dict[str, Any]]) -> list[Row]:
    """Score one statement file against its gold sentences."""
    statement = diplodiff.load_statement(path)
    sentences = diplodiff.analyse(statement).sentences
    text = statement.text
    flat = _flat(text)
    rows = []
    at = 0
    for entry in entries:
        words = entry["start"].split()
        pattern = r"\s+".join(re.escape(w) for w in words)
        found = re.compile(pattern).search(flat, at)
        if found is None:
            msg = f"{path.name}: gold sentence not found in order: {entry['start']!r}"
            raise AssertionError(msg)
        at = found.end()
        # a dateline ("ALMATY, April 25 (Xinhua) --") belongs to the sentence after it
        hit = next((s for s in sentences if found.start() < s.span.end), None)
        speaker, side = (hit.speaker, gold_side(hit.side)) if hit else (None, "(no sentence)")
        rows.append(Row(path.name, entry["start"], entry.get("speaker"), side_id(str(entry["side"])),
                        speaker, side))
    return rows


def score_all() -> Score:
    """Score every gold file of the seeds and the dev set."""
    score = Score()
    for gold_path, folder in SETS:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        for name, body in gold["files"].items():
            score.rows += score_file(folder / name, body["sentences"])
    return score


assert BOTH == "both"  # the gold's joint voice and the tool's are the same word

if __name__ == "__main__":
    print(score_all().report())


def gold_sides(path: Path) -> list[tuple[int, str]]:
    """``(offset, gold side)`` of each gold sentence of a seed or dev file, in text order."""
    for gold_path, folder in SETS:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        if path.parent == folder and path.name in gold["files"]:
            break
    else:
        msg = f"no speaker gold for {path}"
        raise KeyError(msg)
    flat = _flat(diplodiff.load_statement(path).text)
    out, at = [], 0
    for entry in gold["files"][path.name]["sentences"]:
        pattern = r"\s+".join(re.escape(w) for w in entry["start"].split())
        found = re.compile(pattern).search(flat, at)
        assert found is not None, entry["start"]
        out.append((found.start(), str(entry["side"])))
        at = found.end()
    return out


def gold_side_at(sides: list[tuple[int, str]], offset: int) -> str | None:
    """The gold side of the sentence holding ``offset`` (``None`` before the first one)."""
    found = None
    for start, side in sides:
        if start > offset:
            break
        found = side
    return found


def gold_voice(sides: list[tuple[int, str]], offsets: list[int]) -> str | None:
    """The voice the gold gives a formula from its occurrences, by the rule the tool uses
    (``both`` when both sides or different sides voice it; ``None`` when only the outlet does)."""
    voiced = {s for s in (gold_side_at(sides, o) for o in offsets) if s not in (None, "outlet")}
    if not voiced:
        return None
    return BOTH if BOTH in voiced or len(voiced) > 1 else voiced.pop()
