"""Readouts of different meetings (no revision): how the inventory is read there."""

from __future__ import annotations

from pathlib import Path

import pytest

import diplodiff
from diplodiff import ChangeKind, ShiftType, Statement


def _compare(earlier: str, later: str) -> diplodiff.Comparison:
    result = diplodiff.compare(Statement(id="a", text=earlier), Statement(id="b", text=later))
    assert not result.revision
    return result


def test_a_sentence_with_two_new_formulas_is_one_passage() -> None:
    result = _compare(
        "Wang Yi met the visiting minister in Beijing. They discussed trade.",
        "The ministers held talks in Astana on Monday. Both sides will jointly act on the Global "
        "Development Initiative and the Global Security Initiative.")
    added = result.of_kind(ChangeKind.ADDED)
    assert [p.kind for p in result.passages] == [ChangeKind.ADDED]
    assert {c.later.text for c in added if c.later} >= {"Global Development Initiative",
                                                         "Global Security Initiative"}
    assert {c.passage for c in added} == {result.passages[0].id}


def test_a_sentence_with_one_new_formula_is_no_passage() -> None:
    result = _compare(
        "Wang Yi met the visiting minister in Beijing. They discussed trade.",
        "The ministers held talks in Astana on Monday. Both sides support the Global Development Initiative.")
    assert result.passages == ()
    assert [c.passage for c in result.of_kind(ChangeKind.ADDED)] == [None]


def test_a_paragraph_break_ends_a_passage() -> None:
    result = _compare(
        "Wang Yi met the visiting minister in Beijing. They discussed trade.",
        "The ministers held talks in Astana on Monday.\n\nBoth sides support the Global Development "
        "Initiative.\n\nBoth sides support the Global Security Initiative.")
    assert result.passages == ()


def test_a_single_line_break_ends_no_passage() -> None:
    """Whether a single line break parts paragraphs depends on how the text is wrapped:
    lines joined by a reflow must read the same."""
    earlier = "Wang Yi met the visiting minister in Beijing. They discussed trade."
    later = ("The ministers held talks in Astana on Monday.\nBoth sides support the Global Development "
             "Initiative.\nBoth sides support the Global Security Initiative.")
    on_lines, reflowed = _compare(earlier, later), _compare(earlier, later.replace("\n", " "))
    assert [p.sentences for p in on_lines.passages] == [p.sentences for p in reflowed.passages] == [(1, 2)]


def test_a_chunk_of_a_passage_with_words_the_other_never_uses_is_a_key_phrase() -> None:
    result = _compare(
        "Wang Yi met the visiting minister in Beijing. They discussed trade.",
        "The ministers held talks in Astana on Monday. Both sides will jointly act on the Global "
        "Development Initiative and the Global Security Initiative, and expand vaccine assistance.")
    assert "vaccine assistance" in {c.later.text for c in result.of_kind(ChangeKind.ADDED) if c.later}


def test_a_discovered_phrase_whose_words_the_other_uses_is_not_added() -> None:
    result = _compare(
        "The leaders will meet at the summit of the Astana Forum, said the host.",
        "The ministers held talks on Monday. They prepared the Astana summit.")
    assert "Astana summit" not in {c.phrase.text for c in result.changes if c.kind is not ChangeKind.KEPT}


def test_a_new_discovered_name_is_added() -> None:
    result = _compare(
        "The leaders will meet at the summit in Beijing, said the host.",
        "The ministers held talks on Monday. They prepared the Astana summit.")
    assert "Astana summit" in {c.phrase.text for c in result.of_kind(ChangeKind.ADDED)}


def test_joint_and_one_sided_voice_is_no_speaker_shift() -> None:
    result = _compare(
        "The two sides agreed to uphold the Global Development Initiative. The visit ended in Astana.",
        "Wang Yi said China will uphold the Global Development Initiative. Talks were held in Beijing.")
    change = next(c for c in result.changes if c.phrase.canonical == "Global Development Initiative")
    assert ShiftType.SPEAKER not in change.shift


