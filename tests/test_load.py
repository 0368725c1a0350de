"""The loader: every accepted input form, and a clear LoadError naming the file for every bad one."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

import diplodiff
from diplodiff import LoadError, Options, StatementFormatError

SEEDS = Path(__file__).parent.parent / "seeds"
BODY = ("ALMATY, April 25 (Xinhua) -- Wang Yi met Murat Nurtleu.\n\n"
        "Both sides will deepen political mutual trust.\n")


def write(directory: Path, name: str, data: str | bytes) -> Path:
    """Write ``data`` (bytes verbatim, str as UTF-8 without newline translation) to a new file."""
    path = directory / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- accepted forms -------------------------------------------------------------------------------


def test_date_line_gives_date_and_title(tmp_path: Path) -> None:
    """A first line `` date YYYY-MM-DD title`` gives the date and the title."""
    path = write(tmp_path, "s.txt", f" date 2024-07-03 Xi meets Tokayev in Astana\n\n{BODY}")
    statement = diplodiff.load_statement(path)
    assert statement.date == dt.date(2024, 7, 3)
    assert statement.title == "Xi meets Tokayev in Astana"


def test_date_line_body_is_the_rest_of_the_file(tmp_path: Path) -> None:
    """After a `` date`` line the text is everything after that line, verbatim."""
    raw = f" date 2024-07-03 Xi meets Tokayev\n\n{BODY}"
    statement = diplodiff.load_statement(write(tmp_path, "s.txt", raw))
    assert statement.text == raw[raw.index("\n") + 1 :]


def test_date_line_without_title(tmp_path: Path) -> None:
    """A `` date`` line with no title gives the date and no title."""
    statement = diplodiff.load_statement(write(tmp_path, "s.txt", f" date 2022-06-08\n\n{BODY}"))
    assert (statement.date, statement.title) == (dt.date(2022, 6, 8), None)


def test_title_line_without_date(tmp_path: Path) -> None:
    """A short first line with no final punctuation is the title; the date stays unknown."""
    raw = f"Chinese and Kazakh FMs Highlight Strengthened Bilateral Cooperation\n\n{BODY}"
    statement = diplodiff.load_statement(write(tmp_path, "s.txt", raw))
    assert statement.title == "Chinese and Kazakh FMs Highlight Strengthened Bilateral Cooperation"
    assert statement.date is None


def test_title_line_is_not_part_of_the_text(tmp_path: Path) -> None:
    """The title line is left out of ``Statement.text``."""
    raw = f"Chinese and Kazakh FMs Highlight Cooperation\n{BODY}"
    statement = diplodiff.load_statement(write(tmp_path, "s.txt", raw))
    assert statement.text == BODY


def test_article_number_then_title(tmp_path: Path) -> None:
    """An ``Article Number:`` line is metadata and the next line is the title."""
    raw = ("Article Number: 496\n"
           "China: Wang Yi - Join Hands to Forge the Next Golden Three Decades of "
           "China-Kazakhstan Relations\n"
           "State Councilor and Foreign Minister Wang Yi met the press in Nur-Sultan.\n")
    statement = diplodiff.load_statement(write(tmp_path, "s.txt", raw))
    assert statement.get("article_number") == "496"
    assert statement.title is not None
    assert statement.title.startswith("China: Wang Yi - Join Hands")
    assert statement.text == "State Councilor and Foreign Minister Wang Yi met the press in Nur-Sultan.\n"


def test_key_value_header(tmp_path: Path) -> None:
    """A ``date:``/``title:``/``source:`` header fills the statement's metadata."""
    raw = f"date: 2025-04-25\ntitle: Strategic dialogue\nsource: Xinhua\n\n{BODY}"
    statement = diplodiff.load_statement(write(tmp_path, "s.txt", raw))
    assert (statement.date, statement.title, statement.source) == (
        dt.date(2025, 4, 25), "Strategic dialogue", "Xinhua")


