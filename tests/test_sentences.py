"""Sentence correspondence: which earlier sentence became which later one, revisions,
and the passages a revision adds or drops."""

from __future__ import annotations

import diplodiff
from diplodiff import ChangeKind, Statement
from diplodiff.diff.sentences import align_sentences, is_revision, passages


def _analyse(text: str) -> diplodiff.Analysis:
    return diplodiff.analyse(Statement(id="s", text=text))


def _links(earlier: str, later: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(x.earlier, x.later) for x in align_sentences(_analyse(earlier), _analyse(later))]


def test_identical_sentences_correspond_in_order() -> None:
    """Each sentence of a text corresponds to itself."""
    text = "We met in Rome. We welcome the accord. Talks will go on."
    assert _links(text, text) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_a_moved_sentence_still_corresponds() -> None:
    """A sentence moved to another place is found there."""
    assert _links("We met in Rome. We welcome the accord. Talks will go on.",
                  "Talks will go on. We met in Rome. We welcome the accord.") == [
        ((0,), (1,)), ((1,), (2,)), ((2,), (0,))]


def test_a_reworded_sentence_corresponds() -> None:
    """A sentence with one word changed corresponds to its earlier form, below 100."""
    links = align_sentences(_analyse("We express serious concern about the situation in the region."),
                            _analyse("We express grave concern about the situation in the region."))
    assert [(x.earlier, x.later) for x in links] == [((0,), (0,))]
    assert 50 < links[0].similarity < 100


JOINED = ("The ministers reviewed the strategic dialogue and agreed to hold the next round in Tokyo "
          "in the spring.")
SPLIT = ("The ministers reviewed the strategic dialogue. They agreed to hold the next round in Tokyo "
         "in the spring.")


def test_a_split_sentence_corresponds_to_both_halves() -> None:
    """One sentence split in two corresponds to the two."""
    assert _links(JOINED, SPLIT) == [((0,), (0, 1))]


def test_two_merged_sentences_correspond_to_the_one() -> None:
    """Two sentences merged into one correspond to it."""
    assert _links(SPLIT, JOINED) == [((0, 1), (0,))]


def test_different_sentences_do_not_correspond() -> None:
    """Sentences that share only function words and a name do not correspond."""
    assert _links("China and Kazakhstan signed a new trade agreement on energy.",
                  "Tokayev met the press in Astana after the talks with Xi.") == []


def test_a_revision_is_most_sentences_corresponding() -> None:
    """A text with one sentence added is a revision; two unrelated texts are not."""
    a = _analyse("We met in Rome. We welcome the accord. Talks will go on.")
    b = _analyse("We met in Rome. We welcome the accord. A new fund opens. Talks will go on.")
    c = _analyse("Trade grew by a third. Wheat supplies will rise. The visit ends today.")
    assert is_revision(a, b, align_sentences(a, b))
    assert not is_revision(a, c, align_sentences(a, c))


def test_unmatched_sentences_of_a_revision_are_passages() -> None:
    """The sentence only the later text has is an added passage, with its place."""
    a = _analyse("We met in Rome. We welcome the accord. Talks will go on.")
    b = _analyse("We met in Rome. We welcome the accord. We launched the Green Bridge Forum. "
                 "Talks will go on.")
    found = passages(a, b, align_sentences(a, b))
    assert [(p.kind, p.sentences, p.text) for p in found] == [
        (ChangeKind.ADDED, (2,), "We launched the Green Bridge Forum.")]


def test_a_new_passage_is_one_item_with_its_key_phrases() -> None:
    """compare() lists the passage once and its key phrase as an added change carrying its id."""
    result = diplodiff.compare(
        Statement(id="a", text="We met in Rome. We welcome the accord. Talks will go on."),
        Statement(id="b", text="We met in Rome. We welcome the accord. We launched the Green Bridge Forum. "
                               "Talks will go on."))
    assert [p.id for p in result.passages] == ["p1"]
    found = [(c.kind, c.phrase.text, c.passage) for c in result.changes if c.kind is not ChangeKind.KEPT]
    assert found == [(ChangeKind.ADDED, "Green Bridge Forum", "p1")]


