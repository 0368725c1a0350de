"""Which sentences of the earlier statement became which sentences of the later one.

A re-issued or revised text shares most of its sentences with the earlier one,
some reworded, moved, split in two or merged; readouts of different meetings
share almost none. The alignment tells the two apart and, in a revision, finds
the passages that are new or gone.

Sentences are compared by their folded words (case, quotes, hyphens, plurals and
spelling folded; punctuation ignored), as sequences of words (of word ids in
statements of many sentences), with one vectorised ``cdist`` per candidate shape:
one-to-one, two earlier sentences merged into one, one split into two. Candidates
at or above ``THRESHOLD`` are taken best first, one use per sentence; ties go to
the pair nearer the same relative position, so moves are allowed but order wins
when all else is equal.
"""

from __future__ import annotations

import functools
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from .._models import Analysis, ChangeKind, Passage, Sentence, SentenceLink, Span, Tokens
from ..text.normalize import BARRIER, stopwords
from .align import (
    DENSE_MAX,
    LCS_MAX,
    SMALL_MAX,
    as_texts,
    matched_similarity,
    matches,
    sequence_over,
    sequence_pairs,
    sequence_score,
    sequence_similarity,
)

if TYPE_CHECKING:
    import numpy as np

#: Similarity (0-100) of folded words at which two sentences correspond. Readouts
#: of different meetings stay under ~40 between their closest sentences; a
#: sentence with one clause rewritten stays over ~60.
THRESHOLD = 65.0
#: Lower similarity at which a sentence left between two corresponding ones in a
#: revision still corresponds to one left at the same place: rewritten, not replaced.
GAP_THRESHOLD = 30.0
#: Fewest content words a sentence rewritten in place keeps (``_rewritten``).
_KEPT_WORDS = 3
#: A merge or split is taken only when it beats the one-to-one score of its parts by this much.
_MERGE_MARGIN = 5.0
#: Share of all sentences that must correspond for the pair to be a revision of one text.
REVISION_SHARE = 0.5


def sentence_words(sentence: Sentence) -> tuple[str, ...]:
    """The folded words of a sentence, punctuation left out."""
    return tuple(p for p in Tokens.of(sentence.tokens).flat() if p != BARRIER)  # no Token objects built


@functools.cache
def _stop_vocab() -> tuple[tuple[str, int], ...]:
    return tuple((w, k) for k, w in enumerate(sorted(stopwords())))


#: Most word pairs (the words of one side times the other's) scored in full matrices:
#: ``cdist`` costs about that over 64 steps; sentences of many thousand words go above it.
WORK_MAX = 1 << 30


def _too_large(e: Sequence[Sequence[Hashable]], l: Sequence[Sequence[Hashable]]) -> bool:
    """Whether two runs of sentences are too many for score matrices (over ``DENSE_MAX``
    sentence pairs or ``WORK_MAX`` word pairs)."""
    return len(e) * len(l) > DENSE_MAX or sum(map(len, e)) * sum(map(len, l)) > WORK_MAX


def _ids(analysis: Analysis, vocab: dict[str, int]) -> list[list[int]]:
    """Each sentence's ``sentence_words`` as ids, a new word taking the next id."""
    return [[vocab.setdefault(w, len(vocab)) for w in Tokens.of(s.tokens).flat() if w != BARRIER]
            for s in analysis.sentences]


@functools.cache
def _stop_chars() -> dict[str, str]:
    return {w: chr(k) for w, k in _stop_vocab()}


def _texts(earlier: Analysis, later: Analysis) -> tuple[list[str], list[str]] | None:
    """Each sentence's ids (``_ids``) as a string of one code point per id, read straight
    from its words (the scores read strings; a list of ids per sentence, then its string,
    read every word twice); ``None`` beyond the code points (over a million distinct words)."""
    chars = dict(_stop_chars())
    get = chars.get
    try:
        return tuple(["".join([get(w) or chars.setdefault(w, chr(len(chars)))  # type: ignore[return-value]
                               for w in Tokens.of(s.tokens).flat() if w != BARRIER])
                      for s in analysis.sentences] for analysis in (earlier, later))
    except ValueError:
        return None


