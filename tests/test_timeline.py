"""track(): formula histories across dated statements, their reports, and the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import doctest
import io
import json
from pathlib import Path

import pytest

import diplodiff
from diplodiff.cli.main import main
from diplodiff.timeline.track import PARALLEL_MIN

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ORDER = ["003", "002", "001", "004", "000"]


@pytest.fixture(scope="module")
def seeds() -> diplodiff.Timeline:
    """The five seeds with their catalog."""
    catalog = diplodiff.load_catalog(SEEDS / "catalog.csv")
    return diplodiff.track(diplodiff.load_statements([SEEDS]), catalog=catalog, workers=1)


def _statement(day: int, text: str) -> diplodiff.Statement:
    return diplodiff.Statement(id=f"d{day:02d}", text=text, date=dt.date(2020, 1, day))


def _short(timeline: diplodiff.Timeline, history: diplodiff.FormulaHistory) -> list[str]:
    return [timeline.statements[o.index].id[:3] for o in history.occurrences]


class TestSeeds:
    """The bar of issue 3 on the seeds."""

    def test_statements_in_event_date_order(self, seeds: diplodiff.Timeline) -> None:
        """The catalog's event dates order the seeds 003, 002, 001, 004, 000."""
        assert [s.id[:3] for s in seeds.statements] == ORDER
        assert seeds.undated == ()
        assert seeds.warnings == ()

    def test_golden_years_is_one_formula_with_two_forms(self, seeds: diplodiff.Timeline) -> None:
        """'golden three decades' (2022) and 'golden 30 years' (2024, 2025) are one history."""
        history = seeds.formula("era.golden-30-years")
        forms = {f.text.lower(): [seeds.statements[i].id[:3] for i in f.statements] for f in history.forms()}
        assert forms == {"golden three decades": ["002"], "golden 30 years": ["004", "000"]}
        assert [(s.earlier_text.lower(), s.later_text) for s in history.switches()] == [
            ("golden three decades", "golden 30 years")]

    def test_permanent_comprehensive_strategic_partnership_presence(self, seeds: diplodiff.Timeline) -> None:
        """The top label is in 003, 004 and 000, not in 002 and 001; one gap of two statements."""
        history = seeds.formula("permanent comprehensive strategic partnership")
        assert _short(seeds, history) == ["003", "004", "000"]
        assert history.presence() == (True, False, False, True, True)
        assert [g.length for g in history.gaps()] == [2]
        assert [r.length for r in history.streaks()] == [1, 2]

    def test_partnership_label_of_each_statement(self, seeds: diplodiff.Timeline) -> None:
        """001 uses only 'strategic partnership', 002 no label at all."""
        labels = [o.text.lower() if o else None for o in seeds.labels()]
        assert labels[1] is None
        assert labels[2] == "strategic partnership"
        assert all(label and label.startswith("permanent comprehensive strategic partner")
                   for label in (labels[0], labels[3], labels[4]))

    def test_json_contract(self, seeds: diplodiff.Timeline) -> None:
        """The JSON has the DESIGN section 4 keys, statements in date order."""
        data = diplodiff.to_dict(seeds)
        assert data["schema_version"] == 2
        assert [s["date"] for s in data["statements"]] == sorted(s["date"] for s in data["statements"])
        top = "permanent comprehensive strategic partnership"
        phrase = next(p for p in data["phrases"] if p["phrase"] == top)
        assert {"phrase", "category", "occurrences", "first_seen", "last_seen"} <= set(phrase)
        assert phrase["first_seen"] == "2022-06-07"
        assert phrase["last_seen"] == "2025-04-25"
        assert set(phrase["occurrences"][0]) >= {"statement", "text", "count"}

    def test_csv_has_one_row_per_formula_per_statement(self, seeds: diplodiff.Timeline) -> None:
        """Each CSV row is one formula in one statement; the rows match the occurrences."""
        rows = list(csv.DictReader(io.StringIO(diplodiff.to_csv(seeds))))
        assert len(rows) == sum(len(h.occurrences) for h in seeds.formulas)
        pairs = [(r["formula"], r["statement"]) for r in rows]
        assert len(pairs) == len(set(pairs))

    def test_latest_lists_expected_but_absent(self, seeds: diplodiff.Timeline) -> None:
        """000 against the record: the Trans-Caspian route, in all four before, is the top absence."""
        report = diplodiff.check_latest(seeds)
        assert report.statement.id.startswith("000")
        assert report.absent[0].history.canonical.startswith("Trans-Caspian")
        assert report.absent[0].streak == 4
        scores = [a.score for a in report.absent]
        assert scores == sorted(scores, reverse=True)

    def test_weigh_notes_a_return_and_a_new_form(self, seeds: diplodiff.Timeline) -> None:
        """001 -> 004: 'golden 30 years' comes back after 002, in a form new to the record."""
        s = {st.id[:3]: st for st in seeds.statements}
        weighed = diplodiff.weigh(diplodiff.compare(s["001"], s["004"]), seeds)
        golden = next(c for c in weighed.changes if c.later is not None and "golden" in c.later.text.lower())
        assert "back after a gap since 2022-06-08 (absent from the 1 statement(s) before)" in golden.history
        assert "form new to the record" in golden.history


