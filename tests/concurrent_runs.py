"""Runs of ``diplodiff timeline`` on one store at the same time, for the store's tests."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path


def timelines_at_once(corpus: Path, store: Path, outputs: Sequence[Path]) -> None:
    """Start one ``timeline --store`` process per output together; each must exit 0 (else
    the assertion shows every process's error output)."""
    runs = [subprocess.Popen([sys.executable, "-m", "diplodiff", "timeline", str(corpus), "-q", "-f", "json",
                              "--workers", "1", "--store", str(store), "-o", str(out)],
                             stderr=subprocess.PIPE, text=True) for out in outputs]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0] * len(runs), errors