def sentence_parts(analysis: Analysis) -> list[list[str]]:
    """The folded parts of each sentence of a statement, in order (punctuation as the
    barrier), read once per analysis: the alignment and the inventory both read them."""
    found = analysis.memo.get("sentence-parts")
    if not isinstance(found, list):
        found = analysis.memo["sentence-parts"] = [Tokens.of(s.tokens).flat() for s in analysis.sentences]
    return found


def _words(analysis: Analysis) -> list[list[str]]:
    """Each sentence's ``sentence_words``, as lists."""
    return [[w for w in parts if w != BARRIER] for parts in sentence_parts(analysis)]


def _as_ids(sentences: Sequence[Sequence[Hashable]]) -> list[list[int]]:
    """Sentences as ids (``_texts`` turned back)."""
    return [list(map(ord, s)) if isinstance(s, str) else list(s) for s in sentences]  # type: ignore[arg-type]


def align_sentences(earlier: Analysis, later: Analysis) -> tuple[SentenceLink, ...]:
    """Return the corresponding sentences of two statements, in earlier order.

    >>> from diplodiff import Statement, analyse
    >>> a = analyse(Statement(id="a", text="We met in Rome. We welcome the accord. Talks will go on."))
    >>> b = analyse(Statement(id="b", text="Talks will go on. We warmly welcome the accord."))
    >>> [(link.earlier, link.later) for link in align_sentences(a, b)]
    [((1,), (1,)), ((2,), (0,))]
    """
    e_words, l_words = _words(earlier), _words(later)
    if not e_words or not l_words:
        return ()
    if len(e_words) * len(l_words) <= SMALL_MAX and not _too_large(e_words, l_words):
        # A few sentences are scored as their words (rapidfuzz reads a word by its hash,
        # as in the word diffs): looking up an id for each word cost more than the scores.
        return _align_small(e_words, l_words)
    # Function words and governing verbs take the first ids, so the content words of a
    # sentence are its ids from len(stopwords()) on (``_content``).
    texts = _texts(earlier, later)
    if texts is None:
        vocab = dict(_stop_vocab())
        e, l = _ids(earlier, vocab), _ids(later, vocab)
    else:
        e, l = texts  # type: ignore[assignment]
    if _too_large(e, l):
        return _align_large(_as_ids(e), _as_ids(l))
    return _align_dense(_as_ids(e), _as_ids(l))


def _align_dense(e: list[list[int]], l: list[list[int]], *, fill: bool = True) -> tuple[SentenceLink, ...]:
    """One vectorised ``cdist`` per candidate shape, candidates taken best first;
    in a revision (and with ``fill``), the gaps filled (``_fill_gaps``)."""
    import numpy as np  # lazy: see align.similarity

    n, m = len(e), len(l)
    one = sequence_similarity(e, l)
    merged = sequence_similarity([e[i] + e[i + 1] for i in range(n - 1)], l)
    split = sequence_similarity(e, [l[j] + l[j + 1] for j in range(m - 1)])
    if merged.size:
        merged = np.where(merged > np.maximum(one[:-1], one[1:]) + _MERGE_MARGIN, merged, 0.0)
    if split.size:
        split = np.where(split > np.maximum(one[:, :-1], one[:, 1:]) + _MERGE_MARGIN, split, 0.0)
    rows: list[np.ndarray] = []
    for shape, scores in ((0, one), (1, merged), (2, split)):
        i, j = np.nonzero(scores >= THRESHOLD)
        rows.append(np.stack([scores[i, j], np.full(i.shape, shape), i, j]).T if i.size
                    else np.zeros((0, 4)))
    found = np.concatenate(rows)
    if not found.size:
        return ()
    score, shape, i, j = found.T
    # Best first; then nearer the same relative position; then earlier in both.
    order = np.lexsort((i + j, np.abs((i + 0.5) / n - (j + 0.5) / m), -score))
    links = _greedy((float(score[k]), int(shape[k]), int(i[k]), int(j[k])) for k in order)
    if fill and _gapped(links, n, m):
        links = _fill_gaps(links, lambda rows, cols: _over_dense(one, rows, cols),
                           lambda i, j: float(one[i, j]), _content(e), _content(l))
    return tuple(links)


