"""The timeline JSON with a store: a record grown at its end extends the last file, byte for byte
what a run without a store writes; everything else takes the whole path, with the same bytes."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

import pytest

from diplodiff.cli.main import main
from diplodiff.render import incremental
from diplodiff.render.incremental import KIND, StoredTimeline
from diplodiff.timeline.store import Store

from .concurrent_runs import timelines_at_once

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
#: Lines that make discovered phrases recur, or not, from one statement to the next.
EXTRA = ("The two sides agreed on a green corridor for grain.",
         "Both welcomed the green corridor for grain and the new dry port.",
         "They praised the dry port once more.", "Nothing of note was said.")


def _text(i: int) -> str:
    seed = SEEDS[i % len(SEEDS)].read_text(encoding="utf-8")
    return f"{seed}\n\n{EXTRA[i % len(EXTRA)]} Item {i}.\n"


def _write(corpus: Path, i: int, *, date: dt.date | None = None, text: str | None = None) -> Path:
    """Statement ``i`` as a text file, its date in a header line."""
    day = date or dt.date(2010, 1, 1) + dt.timedelta(days=7 * i)
    path = corpus / f"s{i:04d}.txt"
    path.write_text(f"date: {day.isoformat()}\n\n{text or _text(i)}", encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    directory = tmp_path / "corpus"
    directory.mkdir()
    for i in range(8):
        _write(directory, i)
    return directory


@pytest.fixture
def whole(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """For each stored run in this process, why it took the whole path ("": it extended the last file)."""
    seen: list[str] = []
    real = StoredTimeline.write

    def write(self: StoredTimeline, stream: TextIO) -> None:
        assert self.extended == (self.why == "")
        seen.append(self.why)
        real(self, stream)

    monkeypatch.setattr(StoredTimeline, "write", write)
    return seen


def _run(corpus: Path, out: Path, *extra: str) -> bytes:
    args = ["timeline", str(corpus), "-q", "-f", "json", "--workers", "1", "-o", str(out), *extra]
    assert main(args) == 0
    return out.read_bytes()


def _stored(corpus: Path, out: Path | None = None, *extra: str) -> bytes:
    out = out or corpus.parent / "out.json"
    return _run(corpus, out, "--store", str(corpus.parent / "s.db"), *extra)


def _plain(corpus: Path, *extra: str) -> bytes:
    return _run(corpus, corpus.parent / "plain.json", *extra)


def test_first_stored_run_writes_what_a_run_without_store_writes(corpus: Path, whole: list[str]) -> None:
    assert _stored(corpus) == _plain(corpus)
    assert whole == ["no snapshot with these settings"]


def test_growing_record_extends_the_file_byte_for_byte(corpus: Path, whole: list[str]) -> None:
    """Statements added one, then two at a time: each run extends the last file, same bytes."""
    _stored(corpus)
    for added in ([8], [9, 10], [11], [12, 13]):
        for i in added:
            _write(corpus, i)
        assert _stored(corpus) == _plain(corpus)
    assert whole[1:] == ["", "", "", ""]


def test_run_with_nothing_new_copies_the_file(corpus: Path, whole: list[str]) -> None:
    first = _stored(corpus)
    assert _stored(corpus) == first
    assert whole[1:] == [""]


def test_output_to_another_file_extends_the_last_one(corpus: Path, whole: list[str]) -> None:
    _stored(corpus)
    _write(corpus, 8)
    assert _stored(corpus, corpus.parent / "other.json") == _plain(corpus)
    assert whole[1:] == [""]


def _fallback(corpus: Path, whole: list[str], why: str, *extra: str) -> None:
    """The next run takes the whole path for that reason, and writes what a run without a store writes."""
    assert _stored(corpus, None, *extra) == _plain(corpus, *extra)
    assert whole[-1] == why


def test_statement_added_in_the_middle_takes_the_whole_path(corpus: Path, whole: list[str]) -> None:
    _stored(corpus)
    _write(corpus, 20, date=dt.date(2010, 1, 20))
    _fallback(corpus, whole, "stored statements changed, moved or went")


def test_changed_statement_takes_the_whole_path(corpus: Path, whole: list[str]) -> None:
    _stored(corpus)
    _write(corpus, 3, text=_text(3) + " The strategic partnership was praised.")
    _write(corpus, 8)
    _fallback(corpus, whole, "stored statements changed, moved or went")


def test_removed_statement_takes_the_whole_path(corpus: Path, whole: list[str]) -> None:
    _stored(corpus)
    (corpus / "s0002.txt").unlink()
    _write(corpus, 8)
    _fallback(corpus, whole, "stored statements changed, moved or went")


def test_other_options_take_the_whole_path(corpus: Path, whole: list[str]) -> None:
    _stored(corpus)
    _write(corpus, 8)
    _fallback(corpus, whole, "no snapshot with these settings", "--no-discover")


def test_undated_statement_takes_the_whole_path(corpus: Path, whole: list[str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    _stored(corpus)
    (corpus / "undated.txt").write_text(EXTRA[0], encoding="utf-8")
    _fallback(corpus, whole, "the record has warnings")
    assert "no date" in capsys.readouterr().err


def test_edited_last_file_takes_the_whole_path(corpus: Path, whole: list[str]) -> None:
    out = corpus.parent / "out.json"
    _stored(corpus)
    out.write_bytes(out.read_bytes().replace(b"strategic", b"Strategic"))
    _write(corpus, 8)
    _fallback(corpus, whole, "the last file changed")


def test_last_file_edited_in_place_with_its_size_and_mtime_kept_takes_the_whole_path(
        corpus: Path, whole: list[str]) -> None:
    """An edit that keeps the file's size and puts its mtime back still changes its ctime."""
    out = corpus.parent / "out.json"
    _stored(corpus)
    kept = out.stat()
    with out.open("r+b") as handle:  # in place: the same inode
        data = handle.read().replace(b"strategic", b"Strategic")
        handle.seek(0)
        handle.write(data)
    os.utime(out, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    assert (out.stat().st_size, out.stat().st_mtime_ns, out.stat().st_ino) == \
        (kept.st_size, kept.st_mtime_ns, kept.st_ino)
    _write(corpus, 8)
    _fallback(corpus, whole, "the last file changed")


def test_deleted_last_file_takes_the_whole_path(corpus: Path, whole: list[str]) -> None:
    _stored(corpus)
    (corpus.parent / "out.json").unlink()
    _write(corpus, 8)
    _fallback(corpus, whole, "the last file is gone")


def test_file_replaced_after_its_snapshot_was_saved_is_not_extended(corpus: Path, whole: list[str],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that dies between writing the file and saving its snapshot (kill -9) leaves a
    snapshot of a file no longer there: the next run takes the whole path."""
    _stored(corpus)
    _write(corpus, 8)
    save = StoredTimeline.save
    monkeypatch.setattr(StoredTimeline, "save", lambda self, path: False)
    _stored(corpus)
    monkeypatch.setattr(StoredTimeline, "save", save)
    _write(corpus, 9)
    _fallback(corpus, whole, "the last file changed")


def test_run_killed_after_writing_the_file_leaves_a_usable_store(corpus: Path, tmp_path: Path) -> None:
    """kill -9 right after the file is in place, before the snapshot: the next run is whole and right."""
    store = tmp_path / "s.db"
    out = tmp_path / "out.json"
    _run(corpus, out, "--store", str(store))
    _write(corpus, 8)
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(f"""
        import os, signal
        from diplodiff.cli.main import main
        from diplodiff.render.incremental import StoredTimeline
        StoredTimeline.save = lambda self, path: os.kill(os.getpid(), signal.SIGKILL)
        main(["timeline", {str(corpus)!r}, "-q", "-f", "json", "--workers", "1", "-o", {str(out)!r},
              "--store", {str(store)!r}])
    """), encoding="utf-8")
    killed = subprocess.run([sys.executable, str(script)], capture_output=True, check=False)
    assert killed.returncode == -signal.SIGKILL
    _write(corpus, 9)
    assert _run(corpus, out, "--store", str(store)) == _plain(corpus)


def test_damaged_snapshot_is_exit_2_with_how_to_rebuild(corpus: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    _stored(corpus)
    with sqlite3.connect(tmp_path / "s.db") as conn:
        conn.execute("UPDATE snapshot SET data = ?", (b"\x00garbage",))
    code = main(["timeline", str(corpus), "-q", "-f", "json", "-o", str(tmp_path / "out.json"),
                 "--store", str(tmp_path / "s.db")])
    assert code == 2
    assert "delete it and run again to rebuild it" in capsys.readouterr().err


def test_missing_phrase_state_takes_the_whole_path(corpus: Path, tmp_path: Path,
                                                   whole: list[str]) -> None:
    """A snapshot whose phrase states are not all there is never used in part."""
    _stored(corpus)
    with sqlite3.connect(tmp_path / "s.db") as conn:
        conn.execute("DELETE FROM snapshot_phrase")
    _write(corpus, 8)
    _fallback(corpus, whole, "phrase states missing")


def test_snapshot_saved_by_another_run_meanwhile_is_kept(tmp_path: Path) -> None:
    """Two runs extending the same snapshot: the second one to save keeps the first one's."""
    with Store(tmp_path / "s.db") as store:
        assert store.save_snapshot("mark", KIND, b"one", [("f", b"1")], after=None)
        found = store.snapshot("mark", KIND)
        assert found is not None
        generation = found[0]
        assert store.save_snapshot("mark", KIND, b"two", [("f", b"2")], after=generation)
        assert not store.save_snapshot("mark", KIND, b"three", [("f", b"3")], after=generation)
        kept = store.snapshot("mark", KIND)
        assert kept is not None
        assert kept[1] == b"two"
        assert store.phrase_states("mark", KIND, ["f"]) == {"f": b"2"}


def test_recurring_discovered_phrase_extends_byte_for_byte(tmp_path: Path, whole: list[str]) -> None:
    """A phrase met once, left out, then met again: it joins the file at its place, and the
    earlier statement's sentences, where its sentence comes first, are numbered anew."""
    directory = tmp_path / "corpus"
    directory.mkdir()
    base = SEEDS[0].read_text(encoding="utf-8")
    lines = ("The sides opened the amber caravan gateway.", "Talks covered wheat and cotton.",
             "Nothing more.", "They reopened the amber caravan gateway.")
    for i, line in enumerate(lines):
        _write(directory, i, text=f"{line}\n\n{base}\n")
        if i == 2:
            before = json.loads(_stored(directory))
    after = _stored(directory)
    assert after == _plain(directory)
    assert whole[1:] == [""]
    first = json.loads(after)["statements"][0]["sentences"]
    assert first[0] == lines[0]
    assert first[1:] == before["statements"][0]["sentences"]


def test_copy_falls_back_to_reading_when_the_kernel_cannot(corpus: Path, whole: list[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _stored(corpus)

    def refuse(*_: object) -> int:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", refuse)
    _write(corpus, 8)
    assert _stored(corpus) == _plain(corpus)
    assert whole[1:] == [""]


@pytest.mark.parametrize("excel", [False, True])
def test_growing_record_extends_the_csv_byte_for_byte(corpus: Path, whole: list[str], excel: bool) -> None:
    """The timeline CSV (and --excel's) is extended too: each phrase's rows, the new after the old."""
    extra = ["-f", "csv", *(["--excel"] if excel else [])]
    out = corpus.parent / "out.csv"
    _run(corpus, out, "--store", str(corpus.parent / "s.db"), *extra)
    for added in ([8], [9, 10]):
        for i in added:
            _write(corpus, i)
        assert _run(corpus, out, "--store", str(corpus.parent / "s.db"), *extra) == \
            _run(corpus, corpus.parent / "plain.csv", *extra)
    assert whole == ["no snapshot with these settings", "", ""]


def test_recurring_discovered_phrase_extends_the_csv_byte_for_byte(tmp_path: Path, whole: list[str]) -> None:
    directory = tmp_path / "corpus"
    directory.mkdir()
    base = SEEDS[0].read_text(encoding="utf-8")
    lines = ("The sides opened the amber caravan gateway.", "Talks covered wheat and cotton.",
             "Nothing more.", "They reopened the amber caravan gateway.")
    out = tmp_path / "out.csv"
    for i, line in enumerate(lines):
        _write(directory, i, text=f"{line}\n\n{base}\n")
        if i == 2:
            _run(directory, out, "--store", str(tmp_path / "s.db"), "-f", "csv")
    assert _run(directory, out, "--store", str(tmp_path / "s.db"), "-f", "csv") == \
        _run(directory, tmp_path / "plain.csv", "-f", "csv")
    assert whole[1:] == [""]


def test_json_and_csv_keep_their_own_snapshots(corpus: Path, whole: list[str]) -> None:
    _stored(corpus)
    _run(corpus, corpus.parent / "out.csv", "--store", str(corpus.parent / "s.db"), "-f", "csv")
    _write(corpus, 8)
    assert _stored(corpus) == _plain(corpus)
    assert whole == ["no snapshot with these settings", "no snapshot with these settings", ""]


LABELS = ("We have a cooperative partnership. It is also a constructive partnership.",
          "It is a constructive partnership.", "It is a cooperative partnership.",
          "A cooperative partnership again.")


def _labels(tmp_path: Path) -> Path:
    """Two partnership labels of one rank in the first statement; the fourth makes the second
    one used more widely, so it moves ahead in the list and becomes the first one's label."""
    directory = tmp_path / "corpus"
    directory.mkdir()
    for i, text in enumerate(LABELS[:3]):
        _write(directory, i, text=text)
    return directory


def test_label_moving_ahead_rewrites_the_earlier_statement(tmp_path: Path, whole: list[str]) -> None:
    corpus = _labels(tmp_path)
    before = json.loads(_stored(corpus))
    _write(corpus, 3, text=LABELS[3])
    after = _stored(corpus)
    assert after == _plain(corpus)
    assert whole[1:] == [""]
    assert [before["statements"][0]["label"], json.loads(after)["statements"][0]["label"]] == \
        ["constructive partnership", "cooperative partnership"]


def test_too_many_earlier_statements_to_check_take_the_whole_path(tmp_path: Path, whole: list[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _labels(tmp_path)
    _stored(corpus)
    monkeypatch.setattr(incremental, "CHECK_MAX", 0)
    _write(corpus, 3, text=LABELS[3])
    _fallback(corpus, whole, "over 0 earlier statements to check")


def test_two_runs_extending_at_once_both_finish(corpus: Path, tmp_path: Path) -> None:
    """Two runs extending one snapshot at once: both write the right file; the store stays usable."""
    store = tmp_path / "s.db"
    _run(corpus, tmp_path / "out.json", "--store", str(store))
    _write(corpus, 8)
    timelines_at_once(corpus, store, [tmp_path / "out1.json", tmp_path / "out2.json"])
    plain = _plain(corpus)
    assert (tmp_path / "out1.json").read_bytes() == plain
    assert (tmp_path / "out2.json").read_bytes() == plain
    _write(corpus, 9)
    assert _run(corpus, tmp_path / "out3.json", "--store", str(store)) == _plain(corpus)


def test_snapshot_saved_while_a_run_reads_it_takes_the_whole_path(corpus: Path, whole: list[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Another run's snapshot saved between reading ours and its phrase states: never mixed."""
    _stored(corpus)
    _write(corpus, 8)
    real = Store.phrase_states

    def meanwhile(self: Store, fingerprint: str, kind: str, formulas: Iterable[str]) -> dict[str, bytes]:
        found = self.snapshot(fingerprint, kind)
        assert found is not None
        self.save_snapshot(fingerprint, kind, found[1], [], after=found[0])
        return real(self, fingerprint, kind, formulas)

    monkeypatch.setattr(Store, "phrase_states", meanwhile)
    _fallback(corpus, whole, "another run saved a snapshot meanwhile")


MIXED = ("the amber caravan gateway", "a green corridor for grain", "the new dry port",
         "a cooperative partnership", "a constructive partnership", "the strategic partnership",
         "the golden 30 years", "the silver bridge compact")


@pytest.mark.parametrize("form", ["json", "csv"])
def test_random_growth_extends_byte_for_byte(tmp_path: Path, whole: list[str], form: str) -> None:
    """Statements of seed paragraphs and recurring phrases in a random mix (a fixed seed), added
    one to three at a time: every run extends the last file, same bytes as a run without a store."""
    rng = random.Random(8)
    paragraphs = [p for path in SEEDS for p in path.read_text(encoding="utf-8").split("\n\n")[1:]
                  if p.strip()]
    corpus = tmp_path / "corpus"
    corpus.mkdir()

    def add(i: int) -> None:
        said = [f"They discussed {rng.choice(MIXED)} and {rng.choice(MIXED)}."
                for _ in range(rng.randint(1, 3))]
        body = rng.sample(paragraphs, 3)
        _write(corpus, i, text="\n\n".join([*said, *body] if rng.random() < 0.5 else [*body, *said]))

    for i in range(4):
        add(i)
    out, plain = tmp_path / f"out.{form}", tmp_path / f"plain.{form}"
    _run(corpus, out, "--store", str(tmp_path / "s.db"), "-f", form)
    i = 4
    for _ in range(4):
        for _ in range(rng.randint(1, 3)):
            add(i)
            i += 1
        stored = _run(corpus, out, "--store", str(tmp_path / "s.db"), "-f", form)
        assert stored == _run(corpus, plain, "-f", form)
    assert whole[1:] == [""] * 4


def test_file_replaced_before_its_snapshot_is_saved_is_not_extended(corpus: Path, whole: list[str],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Another writer (a run of other settings, or without a store) replaces the output between
    this run putting its file in place and saving the snapshot: the snapshot is not saved, and
    the next run does not extend the other writer's file."""
    out = corpus.parent / "out.json"
    _stored(corpus)
    _write(corpus, 8)
    save = StoredTimeline.save

    def replaced_first(self: StoredTimeline, path: str) -> bool:
        other = corpus.parent / "other.tmp"
        other.write_bytes(out.read_bytes().replace(b"strategic", b"Strategic"))
        other.replace(out)
        return save(self, path)

    monkeypatch.setattr(StoredTimeline, "save", replaced_first)
    _stored(corpus)
    monkeypatch.setattr(StoredTimeline, "save", save)
    _write(corpus, 9)
    _fallback(corpus, whole, "the last file changed")
