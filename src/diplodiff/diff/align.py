"""Which phrases correspond; the only module that imports rapidfuzz.

rapidfuzz scores decide *which* phrases correspond (one vectorised ``cdist``
call per comparison, then a one-to-one greedy assignment by score); tokens
decide *what* changed (``_classify``), from the token-level opcodes here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

if TYPE_CHECKING:
    import numpy as np


def similarity(earlier: Sequence[str], later: Sequence[str]) -> np.ndarray:
    """Return the ``len(earlier) x len(later)`` matrix of ``fuzz.ratio`` scores (0-100)."""
    import numpy as np  # lazy: numpy costs ~50 ms to import; `import diplodiff` stays light

    if not earlier or not later:
        return np.zeros((len(earlier), len(later)), dtype=np.float32)
    return process.cdist(earlier, later, scorer=fuzz.ratio, dtype=np.float32, workers=1)


def assign(scores: np.ndarray, *, threshold: float) -> list[tuple[int, int, float]]:
    """Pair rows with columns one-to-one, best score first, keeping scores >= threshold."""
    if scores.size == 0:
        return []
    import numpy as np  # lazy, as above

    rows, cols = np.nonzero(scores >= threshold)
    order = np.lexsort((cols, rows, -scores[rows, cols]))
    used_rows: set[int] = set()
    used_cols: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for k in order:
        r, c = int(rows[k]), int(cols[k])
        if r in used_rows or c in used_cols:
            continue
        used_rows.add(r)
        used_cols.add(c)
        pairs.append((r, c, float(scores[r, c])))
    return pairs


def ratio(earlier: str, later: str) -> float:
    """Similarity (0-100) of two folded wordings."""
    return float(fuzz.ratio(earlier, later))


def hunks(earlier: Sequence[str], later: Sequence[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Return the runs of differing tokens as ``(deleted, inserted)`` pairs, in order."""
    found: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for op in Indel.opcodes(list(earlier), list(later)):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            if deleted or inserted:
                found.append((tuple(deleted), tuple(inserted)))
                deleted, inserted = [], []
            continue
        deleted.extend(earlier[i1:i2])
        inserted.extend(later[j1:j2])
    if deleted or inserted:
        found.append((tuple(deleted), tuple(inserted)))
    return found
