"""Who said it: officials the text introduces, reported speech, sides, the outlet.

Every text here is an original composition; every official in it is invented, so
the builtin speaker table cannot know them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import diplodiff
from diplodiff import Statement

CHINESE = (
    "BEIJING, March 3 (Xinhua) -- Chinese Vice Foreign Minister Liang Haoran held talks here on "
    "Monday with visiting Mongolian Foreign Minister Batbayar Tsend.\n\n"
    "Liang said that China and Mongolia are good neighbors linked by mountains and rivers. "
    "China is ready to deepen practical cooperation in mining and energy.\n\n"
    "Batbayar said Mongolia firmly adheres to the one-China policy. Mongolia hopes to expand "
    "trade through its border ports, he added."
)
KAZAKH = (
    "Kazakhstan's Deputy Prime Minister and Minister of Foreign Affairs Aidos Serikbayev met with "
    "the Foreign Minister of the Republic of Korea, Park Min-jun, in Astana on 12 May.\n"
    "Serikbayev noted that Kazakhstan regards Korea as a key partner in Asia.\n"
    "Park expressed gratitude for the warm welcome and said that Seoul values the strategic "
    "partnership with Astana.\n"
    "The ministers agreed to hold the next round of consultations in Seoul."
)
RUSSIAN = (
    "On 5 April, Minister of Foreign Affairs of the Russian Federation Pavel Oreshkin held talks "
    "in Moscow with Minister of Foreign Affairs of the Arab Republic of Egypt Karim Naguib. "
    "Oreshkin stressed the traditionally friendly character of Russian-Egyptian relations. "
    "The minister also noted the growth of mutual trade. "
    "Naguib thanked the Russian side for its hospitality."
)
EUROPEAN = (
    "EU High Representative Clara Lindqvist met Ghanaian Foreign Minister Kwame Boateng in Brussels "
    "today. The High Representative said that the European Union stands ready to support regional "
    "security in West Africa. Boateng welcomed the EU's support for the Accra Initiative."
)
INDIAN = (
    "Indian External Affairs Minister Rohan Mehta and Brazilian Foreign Minister Lucas Ferreira "
    "co-chaired the 9th Joint Commission meeting in New Delhi on 14 June. Mehta said that India "
    "and Brazil share a commitment to reformed multilateralism. According to Ferreira, Brazil "
    "supports India's bid for a permanent seat on the Security Council."
)


def voices(text: str, **meta: str | None) -> list[tuple[str | None, str | None, str]]:
    """(speaker, side, text) for each sentence of a statement."""
    statement = Statement(id="t", text=text, **meta)  # type: ignore[arg-type]
    return [(s.speaker, s.side, s.span.of(text)) for s in diplodiff.analyse(statement).sentences]


def voice_of(text: str, start: str, **meta: str | None) -> tuple[str | None, str | None]:
    """The (speaker, side) of the sentence that starts with ``start``."""
    for speaker, side, sentence in voices(text, **meta):
        if sentence.startswith(start):
            return speaker, side
    raise AssertionError(f"no sentence starts with {start!r}: {voices(text, **meta)}")


@pytest.mark.parametrize("name", ["Liang Haoran", "Batbayar Tsend", "Aidos Serikbayev", "Park Min-jun",
                                  "Pavel Oreshkin", "Karim Naguib", "Clara Lindqvist", "Kwame Boateng",
                                  "Rohan Mehta", "Lucas Ferreira"])
def test_test_officials_are_unknown_to_the_builtin_table(name: str) -> None:
    """The officials of these texts are not in the builtin table: recognising them is the text's work."""
    assert name not in {p.name for p in diplodiff.default_speakers().people}


def test_chinese_readout_official_is_recognised() -> None:
    """Xinhua style: "Chinese Vice Foreign Minister X held talks", then "X said"."""
    assert voice_of(CHINESE, "Liang said that") == ("Liang Haoran", "China")


def test_chinese_readout_he_added_stays_with_the_named_speaker() -> None:
    """"..., he added" after a named speaker is that speaker's, not the one before."""
    assert voice_of(CHINESE, "Mongolia hopes to") == ("Batbayar Tsend", "Mongolia")


