"""Shared test options: ``--update-golden`` rewrites the golden reports on purpose."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

# CI runs the property and fuzz tests on a fixed sequence of examples, so a run is
# reproducible and a red CI names a real regression; a local run still explores
# (`CI= pytest`) and saves what it finds in .hypothesis/.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    """Keep the builtin-data cache (read/cache.py) of test runs, and of the CLI runs they
    start, out of the user's own cache directory."""
    if "DIPLODIFF_CACHE_DIR" not in os.environ:
        import tempfile

        _MADE.append(tempfile.mkdtemp(prefix="diplodiff-test-cache-"))
        os.environ["DIPLODIFF_CACHE_DIR"] = _MADE[0]


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the cache directory ``pytest_configure`` made."""
    import shutil

    for folder in _MADE:
        shutil.rmtree(folder, ignore_errors=True)
        del os.environ["DIPLODIFF_CACHE_DIR"]


_MADE: list[str] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/data/golden/* from the current output (review the diff!)")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the quality numbers against the gold whenever the quality tests ran."""
    if not any("test_quality" in r.nodeid for r in terminalreporter.stats.get("passed", [])
               + terminalreporter.stats.get("failed", [])):
        return
    from .gold import full_table, score_all, summary

    terminalreporter.section("quality against tests/data/gold_seeds.yaml and gold_dev.yaml")
    terminalreporter.write_line(summary(score_all("seeds")))
    terminalreporter.write_line(summary(score_all("dev")))
    terminalreporter.write_line(full_table())
