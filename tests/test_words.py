"""Word-level change inside corresponding sentences: each edit lifted to the phrase that
holds it, typed, reported once; normalisation-only differences are no change."""

from __future__ import annotations

import pytest

import diplodiff
from diplodiff import ChangeKind, ShiftType, Statement
from diplodiff.diff.lift import lift
from diplodiff.diff.terms import key_terms
from diplodiff.diff.words import words_of


def _findings(earlier: str, later: str) -> list[tuple[str, str | None, str | None, list[str]]]:
    result = diplodiff.compare(Statement(id="e", text=earlier), Statement(id="l", text=later))
    return [(c.kind.value, c.earlier.text if c.earlier else None, c.later.text if c.later else None,
             [s.value for s in c.shift]) for c in result.changes if c.kind is not ChangeKind.KEPT]


def _quoted(earlier: str, later: str) -> list[tuple[str | None, str | None]]:
    """The two wordings of each finding between two one-sentence statements (a kept
    sentence after each, so both are statements of two sentences)."""
    return [(e, l) for _, e, l, _ in _findings(earlier + " Talks go on.", later + " Talks go on.")]


@pytest.mark.parametrize(("earlier", "later", "expected"), [
    ("We express serious concern about the situation in the region.",
     "We express grave concern about the situation in the region.",
     ("express serious concern", "express grave concern", ["intensity"])),
    ("We are deeply concerned by the reports of violence.",
     "We are gravely concerned by the reports of violence.",
     ("deeply concerned", "gravely concerned", ["intensity"])),
    ("We call on all parties to respect human rights in the region.",
     "We urge all parties to respect human rights in the region.",
     ("call on all parties to respect human rights", "urge all parties to respect human rights",
      ["intensity"])),
    ("The two sides hope to expand cooperation on clean energy.",
     "The two sides agreed to expand cooperation on clean energy.",
     ("hope to expand cooperation on clean energy", "agreed to expand cooperation on clean energy",
      ["modality"])),
    ("The Board stressed that the operator must restore access for inspectors without delay.",
     "The Board stressed that the operator should restore access for inspectors without delay.",
     ("must restore access for inspectors", "should restore access for inspectors", ["modality"])),
    ("The ministers encouraged the authorities to release the detained journalists.",
     "The ministers urged the authorities to release the detained journalists.",
     ("encouraged the authorities to release", "urged the authorities to release", ["intensity"])),
    ("The ministers pledged a goal of 5 trillion yen in investment.",
     "The ministers pledged a goal of 10 trillion yen in investment.",
     ("5 trillion yen", "10 trillion yen", ["substitution"])),
    ("The Quad remains a force for good in the region.",
     "The Quad remains a force for global good in the region.",
     ("force for good", "force for global good", ["qualifier_added"])),
    # a modal changed with its verb: the verb's object
    ("Member states may consider creating dedicated units for cyber crime.",
     "Member states shall create dedicated units for cyber crime.",
     ("may consider creating dedicated units for cyber crime", "shall create dedicated units for cyber crime",
      ["substitution", "modality"])),
    # an "-ly" word capitalised only by opening the sentence is an adverb
    ("Welcomes all efforts of the mediators in the region.",
     "Warmly welcomes all efforts of the mediators in the region.",
     ("Welcomes all efforts of the mediators", "Warmly welcomes all efforts of the mediators",
      ["intensity"])),
    # an object with a name in its complement, not cut in two
    ("They should complete the ratification of the Protocol on Maritime Boundary Delimitation by June.",
     "They will complete the ratification of the Protocol on Maritime Boundary Delimitation by June.",
     ("should complete the ratification of the Protocol on Maritime Boundary Delimitation",
      "will complete the ratification of the Protocol on Maritime Boundary Delimitation", ["modality"])),
    # a name holds an "and", and words that are governing verbs in lower case ("Enhanced")
    ("They looked forward to the conclusion of an Enhanced Partnership and Cooperation Agreement.",
     "They looked forward to the swift conclusion of an Enhanced Partnership and Cooperation Agreement.",
     ("conclusion of an Enhanced Partnership and Cooperation Agreement",
      "swift conclusion of an Enhanced Partnership and Cooperation Agreement", ["qualifier_added"])),
    ("The leaders praised the close and growing friendship between Chile and Peru.",
     "The leaders praised the close friendship between Chile and Peru.",
     ("close and growing friendship between Chile and Peru", "close friendship between Chile and Peru",
      ["qualifier_dropped"])),
    ("They called for lasting reconciliation among all communities of the island.",
     "They called for lasting and inclusive reconciliation among all communities of the island.",
     ("lasting reconciliation among all communities of the island",
      "lasting and inclusive reconciliation among all communities of the island", ["qualifier_added"])),
    ("The council condemned the reprisals against journalists in the capital.",
     "The council strongly condemned the reprisals against journalists in the capital.",
     ("condemned the reprisals against journalists", "strongly condemned the reprisals against journalists",
      ["intensity"])),
    # after an article a governing verb's form ("open") modifies the noun ...
    ("The council should remain an open and inclusive forum for all members.",
     "The council will remain an open and inclusive forum for all members.",
     ("should remain an open and inclusive forum", "will remain an open and inclusive forum", ["modality"])),
    # ... and so does a function word there ("the next round")
    ("The delegations agreed to hold the next round of talks in Lima.",
     "The delegations looked forward to the next round of talks in Lima.",
     ("agreed to hold the next round of talks in Lima", "looked forward to the next round of talks in Lima",
      ["substitution", "modality"])),
    # a conjunct put in a list reads with the last one, over its article
    ("They thanked Norway, the donors and the host communities for their support.",
     "They thanked Norway, the donors, the civil society groups and the host communities for their support.",
     ("donors and the host communities", "donors, the civil society groups and the host communities",
      ["qualifier_added"])),
], ids=["adjective", "adverb", "verb-with-object", "modal", "obligation-to-advice", "past-tense-rung",
        "number", "inside-phrase", "modal-with-its-verb", "opening-adverb", "long-object", "name-with-and",
        "between", "among", "against", "verb-form-after-article", "function-word-after-article",
        "conjunct-after-and-the"])