def test_kazakh_readout_official_is_recognised() -> None:
    """Astana style: "Kazakhstan's Deputy Prime Minister and Minister of Foreign Affairs X"."""
    assert voice_of(KAZAKH, "Serikbayev noted that") == ("Aidos Serikbayev", "Kazakhstan")


def test_title_with_of_country_and_comma_gives_the_side() -> None:
    """"the Foreign Minister of the Republic of Korea, Park Min-jun," speaks for South Korea."""
    assert voice_of(KAZAKH, "Park expressed gratitude") == ("Park Min-jun", "South Korea")


def test_single_line_breaks_separate_paragraphs_and_the_ministers_are_both() -> None:
    """A new line with "The ministers agreed" is both sides."""
    assert voice_of(KAZAKH, "The ministers agreed") == ("both sides", "both")


def test_a_quotation_across_a_single_line_break_has_the_speaker_who_closes_it() -> None:
    """A single line break inside a quotation, which a reflow moves, ends no quotation:
    the lines joined or not, its first sentence is the speaker's who closes it."""
    text = ("Indian External Affairs Minister Rohan Mehta met Brazilian Foreign Minister Lucas Ferreira "
            "in New Delhi.\n\"India values the partnership.\nIndia supports Brazil,\" Mehta said.")
    assert voice_of(text, '"India values') == voice_of(text.replace("partnership.\n", "partnership. "),
                                                        '"India values') == ("Rohan Mehta", "India")


def test_russian_readout_official_is_recognised() -> None:
    """Russian MFA style: "Minister of Foreign Affairs of the Russian Federation X"."""
    assert voice_of(RUSSIAN, "Oreshkin stressed the") == ("Pavel Oreshkin", "Russia")


def test_the_minister_is_the_last_minister_who_spoke() -> None:
    """"The minister also noted" after Oreshkin spoke is Oreshkin's."""
    assert voice_of(RUSSIAN, "The minister also") == ("Pavel Oreshkin", "Russia")


def test_full_country_name_in_title_gives_the_side() -> None:
    """"Minister of Foreign Affairs of the Arab Republic of Egypt X" speaks for Egypt."""
    assert voice_of(RUSSIAN, "Naguib thanked the") == ("Karim Naguib", "Egypt")


def test_european_readout_official_is_recognised() -> None:
    """EEAS style: "EU High Representative X", then "The High Representative said"."""
    assert voice_of(EUROPEAN, "The High Representative") == ("Clara Lindqvist", "EU")


def test_demonym_before_the_title_gives_the_side() -> None:
    """"Ghanaian Foreign Minister Kwame Boateng" speaks for Ghana."""
    assert voice_of(EUROPEAN, "Boateng welcomed the") == ("Kwame Boateng", "Ghana")


def test_indian_readout_official_is_recognised() -> None:
    """MEA style: "Indian External Affairs Minister X"."""
    assert voice_of(INDIAN, "Mehta said that") == ("Rohan Mehta", "India")


def test_two_officials_of_two_sides_as_one_subject_are_both_sides() -> None:
    """"The High Representative and the Foreign Minister discussed": neither alone."""
    text = EUROPEAN + " The High Representative and the Foreign Minister discussed maritime security."
    assert voice_of(text, "The High Representative and") == ("both sides", "both")


def test_two_officials_named_as_one_subject_are_both_sides() -> None:
    """"Lindqvist and Boateng agreed": the names of two sides together."""
    text = EUROPEAN + " Lindqvist and Boateng agreed to meet again in Accra."
    assert voice_of(text, "Lindqvist and Boateng") == ("both sides", "both")


def test_two_officials_of_one_side_as_one_subject_keep_its_voice() -> None:
    """"Mehta and the Minister of State" are both India: the sentence stays Indian, not joint."""
    text = ("Indian External Affairs Minister Rohan Mehta and Minister of State Anil Varma met Brazilian "
            "Foreign Minister Lucas Ferreira in New Delhi. Varma and Mehta said that India values Brazil.")
    assert voice_of(text, "Varma and Mehta")[1] == "India"


def test_according_to_names_the_speaker() -> None:
    """"According to X, ..." is X's."""
    assert voice_of(INDIAN, "According to Ferreira") == ("Lucas Ferreira", "Brazil")


