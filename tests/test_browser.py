"""The HTML pages (timeline grid, side-by-side diff) in a real headless Chromium, driven by Selenium.

Skipped when no browser is installed, unless ``DIPLODIFF_BROWSER=required``
(as in ``.ci/run``), which turns a missing browser into a failure.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import diplodiff

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVIL = "<script>window.__pwned=1</script>"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run")


def _binaries() -> tuple[str, str] | None:
    browser = next((b for b in (shutil.which("chromium"), "/usr/bin/chromium")
                    if b and Path(b).exists()), None)
    driver = next((d for d in (shutil.which("chromedriver"), "/usr/bin/chromedriver")
                   if d and Path(d).exists()), None)
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless Chromium with a fresh profile."""
    required = os.environ.get("DIPLODIFF_BROWSER") == "required"
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        if required:
            pytest.fail("DIPLODIFF_BROWSER=required but selenium is not installed")
        pytest.skip("selenium is not installed")
    found = _binaries()
    if found is None:
        if required:
            pytest.fail("DIPLODIFF_BROWSER=required but chromium/chromedriver are not installed")
        pytest.skip("chromium and chromedriver are not installed")
    browser, chromedriver = found
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    session = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    try:
        yield session
    finally:
        session.quit()


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds' timeline page, with a sixth statement full of markup."""
    statements = list(diplodiff.load_statements([SEEDS]))
    statements.append(diplodiff.Statement(
        id="evil", title=EVIL, date=dt.date(2026, 1, 1),
        text=f"The two sides praised their strategic partnership. {EVIL} The golden 30 years {EVIL}."))
    catalog = diplodiff.load_catalog(SEEDS / "catalog.csv")
    page = tmp_path_factory.mktemp("html") / "timeline.html"
    page.write_text(diplodiff.to_html(diplodiff.track(statements, catalog=catalog, workers=1)),
                    encoding="utf-8")
    return page


def _cells(driver: Any, formula: str) -> list[Any]:
    row = driver.find_element("css selector", f'#grid tbody tr[data-formula="{formula}"]')
    return list(row.find_elements("css selector", "td"))


def test_page_renders_the_grid(driver: Any, seeds_page: Path) -> None:
    """The page loads, with one dated column per statement in date order."""
    driver.get(seeds_page.as_uri())
    dates = [th.text for th in driver.find_elements("css selector", "#grid thead tr.dates th.date")]
    assert dates == ["2022-06-07", "2022-06-08", "2024-05-20", "2024-07-03", "2025-04-25", "2026-01-01"]


def test_top_label_cells(driver: Any, seeds_page: Path) -> None:
    """'permanent comprehensive strategic partnership' is present in 003, 004, 000 only."""
    driver.get(seeds_page.as_uri())
    cells = _cells(driver, "partnership.permanent-comprehensive-strategic")
    present = [c.get_attribute("data-statement")[:3] for c in cells
               if "present" in (c.get_attribute("class") or "")]
    assert present == ["003", "004", "000"]
    assert "permanent comprehensive strategic partner" in cells[0].text.lower()
    assert cells[0].get_attribute("title")


def test_partnership_label_row(driver: Any, seeds_page: Path) -> None:
    """The label row shows each statement's highest label: none for 002, 'strategic' for 001."""
    driver.get(seeds_page.as_uri())
    found = driver.find_elements("css selector", "#grid thead tr.labels th.label")
    labels = [th.text.lower() for th in found]
    assert labels[1] == "\u2014"
    assert labels[2] == "strategic partnership"
    assert labels[3] == "permanent comprehensive strategic partnership"


def test_golden_years_is_one_row_with_both_forms(driver: Any, seeds_page: Path) -> None:
    """One row holds 'golden three decades' (002) and 'golden 30 years' (004, 000)."""
    driver.get(seeds_page.as_uri())
    rows = driver.find_elements("css selector", '#grid tbody tr[data-formula="era.golden-30-years"]')
    assert len(rows) == 1
    forms = {c.get_attribute("data-statement")[:3]: c.get_attribute("data-form").lower()
             for c in _cells(driver, "era.golden-30-years") if "present" in (c.get_attribute("class") or "")}
    assert forms == {"002": "golden three decades", "004": "golden 30 years", "000": "golden 30 years",
                     "evi": "golden 30 years"}


def test_script_in_a_statement_runs_nothing(driver: Any, seeds_page: Path) -> None:
    """Markup in a statement's text and title shows literally and never runs."""
    driver.get(seeds_page.as_uri())
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    head = driver.find_element("css selector", 'th.statement[data-statement="evil"]')
    assert head.text == EVIL
    assert head.get_attribute("title") == "evil"
    hover = [c.get_attribute("title") for c in _cells(driver, "era.golden-30-years")
             if c.get_attribute("data-statement") == "evil"]
    assert EVIL in hover[0]
    assert len(driver.find_elements("css selector", "script")) == 1


