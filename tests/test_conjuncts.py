"""A noun phrase joined by "and" to a kept one is a topic of its own: when it comes or
goes inside a kept sentence it is added or dropped, not a qualifier of its neighbour."""

from __future__ import annotations

import diplodiff
from diplodiff import Statement

BASE = "The envoys met in Accra. "


def _findings(earlier: str, later: str) -> list[tuple[str, str | None, str | None]]:
    result = diplodiff.compare(Statement(id="e", text=BASE + earlier), Statement(id="l", text=BASE + later))
    return [(c.kind.value, c.earlier.text if c.earlier else None, c.later.text if c.later else None)
            for c in result.changes if c.kind.value != "kept"]


def test_a_conjunct_noun_phrase_cut_from_a_kept_sentence_is_dropped() -> None:
    """"and the return of all detainees" went: that topic is dropped, the truce is untouched."""
    assert _findings("They demanded a truce and the return of all detainees.", "They demanded a truce.") == [
        ("dropped", "return of all detainees", None)]


def test_a_conjunct_noun_phrase_put_in_a_kept_sentence_is_added() -> None:
    """"and a full audit of the accounts" came: an added topic."""
    assert _findings("They demanded a truce.", "They demanded a truce and a full audit of the accounts.") == [
        ("added", None, "full audit of the accounts")]


def test_the_head_noun_kept_on_both_sides_parts_two_changes() -> None:
    """The word diff would keep "and" and "lasting" rather than "withdrawal": read around
    the head, the list gains a member and the conjunct after it is dropped."""
    found = _findings(
        "They urged a swift and complete withdrawal and a lasting settlement of claims in the east.",
        "They urged a swift, complete and lasting withdrawal in the east.")
    assert ("dropped", "lasting settlement of claims", None) in found
    assert ("shifted", "swift and complete withdrawal", "swift, complete and lasting withdrawal") in found


def test_a_curated_formula_joined_to_a_list_is_added() -> None:
    """A list of areas that gains a lexicon formula ("digital economy") gains that topic:
    formulas are distinct, so it is no qualifier of the member before it."""
    earlier = "They will expand cooperation in fisheries and tourism, with support."
    later = "They will expand cooperation in fisheries, tourism and digital economy, with support."
    assert _findings(earlier, later) == [("added", None, "digital economy")]


def test_one_owner_of_two_different_things_makes_no_shift() -> None:
    """"Chile's G20 presidency" -> "Chile's plans for the ocean summit": the owner is all
    they share; the presidency is dropped and the plans added, no substitution."""
    found = _findings("The minister outlined the priorities of Chile's G20 presidency.",
                      "The minister presented Chile's plans for the ocean summit.")
    assert [f[0] for f in found if "G20" in (f[1] or "")] == ["dropped"]


def test_a_one_word_formula_an_edit_drops_is_quoted_with_its_noun() -> None:
    """A name formula like "G20" put out of its place is quoted with the noun it modifies."""
    found = _findings("They backed the G20 agenda in full.", "They backed a glacier survey in full.")
    assert ("dropped", "G20 agenda", None) in found