def _greedy(candidates: Iterable[tuple[float, int, int, int]]) -> list[SentenceLink]:
    """Links taken best first from ``(score, shape, i, j)`` candidates (shape 1 merges
    earlier ``i`` with ``i + 1``, shape 2 splits into later ``j`` and ``j + 1``), each
    sentence in one link at most, in order of place."""
    used_e: set[int] = set()
    used_l: set[int] = set()
    links: list[SentenceLink] = []
    for score, kind, a, b in candidates:
        es = (a, a + 1) if kind == 1 else (a,)
        ls = (b, b + 1) if kind == 2 else (b,)
        if used_e.intersection(es) or used_l.intersection(ls):
            continue
        used_e.update(es)
        used_l.update(ls)
        links.append(SentenceLink(es, ls, round(min(score, 100.0), 1)))
    links.sort(key=lambda x: (x.earlier[0], x.later[0]))
    return links


def _f32(value: float) -> float:
    return array("f", [value])[0]


def _align_small(e: Sequence[Sequence[Hashable]], l: Sequence[Sequence[Hashable]], *, fill: bool = True,
                 ) -> tuple[SentenceLink, ...]:
    """The dense alignment of ``align_sentences`` without numpy, for statements of up to
    ``SMALL_MAX`` sentence pairs: importing numpy (~0.1 s) would cost a two-statement
    diff more than the diff. Same float32 scores, same comparisons in float32, same
    order of candidates (a sort by the ``lexsort`` keys, then by place), so the links
    are the dense path's, to the bit. Only the cells that can matter are scored."""
    n, m = len(e), len(l)
    e_in, l_in = as_texts(e, l)  # converted once for every score taken here
    # One-to-one scores under GAP_THRESHOLD (30) are no link and fill no gap. A merge
    # (split) of two sentences that each score under 30 with a third stays under 60,
    # as its common words are at most both parts' (under 0.3 of each pair's length):
    # only the cells next to one at 30 or more are worth scoring.
    one = sequence_over(e_in, l_in, GAP_THRESHOLD)
    bound = _f32(THRESHOLD)
    e_len, l_len = list(map(len, e)), list(map(len, l))
    # The words two joined sentences share with a third are at most those each part
    # shares with it (a part's score is 200 of them over the pair's length; under 0.3
    # when not kept): each part's excess over its share of what a link needs adds up
    # to 0 or more only for a merge (split) that can score THRESHOLD, and one part's is
    # 0 or more. Most merges and splits are ruled out so, without being scored.
    share = (THRESHOLD - 0.01) / 200.0

    def excess(score: float | None, part: int, other: int) -> float:
        held = score / 200.0 + 5e-7 if score is not None else 0.15
        return (held - share) * part + (held - share / 2) * other

    def candidate(score: float, shape: int, i: int, j: int) -> tuple[float, float, int, int, int, int]:
        """(-score, distance from the same relative place, i + j, shape, i, j): the dense
        path's lexsort keys, then its candidates' order (shape, then row-major)."""
        return -score, abs((i + 0.5) / n - (j + 0.5) / m), i + j, shape, i, j

    found = [candidate(score, 0, i, j) for i, row in enumerate(one) for j, score in row.items()
             if score >= bound]
    lowest = 100.0 * share - 0.01  # under it a part's excess is below 0 (both lengths 0 score 100)
    merges = {(a, j) for i, row in enumerate(one) for j, score in row.items()
              if score >= lowest and excess(score, e_len[i], l_len[j]) >= 0
              for a in (i - 1, i) if 0 <= a < n - 1}
    splits = {(i, b) for i, row in enumerate(one) for j, score in row.items()
              if score >= lowest and excess(score, l_len[j], e_len[i]) >= 0
              for b in (j - 1, j) if 0 <= b < m - 1}
    # A merge (split) is kept only where it beats the better one-to-one score of its
    # parts by the margin (a part under 30 read as 0 changes nothing: the score is 65 or more).
    for i, j in merges:
        if excess(one[i].get(j), e_len[i], l_len[j]) + excess(one[i + 1].get(j), e_len[i + 1], l_len[j]) < 0:
            continue
        score = sequence_score(e_in[i] + e_in[i + 1], l_in[j])  # type: ignore[operator]
        if score >= bound and score > _f32(max(one[i].get(j, 0.0), one[i + 1].get(j, 0.0)) + _MERGE_MARGIN):
            found.append(candidate(score, 1, i, j))
    for i, j in splits:
        if excess(one[i].get(j), l_len[j], e_len[i]) + excess(one[i].get(j + 1), l_len[j + 1], e_len[i]) < 0:
            continue
        score = sequence_score(e_in[i], l_in[j] + l_in[j + 1])  # type: ignore[operator]
        if score >= bound and score > _f32(max(one[i].get(j, 0.0), one[i].get(j + 1, 0.0)) + _MERGE_MARGIN):
            found.append(candidate(score, 2, i, j))
    found.sort()
    links = _greedy((-negative, kind, a, b) for negative, _, _, kind, a, b in found)
    if fill and _gapped(links, n, m):
        links = _fill_gaps(links, lambda rows, cols: _over_rows(one, rows, cols),
                           lambda i, j: one[i].get(j) or sequence_score(e_in[i], l_in[j]),
                           _content(_as_ids(e)), _content(_as_ids(l)))
    return tuple(links)