def test_key_value_header_ends_at_blank_line(tmp_path: Path) -> None:
    """The text of a file with a ``key: value`` header starts after the blank line."""
    raw = f"date: 2025-04-25\ntitle: Strategic dialogue\n\n{BODY}"
    statement = diplodiff.load_statement(write(tmp_path, "s.txt", raw))
    assert statement.text == BODY


def test_key_value_header_keeps_other_keys_as_meta(tmp_path: Path) -> None:
    """Known header keys other than date/title/source are kept in ``meta``."""
    raw = f"date: 2025-04-25\nspeakers: Wang Yi, Murat Nurtleu\n\n{BODY}"
    statement = diplodiff.load_statement(write(tmp_path, "s.txt", raw))
    assert statement.get("speakers") == "Wang Yi, Murat Nurtleu"


def test_no_header_at_all(tmp_path: Path) -> None:
    """A file that starts with a sentence is all text: no title, no date."""
    raw = "Both sides will deepen political mutual trust.\nThey agreed.\n"
    statement = diplodiff.load_statement(write(tmp_path, "s.txt", raw))
    assert (statement.text, statement.title, statement.date) == (raw, None, None)


def test_id_is_the_file_stem(tmp_path: Path) -> None:
    """A statement read from a text file is identified by the file's stem."""
    statement = diplodiff.load_statement(write(tmp_path, "2024-07-03_astana.txt", BODY))
    assert statement.id == "2024-07-03_astana"


def test_path_is_recorded(tmp_path: Path) -> None:
    """The statement records the path it was read from."""
    path = write(tmp_path, "s.md", BODY)
    assert diplodiff.load_statement(path).path == str(path)


def test_missing_date_is_none_with_a_note(tmp_path: Path) -> None:
    """Without a date the statement's date is None and a note says so; none is invented."""
    statement = diplodiff.load_statement(write(tmp_path, "s.txt", BODY))
    assert statement.date is None
    assert any("date" in note for note in statement.notes)


def test_known_date_has_no_date_note(tmp_path: Path) -> None:
    """A dated statement carries no 'date unknown' note."""
    statement = diplodiff.load_statement(write(tmp_path, "s.txt", f" date 2024-07-03 T\n\n{BODY}"))
    assert not any(note.startswith("date unknown") for note in statement.notes)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark does not hide the `` date`` line."""
    path = write(tmp_path, "s.txt", b"\xef\xbb\xbf" + f" date 2024-07-03 T i t\n\n{BODY}".encode())
    assert diplodiff.load_statement(path).date == dt.date(2024, 7, 3)


def test_file_of_exactly_max_bytes_is_accepted(tmp_path: Path) -> None:
    """A file of exactly ``Options.max_bytes`` bytes loads."""
    path = write(tmp_path, "s.txt", BODY)
    statement = diplodiff.load_statement(path, options=Options(max_bytes=len(BODY.encode())))
    assert statement.text == BODY


def test_file_grown_since_its_size_was_taken_is_read_whole(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader reads as much as a file's size says and one byte more; a file that grew
    after its size was taken is still read to its end."""
    real = os.fstat

    def stale(fd: int) -> os.stat_result:
        found = real(fd)
        return os.stat_result((found.st_mode, *found[1:6], 10, *found[7:]))  # st_size: 10 bytes

    path = write(tmp_path, "s.txt", BODY)
    monkeypatch.setattr(os, "fstat", stale)
    assert diplodiff.load_statement(path).text == BODY


