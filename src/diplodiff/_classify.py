"""What changed between two corresponding phrases, decided from their tokens."""

from __future__ import annotations

from ._align import hunks
from ._models import Phrase, ShiftType
from ._normalize import numeric


def shift_types(earlier: Phrase, later: Phrase) -> tuple[tuple[ShiftType, ...], tuple[str, ...]]:
    """Return the shift types between two wordings of one formula, and what carries them.

    Empty when the wordings differ only in case, quotes, hyphens, spacing,
    plurals or spelling (their keys are equal).
    """
    before, after = tuple(earlier.key.split()), tuple(later.key.split())
    found: list[ShiftType] = []
    details: list[str] = []
    if before != after:
        if numeric(before) == numeric(after):
            found.append(ShiftType.NUMERAL_FORM)
            details.append(f"numeral form: {earlier.text!r} -> {later.text!r}")
        else:
            for deleted, inserted in hunks(numeric(before), numeric(after)):
                if deleted and inserted:
                    kind, note = ShiftType.SUBSTITUTION, f"{' '.join(deleted)!r} -> {' '.join(inserted)!r}"
                elif inserted:
                    kind, note = ShiftType.QUALIFIER_ADDED, repr(" ".join(inserted))
                else:
                    kind, note = ShiftType.QUALIFIER_DROPPED, repr(" ".join(deleted))
                if kind not in found:
                    found.append(kind)
                details.append(f"{kind.value.replace('_', ' ')}: {note}")
    if earlier.rank is not None and later.rank is not None and earlier.rank != later.rank:
        kind = ShiftType.RANK_UP if later.rank > earlier.rank else ShiftType.RANK_DOWN
        found.append(kind)
        details.append(f"{kind.value.replace('_', ' ')}: rank {earlier.rank} -> {later.rank}")
    return tuple(found), tuple(details)