def test_an_edit_is_lifted_to_the_phrase_that_holds_it(earlier: str, later: str,
                                                      expected: tuple[str, str, list[str]]) -> None:
    """The edited words come with the words they modify or govern, on both sides."""
    assert _findings(earlier, later) == [("shifted", *expected)]


@pytest.mark.parametrize("later", [
    "WE EXPRESS SERIOUS CONCERN about the situation in the region.",  # case
    "We express \u201cserious concern\u201d about the situation in the region.",  # quotes
    "We express serious   concern\nabout the situation in the region.",  # spacing, line break
    "We express serious concerns about the situation in the region.",  # plural
    "We express serious concern about the situation in the region, .",  # punctuation
], ids=["case", "quotes", "whitespace", "plural", "punctuation"])
def test_normalisation_is_no_change(later: str) -> None:
    """Case, quotes, spacing, plurals and punctuation alone change nothing."""
    assert _findings("We express serious concern about the situation in the region.", later) == []


def test_a_hyphen_from_a_line_end_is_no_change() -> None:
    """"two-way" and "twoway" (a hyphen at a line end, joined) are the same word."""
    assert _findings("They set a goal of doubling two-way trade by 2030.",
                     "They set a goal of doubling twoway trade by 2030.") == []


def test_a_date_update_is_no_change() -> None:
    """A statement's own date inside the text is its metadata, not a finding."""
    assert _findings("The ministers met in Rome on 8 September 2022 to review the partnership.",
                     "The ministers met in Rome on 7 June 2024 to review the partnership.") == []


def test_the_same_edit_repeated_is_one_finding() -> None:
    """A minister's name replaced in three sentences is one change, counted three times."""
    result = diplodiff.compare(
        Statement(id="e", text="Villacorta welcomed the talks. Villacorta thanked the hosts. "
                               "According to Villacorta, trade grew."),
        Statement(id="l", text="Lagdameo welcomed the talks. Lagdameo thanked the hosts. "
                               "According to Lagdameo, trade grew."))
    changes = [c for c in result.changes if c.kind is ChangeKind.SHIFTED]
    found = [(c.earlier.text, c.later.text, c.earlier_count) for c in changes if c.earlier and c.later]
    assert found == [("Villacorta", "Lagdameo", 3)]


def test_two_different_named_things_swapped_are_a_drop_and_an_add() -> None:
    """One agreement named in place of another: the first dropped, the second added."""
    found = _findings("The minister welcomed the Visiting Forces Agreement as a milestone.",
                      "The minister welcomed the Enhanced Defense Cooperation Agreement as a milestone.")
    assert sorted(found) == [("added", None, "Enhanced Defense Cooperation Agreement", []),
                             ("dropped", "Visiting Forces Agreement", None, [])]


def test_a_new_clause_in_a_kept_sentence_is_added_with_its_key_phrase() -> None:
    """A clause inserted in a kept sentence is a passage of its own; its name is added."""
    result = diplodiff.compare(
        Statement(id="e", text="The leaders met in Brussels. They reviewed the partnership between the "
                               "European Union and India in all its aspects, including the trade agenda."),
        Statement(id="l", text="The leaders met in Brussels. They reviewed the partnership between the "
                               "European Union and India in all its aspects, welcomed the first meeting "
                               "of the Trade and Technology Council, including the trade agenda."))
    added = [c for c in result.changes if c.kind is ChangeKind.ADDED]
    assert [c.phrase.text for c in added] == ["Trade and Technology Council"]
    assert added[0].passage == result.passages[0].id


def test_a_formula_swapped_for_a_rung_of_its_ladder_keeps_its_rank_shift() -> None:
    """An edit inside a partnership label is typed from the lexicon: qualifier and rank."""
    result = diplodiff.compare(
        Statement(id="e", text="The two sides reaffirmed the comprehensive partnership."),
        Statement(id="l", text="The two sides reaffirmed the comprehensive strategic partnership."))
    change = next(c for c in result.changes if c.kind is ChangeKind.SHIFTED)
    assert {ShiftType.QUALIFIER_ADDED, ShiftType.RANK_UP} <= set(change.shift)


BASE = "We met in Rome. We welcome the accord. Talks will go on."


def _key_phrases(earlier: str, later: str) -> list[tuple[str, str]]:
    result = diplodiff.compare(Statement(id="e", text=earlier), Statement(id="l", text=later))
    return [(c.kind.value, c.phrase.text) for c in result.changes if c.passage is not None]


@pytest.mark.parametrize(("verb", "rest"), [
    ("Expresses", "concern at"), ("Notes", "serious concern at"), ("Expressing", "grave concern at"),
    ("Emphasizes", "urgent action against"), ("Welcoming", "broad support for"),
    ("Requests", "the Monitoring Commission to report on"), ("Endorses", "regional plans against"),
    ("Declares", "firm opposition to"),
])
def test_a_paragraph_opening_verb_is_no_key_phrase(verb: str, rest: str) -> None:
    """A resolution's paragraph opens with its verb in any form ("Expresses", "Notes",
    "Recalling"): the verb governs the key phrase, it is no part of one."""
    earlier = "Welcomes the ceasefire agreement signed in Lusaka."
    later = f"{earlier}\n\n{verb} {rest} the recruitment of child soldiers by armed groups."
    found = [text for _, text in _key_phrases(earlier, later)]
    assert found
    assert not [text for text in found if text.split()[0] == verb], found