def _over_rows(one: Sequence[dict[int, float]], rows: Sequence[int],
               cols: Sequence[int]) -> list[tuple[int, int]]:
    """The cells ``(r, c)`` of the block ``rows`` x ``cols`` at or over ``GAP_THRESHOLD``
    (float32 scores of ``sequence_over``, compared in float32 as numpy compares)."""
    bound = _f32(GAP_THRESHOLD)
    return [(r, c) for r, i in enumerate(rows) for c, j in enumerate(cols) if one[i].get(j, 0.0) >= bound]


def _over_dense(one: np.ndarray, rows: Sequence[int], cols: Sequence[int]) -> list[tuple[int, int]]:
    """``_over_rows`` of a score matrix, vectorised."""
    import numpy as np  # lazy: see align.similarity

    r, c = np.nonzero(one[np.ix_(rows, cols)] >= GAP_THRESHOLD)
    return list(zip(r.tolist(), c.tolist(), strict=True))


def _align_large(e: list[list[int]], l: list[list[int]]) -> tuple[SentenceLink, ...]:
    """Links for statements too long for whole score matrices (over ``DENSE_MAX``
    sentence pairs or ``WORK_MAX`` word pairs), as a diff tool aligns long files:
    identical sentences first, kept in order (``align.matches`` on the sentences as
    wholes), then the dense alignment of each stretch left between two of them,
    then sentences moved from one stretch to another (compared only when they share
    an uncommon word), then the gaps of a revision filled. A stretch itself too large
    for matrices gets one-to-one links by shared words. Time and memory grow with the
    sentences, not their square."""
    n, m = len(e), len(l)
    keys: dict[tuple[int, ...], int] = {}
    e_keys = [keys.setdefault(tuple(x), len(keys)) for x in e]
    l_keys = [keys.setdefault(tuple(x), len(keys)) for x in l]
    links = [SentenceLink((i + k,), (j + k,), 100.0) for i, j, size in matches(e_keys, l_keys)
             for k in range(size)]
    bounds = [(-1, -1), *((x.earlier[0], x.later[0]) for x in links), (n, m)]
    for (a_e, a_l), (b_e, b_l) in pairwise(bounds):
        rows, cols = range(a_e + 1, b_e), range(a_l + 1, b_l)
        if not rows or not cols:
            continue
        sub_e, sub_l = [e[i] for i in rows], [l[j] for j in cols]
        if _too_large(sub_e, sub_l):
            links += _one_to_one(sub_e, sub_l, rows, cols)
            continue
        dense = _align_small if len(rows) * len(cols) <= SMALL_MAX else _align_dense
        links += [SentenceLink(tuple(rows[i] for i in x.earlier), tuple(cols[j] for j in x.later),
                               x.similarity) for x in dense(sub_e, sub_l, fill=False)]
    used_e, used_l = linked_sides(links)
    rows_left = [i for i in range(n) if i not in used_e]
    cols_left = [j for j in range(m) if j not in used_l]
    if rows_left and cols_left:  # sentences moved from one stretch to another
        links += _one_to_one([e[i] for i in rows_left], [l[j] for j in cols_left], rows_left, cols_left)
    links.sort(key=lambda x: (x.earlier[0], x.later[0]))
    if _gapped(links, n, m):
        used_e, used_l = linked_sides(links)
        links = _fill_gaps(links, lambda rows, cols: _over_gap([e[i] for i in rows], [l[j] for j in cols]),
                           lambda i, j: _score(e[i], l[j]), _content(e, used_e), _content(l, used_l))
    return tuple(links)


