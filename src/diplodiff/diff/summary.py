"""Whole-statement framing: partnership label and rank, balance of voices,
overall commitment (modality) and intensity, for the top of every report."""

from __future__ import annotations

from .._models import Analysis, Framing
from ..text.speakers import OUTLET
from .framing import lexicon_formulas, lexicon_framings

LADDER = "partnership_label"


def summarize(analysis: Analysis) -> Framing:
    """Return the framing of one analysed statement (lexicon formulas only)."""
    formulas = lexicon_formulas(analysis)
    labels: dict[tuple[str, int], int] = {}
    # the outlet's own narration counts under the outlet's name (``outlet`` when it has none)
    voices: dict[str, int] = {}
    levels = modal_formulas = intensity = 0
    # one pass over the formulas and their framing (``lexicon_framings`` is in their order)
    for phrase, (modal, cues) in zip(formulas, lexicon_framings(analysis), strict=True):
        if phrase.rank is not None and phrase.category == LADDER:
            label = (phrase.canonical, phrase.rank)
            labels[label] = labels.get(label, 0) + 1
        said = phrase.side or phrase.speaker or OUTLET
        voices[said] = voices.get(said, 0) + 1
        if modal is not None:
            levels += modal[2]
            modal_formulas += 1
        if cues:
            intensity += sum(c[2] for c in cues)
    return Framing(
        labels=tuple(sorted(((w, r, n) for (w, r), n in labels.items()), key=lambda x: (-x[1], -x[2], x[0]))),
        voices=tuple(sorted(voices.items(), key=lambda x: (-x[1], x[0]))),
        modality=round(levels / modal_formulas, 2) if modal_formulas else None,
        modal_formulas=modal_formulas, intensity=intensity,
    )
