"""The timeline store (--store): incremental runs, fingerprints, overlapping runs, crashes, damage."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest

import diplodiff
from diplodiff.cli.main import main
from diplodiff.timeline import engines
from diplodiff.timeline.digest import Digest, decode, encode
from diplodiff.timeline.digest import digest as digest_function
from diplodiff.timeline.store import FORMAT, Store, _problem, fingerprint, statement_key

from .concurrent_runs import timelines_at_once

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ("A strategic partnership and the Belt and Road Initiative.",
         "The golden three decades of our comprehensive strategic partnership.",
         "Both sides build a community with a shared future.",
         "Nothing at all here.")


def _statements(n: int, *, start: int = 0) -> list[diplodiff.Statement]:
    return [diplodiff.Statement(id=f"s{i:03d}", text=f"{TEXTS[i % 4]} Item {i}.",
                                date=dt.date(2000, 1, 1) + dt.timedelta(days=i))
            for i in range(start, start + n)]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the statements analysed in this process, in order."""
    seen: list[str] = []
    real = digest_function

    def counting(statement: diplodiff.Statement, lexicon: diplodiff.Lexicon,
                 options: diplodiff.Options, speakers: diplodiff.SpeakerTable | None = None) -> Digest:
        seen.append(statement.id)
        return real(statement, lexicon, options, speakers)

    monkeypatch.setattr(engines, "digest", counting)
    return seen


def test_second_run_analyses_nothing(tmp_path: Path, counted: list[str]) -> None:
    """A run over a stored record reads every analysis back and gives the same timeline."""
    statements = _statements(6)
    first = diplodiff.track(statements, workers=1, store=tmp_path / "s.db")
    counted.clear()
    again = diplodiff.track(statements, workers=1, store=tmp_path / "s.db")
    assert counted == []
    assert again == first


def test_run_analyses_only_the_new_statement(tmp_path: Path, counted: list[str]) -> None:
    """Adding one statement to a stored record analyses that one alone."""
    statements = _statements(6)
    diplodiff.track(statements, workers=1, store=tmp_path / "s.db")
    counted.clear()
    grown = [*statements, *_statements(1, start=6)]
    timeline = diplodiff.track(grown, workers=1, store=tmp_path / "s.db")
    assert counted == ["s006"]
    assert timeline == diplodiff.track(grown, workers=1)


def test_changed_text_is_analysed_again(tmp_path: Path, counted: list[str]) -> None:
    """A statement whose text changed is not read from the store."""
    statements = _statements(4)
    diplodiff.track(statements, workers=1, store=tmp_path / "s.db")
    counted.clear()
    edited = [*statements[:3], diplodiff.Statement(id="s003", text="A strategic partnership.",
                                                   date=statements[3].date)]
    timeline = diplodiff.track(edited, workers=1, store=tmp_path / "s.db")
    assert counted == ["s003"]
    assert timeline == diplodiff.track(edited, workers=1)


def test_other_options_never_read_stored_analyses(tmp_path: Path, counted: list[str]) -> None:
    """Under other options every statement is analysed again, and the result is theirs."""
    statements = _statements(4)
    diplodiff.track(statements, workers=1, store=tmp_path / "s.db")
    counted.clear()
    options = diplodiff.Options(discover=False)
    timeline = diplodiff.track(statements, workers=1, options=options, store=tmp_path / "s.db")
    assert len(counted) == 4
    assert timeline == diplodiff.track(statements, workers=1, options=options)


@pytest.mark.parametrize(("field", "value"), [("text", "Other words."), ("title", "T"),
                                              ("date", dt.date(1999, 1, 1)), ("meta", (("outlet", "X"),))])
def test_statement_key_covers_text_and_metadata(field: str, value: object) -> None:
    """Changing the text or any metadata changes the statement's key."""
    statement = _statements(1)[0]
    changes: dict[str, Any] = {field: value}
    changed = attrs.evolve(statement, **changes)
    assert statement_key(changed) != statement_key(statement)


def test_fingerprint_follows_the_lexicon() -> None:
    """Another lexicon gives another fingerprint."""
    builtin = diplodiff.default_lexicon()
    smaller = diplodiff.Lexicon(builtin.formulas[1:], builtin.names)
    assert fingerprint(smaller, diplodiff.DEFAULT_OPTIONS) != fingerprint(builtin, diplodiff.DEFAULT_OPTIONS)


