"""Non-formula updates inside corresponding sentences are no finding: when (and, with a
day's date, where) something happened, the number of a session, and who holds an office.
Deadlines, durations, offices and countries stay findings."""

from __future__ import annotations

import datetime as dt

import pytest

import diplodiff
from diplodiff import ChangeKind, Statement
from diplodiff.text.speakers import parse_speakers


def _findings(earlier: str, later: str, dates: tuple[dt.date | None, dt.date | None] = (None, None),
              ) -> list[tuple[str, str | None, str | None]]:
    result = diplodiff.compare(Statement(id="e", text=earlier, date=dates[0]),
                               Statement(id="l", text=later, date=dates[1]))
    return [(c.kind.value, c.earlier.text if c.earlier else None, c.later.text if c.later else None)
            for c in result.changes if c.kind is not ChangeKind.KEPT]


@pytest.mark.parametrize(("earlier", "later"), [
    ("Officials noted a steady fall in piracy off the coast of Somalia over the last twelve months.",
     "Officials noted a steady fall in piracy off the coast of Somalia."),
    ("The leaders will meet again in Suva later this month. Talks go on.",
     "The leaders will meet again in Suva in October. Talks go on."),
    ("The ministers agreed to hold the next summit in Apia in October. Talks go on.",
     "The ministers agreed to hold the next summit in Apia. Talks go on."),
    ("Heads of Government agreed to hold the Forty-Eighth Regular Meeting of the Conference in "
     "February 2025. Talks go on.",
     "Heads of Government agreed to hold the Forty-Eighth Regular Meeting of the Conference in "
     "February 2027. Talks go on."),
], ids=["past-months-dropped", "relative-to-month", "next-summit", "named-next-meeting"])
def test_a_time_expression_alone_is_no_change(earlier: str, later: str) -> None:
    """A run whose changed words only say when something happened or when the next meeting
    is ("over the last twelve months", "later this month") is the statement's time, not a formula."""
    assert _findings(earlier, later) == []


@pytest.mark.parametrize(("earlier", "later"), [
    ("Japan will double its support to the Pacific Islands Forum this year. Talks go on.",
     "Japan will double its support to the Pacific Islands Forum. Talks go on."),
    ("The Council will review the mandate of the mission in March. Talks go on.",
     "The Council will review the mandate of the mission. Talks go on."),
    ("Talks on the maritime boundary will resume in the coming weeks in Dili.",
     "Talks on the maritime boundary will resume in the coming months in Dili."),
    ("The interim government committed to hold elections in November. Talks go on.",
     "The interim government committed to hold elections. Talks go on."),
], ids=["deictic-dropped", "month-dropped", "coming-weeks", "infinitive"])
def test_when_a_commitment_is_due_stays_a_finding(earlier: str, later: str) -> None:
    """A time in a clause with a modal or an infinitive whose verb is no meeting ("will
    review the mandate in March", "committed to hold elections in November") is when
    something is to be done: dropped or moved, it is a commitment changed."""
    assert len(_findings(earlier, later)) == 1


def test_a_venue_and_date_stamp_added_is_no_change() -> None:
    """"in Lima on 4 March" added after the verb: where and when the meeting was."""
    assert _findings("The foreign ministers of Chile and Peru met to review the border commission.",
                     "The foreign ministers of Chile and Peru met in Lima on 4 March to review the border "
                     "commission.") == []


def test_a_venue_that_moves_with_its_date_is_no_change() -> None:
    """Another city with another day's date ("in Tromsø on 11 May 2023" -> "in Nuuk on 2 April
    2025") is the next meeting's stamp, not a named thing swapped."""
    assert _findings("Ministers of the Arctic Council met in Tromsø on 11 May 2023 and adopted a work plan.",
                     "Ministers of the Arctic Council met in Nuuk on 2 April 2025 and adopted a work "
                     "plan.") == []


def test_the_next_meetings_venue_with_its_time_is_no_change() -> None:
    """"the tenth Annual Leaders' Meeting in Australia in 2025" -> "the eleventh ... in
    Indonesia in 2026": a gathering's place with its time stamp is where the next one meets."""
    assert _findings("The leaders agreed to hold the tenth Annual Leaders' Meeting in Australia in 2025.",
                     "The leaders agreed to hold the eleventh Annual Leaders' Meeting in Indonesia in 2026.",
                     (dt.date(2024, 7, 2), dt.date(2025, 8, 19))) == []


