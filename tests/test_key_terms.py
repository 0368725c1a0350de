"""The key phrases of a new or dropped passage: the noun phrases that carry what it says
new, with their complements, not the whole sentence nor a fragment of a term."""

from __future__ import annotations

import diplodiff
from diplodiff import ChangeKind, Statement

BASE = "The ministers met in Lima. They reviewed the agenda. Talks will go on."


def _key_phrases(earlier: str, later: str) -> list[tuple[str, str]]:
    result = diplodiff.compare(Statement(id="e", text=earlier), Statement(id="l", text=later))
    return [(c.kind.value, c.phrase.text) for c in result.changes if c.passage is not None]


def _added(sentence: str) -> list[str]:
    """The key phrases of one sentence added to ``BASE``."""
    later = BASE.replace("Talks", sentence + " Talks")
    return [text for kind, text in _key_phrases(BASE, later) if kind == "added"]


def test_a_noun_takes_a_named_of_complement() -> None:
    """"the blockade of Port Varna": what happened to the place is the key phrase."""
    assert "blockade of Port Varna" in _added("They condemned the blockade of Port Varna by armed groups.")


def test_a_formula_head_takes_a_one_word_of_complement() -> None:
    """A noun that heads formulas ("principle") takes its hyphenated complement whole."""
    assert _added("They urged all parties to respect the principle of non-interference.") == [
        "principle of non-interference"]


def test_a_plain_noun_and_a_one_word_complement_make_no_of_term() -> None:
    """"the value of cooperation" is no term: one plain noun and one word of complement."""
    assert not [t for t in _added("They stressed the value of non-alignment at length.") if " of " in t]


def test_an_of_complement_every_word_of_which_the_other_side_uses_is_no_term() -> None:
    """"any partition of Greater Lima": the other statement names the place; nothing new is named."""
    earlier = "The ministers met in Greater Lima. Talks will go on."
    later = earlier.replace("Talks", "They rejected any partition of Greater Lima and its suburbs. Talks")
    assert not [t for _, t in _key_phrases(earlier, later) if t.startswith("partition")]


def test_an_of_complement_runs_to_the_end_of_its_noun_phrase() -> None:
    """A degree word and several content words stay in the complement."""
    assert "taxation of very large private fortunes" in _added(
        "They discussed the taxation of very large private fortunes at length.")


def test_an_official_is_no_of_complement() -> None:
    """"the pledge of the Chairman of the Council": who spoke, not what is new."""
    assert not [t for t in _added("They noted the pledge of the Chairman of the Governing Council.")
                if t.startswith("pledge")]


def test_a_title_joined_by_an_article_is_one_key_phrase() -> None:
    """A named law with "on the ... and the ..." inside is read whole, as its title."""
    assert "Act on the Protection of Wetlands and the Restoration of Rivers" in _added(
        "Parliament adopted the Act on the Protection of Wetlands and the Restoration of Rivers.")


def test_a_title_with_a_comma_list_closed_by_and_is_one_key_phrase() -> None:
    """"Lasting Peace, Justice and Reconciliation" is the end of one title."""
    assert _added("They endorsed the call for Global Solidarity for Lasting Peace, Justice and "
                  "Reconciliation, which unites many states.") == [
        "Global Solidarity for Lasting Peace, Justice and Reconciliation"]


def test_a_title_takes_the_year_it_runs_until() -> None:
    """"until 2040" is part of what the strategy is."""
    assert "Blue Economy Strategy until 2040" in _added("They drafted the Blue Economy Strategy until 2040.")


def test_a_hyphenated_modifier_takes_its_noun() -> None:
    """"closed-door" alone says nothing; "closed-door meeting" does (an -ing noun too)."""
    assert "closed-door meeting" in _added("They agreed to hold a closed-door meeting within a month.")


def test_a_term_inside_a_longer_term_is_not_a_key_phrase_of_its_own() -> None:
    """The longest term is read: no second key phrase for the name inside it."""
    found = _added("They hailed the launch of the Coalition against Drought and Famine in May.")
    assert found == ["launch of the Coalition against Drought and Famine"]


def test_a_name_in_a_rewritten_clause_is_a_key_phrase_of_that_clause() -> None:
    """A clause rewritten into another with no word in common is a passage; the named
    strategy in it is one of its key phrases, not swallowed by the rewrite."""
    earlier = ("The water ministers met in Quito. They signed the accord and approved the Joint Action "
               "Plan for fisheries research, with funding.")
    later = ("The water ministers met in Quito. They signed the accord and instructed the Board of "
             "Trade Directors to finalize the draft Andean Water Strategy, with funding.")
    result = diplodiff.compare(Statement(id="e", text=earlier), Statement(id="l", text=later))
    added = [c.phrase.text for c in result.changes if c.kind is ChangeKind.ADDED and c.passage]
    assert "Andean Water Strategy" in added


def test_an_adverb_and_a_participle_qualify_the_noun_after_them() -> None:
    """"nationally determined contributions" is one term, not the adverb split off."""
    found = _added("The ministers urged parties to submit nationally determined contributions.")
    assert "nationally determined contributions" in found


def test_coordinated_compound_modifiers_share_their_noun() -> None:
    """"debt-for-climate and debt-for-nature swaps" is one term: the first modifier alone
    qualifies nothing."""
    found = _added("They backed debt-for-climate and debt-for-nature swaps where appropriate.")
    assert "debt-for-climate and debt-for-nature swaps" in found
    assert "debt-for-climate" not in found


def test_a_key_term_is_kept_before_plain_chunks_that_score_higher() -> None:
    """A passage with more chunks than it lists keeps the term the grammar reads whole
    ("additively manufactured firearms"), not only the chunks with formula words."""
    found = _added("They noted the risks posed by additively manufactured firearms and by modular weapons"
                   " to marking and tracing, and urged states to exchange information on relevant"
                   " regulatory and technical measures.")
    assert "additively manufactured firearms" in found


def test_an_adverb_before_a_governing_verb_makes_no_term() -> None:
    """"strongly condemned attacks": the verb governs the noun, it does not qualify it."""
    assert not [t for t in _added("The council strongly condemned attacks on convoys.") if "strongly" in t]


def test_terms_that_overlap_are_read_once() -> None:
    """Two terms sharing words ("legally binding treaty", "binding treaty on plastics") are
    one key phrase."""
    found = _added("They will negotiate a legally binding treaty on plastics.")
    assert len([t for t in found if "binding" in t]) == 1


def test_a_position_stated_in_a_that_clause_is_a_key_phrase() -> None:
    """"warned that the perpetrators must face trial": no noun phrase carries it, the clause does."""
    assert "the perpetrators must face trial" in _added(
        "They condemned the raids on Port Varna and warned that the perpetrators must face trial.")


def test_a_that_clause_with_no_subject_before_its_modal_is_no_stated_position() -> None:
    """"the pledges that would be paid": a relative clause, no subject of its own, states nothing new."""
    assert not [t for t in _added("They hailed the Oslo Donor Conference and listed the pledges that "
                                  "would be paid by donors.") if "paid" in t]


def test_a_noun_joined_to_one_noun_takes_the_whole_title_before_it() -> None:
    """"the Working Party on migration": "Working" is a title's word, not a verb cutting it."""
    assert _added("They thanked the Working Party on migration for its report.") == [
        "Working Party on migration"]