# --- the text is never rewritten ------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(f" date 2024-07-03 Title words\n\n{BODY}", id="date-line"),
        pytest.param(f"date: 2024-07-03\ntitle: T\n\n{BODY}", id="header"),
        pytest.param(f"A Title Line Here\n{BODY}", id="title-line"),
        pytest.param("Kazakhstan\u2019s  \u201cgolden\u201d  30 years\r\nare\t\tahead.  \r\n\r\n  More.  \n",
                     id="crlf-curly-tabs"),
        pytest.param(" date 2024-07-03 T t\r\n\r\nWin-win  cooperation.\r\n", id="crlf-date-line"),
    ],
)
def test_text_is_a_verbatim_slice_of_the_file(tmp_path: Path, raw: str) -> None:
    """``Statement.text`` is the file's body exactly: an unchanged suffix of the file."""
    statement = diplodiff.load_statement(write(tmp_path, "s.txt", raw))
    assert raw.endswith(statement.text)
    assert statement.text.strip()


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_text_is_a_verbatim_slice(seed: Path) -> None:
    """Each seed's text is an unchanged suffix of the seed file."""
    statement = diplodiff.load_statement(seed)
    assert seed.read_bytes().decode("utf-8").endswith(statement.text)


# --- .jsonl ---------------------------------------------------------------------------------------


def jsonl(*records: object) -> str:
    """One JSON line per record."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def test_jsonl_one_statement_per_line(tmp_path: Path) -> None:
    """A ``.jsonl`` file gives one statement per line, in order."""
    path = write(tmp_path, "s.jsonl", jsonl({"id": "a", "text": "First."}, {"id": "b", "text": "Second."}))
    assert [s.id for s in diplodiff.load_statements([path])] == ["a", "b"]


def test_jsonl_fields(tmp_path: Path) -> None:
    """A JSON line's date, title and source fill the statement."""
    record = {"id": "a", "text": "First.", "date": "2024-07-03", "title": "T", "source": "Xinhua"}
    (statement,) = diplodiff.load_statements([write(tmp_path, "s.jsonl", jsonl(record))])
    assert (statement.date, statement.title, statement.source) == (dt.date(2024, 7, 3), "T", "Xinhua")


def test_jsonl_extra_keys_become_meta(tmp_path: Path) -> None:
    """Keys of a JSON line other than the known ones are kept in ``meta``."""
    record = {"id": "a", "text": "First.", "speakers": "Wang Yi"}
    (statement,) = diplodiff.load_statements([write(tmp_path, "s.jsonl", jsonl(record))])
    assert statement.get("speakers") == "Wang Yi"


def test_jsonl_text_is_verbatim(tmp_path: Path) -> None:
    """A JSON line's ``text`` is kept exactly, whitespace and quotes included."""
    text = "  Kazakhstan\u2019s \u201cgolden\u201d\n\n30 years.\t"
    (statement,) = diplodiff.load_statements([write(tmp_path, "s.jsonl", jsonl({"text": text}))])
    assert statement.text == text


def test_jsonl_id_defaults_to_stem_and_line(tmp_path: Path) -> None:
    """A JSON line without ``id`` is identified by the file stem and its line number."""
    path = write(tmp_path, "batch.jsonl", jsonl({"text": "First."}) + "\n" + jsonl({"text": "Second."}))
    assert [s.id for s in diplodiff.load_statements([path])] == ["batch:1", "batch:3"]


def test_jsonl_missing_date_is_none_with_a_note(tmp_path: Path) -> None:
    """A JSON line without a date gives None and a note, never an invented date."""
    (statement,) = diplodiff.load_statements([write(tmp_path, "s.jsonl", jsonl({"text": "First."}))])
    assert statement.date is None
    assert any("date" in note for note in statement.notes)


def test_jsonl_single_line_loads_as_one_statement(tmp_path: Path) -> None:
    """``load_statement`` accepts a ``.jsonl`` file holding one statement."""
    statement = diplodiff.load_statement(write(tmp_path, "s.jsonl", jsonl({"id": "a", "text": "First."})))
    assert statement.id == "a"