def test_a_gatherings_place_without_a_time_stays_a_finding() -> None:
    """Without a time after it, the place after a gathering may be what it is about."""
    assert _findings("The ministers welcomed the conference in Geneva as a step towards peace.",
                     "The ministers welcomed the conference in Doha as a step towards peace.") != []


@pytest.mark.parametrize(("earlier", "later"), [
    ("The Conference was held in Bridgetown, Barbados, from 3 to 5 July 2024. Talks go on.",
     "The Conference was held in Basseterre, St Kitts and Nevis, from 6 to 8 July 2026. Talks go on."),
    ("The summit took place from 30 June to 2 July 2024 in Vientiane. Talks go on.",
     "The summit took place from 8 to 10 October 2025 in Kuala Lumpur. Talks go on."),
], ids=["city-country-range", "range-then-city"])
def test_the_days_and_place_an_event_was_held_are_no_change(earlier: str, later: str) -> None:
    """A range of days after a verb of holding, with its place ("in Bridgetown, Barbados,
    from 3 to 5 July 2024"), is when and where the meeting was."""
    assert _findings(earlier, later) == []


def test_a_range_of_days_after_another_verb_stays_a_finding() -> None:
    """"extended the mandate from 1 to 31 December": the range is what was decided."""
    assert _findings("The Council extended the mandate from 1 to 31 December 2025. Talks go on.",
                     "The Council extended the mandate from 1 to 30 June 2026. Talks go on.") != []


def test_a_place_without_a_date_stays_a_finding() -> None:
    """Only a day's date makes the place before it a venue: "the conflict in Sudan since
    April 2023" -> "in Ethiopia" is another conflict."""
    found = _findings("The conflict in Sudan since April 2023 has displaced millions of people.",
                      "The conflict in Ethiopia since April 2023 has displaced millions of people.")
    assert found == [("shifted", "Sudan", "Ethiopia")]


def test_a_clause_that_only_says_when_is_no_change() -> None:
    """", which was adopted in 2021," dropped: a clause with one verb and a time says only when."""
    assert _findings("The ministers welcomed the Accra Declaration, which was adopted in 2021, as a "
                     "milestone for the region.",
                     "The ministers welcomed the Accra Declaration as a milestone for the region.",
                     (dt.date(2023, 3, 1), dt.date(2024, 3, 1))) == []


def test_a_target_year_dropped_stays_a_finding() -> None:
    """"in 2060", decades after the statement, is a target, not when it was said."""
    assert _findings("China will strive to achieve carbon neutrality in 2060 through green growth.",
                     "China will strive to achieve carbon neutrality through green growth.",
                     (dt.date(2023, 3, 1), dt.date(2024, 3, 1))) != []


def test_a_target_year_inside_one_sides_variant_is_the_formula_shifted() -> None:
    """"carbon neutrality by 2060" -> "by 2050": the lexicon knows the later wording as a
    variant with its year, the earlier only as "carbon neutrality"; quoted alike on both
    sides, the year changed is the finding, not the formula added."""
    text = "The country will achieve carbon neutrality by {}."
    result = diplodiff.compare(Statement(id="e", text=text.format(2060), date=dt.date(2023, 1, 1)),
                               Statement(id="l", text=text.format(2050), date=dt.date(2024, 1, 1)))
    found = [c for c in result.changes if c.kind is not ChangeKind.KEPT]
    assert [(c.kind.value, c.earlier.text if c.earlier else None, c.later.text if c.later else None)
            for c in found] == [("shifted", "carbon neutrality by 2060", "carbon neutrality by 2050")]
    assert found[0].details == ("substitution: '2060' -> '2050'",)


def test_a_bare_year_in_an_undated_statement_stays_a_finding() -> None:
    """With no date to read it against, "in 2025" may be a target: it is reported."""
    assert _findings("The partners agreed to open the new rail link in 2025 as planned.",
                     "The partners agreed to open the new rail link as planned.") != []


