"""What a package index shows and a citing researcher needs: licence, changelog, citation, links."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_readme_links_work_from_a_package_index_page() -> None:
    """Every Markdown link in the README is absolute: relative ones break on a package index."""
    links = re.findall(r"\]\(([^)]+)\)", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert links
    assert [link for link in links if not re.match(r"https?://", link)] == []


def test_citation_matches_the_package() -> None:
    """CITATION.cff parses, and names the package's version and licence."""
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert (str(citation["version"]), citation["license"]) == (PROJECT["version"], PROJECT["license"])


def test_license_file_is_the_declared_licence() -> None:
    """The LICENSE file is the MIT licence that pyproject declares."""
    assert PROJECT["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_changelog_has_the_current_version() -> None:
    """CHANGELOG.md has a section for the package's version."""
    assert f"## [{PROJECT['version']}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_project_urls_and_classifiers_are_declared() -> None:
    """The index page gets project links and classifiers."""
    assert {"Homepage", "Documentation", "Source", "Issues", "Changelog"} <= set(PROJECT["urls"])
    assert "Typing :: Typed" in PROJECT["classifiers"]


def test_reader_libraries_are_installed_by_the_readme_command() -> None:
    """Every library a reader imports lazily is a runtime dependency, so `pip install .` brings it."""
    declared = {re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower().replace("_", "-")
                for d in PROJECT["dependencies"]}
    readers = (ROOT / "src" / "diplodiff" / "read").glob("*.py")
    sources = "\n".join(p.read_text(encoding="utf-8") for p in readers)
    imported = set(re.findall(r"^\s+(?:import|from) (trafilatura|pypdf|openpyxl|dateutil)\b", sources, re.M))
    distributions = {"trafilatura": "trafilatura", "pypdf": "pypdf", "openpyxl": "openpyxl",
                     "dateutil": "python-dateutil"}
    assert imported == set(distributions)
    assert {distributions[m] for m in imported} <= declared
    assert "lxml-html-clean" in declared  # trafilatura's jusText needs it and lxml >= 5.2 no longer ships it