def test_jsonl_many_lines_refused_by_load_statement(tmp_path: Path) -> None:
    """``load_statement`` refuses a ``.jsonl`` with several statements, naming the file."""
    path = write(tmp_path, "s.jsonl", jsonl({"text": "First."}, {"text": "Second."}))
    with pytest.raises(LoadError, match=r"s\.jsonl"):
        diplodiff.load_statement(path)


def test_load_statements_reads_a_directory(tmp_path: Path) -> None:
    """``load_statements`` on a directory reads its statement files, sorted."""
    write(tmp_path, "b.txt", "Second statement.")
    write(tmp_path, "a.txt", "First statement.")
    write(tmp_path, "notes.csv", "not,a,statement")
    with pytest.warns(diplodiff.DiplodiffWarning, match="notes.csv"):  # a table with no rows
        assert [s.id for s in diplodiff.load_statements([tmp_path])] == ["a", "b"]


def test_load_statements_hands_over_each_file_as_read_with_its_catalog(tmp_path: Path) -> None:
    """``each`` gets every file's statements in order, the catalog laid over, as returned."""
    write(tmp_path, "b.txt", "Second statement.")
    write(tmp_path, "a.txt", "First statement.")
    write(tmp_path, "catalog.csv", "file,date\nb.txt,2022-06-07\n")
    seen: list[tuple[diplodiff.Statement, ...]] = []
    loaded = diplodiff.load_statements([tmp_path], each=seen.append)
    assert [s for batch in seen for s in batch] == list(loaded)
    assert [len(batch) for batch in seen] == [1, 1]
    assert loaded[1].date == dt.date(2022, 6, 7)
    assert loaded == diplodiff.load_statements([tmp_path])


# --- bad input ------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is a LoadError naming it."""
    path = tmp_path / "nope.txt"
    with pytest.raises(LoadError) as info:
        diplodiff.load_statement(path)
    assert str(path) in str(info.value)


def test_directory(tmp_path: Path) -> None:
    """A directory given as a statement is a LoadError naming it."""
    with pytest.raises(LoadError) as info:
        diplodiff.load_statement(tmp_path)
    assert str(tmp_path) in str(info.value)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("s.txt", b"", id="empty"),
        pytest.param("s.txt", b"  \n\t\r\n \n", id="whitespace-only"),
        pytest.param("s.txt", b"Both sides\x00\x01\x02 agreed.", id="nul-bytes"),
        pytest.param("s.txt", "Caf\u00e9 diplomacy.".encode("latin-1"), id="invalid-utf8"),
        pytest.param("s.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png"),
        pytest.param("s.txt", b" date 2024-07-03 Title\n\n   \n", id="date-line-no-body"),
        pytest.param("s.txt", b"date: 2024-07-03\ntitle: T\n\n", id="header-no-body"),
        pytest.param("s.jsonl", b"", id="empty-jsonl"),
        pytest.param("s.jsonl", b"\n\n", id="blank-jsonl"),
    ],
)
def test_unreadable_content_is_a_load_error_naming_the_file(tmp_path: Path, name: str, data: bytes) -> None:
    """Empty, blank, binary, non-UTF-8 or body-less files are a LoadError naming the file."""
    path = write(tmp_path, name, data)
    with pytest.raises(LoadError) as info:
        diplodiff.load_statement(path)
    assert str(path) in str(info.value)
    assert info.value.path == str(path)


def test_file_over_max_bytes(tmp_path: Path) -> None:
    """A file larger than ``Options.max_bytes`` is a LoadError naming it."""
    path = write(tmp_path, "s.txt", BODY)
    with pytest.raises(LoadError) as info:
        diplodiff.load_statement(path, options=Options(max_bytes=len(BODY.encode()) - 1))
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(" date 2024-13-45 Title words\n\nBody.", id="date-line-month-13"),
        pytest.param(" date 2023-02-30 Title words\n\nBody.", id="date-line-feb-30"),
        pytest.param("date: 03/07/24\n\nBody.", id="header-two-digit-year"),
        pytest.param("date: next week\ntitle: T\n\nBody.", id="header-words"),
        pytest.param("date: 3 July\ntitle: T\n\nBody.", id="header-no-year"),
        pytest.param("date: 2024-7-3\n\nBody.", id="header-no-padding"),
    ],
)
def test_malformed_header_date(tmp_path: Path, raw: str) -> None:
    """A header date that is no real, complete date is a StatementFormatError naming the file."""
    path = write(tmp_path, "s.txt", raw)
    with pytest.raises(StatementFormatError) as info:
        diplodiff.load_statement(path)
    assert str(path) in str(info.value)