@pytest.mark.parametrize(("earlier", "later"), [
    ("The 52nd Ordinary Session of the Commission adopted the report on prison conditions.",
     "The 53rd Ordinary Session of the Commission adopted the report on prison conditions."),
    ("The Seventh Summit of the Forum endorsed the regional roadmap on ocean governance.",
     "The Eighth Summit of the Forum endorsed the regional roadmap on ocean governance."),
    ("The Forty-Seventh Regular Meeting of the Conference endorsed the regional roadmap.",
     "The Fifty-First Regular Meeting of the Conference endorsed the regional roadmap."),
    ("The Seventh Tokyo International Conference on African Development adopted the plan. Talks go on.",
     "The Ninth Tokyo International Conference on African Development adopted the plan. Talks go on."),
], ids=["numeric", "word-before-name", "two-word-ordinal", "named-conference"])
def test_a_session_renumbered_is_no_change(earlier: str, later: str) -> None:
    """One ordinal for another before the same name is the next session, not a new formula,
    nor the event's name reworded (the inventory pairs the two names: the edit accounts for them)."""
    assert _findings(earlier, later) == []


@pytest.mark.parametrize(("earlier", "later"), [
    ("Leaders met for the Seventh Tokyo International Conference on African Development (TICAD 7). "
     "Talks go on.",
     "Leaders met for the Ninth Tokyo International Conference on African Development (TICAD 9). "
     "Talks go on."),
    ("The LXII Meeting of the Council adopted the budget. Talks go on. Council 62 closed the year.",
     "The LXIV Meeting of the Council adopted the budget. Talks go on. Council 64 closed the year."),
    ("The Forty-Seventh Regular Meeting of the Conference endorsed the roadmap. CHOGM XLVII closed.",
     "The Fifty-First Regular Meeting of the Conference endorsed the roadmap. CHOGM LI closed."),
], ids=["acronym-number", "roman-then-digits", "words-then-roman"])
def test_the_number_of_a_renumbered_event_is_the_same_update(earlier: str, later: str) -> None:
    """"the Seventh ... Conference (TICAD 7)" -> "the Ninth ... Conference (TICAD 9)": the bare
    number went where the ordinal did, the same renumbering, in the sentence or elsewhere."""
    assert _findings(earlier, later) == []


@pytest.mark.parametrize(("earlier", "later", "found"), [
    ("Seventy-ninth session, agenda item 98 (z). The Assembly adopted the text.",
     "Seventy-ninth session, agenda item 101 (y). The Assembly adopted the text.", False),
    ("The Assembly considered agenda item 12 at length. Talks go on.",
     "The Assembly considered agenda item 14 at length. Talks go on.", False),
    ("The Assembly allocated 98 seats to the observers. Talks go on.",
     "The Assembly allocated 101 seats to the observers. Talks go on.", True),
], ids=["with-sub-item", "bare", "a-count"])
def test_an_agenda_item_renumbered_is_no_change(earlier: str, later: str, found: bool) -> None:
    """A body numbers its agenda anew each session: "agenda item 98 (z)" -> "agenda item
    101 (y)" is the next session's number, not a change in what is said; a count is."""
    assert bool(_findings(earlier, later)) is found


def test_another_number_beside_a_renumbered_event_stays_a_finding() -> None:
    """A number that did not go where the event's ordinal went is a change of its own."""
    assert _findings("The Seventh Summit of the Forum pledged 7 patrol vessels to the coast guard.",
                     "The Eighth Summit of the Forum pledged 9 patrol vessels to the coast guard.") != []
    assert _findings("The Seventh Summit of the Forum pledged 7 patrol vessels to the coast guard.",
                     "The Ninth Summit of the Forum pledged 7 patrol vessels to the coast guard.") == []
    assert _findings("The Forum pledged 7 patrol vessels to the coast guard. Talks go on.",
                     "The Forum pledged 9 patrol vessels to the coast guard. Talks go on.") != []


def test_the_first_day_of_a_date_range_is_a_date() -> None:
    """"13 and 14 July 2022" -> "12 and 13 February 2025": the days before the month are
    the date too, however the diff cuts them; a count before a noun stays a finding."""
    text = "The President paid a State Visit to the Republic of Türkiye on {}. Talks go on."
    assert _findings(text.format("13 and 14 July 2022"), text.format("12 and 13 February 2025")) == []
    assert _findings("The navy will deploy 13 and 14 vessels to the strait this year. Talks go on.",
                     "The navy will deploy 12 and 13 vessels to the strait this year. Talks go on.") != []


@pytest.mark.parametrize(("earlier", "later"), [
    ("The parties agreed that paragraph 3 may be revised. Talks go on.",
     "The parties agreed that paragraph 5 may be revised. Talks go on."),
    ("The parties agreed that paragraphs 3 and 4 may be revised. Talks go on.",
     "The parties agreed that paragraphs 5 and 4 may be revised. Talks go on.")])
