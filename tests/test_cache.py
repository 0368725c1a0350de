"""The per-user cache of builtin data: same answers as building them, and never a
wrong one from a bad, stale or unwritable cache."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from diplodiff.diff import framing
from diplodiff.find import lexicon
from diplodiff.read import cache
from diplodiff.text import speakers


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DIPLODIFF_CACHE_DIR", str(tmp_path))
    return tmp_path


def _counting(value: object) -> tuple[list[int], Callable[[], object]]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_a_second_run_reads_what_the_first_built(folder: Path) -> None:
    """Built once, then read back equal, without building again."""
    value = {"a": [(1, ("x", None), 2.5)], "b": frozenset({"y"})}
    calls, build = _counting(value)
    assert cache.cached("entry", build) == value
    assert cache.cached("entry", build) == value
    assert len(calls) == 1
    assert len(list(folder.glob("entry-*.marshal"))) == 1


@pytest.mark.parametrize("damage", [b"", b"garbage", None])
def test_a_damaged_file_is_rebuilt(folder: Path, damage: bytes | None) -> None:
    """An empty, foreign or truncated file is ignored and replaced by a good one."""
    calls, build = _counting(["value"])
    cache.cached("entry", build)
    (path,) = folder.glob("entry-*.marshal")
    path.write_bytes(path.read_bytes()[:-3] if damage is None else damage)
    assert cache.cached("entry", build) == ["value"]
    assert cache.cached("entry", build) == ["value"]
    assert len(calls) == 2


def test_a_flipped_byte_is_caught_by_the_checksum(folder: Path) -> None:
    """A file that still unmarshals, but not to what was written, is rebuilt."""
    calls, build = _counting(["abc"])
    cache.cached("entry", build)
    (path,) = folder.glob("entry-*.marshal")
    path.write_bytes(path.read_bytes().replace(b"abc", b"abd"))
    assert cache.cached("entry", build) == ["abc"]
    assert len(calls) == 2


def test_an_unwritable_place_still_gives_the_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache directory that cannot be created (a file stands there) costs speed, not results."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("DIPLODIFF_CACHE_DIR", str(blocker / "cache"))
    calls, build = _counting(("v",))
    assert cache.cached("entry", build) == ("v",)
    assert cache.cached("entry", build) == ("v",)
    assert len(calls) == 2


def test_an_empty_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """``DIPLODIFF_CACHE_DIR=""`` builds every time and writes nothing."""
    monkeypatch.setenv("DIPLODIFF_CACHE_DIR", "")
    assert cache.cache_dir() is None
    calls, build = _counting(1)
    cache.cached("entry", build)
    cache.cached("entry", build)
    assert len(calls) == 2


def test_another_version_uses_another_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A changed source or data file (a new fingerprint) never reads the old entry."""
    cache.cached("entry", lambda: "old")
    monkeypatch.setattr(cache, "fingerprint", lambda: "0" * 32)
    assert cache.cached("entry", lambda: "new") == "new"
    assert len(list(folder.glob("entry-*.marshal"))) == 2


def test_the_fingerprint_covers_the_shipped_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing a data file (here a copy of the package) changes the fingerprint."""
    import shutil

    copy = tmp_path / "diplodiff"
    shutil.copytree(cache._PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", copy)
    before = cache.fingerprint.__wrapped__()
    with (copy / "_data" / "lexicon.toml").open("a", encoding="utf-8") as out:
        out.write("\n")
    assert cache.fingerprint.__wrapped__() != before


@pytest.mark.parametrize(("name", "build"), [
    ("lexicon", lexicon._compile), ("speakers", speakers._compile), ("outlets", speakers._compile_outlets),
    ("cues", framing._compile_cues), ("ladders", framing._compile_ladders)])
def test_builtin_data_read_back_equals_a_fresh_build(folder: Path, name: str,
                                                     build: Callable[[], object]) -> None:
    """Each builtin table the package caches reads back as what building it gives."""
    cache.cached(name, build)
    assert cache.cached(name, lambda: pytest.fail("rebuilt")) == build()


def test_builtin_lexicons_and_speakers_equal_the_parsed_files() -> None:
    """The objects made from the cached data are those parsing the TOML makes."""
    for name in lexicon.BUILTIN:
        assert lexicon.builtin_lexicon(name) == lexicon._read_builtin(name)
    parsed = speakers._builtin("sides.toml").merged(speakers._builtin("speakers.toml"))
    assert speakers.default_speakers() == parsed


def test_the_default_index_and_vocabulary_equal_a_fresh_build() -> None:
    """The precomputed index and vocabulary of the default lexicon are those built from it."""
    default = lexicon.default_lexicon()
    assert lexicon._index(default) == lexicon._build_index(default)
    assert lexicon._vocabulary(default) == lexicon._build_vocabulary(default)


def test_a_cold_diff_loads_only_what_a_diff_needs(folder: Path) -> None:
    """Once the cache is filled, ``diplodiff diff`` of two seeds imports no numpy, timeline,
    TOML parser, JSON, HTML or OpenSSL: each costs start-up time (docs/scaling.md)."""
    import subprocess
    import sys

    seeds = Path(__file__).parent.parent / "seeds"
    code = ("import sys\nfrom diplodiff.cli.main import main\n"
            f"sys.argv = ['diplodiff', 'diff', {str(seeds / '004_55e9fcd968524c2c.txt')!r}, "
            f"{str(seeds / '000_ae7edd6c8a22359c.txt')!r}, '--output', {str(folder / 'out.txt')!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = ('numpy', 'diplodiff.timeline.track', 'tomllib', 'json', 'html', '_hashlib',\n"
            "         'importlib.resources', 'importlib.metadata')\n"
            "print(sorted(m for m in heavy if m in sys.modules))")
    for _ in range(2):  # the first run fills the cache
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert (folder / "out.txt").read_text(encoding="utf-8")