def test_narration_is_the_outlet_by_its_dateline_name() -> None:
    """The event itself ("held talks") is the outlet's, named from the dateline "(Xinhua)"."""
    assert voice_of(CHINESE, "Chinese Vice Foreign") == ("Xinhua", None)


def test_outlet_from_a_url_source_is_a_name() -> None:
    """A source that is a URL gives the outlet's name, never the URL."""
    text = "The two foreign ministers held talks in Beijing."
    speaker, side = voice_of(text, text, source="http://en.people.cn/n3/2025/0101/c90000-1.html")
    assert (speaker, side) == ("People's Daily", None)


@pytest.mark.parametrize(("source", "outlet"), [
    ("original composition for a test set, in the style of a communiqué; not a real document", "outlet"),
    ("from the ministry's website, retrieved 3 May", "outlet"),
    ("Ministry of Foreign Affairs of Barbados", "Ministry of Foreign Affairs of Barbados"),
])
def test_a_source_that_describes_names_no_outlet(source: str, outlet: str) -> None:
    """A source line that opens in lower case says where a text came from, not who
    published it: the narration is the outlet's, unnamed, not the whole line's."""
    text = "The two foreign ministers held talks in Bridgetown."
    assert voice_of(text, text, source=source) == (outlet, None)


def test_a_describing_source_still_yields_to_the_dateline() -> None:
    """With a dateline, its outlet names the narration, whatever the source line says."""
    assert voice_of(CHINESE, "Chinese Vice Foreign", source="copied from a press digest") == ("Xinhua", None)


def test_outlet_metadata_wins_over_the_source() -> None:
    """The ``outlet`` metadata names the outlet."""
    text = "The two foreign ministers held talks in Beijing."
    statement = Statement(id="t", text=text, source="http://example.org/x", meta={"outlet": "Daily Example"})
    assert diplodiff.analyse(statement).sentences[0].speaker == "Daily Example"


def test_a_new_named_speaker_ends_the_carry_over() -> None:
    """"X, who is in Chengdu ..., said ..." after Y spoke is X's, and so is "..., he added"."""
    text = ("Chinese Foreign Minister Zhou Ming met Kazakh Foreign Minister Arman Dauletov in Chengdu. "
            "Zhou said China values the friendship. "
            "Dauletov, who is in Chengdu to attend a forum, said the Kazakh side regards China as a "
            "reliable partner. Kazakhstan is willing to build a new golden 30 years, he added.")
    assert voice_of(text, "Kazakhstan is willing") == ("Arman Dauletov", "Kazakhstan")


def test_they_reporting_at_a_paragraph_start_after_one_speaker_is_both_sides() -> None:
    """"They discussed" opening a paragraph after one minister spoke narrates the two
    ministers; "They" inside that minister's paragraph, or opening a paragraph without a
    reporting verb ("They should ..."), is still her reported speech."""
    text = ("Canadian Foreign Minister Claire Delorme spoke with Mexican Foreign Secretary Tomas Ruiz.\n\n"
            "Minister Delorme explained that Canada and Mexico are close partners. "
            "They will keep the electronic authorization, she said.\n\n"
            "They should deepen their cooperation on energy.\n\n"
            "They discussed cooperation on trade. They agreed to meet again.")
    assert voice_of(text, "They discussed") == ("both sides", "both")
    assert voice_of(text, "They agreed") == ("both sides", "both")
    assert voice_of(text, "They will keep")[0] == "Claire Delorme"
    assert voice_of(text, "They should")[0] == "Claire Delorme"


def test_quote_across_paragraphs_stays_with_its_speaker() -> None:
    """A quotation that runs on into the next paragraph keeps its speaker there."""
    text = ("Indian External Affairs Minister Rohan Mehta spoke after the talks.\n\n"
            'Mehta said: "We will deepen our partnership.\n\n'
            '"The two sides will also open new consulates."\n\n'
            "The two sides agreed to meet again in 2026.")
    assert voice_of(text, '"The two sides will') == ("Rohan Mehta", "India")
    assert voice_of(text, "The two sides agreed") == ("both sides", "both")