def test_a_number_before_the_modal_may_is_no_date(earlier: str, later: str) -> None:
    """"paragraph 3 may be revised" -> "paragraph 5 may ...": the modal "may" is no month,
    so the number is no day of a date; the change was read as a date update and lost."""
    assert _findings(earlier, later) != []


def test_a_time_of_day_is_when_not_what() -> None:
    """"commencing at 8:30 p.m." -> "at 9:10 a.m.": when a call began is its metadata; a
    deadline at a time of day ("by 5 p.m.") is what was demanded, and stays a finding."""
    text = "On March 8, commencing at {}, the two Ministers held a telephone talk. Talks go on."
    assert _findings(text.format("8:30 p.m."), text.format("9:10 a.m.")) == []
    assert _findings("The Council demanded that the parties withdraw their forces by 5 p.m. on Friday.",
                     "The Council demanded that the parties withdraw their forces by 9 a.m. on Friday.") != []


def test_an_ordinal_of_a_common_noun_stays_a_finding() -> None:
    """"the first phase" -> "the second phase" of a project is what is funded, not a numbering."""
    assert _findings("The donors will fund the first phase of the rail project in Laos.",
                     "The donors will fund the second phase of the rail project in Laos.") == [
        ("shifted", "first phase of the rail project", "second phase of the rail project")]


def test_a_deadline_softened_stays_a_finding() -> None:
    """A duration with a deadline's preposition ("within two weeks") is a commitment's content."""
    assert _findings("The parties agreed to withdraw their forces within two weeks from the buffer zone.",
                     "The parties agreed to withdraw their forces at the earliest opportunity from the "
                     "buffer zone.") == [
        ("shifted", "forces within two weeks", "forces at the earliest opportunity")]


def test_a_deadline_moved_a_year_stays_a_finding() -> None:
    """"by the end of this year" -> "of next year": the deadline moved, though only a deictic changed."""
    assert _findings("The government pledged to hold elections by the end of this year under the charter.",
                     "The government pledged to hold elections by the end of next year under the "
                     "charter.") == [("shifted", "end of this year", "end of next year")]


def test_a_period_after_for_stays_a_finding() -> None:
    """"for the next six months" is how long a mandate runs, not when the text was written."""
    assert _findings("The Council extended the mission for the next six months with the same troop ceiling.",
                     "The Council extended the mission for the next twelve months with the same troop "
                     "ceiling.") == [("shifted", "six months", "twelve months")]


def test_another_holder_of_the_same_office_is_no_change() -> None:
    """"Foreign Secretary Amelia Hartley" -> "Foreign Secretary Tomas Reyes", and the surname
    alone later on: who holds the office is no formula."""
    assert _findings("Foreign Secretary Amelia Hartley welcomed the agreement on fisheries. Hartley added "
                     "that talks would go on.",
                     "Foreign Secretary Tomas Reyes welcomed the agreement on fisheries. Reyes added that "
                     "talks would go on.") == []


def test_a_holder_named_before_the_title_is_no_change() -> None:
    """The title may follow the name after a comma ("Amelia Hartley, Foreign Secretary of ...")."""
    assert _findings("The agreement was welcomed by Amelia Hartley, Foreign Secretary of the United Kingdom, "
                     "at the talks.",
                     "The agreement was welcomed by Tomas Reyes, Foreign Secretary of the United Kingdom, "
                     "at the talks.") == []


def test_a_holder_with_a_courtesy_title_and_a_family_name_in_capitals_is_no_change() -> None:
    """"Ms. OGATA Reiko, Minister for Foreign Affairs of Japan" -> "Mr. SAKUMA Daisuke, ...":
    the courtesy title goes with the name, and a family name in capitals is a name's
    word (the Japanese style), not an acronym."""
    assert _findings("On March 8, Ms. OGATA Reiko, Minister for Foreign Affairs of Japan, held a "
                     "telephone talk with her counterpart.",
                     "On March 8, Mr. SAKUMA Daisuke, Minister for Foreign Affairs of Japan, held a "
                     "telephone talk with her counterpart.") == []