def test_a_formula_passed_from_one_side_to_the_other_is_a_speaker_shift() -> None:
    result = _compare(
        "Wang Yi said China will uphold the Global Development Initiative. The visit ended in Astana.",
        "In Beijing on Monday, Tokayev stressed that Kazakhstan firmly backs the Global Development "
        "Initiative. The ministers also discussed trade.")
    change = next(c for c in result.changes if c.phrase.canonical == "Global Development Initiative")
    assert ShiftType.SPEAKER in change.shift


@pytest.mark.parametrize("other", ["Both sides agreed to deepen trade.", "Talks were held in Beijing."])
def test_a_speaker_shift_is_one_finding_on_the_formula(other: str) -> None:
    """The sentence passed from one side to both: the formula's speaker shift says it, and
    the words that name the speaker ("Wang said China" -> "Both sides") are no second finding."""
    result = diplodiff.compare(
        Statement(id="a", text=f"Wang said China supports the Global Security Initiative. {other}"),
        Statement(id="b", text=f"Both sides support the Global Security Initiative. {other}"))
    assert [(c.phrase.canonical, c.shift) for c in result.of_kind(ChangeKind.SHIFTED)] == [
        ("Global Security Initiative", (ShiftType.SPEAKER,))]


def test_a_name_formula_is_reported_with_the_noun_it_modifies() -> None:
    result = _compare(
        "She thanked Russia for its support during Indonesia's G20 presidency. "
        "The talks were held in Moscow.",
        "The ministers met in St Petersburg on Friday. They discussed energy.")
    assert [c.earlier.text for c in result.of_kind(ChangeKind.DROPPED) if c.earlier] == ["G20 presidency"]


def test_a_name_formula_before_a_verb_stays_the_name() -> None:
    result = _compare(
        "The G20 welcomed the plan. The talks were held in Moscow.",
        "The ministers met in St Petersburg on Friday. They discussed energy.")
    assert [c.earlier.text for c in result.of_kind(ChangeKind.DROPPED) if c.earlier] == ["G20"]


def _discovered(text: str) -> list[str]:
    return [p.text for p in diplodiff.extract_phrases(Statement(id="x", text=text))
            if p.origin is diplodiff.Origin.DISCOVERED]


def test_a_body_in_an_officials_title_is_no_phrase() -> None:
    assert "Communist Party of China Central Committee" not in _discovered(
        "Wang Yi, member of the Political Bureau of the Communist Party of China Central Committee, "
        "met the visiting minister.")


def test_a_body_outside_a_title_is_a_phrase() -> None:
    assert "Communist Party of China Central Committee" in _discovered(
        "The Communist Party of China Central Committee issued a plan on rural reform.")


@pytest.mark.parametrize(("old", "new"), [("004", "000"), ("001", "004"), ("003", "001"), ("002", "004")])
def test_swapping_two_readouts_swaps_their_passages(old: str, new: str) -> None:
    seeds = Path(__file__).parent.parent / "seeds"
    a = diplodiff.load_statement(next(seeds.glob(f"{old}_*.txt")))
    b = diplodiff.load_statement(next(seeds.glob(f"{new}_*.txt")))
    forward, backward = diplodiff.compare(a, b), diplodiff.compare(b, a)
    swap = {ChangeKind.ADDED: ChangeKind.DROPPED, ChangeKind.DROPPED: ChangeKind.ADDED}
    assert sorted((swap[p.kind].value, p.text) for p in forward.passages) == sorted(
        (p.kind.value, p.text) for p in backward.passages)


_EARLIER_MEETING = ("Foreign Minister Amara met her counterpart Lindqvist in Oslo on Monday. The two "
                    "ministers discussed fisheries and the Arctic Council. Amara thanked Norway for its "
                    "hospitality. Lindqvist spoke of a productive visit.")
_OPENING = "Foreign Minister Amara received her counterpart Lindqvist in Bergen on Friday."
#: Words of the earlier readout only, cut otherwise: no counterpart, and nothing new.
_CLOSING = "Lindqvist spoke of the Arctic Council, and Amara of fisheries and her thanks to Norway."


