"""Hostile input through every command: exit 2 and one line, never a traceback or a hang.

Each bad input (statement, lexicon, catalog) is run through every command that
reads that kind of input, in process through ``cli.main.main``; a few run as a
real subprocess. Every failure must be exit status 2 with exactly one stderr
line naming the file, and nothing on stdout.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from diplodiff.cli import main as cli

GOOD = ("date: 2024-07-03\ntitle: Talks\n\nChina and Kazakhstan are comprehensive strategic partners. "
        "Both sides will build a community with a shared future.\n")
LATER = ("date: 2025-04-25\ntitle: Dialogue\n\nChina and Kazakhstan are permanent comprehensive strategic "
         "partners. Both sides will build a community with a shared future.\n")
TEXT = "China and Kazakhstan are comprehensive strategic partners."
DEEP = "[" * 5000 + "]" * 5000
HUGE = "1" * 5000

#: Bad statement files: name -> content. Every one must be refused.
BAD_STATEMENTS: dict[str, str | bytes] = {
    "huge-int.jsonl": f'{{"text": "{TEXT}", "n": {HUGE}}}\n',
    "deep.jsonl": f'{{"text": "{TEXT}", "n": {DEEP}}}\n',
    "title-number.jsonl": f'{{"text": "{TEXT}", "title": 7}}\n',
    "date-number.jsonl": f'{{"text": "{TEXT}", "date": 20240703}}\n',
    "surrogate-id.jsonl": f'{{"text": "{TEXT}", "id": "a\\ud800"}}\n',
    "surrogate-text.jsonl": f'{{"text": "{TEXT} \\udfff"}}\n',
    "text-list.jsonl": f'{{"text": ["{TEXT}"]}}\n',
    "broken.jsonl": f'{{"text": "{TEXT}"\n',
    "compact-date.txt": f"date: 20240703\n\n{TEXT}\n",
    "week-date.txt": f"date: 2024-W27-3\n\n{TEXT}\n",
    "two-dates.txt": f"date: 2024-07-03\ndate: 2024-07-04\n\n{TEXT}\n",
    "header-only.txt": "date: 2024-07-03\ntitle: Talks\n",
    "binary.txt": b"\x00\x01\x02" + TEXT.encode(),
    "latin1.txt": TEXT.encode() + b" caf\xe9\n",
    "empty.txt": "   \n",
}
BAD_LEXICONS: dict[str, str] = {
    "huge-int.toml": f'schema_version = 1\n[[formula]]\nid = "a"\ncanonical = "golden bridge"\n'
                     f'category = "x"\nrank = {HUGE}\n',
    "deep.toml": f"schema_version = 1\nx = {DEEP}\n",
    "rank-text.toml": '[[formula]]\nid = "a"\ncanonical = "golden bridge"\ncategory = "x"\nrank = "high"\n',
    "broken.toml": '[[formula]\nid = "a"\n',
}
BAD_CATALOGS: dict[str, str] = {
    "huge-int.toml": f'[[statement]]\nfile = "good.txt"\nlevel = {HUGE}\n',
    "deep.toml": f'[[statement]]\nfile = "good.txt"\nlevel = {DEEP}\n',
    "unterminated.csv": 'file,date\n"good.txt,2024-07-03\nlater.txt,2025-04-25\n',
    "bad-date.csv": "file,date\ngood.txt,20240703\n",
}


def assert_one_line(capsys: pytest.CaptureFixture[str], *names: str) -> str:
    """stderr is one ``diplodiff: error:`` line naming ``names``; stdout is empty."""
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert err.startswith("diplodiff: error: ")
    assert out == ""
    for name in names:
        assert name in err
    return err


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with good statements in ``good/`` and next to it."""
    (tmp_path / "good").mkdir()
    for name, text in (("good.txt", GOOD), ("later.txt", LATER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        (tmp_path / "good" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _write(path: Path, content: str | bytes) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass")


#: How each command meets a bad statement file ``f`` (kept in ``bad/`` with good ones).
STATEMENT_COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "diff earlier": lambda f: ["diff", f"bad/{f}", "good.txt"],
    "diff later": lambda f: ["diff", "good.txt", f"bad/{f}"],
    "phrases": lambda f: ["phrases", f"bad/{f}"],
    "phrases dir": lambda f: ["phrases", "bad"],
    "timeline dir": lambda f: ["timeline", "bad"],
    "diff --history": lambda f: ["diff", "good.txt", "later.txt", "--history", "bad"],
}


@pytest.mark.parametrize("command", sorted(STATEMENT_COMMANDS))
@pytest.mark.parametrize("name", sorted(BAD_STATEMENTS))
def test_bad_statement_is_one_line(corpus: Path, capsys: pytest.CaptureFixture[str],
                                   name: str, command: str) -> None:
    """A malformed statement file, however it is reached, exits 2 with one line naming it."""
    (corpus / "bad").mkdir()
    _write(corpus / "bad" / name, BAD_STATEMENTS[name])
    (corpus / "bad" / "good.txt").write_text(GOOD, encoding="utf-8")
    assert cli.main(STATEMENT_COMMANDS[command](name)) == 2
    assert_one_line(capsys, name)


LEXICON_COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "diff": lambda f: ["diff", "good.txt", "later.txt", "--lexicon", f],
    "phrases": lambda f: ["phrases", "good.txt", "--lexicon", f],
    "timeline": lambda f: ["timeline", "good", "--lexicon", f],
}


@pytest.mark.parametrize("command", sorted(LEXICON_COMMANDS))
@pytest.mark.parametrize("name", sorted(BAD_LEXICONS))
def test_bad_lexicon_is_one_line(corpus: Path, capsys: pytest.CaptureFixture[str],
                                 name: str, command: str) -> None:
    """A malformed lexicon exits 2 with one line naming it."""
    (corpus / name).write_text(BAD_LEXICONS[name], encoding="utf-8")
    assert cli.main(LEXICON_COMMANDS[command](name)) == 2
    assert_one_line(capsys, name)


CATALOG_COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "diff --catalog": lambda f: ["diff", "good.txt", "later.txt", "--catalog", f],
    "timeline --catalog": lambda f: ["timeline", "good", "--catalog", f],
    "timeline automatic": lambda f: ["timeline", "good"],
    "diff --history automatic": lambda f: ["diff", "good.txt", "later.txt", "--history", "good"],
}