@pytest.mark.parametrize(("sentence", "term"), [
    ("We discussed the illicit trafficking in persons.", "illicit trafficking in persons"),
    ("We remain open to a frank dialogue with Moscow on trade.", "frank dialogue with Moscow"),
], ids=["in", "with"])
def test_a_noun_joined_to_one_bare_noun_is_a_key_phrase_of_a_new_passage(sentence: str, term: str) -> None:
    """A noun joined by a preposition to a one-noun complement is one term, whole."""
    later = BASE.replace("Talks", sentence + " Talks")
    assert ("added", term) in _key_phrases(BASE, later)


@pytest.mark.parametrize("sentence", [
    "We act in accordance with friendship.",
    "Many people travelled, including in winter.",
    "The fund opened new offices in parts of the country.",
    "The conflict in Sudan goes on.",
], ids=["complex-preposition", "including", "complement-goes-on", "place"])
def test_a_preposition_outside_a_term_joins_nothing(sentence: str) -> None:
    """"in accordance with", "including in", a complement that goes on and "in" a
    place make no term."""
    analysis = diplodiff.analyse(Statement(id="s", text=sentence))
    words = words_of(analysis, (0,))
    assert key_terms(words, 0, len(words.parts)) == []


def test_a_single_nominal_term_is_the_key_phrase_of_a_dropped_passage() -> None:
    """A dropped sentence whose new word is one hyphenated term gives that term, not the sentence."""
    earlier = BASE.replace("Talks", "We stressed the importance of de-escalation in Rome. Talks")
    assert _key_phrases(earlier, BASE) == [("dropped", "de-escalation")]


def test_a_degree_word_raising_an_adjective_is_intensity() -> None:
    """"a serious risk" -> "the most serious risk" is a change of intensity, not grammar."""
    assert _findings("We see a serious risk to the region.",
                     "We see the most serious risk to the region.") == [
        ("shifted", "a serious risk", "the most serious risk", ["intensity"])]


REWORDED = ("We met in Rome. Piracy constitutes a danger to regional shipping. Talks will go on.",
            "We met in Rome. Armed piracy from the northern coast is now the most serious danger to "
            "coastal shipping and to trade in the wider region. Talks will go on.")


def test_each_run_of_a_rewritten_noun_phrase_is_typed() -> None:
    """A noun phrase of a rewritten sentence changed in several places carries each
    run's shift type: modifiers added and intensified, a modifier substituted."""
    assert ("shifted", "a danger to regional shipping", "the most serious danger to coastal shipping",
            ["qualifier_added", "intensity", "substitution"]) in _findings(*REWORDED)


def test_the_framing_line_quotes_the_shift_that_carries_it() -> None:
    """The "carried by" line of the text report quotes the intensity detail of a change
    that has other shift types too, not its last detail."""
    result = diplodiff.compare(Statement(id="e", text=REWORDED[0]), Statement(id="l", text=REWORDED[1]))
    carried = [line for line in diplodiff.render_text(result).splitlines() if "carried by" in line]
    assert carried
    assert all("(intensity: none -> 'most serious' (stronger))" in line for line in carried)


def test_a_name_swapped_before_a_reworded_predicate_is_two_edits() -> None:
    """Who speaks and what is said are two findings, not one run from the name to the verb
    (no office title: under one, another holder of the office is no finding)."""
    earlier = "We met in Rome. Rossi expressed concern over the missile launches. Talks go on."
    later = "We met in Rome. Bianchi strongly condemned the missile launches. Talks go on."
    assert _findings(earlier, later) == [
        ("shifted", "Rossi", "Bianchi", ["substitution"]),
        ("shifted", "expressed concern over the missile launches", "strongly condemned the missile launches",
         ["intensity"])]


def test_an_adverb_before_a_phrasal_verb_takes_the_particle_and_its_object() -> None:
    """An adverb added before a phrasal verb reads with the verb, its particle and its
    object, not with the bare verb ("rapidly step up support for ...")."""
    assert _findings("The ministers asked donors to step up support for displaced families.",
                     "The ministers asked donors to rapidly step up support for displaced families.") == [
        ("shifted", "step up support for displaced families",
         "rapidly step up support for displaced families", ["qualifier_added"])]


def test_a_swapped_phrasal_verb_takes_its_particle_and_object() -> None:
    """A verb swapped before a particle is read with the particle and the object."""
    assert _findings("They asked the agencies to ramp up food deliveries to the north.",
                     "They asked the agencies to carry out food deliveries to the north.")[0][1:3] == (
        "ramp up food deliveries", "carry out food deliveries")


@pytest.mark.parametrize(("earlier", "later"), [
    ("open and inclusive dialogue", "open, inclusive and transparent dialogue"),
    ("open, inclusive and transparent dialogue", "open and inclusive dialogue"),
    ("predictable, timely, orderly and coordinated action", "predictable, orderly and coordinated action"),
    ("trade, energy and climate", "trade, investment, energy and climate"),
    ("trade, energy and climate", "trade, energy, climate and health"),
    ("trade, water and energy, and digital links", "trade, water and energy"),
    ("full and effective execution of the judgments",
     "full, effective and prompt execution of the judgments"),
    ("Secretariat, ODIHR and the field operations",
     "Secretariat, ODIHR, the Representative on Freedom of the Media and the field operations"),
], ids=["conjunct-added", "conjunct-dropped", "middle-item-dropped", "middle-item-added", "last-item-added",
        "serial-item-dropped", "with-complement", "item-with-article-and-complement"])
def test_a_conjunct_added_to_a_list_takes_the_whole_list(earlier: str, later: str) -> None:
    """A list that grows or shrinks is read whole, with its head noun and the head's
    complement, wherever the item came or went: the items next to it alone say nothing."""
    found = _findings(f"The leaders called for {earlier} in March.",
                      f"The leaders called for {later} in March.")
    assert [f[1:3] for f in found] == [(earlier, later)]