def test_communique_we_is_the_issuing_body() -> None:
    """"We, the Leaders of the Group of Twenty" speaks as the G20, and a country it names does not."""
    text = ("We, the Leaders of the Group of Twenty, met in Rio. We reaffirm our commitment to growth. "
            "China has pledged new funding.")
    assert [side for _, side, _ in voices(text)] == ["G20", "G20", "G20"]


def test_communique_we_is_not_a_body_it_meets_with() -> None:
    """An organisation named after the "we" ("together with the co-organizers, the United
    Nations") is not the voice: the apposition names no body, so the participants speak together."""
    text = ("We, the Heads of State and Government of African countries and Japan, together with "
            "the co-organizers, the United Nations and the World Bank, met in Yokohama. "
            "We reaffirm our commitment to growth.")
    assert {side for _, side, _ in voices(text)} == {"both"}
    assert {side for _, side, _ in voices(text.replace("of African countries", "of the African Union,"))} \
        == {"African Union"}


def test_communique_issuer_from_the_source() -> None:
    """"We" with no organisation in the opening speaks for the one the source names."""
    text = "We discussed the situation in the region. We called for restraint."
    assert {side for _, side, _ in voices(text, source="ASEAN Chair")} == {"ASEAN"}


def test_table_prior_gives_a_known_person_their_side() -> None:
    """A person the text names without a country ("President X") gets their side from the table."""
    table = diplodiff.parse_speakers('[[person]]\nname = "Omar Haddad"\nside = "Jordan"\n', name="t")
    text = "President Omar Haddad met the press. Haddad said the talks were useful."
    statement = Statement(id="t", text=text)
    sentences = diplodiff.analyse(statement, speakers=diplodiff.default_speakers().merged(table)).sentences
    assert (sentences[1].speaker, sentences[1].side) == ("Omar Haddad", "Jordan")


def test_malformed_speaker_table_is_a_speaker_table_error() -> None:
    """A speaker table that is not valid TOML raises SpeakerTableError naming it."""
    with pytest.raises(diplodiff.SpeakerTableError, match=r"mine\.toml"):
        diplodiff.parse_speakers("[[person]\nname=", name="mine.toml")


def test_person_without_side_is_a_speaker_table_error() -> None:
    """A person entry without its side raises SpeakerTableError saying which field."""
    with pytest.raises(diplodiff.SpeakerTableError, match="side"):
        diplodiff.parse_speakers('[[person]]\nname = "A B"\n', name="t.toml")


def test_missing_speaker_table_file_is_a_speaker_table_error(tmp_path: Path) -> None:
    """A missing speaker table file raises SpeakerTableError, a DiplodiffError and a ValueError."""
    with pytest.raises(diplodiff.SpeakerTableError) as info:
        diplodiff.load_speakers(tmp_path / "nope.toml")
    assert isinstance(info.value, diplodiff.DiplodiffError)
    assert isinstance(info.value, ValueError)


def test_quote_attributed_after_it_closes_is_the_speaker_throughout() -> None:
    """'"We will ... . We also ...," Mehta said.': every sentence of the quotation is Mehta's."""
    text = ("Indian External Affairs Minister Rohan Mehta met Brazilian Foreign Minister Lucas Ferreira. "
            "Ferreira said Brazil values the talks. "
            '"We will deepen our partnership. We also want more trade," Mehta said.')
    assert voice_of(text, '"We will deepen') == ("Rohan Mehta", "India")


def test_quote_over_paragraphs_named_at_its_end_is_the_speaker_throughout() -> None:
    """A quotation opened in one paragraph, continued in the next and attributed where it
    closes is the named speaker's from its first sentence; its "We"/"Our" is no communiqué."""
    text = ("Kazakh President Arman Seitkali addressed the forum.\n\n"
            '"Our country remains committed to a multi-vector foreign policy. We will build bridges.\n\n'
            '"Kazakhstan will never take sides," Seitkali said.\n\n'
            "The forum closed on Friday.")
    assert voice_of(text, '"Our country') == ("Arman Seitkali", "Kazakhstan")
    assert voice_of(text, "We will build") == ("Arman Seitkali", "Kazakhstan")


def test_counterpart_with_demonym_is_an_introduction() -> None:
    """"his Indonesian counterpart X" introduces X as Indonesia's."""
    text = ("Chinese Foreign Minister Zhou Ming held talks with his Indonesian counterpart Sari Wulandari. "
            "Wulandari said Indonesia values the partnership.")
    assert voice_of(text, "Wulandari said") == ("Sari Wulandari", "Indonesia")


