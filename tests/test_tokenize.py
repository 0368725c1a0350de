"""Sentences and tokens: abbreviations, datelines, quotes, and spans into the untouched text."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplodiff
from diplodiff import Statement, tokenize

SEEDS = Path(__file__).parent.parent / "seeds"


def sentences_of(text: str) -> list[str]:
    """The sentences of ``text`` as the slices their spans cover."""
    return [s.span.of(text) for s in tokenize(Statement(id="t", text=text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Officials of the U.S. delegation met. They agreed.",
                     ["Officials of the U.S. delegation met.", "They agreed."], id="U.S."),
        pytest.param("Representatives of the U.N. agency spoke. They agreed.",
                     ["Representatives of the U.N. agency spoke.", "They agreed."], id="U.N."),
        pytest.param("Later Dr. Wang arrived in Astana. They agreed.",
                     ["Later Dr. Wang arrived in Astana.", "They agreed."], id="Dr."),
        pytest.param("They adopted Resolution No. 3 on trade. They agreed.",
                     ["They adopted Resolution No. 3 on trade.", "They agreed."], id="No."),
        pytest.param("The talks were held on Jan. 5 in Beijing. They agreed.",
                     ["The talks were held on Jan. 5 in Beijing.", "They agreed."], id="Jan."),
        pytest.param("Then Mr. Li met the envoys. They agreed.",
                     ["Then Mr. Li met the envoys.", "They agreed."], id="Mr."),
        pytest.param("The U.S. and the U.N. met Dr. Li and Mr. Wang on Jan. 5 about No. 3. They agreed.",
                     ["The U.S. and the U.N. met Dr. Li and Mr. Wang on Jan. 5 about No. 3.", "They agreed."],
                     id="all-in-one"),
    ],
)
def test_abbreviations_do_not_end_sentences(text: str, expected: list[str]) -> None:
    """U.S., U.N., Dr., No., Jan. and Mr. do not end a sentence."""
    assert sentences_of(text) == expected


def test_sentence_ends_at_full_stop() -> None:
    """An ordinary full stop followed by a capital ends a sentence."""
    assert sentences_of("Both sides agreed. The talks ended.") == ["Both sides agreed.", "The talks ended."]


def test_paragraph_break_ends_a_sentence() -> None:
    """A blank line ends a sentence even without final punctuation."""
    assert sentences_of("Joint statement\n\nBoth sides agreed.") == ["Joint statement", "Both sides agreed."]


DATELINES = [
    "ALMATY, April 25 (Xinhua) --",
    "NUR-SULTAN, June 7 (Xinhua) --",
    "Astana, The Gulf Observer:",
]


@pytest.mark.parametrize("dateline", DATELINES)
@pytest.mark.parametrize("lead", ["", "\n", "\n\n"], ids=["at-start", "after-newline", "after-blank-line"])
def test_dateline_is_in_no_sentence(dateline: str, lead: str) -> None:
    """A leading dateline is not part of any sentence."""
    text = f"{lead}{dateline} Wang Yi met Murat Nurtleu. They agreed on cooperation."
    statement = Statement(id="t", text=text)
    end = text.index(dateline) + len(dateline)
    assert all(s.span.start >= end for s in tokenize(statement))


@pytest.mark.parametrize("number", ["1.", "12.", "iv.", "IV."])
def test_a_paragraph_number_is_in_no_sentence(number: str) -> None:
    """A numbered paragraph's number, which Punkt reads as a sentence of its own, is in no
    sentence: the paragraph's words open its first one. ("(b)" and "c.", which Punkt
    leaves in the sentence, stay there; the speaker reader reads past them.)"""
    text = (f"The Council,\n\n{number} Reaffirms its support. Urges restraint.\n\n"
            f"{number} Takes note of the report.")
    assert sentences_of(text) == ["The Council,", "Reaffirms its support.", "Urges restraint.",
                                  "Takes note of the report."]


def test_a_number_that_ends_a_sentence_stays_in_it() -> None:
    """A number inside a paragraph ("in 2024.") is no paragraph number."""
    assert sentences_of("Trade grew 5. Talks went on.\n\nThe total rose to 12. Both agreed.") == [
        "Trade grew 5.", "Talks went on.", "The total rose to 12.", "Both agreed."]


@pytest.mark.parametrize("dateline", DATELINES)
def test_dateline_leaves_the_first_sentence_whole(dateline: str) -> None:
    """After a dateline the first sentence starts at its first word."""
    assert sentences_of(f"{dateline} Wang Yi met Murat Nurtleu. They agreed.") == [
        "Wang Yi met Murat Nurtleu.", "They agreed."]


def test_dateline_with_a_line_break_in_its_place_name_is_in_no_sentence() -> None:
    """A dateline whose place name is wrapped over two lines is still a dateline."""
    assert sentences_of("NEW\nDELHI, May 1 (PTI) -- Wang Yi met Murat Nurtleu. They agreed.") == [
        "Wang Yi met Murat Nurtleu.", "They agreed."]


def test_dateline_only_at_start() -> None:
    """A dateline-like phrase after the first sentence does not swallow that sentence."""
    text = "Both sides agreed. ALMATY, April 25 (Xinhua) -- Wang Yi met Murat Nurtleu."
    assert sentences_of(text)[0] == "Both sides agreed."
    assert "ALMATY" in "".join(sentences_of(text))


@pytest.mark.parametrize("seed", ["000_ae7edd6c8a22359c.txt", "001_769a15a261320f7b.txt",
                                  "003_788e3c4d1792dd9a.txt"])
def test_seed_dateline_is_in_no_sentence(seed: str) -> None:
    """The seeds' datelines (Xinhua, The Gulf Observer) are left out of every sentence."""
    statement = diplodiff.load_statement(SEEDS / seed)
    sentences = tokenize(statement)
    first = sentences[0].span.of(statement.text)
    assert not any(mark in first for mark in ("(Xinhua)", "Gulf Observer:"))


