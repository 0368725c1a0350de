"""The HTML timeline in a real headless Chromium, driven by Selenium.

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
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run")


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
    page.write_text(diplodiff.render_timeline_html(diplodiff.track(statements, catalog=catalog, workers=1)),
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
    title = driver.find_element("css selector", 'th.statement[data-statement="evil"]').get_attribute("title")
    assert title == EVIL
    hover = [c.get_attribute("title") for c in _cells(driver, "era.golden-30-years")
             if c.get_attribute("data-statement") == "evil"]
    assert EVIL in hover[0]
    assert len(driver.find_elements("css selector", "script")) == 1
