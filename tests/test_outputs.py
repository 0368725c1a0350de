"""What analysts take away: CSV, the to_* renderers, short reprs, pandas, and the CLI's manners."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import diplodiff
from diplodiff._models import CHANGE_COLUMNS
from diplodiff.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EARLIER, LATER = SEEDS / "004_55e9fcd968524c2c.txt", SEEDS / "000_ae7edd6c8a22359c.txt"
EVIL = "<script>window.__pwned=1</script>"


@pytest.fixture(scope="module")
def seed_diff() -> diplodiff.Comparison:
    return diplodiff.compare(diplodiff.load_statement(EARLIER), diplodiff.load_statement(LATER))


@pytest.fixture(scope="module")
def seeds() -> diplodiff.Timeline:
    return diplodiff.track(diplodiff.load_statements([SEEDS]), workers=1,
                           catalog=diplodiff.load_catalog(SEEDS / "catalog.csv"))


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --- CSV -------------------------------------------------------------------------------------------


def test_diff_csv_has_one_row_per_change(seed_diff: diplodiff.Comparison,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """`diff --format csv` writes the flattened columns and one row per change, in report order."""
    assert main(["diff", str(EARLIER), str(LATER), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split(",") == list(CHANGE_COLUMNS)
    rows = _rows(out)
    assert [(r["kind"], r["formula"]) for r in rows] == [(c.kind.value, c.phrase.formula)
                                                         for c in seed_diff.changes]


def test_diff_csv_flattens_both_sides(seed_diff: diplodiff.Comparison) -> None:
    """A shifted change fills the earlier_* and later_* columns; an added one leaves earlier_* empty."""
    rows = _rows(diplodiff.to_csv(seed_diff))
    shifted = next(r for r in rows if r["kind"] == "shifted")
    change = next(c for c in seed_diff.changes if c.kind is diplodiff.ChangeKind.SHIFTED)
    assert change.earlier is not None
    assert change.later is not None
    assert (shifted["earlier_text"], shifted["later_text"]) == (change.earlier.text, change.later.text)
    assert shifted["shift"] == " | ".join(s.value for s in change.shift)
    assert int(shifted["later_start"]) == change.later.span.start
    added = next(r for r in rows if r["kind"] == "added")
    assert added["earlier_text"] == added["earlier_start"] == ""


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_neutralises_formula_cells(start: str) -> None:
    """A cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    payload = f"{start}HYPERLINK(\"http://x\")"
    a = diplodiff.Statement(id=payload, text="Both sides will deepen political mutual trust.")
    b = diplodiff.Statement(id="b", text="Both sides will deepen strategic mutual trust.")
    row = _rows(diplodiff.to_csv(diplodiff.compare(a, b)))[0]
    assert row["earlier_statement"] == "'" + payload
    assert row["later_statement"] == "b"


def test_excel_flag_adds_a_bom(tmp_path: Path) -> None:
    """--excel starts the CSV with a UTF-8 byte order mark; without it there is none."""
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    assert main(["diff", str(EARLIER), str(LATER), "-f", "csv", "-o", str(plain)]) == 0
    assert main(["diff", str(EARLIER), str(LATER), "-f", "csv", "--excel", "-o", str(excel)]) == 0
    assert excel.read_bytes() == b"\xef\xbb\xbf" + plain.read_bytes()