@pytest.mark.parametrize(("earlier", "later", "expected"), [
    ("In Asia, peace and stability matter.", "In Asia, peace, stability and growth matter.",
     ("peace and stability matter", "peace, stability and growth matter")),
    ("Ghana and Togo discussed trade, energy and climate.",
     "Ghana and Togo discussed trade, energy, climate and health.",
     ("trade, energy and climate", "trade, energy, climate and health")),
], ids=["opening-phrase", "subject-and-verb"])
def test_a_list_is_not_read_past_its_first_item(earlier: str, later: str, expected: tuple[str, str]) -> None:
    """The list starts at its first item: not at a comma after an opening phrase, nor at
    the verb that governs it or its subject."""
    assert [f[1:3] for f in _findings(earlier, later)] == [expected]


def test_a_middle_conjunct_dropped_takes_the_rest_of_the_list_and_its_head() -> None:
    """A conjunct dropped from the middle of a list reads with the items after it up to
    the head noun, not with the items before it alone ("reaffirm a fair, transparent")."""
    assert _findings("We reaffirm a fair, transparent and inclusive electoral process.",
                     "We reaffirm a fair and inclusive electoral process.") == [
        ("shifted", "fair, transparent and inclusive electoral process",
         "fair and inclusive electoral process", ["qualifier_dropped"])]


def test_a_modifier_swapped_after_and_reads_with_the_conjunct_before_it() -> None:
    """Coordinated modifiers are one phrase: a swap in the second reads with the first."""
    found = _findings("The ministers demanded a prompt and complete withdrawal of troops from the border.",
                      "The ministers demanded a prompt and phased withdrawal of troops from the border.")
    assert found[0][1:3] == ("prompt and complete withdrawal of troops",
                             "prompt and phased withdrawal of troops")


@pytest.mark.parametrize(("earlier", "later", "quoted"), [
    ("Any settlement should include the participation of women.",
     "Any settlement must include the participation of women.",
     ("should include the participation of women", "must include the participation of women")),
    ("Any settlement should include the full and equal participation of women.",
     "Any settlement must include the full and equal participation of women.",
     ("should include the full and equal participation of women",
      "must include the full and equal participation of women")),
    ("The partners will work with the new government.",
     "The partners may work with the new government.",
     ("will work with the new government", "may work with the new government")),
], ids=["article", "listed-modifiers", "joined-object"])
def test_a_modal_swap_reads_with_its_verb_and_object(earlier: str, later: str,
                                                     quoted: tuple[str, str]) -> None:
    """The word after a modal is its verb even where the word classes call it a noun
    ("include"): a modal swapped reads with that verb and the noun phrase it governs,
    article and listed modifiers included, not with the bare verb."""
    found = _findings(earlier, later)
    assert [f[1:3] for f in found] == [quoted]
    assert found[0][3] == ["modality"]


def test_a_commitment_verb_swapped_with_its_modal_is_a_substitution_too() -> None:
    """"should explore" -> "will establish": the modal grew stronger and the verb changed;
    the verb is no qualifier added ('establish') just because 'explore' is a cue word."""
    details = _shift_details("They agreed that officials should explore a joint task force on fisheries.",
                             "They agreed that officials will establish a joint task force on fisheries.")
    assert "substitution: 'explore' -> 'establish'" in details
    assert any(d.startswith("modality:") and d.endswith("(stronger)") for d in details)


@pytest.mark.parametrize(("earlier", "later", "detail"), [
    ("should consider", "will consider", "modality: 'should' -> 'will' (stronger)"),
    ("should explore", "may explore", "modality: 'should' -> 'may' (weaker)"),
], ids=["stronger", "weaker"])
def test_the_modal_before_a_commitment_verb_is_the_one_that_moved(earlier: str, later: str,
                                                                  detail: str) -> None:
    """"should consider" -> "will consider": "consider" is a commitment word too, but the
    word that changed is the modal before it, and its level moved (the last ladder word,
    "consider" on both sides, moved nothing)."""
    text = "They agreed that officials {} new projects in renewable energy and grid connectivity."
    assert _shift_details(text.format(earlier), text.format(later)) == (detail,)


def test_a_modal_gone_reads_none_not_a_quoted_word() -> None:
    """"agreed to explore cooperation" -> "agreed to deepen cooperation": no commitment word
    stands in the later wording; the note says none, unquoted, not a word 'none'."""
    details = _shift_details("They agreed to explore cooperation in the defence industry. Talks go on.",
                             "They agreed to deepen cooperation in the defence industry. Talks go on.")
    assert "modality: 'explore' -> none (stronger)" in details


def test_one_side_become_both_as_the_subject_is_a_speaker_shift() -> None:
    """"Wang Yi underlined ..." -> "The two sides underlined ...": the position is now
    taken jointly, a speaker shift, not the name dropped as a qualifier; quoted with what is
    said, up to punctuation."""
    result = diplodiff.compare(
        Statement(id="e", text="The talks were held in Beijing. Wang Yi underlined the value of the joint "
                               "action plan on river management. Talks go on."),
        Statement(id="l", text="The talks were held in Beijing. The two sides underlined the value of the "
                               "joint action plan on river management. Talks go on."))
    shifted = [c for c in result.changes if c.kind is ChangeKind.SHIFTED]
    assert [(c.earlier.text, c.later.text, c.shift) for c in shifted if c.earlier and c.later] == [
        ("Wang Yi underlined the value of the joint action plan on river management",
         "The two sides underlined the value of the joint action plan on river management",
         (ShiftType.SPEAKER,))]
    assert shifted[0].details == ("speaker: Wang Yi -> both",)


def test_a_list_edited_in_two_places_is_one_finding() -> None:
    """A member swapped and another added in one list: the list, read whole, once."""
    names = "Ghana, {}, Mali, Niger, Chad, Benin, Kenya, Uganda, Rwanda, {}Angola and Zambia"
    earlier, later = names.format("Togo", ""), names.format("Eritrea", "Sudan, ")
    result = diplodiff.compare(Statement(id="e", text=f"The summit was attended by {earlier}. Talks go on."),
                               Statement(id="l", text=f"The summit was attended by {later}. Talks go on."))
    found = [c for c in result.changes if c.kind is not ChangeKind.KEPT]
    assert len(found) == 1
    assert set(found[0].details) == {"qualifier dropped: 'Togo'", "qualifier added: 'Eritrea'",
                                     "qualifier added: 'Sudan'"}