def test_statement_format_error_is_a_load_error() -> None:
    """StatementFormatError is both a LoadError and a ValueError."""
    assert issubclass(StatementFormatError, LoadError)
    assert issubclass(StatementFormatError, ValueError)


def test_bad_json_line_names_the_line(tmp_path: Path) -> None:
    """A line that is not JSON is an error naming the file and the line number."""
    path = write(tmp_path, "s.jsonl", jsonl({"text": "First."}) + '{"text": "Second.",\n')
    with pytest.raises(StatementFormatError) as info:
        diplodiff.load_statements([path])
    assert info.value.line == 2
    assert f"{path}:2" in str(info.value)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param('{"id": "a", "title": "no text"}', id="no-text"),
        pytest.param('{"id": "a", "text": 42}', id="text-not-a-string"),
        pytest.param('{"id": "a", "text": "   "}', id="blank-text"),
        pytest.param('["a", "list"]', id="not-an-object"),
        pytest.param('"just a string"', id="json-string"),
    ],
)
def test_jsonl_without_text(tmp_path: Path, line: str) -> None:
    """A JSON line without a usable ``text`` is an error naming the file and the line."""
    path = write(tmp_path, "s.jsonl", jsonl({"text": "First."}) + line + "\n")
    with pytest.raises(StatementFormatError) as info:
        diplodiff.load_statements([path])
    assert info.value.line == 2
    assert str(path) in str(info.value)


def test_jsonl_malformed_date_names_the_line(tmp_path: Path) -> None:
    """A JSON line with a bad date is an error naming the file and the line."""
    path = write(tmp_path, "s.jsonl", jsonl({"text": "First.", "date": "some day"}))
    with pytest.raises(StatementFormatError) as info:
        diplodiff.load_statements([path])
    assert f"{path}:1" in str(info.value)


def test_directory_without_statements(tmp_path: Path) -> None:
    """``load_statements`` on a directory with no statement files is a LoadError naming it."""
    write(tmp_path, "notes.csv", "a,b")
    with pytest.raises(LoadError) as info, pytest.warns(diplodiff.DiplodiffWarning, match="notes.csv"):
        diplodiff.load_statements([tmp_path])
    assert str(tmp_path) in str(info.value)


@pytest.mark.parametrize("name", ["catalog.csv", "lexicon.toml"])
def test_catalog_or_lexicon_given_as_statement_is_refused(tmp_path: Path, name: str) -> None:
    """A .csv or .toml named as a statement is refused with a hint, not read as text."""
    path = tmp_path / name
    path.write_text("file,date\nx.txt,2024-01-01\n", encoding="utf-8")
    with pytest.raises(diplodiff.LoadError, match="--catalog or --lexicon"):
        diplodiff.load_statement(path)


def test_one_path_alone_is_that_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``load_statements("seeds")`` reads the directory, as ``["seeds"]`` does: a str is no
    list of one-letter paths, and a Path no iterable at all."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    write(folder, "a.txt", "First statement.")
    write(folder, "b.txt", "Second statement.")
    monkeypatch.chdir(tmp_path)
    listed = [s.id for s in diplodiff.load_statements(["corpus"])]
    assert listed == ["a", "b"]
    assert [s.id for s in diplodiff.load_statements("corpus")] == listed
    assert [s.id for s in diplodiff.load_statements(folder)] == listed
