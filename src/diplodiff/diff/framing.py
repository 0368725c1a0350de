"""Framing cues around a formula: commitment (modality) and intensity.

The ladder and the cue words are data (``data/framing.toml``); see
docs/shift-types.md. Cues are read only in the formula's own sentence:

* modality: the nearest ladder wording *before* the formula, not across ";";
* intensity: intensifiers (+1) and hedges (-1) in the formula's own clause,
  between the previous formula or punctuation mark and the formula, and
  right after it up to the next one ("... to new heights").
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from importlib.resources import files

from attrs import frozen

from .._models import Phrase, Sentence, Span
from ..text.normalize import BARRIER, fold_text

_AFTER = 6


@frozen
class Cue:
    """Words around a formula that carry its framing.

    Attributes:
        kind: ``"modality"`` or ``"intensity"``.
        text: The words as they stand in the statement.
        span: Where they stand.
        level: Ladder level (modality, 1-5) or +1/-1 (intensity).
    """

    kind: str
    text: str
    span: Span
    level: int


@functools.cache
def _cues() -> tuple[dict[tuple[str, ...], int], dict[tuple[str, ...], int]]:
    data = tomllib.loads(files("diplodiff").joinpath("_data").joinpath("framing.toml")
                         .read_text(encoding="utf-8"))
    modality = {fold_text(w): int(level) for level, words in data["modality"].items() for w in words}
    intensity = {fold_text(w): 1 for w in data["intensity"]["up"]}
    intensity.update({fold_text(w): -1 for w in data["intensity"]["down"]})
    return modality, intensity


def _flat(sentence: Sentence) -> tuple[list[str], list[int]]:
    words: list[str] = []
    owner: list[int] = []
    for t, token in enumerate(sentence.tokens):
        for part in token.parts or ((";",) if token.text == ";" else ()):
            words.append(";" if token.text == ";" else part)
            owner.append(t)
    return words, owner


def _find(words: Sequence[str], lo: int, hi: int, table: dict[tuple[str, ...], int],
          ) -> list[tuple[int, int, int]]:
    """Return ``(start, end, level)`` of table wordings inside ``words[lo:hi]``, longest first."""
    found = []
    i = lo
    while i < hi:
        for n in (4, 3, 2, 1):
            if i + n <= hi and (level := table.get(tuple(words[i : i + n]))) is not None:
                found.append((i, i + n, level))
                i += n
                break
        else:
            i += 1
    return found


def _cue(kind: str, sentence: Sentence, owner: Sequence[int], start: int, end: int, level: int,
         text: str) -> Cue:
    span = Span(sentence.tokens[owner[start]].span.start, sentence.tokens[owner[end - 1]].span.end)
    return Cue(kind, span.of(text), span, level)


def framing(phrase: Phrase, sentence: Sentence, neighbours: Sequence[Phrase], text: str,
            ) -> tuple[Cue | None, tuple[Cue, ...]]:
    """Return the modality cue and the intensity cues of one formula occurrence.

    Args:
        phrase: The occurrence.
        sentence: Its sentence (tokens needed).
        neighbours: The phrases of the same sentence (they bound the clause).
        text: The statement text.
    """
    modality, intensity = _cues()
    words, owner = _flat(sentence)
    first = next((i for i, t in enumerate(owner) if sentence.tokens[t].span.start >= phrase.span.start),
                 len(words))
    last = next((i for i, t in enumerate(owner) if sentence.tokens[t].span.start >= phrase.span.end),
                len(words))
    stop = max((i + 1 for i in range(first) if words[i] == ";"), default=0)
    modal = _find(words, stop, first, modality)
    mod_cue = _cue("modality", sentence, owner, *modal[-1], text) if modal else None
    others = [p for p in neighbours if p is not phrase]
    lo = max([i + 1 for i in range(first) if words[i] in (BARRIER, ";")]
             + [i + 1 for i in range(first) for p in others
                if sentence.tokens[owner[i]].span.end <= p.span.end <= phrase.span.start], default=0)
    hi = last
    while hi < min(len(words), last + _AFTER) and words[hi] not in (BARRIER, ";") and not any(
            p.span.start <= sentence.tokens[owner[hi]].span.start < p.span.end for p in others):
        hi += 1
    # After the formula only phrasal cues count ("to new heights"): a lone
    # adverb there modifies the next verb ("is deeply rooted"), not the formula.
    after = [(a, b, lvl) for a, b, lvl in _find(words, last, hi, intensity) if b - a > 1
             or words[a] == "unprecedented"]
    found = _find(words, lo, first, intensity) + after
    return mod_cue, tuple(_cue("intensity", sentence, owner, a, b, lvl, text) for a, b, lvl in found)
