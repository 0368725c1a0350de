"""Whole-statement framing: partnership label and rank, balance of voices,
overall commitment (modality) and intensity, for the top of every report."""

from __future__ import annotations

from collections import Counter

from .._models import Analysis, Framing, Origin
from ..text.speakers import OUTLET
from .framing import lexicon_framings

LADDER = "partnership_label"


def summarize(analysis: Analysis) -> Framing:
    """Return the framing of one analysed statement (lexicon formulas only)."""
    lexicon = Origin.LEXICON  # read once: an enum member read off its class is a Python-level call (3.11)
    formulas = [p for p in analysis.phrases if p.origin is lexicon]
    labels: Counter[tuple[str, int]] = Counter()
    for phrase in formulas:
        if phrase.category == LADDER and phrase.rank is not None:
            labels[(phrase.canonical, phrase.rank)] += 1
    # the outlet's own narration counts under the outlet's name (``outlet`` when it has none)
    voices = Counter(p.side or p.speaker or OUTLET for p in formulas)
    levels: list[int] = []
    intensity = 0
    for modal, cues in lexicon_framings(analysis):
        if modal is not None:
            levels.append(modal.level)
        if cues:
            intensity += sum(c.level for c in cues)
    return Framing(
        labels=tuple(sorted(((w, r, n) for (w, r), n in labels.items()), key=lambda x: (-x[1], -x[2], x[0]))),
        voices=tuple(sorted(voices.items(), key=lambda x: (-x[1], x[0]))),
        modality=round(sum(levels) / len(levels), 2) if levels else None,
        modal_formulas=len(levels), intensity=intensity,
    )
