"""Readers for what analysts have: saved pages, PDFs, tables, DataFrames, stdin, dates, catalogs.

The fixtures in tests/data/readers/ are made from the seeds by make_fixtures.py there: a
saved page with navigation, scripts and a footer around seed 004, seed 004 printed to a
hyphenated PDF, and a spreadsheet (CSV, XLSX) of the seeds. Each must diff against the plain
seed with no added, dropped or shifted change.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplodiff
from diplodiff import ChangeKind, Columns, DiplodiffWarning, LoadError, StatementFormatError
from diplodiff.cli.main import main
from diplodiff.read.dates import DateError, find_dateline, parse_date
from diplodiff.read.pdf import join_lines

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).parent / "data" / "readers"
SEED = "004_55e9fcd968524c2c"


def seed(stem: str) -> diplodiff.Statement:
    return diplodiff.load_statement(next(SEEDS.glob(f"{stem}*.txt")))


def changes(earlier: diplodiff.Statement, later: diplodiff.Statement,
            ) -> list[tuple[str, str | None, str | None]]:
    """The added, dropped and shifted changes, as (kind, earlier text, later text)."""
    return [(c.kind.value, c.earlier.text if c.earlier else None, c.later.text if c.later else None)
            for c in diplodiff.compare(earlier, later).changes if c.kind is not ChangeKind.KEPT]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2024-07-03", "3 July 2024", "July 3, 2024", "Wednesday, 3rd July 2024",
                                   "Jul. 3, 2024", "2024/07/03", "2024-07-03T09:00:00Z"])
def test_date_forms_read_as_one_day(value: str) -> None:
    """ISO dates and datetimes and English written dates all give the day they name."""
    assert parse_date(value).date == dt.date(2024, 7, 3)


def test_datetime_keeps_the_date_as_written() -> None:
    """A datetime with an offset gives its own calendar day, not the UTC one."""
    assert parse_date("2024-07-03T23:30:00-05:00").date == dt.date(2024, 7, 3)


def test_epoch_milliseconds_are_read_as_pandas_writes_them() -> None:
    """A number is epoch milliseconds (pandas' to_json default)."""
    assert parse_date(1719964800000).date == dt.date(2024, 7, 3)


def test_small_number_is_no_date() -> None:
    """A number that is no plausible epoch-millisecond value is refused, not read as 1970."""
    with pytest.raises(DateError, match="is a number"):
        parse_date(20240703)


def test_ambiguous_date_is_a_warning_not_a_guess() -> None:
    """03/07/2024 could be 3 July or 7 March: no date, and a warning saying both."""
    reading = parse_date("03/07/2024")
    assert reading.date is None
    assert reading.warning is not None
    assert "3 July 2024" in reading.warning
    assert "7 March 2024" in reading.warning


def test_numeric_date_with_a_day_over_12_is_plain() -> None:
    """23/07/2024 can only be 23 July."""
    assert parse_date("23/07/2024").date == dt.date(2024, 7, 23)


def test_date_without_year_needs_a_reference() -> None:
    """'3 July' alone is refused; the message says what to write."""
    with pytest.raises(DateError, match="has no year"):
        parse_date("3 July")


def test_date_without_year_takes_the_last_such_day_before_the_reference() -> None:
    """A dateline of 31 December published on 2 January is from the year before."""
    assert parse_date("December 31", reference=dt.date(2025, 1, 2)).date == dt.date(2024, 12, 31)


@pytest.mark.parametrize("value", ["next week", "2024-02-30", "20240703", "July 2024", "03/07/24"])
def test_unreadable_date_is_an_error(value: str) -> None:
    """Words that are no date, impossible days, compact or partial dates are refused."""
    with pytest.raises(DateError):
        parse_date(value)


def test_dateline_is_found_at_the_top_of_the_body() -> None:
    """A wire dateline gives its place, date words and agency."""
    dateline = find_dateline("NUR-SULTAN, June 7 (Xinhua) -- Kazakh President ...")
    assert dateline is not None
    assert (dateline.place, dateline.when, dateline.agency) == ("NUR-SULTAN", "June 7", "Xinhua")


def test_dateline_gives_the_event_date_with_the_header_year() -> None:
    """Seed 000: header 2025-04-27 (publication), dateline April 25: the date is 2025-04-25."""
    statement = diplodiff.load_statement(next(SEEDS.glob("000_*.txt")), auto_catalog=False)
    assert statement.date == dt.date(2025, 4, 25)
    assert any("dateline" in note for note in statement.notes)


def test_dateline_without_any_year_leaves_the_date_unknown() -> None:
    """No header and a yearless dateline: no date, and a note saying why."""
    statement = diplodiff.parse_statement("ALMATY, April 25 (Xinhua) -- Wang Yi met Nurtleu.", id="x")
    assert statement.date is None
    assert any("gives no year" in note for note in statement.notes)


def test_catalog_year_completes_a_yearless_dateline(tmp_path: Path) -> None:
    """A catalog's ``year`` column gives the year a dateline lacks."""
    (tmp_path / "a.txt").write_text("ALMATY, April 25 (Xinhua) -- Wang Yi met Nurtleu.", encoding="utf-8")
    (tmp_path / "catalog.csv").write_text("file,year\na.txt,2025\n", encoding="utf-8")
    assert diplodiff.load_statement(tmp_path / "a.txt").date == dt.date(2025, 4, 25)


def test_dateline_far_from_the_header_keeps_the_header_date() -> None:
    """A dateline months before the header's date is not believed over it."""
    statement = diplodiff.parse_statement(" date 2024-07-03 T\n\nALMATY, April 25 (Xinhua) -- Text.", id="x")
    assert statement.date == dt.date(2024, 7, 3)


def test_ambiguous_header_date_warns(tmp_path: Path) -> None:
    """An ambiguous header date leaves the statement undated with a DiplodiffWarning."""
    path = tmp_path / "s.txt"
    path.write_text("date: 03/07/2024\n\nBoth sides will deepen mutual trust.", encoding="utf-8")
    with pytest.warns(DiplodiffWarning, match="could be"):
        statement = diplodiff.load_statement(path)
    assert statement.date is None


def test_cli_prints_an_ambiguous_date_as_one_warning_line(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI reports the warning on stderr as one line and carries on."""
    path = tmp_path / "s.txt"
    path.write_text("date: 03/07/2024\n\nBoth sides will deepen mutual trust.", encoding="utf-8")
    status, _, err = run(["phrases", str(path)], capsys)
    assert status == 0
    assert [line for line in err.splitlines() if line] == [
        f"diplodiff: warning: {path}: date '03/07/2024' could be 3 July 2024 or 7 March 2024; "
        "left undated: write it as YYYY-MM-DD or give it in a catalog"]


# --- HTML -----------------------------------------------------------------------------------------


def test_saved_page_diffs_clean_against_its_seed() -> None:
    """Seed 004 wrapped in navigation, scripts and a footer reads as the seed itself."""
    page = diplodiff.load_statement(FIXTURES / f"{SEED}.html")
    assert changes(seed("004"), page) == []


def test_page_chrome_would_show_as_changes() -> None:
    """The fixture's chrome carries formulas: leaked into the text, they would be changes."""
    plain = seed("004")
    leaked = diplodiff.Statement(id="x", text=plain.text + "\n\nComprehensive Strategic Partnership News. "
                                 "Peaceful coexistence and non-interference in internal affairs.")
    assert changes(plain, leaked) != []


@pytest.mark.parametrize("chrome", ["Home", "Sitemap", "cookies", "dataLayer", "document.write",
                                    "Related", "Copyright", "all-weather"])
def test_page_chrome_never_reaches_the_text(chrome: str) -> None:
    """Navigation, scripts, sidebars and the footer are not in the statement text."""
    assert chrome not in diplodiff.load_statement(FIXTURES / f"{SEED}.html").text


def test_page_gives_its_title_and_date() -> None:
    """The headline and the published date come from the page."""
    page = diplodiff.load_statement(FIXTURES / f"{SEED}.html", auto_catalog=False)
    assert (page.title, page.date) == (seed("004").title, dt.date(2024, 7, 12))


def test_html_is_recognised_by_its_content(tmp_path: Path) -> None:
    """A page saved as .txt is still read as a page, not as markup."""
    path = tmp_path / "page.txt"
    path.write_bytes((FIXTURES / f"{SEED}.html").read_bytes())
    assert "<p>" not in diplodiff.load_statement(path).text


def test_page_without_article_text_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A page with nothing to read is exit 2 and one line naming it."""
    path = tmp_path / "empty.html"
    path.write_text("<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>",
                    encoding="utf-8")
    status, _, err = run(["phrases", str(path)], capsys)
    assert status == 2
    assert err.count("\n") == 1
    assert f"{path}: has no article text" in err


# --- PDF ------------------------------------------------------------------------------------------


def test_printed_pdf_diffs_clean_against_its_seed() -> None:
    """Seed 004 printed over several hyphenated pages reads as the seed itself."""
    printed = diplodiff.load_statement(FIXTURES / f"{SEED}.pdf")
    assert changes(seed("004"), printed) == []


def test_printed_pdf_keeps_every_word_in_page_order() -> None:
    """The PDF's words are the seed's words, in order, hyphens and all: pages kept in order,
    broken words joined, compounds broken at their hyphen (two-/way) kept."""
    printed = diplodiff.load_statement(FIXTURES / f"{SEED}.pdf", auto_catalog=False)
    plain = diplodiff.load_statement(SEEDS / f"{SEED}.txt", auto_catalog=False)
    assert re.findall(r"[\w'-]+", printed.text) == re.findall(r"[\w'-]+", plain.text.replace("\u2019", "'"))
    assert (printed.date, printed.title) == (plain.date, plain.title)


def test_pdf_fixture_spans_pages_and_breaks_words() -> None:
    """The fixture tests what it claims: several pages, words broken by hyphens."""
    from pypdf import PdfReader

    reader = PdfReader(FIXTURES / f"{SEED}.pdf")
    raw = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) > 1
    assert re.search(r"[a-z]-\n[a-z]", raw)


@pytest.mark.parametrize(("lines", "joined"), [
    (["deepen coope-", "ration now"], "deepen cooperation now"),
    (["cross-", "ing the river"], "crossing the river"),
])
def test_hyphenated_line_end_is_joined(lines: list[str], joined: str) -> None:
    """A word broken by a hyphen at a line end is one word again."""
    assert join_lines(lines) == joined


@pytest.mark.parametrize(("lines", "joined"), [
    (["the China-", "Kazakhstan ties"], "the China-Kazakhstan ties"),
    (["people-to-", "people ties"], "people-to-people ties"),
    (["high-", "quality growth and high-quality ties"], "high-quality growth and high-quality ties"),
    (["expand two-", "way trade"], "expand two-way trade"),
    (["for their well-", "being"], "for their well-being"),
])
def test_real_hyphen_at_a_line_end_is_kept(lines: list[str], joined: str) -> None:
    """Compounds keep their hyphen: before a capital, inside a compound, or as written elsewhere."""
    assert join_lines(lines) == joined


def test_blank_line_in_a_pdf_layout_ends_a_paragraph() -> None:
    """Paragraphs stay paragraphs; lines inside one are joined with a space."""
    assert join_lines(["One line", "and the next.", "", "New paragraph."]) == \
        "One line and the next.\n\nNew paragraph."


@pytest.mark.parametrize(("data", "message"), [
    (b"not a pdf at all", "is not a PDF"),
    (b"%PDF-1.4\n garbage", "is not a readable PDF"),
])
def test_bad_pdf_is_one_error(tmp_path: Path, data: bytes, message: str) -> None:
    """A .pdf that is not one, or is broken, is a LoadError naming it."""
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    with pytest.raises(LoadError, match=re.escape(f"{path}: {message}")):
        diplodiff.load_statement(path)


# --- tables and records ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["seeds.csv", "seeds.xlsx"])
def test_spreadsheet_rows_diff_clean_against_their_seeds(name: str) -> None:
    """Each row of the seeds' spreadsheet reads as its seed, with the catalog's date and title."""
    rows = diplodiff.load_statements([FIXTURES / name])
    assert len(rows) == 5
    for row in rows:
        plain = seed(row.id[:3])
        assert changes(plain, row) == [], row.id
        assert (row.date, row.title) == (plain.date, plain.title)


def test_tsv_is_read_with_tabs(tmp_path: Path) -> None:
    """A .tsv is split on tabs, whatever commas its text holds."""
    path = tmp_path / "s.tsv"
    path.write_text("id\ttext\na\tBoth sides, in Astana, will deepen trust.\n", encoding="utf-8")
    assert diplodiff.load_statement(path).text == "Both sides, in Astana, will deepen trust."


def test_pandas_json_lines_load_as_written() -> None:
    """pandas' to_json(orient="records", lines=True): epoch-ms dates, ``body``, nulls, int ids."""
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": [1, 2], "body": ["Both sides will deepen trust.", "Text two."],
                          "date": [pd.Timestamp("2024-07-03"), pd.NaT], "outlet": ["Xinhua", None]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas' notice that its date default will change
        text = frame.to_json(orient="records", lines=True)
    statements = diplodiff.from_records(json.loads(line) for line in text.splitlines())
    assert [(s.id, s.date, s.get("outlet")) for s in statements] == [
        ("1", dt.date(2024, 7, 3), "Xinhua"), ("2", None, None)]


def test_pandas_iso_json_lines_load_from_a_file(tmp_path: Path) -> None:
    """The same with date_format="iso", read from a .jsonl file."""
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"body": ["Both sides will deepen trust."],
                          "published": [pd.Timestamp("2024-07-03 20:00")]})
    path = tmp_path / "s.jsonl"
    path.write_text(frame.to_json(orient="records", lines=True, date_format="iso"), encoding="utf-8")
    assert diplodiff.load_statement(path).date == dt.date(2024, 7, 3)


