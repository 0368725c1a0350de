"""The command line through ``diplodiff.cli.main.main``: exit status, one-line errors, output files, JSON.

Runs use ``--no-lexicon --lexicon LEX`` with a small inline lexicon, so they do not depend on the
builtin lexicon's content.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from diplodiff.cli import main as _cli

LEXICON = """\
schema_version = 1

[[formula]]
id = "partnership.strategic"
canonical = "strategic partnership"
category = "partnership_label"
rank = 3

[[formula]]
id = "partnership.permanent"
canonical = "permanent comprehensive strategic partnership"
category = "partnership_label"
rank = 6

[[formula]]
id = "trust.political"
canonical = "political mutual trust"
category = "trust"

[[formula]]
id = "csf.bilateral"
canonical = "community with a shared future"
category = "csf"

[[formula]]
id = "initiative.gsi"
canonical = "Global Security Initiative"
category = "initiative"
"""

EARLIER = (" date 2024-07-03 Xi meets Tokayev\n\n"
           "China and Kazakhstan are strategic partners. Both sides will deepen political mutual trust "
           "and build a community with a shared future.\n")
LATER = (" date 2025-04-25 Wang Yi meets Nurtleu\n\n"
         "China and Kazakhstan are permanent comprehensive strategic partners. Both sides support the "
         "Global Security Initiative and build a community with a shared future.\n")


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with two statements and a lexicon; the test runs inside it."""
    (tmp_path / "earlier.txt").write_text(EARLIER, encoding="utf-8")
    (tmp_path / "later.txt").write_text(LATER, encoding="utf-8")
    (tmp_path / "lex.toml").write_text(LEXICON, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def diff(*args: str) -> list[str]:
    """``diplodiff diff`` argv with the inline lexicon instead of the builtin one."""
    return ["diff", *args, "--no-lexicon", "--lexicon", "lex.toml"]


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    """Run ``diff --format json`` and return the parsed output."""
    assert _cli.main(diff(*args, "--format", "json")) == 0
    result: dict[str, object] = json.loads(capsys.readouterr().out)
    return result


def assert_one_line_error(capsys: pytest.CaptureFixture[str], *names: str) -> str:
    """stderr is exactly one line, no traceback, naming each of ``names``; stdout is empty."""
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert out == ""
    for name in names:
        assert name in lines[0]
    return lines[0]


# --- bad input: exit 2, one line ------------------------------------------------------------------


def test_missing_file(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing input file exits 2 with one line naming it."""
    assert _cli.main(diff("earlier.txt", "missing.txt")) == 2
    assert_one_line_error(capsys, "missing.txt")


def test_directory_input(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory given as a statement exits 2 with one line naming it."""
    (files / "folder").mkdir()
    assert _cli.main(diff("earlier.txt", "folder")) == 2
    assert_one_line_error(capsys, "folder")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b" \n\t\n", id="whitespace-only"),
        pytest.param(b"Both sides\x00agreed.", id="binary"),
        pytest.param("Caf\u00e9 diplomacy.".encode("latin-1"), id="bad-utf8"),
        pytest.param(b" date 2024-13-45 Title words\n\nBody.", id="bad-date"),
    ],
)
def test_bad_input_file(files: Path, capsys: pytest.CaptureFixture[str], data: bytes) -> None:
    """An empty, binary, non-UTF-8 or badly dated input exits 2 with one line naming it."""
    (files / "bad.txt").write_bytes(data)
    assert _cli.main(diff("earlier.txt", "bad.txt")) == 2
    assert_one_line_error(capsys, "bad.txt")