def test_fingerprint_is_the_same_in_another_process() -> None:
    """The fingerprint depends on content only (no addresses, no set order)."""
    code = ("import diplodiff; from diplodiff.timeline.store import fingerprint; "
            "print(fingerprint(diplodiff.default_lexicon(), diplodiff.DEFAULT_OPTIONS))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert runs == {fingerprint(diplodiff.default_lexicon(), diplodiff.DEFAULT_OPTIONS) + "\n"}


def test_store_is_in_wal_mode(tmp_path: Path) -> None:
    """The file is in WAL mode, so readers never block a writer."""
    Store(tmp_path / "s.db").close()
    with sqlite3.connect(tmp_path / "s.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_of_another_format_is_rebuilt(tmp_path: Path) -> None:
    """A file written by another store format is emptied, never read."""
    path = tmp_path / "s.db"
    diplodiff.track(_statements(3), workers=1, store=path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = 'diplodiff-store/0' WHERE name = 'format'")
        conn.execute("UPDATE analysis SET digest = 'not a digest'")
    with Store(path) as store:
        assert len(store) == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()[0] == FORMAT


@pytest.mark.parametrize("content", [b"this is not a database at all" * 40,
                                     b"SQLite format 3\x00" + b"\xff" * 4000])
def test_damaged_file_is_exit_2_with_how_to_rebuild(tmp_path: Path, content: bytes,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A damaged store stops the CLI with exit 2 and one line saying to delete it."""
    path = tmp_path / "s.db"
    path.write_bytes(content)
    assert main(["timeline", str(ROOT / "seeds"), "-q", "--store", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "delete it and run again to rebuild it" in err


def test_sqlite_file_of_another_program_is_refused(tmp_path: Path) -> None:
    """An SQLite file without a store's tables is refused, never altered."""
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
    with pytest.raises(diplodiff.StoreError, match="not a diplodiff store"):
        Store(path)
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    assert tables == ["people"]


def test_store_in_a_missing_directory_is_refused(tmp_path: Path) -> None:
    """A store path in a directory that does not exist is a clear error."""
    with pytest.raises(diplodiff.StoreError, match="directory does not exist"):
        Store(tmp_path / "nowhere" / "s.db")


_KILLED_WRITER = """
import os, signal, sys
import diplodiff
from diplodiff.timeline.digest import digest, encode
from diplodiff.timeline.store import Store
path, mark = sys.argv[1], sys.argv[2]
statements = [diplodiff.Statement(id=f"k{i}", text=f"A strategic partnership. Item {i}.") for i in range(8)]
lexicon = diplodiff.default_lexicon()
digests = [(s.id, encode(digest(s, lexicon, diplodiff.DEFAULT_OPTIONS))) for s in statements]
store = Store(path)
store.put_encoded(mark, digests[:4])
def dying():
    yield from digests[4:6]
    os.kill(os.getpid(), signal.SIGKILL)
    yield from digests[6:]
store.put_encoded(mark, dying())
"""


def test_kill_9_mid_write_leaves_a_usable_store(tmp_path: Path) -> None:
    """A writer killed inside a transaction leaves the committed rows, and only those."""
    path = tmp_path / "s.db"
    script = tmp_path / "writer.py"
    script.write_text(textwrap.dedent(_KILLED_WRITER), encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), str(path), "mark"], capture_output=True,
                            check=False)
    assert result.returncode == -9
    with Store(path) as store:
        found = store.fetch("mark", [f"k{i}" for i in range(8)])
    assert sorted(found) == ["k0", "k1", "k2", "k3"]


def test_run_after_a_killed_run_gives_the_full_result(tmp_path: Path) -> None:
    """A timeline run killed with kill -9 while saving leaves a store the next run completes."""
    path = tmp_path / "s.db"
    statements = _statements(70)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": s.id, "date": s.date.isoformat(), "text": s.text}) + "\n"
                              for s in statements if s.date), encoding="utf-8")
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(f"""
        import os, signal
        import diplodiff
        from diplodiff.timeline.store import Store
        real = Store.put_encoded
        calls = []
        def put(self, mark, digests):
            calls.append(1)
            if len(calls) == 2:
                def dying(digests=iter(digests)):
                    yield next(digests)
                    os.kill(os.getpid(), signal.SIGKILL)
                digests = dying()
            real(self, mark, digests)
        Store.put_encoded = put
        diplodiff.track(diplodiff.load_statements([{str(corpus)!r}]), workers=1, store={str(path)!r})
    """), encoding="utf-8")
    killed = subprocess.run([sys.executable, str(script)], capture_output=True,
                            check=False)
    assert killed.returncode == -9
    with Store(path) as store:
        assert 0 < len(store) < len(statements)
    loaded = diplodiff.load_statements([corpus])
    assert diplodiff.track(loaded, workers=1, store=path) == diplodiff.track(loaded, workers=1)


