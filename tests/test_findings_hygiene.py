"""What a finding quotes: never a wording the other statement says, never a bare
modifier or a wording of function words alone; a wording shown on one line in the
report and exactly as it stands in the JSON."""

from __future__ import annotations

import attrs
import pytest

import diplodiff
from diplodiff import ChangeKind, Passage, Span, Statement
from diplodiff.diff.pipeline import _fallback, _names_something, _statement_words, analyse

_MOVED = "and asks for the prompt delivery of the Joint Relief Framework for Coastal Towns"
_EARLIER = f"The council is alarmed by the floods along the river delta, {_MOVED}."
_LATER = f"The council is alarmed by the floods. It instructs the secretariat to act {_MOVED}."


def _clause_passage(text: str, clause: str) -> Passage:
    start = text.index(clause)
    span = Span(start, start + len(clause))
    return Passage("p1", ChangeKind.DROPPED, (0,), span, clause)


def test_a_clause_the_other_statement_says_whole_gives_no_finding() -> None:
    """A clause that moved into another sentence is said in both statements: the
    passage fallback finds nothing in it, not its longest phrase."""
    earlier = analyse(Statement(id="e", text=_EARLIER))
    other = _statement_words(analyse(Statement(id="l", text=_LATER)))[0]
    assert _fallback(earlier, _clause_passage(_EARLIER, _MOVED), ChangeKind.DROPPED, other) is None


def test_a_fallback_finding_is_no_wording_the_other_statement_says() -> None:
    """Of a clause partly said elsewhere, the finding is a phrase the other statement lacks."""
    clause = "and asks for the prompt delivery of the Joint Relief Framework for Coastal Towns and Rivers"
    text = f"The council is alarmed by the floods along the river delta, {clause}."
    earlier = analyse(Statement(id="e", text=text))
    other = _statement_words(analyse(Statement(id="l", text=_LATER)))[0]
    change = _fallback(earlier, _clause_passage(text, clause), ChangeKind.DROPPED, other)
    assert change is not None
    assert f" {change.phrase.key} " not in other


@pytest.mark.parametrize("text", [
    "We met here today. Talks went on.", "Trade\u2002flows. One\u00b4s talk.", "Alone\u00a8", ""])
def test_a_statements_words_are_the_words_of_its_word_stream(text: str) -> None:
    """The word set is the stream's words, also when a folded part holds a space
    (the compatibility form of an acute accent is a space and the accent)."""
    stream, words = _statement_words(analyse(Statement(id="s", text=text)))
    assert words == frozenset(stream.split())


_WRAPPED = ("The ministers agree that the fund shall\nexpand its grants to small island states.",
            "The ministers agree that the fund might\nexpand its grants to small island states.")


def _wrapped_shift() -> diplodiff.Change:
    comparison = diplodiff.compare(Statement(id="e", text=_WRAPPED[0]), Statement(id="l", text=_WRAPPED[1]))
    (change,) = [c for c in comparison.changes if c.kind is ChangeKind.SHIFTED]
    return change


def test_a_wording_cut_across_a_line_break_is_quoted_on_one_line_in_the_report() -> None:
    """The text report quotes the wording with one space where the text breaks its line."""
    comparison = diplodiff.compare(Statement(id="e", text=_WRAPPED[0]), Statement(id="l", text=_WRAPPED[1]))
    report = diplodiff.to_text(comparison)
    assert "shall expand" in report
    assert "shall\nexpand" not in report


def test_the_json_wording_is_exactly_as_it_stands() -> None:
    """The JSON contract: ``text`` is the phrase exactly as it stands (its span's slice)."""
    change = _wrapped_shift()
    assert change.earlier is not None
    assert change.earlier.text == change.earlier.span.of(_WRAPPED[0])
    assert "\n" in change.earlier.text


_MODIFIED = ("The envoys met in Oslo on Friday. The envoys renewed their complete support for the "
             "observers and asked both parties to open the border crossings.",
             "The envoys met in Oslo on Friday. The envoys renewed their support for the "
             "observers and asked both parties to open the border crossings.")