def test_a_comma_on_both_sides_is_not_a_list_comma() -> None:
    """A comma that both statements have (after an opening phrase) still ends the lift."""
    found = _findings("In Asia, peace and stability matter.",
                      "In Asia, peace, stability and prosperity matter.")
    assert all("Asia" not in (f[1] or "") for f in found)


def test_a_change_of_voice_in_a_long_clause_reads_with_the_verb_and_its_object() -> None:
    """Who speaks changed in a clause with no punctuation for many words: the change is
    quoted with the verb and what it governs, not bare ("Minister Berg -> The ministers")."""
    opening = "Foreign Minister Anna Berg of Norway met Foreign Minister Juan Ortiz of Chile in Oslo. "
    said = ("welcomed the rapid growth of bilateral tourism since the opening of the new direct air "
            "route between the two capitals.")
    found = _findings(opening + "Minister Berg " + said, opening + "The ministers " + said)
    assert [f[1:] for f in found] == [("Minister Berg welcomed the rapid growth of bilateral tourism",
                                       "The ministers welcomed the rapid growth of bilateral tourism",
                                       ["speaker"])]


def test_a_bare_noun_reads_with_the_verb_that_opens_the_clause() -> None:
    """A qualifier dropped before a head noun leaves a bare noun on one side: both sides
    take the clause's verb over the article ("Notes the headway")."""
    assert _findings("Notes the considerable headway achieved by the commission on reform.",
                     "Notes the headway achieved by the commission on reform.") == [
        ("shifted", "Notes the considerable headway", "Notes the headway", ["qualifier_dropped"])]


def _terms(sentence: str) -> list[str]:
    analysis = diplodiff.analyse(Statement(id="s", text=sentence))
    words = words_of(analysis, (0,))
    return [" ".join(words.parts[a:b]) for a, b in key_terms(words, 0, len(words.parts))]


@pytest.mark.parametrize(("sentence", "term"), [
    ("They voiced alarm at the arrival of migrants and refugees into border towns.",
     "migrant and refugee"),
    ("They pledged to curb the flow of weapons and ammunition to armed groups.",
     "weapon and ammunition"),
], ids=["plurals", "nominal"])
def test_two_nouns_joined_by_and_are_one_term(sentence: str, term: str) -> None:
    """Two bare nouns joined by "and" where a noun phrase stands are one term, whole."""
    assert term in _terms(sentence)


def test_two_nouns_joined_by_and_that_run_on_make_no_term() -> None:
    """A conjunct that a content word continues ("asylum applicants") is a chunk's, not a term."""
    sentence = "They noted the arrival of migrants and asylum applicants into border towns."
    assert not [t for t in _terms(sentence) if " and " in t]


@pytest.mark.parametrize("sentence", [
    "Both sides stand ready to deter and respond to threats.",
    "The council strengthens and expands its mandate.",
], ids=["infinitive", "verbs"])
def test_verbs_joined_by_and_make_no_term(sentence: str) -> None:
    """Coordinated verbs are no noun term: not after an article, determiner or preposition."""
    assert not [t for t in _terms(sentence) if " and " in t]


@pytest.mark.parametrize(("sentence", "term"), [
    ("They warned of the humanitarian consequences of the drought in Somalia, and more.",
     "humanitarian consequence of the drought in somalia"),
    ("They warned of the economic costs of the blockade for months.", "economic cost of the blockade"),
], ids=["with-place", "without-place"])
def test_a_noun_chunk_with_an_of_complement_of_one_noun_is_one_term(sentence: str, term: str) -> None:
    """A noun chunk of two words and its "of" complement of one noun (and a place) is one term."""
    assert term in _terms(sentence)


def test_an_of_complement_that_goes_on_makes_no_term() -> None:
    """"of the X" followed by a complement of its own is not cut into a term."""
    sentence = "They warned of the economic costs of the blockade of the port."
    assert not [t for t in _terms(sentence) if " of " in t]


def test_a_preposition_opening_the_clause_is_no_governing_verb() -> None:
    """Only a verb or content word opening the clause is taken over the article, not "In"."""
    analysis_e = diplodiff.analyse(Statement(id="e", text="In the northern region, talks go on."))
    analysis_l = diplodiff.analyse(Statement(id="l", text="In the region, talks go on."))
    e, l = words_of(analysis_e, (0,)), words_of(analysis_l, (0,))
    i1, i2, j1, j2 = lift(e, l, (2, 3, 2, 2), (0, 0), (len(e.parts), len(l.parts)))
    assert (e.parts[i1:i2], l.parts[j1:j2]) == (("northern", "region"), ("region",))


def test_a_conjunct_added_to_a_list_is_a_qualifier_added() -> None:
    """A list that gains a conjunct is a qualifier added, though the word diff sees the
    comma-moved conjunct on both sides of the run ("and inclusive" -> "inclusive and ...")."""
    found = _findings("The leaders called for open and inclusive dialogue in March.",
                      "The leaders called for open, inclusive and transparent dialogue in March.")
    assert [f[3] for f in found] == [["qualifier_added"]]


def test_a_modifier_taken_out_of_a_list_is_a_qualifier_dropped() -> None:
    """Words only taken out (an -ly adjective the chunker reads as an adverb, so no
    content word is left to name) are a qualifier dropped, never replaced by nothing."""
    found = _findings("Debts are treated in a predictable, timely, orderly and coordinated manner.",
                      "Debts are treated in a predictable, orderly and coordinated manner.")
    assert [f[3] for f in found] == [["qualifier_dropped"]]


