"""``--speakers FILE`` on every command: the table reaches compare, analyse and track."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplodiff.cli import main as _cli

TABLE = '[[person]]\nname = "Tomas Varga"\naliases = ["Varga"]\nside = "Hungary"\n'
EARLIER = " date 2024-01-10 Talks\n\nVarga said that the two countries are strategic partners.\n"
LATER = " date 2025-01-10 Talks\n\nVarga said that the two countries are comprehensive strategic partners.\n"


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two statements quoting an official no table knows, and a table that knows him."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "earlier.txt").write_text(EARLIER, encoding="utf-8")
    (tmp_path / "corpus" / "later.txt").write_text(LATER, encoding="utf-8")
    (tmp_path / "people.toml").write_text(TABLE, encoding="utf-8")
    (tmp_path / "broken.toml").write_text("[[person]\nname =", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    assert _cli.main(argv) == 0
    return json.loads(capsys.readouterr().out)


def _speakers_in(data: object) -> set[str]:
    """Every "speaker"/"speakers" value anywhere in a JSON document."""
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "speaker" and isinstance(value, str):
                found.add(value)
            elif key == "speakers" and isinstance(value, list):
                found.update(v for v in value if isinstance(v, str))
            else:
                found |= _speakers_in(value)
    elif isinstance(data, list):
        for value in data:
            found |= _speakers_in(value)
    return found


@pytest.mark.parametrize("argv", [
    ["diff", "corpus/earlier.txt", "corpus/later.txt", "--format", "json"],
    ["phrases", "corpus", "--format", "json"],
    ["timeline", "corpus", "--format", "json", "--workers", "1"],
])
def test_speaker_table_reaches_every_command(files: Path, capsys: pytest.CaptureFixture[str],
                                             argv: list[str]) -> None:
    """Without the table the surname is nobody; with ``--speakers`` it is the person."""
    assert "Tomas Varga" not in _speakers_in(_json(capsys, argv))
    assert "Tomas Varga" in _speakers_in(_json(capsys, [*argv, "--speakers", "people.toml"]))


@pytest.mark.parametrize("command", [["diff", "corpus/earlier.txt", "corpus/later.txt"],
                                     ["phrases", "corpus"], ["timeline", "corpus"]])
def test_malformed_speaker_table_is_one_line_exit_2(files: Path, capsys: pytest.CaptureFixture[str],
                                                    command: list[str]) -> None:
    """A malformed ``--speakers`` file is one error line naming it, exit 2, no traceback."""
    assert _cli.main([*command, "--speakers", "broken.toml"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1
    assert "broken.toml" in err
    assert "Traceback" not in err