def _over_gap(e: list[list[int]], l: list[list[int]]) -> list[tuple[int, int]]:
    """``_over_rows`` of one gap of a long statement, scored there; none for a gap too
    large for a matrix."""
    if _too_large(e, l):
        return []
    if len(e) * len(l) <= SMALL_MAX:
        return _over_rows(sequence_over(e, l, GAP_THRESHOLD), range(len(e)), range(len(l)))
    return _over_dense(sequence_similarity(e, l), range(len(e)), range(len(l)))


def _score(e: list[int], l: list[int]) -> float:
    """The one-to-one score of two sentences, as the matrices give it (float32); from
    their anchored matches when both run to many thousand words."""
    if len(e) * len(l) > LCS_MAX:
        return matched_similarity(e, l)
    return sequence_score(e, l)


def _one_to_one(e: Sequence[Sequence[int]], l: Sequence[Sequence[int]], rows: Sequence[int],
                cols: Sequence[int]) -> list[SentenceLink]:
    """One-to-one links between sentences sharing an uncommon word (``align.sequence_pairs``),
    best first, then nearer the same relative position; indices mapped through ``rows`` and ``cols``."""
    n, m = len(e), len(l)
    found = sequence_pairs(e, l, threshold=THRESHOLD)
    found.sort(key=lambda f: (-f[0], abs((f[1] + 0.5) / n - (f[2] + 0.5) / m), f[1] + f[2]))
    used_e: set[int] = set()
    used_l: set[int] = set()
    links: list[SentenceLink] = []
    for score, a, b in found:
        if a in used_e or b in used_l:
            continue
        used_e.add(a)
        used_l.add(b)
        links.append(SentenceLink((rows[a],), (cols[b],), round(min(score, 100.0), 1)))
    return links


