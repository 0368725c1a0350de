"""Shared output escaping: terminals, Markdown and spreadsheets read no active content."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

import diplodiff
from diplodiff.render.escape import csv_cell, markdown, one_line, valid_text, visible


@pytest.mark.parametrize(("raw", "shown"), [
    ("\x1b[2J", "\\x1b[2J"), ("bell\x07", "bell\\x07"), ("a\u202eb", "a\\u202eb"),
    ("tab\there", "tab\\there"), ("\x9b31m", "\\x9b31m"), ("x\udcffy", "x\\xffy"),
])
def test_visible_escapes_control_characters(raw: str, shown: str) -> None:
    """Control, bidi and undecodable characters reach the terminal as escapes."""
    assert visible(raw) == shown


def test_visible_keeps_ordinary_text() -> None:
    """Letters, accents, CJK and punctuation pass unchanged."""
    text = "Kassym-Jomart Tokayev \u2014 \u4e2d\u56fd \u00e9t\u00e9 \"quoted\""
    assert visible(text) == text


def test_one_line_collapses_newlines() -> None:
    """A title with a newline stays on one output line."""
    assert one_line("  a\n\nb\r\n c ") == "a b c"


@pytest.mark.parametrize("raw", ["<script>alert(1)</script>", "a | b", "[x](http://e)", "**bold**",
                                 "`code`", "line\n# heading", "![img](x)", "&lt;"])
def test_markdown_leaves_no_active_character(raw: str) -> None:
    """Every Markdown-active character is backslash-escaped and the text is one line."""
    out = markdown(raw)
    assert "\n" not in out
    unescaped = [c for i, c in enumerate(out) if c in "<>|[]*`#!&" and (i == 0 or out[i - 1] != "\\")]
    assert unescaped == []


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                                  "\t=1"])
def test_csv_cell_neutralises_formulas(cell: str) -> None:
    """A cell a spreadsheet would run gets a leading quote."""
    assert csv_cell(cell) == "'" + cell


def test_csv_cell_passes_numbers_and_plain_text() -> None:
    """Numbers and ordinary text are not altered."""
    assert (csv_cell(-3), csv_cell("strategic partnership")) == (-3, "strategic partnership")


def test_csv_cell_round_trips_through_csv() -> None:
    """The neutralised cell survives the csv module unchanged."""
    out = io.StringIO()
    csv.writer(out).writerow([csv_cell("=1+1")])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'=1+1"]


def test_valid_text_replaces_lone_surrogates() -> None:
    """A non-UTF-8 file name becomes encodable text."""
    assert valid_text("a\udcffb").encode("utf-8") == "a\ufffdb".encode()


def _pair(title: str) -> diplodiff.Comparison:
    text = 'China and Kazakhstan are strategic partners. "=HYPERLINK(1) evil words" it said.'
    a = diplodiff.Statement(id="a\x1b]0;x\x07", title=title, date=dt.date(2024, 1, 1), text=text)
    b = diplodiff.Statement(id="b", title=title, date=dt.date(2024, 2, 1),
                            text="China and Kazakhstan are comprehensive strategic partners.")
    return diplodiff.compare(a, b)


def test_text_report_has_no_raw_escape() -> None:
    """ESC and BEL from ids and titles never reach the terminal raw."""
    out = diplodiff.to_text(_pair("t\x1b[31m\x07"), show_kept=True)
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\\x1b" in out


def test_markdown_report_title_is_escaped() -> None:
    """A title carrying HTML and a newline is one escaped line."""
    out = diplodiff.to_markdown(_pair("<script>x</script>\n# big"))
    assert "<script>" not in out
    assert "\n# big" not in out


def _timeline(title: str, phrase: str) -> diplodiff.Timeline:
    texts = [f'Both sides said "{phrase} road" again. China and Kazakhstan are strategic partners.'] * 2
    statements = [diplodiff.Statement(id=f"s{i}", title=title, date=dt.date(2024, 1, i + 1), text=t)
                  for i, t in enumerate(texts)]
    return diplodiff.track(statements, workers=1)


def test_timeline_markdown_table_keeps_its_columns() -> None:
    """A | or newline in a title does not add a cell or a row to the table."""
    out = diplodiff.to_markdown(_timeline("a | b\n| c", "golden"))
    row = next(line for line in out.splitlines() if line.startswith("| 1 |"))
    assert row.replace("\\|", "").count("|") == 5


def test_timeline_csv_cells_are_not_formulas() -> None:
    """No CSV cell opens with a formula character."""
    out = diplodiff.to_csv(_timeline("t", "=HYPERLINK(1) evil"))
    cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
    assert any("HYPERLINK" in c for c in cells)
    assert [c for c in cells if c.startswith(("=", "+", "-", "@"))] == []


def test_csv_cell_shows_control_characters() -> None:
    """ESC in a cell is shown as an escape; tabs and line ends inside a cell are kept."""
    assert csv_cell("a\x1b[2Jb\tc\nd") == "a\\x1b[2Jb\tc\nd"


def test_valid_text_handler_encodes_as_valid_text_does() -> None:
    """A stream opened with errors=VALID_TEXT writes what valid_text would give."""
    import io

    from diplodiff.render.escape import VALID_TEXT

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors=VALID_TEXT)
    stream.write("a\udcff\ud800b \u00e9")
    stream.flush()
    assert raw.getvalue() == valid_text("a\udcff\ud800b \u00e9").encode("utf-8")