@pytest.mark.parametrize("command", sorted(CATALOG_COMMANDS))
@pytest.mark.parametrize("name", sorted(BAD_CATALOGS))
def test_bad_catalog_is_one_line(corpus: Path, capsys: pytest.CaptureFixture[str],
                                 name: str, command: str) -> None:
    """A malformed catalog, named or found in a directory, exits 2 with one line naming it."""
    if command.endswith("automatic"):
        name = "catalog" + Path(name).suffix if name != "bad-date.csv" else "catalog.csv"
        content = BAD_CATALOGS[next(k for k in BAD_CATALOGS if k.endswith(Path(name).suffix))]
        (corpus / "good" / name).write_text(content, encoding="utf-8")
        name = f"good/{name}"
    else:
        (corpus / name).write_text(BAD_CATALOGS[name], encoding="utf-8")
    assert cli.main(CATALOG_COMMANDS[command](name)) == 2
    assert_one_line(capsys, name)


SPEAKER_COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "diff": lambda f: ["diff", "good.txt", "later.txt", "--speakers", f],
    "phrases": lambda f: ["phrases", "good.txt", "--speakers", f],
    "timeline": lambda f: ["timeline", "good", "--speakers", f],
}
BAD_SPEAKERS = {"huge-int.toml": f"x = {HUGE}\n", "deep.toml": f"x = {DEEP}\n",
                "broken.toml": "[[person]\n"}