def test_headers_show_titles_with_ids_on_hover(driver: Any, seeds_page: Path) -> None:
    """Each statement column is headed by its title, with its id as the hover text."""
    driver.get(seeds_page.as_uri())
    heads = driver.find_elements("css selector", "#grid thead th.statement")
    assert heads[3].text == "Xi Jinping and Tokayev jointly meet the press in Astana"
    assert heads[3].get_attribute("title") == "004_55e9fcd968524c2c"


def test_clicking_a_cell_shows_its_sentence(driver: Any, seeds_page: Path) -> None:
    """A click on a cell puts its evidence sentence, with the wording marked, in the panel."""
    driver.get(seeds_page.as_uri())
    cell = next(c for c in _cells(driver, "era.golden-30-years")
                if c.get_attribute("data-statement") == "evil")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
    cell.click()
    panel = driver.find_element("css selector", "#evidence")
    assert EVIL in panel.text
    assert panel.find_element("css selector", "mark").text == "golden 30 years"
    assert driver.execute_script("return typeof window.__pwned") == "undefined"


def test_presence_chart_has_one_dot_per_statement_that_uses_it(driver: Any, seeds_page: Path) -> None:
    """The inline SVG chart of a formula has a dot for each statement that uses it, placed by date."""
    driver.get(seeds_page.as_uri())
    row = driver.find_element("css selector", '#grid tbody tr[data-formula="era.golden-30-years"]')
    xs = [float(c.get_attribute("cx")) for c in row.find_elements("css selector", "svg circle")]
    assert len(xs) == 4
    assert xs == sorted(xs)
    assert xs[1] - xs[0] > xs[2] - xs[1]  # 2022 -> 2024 is a longer stretch than July 2024 -> April 2025


HOSTILE = '<img src=x onerror="window.__pwned=2">'


@pytest.fixture(scope="module")
def diff_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, diplodiff.Comparison]:
    """The seed example (004 -> 000) as an HTML page."""
    catalog = diplodiff.load_catalog(SEEDS / "catalog.csv")
    earlier = catalog.apply(diplodiff.load_statement(SEEDS / "004_55e9fcd968524c2c.txt"))
    later = catalog.apply(diplodiff.load_statement(SEEDS / "000_ae7edd6c8a22359c.txt"))
    result = diplodiff.compare(earlier, later)
    page = tmp_path_factory.mktemp("diff") / "diff.html"
    page.write_text(diplodiff.to_html(result), encoding="utf-8")
    return page, result


def _highlight_text(driver: Any, side: str, n: int) -> str:
    marks = driver.find_elements("css selector", f'#{side} a.hl[data-changes~="{n}"]')
    return " ".join("".join(m.get_attribute("textContent") for m in marks).split())


def test_diff_highlights_are_where_the_changes_are(driver: Any, diff_page: tuple[Path, Any]) -> None:
    """Each change's highlight in each statement holds exactly that change's phrase."""
    page, result = diff_page
    driver.get(page.as_uri())
    for n, change in enumerate(result.changes, 1):
        for side in ("earlier", "later"):
            phrase = getattr(change, side)
            expected = " ".join(phrase.text.split()) if phrase is not None else ""
            assert _highlight_text(driver, side, n) == expected, (n, side)


def _in_view(driver: Any, element_id: str) -> bool:
    return bool(driver.execute_script(
        "var el = document.getElementById(arguments[0]);"
        "var pane = el.closest('section').getBoundingClientRect(), r = el.getBoundingClientRect();"
        "return r.top >= Math.max(pane.top, 0) && r.bottom <= Math.min(pane.bottom, window.innerHeight);",
        element_id))


def test_clicking_an_entry_scrolls_to_its_highlights(driver: Any, diff_page: tuple[Path, Any]) -> None:
    """A click on a shifted change brings its phrase into view in both statements."""
    page, result = diff_page
    driver.get(page.as_uri())
    n = max(i for i, c in enumerate(result.changes, 1)
            if c.kind is diplodiff.ChangeKind.SHIFTED and c.earlier.span.start > 2000)
    assert not _in_view(driver, f"e{n}")
    driver.find_element("css selector", f'#change-{n} a.entry').click()
    assert _in_view(driver, f"e{n}")
    assert _in_view(driver, f"l{n}")


def test_clicking_a_highlight_finds_its_entry(driver: Any, diff_page: tuple[Path, Any]) -> None:
    """A click on a highlight in the text scrolls the list to that change."""
    page, result = diff_page
    driver.get(page.as_uri())
    n = max(i for i, c in enumerate(result.changes, 1) if c.kind is diplodiff.ChangeKind.SHIFTED)
    assert not _in_view(driver, f"change-{n}")
    driver.find_element("css selector", f'#later a.hl[data-changes~="{n}"]').click()
    assert _in_view(driver, f"change-{n}")


