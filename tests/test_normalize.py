"""Folding surface text into matching keys: tables for fold_token, fold_text, numeric and singular."""

from __future__ import annotations

import pytest

from diplodiff.text.normalize import BARRIER, fold_text, fold_token, numeric, singular


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # regular plurals
        ("partnerships", "partnership"),
        ("relations", "relation"),
        ("initiatives", "initiative"),
        ("countries", "country"),
        ("policies", "policy"),
        ("bodies", "body"),
        ("routes", "route"),
        ("decades", "decade"),
        ("years", "year"),
        ("ties", "tie"),
        ("boxes", "box"),
        ("churches", "church"),
        ("branches", "branch"),
        ("wishes", "wish"),
        ("buzzes", "buzz"),
        # left alone
        ("partnership", "partnership"),
        ("crisis", "crisis"),
        ("analysis", "analysis"),
        ("status", "status"),
        ("consensus", "consensus"),
        ("glass", "glass"),
        ("news", "news"),
        ("series", "series"),
        ("politics", "politics"),
        ("logistics", "logistics"),
        ("towards", "towards"),
        ("its", "its"),
        ("has", "has"),
        ("yes", "yes"),
        ("is", "is"),
    ],
)
def test_singular(word: str, expected: str) -> None:
    """Regular plurals fold to the singular; words that only end in s are left alone."""
    assert singular(word) == expected


def test_singular_of_is_plural() -> None:
    """A plural in -es of a noun in -is ('crises') folds to the singular ('crisis')."""
    assert singular("crises") == singular("crisis")


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        # case
        ("Partnership", ("partnership",)),
        ("GLOBAL", ("global",)),
        # plurals and partner/partnership
        ("partners", ("partnership",)),
        ("partner", ("partnership",)),
        ("Partnerships", ("partnership",)),
        ("Routes", ("route",)),
        # hyphens and dashes split into parts
        ("China-Kazakhstan", ("china", "kazakhstan")),
        ("China\u2013Kazakhstan", ("china", "kazakhstan")),
        ("China\u2014Kazakhstan", ("china", "kazakhstan")),
        ("China\u2010Kazakhstan", ("china", "kazakhstan")),
        ("win-win", ("win", "win")),
        ("people-to-people", ("people", "to", "people")),
        # British -> American spelling, with plurals
        ("Neighbours", ("neighbor",)),
        ("neighbour", ("neighbor",)),
        ("neighbouring", ("neighboring",)),
        ("centres", ("center",)),
        ("defence", ("defense",)),
        ("programme", ("program",)),
        ("organisations", ("organization",)),
        ("modernisation", ("modernization",)),
        ("Dialogues", ("dialogue",)),
        ("dialog", ("dialogue",)),
        # quotes fold away; possessive 's is kept whole
        ("\u201cBelt\u201d", ("belt",)),
        ('"Belt"', ("belt",)),
        ("\u2018Road\u2019", ("road",)),
        ("'s", ("'s",)),
        ("\u2019s", ("'s",)),
        ('"', ()),
        ("\u201c", ()),
        ("\u201d", ()),
        ("``", ()),
        ("''", ()),
        # other punctuation is a barrier
        (",", (BARRIER,)),
        (".", (BARRIER,)),
        (";", (BARRIER,)),
        ("--", (BARRIER,)),
        ("(", (BARRIER,)),
        # numbers stay as written
        ("30", ("30",)),
        ("2024", ("2024",)),
        ("Thirty", ("thirty",)),
        ("U.S.", ("u.s",)),
    ],
)
def test_fold_token(token: str, expected: tuple[str, ...]) -> None:
    """A token folds case, quotes, hyphens, plurals, partner and British spelling into its parts."""
    assert fold_token(token) == expected


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Neighbours", "neighbors"),
        ("partners", "Partnership"),
        ("\u201cgolden\u201d", '"golden"'),
        ("centre", "center"),
        ("China-Kazakhstan", "China\u2013Kazakhstan"),
    ],
)
def test_fold_token_equal_wordings(one: str, other: str) -> None:
    """Wordings that differ only in case, quotes, dashes, plural or spelling fold alike."""
    assert fold_token(one) == fold_token(other)


