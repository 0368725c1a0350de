"""The public namespace: ``import diplodiff`` exports exactly ``__all__``, all living in ``diplodiff``."""

from __future__ import annotations

import inspect

import pytest

import diplodiff

#: The stage packages, in pipeline order: internal, reached through ``diplodiff`` itself.
STAGES = ("read", "text", "find", "diff", "timeline", "render", "cli")


def public_names() -> set[str]:
    """Names in the package namespace that do not start with an underscore and are not
    stage packages, plus ``__version__`` (names load on first use: all are used first,
    so that whatever the modules put in the namespace shows)."""
    for name in [*diplodiff.__all__, *dir(diplodiff)]:
        getattr(diplodiff, name)
    return {name for name in vars(diplodiff) if not name.startswith("_") and name not in STAGES} | {
        "__version__"}


def test_all_equals_the_public_names() -> None:
    """``diplodiff.__all__`` lists exactly the public names of the package."""
    assert set(diplodiff.__all__) == public_names()


def test_all_has_no_duplicates() -> None:
    """Every name appears once in ``__all__``."""
    assert len(diplodiff.__all__) == len(set(diplodiff.__all__))


def test_all_names_exist() -> None:
    """Every name in ``__all__`` is an attribute of the package."""
    assert [name for name in diplodiff.__all__ if not hasattr(diplodiff, name)] == []


def test_no_submodule_is_public() -> None:
    """No module object is exported under a public name: only the stage packages are modules."""
    modules = {n for n, v in vars(diplodiff).items() if not n.startswith("_") and inspect.ismodule(v)}
    assert modules <= set(STAGES)


CLASSES = sorted(n for n in diplodiff.__all__ if inspect.isclass(getattr(diplodiff, n)))
FUNCTIONS = sorted(n for n in diplodiff.__all__ if inspect.isfunction(getattr(diplodiff, n)))


def test_expected_classes_are_public() -> None:
    """The model, error and option classes are all exported."""
    expected = {"Analysis", "CatalogError", "Change", "ChangeKind", "Comparison", "DiplodiffError",
                "Formula", "Lexicon", "LexiconError", "LoadError", "Options", "Origin", "Phrase",
                "Sentence", "ShiftType", "Span", "SpeakerTableError", "Statement", "StatementFormatError",
                "Token"}
    assert expected <= set(CLASSES)


@pytest.mark.parametrize("name", CLASSES + FUNCTIONS)
def test_public_name_is_defined_inside_the_package(name: str) -> None:
    """Each public class and function is defined in diplodiff (not re-exported from elsewhere)."""
    module = getattr(diplodiff, name).__module__
    assert module == "diplodiff" or module.startswith("diplodiff.")


def test_version_is_a_string() -> None:
    """``diplodiff.__version__`` is a non-empty version string."""
    assert isinstance(diplodiff.__version__, str)
    assert diplodiff.__version__


def test_default_options_is_an_options() -> None:
    """``DEFAULT_OPTIONS`` is an ``Options`` with the default values."""
    assert diplodiff.Options() == diplodiff.DEFAULT_OPTIONS


def test_python_api_page_lists_every_public_name() -> None:
    """The grouped table at the top of docs/python-api.md names exactly the names in ``__all__``."""
    import re
    from pathlib import Path

    page = (Path(__file__).resolve().parent.parent / "docs" / "python-api.md").read_text(encoding="utf-8")
    table = page.split("## Every public name", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| group")]
    listed = [name for row in rows for name in re.findall(r"`([^`]+)`", row)]
    assert sorted(listed) == sorted(diplodiff.__all__)


def test_analyzer_gives_what_the_functions_give() -> None:
    """An Analyzer with the builtin configuration compares exactly as ``compare`` does."""
    a = diplodiff.Statement(id="a", text="Both sides will deepen political mutual trust.")
    b = diplodiff.Statement(id="b", text="Both sides will deepen strategic mutual trust.")
    assert diplodiff.Analyzer().compare(a, b) == diplodiff.compare(a, b)


def test_analyzer_options_reach_every_entry_point() -> None:
    """Options set on an Analyzer are recorded on its comparisons and used by its phrase finding."""
    analyzer = diplodiff.Analyzer(options=diplodiff.Options(discover=False))
    s = diplodiff.Statement(id="s", text="The Luban Workshop and the Luban Workshop again.")
    assert analyzer.compare(s, s).options.discover is False
    assert all(p.origin is diplodiff.Origin.LEXICON for p in analyzer.extract_phrases(s))


def test_a_statement_reads_an_iso_date_string() -> None:
    """``Statement(date="2024-05-01")`` is that date: a string kept as given crashed
    deep inside ``compare`` when a rule asked the date its year."""
    import datetime

    statement = diplodiff.Statement(id="a", text="Talks went on.", date="2024-05-01")
    assert statement.date == datetime.date(2024, 5, 1)
    later = diplodiff.Statement(id="b", text="Talks went on in May.", date="2025-05-01")
    assert diplodiff.compare(statement, later).earlier.date == datetime.date(2024, 5, 1)


@pytest.mark.parametrize("date", ["May 2024", 20240501])
def test_a_statement_refuses_a_date_it_cannot_read(date: object) -> None:
    """A date that is neither a ``datetime.date`` nor ``YYYY-MM-DD`` is refused at once."""
    with pytest.raises((TypeError, ValueError), match="Statement date"):
        diplodiff.Statement(id="a", text="Talks went on.", date=date)  # type: ignore[arg-type]