def test_from_frame_reads_a_dataframe_with_a_named_index() -> None:
    """A DataFrame indexed by id gives one statement per row, ids from the index."""
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"doc": ["a", "b"], "content": ["First text.", "Second text."],
                          "when": pd.to_datetime(["2024-07-03", "2025-04-25"])}).set_index("doc")
    statements = diplodiff.from_frame(frame, date="when")
    assert [(s.id, s.date) for s in statements] == [("a", dt.date(2024, 7, 3)), ("b", dt.date(2025, 4, 25))]


def test_from_records_numbers_rows_without_an_id() -> None:
    """Records without an id column are NAME:N, counting from 1."""
    statements = diplodiff.from_records([{"text": "One."}, {"text": "Two."}], name="scrape")
    assert [s.id for s in statements] == ["scrape:1", "scrape:2"]


def test_named_columns_are_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--text-column/--date-column/--id-column/--title-column pick the columns."""
    path = tmp_path / "s.csv"
    path.write_text("key,when,head,readout\nk1,3 July 2024,Heads meet,Both sides will deepen trust.\n",
                    encoding="utf-8")
    status, out, _ = run(["phrases", str(path), "--text-column", "readout", "--date-column", "when",
                          "--id-column", "key", "--title-column", "head"], capsys)
    assert status == 0
    assert out.startswith("k1 (2024-07-03)")


def test_missing_named_column_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A named column that is not there: exit 2, one line naming the file and the columns it has."""
    path = tmp_path / "s.csv"
    path.write_text("id,text\na,Both sides will deepen trust.\n", encoding="utf-8")
    status, _, err = run(["phrases", str(path), "--text-column", "readout"], capsys)
    assert status == 2
    assert err == (f"diplodiff: error: {path}: has no 'readout' column (it has 'id', 'text'); "
                   "check --text-column (text= in Python)\n")