def test_a_lone_modifier_gone_from_a_kept_sentence_is_no_dropped_item() -> None:
    """A word deleted before the noun it qualifies is that wording shifted, not a
    dropped item quoting the bare modifier."""
    comparison = diplodiff.compare(Statement(id="e", text=_MODIFIED[0]), Statement(id="l", text=_MODIFIED[1]))
    found = [(c.kind, c.earlier.text if c.earlier else "", c.later.text if c.later else "")
             for c in comparison.changes if c.kind is not ChangeKind.KEPT]
    assert [kind for kind, _, _ in found] == [ChangeKind.SHIFTED]
    assert found[0][1].startswith("complete support")
    assert found[0][1] == "complete " + found[0][2]


def test_a_wording_of_function_words_alone_names_nothing() -> None:
    """"of the" is no finding; "of the border" is."""
    analysis = analyse(Statement(id="e", text=_MODIFIED[0]))
    phrase = analysis.phrases[0]
    assert not _names_something(attrs.evolve(phrase, key="of the"))
    assert _names_something(attrs.evolve(phrase, key="of the border"))


_CURATED = diplodiff.parse_lexicon('schema_version = 1\n\n[[formula]]\nid = "t.drivers"\n'
                                   'canonical = "underlying drivers of the drought"\ncategory = "test"\n',
                                   name="inline")
_REPLACED = ("The ministers met in Lima on Friday. They asked the two agencies to pool their data in order "
             "to study the underlying drivers of the drought. They thanked the hosts.",
             "The ministers met in Lima on Friday. They asked the two agencies to pool their data in order "
             "to study the Andes glacier survey. They thanked the hosts.")


def test_a_curated_formula_replaced_by_an_unrelated_wording_is_no_shift() -> None:
    """A wording with no word of a curated formula, put in its place, is no rewording
    of it: the formula is dropped and the wording added."""
    comparison = diplodiff.compare(Statement(id="e", text=_REPLACED[0]), Statement(id="l", text=_REPLACED[1]),
                                   lexicon=_CURATED)
    found = sorted((c.kind.value, c.phrase.text) for c in comparison.changes if c.kind is not ChangeKind.KEPT)
    assert found == [("added", "Andes glacier survey"), ("dropped", "underlying drivers of the drought")]


def test_a_curated_formula_keeping_a_word_is_still_a_shift() -> None:
    """A wording that keeps a word of the formula in its place is its rewording."""
    later = _REPLACED[1].replace("the Andes glacier survey", "the deeper drivers of the drought")
    comparison = diplodiff.compare(Statement(id="e", text=_REPLACED[0]), Statement(id="l", text=later),
                                   lexicon=_CURATED)
    assert [c.kind for c in comparison.changes if c.kind is not ChangeKind.KEPT] == [ChangeKind.SHIFTED]


_REWRITTEN = ("The ministers met in Lima on Friday. The ministers took note of the reports filed by Peru and "
              "Chile and urged the coastal agencies to publish their catch records. They thanked the hosts.",
              "The ministers met in Lima on Friday. The ministers took note of the reports filed by Peru and "
              "Chile and welcomed a regional fund for storm warning systems financed by three donors. "
              "They thanked the hosts.")


def test_a_clause_rewritten_into_an_unrelated_one_is_a_dropped_and_a_new_passage() -> None:
    """Two clauses with no content word in common in one place are no shift of one wording."""
    earlier, later = (Statement(id=name, text=text) for name, text in zip("el", _REWRITTEN, strict=True))
    comparison = diplodiff.compare(earlier, later)
    assert not comparison.of_kind(ChangeKind.SHIFTED)
    assert [(p.kind, p.text.split()[0]) for p in comparison.passages] == [
        (ChangeKind.DROPPED, "urged"), (ChangeKind.ADDED, "welcomed")]