def _shift_details(earlier: str, later: str) -> tuple[str, ...]:
    """The details of the one shifted finding between two one-sentence statements."""
    result = diplodiff.compare(Statement(id="e", text=earlier), Statement(id="l", text=later))
    [change] = [c for c in result.changes if c.kind is ChangeKind.SHIFTED]
    return change.details


def test_an_edit_with_a_framing_cue_quotes_the_rest_apart() -> None:
    """The cue ("encouraged" -> "urged") is the intensity shift; the other note quotes only the
    other words that went, not the cue again."""
    details = _shift_details("The ministers encouraged the Government of Chad to release the journalists.",
                             "The ministers urged Chad to release the journalists.")
    assert details == ("qualifier dropped: 'Government'", "intensity: 'encouraged' -> 'urged' (stronger)")


def test_a_cue_word_that_carries_no_shift_is_a_changed_word() -> None:
    """"commitment" is a rung of a stance ladder, but with no rung on the other side it moves
    nothing: "zero tolerance for piracy" -> "commitment" is a substitution, not a drop."""
    details = _shift_details(
        "The ministers reaffirmed their zero tolerance for piracy under the Yaounde Code.",
        "The ministers reaffirmed their commitment to the Yaounde Code.")
    assert details == ("substitution: 'zero tolerance for piracy' -> 'commitment'",)


def test_a_list_member_swapped_is_one_change_of_members() -> None:
    """"Ghana, Togo and Benin" -> "Ghana, Benin and Senegal": Togo left the list and Senegal
    joined it; Benin did not replace Togo, nor Senegal Benin (the word diff lines up the "and")."""
    details = _shift_details("The ministers thanked Ghana, Togo and Benin for their support.",
                             "The ministers thanked Ghana, Benin and Senegal for their support.")
    assert details == ("substitution: 'Togo' -> 'Senegal'",)


@pytest.mark.parametrize(("earlier", "later", "lists", "details"), [
    ("The contact group of Norway, Chile, Ghana and Indonesia met in Geneva.",
     "The contact group of Norway, Chile, Ghana, Indonesia and Portugal met in Geneva.",
     ("Norway, Chile, Ghana and Indonesia", "Norway, Chile, Ghana, Indonesia and Portugal"),
     ("qualifier added: 'Portugal'",)),
    ("The contact group of Norway, Chile, Ghana and Indonesia met in Geneva.",
     "The contact group of Norway, Chile and Indonesia met in Geneva.",
     ("Norway, Chile, Ghana and Indonesia", "Norway, Chile and Indonesia"),
     ("qualifier dropped: 'Ghana'",)),
    ("Thanks the Lima Group of Chile, Peru and Canada for its work;",
     "Thanks the Lima Group of Chile, Peru, Canada and Panama for its work;",
     ("Lima Group of Chile, Peru and Canada", "Lima Group of Chile, Peru, Canada and Panama"),
     ("qualifier added: 'Panama'",)),
], ids=["member-added", "member-dropped", "group-of-members"])
def test_a_list_of_names_that_changes_is_read_whole(earlier: str, later: str, lists: tuple[str, str],
                                                     details: tuple[str, ...]) -> None:
    """A list of names that gains or loses a member is quoted whole on each side (with the
    group it names, not with the verb after it), and the detail names the member."""
    result = diplodiff.compare(Statement(id="e", text=earlier), Statement(id="l", text=later))
    found = [c for c in result.changes if c.kind is ChangeKind.SHIFTED]
    assert [(c.earlier.text, c.later.text) for c in found if c.earlier and c.later] == [lists]
    assert found[0].details == details


def test_members_named_in_another_form_are_the_same_members() -> None:
    """"Guinea and Mali" -> "the Republic of Mali and the Republic of Niger": Mali stayed
    (in its long form); Guinea went and Niger came."""
    details = _shift_details("The bloc noted the withdrawal of Guinea and Mali from the treaty.",
                             "The bloc noted the withdrawal of the Republic of Mali and the Republic "
                             "of Niger from the treaty.")
    assert details == ("substitution: 'Guinea' -> 'Republic of Niger'",)


def test_members_added_at_the_head_of_a_long_list_are_no_clause() -> None:
    """Names put before a list's first member are members added, not a new clause."""
    found = _findings("The Republic of Chile, the Republic of Peru and Canada backed the plan.",
                      "The Republic of Panama, the Republic of Ecuador, the Republic of Chile, the Republic "
                      "of Peru and Canada backed the plan.")
    assert [f[0] for f in found] == ["shifted"]
    assert found[0][3] == ["qualifier_added"]


@pytest.mark.parametrize(("earlier", "later"), [
    ("The envoy met officials of Mali in Bamako.",
     "The envoy met officials of the Republic of Mali in Bamako."),
    ("The two sides discussed trade with Russia.",
     "The two sides discussed trade with the Russian Federation."),
], ids=["long-form", "other-name"])
def test_a_country_in_another_form_of_its_name_is_no_change(earlier: str, later: str) -> None:
    """"Mali" and "the Republic of Mali" name one side: a style of naming, not a finding."""
    assert _findings(earlier, later) == []


def test_another_country_is_still_a_change() -> None:
    """Two names of two sides are a substitution, however formal either is."""
    assert _findings("The envoy met officials of Mali in Bamako.",
                     "The envoy met officials of the Republic of Niger in Bamako.")[0][3] == ["substitution"]


def test_a_name_swapped_with_its_head_noun_is_one_swap() -> None:
    """"the Multinational Security Support mission" -> "the Gang Suppression Force
    authorized by the UN Security Council": the lower-case head is the name's own
    ("mission"), no word dropped on its own; the curated formula in the words that came
    after the new name is added."""
    found = _findings(
        "Minister Delorme reiterated Canada's support for the Multinational Security Support mission, "
        "and both agreed that the solution should be Haitian-led. Talks go on.",
        "Minister Delorme reiterated Canada's support for the Gang Suppression Force authorized by the "
        "UN Security Council, and both agreed that the solution should be Haitian-led. Talks go on.")
    assert sorted(found) == [
        ("added", None, "UN Security Council", []),
        ("shifted", "Multinational Security Support mission", "Gang Suppression Force", ["substitution"])]