def test_excel_without_csv_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--excel with another format says it applies to CSV only (exit 2)."""
    assert main(["diff", str(EARLIER), str(LATER), "--excel"]) == 2
    assert "--excel applies to --format csv only" in capsys.readouterr().err


def test_phrases_csv_matches_the_text_listing(capsys: pytest.CaptureFixture[str]) -> None:
    """`phrases --format csv` has one row per line of the text listing, same counts and wordings."""
    assert main(["phrases", str(LATER)]) == 0
    listed = [line.strip().split("  ")[:2] for line in capsys.readouterr().out.splitlines()[1:]]
    assert main(["phrases", str(LATER), "--format", "csv"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert [[r["count"], r["text"]] for r in rows] == listed


def test_phrases_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`phrases --format json` gives each statement with its phrases, counts and categories."""
    assert main(["phrases", str(EARLIER), str(LATER), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 1
    assert [s["id"] for s in data["statements"]] == [EARLIER.stem, LATER.stem]
    top = next(p for p in data["statements"][0]["phrases"]
               if p["formula"] == "partnership.permanent-comprehensive-strategic")
    assert top["count"] == 2
    assert top["category"] == "partnership_label"


# --- the to_* scheme -------------------------------------------------------------------------------


def test_to_text_dispatches_on_the_result(seeds: diplodiff.Timeline) -> None:
    """to_text of a timeline is the timeline report; of a latest report, the latest report."""
    assert diplodiff.to_text(seeds).startswith("timeline: 5 dated statement(s)")
    assert diplodiff.to_text(diplodiff.check_latest(seeds)).startswith("latest: ")


def test_to_dict_is_what_to_json_prints(seed_diff: diplodiff.Comparison, seeds: diplodiff.Timeline) -> None:
    """to_json(result) is json of to_dict(result), for every result type."""
    for result in (seed_diff, seeds, diplodiff.check_latest(seeds), diplodiff.analyse(seed_diff.later)):
        assert json.loads(diplodiff.to_json(result)) == diplodiff.to_dict(result)


def test_format_a_result_lacks_is_a_type_error(seeds: diplodiff.Timeline) -> None:
    """A latest report has no HTML form; the error names the forms it has."""
    with pytest.raises(TypeError, match="has no html form; it has text, markdown, json, csv"):
        diplodiff.to_html(diplodiff.check_latest(seeds))
    with pytest.raises(TypeError, match="cannot render a str"):
        diplodiff.to_text("not a result")  # type: ignore[arg-type]


def test_old_renderer_names_still_work(seed_diff: diplodiff.Comparison) -> None:
    """Names from before the to_* scheme still import and give the same output."""
    from diplodiff import render_text, timeline_to_csv

    assert render_text(seed_diff) == diplodiff.to_text(seed_diff)
    assert callable(timeline_to_csv)
    assert "render_text" not in diplodiff.__all__


# --- notebook and pandas ---------------------------------------------------------------------------


def test_reprs_are_short(seed_diff: diplodiff.Comparison, seeds: diplodiff.Timeline) -> None:
    """Every result's repr is one line under 200 characters, even with very long ids."""
    long = diplodiff.Statement(id="x" * 500, text="Both sides praised the strategic partnership.")
    results = [seed_diff, seeds, diplodiff.check_latest(seeds), diplodiff.analyse(seed_diff.later),
               diplodiff.compare(long, long)]
    for result in results:
        text = repr(result)
        assert len(text) < 200, text
        assert "\n" not in text


def test_comparison_repr_says_what_changed(seed_diff: diplodiff.Comparison) -> None:
    """The repr names both statements and the counts."""
    counts = seed_diff.counts()
    assert repr(seed_diff) == (f"<Comparison {EARLIER.stem} -> {LATER.stem}: {counts['added']} added, "
                               f"{counts['dropped']} dropped, {counts['shifted']} shifted, "
                               f"{counts['kept']} kept>")


def test_repr_html_is_a_compact_escaped_table(seeds: diplodiff.Timeline) -> None:
    """_repr_html_ is a table with a bounded number of rows; statement text is escaped."""
    a = diplodiff.Statement(id=EVIL, text=f"A strategic partnership. {EVIL}")
    b = diplodiff.Statement(id="b", text="A comprehensive strategic partnership.")
    page = diplodiff.compare(a, b)._repr_html_()
    assert "<table>" in page
    assert EVIL not in page
    grid = seeds._repr_html_()
    assert grid.count("<tr>") <= 31
    assert "more formula(s)" in grid


def test_comparison_to_pandas(seed_diff: diplodiff.Comparison) -> None:
    """One row per change; positions are nullable integers (an added change has no earlier_start)."""
    frame = seed_diff.to_pandas()
    assert list(frame.columns) == list(CHANGE_COLUMNS)
    assert len(frame) == len(seed_diff.changes)
    assert str(frame["earlier_start"].dtype) == "Int64"
    added = frame[frame["kind"] == "added"]
    assert added["earlier_start"].isna().all()
    assert frame.to_dict("records")[0]["later_text"] == seed_diff.changes[0].phrase.text


def test_timeline_to_pandas(seeds: diplodiff.Timeline) -> None:
    """One row per formula per statement, with a datetime date column."""
    frame = seeds.to_pandas()
    assert len(frame) == sum(len(h.occurrences) for h in seeds.formulas)
    assert str(frame["date"].dtype).startswith("datetime64")
    per_statement = frame.groupby("statement").size()
    assert set(per_statement.index) == {s.id for s in seeds.statements}


def test_to_records_needs_no_pandas(seed_diff: diplodiff.Comparison, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_records works and to_pandas says what to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    assert len(seed_diff.to_records()) == len(seed_diff.changes)
    with pytest.raises(ImportError, match="pip install pandas"):
        seed_diff.to_pandas()


def test_import_does_not_load_pandas() -> None:
    """pandas is imported only when a DataFrame is asked for."""
    code = "import sys, diplodiff; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_compare_accepts_paths(seed_diff: diplodiff.Comparison) -> None:
    """compare() loads a str or Path itself, giving what it gives for the loaded statements."""
    assert diplodiff.compare(str(EARLIER), LATER) == seed_diff


def test_analyse_and_extract_phrases_accept_paths() -> None:
    """analyse() and extract_phrases() load a str or Path as compare() does, and say what
    they take when given anything else."""
    loaded = diplodiff.analyse(diplodiff.load_statement(EARLIER))
    assert diplodiff.analyse(str(EARLIER)) == loaded
    assert diplodiff.extract_phrases(EARLIER) == loaded.phrases
    with pytest.raises(TypeError, match=r"analyse\(\) takes a Statement or a file path, not int"):
        diplodiff.analyse(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"extract_phrases\(\) takes a Statement or a file path, not int"):
        diplodiff.extract_phrases(42)  # type: ignore[arg-type]


def test_compare_refuses_other_types() -> None:
    """Anything but a Statement or a path is a TypeError that says what it takes."""
    with pytest.raises(TypeError, match="Statement or a file path"):
        diplodiff.compare(42, "x.txt")  # type: ignore[arg-type]


# --- HTML ------------------------------------------------------------------------------------------


def test_diff_page_is_self_contained(seed_diff: diplodiff.Comparison) -> None:
    """The page loads nothing: no external URL in src/href, and a CSP that forbids it anyway."""
    page = diplodiff.to_html(seed_diff)
    assert "default-src 'none'" in page
    assert " src=" not in page
    assert 'href="http' not in page


def test_diff_page_lists_every_change(seed_diff: diplodiff.Comparison) -> None:
    """Each change has its entry, and each side it has its highlight anchor."""
    page = diplodiff.to_html(seed_diff)
    for n, change in enumerate(seed_diff.changes, 1):
        assert f'id="change-{n}"' in page
        assert (f'id="e{n}"' in page) == (change.earlier is not None)
        assert (f'id="l{n}"' in page) == (change.later is not None)


def test_diff_page_escapes_statement_text() -> None:
    """Markup in text, ids and titles comes out escaped."""
    hostile = '<img src=x onerror="alert(1)">'
    a = diplodiff.Statement(id=EVIL, title=hostile,
                            text=f"Both sides will deepen political mutual trust. {EVIL}")
    b = diplodiff.Statement(id="b", text=f"{hostile} Both sides will deepen strategic mutual trust.")
    page = diplodiff.to_html(diplodiff.compare(a, b))
    assert EVIL not in page
    assert hostile not in page
    assert page.count("<script>") == 1


def test_diff_cli_writes_html(tmp_path: Path) -> None:
    """`diff --format html -o FILE` writes the page."""
    out = tmp_path / "diff.html"
    assert main(["diff", str(EARLIER), str(LATER), "--format", "html", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- the CLI's manners -----------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["diff", "phrases", "timeline"])
def test_help_has_examples_and_exit_codes(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each command's --help ends with examples of its use and the exit statuses."""
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert f"examples:\n  diplodiff {command} " in out
    assert "exit status:\n  0 " in out


@pytest.mark.parametrize("command", [["diff", "a.txt", "b.txt"], ["phrases", "a.txt"], ["timeline", "d"]])
def test_unknown_option_points_to_the_command_help(command: list[str],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown option is one line naming it and that command's --help."""
    assert main([*command, "--bogus"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--bogus" in err
    assert f"(see 'diplodiff {command[0]} --help')" in err


def test_color_always_colours_a_pipe(capsys: pytest.CaptureFixture[str]) -> None:
    """--color always adds ANSI colours even when stdout is not a terminal."""
    assert main(["diff", str(EARLIER), str(LATER), "--color", "always"]) == 0
    assert "\x1b[" in capsys.readouterr().out


def test_color_never_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """--color never keeps a terminal free of ANSI escapes."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["diff", str(EARLIER), str(LATER), "--color", "never"]) == 0
    assert terminal.getvalue()
    assert "\x1b" not in terminal.getvalue()


def test_output_failure_is_an_output_error(tmp_path: Path) -> None:
    """Writing over a directory raises OutputError (a DiplodiffError), not LoadError."""
    from diplodiff.cli.main import write_output

    with pytest.raises(diplodiff.OutputError) as caught:
        write_output("x", str(tmp_path))
    assert not isinstance(caught.value, diplodiff.LoadError)
    assert caught.value.path == str(tmp_path)


def test_csv_names_the_passage_of_a_key_phrase() -> None:
    """In a revised text, a phrase of a new passage carries the passage's id in the CSV."""
    earlier = diplodiff.load_statement(EARLIER)
    paragraphs = earlier.text.split("\n\n")
    new = "Both sides agreed to open a new chapter of the Digital Silk Road."
    later = diplodiff.Statement(id="revised", text="\n\n".join([*paragraphs[:2], new, *paragraphs[3:]]))
    result = diplodiff.compare(earlier, later)
    rows = _rows(diplodiff.to_csv(result))
    added = next(p for p in result.passages if p.kind is diplodiff.ChangeKind.ADDED)
    keyed = {r["later_text"] for r in rows if r["passage"] == added.id}
    assert "Digital Silk Road" in keyed


def test_rendering_a_diff_loads_no_timeline_code() -> None:
    """A diff in every format imports nothing from diplodiff.timeline (start-up time of `diff`)."""
    code = ("import sys, diplodiff\n"
            f"c = diplodiff.compare({str(EARLIER)!r}, {str(LATER)!r})\n"
            "for render in (diplodiff.to_text, diplodiff.to_markdown, diplodiff.to_json, diplodiff.to_csv,\n"
            "               diplodiff.to_html):\n"
            "    render(c)\n"
            "print(sorted(m for m in sys.modules if m.startswith('diplodiff.timeline')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_framing_with_no_modal_formula_says_none() -> None:
    """A side with no modal formula has no mean: "none", not "n/a over 0"."""
    earlier = "The two sides will firmly deepen the comprehensive strategic partnership."
    later = "The two sides discussed the comprehensive strategic partnership."
    result = diplodiff.compare(diplodiff.Statement(id="a", text=earlier),
                               diplodiff.Statement(id="b", text=later))
    assert result.framing is not None
    assert result.framing[1].modality is None
    line = next(x for x in diplodiff.to_text(result).splitlines() if "commitment" in x)
    assert line.endswith(": 4.0 over 1 -> none"), line
    assert "<td>4.0 over 1</td><td>none</td>" in diplodiff.to_html(result)
