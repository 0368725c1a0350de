"""Long statements made of seed paragraphs, for the long-input tests and benchmarks.

A long record repeats its boilerplate with small differences: seed paragraphs are
drawn at random, four in five with a word of their own inserted, and ``planted``
edits one formula in such a text (the one change a comparison must find).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

SEEDS = Path(__file__).parent.parent / "seeds"
NEEDLE = "bolstering the strategic partnership"
EDITED = "bolstering the comprehensive strategic partnership"


def _paragraphs() -> list[str]:
    return [p.strip() for path in sorted(SEEDS.glob("*.txt"))
            for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]


def long_text(size: int, seed: int = 0) -> str:
    """About ``size`` characters of seed paragraphs drawn at random, four in five with a
    word of their own inserted."""
    rng = random.Random(seed)
    paragraphs = _paragraphs()
    parts: list[str] = []
    total = 0
    while total < size:
        words = rng.choice(paragraphs).split(" ")
        if rng.random() < 0.8:
            words.insert(rng.randrange(len(words)), f"Astana{len(parts)}")
        parts.append(" ".join(words))
        total += len(parts[-1]) + 2
    return "\n\n".join(parts)


def planted(text: str) -> tuple[str, int]:
    """The text with one formula edited (past its middle when it can be), and where the
    edited formula begins."""
    at = text.find(NEEDLE, len(text) // 2)
    at = text.index(NEEDLE) if at < 0 else at
    return text[:at] + EDITED + text[at + len(NEEDLE):], at
