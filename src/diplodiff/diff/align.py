"""Which sentences and phrases correspond; the only module that imports rapidfuzz.

rapidfuzz scores decide *which* sentences and phrases correspond (vectorised
``cdist`` calls, then a one-to-one greedy assignment by score); tokens decide
*what* changed (``classify``), from the token-level opcodes here.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Hashable, Sequence
from contextlib import suppress
from itertools import chain, compress, pairwise
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

try:  # rapidfuzz's own cdist hands back a buffer, read without numpy (~50 ms to import)
    from rapidfuzz.process_cpp_impl import FLOAT32, cdist  # type: ignore[import-not-found]
except ImportError:  # rapidfuzz without its C extension
    cdist = None

if TYPE_CHECKING:
    import numpy as np


def similarity(earlier: Sequence[str], later: Sequence[str]) -> np.ndarray:
    """Return the ``len(earlier) x len(later)`` matrix of ``fuzz.ratio`` scores (0-100)."""
    import numpy as np  # lazy: numpy costs ~50 ms to import; `import diplodiff` stays light

    if not earlier or not later:
        return np.zeros((len(earlier), len(later)), dtype=np.float32)
    return process.cdist(earlier, later, scorer=fuzz.ratio, dtype=np.float32, workers=1)


def sequence_similarity(earlier: Sequence[Sequence[int]], later: Sequence[Sequence[int]],
                        ) -> np.ndarray:
    """Return the ``len(earlier) x len(later)`` matrix of Indel similarities (0-100)
    of token-id sequences: one vectorised call, no Python loop over pairs."""
    import numpy as np  # lazy, as above

    if not earlier or not later:
        return np.zeros((len(earlier), len(later)), dtype=np.float32)
    scores: np.ndarray = process.cdist(earlier, later, scorer=Indel.normalized_similarity,
                                       dtype=np.float32, workers=1)
    return scores * np.float32(100.0)


def sequence_over(earlier: Sequence[Sequence[Hashable]], later: Sequence[Sequence[Hashable]],
                  threshold: float) -> list[dict[int, float]]:
    """The cells of ``sequence_similarity`` at or over about ``threshold`` (0-100), as one
    ``{column: score}`` per row, without numpy, to the bit: one matrix (``_rows``) with
    its cutoff set a little low so that no float32 rounding loses a cell (callers
    compare); scores scaled by 100 in float32 (``sequence_score``)."""
    rows_in, cols_in = as_texts(earlier, later)
    # rapidfuzz scores queries of up to 64 elements several at once: the side with fewer
    # longer sentences is read as the queries (the scores are symmetric), then turned back.
    flip = _longer(rows_in) > _longer(cols_in)
    matrix = _rows(*((cols_in, rows_in) if flip else (rows_in, cols_in)), Indel.normalized_similarity,
                   threshold / 100.0 - 0.001)
    # Most rows between readouts of different meetings have no cell over the cutoff; a row
    # with one gives its cells' columns by compress, in C.
    hits = [(j, i) if flip else (i, j) for i, row in enumerate(matrix) if any(row)
            for j in compress(range(len(row)), row)]
    scores = array("f", [matrix[j][i] * 100.0 if flip else matrix[i][j] * 100.0 for i, j in hits])
    rows: list[dict[int, float]] = [{} for _ in rows_in]
    for (i, j), score in zip(hits, scores, strict=True):
        rows[i][j] = score
    return rows


def _longer(sentences: Sequence[Sequence[Hashable]]) -> int:
    """How many sentences are over 64 elements long."""
    return sum(len(s) > 64 for s in sentences)


def _rows(earlier: Sequence[Sequence[Hashable]], later: Sequence[Sequence[Hashable]],
          scorer: Callable[..., float], cutoff: float) -> list[list[float]]:
    """The ``cdist`` scores of every pair in float32 (0 under ``cutoff``), one list per
    row: one C-level call, where a scan per row converted every column again."""
    if cdist is None:
        import numpy as np  # lazy, as above

        return process.cdist(earlier, later, scorer=scorer, score_cutoff=cutoff,  # type: ignore[no-any-return]
                             dtype=np.float32, workers=1).tolist()
    view = memoryview(cdist(earlier, later, scorer=scorer, score_cutoff=cutoff, dtype=FLOAT32, workers=1))
    n, m = view.shape  # type: ignore[misc]
    # Most rows are all 0 (no cell over the cutoff): one shared list of zeros stands for
    # each (no caller changes a row), and only the others are read, through an array:
    # the view's own tolist makes every cell's float by a slow path (~170 instructions).
    data, width = view.tobytes(), 4 * m
    blank, zeros = bytes(width), [0.0] * m
    return [zeros if data[k : k + width] == blank else array("f", data[k : k + width]).tolist()
            for k in range(0, n * width, width)] if m else [[] for _ in range(n)]


def sequence_score(earlier: Sequence[Hashable], later: Sequence[Hashable]) -> float:
    """One cell of ``sequence_similarity``, to the bit: the score rounded to float32 as
    ``cdist`` gives it, then scaled by 100 in float32 (a product of two float32 values is
    exact in a double, so rounding it once matches numpy's)."""
    raw = array("f", [Indel.normalized_similarity(earlier, later)])[0]
    return array("f", [raw * 100.0])[0]


def as_texts(earlier: Sequence[Sequence[Hashable]], later: Sequence[Sequence[Hashable]],
             ) -> tuple[Sequence[Sequence[Hashable]], Sequence[Sequence[Hashable]]]:
    """Both sides' token-id sequences as strings of one code point per id: the same
    scores, each a third faster (kept as ids when one is beyond the code points: over a
    million distinct words). Strings, and sequences of words, are kept as they are."""
    sample = next((x for x in chain(earlier, later) if len(x)), "")
    if not isinstance(sample, str) and isinstance(sample[0], str):
        return earlier, later  # words: ``_as_text`` would raise TypeError on them, a raise and catch spared
    with suppress(ValueError, TypeError):
        return list(map(_as_text, earlier)), list(map(_as_text, later))
    return earlier, later


def _as_text(ids: Sequence[Hashable]) -> str:
    """A token-id sequence as a string (Indel reads only which elements are equal)."""
    return ids if isinstance(ids, str) else "".join(map(chr, ids))  # type: ignore[arg-type]


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


#: Up to this many candidate pairs a dense score matrix is built (4 MB); above
#: it, pairing is blocked, as a matrix of 16,000 x 16,000 phrases needs 1 GB.
DENSE_MAX = 1_000_000
#: Blocked pairing scores a row against the items sharing one of its rarest
#: words, skipping words shared by more than ``_POSTING_MAX`` items.
_RARE_WORDS = 3
_POSTING_MAX = 64


#: Up to this many candidate pairs, scores are computed one by one without numpy:
#: importing numpy (~0.15 s) would cost a two-statement diff more than the diff.
SMALL_MAX = 4_096


def _small(earlier: Sequence[str], later: Sequence[str], threshold: float) -> list[tuple[int, int, float]]:
    """``assign(similarity(...))`` without numpy, to the bit: scores in float32 as
    ``cdist`` gives them, compared with the threshold in float32 as numpy compares."""
    bound, cutoff = array("f", [threshold])[0], max(threshold - 0.1, 0.0)
    if len(earlier) == 1 and len(later) == 1:  # one cell (a formula of each side): no rows
        score = array("f", [fuzz.ratio(earlier[0], later[0], score_cutoff=cutoff)])[0]
        return [(0, 0, score)] if score >= bound else []
    rows = _rows(earlier, later, fuzz.ratio, cutoff)
    # Over a threshold, most rows have no cell left (0 under the cutoff): those are not read.
    found = [(-score, i, j) for i, row in enumerate(rows) if bound <= 0.0 or any(row)
             for j, score in enumerate(row) if score >= bound]
    found.sort()
    return _greedy(found)


def _greedy(found: Sequence[tuple[float, int, int]]) -> list[tuple[int, int, float]]:
    """Take ``(-score, row, column)`` candidates in order, each row and column once."""
    used_rows: set[int] = set()
    used_cols: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for negative, i, j in found:
        if i in used_rows or j in used_cols:
            continue
        used_rows.add(i)
        used_cols.add(j)
        pairs.append((i, j, -negative))
    return pairs


def pair(earlier: Sequence[str], later: Sequence[str], *, threshold: float) -> list[tuple[int, int, float]]:
    """Pair ``earlier`` with ``later`` one-to-one by ``fuzz.ratio``, best first, keeping
    scores >= ``threshold``; ``(row, column, score)`` like ``assign``.

    Small inputs are scored in full. Large ones are blocked: a row is scored only
    against items sharing one of its rarer words, so time and memory grow with
    the input, not with its square; pairs sharing no such word are left unpaired.
    """
    if not earlier or not later:
        return []  # nothing to pair: no scorer set up for no cell
    if len(earlier) * len(later) <= SMALL_MAX:
        return _small(earlier, later, threshold)
    if len(earlier) * len(later) <= DENSE_MAX:
        return assign(similarity(earlier, later), threshold=threshold)
    postings: dict[str, list[int]] = {}
    for j, key in enumerate(later):
        for word in set(key.split()):
            postings.setdefault(word, []).append(j)
    found: list[tuple[float, int, int]] = []
    for i, key in enumerate(earlier):
        columns: set[int] = set()
        rare = sorted((len(postings[w]), w) for w in set(key.split()) if w in postings)
        for size, word in rare[:_RARE_WORDS]:
            if size > _POSTING_MAX:
                break
            columns.update(postings[word])
        for j in sorted(columns):
            score = fuzz.ratio(key, later[j], score_cutoff=threshold)
            if score >= threshold:
                found.append((-score, i, j))
    found.sort()
    return _greedy(found)


def sequence_pairs(earlier: Sequence[Sequence[int]], later: Sequence[Sequence[int]], *,
                   threshold: float) -> list[tuple[float, int, int]]:
    """``(score, row, column)`` of the Indel similarities (0-100) >= ``threshold``
    between token-id sequences sharing one of the row's rarer ids: the blocked
    form of ``sequence_similarity`` for inputs too large for a matrix."""
    postings: dict[int, list[int]] = {}
    for j, ids in enumerate(later):
        for word in set(ids):
            postings.setdefault(word, []).append(j)
    found: list[tuple[float, int, int]] = []
    cutoff = threshold / 100.0
    for i, ids in enumerate(earlier):
        columns: set[int] = set()
        rare = sorted((len(postings[w]), w) for w in set(ids) if w in postings)
        for size, word in rare[:_RARE_WORDS]:
            if size > _POSTING_MAX:
                break
            columns.update(postings[word])
        for j in sorted(columns):
            if len(ids) * len(later[j]) > LCS_MAX:  # two sentences of many thousand words
                score = matched_similarity(ids, later[j])
            else:
                score = Indel.normalized_similarity(ids, later[j], score_cutoff=cutoff) * 100.0
            if score >= threshold:
                found.append((score, i, j))
    return found


def matched_similarity(earlier: Sequence[Hashable], later: Sequence[Hashable]) -> float:
    """Indel similarity (0-100) of two sequences from their ``matches``: the same as
    ``Indel.normalized_similarity`` up to ``LCS_MAX`` pairs, and a lower bound of it
    (the anchored common subsequence may be shorter) in linear time above."""
    total = len(earlier) + len(later)
    if not total:
        return 100.0
    return 200.0 * sum(size for _, _, size in matches(earlier, later)) / total


def ratio(earlier: str, later: str) -> float:
    """Similarity (0-100) of two folded wordings."""
    return float(fuzz.ratio(earlier, later))


#: Up to this many element pairs a longest common subsequence is computed whole
#: (rapidfuzz keeps one bit per pair: 8 MB); above it, ``matches`` anchors first.
LCS_MAX = 1 << 26


def _lis(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of ``(i, j)`` pairs increasing in both, for pairs sorted by
    ``i`` with distinct ``i`` (patience sorting, n log n)."""
    tails: list[int] = []  # j of the last pair of the best chain of each length
    ends: list[int] = []  # index in pairs of that pair
    back = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        at = bisect_left(tails, j)
        if at == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[at] = j
            ends[at] = k
        back[k] = ends[at - 1] if at else -1
    chain: list[tuple[int, int]] = []
    k = ends[-1] if ends else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _anchors(a: Sequence[Hashable], b: Sequence[Hashable], alo: int, ahi: int, blo: int, bhi: int,
             ) -> list[tuple[int, int]]:
    """Equal elements of ``a[alo:ahi]`` and ``b[blo:bhi]`` to split the blocks at, in
    order: those found once on each side (as patience diff takes them); failing
    those, the k-th occurrence of each element on one side with its k-th on the other."""
    where_a: dict[Hashable, list[int]] = {}
    for i in range(alo, ahi):
        where_a.setdefault(a[i], []).append(i)
    where_b: dict[Hashable, list[int]] = {}
    for j in range(blo, bhi):
        if b[j] in where_a:
            where_b.setdefault(b[j], []).append(j)
    pairs = [(where_a[x][0], js[0]) for x, js in where_b.items() if len(js) == 1 and len(where_a[x]) == 1]
    if not pairs:
        pairs = [(i, j) for x, js in where_b.items() for i, j in zip(where_a[x], js, strict=False)]
    pairs.sort()
    return _lis(pairs)


def matches(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int, int]]:
    """The runs of equal elements of two sequences, as ``(i, j, size)`` in order, each
    run ``a[i:i + size] == b[j:j + size]``: the matching blocks of a diff.

    Blocks of up to ``LCS_MAX`` element pairs get a longest common subsequence
    (rapidfuzz's ``Indel.opcodes``); larger ones are first cut at anchors, equal
    elements found once on each side and kept in order (patience diff), so time
    and memory grow with the input, not with its square.

    >>> matches("abcd", "abxd")
    [(0, 0, 2), (3, 3, 1)]
    """
    found: list[tuple[int, int, int]] = []
    todo = [(0, len(a), 0, len(b))]
    while todo:
        alo, ahi, blo, bhi = todo.pop()
        start = alo
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            alo += 1
            blo += 1
        if alo > start:
            found.append((start, blo - (alo - start), alo - start))
        end = ahi
        while ahi > alo and bhi > blo and a[ahi - 1] == b[bhi - 1]:
            ahi -= 1
            bhi -= 1
        if end > ahi:
            found.append((ahi, bhi, end - ahi))
        if alo == ahi or blo == bhi:
            continue
        if (ahi - alo) * (bhi - blo) <= LCS_MAX:
            found += [(alo + op.src_start, blo + op.dest_start, op.src_end - op.src_start)
                      for op in Indel.opcodes(a[alo:ahi], b[blo:bhi]) if op.tag == "equal"]
            continue
        anchors = _anchors(a, b, alo, ahi, blo, bhi)
        if not anchors:  # no element in common
            continue
        bounds = [(alo - 1, blo - 1), *anchors, (ahi, bhi)]
        for (i1, j1), (i2, j2) in pairwise(bounds):
            if (i1, j1) != (alo - 1, blo - 1):
                found.append((i1, j1, 1))
            if i2 > i1 + 1 or j2 > j1 + 1:
                todo.append((i1 + 1, i2, j1 + 1, j2))
    found.sort()
    joined: list[tuple[int, int, int]] = []
    for i, j, size in found:
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            i, j, size = joined[-1][0], joined[-1][1], joined.pop()[2] + size
        joined.append((i, j, size))
    return joined


def _backward(earlier: Sequence[str], later: Sequence[str]) -> bool:
    """Whether a word diff reads ``later`` as its source. Two sequences can have several
    longest common subsequences ("political mutual trust strategic partnership" and
    "strategic partnership strategic partnership strategic mutual trust" share "mutual
    trust" or "strategic partnership"), and which one ``Indel.opcodes`` keeps depends on
    which sequence is its source. A pair is read in one order, the lesser in list order
    (compared word by word, not by length) as source, so that swapping the statements
    swaps the runs and changes nothing else."""
    return list(later) < list(earlier)


def spans(earlier: Sequence[str], later: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """Return the runs that differ as ``(i1, i2, j1, j2)``: ``earlier[i1:i2]`` became
    ``later[j1:j2]``; adjacent deletions and insertions form one run. ``spans(later,
    earlier)`` gives the same runs, each with its sides swapped."""
    if _backward(earlier, later):
        return [(i1, i2, j1, j2) for j1, j2, i1, i2 in _spans(later, earlier)]
    return _spans(earlier, later)


def _spans(earlier: Sequence[str], later: Sequence[str]) -> list[tuple[int, int, int, int]]:
    found: list[tuple[int, int, int, int]] = []
    if len(earlier) * len(later) > LCS_MAX:  # a sentence of many thousand words
        i1 = j1 = 0
        for i, j, size in [*matches(earlier, later), (len(earlier), len(later), 0)]:
            if i > i1 or j > j1:
                found.append((i1, i, j1, j))
            i1, j1 = i + size, j + size
        return found
    for op in Indel.opcodes(list(earlier), list(later)):
        if op.tag == "equal":
            continue
        if found and found[-1][1] == op.src_start and found[-1][3] == op.dest_start:
            i1, _, j1, _ = found.pop()
            found.append((i1, op.src_end, j1, op.dest_end))
        else:
            found.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    return found


def hunks(earlier: Sequence[str], later: Sequence[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Return the runs of differing tokens as ``(deleted, inserted)`` pairs, in order
    (read in one order whichever is passed first, as ``spans``)."""
    if _backward(earlier, later):
        return [(deleted, inserted) for inserted, deleted in _hunks(later, earlier)]
    return _hunks(earlier, later)


def _hunks(earlier: Sequence[str], later: Sequence[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
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