def test_readouts_of_different_meetings_have_no_passages() -> None:
    """When few sentences correspond, unmatched sentences are no passages."""
    result = diplodiff.compare(
        Statement(id="a", text="Trade grew by a third. Wheat supplies will rise. "
                               "The Green Bridge Forum met."),
        Statement(id="b", text="The visit ends today. Both sides praised the Luban Workshop."))
    assert not result.revision
    assert result.passages == ()


REWRITTEN = ("We met in Rome. Piracy by armed groups constitutes a danger to regional shipping. "
             "Talks will go on.",
             "We met in Rome. The armed groups of the northern coast are now the gravest and most "
             "immediate danger to shipping and to trade across the wider region. Talks will go on.")


def test_a_sentence_rewritten_in_place_corresponds() -> None:
    """A sentence rewritten between two kept ones, keeping half its content words,
    corresponds to its new form though their word sequences share little."""
    a, b = (_analyse(t) for t in REWRITTEN)
    links = align_sentences(a, b)
    assert [(x.earlier, x.later) for x in links] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert links[1].similarity < 30


def test_a_rewritten_sentence_reports_the_noun_phrase_around_its_kept_head() -> None:
    """The change of a rewritten sentence is read around the head it keeps: one shift of
    its noun phrase, not a dropped and a new passage."""
    result = diplodiff.compare(Statement(id="a", text=REWRITTEN[0]), Statement(id="b", text=REWRITTEN[1]))
    shifted = [(c.earlier.text, c.later.text) for c in result.of_kind(ChangeKind.SHIFTED)
               if c.earlier is not None and c.later is not None]
    assert ("a danger to regional shipping", "the gravest and most immediate danger to shipping") in shifted
    assert result.passages == ()


#: The middle sentence replaced by one on another matter: they share the frame ("They ...
#: the ... of the ... and instructed the ... to ...") and one verb, no subject.
REPLACED = ("We met in Rome. They reaffirmed their commitment to completing the accession process of "
            "the Republic of Ruritania and instructed the Council to conclude the incorporation of "
            "the body of rules into its law. Talks will go on.",
            "We met in Rome. They welcomed the conclusion of the negotiations of the Free Trade "
            "Agreement with Iceland and Norway, and instructed the negotiators to finalise the legal "
            "review of the text. Talks will go on.")


def test_a_sentence_on_another_matter_in_its_place_is_dropped_and_added() -> None:
    """Two sentences at the same place whose words in common are function words and one
    verb (over ``GAP_THRESHOLD`` on those alone) are one passage dropped and one added, not
    one sentence rewritten into three substitutions."""
    a, b = (_analyse(t) for t in REPLACED)
    links = align_sentences(a, b)
    assert [(x.earlier, x.later) for x in links] == [((0,), (0,)), ((2,), (2,))]
    result = diplodiff.compare(Statement(id="a", text=REPLACED[0]), Statement(id="b", text=REPLACED[1]))
    assert [(p.kind, p.sentences) for p in result.passages] == [(ChangeKind.DROPPED, (1,)),
                                                               (ChangeKind.ADDED, (1,))]


def test_a_sentence_keeping_three_content_words_in_its_place_is_rewritten() -> None:
    """The counter-case: the same frame keeping three content words of its matter
    ("accession", "Ruritania", "Council") is one sentence rewritten."""
    later = REPLACED[1].replace(
        "the conclusion of the negotiations of the Free Trade Agreement with Iceland and Norway",
        "the conclusion of the accession of Ruritania").replace("the negotiators", "the Council")
    a, b = _analyse(REPLACED[0]), _analyse(later)
    assert [(x.earlier, x.later) for x in align_sentences(a, b)] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_gaps_are_read_alike_with_the_arguments_swapped() -> None:
    """With a moved sentence crossing the others, the sentences paired in a gap are the
    same pairs either way round (found by Hypothesis: one way paired, the other not)."""
    a = _analyse("strategic partnership. strategic partnership. comprehensive strategic partnership. "
                 "strategic partnership strategic partnership.")
    b = _analyse("strategic partnership. strategic partnership strategic partnership. "
                 "strategic partnership strategic partnership. strategic partnership.")
    forward = {(x.earlier, x.later) for x in align_sentences(a, b)}
    backward = {(x.later, x.earlier) for x in align_sentences(b, a)}
    assert forward == backward