def test_a_length_after_a_clock_time_is_when_a_call_took_place() -> None:
    """"commencing at 8:30 p.m. for approximately 35 minutes": how long the call took is
    when it took place, as its clock time is; a period after "for" elsewhere stays."""
    assert _findings("On March 8, commencing at 8:30 p.m. for approximately 35 minutes, the ministers "
                     "held a telephone talk.",
                     "On March 8, commencing at 9:10 a.m. for approximately 30 minutes, the ministers "
                     "held a telephone talk.") == []


def test_another_office_stays_a_finding() -> None:
    """The office itself changed ("Foreign Secretary" -> "Defence Secretary"): a finding."""
    assert _findings("Foreign Secretary Amelia Hartley welcomed the agreement on fisheries.",
                     "Defence Secretary Tomas Reyes welcomed the agreement on fisheries.") == [
        ("shifted", "Foreign Secretary Amelia Hartley", "Defence Secretary Tomas Reyes")]


def test_another_country_after_a_title_stays_a_finding() -> None:
    """A country after an office title is no person: "of Ghana" -> "of Senegal" stays."""
    found = _findings("The Council thanked the Foreign Minister of Ghana for the briefing on the Sahel.",
                      "The Council thanked the Foreign Minister of Senegal for the briefing on the Sahel.")
    assert [(kind, "Ghana" in (old or ""), "Senegal" in (new or "")) for kind, old, new in found] == [
        ("shifted", True, True)]


def test_the_place_people_met_is_no_change() -> None:
    """"convened in Apia" -> "in Nuku'alofa": where the authors met is the meeting's venue."""
    assert _findings("Leaders of the Forum convened in Apia to review the regional security declaration.",
                     "Leaders of the Forum convened in Nuku'alofa to review the regional security "
                     "declaration.") == []


def test_a_place_after_held_without_a_time_stays_a_finding() -> None:
    """"the elections held in Mali" -> "in Senegal": what was held, not where the authors met."""
    assert _findings("The Union welcomed the elections held in Mali as a step forward.",
                     "The Union welcomed the elections held in Senegal as a step forward.") == [
        ("shifted", "Mali", "Senegal")]


def test_a_clause_that_only_schedules_a_meeting_is_no_change() -> None:
    """", to be held in Canberra later this year" added: an event verb, a venue, a time."""
    assert _findings("The ministers looked forward to the next session of the joint commission. Talks go on.",
                     "The ministers looked forward to the next session of the joint commission, to be held "
                     "in Canberra later this year. Talks go on.") == []


def test_a_clause_that_does_something_at_a_time_stays_a_finding() -> None:
    """"and to withdraw in March" added: withdrawing is a commitment, its month no mere stamp."""
    found = _findings("The parties agreed on a ceasefire along the river. Talks go on.",
                      "The parties agreed on a ceasefire along the river and to withdraw in March. Talks "
                      "go on.")
    assert [later for _, _, later in found] == ["river and to withdraw in March"]


def test_a_key_phrase_ends_before_its_time_stamp() -> None:
    """A new clause's key phrase leaves out when it happened ("... of the talks [in November]")."""
    result = diplodiff.compare(
        Statement(id="e", text="The leaders met in Suva. The ministers called for a swift ratification "
                               "of the Pacific fisheries treaty. They thanked the hosts."),
        Statement(id="l", text="The leaders met in Suva. The ministers welcomed the formal conclusion of "
                               "the talks in November and called for a swift ratification of the Pacific "
                               "fisheries treaty. They thanked the hosts."))
    assert [c.phrase.text for c in result.changes if c.kind is ChangeKind.ADDED] == [
        "formal conclusion of the talks"]


def test_a_paragraph_renumbered_is_no_passage() -> None:
    """A paragraph inserted renumbers the ones after it: the new last number ("4.") is no
    new passage, and names nothing."""
    earlier = ("The Council:\n\n1. Welcomes the talks between the parties in Juba;\n\n2. Calls on all sides "
               "to exercise restraint;\n\n3. Decides to remain seized of the matter.\n")
    later = ("The Council:\n\n1. Welcomes the talks between the parties in Juba;\n\n2. Condemns the shelling "
             "of the hospital in Malakal;\n\n3. Calls on all sides to exercise restraint;\n\n4. Decides to "
             "remain seized of the matter.\n")
    result = diplodiff.compare(Statement(id="e", text=earlier), Statement(id="l", text=later))
    assert [p.text for p in result.passages] == ["Condemns the shelling of the hospital in Malakal;"]