@pytest.mark.parametrize("command", sorted(SPEAKER_COMMANDS))
@pytest.mark.parametrize("name", sorted(BAD_SPEAKERS))
def test_bad_speaker_table_is_one_line(corpus: Path, capsys: pytest.CaptureFixture[str],
                                       name: str, command: str) -> None:
    """A malformed --speakers table exits 2 with one line naming it."""
    (corpus / name).write_text(BAD_SPEAKERS[name], encoding="utf-8")
    assert cli.main(SPEAKER_COMMANDS[command](name)) == 2
    assert_one_line(capsys, name)


def test_bad_speaker_table_is_one_error(tmp_path: Path) -> None:
    """A speaker table with a huge integer or deep nesting is a SpeakerTableError naming it."""
    import diplodiff
    from diplodiff.text.speakers import load_speakers

    for name, content in (("huge.toml", f"x = {HUGE}\n"), ("deep.toml", f"x = {DEEP}\n")):
        (tmp_path / name).write_text(content, encoding="utf-8")
        with pytest.raises(diplodiff.SpeakerTableError, match=name):
            load_speakers(tmp_path / name)


# --- inputs that are messy but fine --------------------------------------------------------------


@pytest.mark.parametrize("text", ["Over the past \u00b2 decades, China and Kazakhstan built trust.",
                                  "\u2460 China and Kazakhstan are strategic partners.",
                                  "\u00b2\u2070 decades of friendship."])