def test_a_name_with_a_capitalised_governing_word_is_quoted_whole() -> None:
    """"Support" is a governing word ("reiterated its support for"), but written with a
    capital inside a name it is a word of the name: the swap quotes "Multinational
    Security Support mission" (the name with its lower-case head), never the name cut
    before it ("Multinational Security") with "Support mission" reported apart, nor
    "mission" alone."""
    head, tail = "Canada reiterated its support for the ", ", and both agreed. Talks go on."
    result = diplodiff.compare(
        Statement(id="e", text=head + "Multinational Security Support mission" + tail),
        Statement(id="l", text=head + "Gang Suppression Force authorized by the Council" + tail))
    quoted = [c.earlier.text for c in result.changes
              if c.earlier is not None and c.kind is not ChangeKind.KEPT]
    assert "Multinational Security Support mission" in quoted
    assert not any(q.endswith("Multinational Security") or q.startswith(("Support", "mission"))
                   for q in quoted)



def test_a_quoted_wording_leaves_out_the_punctuation_inside_its_closing_mark() -> None:
    """A quotation written with the sentence's comma or period inside its closing mark
    ("... the way," she said) is quoted as its words, with no trailing punctuation."""
    kept = "The talks were open, officials said."
    earlier = Statement(id="e", text=kept)
    later = Statement(id="l", text='"Dialogue must never stop," the envoy said. ' + kept)
    quoted = [c.phrase.text for c in diplodiff.compare(earlier, later).changes if "quoted" in c.phrase.marks]
    assert quoted == ["Dialogue must never stop"]


def test_a_long_passage_with_no_phrase_is_quoted_by_its_opening_clause() -> None:
    """Two sentences of meeting details, no phrase in them: the key phrase is their
    opening clause, not the whole passage over again."""
    kept = "The council met in Vienna on Monday.\n\nThe ministers reviewed the work of the year."
    new = ("Adopted at the plenary meeting in Valletta, 5 and 6 December 2024. "
           "Chaired by the host, it ended on time.")
    result = diplodiff.compare(Statement(id="e", text=kept), Statement(id="l", text=f"{new}\n\n{kept}"))
    assert [p.text for p in result.passages] == [new]
    assert [c.phrase.text for c in result.changes if c.passage == result.passages[0].id] == [
        "Adopted at the plenary meeting in Valletta"]


def test_a_passage_opening_with_its_number_is_quoted_from_its_first_word() -> None:
    """"3. Adopted at ...": the paragraph's number is no clause; the passage is reported,
    its key phrase the clause after the number."""
    kept = "The council met in Vienna on Monday.\n\nThe ministers reviewed the work of the year."
    new = ("3. Adopted at the plenary meeting in Valletta, 5 and 6 December 2024 and chaired by the "
           "host.")
    result = diplodiff.compare(Statement(id="e", text=kept), Statement(id="l", text=f"{new}\n\n{kept}"))
    assert [c.phrase.text for c in result.changes if c.passage] == [
        "Adopted at the plenary meeting in Valletta"]


@pytest.mark.parametrize(("earlier_line", "later_line", "reported"), [
    ("Ankara, 14 July 2022", "Bogor, 13 February 2025", []),
    ("Ankara, 14 July 2022", "Signed in Bogor by both ministers", ["Signed in Bogor by both ministers"]),
], ids=["dateline", "not-a-dateline"])
def test_a_dateline_is_no_passage(earlier_line: str, later_line: str, reported: list[str]) -> None:
    """Where and when a statement was signed ("Bogor, 13 February 2025") is metadata like
    its date: a new dateline is no new passage; a line that says more still is one."""
    kept = "The council met in Vienna on Monday.\n\nThe ministers reviewed the work of the year."
    result = diplodiff.compare(Statement(id="e", text=f"{kept}\n\n{earlier_line}"),
                               Statement(id="l", text=f"{kept}\n\n{later_line}"))
    assert [p.text for p in result.passages if p.kind is ChangeKind.ADDED] == reported