def test_fold_token_co_operation() -> None:
    """The British 'co-operation' folds like 'cooperation'."""
    assert fold_token("co-operation") == fold_token("cooperation")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("community with a shared future", ("community", "with", "a", "shared", "future")),
        ("Community With A Shared Future", ("community", "with", "a", "shared", "future")),
        ("strategic partners", ("strategic", "partnership")),
        ("permanent comprehensive strategic partnership",
         ("permanent", "comprehensive", "strategic", "partnership")),
        ("golden three decades", ("golden", "three", "decade")),
        ("golden 30 years", ("golden", "30", "year")),
        ("Trans-Caspian International Transport Routes",
         ("tran", "caspian", "international", "transport", "route")),
        ("good-neighbourly relations", ("good", "neighborly", "relation")),
        ("\u201cBelt and Road\u201d", ("belt", "and", "road")),
        ("Kazakhstan\u2019s path", ("kazakhstan", "'s", "path")),
        ("China-Kazakhstan relations, too", ("china", "kazakhstan", "relation", BARRIER, "too")),
        ("  spaced \n\n  out  ", ("spaced", "out")),
        ("", ()),
    ],
)
def test_fold_text(text: str, expected: tuple[str, ...]) -> None:
    """A free-standing phrase folds token by token; punctuation inside it is a barrier."""
    assert fold_text(text) == expected


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Neighbours\u2019 partners", "neighbors' partnership"),
        ("China-Kazakhstan  relations", "China-Kazakhstan\nrelations"),
        ("\u201cgolden 30 years\u201d", '"golden 30 years"'),
        ("strategic partner", "Strategic Partners"),
    ],
)
def test_fold_text_equal_wordings(one: str, other: str) -> None:
    """Phrases that differ only in case, quotes, spacing, dashes, plural or spelling fold alike."""
    assert fold_text(one) == fold_text(other)


def test_fold_text_en_dash_compound() -> None:
    """An unspaced en dash joins a compound like a hyphen ('China\u2013Kazakhstan relations')."""
    assert fold_text("China\u2013Kazakhstan relations") == fold_text("China-Kazakhstan relations")


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        # number words -> digits
        (("three",), ("3",)),
        (("thirty",), ("30",)),
        (("golden", "thirty", "year"), ("golden", "30", "year")),
        (("twelve", "month"), ("12", "month")),
        (("hundred",), ("100",)),
        # N decades -> 10N years
        (("golden", "three", "decade"), ("golden", "30", "year")),
        (("three", "decade"), ("30", "year")),
        (("3", "decade"), ("30", "year")),
        (("two", "decade"), ("20", "year")),
        (("ten", "decade"), ("100", "year")),
        # unchanged
        (("golden", "30", "year"), ("golden", "30", "year")),
        (("decade",), ("decade",)),
        (("many", "decade"), ("many", "decade")),
        (("decade", "three"), ("decade", "3")),
        (("strategic", "partnership"), ("strategic", "partnership")),
        ((), ()),
    ],
)
def test_numeric(parts: tuple[str, ...], expected: tuple[str, ...]) -> None:
    """Number words become digits and N decades become 10N years, keeping the length."""
    assert numeric(parts) == expected


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("golden three decades", "golden 30 years"),
        ("Golden Three Decades", "golden thirty years"),
        ("the next golden 30 years", "the next golden three decades"),
        ("two decades", "20 years"),
    ],
)
def test_numeric_equal_wordings(one: str, other: str) -> None:
    """Wordings that differ only in numeral form are equal after ``numeric``."""
    assert numeric(fold_text(one)) == numeric(fold_text(other))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("golden three decades", "golden 30 years"),
        ("golden thirty years", "golden 30 years"),
    ],
)
def test_numeral_forms_differ_before_numeric(one: str, other: str) -> None:
    """``fold_text`` keeps numeral forms apart, so a numeral change can be reported."""
    assert fold_text(one) != fold_text(other)


def test_numeric_keeps_length() -> None:
    """``numeric`` returns as many parts as it is given."""
    parts = ("golden", "three", "decade", "of", "twenty", "decade")
    assert len(numeric(parts)) == len(parts)