def test_filters_hide_entries_and_highlights(driver: Any, diff_page: tuple[Path, Any]) -> None:
    """Unticking 'dropped' hides dropped entries and switches their highlights off; kept starts off."""
    page, result = diff_page
    driver.get(page.as_uri())
    kept = [n for n, c in enumerate(result.changes, 1) if c.kind is diplodiff.ChangeKind.KEPT]
    assert not driver.find_element("css selector", f"#change-{kept[0]}").is_displayed()
    driver.find_element("css selector", 'input[value="kind:dropped"]').click()
    dropped = [n for n, c in enumerate(result.changes, 1) if c.kind is diplodiff.ChangeKind.DROPPED]
    assert not any(driver.find_element("css selector", f"#change-{n}").is_displayed() for n in dropped)
    classes = driver.find_element("css selector", f'#earlier a.hl[data-changes~="{dropped[0]}"]') \
        .get_attribute("class")
    assert "off" in classes.split()
    added = next(n for n, c in enumerate(result.changes, 1) if c.kind is diplodiff.ChangeKind.ADDED)
    assert driver.find_element("css selector", f"#change-{added}").is_displayed()


def test_category_filter(driver: Any, diff_page: tuple[Path, Any]) -> None:
    """Unticking a category hides exactly the changes of that category."""
    page, result = diff_page
    driver.get(page.as_uri())
    driver.find_element("css selector", 'input[value="category:discovered"]').click()
    for n, change in enumerate(result.changes, 1):
        if change.kind is diplodiff.ChangeKind.KEPT:
            continue
        shown = driver.find_element("css selector", f"#change-{n}").is_displayed()
        assert shown == (change.category is not None), n


def test_diff_page_prints_everything(driver: Any, diff_page: tuple[Path, Any]) -> None:
    """In print, the filters are gone and both statements are laid out whole, not in scroll panes."""
    page, _ = diff_page
    driver.get(page.as_uri())
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not driver.find_element("css selector", "nav.filters").is_displayed()
        clipped = driver.execute_script(
            "return Array.from(document.querySelectorAll('main > section'))"
            ".filter(function (s) { return s.scrollHeight > s.clientHeight + 1; }).length")
        assert clipped == 0
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_hostile_statement_text_runs_nothing(driver: Any, tmp_path: Path) -> None:
    """A <script> and an onerror= attribute in statement text and titles show as text and never run."""
    earlier = diplodiff.Statement(id=f"a{EVIL}", title=HOSTILE,
                                  text=f"Both sides will deepen political mutual trust. {EVIL}")
    later = diplodiff.Statement(id="b", title=EVIL, text=f"{HOSTILE} Both sides will deepen strategic "
                                f"mutual trust {HOSTILE} and the Belt and Road {EVIL}.")
    page = tmp_path / "evil.html"
    page.write_text(diplodiff.to_html(diplodiff.compare(earlier, later)), encoding="utf-8")
    driver.get(page.as_uri())
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert len(driver.find_elements("css selector", "script")) == 1
    assert driver.find_elements("css selector", "img") == []
    assert HOSTILE in driver.find_element("css selector", "#later .body").text
    assert EVIL in driver.find_element("css selector", "#earlier .body").text


NEW = ("Both sides agreed to open a new chapter of the Digital Silk Road and to launch the "
       "China-Kazakhstan Year of Science. They praised the Green Energy Partnership.")


@pytest.fixture(scope="module")
def revision_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, diplodiff.Comparison]:
    """Seed 004 against itself with its third paragraph replaced by a new one: a revised text."""
    earlier = diplodiff.load_statement(SEEDS / "004_55e9fcd968524c2c.txt")
    paragraphs = earlier.text.split("\n\n")
    later = diplodiff.Statement(id="revised", text="\n\n".join([*paragraphs[:2], NEW, *paragraphs[3:]]))
    result = diplodiff.compare(earlier, later)
    page = tmp_path_factory.mktemp("revision") / "revision.html"
    page.write_text(diplodiff.to_html(result), encoding="utf-8")
    return page, result


def test_passages_are_banded_where_they_stand(driver: Any, revision_page: tuple[Path, Any]) -> None:
    """Each new or dropped passage is a band over exactly its text, on its own side."""
    page, result = revision_page
    assert {p.kind for p in result.passages} == {diplodiff.ChangeKind.ADDED, diplodiff.ChangeKind.DROPPED}
    driver.get(page.as_uri())
    for passage in result.passages:
        side = "later" if passage.kind is diplodiff.ChangeKind.ADDED else "earlier"
        shown = driver.execute_script(  # the text of the bands, without the change numbers
            "return Array.from(document.querySelectorAll(arguments[0])).map(function (band) {"
            "  var copy = band.cloneNode(true);"
            "  copy.querySelectorAll('sup').forEach(function (n) { n.remove(); });"
            "  return copy.textContent; }).join('');",
            f'#{side} span.passage[data-passage="{passage.id}"]')
        assert " ".join(shown.split()) == " ".join(passage.text.split())


def test_clicking_a_passage_scrolls_to_it(driver: Any, revision_page: tuple[Path, Any]) -> None:
    """A click on a passage's entry brings the passage into view."""
    page, result = revision_page
    driver.get(page.as_uri())
    dropped = next(p for p in result.passages if p.kind is diplodiff.ChangeKind.DROPPED)
    driver.execute_script("document.getElementById('earlier').scrollTop = 100000")
    assert not _in_view(driver, f"e-{dropped.id}")
    driver.find_element("css selector", f'#passage-{dropped.id} a.entry').click()
    assert _in_view(driver, f"e-{dropped.id}")
