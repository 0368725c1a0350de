"""Catalog files: CSV and TOML, how they apply to statements, and their errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import diplodiff
from diplodiff.cli.main import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_csv_catalog_gives_dates_and_metadata() -> None:
    """A CSV row sets the date and title and keeps the other columns as metadata."""
    catalog = diplodiff.parse_catalog_csv(
        "file,date,title,outlet,level,countries,date_note,extra\n"
        "a.txt,2024-07-03,T,Xinhua,heads of state,China-Kazakhstan,dateline,x\n")
    s = catalog.apply(diplodiff.Statement(id="a", text="Text.", path="dir/a.txt"))
    assert (s.date, s.title) == (dt.date(2024, 7, 3), "T")
    assert dict(s.meta) == {"outlet": "Xinhua", "level": "heads of state",
                            "countries": "China-Kazakhstan", "date_note": "dateline", "extra": "x"}


def test_toml_catalog_matches_by_id() -> None:
    """A TOML ``[[statement]]`` table keyed by ``id`` applies to the statement with that id."""
    catalog = diplodiff.parse_catalog_toml('[[statement]]\nid = "s1"\ndate = 2022-06-07\n'
                                           'source = "Xinhua"\n')
    s = catalog.apply(diplodiff.Statement(id="s1", text="Text."))
    assert (s.date, s.source) == (dt.date(2022, 6, 7), "Xinhua")


def test_catalog_date_overrides_the_file_and_says_so() -> None:
    """The catalog date wins over the file's, and a note records both."""
    catalog = diplodiff.parse_catalog_csv("file,date\na,2022-06-07\n")
    s = catalog.apply(diplodiff.Statement(id="a", text="T.", date=dt.date(2022, 6, 8)))
    assert s.date == dt.date(2022, 6, 7)
    assert any("2022-06-08" in note for note in s.notes)


def test_unmatched_entries_are_reported() -> None:
    """Entries that name no statement are listed, not raised."""
    catalog = diplodiff.parse_catalog_csv("file,date\na.txt,2022-06-07\nghost.txt,2022-06-08\n")
    unmatched = catalog.unmatched([diplodiff.Statement(id="a", text="T.", path="a.txt")])
    assert [e.key for e in unmatched] == ["ghost.txt"]


@pytest.mark.parametrize(("text", "needle"), [
    ("date\n2024-01-01\n", "no 'file' or 'id' column"),
    ("file,date\na.txt,2024-13-01\n", "line 2"),
    ("file,date\n,2024-01-01\n", "no 'file' or 'id'"),
    ("file,date\na.txt,2024-01-01,extra\n", "quote cells"),
    ("", "is empty"),
], ids=["no-key-column", "bad-date", "empty-key", "too-many-cells", "empty"])
def test_malformed_csv_raises_catalog_error(text: str, needle: str) -> None:
    """A malformed CSV catalog raises CatalogError naming the problem."""
    with pytest.raises(diplodiff.CatalogError, match=needle):
        diplodiff.parse_catalog_csv(text, path="c.csv")


@pytest.mark.parametrize("text", ["[[statement]\n", 'title = "x"\n', "[[statement]]\nfile = [1]\n"],
                         ids=["syntax", "no-tables", "bad-value"])
def test_malformed_toml_raises_catalog_error(text: str) -> None:
    """A malformed TOML catalog raises CatalogError."""
    with pytest.raises(diplodiff.CatalogError):
        diplodiff.parse_catalog_toml(text, path="c.toml")


def test_load_catalog_refuses_other_suffixes(tmp_path: Path) -> None:
    """Only .csv and .toml files are catalogs."""
    path = tmp_path / "catalog.txt"
    path.write_text("file,date\n", encoding="utf-8")
    with pytest.raises(diplodiff.CatalogError, match=r"\.csv or \.toml"):
        diplodiff.load_catalog(path)


def test_catalog_in_a_directory_is_found_and_not_read_as_a_statement(tmp_path: Path) -> None:
    """A catalog.csv at the top of a directory is picked up; it is not loaded as a statement."""
    (tmp_path / "a.txt").write_text("A strategic partnership.\n", encoding="utf-8")
    (tmp_path / "catalog.csv").write_text("file,date\na.txt,2020-01-01\n", encoding="utf-8")
    assert diplodiff.find_catalogs([tmp_path]) == (tmp_path / "catalog.csv",)
    assert [s.id for s in diplodiff.load_statements([tmp_path])] == ["a"]


def test_seed_catalog_dates_every_seed_with_a_note() -> None:
    """seeds/catalog.csv gives every seed its event date and explains it."""
    catalog = diplodiff.load_catalog(SEEDS / "catalog.csv")
    dates = {e.key.split("_")[0]: e.date for e in catalog.entries}
    assert dates == {"003": dt.date(2022, 6, 7), "002": dt.date(2022, 6, 8), "001": dt.date(2024, 5, 20),
                     "004": dt.date(2024, 7, 3), "000": dt.date(2025, 4, 25)}
    assert all(dict(e.fields).get("date_note") for e in catalog.entries)


def test_cli_malformed_catalog_exits_2_with_one_line(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A bad --catalog is one error line and exit status 2, no output file."""
    bad = tmp_path / "bad.csv"
    bad.write_text("file,date\nx.txt,yesterday\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["timeline", str(SEEDS), "--catalog", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "bad.csv" in err
    assert not out.exists()