def test_a_sentence_of_new_matter_with_no_formula_is_listed() -> None:
    """"The minister offered condolences for the victims of the earthquake in Herat": no
    formula marks it, and a word diff shows it; the report lists it, as it stands, with no
    change made of it."""
    later = (f"{_OPENING} The minister offered condolences for the victims of the earthquake in Herat. "
             f"{_CLOSING}")
    result = _compare(_EARLIER_MEETING, later)
    new = "The minister offered condolences for the victims of the earthquake in Herat."
    assert [(p.id, p.kind, p.text) for p in result.other_sentences] == [("s1", ChangeKind.ADDED, new)]
    assert not [c for c in result.changes if c.kind is not ChangeKind.KEPT]
    assert result.has_changes
    text = diplodiff.to_text(result)
    assert "Other new sentences (1): only in the later statement, in no finding above\n  + The minister " \
           "offered condolences for the victims of the earthquake in Herat.\n" in text
    assert "; other sentences: 1 new, 0 dropped" in text
    assert "## Other new sentences (1)" in diplodiff.to_markdown(result)
    data = diplodiff.to_dict(result)
    assert data["schema_version"] == 2
    assert [(o["id"], o["kind"], o["sentences"]) for o in data["other_sentences"]] == [("s1", "added", [1])]
    page = diplodiff.to_html(result)
    assert 'id="passage-s1"' in page
    assert 'data-passage="s1"' in page


@pytest.mark.parametrize(("ending", "listed"), [
    ("fisheries", False),
    ("seabed mining", True),
], ids=["two-new-words", "four-new-words"])
def test_a_sentence_with_two_new_words_is_the_others_matter_reworded(ending: str, listed: bool) -> None:
    """One or two words the other never uses are its matter reworded ("... and pledged to
    work together" beside "reaffirmed their commitment to ..."); three or more are new matter."""
    later = f"{_OPENING} Amara pledged to work with Lindqvist on {ending}. {_CLOSING}"
    assert bool(_compare(_EARLIER_MEETING, later).other_sentences) is listed


def test_a_sentence_with_a_finding_is_not_listed_again() -> None:
    """A sentence an added formula stands in is read under that finding, with its sentence."""
    later = (f"{_OPENING} The two sides agreed to act on the Global Security Initiative in the coastal "
             f"provinces of the north. {_CLOSING}")
    result = _compare(_EARLIER_MEETING, later)
    added = [c.later.text for c in result.of_kind(ChangeKind.ADDED) if c.later]
    assert added == ["Global Security Initiative"]
    assert result.other_sentences == ()


def test_new_sentences_of_one_paragraph_are_one_run() -> None:
    """Consecutive sentences of new matter in one paragraph are listed together; a blank
    line parts them."""
    later = (f"{_OPENING} The minister offered condolences for the earthquake victims in Herat. She "
             "announced emergency shelter kits for displaced families.\n\nLindqvist praised Norwegian "
             f"rescue volunteers. {_CLOSING}")
    result = _compare(_EARLIER_MEETING, later)
    assert [p.sentences for p in result.other_sentences] == [(1, 2), (3,)]


def test_a_real_readout_pair_lists_what_no_formula_marks() -> None:
    """Russia-Indonesia 2023 -> 2025 (dev): "education" gone from the fields of cooperation,
    the wheat and fertiliser supplies, the 75th anniversary: sentences with no counterpart
    and no finding, listed."""
    data = Path(__file__).parent / "data" / "dev"
    result = diplodiff.compare(data / "russia_indonesia_2023.txt", data / "russia_indonesia_2025.txt")
    assert [(p.kind, p.text.split(" ", 3)[:3]) for p in result.other_sentences] == [
        (ChangeKind.DROPPED, ["He", "added", "that"]),
        (ChangeKind.DROPPED, ["Kusumawardani", "said", "that"]),
        (ChangeKind.DROPPED, ["According", "to", "Kusumawardani,"]),
        (ChangeKind.ADDED, ["Sedykh", "welcomed", "his"])]