def test_two_runs_at_once_both_finish(tmp_path: Path) -> None:
    """Two CLI runs started together on one new store both succeed with the plain run's output."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": s.id, "date": s.date.isoformat(), "text": s.text}) + "\n"
                              for s in _statements(150) if s.date), encoding="utf-8")
    store = tmp_path / "s.db"
    timelines_at_once(corpus, store, [tmp_path / "out1.json", tmp_path / "out2.json"])
    assert main(["timeline", str(corpus), "-q", "-f", "json", "-o", str(tmp_path / "plain.json")]) == 0
    plain = (tmp_path / "plain.json").read_bytes()
    assert (tmp_path / "out1.json").read_bytes() == plain
    assert (tmp_path / "out2.json").read_bytes() == plain
    with Store(store) as opened:
        assert len(opened) == 150


def test_diff_history_uses_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """diff --history --store fills the store and gives the same report as without it."""
    seeds = ROOT / "seeds"
    pair = [str(seeds / "004_55e9fcd968524c2c.txt"), str(seeds / "000_ae7edd6c8a22359c.txt")]
    assert main(["diff", *pair, "-f", "json", "-q", "--history", str(seeds)]) == 0
    plain = capsys.readouterr().out
    store = tmp_path / "s.db"
    assert main(["diff", *pair, "-f", "json", "-q", "--store", str(store), "--history", str(seeds)]) == 0
    assert capsys.readouterr().out == plain
    with Store(store) as opened:
        assert len(opened) == 5


def test_stored_digest_reads_back_equal_with_sentences_shared() -> None:
    """A digest written to the store reads back equal, one string per sentence as analysed."""
    statement = diplodiff.load_statement(ROOT / "seeds" / "004_55e9fcd968524c2c.txt")
    found = digest_function(statement, diplodiff.default_lexicon(), diplodiff.DEFAULT_OPTIONS)
    back = decode(encode(found))
    assert back == found
    sentences = {id(f.sentence) for f in back} | {id(s) for f in back for _, s in f.said}
    assert len(sentences) == len({f.sentence for f in back} | {s for f in back for _, s in f.said})


@pytest.mark.parametrize(("error", "advice"), [
    ("attempt to write a readonly database", "check the file's and its directory's permissions"),
    ("database or disk is full", "free some disk space"),
    ("database disk image is malformed", "delete it and run again to rebuild it"),
])
def test_store_errors_say_what_to_do(error: str, advice: str) -> None:
    """A read-only or full disk is not called a damaged store; a damaged one says to rebuild."""
    assert _problem(sqlite3.OperationalError(error), "is damaged").endswith(advice)


def test_damaged_row_is_a_store_error(tmp_path: Path) -> None:
    """A row whose digest cannot be read stops the run with the way to rebuild, never a misreading."""
    path = tmp_path / "s.db"
    statements = _statements(3)
    diplodiff.track(statements, workers=1, store=path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE analysis SET digest = x'00ff10'")
    with pytest.raises(diplodiff.StoreError, match="delete it and run again to rebuild it"):
        diplodiff.track(statements, workers=1, store=path)


def _write(directory: Path, name: str, text: str, *, age: float = 10.0) -> Path:
    """A statement file, its times set ``age`` seconds back (older than the racy window)."""
    path = directory / name
    path.write_text(text, encoding="utf-8")
    when = path.stat().st_mtime - age
    os.utime(path, (when, when))
    return path


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the statement files parsed in this process."""
    from diplodiff.read import files

    seen: list[str] = []
    real = files.parse_statement

    def counting(text: str, *, id: str, path: str | None = None) -> diplodiff.Statement:
        seen.append(id)
        return real(text, id=id, path=path)

    monkeypatch.setattr(files, "parse_statement", counting)
    return seen


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        _write(corpus, f"s{i}.txt", f"date: 2020-01-0{i + 1}\ntitle: T{i}\n\n{TEXTS[i]}\n")
    return corpus