def test_a_numbered_body_that_is_no_event_stays_a_finding() -> None:
    """"the First Committee" -> "the Second Committee" is another committee, not the next session."""
    assert _findings("The draft was referred to the First Committee for further consideration.",
                     "The draft was referred to the Second Committee for further consideration.") != []


def test_a_counterpart_of_another_side_stays_a_finding() -> None:
    """Two people the speaker table knows for different sides under one bare title are two
    counterparts ("Foreign Minister Lavrov" -> "Foreign Minister Wang Yi"), not two holders."""
    found = _findings("The Secretary met Foreign Minister Sergey Lavrov on the margins of the summit.",
                      "The Secretary met Foreign Minister Wang Yi on the margins of the summit.")
    assert [(kind, "Lavrov" in (old or ""), "Wang Yi" in (new or "")) for kind, old, new in found] == [
        ("shifted", True, True)]


def test_a_session_numbered_in_roman_numerals_is_no_change() -> None:
    """"the LXII Meeting of the Council" -> "the LXVI Meeting": a Roman numeral is the
    session's number, neither a name of its own nor a formula."""
    assert _findings("The leaders attended the LXII Meeting of the Council. Talks go on.",
                     "The leaders attended the LXVI Meeting of the Council. Talks go on.") == []


def test_capitals_that_are_no_roman_numeral_stay_a_name() -> None:
    """A word in capitals that is no Roman numeral ("CIVIL") is a name's word as before."""
    assert _findings("The ministers praised the CIVIL Committee. Talks go on.",
                     "The ministers praised the RURAL Committee. Talks go on.") != []


def test_the_modal_nearest_the_time_governs_it() -> None:
    """"will meet again in October and agreed to complete the withdrawal in 2025": the
    withdrawal's year is a commitment's, whatever meeting the clause began with."""
    earlier = "The ministers will meet again in October and agreed to complete the withdrawal in 2025."
    later = "The ministers will meet again in October and agreed to complete the withdrawal."
    assert len(_findings(earlier, later, (dt.date(2024, 5, 1), dt.date(2024, 6, 1)))) == 1


def test_a_negation_is_no_modal() -> None:
    """"did not travel to Kyiv in March": a negated past event, not a commitment; its
    month is the statement's time."""
    assert _findings("The minister did not travel to Kyiv in March and discussed energy security.",
                     "The minister did not travel to Kyiv and discussed energy security.") == []


def test_an_acronym_of_roman_letters_stays_a_name() -> None:
    """"the MDC Alliance" is a name: C, D and M make no session number here."""
    analysis = diplodiff.analyse(Statement(id="a", text="Talks with the MDC Alliance went on."))
    assert [p.text for p in analysis.phrases] == ["MDC Alliance"]


def test_a_custom_speaker_table_tells_two_counterparts_apart() -> None:
    """Two people a custom table (``speakers=``) knows for two sides are two counterparts,
    not two holders of one office, as they are for the builtin table."""
    table = parse_speakers("""
[[person]]
name = "Anna Korva"
side = "finland"
office = "Foreign Minister"
[[person]]
name = "Jonas Vell"
side = "estonia"
office = "Foreign Minister"
[[side]]
id = "finland"
names = ["Finland"]
[[side]]
id = "estonia"
names = ["Estonia"]
""", name="custom")
    earlier = "The talks were opened by Foreign Minister Anna Korva, who stressed regional security."
    later = "The talks were opened by Foreign Minister Jonas Vell, who stressed regional security."
    result = diplodiff.compare(Statement(id="e", text=earlier), Statement(id="l", text=later), speakers=table)
    assert [c.kind for c in result.changes if c.kind is not ChangeKind.KEPT] == [ChangeKind.SHIFTED]


@pytest.mark.parametrize(("earlier", "later"), [
    ("The parties agreed to complete the withdrawal in 2025. Talks go on.",
     "The parties agreed to complete the withdrawal in 2026. Talks go on."),
    ("The council will review the mandate in March. Talks go on.",
     "The council will review the mandate in September. Talks go on."),
], ids=["year-moved", "month-moved"])
def test_when_a_commitment_is_due_moved_is_no_date_update(earlier: str, later: str) -> None:
    """A date changed in a commitment ("will review the mandate in March" -> "in
    September") is the commitment put off or brought forward, not the statement's date."""
    found = _findings(earlier, later, (dt.date(2024, 5, 1), dt.date(2025, 5, 1)))
    assert [kind for kind, _, _ in found] == ["shifted"]