def test_a_revision_lists_no_other_sentences() -> None:
    """In one text revised, every sentence with no counterpart is a passage already."""
    earlier = " ".join(f"The council reviewed item {n} of the agenda on regional water security."
                       for n in range(8))
    later = earlier + " The minister offered condolences for the victims of the earthquake in Herat."
    result = diplodiff.compare(Statement(id="a", text=earlier), Statement(id="b", text=later))
    assert result.revision
    assert result.other_sentences == ()
    assert [p.kind for p in result.passages] == [ChangeKind.ADDED]


@pytest.mark.parametrize(("text", "name"), [
    ("Brazil joined the Global Alliance Against Hunger and Poverty last year.",
     "Global Alliance Against Hunger and Poverty"),
    ("The Sub-Committee on Environment and Climate Change met in June.",
     "Sub-Committee on Environment and Climate Change"),
    ("Indonesia seeks accession to the Organisation for Economic Co-operation and Development.",
     "Organisation for Economic Co-operation and Development"),
    ("They backed the Special Tribunal for the Crime of Aggression against Ukraine today.",
     "Special Tribunal for the Crime of Aggression against Ukraine"),
    ("The Organisation for the Prohibition of Chemical Weapons met.",
     "Organisation for the Prohibition of Chemical Weapons"),
    ("The Mine Countermeasures Naval Group in the Black Sea began work.",
     "Countermeasures Naval Group in the Black Sea"),
    ("They attended the Summit of the Future in New York in September.", "Summit of the Future"),
], ids=["against", "on", "for", "for-the", "for-the-of", "in-the", "venue-after"])
def test_a_name_is_read_over_its_joining_words(text: str, name: str) -> None:
    """A name's complement may hold an "and" with no head noun after it, and its words
    may be joined over "the" ("for the", "of the", "in the"): the name is read whole,
    not cut before the "and", "Against" or "the"; a place after "in" with no article is
    where it met, no part of it."""
    assert name in _discovered(text)


@pytest.mark.parametrize(("text", "names"), [
    ("He met the Chairman of the Transitional Sovereignty Council on Monday.",
     ["Transitional Sovereignty Council"]),
    ("The High Representative of the European Union spoke.", ["European Union"]),
    ("They met in Yokohama for the Seventh Tokyo International Conference on African Development.",
     ["Seventh Tokyo International Conference on African Development"]),
    ("He flew from Vienna to the Preparatory Committee meeting.", ["Preparatory Committee"]),
    ("The Intergovernmental Authority on Development met in Djibouti.",
     ["Intergovernmental Authority on Development"]),
    ("They welcomed the Enhanced Partnership and Cooperation Agreement with Kazakhstan.",
     ["Enhanced Partnership and Cooperation Agreement"]),
], ids=["office", "office-of-a-union", "place-first", "to-the", "on-a-topic", "with-a-partner"])
def test_an_office_or_a_place_before_the_is_no_part_of_the_name(text: str, names: list[str]) -> None:
    """An office ("Chairman of the ...") names a person's post, not the body: the body is
    the name; a place before "for the" or "to the" is a place, not a name's first word; a
    partner after "with", a place after "in" and a day after "on" end the name before
    them, where a topic after "on" is the name's."""
    assert _discovered(text) == names


def test_a_curated_name_inside_a_longer_run_is_kept() -> None:
    """"Joint Comprehensive Plan of Action on the Iranian nuclear programme": the lexicon's
    name stays the finding; the run that swallows it ends on an adjective."""
    found = diplodiff.extract_phrases(Statement(
        id="x", text="They back the Joint Comprehensive Plan of Action on the Iranian nuclear programme."))
    curated = [p.text for p in found if p.origin is diplodiff.Origin.LEXICON]
    assert "Joint Comprehensive Plan of Action" in curated


def test_an_and_between_two_things_still_parts_them() -> None:
    """"the Luban Workshop and Kazakhstan": no joining word before the "and", two things."""
    assert not [n for n in _discovered("China opened the Luban Workshop and Kazakhstan sent staff.")
                if "Kazakhstan" in n and "Workshop" in n]


def test_a_named_disaster_is_a_name() -> None:
    """"Typhoon Yagi": the storm's name is a named thing, as a summit's is."""
    assert _discovered("He offered condolences for the damage caused by Typhoon Yagi in the north.") == [
        "Typhoon Yagi"]