@pytest.mark.parametrize(("word", "parts"), [
    ("Mekong-U.S.", ("mekong", "u.s")),
    ("U.S.-Vietnam", ("u.s", "vietnam")),
    ("EU-U.K.", ("eu", "u.k")),
])
def test_an_initialism_in_a_compound_is_one_token(word: str, parts: tuple[str, ...]) -> None:
    """"the Mekong-U.S. Partnership": the initialism is a part of the compound, not cut
    at its periods into letters ("Mekong-U", ".", "S", ".")."""
    [sentence] = tokenize(Statement(id="t", text=f"They back the {word} Partnership for years."))
    assert [(t.text, t.parts) for t in sentence.tokens][3] == (word, parts)


CURLY = "Kazakhstan\u2019s \u201cgolden 30 years\u201d and the \u2018win-win\u2019 path. It\u2019s agreed."
STRAIGHT = "Kazakhstan's \"golden 30 years\" and the 'win-win' path. It's agreed."


def test_curly_and_straight_quotes_give_the_same_token_spans() -> None:
    """Curly quotes and apostrophes split into the same tokens as straight ones."""
    curly = [t.span for s in tokenize(Statement(id="c", text=CURLY)) for t in s.tokens]
    straight = [t.span for s in tokenize(Statement(id="s", text=STRAIGHT)) for t in s.tokens]
    assert curly == straight


def test_curly_and_straight_quotes_give_the_same_parts() -> None:
    """Curly quotes and apostrophes fold to the same token parts as straight ones."""
    curly = [t.parts for s in tokenize(Statement(id="c", text=CURLY)) for t in s.tokens]
    straight = [t.parts for s in tokenize(Statement(id="s", text=STRAIGHT)) for t in s.tokens]
    assert curly == straight


def test_curly_and_straight_quotes_give_the_same_sentences() -> None:
    """Curly quotes do not move sentence boundaries."""
    curly = [s.span for s in tokenize(Statement(id="c", text=CURLY))]
    straight = [s.span for s in tokenize(Statement(id="s", text=STRAIGHT))]
    assert curly == straight


def test_curly_possessive_is_its_own_token() -> None:
    """``Kazakhstan’s`` splits into the name and ``’s``, as with a straight apostrophe."""
    (sentence, *_) = tokenize(Statement(id="c", text=CURLY))
    assert [t.text for t in sentence.tokens[:2]] == ["Kazakhstan", "\u2019s"]


def test_tokens_keep_the_original_characters() -> None:
    """Token text is the original (curly) text, not the folded form."""
    tokens = [t.text for s in tokenize(Statement(id="c", text=CURLY)) for t in s.tokens]
    assert "\u201c" in tokens
    assert '"' not in tokens


def assert_spans_reconstruct(statement: Statement) -> None:
    """Every sentence and token span slices its own text out of ``statement.text``."""
    text = statement.text
    for sentence in tokenize(statement):
        assert 0 <= sentence.span.start <= sentence.span.end <= len(text)
        for token in sentence.tokens:
            assert text[token.span.start : token.span.end] == token.text
            assert sentence.span.start <= token.span.start <= token.span.end <= sentence.span.end


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_spans_reconstruct_the_text(seed: Path) -> None:
    """Every token and sentence span of a seed reconstructs the seed's text."""
    assert_spans_reconstruct(diplodiff.load_statement(seed))