class TestHistory:
    """Gaps, streaks, switches and counts on small hand-made records."""

    def test_gaps_streaks_and_counts(self) -> None:
        """Presence 1101 gives streaks of 2 and 1 and one gap of 1."""
        texts = ["A strategic partnership.", "Our strategic partnership, a strategic partnership.",
                 "Nothing.", "The strategic partnership."]
        timeline = diplodiff.track([_statement(i + 1, t) for i, t in enumerate(texts)], workers=1)
        history = timeline.formula("strategic partnership")
        assert [r.length for r in history.streaks()] == [2, 1]
        assert [(g.start, g.end) for g in history.gaps()] == [(2, 2)]
        assert history.count == 4
        assert [o.count for o in history.occurrences] == [1, 2, 1]

    def test_undated_statements_are_listed_apart_with_a_warning(self) -> None:
        """A statement without a date stays out of the record and is named in a warning."""
        undated = diplodiff.Statement(id="nodate", text="A strategic partnership.")
        timeline = diplodiff.track([_statement(1, "A strategic partnership."), undated], workers=1)
        assert [s.id for s in timeline.statements] == ["d01"]
        assert [s.id for s in timeline.undated] == ["nodate"]
        assert any("nodate" in w for w in timeline.warnings)

    def test_catalog_row_for_a_missing_file_is_a_warning(self) -> None:
        """A catalog entry naming no statement is a warning, never an error."""
        catalog = diplodiff.parse_catalog_csv("file,date\nghost.txt,2020-01-01\n", path="c.csv")
        timeline = diplodiff.track([_statement(1, "Text.")], catalog=catalog, workers=1)
        assert any("ghost.txt" in w for w in timeline.warnings)

    def test_parallel_build_equals_serial_build(self) -> None:
        """Worker processes give exactly the timeline built in process, with progress to the end."""
        texts = ["A strategic partnership and the Belt and Road Initiative.",
                 "The golden three decades of the comprehensive strategic partnership.",
                 "Both sides build a community with a shared future.", "Nothing at all here."]
        statements = [diplodiff.Statement(id=f"s{i:03d}", text=texts[i % 4] + f" Item {i}.",
                                          date=dt.date(2000, 1, 1) + dt.timedelta(days=i))
                      for i in range(PARALLEL_MIN + 6)]
        seen: list[tuple[int, int]] = []
        parallel = diplodiff.track(statements, workers=2, progress=lambda d, t: seen.append((d, t)))
        assert parallel == diplodiff.track(statements, workers=1)
        assert seen[-1] == (len(statements), len(statements))


class TestRenderers:
    """Text, Markdown and HTML output."""

    def test_text_shows_labels_and_strips(self, seeds: diplodiff.Timeline) -> None:
        """The text report names each statement's label and draws a presence strip."""
        text = diplodiff.to_text(seeds)
        assert "[no partnership label]" in text
        assert "permanent comprehensive strategic partnership  [partnership_label]  A..AA" in text

    def test_markdown_has_a_statement_table(self, seeds: diplodiff.Timeline) -> None:
        """The Markdown report starts with a table of dated statements."""
        md = diplodiff.to_markdown(seeds)
        assert "| 1 | 2022-06-07 |" in md

    def test_html_escapes_statement_text(self) -> None:
        """Markup in a statement's text and title comes out escaped, never as tags."""
        evil = "<script>window.__pwned=1</script>"
        s = diplodiff.Statement(id="x", text=f"A strategic partnership. {evil} A strategic partnership.",
                                title=evil, date=dt.date(2020, 1, 1))
        page = diplodiff.to_html(diplodiff.track([s], workers=1))
        assert evil not in page
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
        assert page.count("<script>") == 1


