"""``diplodiff diff`` on two seeds, cold: a fresh process, output to /dev/null.

Anchored in the same run on the import every diff must pay anyway, a fresh
``python -c "import rapidfuzz"`` (interpreter start included). Each is timed
over ``ROUNDS`` fresh processes, by wall clock and by CPU time (user + system of
the child, which a machine shared with other work inflates less); ratios compare
fastest rounds.

Target (issue 8): under 0.2 s on this kind of machine, idle: about ``TARGET``
times the anchor (0.2 s / ~0.03 s). Asserted: ``BOUND``, with room for a loaded
CI machine; the target is printed met or not.

The runs see what an installed diplodiff sees on its second run and after:
bytecode compiled (a private ``PYTHONPYCACHEPREFIX``, as ``pip install`` compiles
a wheel's modules) and the builtin-data cache filled (a private
``DIPLODIFF_CACHE_DIR``). The first run, which fills both, is printed too.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

SEEDS = Path(__file__).parent / ".." / "seeds"
#: The installed ``diplodiff`` command (``python -m diplodiff`` where there is none).
SCRIPT = Path(sys.executable).parent / "diplodiff"
DIFF = [*([str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "diplodiff"]), "diff",
        str(SEEDS / "004_55e9fcd968524c2c.txt"), str(SEEDS / "000_ae7edd6c8a22359c.txt")]
ANCHOR = [sys.executable, "-c", "import rapidfuzz"]
ROUNDS = 10
TARGET = 6.7
BOUND = 10.0


def _run(command: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process (exit 1, changes found, is fine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode in (0, 1), done.stderr.decode()
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def _best(command: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    runs = [_run(command, env) for _ in range(ROUNDS)]
    return min(w for w, _ in runs), min(c for _, c in runs)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of an installed diplodiff, its caches private to this run."""
    chosen = dict(os.environ)
    chosen.pop("PYTHONDONTWRITEBYTECODE", None)
    chosen["PYTHONPYCACHEPREFIX"] = str(tmp_path_factory.mktemp("pycache"))
    chosen["DIPLODIFF_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    return chosen


def test_cold_diff(benchmark: BenchmarkFixture, env: dict[str, str]) -> None:
    """A cold two-seed diff costs at most ``BOUND`` times a cold ``import rapidfuzz``."""
    first = _run(DIFF, env)
    anchor_wall, anchor_cpu = _best(ANCHOR, env)
    walls: list[float] = []
    cpus: list[float] = []

    def once() -> None:
        wall, cpu = _run(DIFF, env)
        walls.append(wall)
        cpus.append(cpu)

    benchmark.pedantic(once, rounds=ROUNDS, iterations=1)
    wall, cpu = min(walls), min(cpus)
    ratio = cpu / anchor_cpu
    benchmark.extra_info.update(cpu=cpu, anchor_cpu=anchor_cpu, ratio=ratio)
    load = os.getloadavg()[0]
    print(f"\ncold diff: {wall:.3f} s wall, {cpu:.3f} s CPU (fastest of {ROUNDS}; load {load:.2f}); "
          f"first run, filling the caches: {first[0]:.3f} s wall\n"
          f"anchor `import rapidfuzz`: {anchor_wall:.3f} s wall, {anchor_cpu:.3f} s CPU\n"
          f"ratio (CPU): {ratio:.1f}x; target <= {TARGET}x (0.2 s here, idle): "
          f"{'met' if ratio <= TARGET else 'NOT met'}; bound {BOUND}x")
    assert ratio <= BOUND
