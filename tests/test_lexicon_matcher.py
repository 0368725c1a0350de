"""The Aho-Corasick lexicon matcher finds exactly what a plain scan of every
position finds: leftmost, then longest, at token boundaries, gaps bounded."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

import diplodiff
from diplodiff import Lexicon, Sentence, Statement
from diplodiff.text.normalize import BARRIER, fold_text, numeric

GAP = 4
LEXICON = diplodiff.parse_lexicon(
    """
schema_version = 1

[[formula]]
id = "a"
canonical = "strategic partnership"
category = "partnership_label"
rank = 3
variants = ["strategic ... partnership"]

[[formula]]
id = "b"
canonical = "comprehensive strategic partnership"
category = "partnership_label"
rank = 4

[[formula]]
id = "c"
canonical = "golden thirty years"
category = "vision"

[[formula]]
id = "d"
canonical = "partnership"
category = "vision"

[[formula]]
id = "e"
canonical = "China-Central Asia"
category = "vision"
variants = ["China + Central Asia"]
""",
    name="inline",
)
WORDS = ["strategic", "Strategic", "partnership", "partners", "comprehensive", "golden", "three",
         "decades", "thirty", "years", "China", "Central", "Asia", "China-Central", "+", ",", "and",
         "the", "co-operation", "wide", "3", "\u201cstrategic\u201d", "wide-partnership",
         "sino-strategic", "partnership-wide"]


def _reference(lexicon: Lexicon, sentence: Sentence) -> list[tuple[int, int, str]]:
    """The plain scan: at each token start, every wording, the longest end wins."""
    patterns: list[tuple[tuple[tuple[str, ...], ...], str]] = []
    for formula in lexicon.formulas:
        for wording in formula.wordings:
            segments = tuple(s for s in (numeric(fold_text(p)) for p in wording.split("...")) if s)
            if segments not in [p for p, _ in patterns]:
                patterns.append((segments, formula.id))
    parts: list[str] = []
    owner: list[int] = []
    starts: list[bool] = []
    ends: list[bool] = []
    for t, token in enumerate(sentence.tokens):
        for k, part in enumerate(token.parts):
            parts.append(part)
            owner.append(t)
            starts.append(k == 0)
            ends.append(k == len(token.parts) - 1)
    matched = numeric(tuple(parts))

    def at(pos: int, segment: Sequence[str]) -> bool:
        return tuple(matched[pos : pos + len(segment)]) == tuple(segment)

    def end_of(segments: tuple[tuple[str, ...], ...], start: int) -> int:
        if not at(start, segments[0]):
            return -1
        pos = start + len(segments[0])
        for segment in segments[1:]:
            for p in range(pos, min(pos + GAP, len(matched)) + 1):
                if at(p, segment):
                    pos = p + len(segment)
                    break
                if p < len(matched) and matched[p] == BARRIER:
                    return -1
            else:
                return -1
        return pos if ends[pos - 1] else -1

    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(matched):
        best_end, best = -1, ""
        if starts[i]:
            for segments, formula_id in patterns:
                end = end_of(segments, i)
                if end > best_end:
                    best_end, best = end, formula_id
        if best_end < 0:
            i += 1
            continue
        first, last = sentence.tokens[owner[i]], sentence.tokens[owner[best_end - 1]]
        found.append((first.span.start, last.span.end, best))
        i = best_end
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join), min_size=1, max_size=4))
def test_matcher_finds_what_a_plain_scan_finds(sentences: list[str]) -> None:
    """Over generated sentences, every hit (span and formula) equals the plain scan's."""
    text = ". ".join(sentences)
    statement = Statement(id="g", text=text)
    for sentence in diplodiff.tokenize(statement):
        found = [(p.span.start, p.span.end, p.formula)
                 for p in LEXICON.find(sentence, statement_id="g", text=text)]
        assert found == _reference(LEXICON, sentence)


def test_matcher_finds_each_sentence_of_a_statement() -> None:
    """One automaton pass over a statement gives each sentence its own hits."""
    text = "A strategic partnership. The golden three decades. China + Central Asia grows."
    phrases = diplodiff.extract_phrases(Statement(id="s", text=text), lexicon=LEXICON)
    assert [(p.text, p.formula, p.sentence) for p in phrases if p.origin.value == "lexicon"] == [
        ("strategic partnership", "a", 0), ("golden three decades", "c", 1), ("China + Central Asia", "e", 2)]