def _anchors(links: Sequence[SentenceLink]) -> list[SentenceLink]:
    """The links that stand in order on both sides in every longest ordered chain of
    links: a moved sentence, or one of two links that cross with nothing to choose
    between them, bounds no gap. Read the same way with the arguments swapped, so the
    gaps (and what is paired in them) do not depend on which statement came first."""
    ordered = sorted(links, key=lambda x: x.earlier[0])
    later = [x.later[0] for x in ordered]

    def chains(values: Sequence[int]) -> list[int]:
        # Longest increasing run ending at each position (patience sorting).
        tails: list[int] = []
        found = []
        for v in values:
            k = bisect_left(tails, v)
            tails[k:k + 1] = [v]
            found.append(k + 1)
        return found

    ending = chains(later)
    starting = chains([-v for v in reversed(later)])[::-1]
    longest = max(ending, default=0)
    on_chain = [k for k in range(len(ordered)) if ending[k] + starting[k] - 1 == longest]
    rungs = Counter(ending[k] for k in on_chain)
    return [ordered[k] for k in on_chain if rungs[ending[k]] == 1]


def _content(sentences: Sequence[Sequence[Hashable]], skip: Collection[int] = (),
             ) -> list[frozenset[Hashable]]:
    """The content words (words or ids) of each sentence: its words less function words
    and governing verbs, which hold the first ids (``_stop_vocab``); none read for the
    sentences in ``skip`` (linked already: no gap holds them)."""
    stop = _stop_keys()
    return [frozenset() if k in skip else frozenset(ids).difference(stop) for k, ids in enumerate(sentences)]


@functools.cache
def _stop_keys() -> frozenset[Hashable]:
    """Function words and governing verbs, as words and as their ids."""
    return frozenset(stopwords()) | frozenset(range(len(_stop_vocab())))


def _rewritten(e: Sequence[frozenset[Hashable]], l: Sequence[frozenset[Hashable]]) -> list[tuple[int, int]]:
    """The cells ``(r, c)`` whose two sentences keep at least half the content words of
    the shorter one (and at least ``_KEPT_WORDS``): one sentence rewritten around what
    it is about ("Russia's aggressive actions constitute a threat to Euro-Atlantic
    security" -> "The Russian Federation is the most significant and direct threat to
    Allies' security ... in the Euro-Atlantic area"), though reordered and reworded too
    much for the similarity of their word sequences to say so. Only sentences sharing
    a word are compared (postings), not every cell."""
    postings: dict[Hashable, list[int]] = {}
    for c, ids in enumerate(l):
        for word in ids:
            postings.setdefault(word, []).append(c)
    found = []
    for r, ids in enumerate(e):
        shared = Counter(c for word in ids for c in postings.get(word, ()))
        found += [(r, c) for c, kept in shared.items()
                  if kept >= _KEPT_WORDS and 2 * kept >= min(len(ids), len(l[c]))]
    return found


def _shares_content(e: frozenset[Hashable], l: frozenset[Hashable]) -> bool:
    """Whether two sentences share ``_KEPT_WORDS`` content words, or a quarter of the
    shorter's: function words alone lift two sentences on different matters over
    ``GAP_THRESHOLD`` ("They ... the accession process of Bolivia and instructed the Common
    Market Group to ..." and "They ... the MERCOSUR-EFTA Free Trade Agreement ... and
    instructed the negotiators to ...": two of seventeen), and such a pair is one matter
    dropped and another added, not one sentence rewritten."""
    kept = len(e & l)
    return kept >= _KEPT_WORDS or 4 * kept >= min(len(e), len(l))


