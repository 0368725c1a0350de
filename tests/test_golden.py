"""Golden reports for the seed pairs: whole text, Markdown and JSON reports, pinned.

Rewrite them only on purpose: ``pytest tests/test_golden.py --update-golden``, then
read the diff of tests/data/golden/ before committing it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import diplodiff

SEEDS = Path(__file__).parent.parent / "seeds"
GOLDEN = Path(__file__).parent / "data" / "golden"
PAIRS = [("004", "000"), ("001", "004"), ("003", "001"), ("002", "004")]
RENDERERS: dict[str, Callable[[diplodiff.Comparison], str]] = {
    "txt": lambda c: diplodiff.to_text(c, show_kept=True),
    "md": diplodiff.to_markdown,
    "json": diplodiff.to_json,
}


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_golden_report(old: str, new: str, fmt: str, request: pytest.FixtureRequest,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The report for a seed pair is exactly the pinned one."""
    monkeypatch.chdir(SEEDS.parent)  # paths in the JSON are relative to the repo root
    earlier = diplodiff.load_statement(next(Path("seeds").glob(f"{old}_*.txt")))
    later = diplodiff.load_statement(next(Path("seeds").glob(f"{new}_*.txt")))
    actual = RENDERERS[fmt](diplodiff.compare(earlier, later))
    path = GOLDEN / f"{old}-{new}.{fmt}"
    if request.config.getoption("--update-golden"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")
