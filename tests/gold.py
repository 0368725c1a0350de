"""Scoring a diff against the analyst gold (tests/data/gold_seeds.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import yaml

import diplodiff
from diplodiff.text.normalize import fold_text

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"
GOLD = DATA / "gold_seeds.yaml"


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def matches(gold: str, reported: str) -> bool:
    """A reported wording stands for a gold phrase when one contains the other
    and they differ by at most three words (or the reported one has most of the gold's words)."""
    g, r = fold_text(gold), fold_text(reported)
    if _contains(r, g):
        return len(r) <= len(g) + 3
    return _contains(g, r) and len(r) >= 0.6 * len(g)


@attrs.define
class PairScore:
    """What one seed pair's diff got right and wrong."""

    old: str
    new: str
    found: list[str] = attrs.Factory(list)
    missed: list[str] = attrs.Factory(list)
    shifted_as_add_drop: list[str] = attrs.Factory(list)
    stable_violations: list[str] = attrs.Factory(list)
    unmatched: list[str] = attrs.Factory(list)
    noise: int = 0


def _texts(change: diplodiff.Change) -> list[str]:
    return [p.text for p in (change.earlier, change.later) if p is not None] + [change.phrase.canonical]


def score_pair(pair: dict[str, Any], comparison: diplodiff.Comparison) -> PairScore:
    """Score one comparison against one gold pair."""
    score = PairScore(pair["old"], pair["new"])
    by_kind = {k: comparison.of_kind(k) for k in diplodiff.ChangeKind}
    used: set[int] = set()
    for kind_name in ("added", "dropped"):
        kind = diplodiff.ChangeKind(kind_name)
        for item in pair.get(kind_name, []):
            hit = [c for c in by_kind[kind] if any(matches(item, t) for t in _texts(c))]
            used.update(id(c) for c in hit)
            (score.found if hit else score.missed).append(f"{kind_name}: {item}")
    for item in pair.get("shifted", []):
        hit = [c for c in by_kind[diplodiff.ChangeKind.SHIFTED]
               if c.earlier and c.later and matches(item["old"], c.earlier.text)
               and matches(item["new"], c.later.text)]
        used.update(id(c) for c in hit)
        label = f"shifted: {item['old']} -> {item['new']}"
        (score.found if hit else score.missed).append(label)
        if not hit and any(matches(item["old"], t) for c in by_kind[diplodiff.ChangeKind.DROPPED]
                           for t in _texts(c)):
            score.shifted_as_add_drop.append(label)
    for item in pair.get("stable", []):
        for kind in (diplodiff.ChangeKind.ADDED, diplodiff.ChangeKind.DROPPED):
            if any(matches(item, t) for c in by_kind[kind] for t in _texts(c)):
                score.stable_violations.append(f"{kind.value}: {item}")
    reported = [c for c in comparison.changes if c.kind is not diplodiff.ChangeKind.KEPT]
    score.noise = len(reported)
    score.unmatched = [f"{c.kind.value}: {' -> '.join(_texts(c)[:2])}" for c in reported if id(c) not in used]
    return score


def score_all(**kwargs: Any) -> list[PairScore]:
    """Diff every gold pair of seeds and score it."""
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    scores = []
    for pair in gold["pairs"]:
        earlier = diplodiff.load_statement(SEEDS / pair["old"])
        later = diplodiff.load_statement(SEEDS / pair["new"])
        scores.append(score_pair(pair, diplodiff.compare(earlier, later, **kwargs)))
    return scores


def summary(scores: list[PairScore]) -> str:
    """A printable summary: recall, violations and noise per pair and overall."""
    lines = []
    for s in scores:
        total = len(s.found) + len(s.missed)
        lines.append(f"{s.old} -> {s.new}: recall {len(s.found)}/{total}, stable violations "
                     f"{len(s.stable_violations)}, shifted split {len(s.shifted_as_add_drop)}, "
                     f"non-kept changes {s.noise} ({len(s.unmatched)} not in gold)")
        lines += [f"    missed {m}" for m in s.missed]
        lines += [f"    VIOLATION {v}" for v in s.stable_violations]
    found = sum(len(s.found) for s in scores)
    total = found + sum(len(s.missed) for s in scores)
    lines.append(f"overall recall {found}/{total} = {found / total:.3f}")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys
    all_scores = score_all()
    print(summary(all_scores))
    if "-v" in sys.argv:
        for s in all_scores:
            print(f"\n{s.old} -> {s.new} not in gold:")
            print("\n".join("    " + u for u in s.unmatched))