def test_unknown_name_ends_the_previous_speaker() -> None:
    """A name no table knows and no title introduces, as the subject of "said", is a new
    speaker with no known side: the previous speaker's words end there."""
    text = ("Chinese Foreign Minister Zhou Ming spoke first. Zhou said trade grew. "
            "Halvorsen said the talks were useful.")
    assert voice_of(text, "Halvorsen said") == ("Halvorsen", None)


def test_a_family_name_in_capitals_is_the_persons_name() -> None:
    """Japan's style, "Ms. TANAKA Emi, Minister for Foreign Affairs of Japan": the name in
    capitals is the family name, so "Minister Tanaka stated" is hers, not the last
    speaker's."""
    text = ("On May 2, Ms. TANAKA Emi, Minister for Foreign Affairs of Japan, held a telephone talk "
            "with Mr. Luis Ortega, Minister of Foreign Affairs of Peru.\n\n"
            "Minister Ortega stated that Peru values the partnership.\n\n"
            "Minister Tanaka stated that Japan shares that view.")
    assert voice_of(text, "Minister Tanaka") == ("Emi Tanaka", "Japan")
    assert voice_of(text, "Minister Ortega") == ("Luis Ortega", "Peru")


def test_an_imperative_is_no_unknown_speaker() -> None:
    """"Take note of ..." opening a declaration's paragraph is no person called Take: one
    person's verb right after the name is never the bare form ("note", not "notes")."""
    text = ("The Committee of Ministers, meeting at ministerial level,\n\n"
            "1. Take note of the opening for signature of the Convention;\n\n"
            "2. Note with concern the attacks on journalists;")
    assert voice_of(text, "Take note")[0] != "Take"
    assert voice_of(text, "Note with")[0] != "Take"
    assert voice_of("Halvorsen notes that the talks were useful.", "Halvorsen notes") == ("Halvorsen", None)


def test_an_opening_adverb_is_no_unknown_speaker() -> None:
    """"Firmly rejects ..." opening a communiqué's paragraph is no person called Firmly:
    a single "-ly" word is an adverb, and the paragraphs after it keep the issuer's voice."""
    text = ("The Summit of the Heads of State, after deliberations:\n\n"
            "1. Firmly rejects any unilateral change to the border;\n\n"
            "2. Urges the parties to resume talks;")
    assert voice_of(text, "Firmly rejects")[0] != "Firmly"
    assert voice_of(text, "Urges the")[0] != "Firmly"
    said = "Kelly Craft said that the talks were useful."
    assert voice_of(said, "Kelly Craft said") == ("Kelly Craft", None)


def test_plural_noun_is_no_unknown_speaker() -> None:
    """"Officials said" is nobody's name: the voice carries over."""
    text = ("Chinese Foreign Minister Zhou Ming spoke first. Zhou said trade grew. "
            "Officials said the talks were useful.")
    assert voice_of(text, "Officials said") == ("Zhou Ming", "China")


PSC = (
    "The Peace and Security Council of the African Union (AU), at its 1207th meeting held on "
    "14 February 2026 on the situation in the Lakes region, adopted the following communiqué:\n\n"
    "Council,\n\n"
    "1. Welcomes the briefing by the Commissioner on the efforts to restore calm in the region;\n\n"
    "2. Expresses deep concern over the displacement of civilians along the river valley;\n\n"
    "3. Calls on all parties to respect the truce. Demands that armed groups leave the towns they hold;\n\n"
    "4. Strongly condemns the attacks on aid convoys;\n\n"
    "5. Requests the Chairperson of the Commission to report back within sixty days."
)


@pytest.mark.parametrize("start", ["Welcomes", "Expresses", "Calls on", "Demands", "Requests"])
def test_operative_paragraph_is_the_issuing_body(start: str) -> None:
    """A communiqué paragraph opening with a verb and no subject speaks for the body it names."""
    assert voice_of(PSC, start) == ("African Union", "African Union")


def test_operative_verb_after_an_adverb_is_the_issuing_body() -> None:
    """"Strongly condemns ..." is still the issuing body's paragraph."""
    assert voice_of(PSC, "Strongly")[1] == "African Union"