def test_table_without_text_column_named_is_an_error(tmp_path: Path) -> None:
    """A table named as input with no text column says how to name it."""
    path = tmp_path / "s.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(LoadError, match="--text-column"):
        diplodiff.load_statements([path])


def test_table_without_text_column_in_a_directory_is_skipped_with_a_warning(tmp_path: Path) -> None:
    """In a directory, a table that holds no statements is skipped, and a warning names it."""
    (tmp_path / "a.txt").write_text("Both sides will deepen trust.", encoding="utf-8")
    (tmp_path / "scores.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.warns(DiplodiffWarning, match="scores.csv"):
        assert [s.id for s in diplodiff.load_statements([tmp_path])] == ["a"]


def test_record_with_bad_date_names_the_row(tmp_path: Path) -> None:
    """A CSV row with an unreadable date is an error naming the file and the line."""
    path = tmp_path / "s.csv"
    path.write_text("text,date\nFirst.,2024-07-03\nSecond.,someday\n", encoding="utf-8")
    with pytest.raises(StatementFormatError, match=re.escape(f"{path}:3:")):
        diplodiff.load_statements([path])


def test_old_xls_is_refused_with_a_hint(tmp_path: Path) -> None:
    """An .xls workbook is refused with what to do."""
    path = tmp_path / "s.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(LoadError, match=re.escape("save it as .xlsx or .csv")):
        diplodiff.load_statement(path)


def test_columns_default_to_usual_names() -> None:
    """Without names, body/published/headline are found."""
    found = Columns().resolve(["Headline", "body", "published"])
    assert (found["text"], found["date"], found["title"]) == ("body", "published", "Headline")


# --- standard input, catalogs, order --------------------------------------------------------------


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """``diff - LATER`` reads EARLIER from standard input."""
    data = (SEEDS / f"{SEED}.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, _ = run(["diff", "-", str(SEEDS / f"{SEED}.txt"), "--format", "json"], capsys)
    assert status == 0
    assert json.loads(out)["earlier"]["id"] == "stdin"


def test_standard_input_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page piped in is read as a page."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((FIXTURES / f"{SEED}.html").read_bytes())))
    assert diplodiff.load_statement("-").title == seed("004").title


def test_dash_twice_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Standard input cannot be both statements."""
    status, _, err = run(["diff", "-", "-"], capsys)
    assert status == 2
    assert "standard input can be read only once" in err


def test_catalog_beside_the_files_applies_to_diff(capsys: pytest.CaptureFixture[str]) -> None:
    """``diff`` on two seed files uses seeds/catalog.csv: event dates and titles."""
    status, out, _ = run(["diff", str(SEEDS / f"{SEED}.txt"), str(next(SEEDS.glob("000_*.txt"))),
                          "--format", "json"], capsys)
    report = json.loads(out)
    assert status == 0
    assert (report["earlier"]["date"], report["earlier"]["title"]) == (
        "2024-07-03", "Xi Jinping and Tokayev jointly meet the press in Astana")


def test_catalog_applies_to_python_loading() -> None:
    """load_statements(["seeds"]) lays seeds/catalog.csv over the files."""
    dates = {s.id[:3]: s.date for s in diplodiff.load_statements([SEEDS])}
    assert dates["002"] == dt.date(2022, 6, 8)


def test_auto_catalog_can_be_turned_off() -> None:
    """auto_catalog=False reads the files alone."""
    dates = {s.id[:3]: s.date for s in diplodiff.load_statements([SEEDS], auto_catalog=False)}
    assert dates["002"] is None


def test_catalog_applied_twice_is_applied_once() -> None:
    """Laying the same catalog twice changes nothing more."""
    catalog = diplodiff.load_catalog(SEEDS / "catalog.csv")
    once = seed("004")
    assert catalog.apply(once) == once


def test_phrases_uses_the_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    """``phrases`` shows the catalog's date."""
    status, out, _ = run(["phrases", str(next(SEEDS.glob("002_*.txt")))], capsys)
    assert status == 0
    assert out.startswith("002_5a3123e64fdcf8d1 (2022-06-08)")


def test_earlier_dated_after_later_is_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    """EARLIER newer than LATER: the diff runs, and stderr says so in one line."""
    status, _, err = run(["diff", str(next(SEEDS.glob("000_*.txt"))), str(SEEDS / f"{SEED}.txt")], capsys)
    assert status == 0
    assert err.startswith("diplodiff: warning: EARLIER (000_ae7edd6c8a22359c, 2025-04-25) is dated after "
                          "LATER (004_55e9fcd968524c2c, 2024-07-03)")
    assert err.count("\n") == 1


def test_directory_reads_every_form(tmp_path: Path) -> None:
    """A directory's pages, PDFs and tables are read; its catalog is not a statement."""
    for name in (f"{SEED}.html", f"{SEED}.pdf", "seeds.csv"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    (tmp_path / "catalog.csv").write_text("file,date\nx.txt,2024-01-01\n", encoding="utf-8")
    assert len(diplodiff.load_statements([tmp_path])) == 7


def test_readers_are_imported_lazily() -> None:
    """``import diplodiff`` loads none of the readers' libraries."""
    heavy = ("trafilatura", "lxml", "pypdf", "openpyxl", "dateutil", "pandas")
    code = f"import sys, diplodiff; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_seeds_load_without_the_readers_libraries() -> None:
    """Plain statements with ISO dates and datelines load without dateutil, any reader library or
    the table readers."""
    heavy = ("trafilatura", "pypdf", "openpyxl", "dateutil", "diplodiff.read.records")
    code = ("import sys, diplodiff; diplodiff.load_statements(['seeds']); "
            f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout
    assert out.strip() == "[]"


def test_rarer_written_dates_are_read_too() -> None:
    """A written date with a time of day goes past the common forms and is still read."""
    assert parse_date("3 July 2024 10:30").date == dt.date(2024, 7, 3)


def test_csv_fixture_is_the_seeds() -> None:
    """The spreadsheet fixture holds the five seeds' text (so the clean diffs mean something)."""
    with (FIXTURES / "seeds.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["id"] for r in rows) == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_page_date_gives_a_dateline_its_year(tmp_path: Path) -> None:
    """A wire story saved from a page: the dateline's day, the page's year."""
    path = tmp_path / "wire.html"
    path.write_text('<!DOCTYPE html><html><head><meta property="article:published_time" content="2024-07-04">'
                    "</head><body><article><h1>Xi meets Tokayev</h1><p>ASTANA, July 3 (Xinhua) -- Chinese "
                    "President Xi Jinping met Kazakh President Tokayev on Wednesday.</p><p>Both sides "
                    "agreed to deepen the permanent comprehensive strategic partnership.</p></article>"
                    "</body></html>",
                    encoding="utf-8")
    assert diplodiff.load_statement(path).date == dt.date(2024, 7, 3)


def test_page_in_a_legacy_encoding_is_read(tmp_path: Path) -> None:
    """A page saved as windows-1252 (it says so) reads with its curly quotes."""
    path = tmp_path / "old.html"
    page = ('<!DOCTYPE html><html><head><meta charset="windows-1252"></head><body><article>'
            "<p>Both sides hailed the \u201cgolden bridge\u201d of friendship between the two "
            "countries and agreed to deepen cooperation.</p></article></body></html>")
    path.write_bytes(page.encode("cp1252"))
    assert "\u201cgolden bridge\u201d" in diplodiff.load_statement(path).text


def test_unnamed_index_column_is_not_metadata(tmp_path: Path) -> None:
    """df.to_csv() writes its index as an unnamed first column; it is left out."""
    path = tmp_path / "s.csv"
    path.write_text(",text,outlet\n0,Both sides will deepen trust.,Xinhua\n", encoding="utf-8")
    assert diplodiff.load_statement(path).meta == (("outlet", "Xinhua"),)


def test_dateline_with_a_region_is_found() -> None:
    """A place with a region after a comma still opens a dateline."""
    dateline = find_dateline("WASHINGTON, D.C., July 3 (Reuters) - The two sides ...")
    assert dateline is not None
    assert (dateline.place, dateline.when) == ("WASHINGTON, D.C.", "July 3")


def test_non_text_cell_in_the_text_column_says_so(tmp_path: Path) -> None:
    """A number where the text should be names the column and the row."""
    with pytest.raises(StatementFormatError, match=r"records:1: 'text' must be text, not int"):
        diplodiff.from_records([{"text": 7}])


def test_pdf_metadata_title_is_used_when_the_text_gives_none(tmp_path: Path) -> None:
    """A PDF whose text has no title line takes its document title."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    path = tmp_path / "joint.pdf"
    SimpleDocTemplate(str(path), pagesize=A5, title="Joint Statement of China and Kazakhstan").build(
        [Paragraph("Both sides agreed to deepen the comprehensive strategic partnership.",
                   getSampleStyleSheet()["BodyText"])])
    assert diplodiff.load_statement(path).title == "Joint Statement of China and Kazakhstan"


_DATE_LIKE = (r"[0-3]?\d[/. ][01]?\d[/. ]\d{2,4}",
              r"(Mon|Wed)?,? ?\d{1,2}(st|th)? (July|Sept\.?|of May) ?\d{0,5}",
              r"[A-Za-z ,.0-9]{0,10}(May|June|Dec)[A-Za-z ,.0-9:+-]{0,25}")


@given(st.one_of(st.text(max_size=80), st.integers(), st.floats(), st.none(), st.booleans(), st.dates(),
                 *(st.from_regex(pattern, fullmatch=True) for pattern in _DATE_LIKE)))
@settings(max_examples=400, deadline=None)
def test_any_value_is_a_date_none_or_a_date_error(value: object) -> None:
    """Whatever a source holds, parse_date gives a date, nothing, or a DateError: never another error."""
    try:
        reading = parse_date(value, reference=dt.date(2024, 7, 4))
    except DateError:
        return
    assert reading.date is None or isinstance(reading.date, dt.date)


@given(st.lists(st.text(alphabet="ab- \u00ad\n", max_size=12), max_size=12))
@settings(max_examples=300, deadline=None)
def test_joining_pdf_lines_keeps_every_letter(lines: list[str]) -> None:
    """Joining lines drops only hyphens and spacing, never a letter."""
    letters = [c for line in lines for c in line if c.isalpha()]
    assert [c for c in join_lines(lines) if c.isalpha()] == letters


_MESSY_PREFIXES = (b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<!DOCTYPE html><html><body><p>", b"text,date\n",
                   b'{"text": ')


@given(st.sampled_from([".pdf", ".xlsx", ".html", ".csv", ".tsv", ".jsonl", ".json", ".txt", ""]),
       st.sampled_from(_MESSY_PREFIXES), st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_bytes_load_or_give_a_load_error(suffix: str, prefix: bytes, body: bytes) -> None:
    """Any bytes under any reader's name give statements or a LoadError: never another error."""
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"messy{suffix}"
        path.write_bytes(prefix + body)
        message = ""
        try:
            statements = diplodiff.load_statements([path], auto_catalog=False)
        except LoadError as exc:
            message, statements = str(exc), ()
        assert message == "" or (str(path) in message and "\n" not in message)
        assert all(s.text.strip() for s in statements)


def test_record_dateline_gives_the_event_date() -> None:
    """A scraped wire story: the dateline's day, the published column's year, as in a text file."""
    rows = [{"text": "ASTANA, July 3 (Xinhua) -- Both sides agreed to deepen trust.",
             "published": "2024-07-04"}]
    assert diplodiff.from_records(rows)[0].date == dt.date(2024, 7, 3)


def test_timeline_of_some_seed_files_uses_their_catalog_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    """Two files from a folder with a catalog: its dates apply, and its other rows are no warning."""
    files = [str(SEEDS / f"{SEED}.txt"), str(next(SEEDS.glob("000_*.txt")))]
    status, out, err = run(["timeline", *files, "--format", "json", "--quiet"], capsys)
    assert status == 0
    assert [s["date"] for s in json.loads(out)["statements"]] == ["2024-07-03", "2025-04-25"]
    assert err == ""


_MINISTRY_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Wang Yi Meets Nurtleu_Ministry</title></head><body>
<ul class="nav"><li><a href="/">Home</a></li><li><a href="/news/">News</a></li></ul>
<div class="news-title"><h1>Wang Yi Meets with Kazakh Foreign Minister Murat Nurtleu</h1></div>
<p class="time">Updated: July 04, 2024 10:15</p><div class="news-main">
<p>On July 3, 2024, Foreign Minister Wang Yi met with Kazakh Foreign Minister Murat Nurtleu in Astana.</p>
<p>Wang Yi said that China and Kazakhstan are permanent comprehensive strategic partners.</p></div>
<div class="share">Share: <a>Weibo</a> <a>WeChat</a></div>
<div class="footer"><p>Copyright Ministry of Foreign Affairs</p></div></body></html>"""


def test_page_time_stamp_is_the_date_not_the_text(tmp_path: Path) -> None:
    """A ministry page's "Updated: ..." line dates the page and stays out of the text."""
    path = tmp_path / "mfa.html"
    path.write_text(_MINISTRY_PAGE, encoding="utf-8")
    page = diplodiff.load_statement(path)
    assert (page.date, page.text.split()[:3]) == (dt.date(2024, 7, 4), ["On", "July", "3,"])
    assert not any(note.startswith("date unknown") for note in page.notes)


def test_long_statement_in_a_csv_cell_is_read(tmp_path: Path) -> None:
    """A text over csv's default 128 KiB cell limit is still one statement."""
    text = "Both sides will deepen mutual trust. " * 5_000
    path = tmp_path / "long.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "text"], ["long", text]])
    assert len(diplodiff.load_statement(path).text) == len(text)


def test_workbook_that_unpacks_to_too_much_is_refused(tmp_path: Path) -> None:
    """A small .xlsx that would unpack past the limit is refused before it is opened."""
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 3_000_000)
    with pytest.raises(LoadError, match="unpacks to 3 MB"):
        diplodiff.load_statement(path, options=diplodiff.Options(max_bytes=10_000))