def test_unchanged_files_are_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files whose size, times and inode are as the store saw them come back without a read."""
    from diplodiff.read import files

    corpus = _corpus(tmp_path)
    with Store(tmp_path / "s.db") as store:
        first = diplodiff.load_statements([corpus], cache=store)

        def no_reading(*args: object, **kwargs: object) -> bytes:
            raise AssertionError("a file was read")

        monkeypatch.setattr(files, "_read_bytes", no_reading)
        assert diplodiff.load_statements([corpus], cache=store) == first


def test_touched_file_with_the_same_bytes_is_not_parsed_again(tmp_path: Path, parsed: list[str]) -> None:
    """A new modification time alone makes the file be hashed, not parsed."""
    corpus = _corpus(tmp_path)
    with Store(tmp_path / "s.db") as store:
        first = diplodiff.load_statements([corpus], cache=store)
        parsed.clear()
        os.utime(corpus / "s1.txt", (1e9, 1e9))
        assert diplodiff.load_statements([corpus], cache=store) == first
    assert parsed == []


def test_file_changed_in_place_with_its_times_put_back_is_read_again(tmp_path: Path) -> None:
    """Same size and modification time, other bytes: the change time tells, the new text is read."""
    corpus = _corpus(tmp_path)
    path = corpus / "s0.txt"
    with Store(tmp_path / "s.db") as store:
        diplodiff.load_statements([corpus], cache=store)
        before = path.stat()
        edited = path.read_text(encoding="utf-8").replace("strategic", "Strategic")
        path.write_text(edited, encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        again = diplodiff.load_statements([corpus], cache=store)
    assert "Strategic partnership" in again[0].text


def test_file_written_just_now_is_hashed_next_time(tmp_path: Path) -> None:
    """A file changed within the racy window is kept with a state that never matches."""
    corpus = _corpus(tmp_path)
    fresh = _write(corpus, "s9.txt", "date: 2020-02-01\n\nA strategic partnership.\n", age=0.0)
    with Store(tmp_path / "s.db") as store:
        diplodiff.load_statements([corpus], cache=store)
        from diplodiff.read.files import _loader, file_key

        kept = store.recall(_loader(diplodiff.DEFAULT_OPTIONS, None), [file_key(fresh),
                                                                        file_key(corpus / "s0.txt")])
    assert kept[file_key(fresh)].state[1] == -1
    assert kept[file_key(corpus / "s0.txt")].state[1] > 0


def test_file_that_warns_warns_on_every_run(tmp_path: Path) -> None:
    """A file whose reading gives a warning is not kept: the warning is given again."""
    corpus = _corpus(tmp_path)
    _write(corpus, "s8.txt", "date: 03/07/2024\n\nA strategic partnership.\n")
    with Store(tmp_path / "s.db") as store:
        for _ in range(2):
            with pytest.warns(diplodiff.DiplodiffWarning, match="could be"):
                diplodiff.load_statements([corpus], cache=store)


def test_files_read_with_other_settings_are_not_recalled(tmp_path: Path, parsed: list[str]) -> None:
    """Another size limit reads the files again."""
    corpus = _corpus(tmp_path)
    with Store(tmp_path / "s.db") as store:
        diplodiff.load_statements([corpus], cache=store)
        parsed.clear()
        diplodiff.load_statements([corpus], cache=store, options=diplodiff.Options(max_bytes=10**6))
    assert sorted(parsed) == ["s0", "s1", "s2"]


def test_cli_with_a_store_gives_the_same_output_when_files_come_from_it(tmp_path: Path) -> None:
    """The second run (files recalled from the store) writes the first run's JSON byte for byte."""
    corpus = _corpus(tmp_path)
    args = ["timeline", str(corpus), "--format", "json", "--store", str(tmp_path / "s.db"), "--quiet",
            "--workers", "1"]
    outputs = []
    for n in range(2):
        assert main([*args, "-o", str(tmp_path / f"{n}.json")]) == 0
        outputs.append((tmp_path / f"{n}.json").read_bytes())
    assert outputs[0] == outputs[1]
    with sqlite3.connect(tmp_path / "s.db") as conn:
        assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == 3


def test_damaged_file_row_is_a_store_error(tmp_path: Path) -> None:
    """A damaged row of the files table stops the run with the way to rebuild."""
    corpus = _corpus(tmp_path)
    with Store(tmp_path / "s.db") as store:
        diplodiff.load_statements([corpus], cache=store)
    with sqlite3.connect(tmp_path / "s.db") as conn:
        conn.execute("UPDATE files SET statements = x'00ff10'")
    with Store(tmp_path / "s.db") as store, pytest.raises(diplodiff.StoreError, match="rebuild"):
        diplodiff.load_statements([corpus], cache=store)