def test_unknown_format(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown ``--format`` exits 2 with one line naming the option."""
    assert _cli.main(diff("earlier.txt", "later.txt", "--format", "xml")) == 2
    assert_one_line_error(capsys, "--format", "xml")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("this is [[ not toml", id="not-toml"),
        pytest.param("schema_version = 1\n", id="no-formula"),
        pytest.param('[[formula]]\nid = "a"\ncanonical = "b c"\ncategory = "c"\nrank = -2\n', id="bad-rank"),
    ],
)
def test_malformed_lexicon(files: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    """A malformed ``--lexicon`` file exits 2 with one line naming it."""
    (files / "bad.toml").write_text(text, encoding="utf-8")
    assert _cli.main(["diff", "earlier.txt", "later.txt", "--no-lexicon", "--lexicon", "bad.toml"]) == 2
    assert_one_line_error(capsys, "bad.toml")


def test_missing_lexicon(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing ``--lexicon`` file exits 2 with one line naming it."""
    assert _cli.main(["diff", "earlier.txt", "later.txt", "--no-lexicon", "--lexicon", "nope.toml"]) == 2
    assert_one_line_error(capsys, "nope.toml")


def test_no_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    """No arguments at all exits 2 with one line pointing at --help."""
    assert _cli.main([]) == 2
    assert_one_line_error(capsys, "--help")


def test_diff_with_one_file(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``diff`` with one file exits 2 with one line."""
    assert _cli.main(["diff", "earlier.txt"]) == 2
    assert_one_line_error(capsys, "LATER")


def test_unknown_command(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown command exits 2 with one line naming it."""
    assert _cli.main(["frobnicate"]) == 2
    assert_one_line_error(capsys, "frobnicate")


# --- --output -------------------------------------------------------------------------------------


def test_output_writes_the_report(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--output`` writes the report to the file and nothing to stdout."""
    assert _cli.main(diff("earlier.txt", "later.txt", "--format", "json", "--output", "out.json")) == 0
    assert capsys.readouterr().out == ""
    assert json.loads((files / "out.json").read_text(encoding="utf-8"))["schema_version"] == 2


def test_output_replaces_an_existing_file(files: Path) -> None:
    """An existing ``--output`` file is replaced, with no temporary file left behind."""
    (files / "out.json").write_text("old report", encoding="utf-8")
    before = sorted(p.name for p in files.iterdir())
    assert _cli.main(diff("earlier.txt", "later.txt", "--format", "json", "-o", "out.json")) == 0
    assert (files / "out.json").read_text(encoding="utf-8") != "old report"
    assert sorted(p.name for p in files.iterdir()) == before


def test_output_is_a_new_inode(files: Path) -> None:
    """The output file is replaced by rename (a new file), not rewritten in place."""
    target = files / "out.txt"
    target.write_text("old report", encoding="utf-8")
    inode = target.stat().st_ino
    (files / "keep").hardlink_to(target)  # keeps the old inode alive, so it cannot be reused
    assert _cli.main(diff("earlier.txt", "later.txt", "-o", "out.txt")) == 0
    assert target.stat().st_ino != inode
    assert (files / "keep").read_text(encoding="utf-8") == "old report"


def test_failed_run_leaves_output_untouched(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A run that fails on bad input leaves an existing output file as it was and adds no file."""
    (files / "out.txt").write_text("old report", encoding="utf-8")
    before = sorted(p.name for p in files.iterdir())
    assert _cli.main(diff("earlier.txt", "missing.txt", "-o", "out.txt")) == 2
    assert (files / "out.txt").read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in files.iterdir()) == before


def test_failed_run_creates_no_output(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A run that fails on bad input creates no output file at all."""
    before = sorted(p.name for p in files.iterdir())
    assert _cli.main(diff("earlier.txt", "missing.txt", "-o", "out.txt")) == 2
    assert sorted(p.name for p in files.iterdir()) == before


def test_failed_write_leaves_output_untouched(files: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A write that fails at the rename exits 2, keeps the old output and leaves no temporary file."""
    (files / "out.txt").write_text("old report", encoding="utf-8")
    before = sorted(p.name for p in files.iterdir())

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    assert _cli.main(diff("earlier.txt", "later.txt", "-o", "out.txt")) == 2
    assert_one_line_error(capsys, "out.txt")
    assert (files / "out.txt").read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in files.iterdir()) == before


def test_unwritable_output_is_one_line(files: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """An ``--output`` whose directory refuses new files exits 2 with one line naming it."""
    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert _cli.main(diff("earlier.txt", "later.txt", "-o", "out.txt")) == 2
    assert_one_line_error(capsys, "out.txt")
    assert not (files / "out.txt").exists()


@pytest.mark.parametrize("output", ["earlier.txt", "later.txt", "./later.txt", "sub/../earlier.txt"])
def test_output_equal_to_an_input_is_refused(files: Path, capsys: pytest.CaptureFixture[str],
                                             output: str) -> None:
    """``--output`` naming an input (however spelt) exits 2 and leaves the input alone."""
    (files / "sub").mkdir()
    assert _cli.main(diff("earlier.txt", "later.txt", "-o", output)) == 2
    assert_one_line_error(capsys, output)
    assert (files / "earlier.txt").read_text(encoding="utf-8") == EARLIER
    assert (files / "later.txt").read_text(encoding="utf-8") == LATER


def test_output_symlink_to_an_input_is_refused(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--output`` that is a symlink to an input exits 2 and leaves the input alone."""
    (files / "link.txt").symlink_to(files / "later.txt")
    assert _cli.main(diff("earlier.txt", "later.txt", "-o", "link.txt")) == 2
    assert_one_line_error(capsys, "link.txt")
    assert (files / "later.txt").read_text(encoding="utf-8") == LATER


def test_output_directory_is_refused(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--output`` naming a directory exits 2 with one line."""
    (files / "reports").mkdir()
    assert _cli.main(diff("earlier.txt", "later.txt", "-o", "reports")) == 2
    assert_one_line_error(capsys, "reports")


def test_output_in_missing_directory_is_refused(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--output`` in a directory that does not exist exits 2 with one line."""
    assert _cli.main(diff("earlier.txt", "later.txt", "-o", "nowhere/out.txt")) == 2
    assert_one_line_error(capsys, "nowhere/out.txt")


# --- JSON contract --------------------------------------------------------------------------------


def test_json_top_level_keys(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON has schema_version 2, the version-1 keys (earlier, later, changes,
    options), the version-2 ones (revision, alignment, passages) and the extra
    other_sentences."""
    result = run_json(capsys, "earlier.txt", "later.txt")
    assert {"schema_version", "earlier", "later", "changes", "options", "revision", "alignment",
            "passages", "other_sentences"} <= set(result)
    assert result["schema_version"] == 2
    assert isinstance(result["options"], dict)


def test_json_statements(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``earlier`` and ``later`` carry id, path, date and title."""
    result = run_json(capsys, "earlier.txt", "later.txt")
    assert {k: result["earlier"][k] for k in ("id", "path", "date", "title")} == {  # type: ignore[index]
        "id": "earlier", "path": "earlier.txt", "date": "2024-07-03", "title": "Xi meets Tokayev"}
    assert {k: result["later"][k] for k in ("id", "path", "date", "title")} == {  # type: ignore[index]
        "id": "later", "path": "later.txt", "date": "2025-04-25", "title": "Wang Yi meets Nurtleu"}


def test_json_unknown_date_is_null(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A statement without a date has ``"date": null``."""
    (files / "undated.txt").write_text("Both sides will deepen political mutual trust.\n", encoding="utf-8")
    result = run_json(capsys, "undated.txt", "later.txt")
    assert result["earlier"]["date"] is None  # type: ignore[index]


def test_json_change_keys(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every change has kind, earlier, later, shift, category and score."""
    changes = run_json(capsys, "earlier.txt", "later.txt")["changes"]
    assert changes
    for change in changes:  # type: ignore[attr-defined]
        assert {"kind", "earlier", "later", "shift", "category", "score"} <= set(change)
        assert change["kind"] in {"added", "dropped", "shifted", "kept"}
        assert isinstance(change["score"], int | float)
        assert isinstance(change["shift"], list)


def test_json_has_every_kind(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The example pair gives an added, a dropped, a shifted and a kept formula."""
    changes = run_json(capsys, "earlier.txt", "later.txt", "--no-discover")["changes"]
    kinds = {(c["kind"], c["category"]) for c in changes}  # type: ignore[attr-defined]
    assert kinds == {("added", "initiative"), ("dropped", "trust"), ("shifted", "partnership_label"),
                     ("kept", "csf")}


def test_json_sides_match_kind(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``earlier`` is null exactly for added and ``later`` exactly for dropped."""
    for change in run_json(capsys, "earlier.txt", "later.txt")["changes"]:  # type: ignore[attr-defined]
        assert (change["earlier"] is None) == (change["kind"] == "added")
        assert (change["later"] is None) == (change["kind"] == "dropped")


def test_json_side_keys(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each present side has text, sentence and speaker; the text stands in the sentence."""
    for change in run_json(capsys, "earlier.txt", "later.txt")["changes"]:  # type: ignore[attr-defined]
        for side in (change["earlier"], change["later"]):
            if side is not None:
                assert {"text", "sentence", "speaker"} <= set(side)
                assert " ".join(side["text"].split()) in side["sentence"]


def test_json_shift_only_for_shifted(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``shift`` is empty unless the kind is shifted, and not empty when it is."""
    for change in run_json(capsys, "earlier.txt", "later.txt")["changes"]:  # type: ignore[attr-defined]
        assert bool(change["shift"]) == (change["kind"] == "shifted")


def test_json_shifted_partnership(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The partnership label moving up the ladder is a shift with rank_up, in the statement's words."""
    changes = run_json(capsys, "earlier.txt", "later.txt", "--no-discover")["changes"]
    (shifted,) = [c for c in changes if c["kind"] == "shifted"]  # type: ignore[attr-defined]
    assert "rank_up" in shifted["shift"]
    assert (shifted["earlier"]["text"], shifted["later"]["text"]) == (
        "strategic partners", "permanent comprehensive strategic partners")


# --- --exit-code ----------------------------------------------------------------------------------


def test_exit_code_with_changes(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--exit-code`` exits 1 when formulas changed."""
    assert _cli.main(diff("earlier.txt", "later.txt", "--exit-code")) == 1


def test_exit_code_file_against_itself(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--exit-code`` exits 0 for a file compared with itself."""
    assert _cli.main(diff("later.txt", "later.txt", "--exit-code")) == 0


def test_no_exit_code_flag_exits_zero(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without ``--exit-code`` changes still exit 0."""
    assert _cli.main(diff("earlier.txt", "later.txt")) == 0


# --- colour ---------------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    """A stdout that claims to be a terminal."""

    def isatty(self) -> bool:
        return True


def test_non_tty_output_has_no_ansi(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Output that is not a terminal has no ANSI escapes."""
    assert _cli.main(diff("earlier.txt", "later.txt")) == 0
    assert "\x1b" not in capsys.readouterr().out


def test_no_color_on_a_tty_has_no_ansi(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``NO_COLOR`` set, even a terminal gets no ANSI escapes."""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("TERM", raising=False)
    assert _cli.main(diff("earlier.txt", "later.txt")) == 0
    assert "\x1b" not in terminal.getvalue()


def test_tty_without_no_color_has_colour(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal without ``NO_COLOR`` gets ANSI colours (the control for the test above)."""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setenv("TERM", "xterm")
    assert _cli.main(diff("earlier.txt", "later.txt")) == 0
    assert "\x1b[" in terminal.getvalue()


def test_output_file_has_no_ansi(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A report written with ``--output`` has no ANSI escapes even from a terminal."""
    monkeypatch.setattr(sys, "stdout", _Terminal())
    monkeypatch.setenv("TERM", "xterm")
    assert _cli.main(diff("earlier.txt", "later.txt", "-o", "out.txt")) == 0
    assert "\x1b" not in (files / "out.txt").read_text(encoding="utf-8")


# --- python -m diplodiff --------------------------------------------------------------------------


def test_python_m_help() -> None:
    """``python -m diplodiff --help`` prints usage and exits 0."""
    result = subprocess.run([sys.executable, "-m", "diplodiff", "--help"], capture_output=True, text=True,
                            check=False, timeout=60, env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout
    assert "diff" in result.stdout


def test_python_m_bad_input_exits_2(tmp_path: Path) -> None:
    """``python -m diplodiff diff`` on a missing file exits 2 with one stderr line."""
    missing = str(tmp_path / "missing.txt")
    result = subprocess.run([sys.executable, "-m", "diplodiff", "diff", missing, missing, "--no-lexicon"],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert missing in result.stderr


def test_python_m_writes_everything_before_it_exits(capsys: pytest.CaptureFixture[str]) -> None:
    """The program exits at once after main(), yet a long output on a pipe arrives whole."""
    seeds = str(Path(__file__).resolve().parent.parent / "seeds")
    args = ["timeline", seeds, "--format", "json", "--indent", "2", "--workers", "1", "--quiet"]
    result = subprocess.run([sys.executable, "-m", "diplodiff", *args], capture_output=True, check=False,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert _cli.main(args) == 0
    expected = capsys.readouterr().out.encode("utf-8")
    assert len(expected) > 65536  # more than a pipe holds: the end is written at exit
    assert result.stdout == expected
