"""Framing reads each sentence once (``framing._Words``): the places it reads off must be
those a word-by-word reading gives, on every sentence of the seeds and the dev set."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from pathlib import Path

import pytest

import diplodiff
from diplodiff._models import Sentence, Tokens
from diplodiff.diff import framing
from diplodiff.diff.framing import _after_last, _cues, _find, _places, _scan_openers, _Words

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "seeds"
FILES = sorted(SEEDS.glob("*.txt")) + sorted((DATA / "dev").glob("*.txt"))


@pytest.fixture(scope="module")
def sentences() -> list[tuple[Sentence, str]]:
    """Every sentence, with its statement's text."""
    return [(s, a.statement.text) for a in (diplodiff.analyse(diplodiff.load_statement(path))
                                            for path in FILES) for s in a.sentences]


def test_word_places_are_those_of_their_tokens(sentences: list[tuple[Sentence, str]]) -> None:
    """Where each word starts and ends, and how many start before (end by) a position,
    as a list of every word's token start and end gives them."""
    for sentence, text in sentences:
        words = _Words(sentence, text)
        rows = Tokens.of(sentence.tokens)
        if ";" in rows.texts:
            continue  # such a sentence keeps the lists themselves
        starts = [s for s, parts in zip(rows.starts(), rows.parts, strict=True) for _ in parts]
        ends = [e for e, parts in zip(rows.ends, rows.parts, strict=True) for _ in parts]
        assert [words.start(k) for k in range(len(starts))] == starts
        assert [words.end(k) for k in range(len(ends))] == ends
        for x in range(sentence.span.start - 1, sentence.span.end + 2):
            assert words.before(x) == bisect_left(starts, x), (sentence.span, x)
            assert words.ending_by(x) == bisect_right(ends, x), (sentence.span, x)


def test_cue_wordings_are_those_a_word_by_word_scan_finds(sentences: list[tuple[Sentence, str]]) -> None:
    """``_Words.find`` (read off the places a wording stands) equals ``_find`` (every
    word tried) on every run of every sentence, for both cue tables."""
    for sentence, text in sentences:
        words = _Words(sentence, text)
        size = len(words.words)
        for which, table in enumerate(_cues()):
            for lo in range(size + 1):
                for hi in range(lo, min(size, lo + 12) + 1):
                    assert words.find(lo, hi, which) == _find(words.words, lo, hi, table)


def test_modal_cue_is_the_last_wording_read_up_to_the_formula(sentences: list[tuple[Sentence, str]]) -> None:
    """``_Words.modal`` (read off one scan of the sentence) equals ``last_modal`` of the
    clause up to each word, and ``modal_at`` a position ``modal`` of the words before it,
    on every sentence."""
    for sentence, text in sentences:
        words = _Words(sentence, text)
        for first in range(len(words.words) + 1):
            clause = _after_last(words.semicolons, first) if words.semicolons else 0
            assert words.modal(first) == words.last_modal(clause, first), (sentence.span, first)
        for position in range(sentence.span.start, sentence.span.end + 1):
            assert words.modal_at(position) == words.modal(words.before(position)), (sentence.span, position)


def test_cue_places_of_many_sentences_at_once_are_those_of_each_read_word_by_word() -> None:
    """``_places`` over every sentence of a statement (one automaton pass) finds what a
    word-by-word reading of each sentence finds; so it does with a word holding a space
    (never seen in a statement: then each sentence is read word by word)."""
    for path in FILES:
        analysis = diplodiff.analyse(diplodiff.load_statement(path))
        sentences = [_Words(s, analysis.statement.text).words for s in analysis.sentences]
        expected = []
        for words in [*sentences, ["we", "firmly support"], []]:
            places: tuple[dict[int, list[tuple[int, int]]], dict[int, list[tuple[int, int]]]] = ({}, {})
            _scan_openers(words, places)
            expected.append(places)
        assert _places(sentences) == expected[:-2], path
        assert _places([*sentences, ["we", "firmly support"], []]) == expected, path


def test_neighbours_read_one_by_one_answer_as_sorted_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_Neighbours`` of a few phrases (read one by one) answers as of many (sorted for
    bisections), at every position of every sentence of the seeds."""
    for path in sorted(SEEDS.glob("*.txt")):
        analysis = diplodiff.analyse(diplodiff.load_statement(path))
        for sentence, phrases in analysis.by_sentence().items():
            span = analysis.sentences[sentence].span
            few = framing._Neighbours(phrases)
            monkeypatch.setattr(framing, "_FEW", -1)
            many = framing._Neighbours(phrases)
            monkeypatch.undo()
            assert few.starts is None or len(phrases) > framing._FEW
            for x in range(span.start - 1, span.end + 2):
                assert few.covers(x) == many.covers(x), (path, x)
                assert few.last_end(x) == many.last_end(x), (path, x)