def test_compatibility_digits_are_text(corpus: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    """Superscript and circled digits are read, not a traceback."""
    (corpus / "odd.txt").write_text(f"date: 2024-01-01\n\n{text}\n", encoding="utf-8")
    assert cli.main(["diff", "odd.txt", "good.txt"]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_jsonl_line_separators_are_text(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """U+2028 and U+0085 inside a JSON string are text, not line ends."""
    record = {"id": "sep", "date": "2024-01-01", "text": f"{TEXT}\u2028Both sides agreed.\u0085Done."}
    (corpus / "sep.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert cli.main(["phrases", "sep.jsonl"]) == 0
    assert capsys.readouterr().out.startswith("sep (2024-01-01)")


def test_lone_cr_file_has_header_and_text(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Old Mac line ends (a lone CR) still separate the header from the text."""
    (corpus / "cr.txt").write_bytes(f"date: 2024-01-01\rtitle: Talks\r\r{TEXT}\r".encode())
    assert cli.main(["phrases", "cr.txt"]) == 0
    assert capsys.readouterr().out.startswith("cr (2024-01-01)")


def test_lexicon_with_bom_is_read(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A lexicon saved with a UTF-8 byte-order mark is read like statements and catalogs are."""
    lexicon = '\ufeffschema_version = 1\n[[formula]]\nid = "g"\ncanonical = "golden bridge"\ncategory = "x"\n'
    (corpus / "bom.toml").write_text(lexicon, encoding="utf-8")
    assert cli.main(["phrases", "good.txt", "--lexicon", "bom.toml"]) == 0


def test_header_with_many_spaces_keeps_its_value() -> None:
    """40,000 spaces inside a header line are part of the value (timed in
    benchmarks/test_bench_hostile.py: the pattern used to backtrack, 17.7 s)."""
    import diplodiff

    statement = diplodiff.parse_statement("title: a" + " " * 40_000 + "b\n\n" + TEXT, id="x")
    assert statement.title is not None
    assert (statement.title[0], statement.title[-1], len(statement.title)) == ("a", "b", 40_002)


# --- what is not a statement file ----------------------------------------------------------------


def test_device_is_refused(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``diff /dev/zero x`` is refused before reading (it used to fill memory)."""
    assert cli.main(["diff", "/dev/zero", "good.txt"]) == 2
    assert_one_line(capsys, "/dev/zero", "not a regular file")


def test_fifo_named_directly_is_refused(corpus: Path) -> None:
    """A FIFO named on the command line is refused at once, not waited on."""
    os.mkfifo(corpus / "pipe.txt")
    result = subprocess.run([sys.executable, "-m", "diplodiff", "diff", "pipe.txt", "good.txt"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "pipe.txt" in result.stderr


def test_pipe_is_read_up_to_the_limit(corpus: Path) -> None:
    """A statement through /dev/stdin is read, but the size limit counts the bytes read."""
    big = GOOD + "x " * 1_100_000
    result = subprocess.run([sys.executable, "-m", "diplodiff", "diff", "/dev/stdin", "good.txt"],
                            input=big, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "limit" in result.stderr
    result = subprocess.run([sys.executable, "-m", "diplodiff", "diff", "/dev/stdin", "good.txt"],
                            input=LATER, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr


# --- unreadable files and directories (tests run as root: permissions are simulated) -------------


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make ``denied`` unreadable as far as diplodiff can tell."""
    real_access, real_scandir = os.access, os.scandir

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)).resolve() == denied.resolve():
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    def scandir(path: object = ".") -> object:
        if Path(str(path)).resolve() == denied.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.parametrize("denied", ["good/later.txt", "good/sub"])
@pytest.mark.parametrize("command", [["phrases", "good"], ["timeline", "good"],
                                     ["diff", "good.txt", "later.txt", "--history", "good"]])
def test_unreadable_entry_in_directory_is_a_warning(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str],
                                                   denied: str, command: list[str]) -> None:
    """An unreadable file or subdirectory inside a directory is skipped with a warning naming it."""
    (corpus / "good" / "sub").mkdir()
    (corpus / "good" / "sub" / "more.txt").write_text(GOOD, encoding="utf-8")
    _deny(monkeypatch, corpus / denied)
    assert cli.main(command) == 0
    err = capsys.readouterr().err
    assert f"diplodiff: warning: {denied}" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [["phrases", "good"], ["timeline", "good"]])
def test_unreadable_entry_with_strict_is_an_error(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str],
                                                  command: list[str]) -> None:
    """With --strict an unreadable file inside a directory exits 2, naming it."""
    _deny(monkeypatch, corpus / "good" / "later.txt")
    assert cli.main([*command, "--strict"]) == 2
    assert_one_line(capsys, "good/later.txt")


def test_unreadable_named_file_is_one_line(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable file named directly exits 2 (it used to raise PermissionError)."""
    _deny(monkeypatch, corpus / "later.txt")
    assert cli.main(["diff", "good.txt", "later.txt"]) == 2
    assert_one_line(capsys, "later.txt", "permission")


def test_unwritable_output_directory_is_one_line(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """-o into a directory that cannot be written exits 2 with one line."""
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    assert cli.main(["diff", "good.txt", "later.txt", "-o", "out.txt"]) == 2
    assert_one_line(capsys, "out.txt")


def test_permission_error_anywhere_is_one_line(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """An OSError from a path check (an unreadable parent directory) is one line, not a traceback."""
    def refuse(self: Path) -> bool:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "is_dir", refuse)
    assert cli.main(["timeline", "good"]) == 2
    assert_one_line(capsys, "good")


# --- file names and terminal output --------------------------------------------------------------


def test_non_utf8_file_name_with_output(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file whose name is not UTF-8 gives a report with -o (it used to raise)."""
    name = os.fsdecode(b"caf\xe9.txt")
    (corpus / name).write_text(GOOD, encoding="utf-8")
    assert cli.main(["diff", name, "later.txt", "-f", "json", "-o", "out.json"]) == 0
    report = json.loads((corpus / "out.json").read_text(encoding="utf-8"))
    assert report["earlier"]["path"] == "caf\ufffd.txt"


def test_non_utf8_file_name_on_stdout_is_valid_utf8(corpus: Path) -> None:
    """Without -o the JSON report is valid UTF-8 too (no raw 0xff byte)."""
    name = b"x\xff.txt"
    (corpus / os.fsdecode(name)).write_text(GOOD, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "diplodiff", "diff", name, b"later.txt", b"-f", b"json"],
                            capture_output=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))["earlier"]["id"] == "x\ufffd"