class TestCli:
    """diplodiff timeline and diff --history."""

    @pytest.mark.parametrize("fmt", ["text", "markdown", "json", "csv", "html"])
    def test_every_format_runs(self, fmt: str, tmp_path: Path) -> None:
        """Each --format writes its output file and exits 0."""
        out = tmp_path / f"out.{fmt}"
        assert main(["timeline", str(SEEDS), "-f", fmt, "-o", str(out), "-q"]) == 0
        assert out.read_text(encoding="utf-8")

    def test_latest_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--latest --format json prints the expected-but-absent list."""
        assert main(["timeline", str(SEEDS), "--latest", "-f", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["statement"]["id"].startswith("000")
        assert data["expected_absent"]

    def test_latest_refuses_html(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--latest with --format html is a usage error (exit 2)."""
        assert main(["timeline", str(SEEDS), "--latest", "-f", "html"]) == 2
        assert "--latest" in capsys.readouterr().err

    def test_latest_csv_has_one_row_per_finding(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--latest --format csv lists every absent, new and returning formula, one per row."""
        assert main(["timeline", str(SEEDS), "--latest", "-f", "csv"]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        catalog = diplodiff.load_catalog(SEEDS / "catalog.csv")
        report = diplodiff.check_latest(diplodiff.track(diplodiff.load_statements([SEEDS]), workers=1,
                                                        catalog=catalog))
        assert [r["finding"] for r in rows] == (["expected_absent"] * len(report.absent)
                                                + ["new"] * len(report.new)
                                                + ["returning"] * len(report.returning))
        assert rows[0]["phrase"] == report.absent[0].history.canonical

    def test_undated_warning_on_stderr(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An undated file gives a warning on stderr and still exit 0."""
        (tmp_path / "a.txt").write_text(" date 2020-01-01 A\n\nA strategic partnership.\n", encoding="utf-8")
        (tmp_path / "b.txt").write_text("A strategic partnership.\n", encoding="utf-8")
        assert main(["timeline", str(tmp_path), "-f", "json"]) == 0
        captured = capsys.readouterr()
        assert "warning" in captured.err
        assert "b" in captured.err
        assert [s["id"] for s in json.loads(captured.out)["undated"]] == ["b"]

    def test_diff_history_fills_the_history_field(self, capsys: pytest.CaptureFixture[str]) -> None:
        """diff --history puts what the record says into each change's "history"."""
        args = ["diff", str(SEEDS / "004_55e9fcd968524c2c.txt"), str(SEEDS / "000_ae7edd6c8a22359c.txt"),
                "-f", "json", "--history", str(SEEDS)]
        assert main(args) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["earlier"]["date"] == "2024-07-03"
        assert any("first appearance in the record" in c["history"] for c in data["changes"])
        assert all(c["history"] for c in data["changes"] if c["kind"] != "dropped")


def test_a_phrase_recurring_in_the_history_is_reported(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A plain phrase (no lexicon, not named, said once) is reported as added once the
    history has it in two statements: it is a formula of this relationship."""
    texts = {"a": "Trade grew. The ministers discussed grain corridor logistics.",
             "b": "Talks ended. Both noted grain corridor logistics again.",
             "c": "Trade grew. The ministers met."}
    for day, (name, text) in enumerate(texts.items(), 1):
        header = f" date 2020-01-0{day} {name}\n\n"
        (tmp_path / f"{name}.txt").write_text(header + text + "\n", encoding="utf-8")
    later = tmp_path / "d.txt"
    later.write_text(" date 2020-01-09 d\n\nThe ministers praised grain corridor logistics.\n",
                     encoding="utf-8")
    earlier = str(tmp_path / "c.txt")

    def added(*extra: str) -> list[str]:
        assert main(["diff", earlier, str(later), "-f", "json", "--no-lexicon", *extra]) == 0
        changes = json.loads(capsys.readouterr().out)["changes"]
        return [c["later"]["text"] for c in changes if c["kind"] == "added"]

    assert "grain corridor logistics" not in added()
    assert "grain corridor logistics" in added("--history", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))


@pytest.mark.parametrize("name", ["timeline.md", "catalog.md"])
def test_docs_examples_run(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every >>> example in docs/timeline.md and docs/catalog.md runs as shown."""
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "docs" / name), module_relative=False,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0


def test_track_loads_the_paths_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    """``track("seeds")``, like ``compare("a.txt", "b.txt")``, reads what it is given: one
    path, a Path or a list of paths give the timeline of the statements loaded from them;
    anything else is one clear TypeError."""
    monkeypatch.chdir(Path(__file__).parent.parent)
    loaded = diplodiff.track(diplodiff.load_statements(["seeds"]), workers=1)
    for given in ("seeds", Path("seeds"), ["seeds"]):
        assert diplodiff.track(given, workers=1) == loaded
    with pytest.raises(TypeError, match="track\\(\\) takes Statements or paths to load them from, not int"):
        diplodiff.track([1, 2])  # type: ignore[arg-type]