def _fill_gaps(links: list[SentenceLink], over: Callable[[list[int], list[int]], list[tuple[int, int]]],
               score: Callable[[int, int], float], e_words: Sequence[frozenset[Hashable]],
               l_words: Sequence[frozenset[Hashable]]) -> list[SentenceLink]:
    """In a revision, pair the sentences left between two corresponding ones when
    they still share words (a sentence rewritten in place), as a diff pairs the
    lines of a changed hunk: ``over(rows, cols)`` gives the cells of a gap at or over
    ``GAP_THRESHOLD``, ``_rewritten`` those that keep half their content words;
    ``score(i, j)`` is the similarity of a cell. Gaps lie between the links that keep
    their order (``_anchors``); pairs are taken best first, ties to the pair nearer the
    same place, read alike with the arguments swapped."""
    n, m = len(e_words), len(l_words)
    anchors = _anchors(links)
    ends = [(-1, -1)] + [(x.earlier[-1], x.later[-1]) for x in anchors]
    starts = [(x.earlier[0], x.later[0]) for x in anchors] + [(n, m)]
    used_e = {i for x in links for i in x.earlier}
    used_l = {j for x in links for j in x.later}
    found = list(links)
    for (a_e, a_l), (b_e, b_l) in zip(ends, starts, strict=True):
        rows = [i for i in range(a_e + 1, b_e) if i not in used_e]
        cols = [j for j in range(a_l + 1, b_l) if j not in used_l]
        if not rows or not cols or len(rows) * len(cols) > DENSE_MAX:
            continue  # (only in a long statement: a gap of the whole stays as it is)
        cells = {(r, c) for r, c in over(rows, cols) if _shares_content(e_words[rows[r]], l_words[cols[c]])}
        cells.update(_rewritten([e_words[i] for i in rows], [l_words[j] for j in cols]))
        ranked = sorted((-score(rows[r], cols[c]), abs(rows[r] - cols[c]), rows[r] + cols[c], r, c)
                        for r, c in cells)
        taken_r: set[int] = set()
        taken_c: set[int] = set()
        for negative, _, _, r, c in ranked:
            if r in taken_r or c in taken_c:
                continue
            taken_r.add(r)
            taken_c.add(c)
            found.append(SentenceLink((rows[r],), (cols[c],), round(-negative, 1)))
    return sorted(found, key=lambda x: (x.earlier[0], x.later[0]))


def is_revision(earlier: Analysis, later: Analysis, links: Sequence[SentenceLink]) -> bool:
    """True when most sentences of the two statements correspond (one text, revised)."""
    return _revised(links, len(earlier.sentences), len(later.sentences))


def _revised(links: Sequence[SentenceLink], n: int, m: int) -> bool:
    """Whether ``links`` cover at least ``REVISION_SHARE`` of ``n`` + ``m`` sentences."""
    total = n + m
    return total > 0 and sum(len(x.earlier) + len(x.later) for x in links) >= REVISION_SHARE * total


def _gapped(links: Sequence[SentenceLink], n: int, m: int) -> bool:
    """Whether ``links`` make a revision (``_revised``) with a sentence no link holds on
    each side: only then can a gap hold a pair to fill in (``_fill_gaps``)."""
    return (sum(len(x.earlier) for x in links) < n and sum(len(x.later) for x in links) < m
            and _revised(links, n, m))


def linked_sides(links: Sequence[SentenceLink]) -> tuple[set[int], set[int]]:
    """The earlier and the later sentences that some link holds."""
    return {i for x in links for i in x.earlier}, {j for x in links for j in x.later}


def runs(indices: Sequence[int]) -> list[list[int]]:
    """Sorted indices cut into runs of consecutive ones."""
    found: list[list[int]] = []
    for index in indices:
        if found and found[-1][-1] == index - 1:
            found[-1].append(index)
        else:
            found.append([index])
    return found


def passages(earlier: Analysis, later: Analysis, links: Sequence[SentenceLink]) -> tuple[Passage, ...]:
    """The runs of consecutive sentences with no counterpart: dropped ones (earlier
    statement) first, then added ones, each in text order."""
    found: list[Passage] = []
    for kind, analysis, linked in zip((ChangeKind.DROPPED, ChangeKind.ADDED), (earlier, later),
                                      linked_sides(links), strict=True):
        free = [s.index for s in analysis.sentences if s.index not in linked]
        for run in runs(free):
            span = Span(analysis.sentences[run[0]].span.start, analysis.sentences[run[-1]].span.end)
            found.append(Passage(f"p{len(found) + 1}", kind, tuple(run), span,
                                 span.of(analysis.statement.text)))
    return tuple(found)