def test_escape_sequence_in_file_name_is_shown_escaped(corpus: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """An ESC in a missing file's name reaches the terminal as ``\\x1b``."""
    assert cli.main(["diff", "a\x1b[2J.txt", "good.txt"]) == 2
    err = assert_one_line(capsys, "\\x1b[2J")
    assert "\x1b" not in err


# --- --workers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("workers", ["0", "-1", "many"])
def test_workers_below_one_is_a_usage_error(corpus: Path, capsys: pytest.CaptureFixture[str],
                                            workers: str) -> None:
    """--workers must be a whole number >= 1."""
    assert cli.main(["timeline", "good", "--workers", workers]) == 2
    assert_one_line(capsys, "--workers")


def test_workers_are_bounded_by_the_cpus() -> None:
    """--workers 100000 asks for no more processes than there are CPUs."""
    assert cli._workers("100000") == (os.cpu_count() or 1)


# --- -o never harms a file -----------------------------------------------------------------------


@pytest.mark.parametrize(("command", "target"), [
    (["diff", "good.txt", "later.txt"], "later.txt"),
    (["timeline", "good"], "good/later.txt"),
    (["timeline", "good"], "good/catalog.csv"),
    (["diff", "good.txt", "later.txt", "--history", "good"], "good/good.txt"),
    (["diff", "good.txt", "later.txt", "--catalog", "cat.csv"], "cat.csv"),
    (["timeline", "good", "--catalog", "cat.csv"], "cat.csv"),
    (["phrases", "good.txt", "--lexicon", "lex.toml"], "lex.toml"),
    (["phrases", "good"], "good/new-report.txt"),
    (["phrases", "good.txt", "--speakers", "people.toml"], "people.toml"),
    (["timeline", "good", "--store", "corpus.db"], "corpus.db"),
])
def test_output_never_overwrites_an_input(corpus: Path, capsys: pytest.CaptureFixture[str],
                                          command: list[str], target: str) -> None:
    """-o refuses any input: named, inside a directory input, a catalog, lexicon, speaker table, store."""
    (corpus / "cat.csv").write_text("file,date\ngood.txt,2024-07-03\n", encoding="utf-8")
    (corpus / "people.toml").write_text('[[side]]\nid = "Ruritania"\n', encoding="utf-8")
    (corpus / "good" / "catalog.csv").write_text("file,date\ngood.txt,2024-07-03\n", encoding="utf-8")
    (corpus / "lex.toml").write_text(
        'schema_version = 1\n[[formula]]\nid = "g"\ncanonical = "golden bridge"\ncategory = "x"\n',
        encoding="utf-8")
    if "--store" in command:
        assert cli.main([*command, "-o", "t.txt"]) == 0  # make the store
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    assert cli.main([*command, "-o", target]) == 2
    assert_one_line(capsys, target)
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == before


def test_output_may_go_beside_a_corpus(corpus: Path) -> None:
    """A file diplodiff does not read (no statement, no catalog) may be written in an input directory."""
    assert cli.main(["phrases", "good", "-o", "good/report.out"]) == 0
    assert (corpus / "good" / "report.out").read_text(encoding="utf-8").startswith("good")


def test_output_keeps_an_existing_mode(corpus: Path) -> None:
    """Replacing an existing report keeps its permissions."""
    (corpus / "out.txt").write_text("old", encoding="utf-8")
    (corpus / "out.txt").chmod(0o640)
    assert cli.main(["diff", "good.txt", "later.txt", "-o", "out.txt"]) == 0
    assert stat.S_IMODE((corpus / "out.txt").stat().st_mode) == 0o640


def test_new_output_honours_the_umask(corpus: Path) -> None:
    """A new report gets the umask's mode, not mkstemp's 0600."""
    old = os.umask(0o022)
    try:
        assert cli.main(["diff", "good.txt", "later.txt", "-o", "new.txt"]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((corpus / "new.txt").stat().st_mode) == 0o644


def test_output_writes_through_a_symlink(corpus: Path) -> None:
    """-o onto a symlink writes its target and leaves the link a link."""
    (corpus / "real.txt").write_text("old", encoding="utf-8")
    (corpus / "link.txt").symlink_to("real.txt")
    assert cli.main(["diff", "good.txt", "later.txt", "-o", "link.txt"]) == 0
    assert (corpus / "link.txt").is_symlink()
    assert (corpus / "real.txt").read_text(encoding="utf-8").startswith("earlier:")


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_signal_while_writing_leaves_no_temp_file(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str],
                                                  signum: int, status: int) -> None:
    """A SIGTERM or SIGHUP during -o removes the temporary file and exits 128 + the signal."""
    def terminated(src: str, dst: object) -> None:
        os.kill(os.getpid(), signum)
        time.sleep(1)  # the handler runs before this returns

    monkeypatch.setattr(os, "replace", terminated)
    assert cli.main(["diff", "good.txt", "later.txt", "-o", "out.txt"]) == status
    assert [p.name for p in corpus.iterdir() if p.name.startswith(".out.txt")] == []
    assert signal.getsignal(signum) is signal.SIG_DFL


# --- outputs that could attack their reader, through every command and format --------------------

EVIL_TITLE = "\x1b]0;pwned\x07<script>alert(1)</script> | x\n# y"
EVIL_TEXT = ('China and Kazakhstan are comprehensive strategic partners. They said '
             '"=HYPERLINK(1) \x1b[2J evil \u202eroad" and "@SUM(1) red \x07 bell" again.\n')
FORMATS = {"diff": ("text", "markdown", "json", "csv", "html"),
           "phrases": ("text", "markdown", "json", "csv"),
           "timeline": ("text", "markdown", "json", "csv", "html")}


def _evil_corpus(corpus: Path) -> Path:
    evil = corpus / "evil"
    evil.mkdir()
    for day in (3, 4):
        name = f"a\x1b[31m{day}.txt"
        (evil / name).write_text(f"date: 2024-07-0{day}\ntitle: {EVIL_TITLE.splitlines()[0]}\n\n{EVIL_TEXT}",
                                 encoding="utf-8")
    return evil


def _runs() -> list[tuple[str, str]]:
    return [(command, fmt) for command, formats in FORMATS.items() for fmt in formats]


@pytest.mark.parametrize(("command", "fmt"), _runs())
def test_no_output_carries_active_content(corpus: Path, capsys: pytest.CaptureFixture[str],
                                          command: str, fmt: str) -> None:
    """ESC, BEL and bidi controls never go out raw, Markdown has no raw HTML or table
    break, and no CSV cell opens with a formula character."""
    evil = _evil_corpus(corpus)
    files = sorted(str(p) for p in evil.iterdir())
    argv = {"diff": ["diff", *files], "phrases": ["phrases", str(evil)],
            "timeline": ["timeline", str(evil), "--workers", "1"]}[command]
    assert cli.main([*argv, "--format", fmt]) in (0, 1)
    out, err = capsys.readouterr()
    for text in (out, err):
        assert "\x1b" not in text
        assert "\x07" not in text
    if fmt != "json":  # JSON is data: json.dumps escapes C0 controls, other text goes as it is
        assert "\u202e" not in out
    if fmt == "markdown":
        assert "<script>" not in out
    if fmt == "csv":
        import csv
        import io

        cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
        assert [c for c in cells if c.startswith(("=", "+", "-", "@"))] == []
    if fmt == "html":
        assert "<script>alert" not in out