def test_a_name_swapped_in_two_sentences_is_one_swap() -> None:
    """The Joint Commission Meeting gives way to the High-Level Strategic Cooperation Council
    in two sentences: one finding each way, not one per sentence."""
    text = ("The two Presidents welcomed the convening of the {0} and tasked their ministers to follow up "
            "on its outcomes. They agreed that the {0} shall review bilateral cooperation every year. "
            "Talks go on.")
    found = _findings(text.format("Joint Commission Meeting"),
                      text.format("High-Level Strategic Cooperation Council"))
    assert sorted(found) == [("added", None, "High-Level Strategic Cooperation Council", []),
                             ("dropped", "Joint Commission Meeting", None, [])]


@pytest.mark.parametrize(("earlier", "later", "expected"), [
    ("China will accept the proposal. Talks go on.", "China will never accept the proposal. Talks go on.",
     ("accept the proposal", "never accept the proposal", ["qualifier_added"])),
    ("The sides agreed to hold talks. Talks go on.", "The sides never agreed to hold talks. Talks go on.",
     ("sides agreed", "sides never agreed", ["qualifier_added"])),
    ("They said there is a military solution to the conflict. Talks go on.",
     "They said there is no military solution to the conflict. Talks go on.",
     ("a military solution", "no military solution", ["substitution"])),
])
def test_a_negation_put_in_is_a_finding(earlier: str, later: str,
                                        expected: tuple[str, str, list[str]]) -> None:
    """"will accept" -> "will never accept": a function word, but the sentence turned round;
    only "not" was read as one before."""
    assert _findings(earlier, later) == [("shifted", *expected)]


def test_a_content_word_taken_out_between_function_words_is_a_finding() -> None:
    """"influence on [Russia] to bring about": no content word stands next to the gap, so
    nothing qualified it; the word is quoted with the shared words out to the nearest
    content word on each side, not left out."""
    assert _findings("China urged the EU to use its influence on Russia to bring about peace. Talks go on.",
                     "China urged the EU to use its influence on to bring about peace. Talks go on.") == [
        ("shifted", "influence on Russia to bring", "influence on to bring", ["qualifier_dropped"])]


@pytest.mark.parametrize(("earlier", "later", "quoted"), [
    ("They support talks with preconditions.", "They support talks without preconditions.",
     ("support talks with preconditions", "support talks without preconditions")),
    ("They will release all detainees.", "They will release some detainees.",
     ("release all detainees", "release some detainees")),
    ("They voted for the resolution.", "They voted against the resolution.",
     ("voted for the resolution", "voted against the resolution")),
    ("Elections will be held before the transition ends.",
     "Elections will be held after the transition ends.",
     ("held before the transition ends", "held after the transition ends")),
    ("Sanctions on Iran and Syria remain.", "Sanctions on Iran or Syria remain.",
     ("Iran and Syria", "Iran or Syria")),
    ("They oppose any unilateral change.", "They oppose a unilateral change.",
     ("oppose any unilateral change", "oppose a unilateral change")),
])
def test_a_function_word_that_carries_meaning_swapped_is_a_finding(earlier: str, later: str,
                                                                   quoted: tuple[str, str]) -> None:
    """"with" -> "without", "all" -> "some", "and" -> "or": function words, but what is said
    changed; only articles and the like are grammar alone."""
    found = _findings(earlier + " Talks go on.", later + " Talks go on.")
    assert [(kind, e, l) for kind, e, l, _ in found] == [("shifted", *quoted)]


@pytest.mark.parametrize(("earlier", "later"), [
    ("They met in the capital.", "They met at a capital."),
    ("Each side will appoint a coordinator.", "Every side will appoint a coordinator."),
    ("Some 200 delegates attended.", "About 200 delegates attended."),
    ("More than 200 delegates attended.", "Over 200 delegates attended."),
    ("Both leaders welcomed the accord.", "The leaders welcomed the accord."),
])
def test_function_words_of_the_same_sense_swapped_are_no_finding(earlier: str, later: str) -> None:
    """Articles, prepositions of place and near twins ("each" / "every", "some 200" /
    "about 200") are grammar or style, not what is said."""
    assert _findings(earlier + " Talks go on.", later + " Talks go on.") == []


@pytest.mark.parametrize(("earlier", "later", "quoted"), [
    ("The EU pledged EUR 30 million in aid.", "The EU pledged EUR 50 million in aid.",
     ("EUR 30 million", "EUR 50 million")),
    ("Emissions will fall by 30 per cent by 2030.", "Emissions will fall by 40 per cent by 2030.",
     ("30 per cent", "40 per cent")),
    ("Resolution 2231 must be implemented.", "Resolution 2334 must be implemented.",
     ("Resolution 2231", "Resolution 2334")),
    ("Trade reached 41 billion dollars last year.", "Trade reached 45 billion dollars last year.",
     ("41 billion dollars", "45 billion dollars")),
])
def test_a_number_is_quoted_with_its_noun_and_unit(earlier: str, later: str, quoted: tuple[str, str]) -> None:
    """"30" -> "40" reads as "30 per cent" -> "40 per cent", "2231" -> "2334" as the
    resolution it numbers; a verb before a number is no part of it."""
    assert _quoted(earlier, later) == [quoted]