def test_communique_opening_narration_stays_the_outlet() -> None:
    """The sentence that introduces the communiqué is not yet the body's voice."""
    assert voice_of(PSC, "The Peace and Security Council")[1] is None


def test_operative_paragraph_body_from_the_source() -> None:
    """With no organisation in the text, the one the source names is the issuer."""
    text = ("The Council,\n\nRecalling its earlier statements,\n\n"
            "Underscores the need for safe humanitarian access to the coastal districts.")
    assert voice_of(text, "Underscores", source="United Nations Security Council")[1] == "UN"


def test_subjectless_verb_without_an_organisation_stays_the_outlet() -> None:
    """No organisation named anywhere: a sentence opening with a verb is not a communiqué's."""
    text = "The harvest festival drew large crowds.\n\nWelcomes were extended to every visitor at the gate."
    assert voice_of(text, "Welcomes")[1] is None


def test_ministry_official_takes_the_country_of_the_source() -> None:
    """"Spokesperson X" in a country's ministry release speaks for that country."""
    text = "Spokesperson Selin Arıkan answered a question from the press. Arıkan said the talks were useful."
    source = "Republic of Türkiye Ministry of Foreign Affairs"
    assert voice_of(text, "Arıkan said", source=source) == ("Selin Arıkan", "Turkey")


def test_ministry_official_takes_the_country_of_the_title() -> None:
    """The title can name the ministry when the source does not."""
    text = "Press Secretary Haruto Mori held a briefing. Mori said the visit would go ahead."
    title = "Press conference, Ministry of Foreign Affairs of Japan"
    assert voice_of(text, "Mori said", title=title)[1] == "Japan"


def test_official_with_another_country_keeps_it_in_a_ministry_release() -> None:
    """An official the text gives a country keeps it, whatever ministry issued the text."""
    text = ("Minister of External Affairs Arvind Rao met Kenyan Foreign Minister Otieno Wambua. "
            "Wambua said Kenya values the partnership.")
    source = "Ministry of External Affairs, Government of India"
    assert voice_of(text, "Wambua said", source=source)[1] == "Kenya"


def test_source_naming_a_country_but_no_ministry_gives_no_side() -> None:
    """A newspaper named after a country is not that country's office."""
    text = "Spokesperson Haruto Mori held a briefing. Mori said the visit would go ahead."
    assert voice_of(text, "Mori said", source="The Japan Ledger")[1] is None


def _bundled() -> list[Statement]:
    root = Path(__file__).resolve().parent
    dirs = [root.parent / "seeds", *(root / "data" / d for d in ("dev", "dev2", "dev3", "dev4", "dev5",
                                                                "holdout", "holdout2"))]
    found = [s for d in dirs for s in diplodiff.load_statements(d)]
    group = ("Liang said that China values the talks. The two sides had a candid exchange on trade. "
             "Both delegations then toured the port.")  # a group in the first words, no verb read
    found += [Statement(id=str(k), text=t)
              for k, t in enumerate((CHINESE, KAZAKH, RUSSIAN, EUROPEAN, INDIAN, group))]
    return found


def test_the_sentences_the_reader_carries_over_unread_take_the_voice_decide_gives(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``_Reader.carries`` skips ``decide`` for most sentences: reading every sentence
    gives every bundled statement the same voices."""
    from diplodiff.text import speakers
    from diplodiff.text.tokens import tokenize

    statements = _bundled()

    def voiced() -> list[list[tuple[str | None, str | None, object]]]:
        return [[(s.speaker, s.side, s.voice) for s in speakers.attribute(st, tokenize(st))]
                for st in statements]

    skipped = 0
    carries = speakers._Reader.carries

    def counted(self: speakers._Reader, n: int, words: object) -> bool:
        nonlocal skipped
        found = carries(self, n, words)  # type: ignore[arg-type]
        skipped += found
        return found

    monkeypatch.setattr(speakers._Reader, "carries", counted)
    fast = voiced()
    assert skipped > 100  # the shortcut is taken, so the comparison tests it
    monkeypatch.setattr(speakers._Reader, "carries", lambda self, n, words: False)
    assert voiced() == fast