@pytest.mark.parametrize(
    "text",
    [
        CURLY,
        STRAIGHT,
        "  \tleading and trailing space.  \n\n\n  Next   paragraph .  ",
        "Line one\r\nline two.\r\n\r\nParagraph\u2014with dashes\u2013and (brackets).",
        "Numbers: 1,000 and 3.5 percent; the 30th anniversary... Done!",
        "Caf\u00e9 na\u00efve \u00fcber \u6c11\u5fc3\u76f8\u901a diplomacy.",
        "",
        "   ",
    ],
)
def test_spans_reconstruct_the_text(text: str) -> None:
    """Token and sentence spans reconstruct awkward text: whitespace, CRLF, dashes, non-ASCII."""
    assert_spans_reconstruct(Statement(id="t", text=text))


def test_sentences_are_in_order_and_do_not_overlap() -> None:
    """Sentence spans are increasing and disjoint, indexes count from 0."""
    sentences = tokenize(diplodiff.load_statement(SEEDS / "004_55e9fcd968524c2c.txt"))
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(sentences))


def test_a_sentence_edge_inside_a_word_keeps_each_sentence_to_its_own_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The words are read over the whole text once; where a sentence edge falls inside
    one of them, each sentence is read alone, so no token crosses its edge."""
    text = "A well-known fact."
    monkeypatch.setattr("diplodiff.text.tokens.sentence_spans", lambda _text, _known: [(0, 7), (7, 18)])
    found = [[t.text for t in s.tokens] for s in tokenize(Statement(id="t", text=text))]
    assert found == [["A", "well", "-"], ["known", "fact", "."]]


@given(st.text(st.characters(max_codepoint=0x7F, exclude_characters="\x1c\x1d\x1e\x1f")))
def test_ascii_text_reads_the_same_words_with_ascii_classes(text: str) -> None:
    """The faster ASCII word pattern finds what the general one finds in ASCII text."""
    from diplodiff.text.tokens import _ASCII_GAPPED, _GAPPED

    assert _ASCII_GAPPED.findall(text) == _GAPPED.findall(text)


#: ASCII text dense in what cuts pieces or tokens: spaces, commas, periods, apostrophes,
#: hyphens, digits and line breaks.
PIECES = st.lists(st.sampled_from([*"aB1 ,.'-\n\t\r(\"_", "U.S.", "1,000", "'s", ", ", "  "])).map("".join)


@given(PIECES, st.integers(0, 5))
def test_pieces_read_the_words_findall_reads(text: str, start: int) -> None:
    """Reading a text piece by piece gives the tokens and ends ``findall`` gives, and
    their parts, the pieces seen before or not."""
    from itertools import accumulate

    from diplodiff.text.normalize import fold_token
    from diplodiff.text.tokens import _ASCII_GAPPED, _HYPHEN_BREAK, _pieced
    from diplodiff.text.words import token_words

    if _HYPHEN_BREAK.search(text):
        return  # read by findall
    start = min(start, len(text))
    spaced = _ASCII_GAPPED.findall(text, start)
    texts = [s.lstrip() for s in spaced]
    words, marks = token_words(texts)
    expected = (texts, list(accumulate(map(len, spaced), initial=start))[1:], list(map(fold_token, texts)),
                list(words), list(marks))
    assert _pieced(text, start, len(text)) == expected
    assert _pieced(text, start, len(text)) == expected


def test_a_separator_character_is_white_space_between_words() -> None:
    """U+001C-U+001F are white space to the word pattern, in ASCII text too."""
    (sentence,) = tokenize(Statement(id="t", text="Talks\x1cwent on."))
    assert [t.text for t in sentence.tokens] == ["Talks", "went", "on", "."]


#: Quote marks folded or not, letters, spaces, a sentence end and an invisible mark.
QUOTED = st.text(st.sampled_from(list("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u00b4`'\"")
                                 + list("as \n.\u00e9\u200b-")))


@given(QUOTED)
def test_quotes_are_folded_as_translate_folds_them(text: str) -> None:
    """The quote folding that rebuilds a text around its quotes gives what
    ``str.translate`` gives, and says where the two texts differ."""
    from diplodiff.text.normalize import QUOTES
    from diplodiff.text.tokens import _fold_quotes

    folded, quoted = _fold_quotes(text)
    assert (folded, quoted) == (text.translate(QUOTES),
                                [i for i, (a, b) in enumerate(zip(text, folded, strict=True)) if a != b])


@given(QUOTED)
def test_tokens_keep_every_quote_of_the_text(text: str) -> None:
    """Every token with a quote in it is the text's own (curly) characters."""
    assert_spans_reconstruct(Statement(id="t", text=text))