@pytest.mark.parametrize(("earlier", "later", "quoted"), [
    ("The sides reached an agreement on trade.", "The sides failed to reach an agreement on trade.",
     ("reached an agreement on trade", "failed to reach an agreement on trade")),
    ("Officials should explore a bilateral working group.",
     "Officials will establish a bilateral working group.",
     ("should explore a bilateral working group", "will establish a bilateral working group")),
    ("The ministers agreed to resolve the issue.", "The ministers agreed to settle the issue.",
     ("resolve the issue", "settle the issue")),
])
def test_a_verb_swapped_before_an_article_takes_its_object(earlier: str, later: str,
                                                          quoted: tuple[str, str]) -> None:
    """A changed word right before an article governs the noun phrase after it: quoted
    with it ("resolve the issue" -> "settle the issue"), not as a bare verb; a participle
    before a noun is part of that phrase ("working group")."""
    assert _quoted(earlier, later) == [quoted]


def test_a_modifier_taken_out_reads_with_the_of_or_for_complement_of_its_noun() -> None:
    """"full support" -> "support" says nothing of what is supported: the noun's "for"
    (or "of") complement after it is quoted too."""
    assert _findings("The Council reiterated its full support for MONUSCO. Talks go on.",
                     "The Council reiterated its support for MONUSCO. Talks go on.") == [
        ("shifted", "full support for MONUSCO", "support for MONUSCO", ["intensity"])]


@pytest.mark.parametrize(("earlier", "later", "quoted"), [
    ("To invite the parties to engage constructively in the political process.",
     "To call on the parties to engage constructively in the political process.",
     ("invite the parties to engage constructively in the political process",
      "call on the parties to engage constructively in the political process")),
    ("They encourage the partners to prevent the circumvention of sanctions.",
     "They urge the partners to prevent the circumvention of sanctions.",
     ("encourage the partners to prevent the circumvention of sanctions",
      "urge the partners to prevent the circumvention of sanctions")),
])
def test_an_infinitive_after_a_changed_verb_takes_what_it_governs(earlier: str, later: str,
                                                                  quoted: tuple[str, str]) -> None:
    """"invite the parties to engage" said nothing of what they are to engage in: a verb
    alone after "to" takes its adverb and object ("to respect human rights" already had one,
    and stays as it was)."""
    assert _quoted(earlier, later) == [quoted]


@pytest.mark.parametrize(("earlier", "later", "quoted"), [
    ("The Council takes note of the progress achieved on the Transport Corridor.",
     "The Council welcomes the progress achieved on the Transport Corridor.",
     ("takes note of the progress achieved on the Transport Corridor",
      "welcomes the progress achieved on the Transport Corridor")),
    ("We welcome the Sevilla Commitment adopted at the Conference.",
     "We take note of the Sevilla Commitment adopted at the Conference.",
     ("welcome the Sevilla Commitment", "take note of the Sevilla Commitment")),
])
def test_a_participle_that_says_which_is_meant_is_quoted(earlier: str, later: str,
                                                          quoted: tuple[str, str]) -> None:
    """"the progress achieved on ..." is which progress; a name needs no such words."""
    assert _quoted(earlier, later) == [quoted]


@pytest.mark.parametrize(("earlier", "later", "quoted"), [
    ("Iran must engage seriously in the negotiations.", "Iran should engage seriously in the negotiations.",
     ("must engage seriously in the negotiations", "should engage seriously in the negotiations")),
    ("The Committee may review the implementation of this Declaration.",
     "The Committee shall review the implementation of this Declaration.",
     ("may review the implementation of this Declaration",
      "shall review the implementation of this Declaration")),
    ("They consider it essential to establish an inclusive government.",
     "They consider it important to establish an inclusive government.",
     ("essential to establish an inclusive government", "important to establish an inclusive government")),
])
def test_a_verb_after_a_modal_or_an_adjective_takes_what_it_governs(earlier: str, later: str,
                                                                    quoted: tuple[str, str]) -> None:
    """"must engage" -> "should engage" reads with "seriously in the negotiations"; "of"
    takes a determiner as it takes an article ("of this Declaration")."""
    assert _quoted(earlier, later) == [quoted]


def test_a_negation_taken_out_among_function_words_is_a_finding() -> None:
    """"it is [not] over": no content word beside the negation, yet the sentence turned round."""
    assert _findings("They said it is not over. Talks go on.", "They said it is over. Talks go on.") == [
        ("shifted", "said it is not", "said it is", ["qualifier_dropped"])]


@pytest.mark.parametrize(("earlier", "later", "expected"), [
    ("Without delay, the parties must withdraw all their forces from the border region.",
     "The parties must withdraw all their forces from the border region.",
     [("Without delay, the parties", "The parties")]),
    ("In the strongest terms, the council condemned the attack on the convoy.",
     "The council condemned the attack on the convoy.",
     [("In the strongest terms, the council", "The council")]),
    ("The parties must withdraw all their forces from the border region, without delay.",
     "The parties must withdraw all their forces from the border region.",
     [("border region, without delay", "border region")]),
    ("In response, Minister Velasco stated that Chile values its ties with Japan.",
     "Minister Velasco stated that Chile values its ties with Japan.", []),
], ids=["opening-adverbial", "opening-intensifier", "closing-adverbial", "connective"])
def test_a_phrase_set_off_by_a_comma_at_a_sentence_edge(earlier: str, later: str,
                                                        expected: list[tuple[str, str]]) -> None:
    """A phrase that comes or goes at a sentence's edge, a comma between it and the rest,
    is quoted with the words across the comma ("Without delay," dropped is a change); a
    connective that only ties the sentence to the one before ("In response,") is none."""
    assert [f[1:3] for f in _findings(earlier, later)] == expected


@pytest.mark.parametrize("verb", ["paid", "met", "sent", "led"])
def test_an_irregular_past_tense_after_a_name_is_its_verb(verb: str) -> None:
    """"the President of [Ghana] paid a visit": an irregular past tense is a verb, as an
    "-ed" form is, not a word of the name's noun phrase."""
    found = _findings(f"The President of Ghana {verb} a delegation of ministers to Accra.",
                      f"The President of Togo {verb} a delegation of ministers to Accra.")
    assert [f[1:3] for f in found] == [("President of Ghana", "President of Togo")]
