"""A word diff never shows a change that diplodiff does not report: a content word cut
from one sentence of a real statement gives a finding, a passage or an other sentence.
Sampled (a fixed seed) over the dev and holdout statements."""

from __future__ import annotations

import random
import re
from pathlib import Path

import diplodiff
from diplodiff import ChangeKind, Statement
from diplodiff.text.normalize import stopwords
from diplodiff.text.words import MONTHS

DATA = Path(__file__).parent / "data"
SAMPLE = 150
#: Lower-case words of four letters or more that are no function word: content words.
_WORD = re.compile(r"(?<![\w'-])[a-z]{4,}(?![\w'-])")


def _silent(seed: int) -> list[str]:
    rng = random.Random(seed)
    files = sorted(p for d in ("dev", "dev2", "holdout") for p in (DATA / d).glob("*.txt"))
    statements = [diplodiff.load_statement(p) for p in files]
    silent = []
    for _ in range(SAMPLE):
        statement = rng.choice(statements)
        words = [m for m in _WORD.finditer(statement.text)
                 if m.group() not in stopwords() and m.group() not in MONTHS]
        cut = rng.choice(words)
        text = statement.text[:cut.start()] + statement.text[cut.end():].lstrip(" ")
        result = diplodiff.compare(statement, Statement(id="cut", text=text, date=statement.date))
        if not (any(c.kind is not ChangeKind.KEPT for c in result.changes) or result.passages
                or result.other_sentences):
            silent.append(statement.text[max(0, cut.start() - 50) : cut.end() + 30])
    return silent


def test_a_content_word_cut_from_a_sentence_is_reported() -> None:
    """Measured 1 of 150 ("Partnership [launched] this year will open"); 17 of 150 before a
    word with only function words next to it was quoted with the shared words around it
    (it was left out, as a modifier with nothing to qualify)."""
    silent = _silent(7)
    assert len(silent) <= 1, silent  # the sample is fixed: a second silent draw is a regression
