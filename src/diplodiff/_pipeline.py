"""compare(): wires tokenizing, phrase finding, alignment and classification."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from attrs import field, frozen

from ._align import assign, ratio, similarity
from ._classify import shift_types
from ._lexicon import Lexicon, default_lexicon
from ._models import Change, ChangeKind, Comparison, Origin, Phrase, Sentence, Statement
from ._options import DEFAULT_OPTIONS, Options
from ._phrases import find_phrases
from ._speakers import attribute
from ._tokenize import tokenize

_KIND_ORDER = {ChangeKind.ADDED: 0, ChangeKind.DROPPED: 1, ChangeKind.SHIFTED: 2, ChangeKind.KEPT: 3}
#: Distinct lexicon formulas are distinct on purpose; only the rungs of the
#: partnership ladder are read as one label moving up or down.
_LADDER = "partnership_label"


@frozen
class Analysis:
    """A statement with its sentences and phrases (lexicon hits and discovered)."""

    statement: Statement
    sentences: tuple[Sentence, ...] = field(converter=tuple)
    phrases: tuple[Phrase, ...] = field(converter=tuple)

    def groups(self) -> dict[str, list[Phrase]]:
        """Return the phrases grouped by formula id, in order of first occurrence."""
        grouped: dict[str, list[Phrase]] = defaultdict(list)
        for phrase in self.phrases:
            grouped[phrase.formula].append(phrase)
        return dict(grouped)


def analyse(statement: Statement, *, lexicon: Lexicon | None = None,
            options: Options = DEFAULT_OPTIONS) -> Analysis:
    """Tokenize a statement and find its phrases.

    Args:
        statement: The statement to read.
        lexicon: Formulas to look for; the builtin lexicon when ``None``.
        options: Settings; ``options.lexicon=False`` skips the lexicon.
    """
    sentences = attribute(statement, tokenize(statement))
    lexicon = default_lexicon() if lexicon is None else lexicon
    return Analysis(statement, sentences,
                    find_phrases(statement, sentences, lexicon=lexicon, options=options))


def extract_phrases(statement: Statement, *, lexicon: Lexicon | None = None,
                    options: Options = DEFAULT_OPTIONS) -> tuple[Phrase, ...]:
    """Return the lexicon formulas and discovered phrases of one statement.

    >>> from diplodiff import Statement
    >>> s = Statement(id="x", text="Both sides will build a community with a shared future.")
    >>> [p.canonical for p in extract_phrases(s) if p.origin.value == "lexicon"]
    ['community with a shared future']
    """
    return analyse(statement, lexicon=lexicon, options=options).phrases


def reportable(group: Sequence[Phrase]) -> bool:
    """A discovered phrase is reported when it looks like a formula: quoted, a
    named thing, or repeated within its statement. (Hyphenated compounds alone
    are too common in readouts: "in-depth", "two-way", "high-level".)"""
    first = group[0]
    return first.origin is Origin.LEXICON or bool(set(first.marks) - {"compound"}) or len(group) >= 2


def _same(earlier: list[Phrase], later: list[Phrase]) -> list[Change]:
    """Changes within one formula found on both sides: kept when a wording recurs,
    and one shift per pair of wordings that differ (paired by similarity)."""
    n_e, n_l = len(earlier), len(later)
    e_forms = {p.key: p for p in reversed(earlier)}
    l_forms = {p.key: p for p in reversed(later)}
    common = [k for k in e_forms if k in l_forms]
    changes = [Change(ChangeKind.KEPT, e_forms[common[0]], l_forms[common[0]], score=100.0,
                      earlier_count=n_e, later_count=n_l)] if common else []
    e_rest = [p for k, p in e_forms.items() if k not in l_forms]
    l_rest = [p for k, p in l_forms.items() if k not in e_forms]
    scores = similarity([p.key for p in e_rest], [p.key for p in l_rest])
    for i, j, _score in assign(scores, threshold=0.0):
        changes.append(_shifted(e_rest[i], l_rest[j], n_e, n_l))
    return changes


def _shifted(e: Phrase, l: Phrase, n_earlier: int, n_later: int) -> Change:
    shift, details = shift_types(e, l)
    kind = ChangeKind.SHIFTED if shift else ChangeKind.KEPT
    return Change(kind, e, l, shift=shift, score=ratio(e.key, l.key), earlier_count=n_earlier,
                  later_count=n_later, details=details)


def _pair(earlier: dict[str, list[Phrase]], later: dict[str, list[Phrase]],
          threshold: float) -> list[Change]:
    """Pair leftover groups of the two sides by similarity; remove the paired ones."""
    e_ids, l_ids = list(earlier), list(later)
    scores = similarity([earlier[k][0].key for k in e_ids], [later[k][0].key for k in l_ids])
    changes = []
    for i, j, _score in assign(scores, threshold=threshold):
        e, l = earlier.pop(e_ids[i]), later.pop(l_ids[j])
        changes.append(_shifted(e[0], l[0], len(e), len(l)))
    return changes


def diff_analyses(earlier: Analysis, later: Analysis, *, options: Options = DEFAULT_OPTIONS,
                  lexicon_names: Sequence[str] = ()) -> Comparison:
    """Compare two analysed statements (see ``compare``)."""
    before, after = earlier.groups(), later.groups()
    changes = [c for k in list(before) if k in after for c in _same(before.pop(k), after.pop(k))]
    for category, threshold in ((_LADDER, 0.0), (None, options.match_threshold)):
        left = {k: v for k, v in before.items() if v[0].category == category}
        right = {k: v for k, v in after.items() if v[0].category == category}
        if category is None:
            left = {k: v for k, v in left.items() if reportable(v)}
            right = {k: v for k, v in right.items() if reportable(v)}
        for change in _pair(left, right, threshold):
            changes.append(change)
            assert change.earlier is not None and change.later is not None
            before.pop(change.earlier.formula)
            after.pop(change.later.formula)
    changes += [Change(ChangeKind.DROPPED, g[0], None, earlier_count=len(g))
                for g in before.values() if reportable(g)]
    changes += [Change(ChangeKind.ADDED, None, g[0], later_count=len(g))
                for g in after.values() if reportable(g)]
    changes.sort(key=lambda c: (_KIND_ORDER[c.kind], c.origin is not Origin.LEXICON,
                                c.phrase is c.earlier, c.phrase.span.start))
    return Comparison(earlier.statement, later.statement, changes, options, lexicon_names)


def compare(earlier: Statement, later: Statement, *, lexicon: Lexicon | None = None,
            options: Options = DEFAULT_OPTIONS) -> Comparison:
    """Report which formulas were added, dropped, shifted or kept between two statements.

    Args:
        earlier: The earlier statement.
        later: The later statement.
        lexicon: Formulas to look for; the builtin lexicon when ``None``.
        options: Settings for every stage; recorded on the result.

    Returns:
        The comparison, with one change per formula.

    >>> from diplodiff import Statement
    >>> a = Statement(id="a", text="China and Kazakhstan are strategic partners.")
    >>> b = Statement(id="b", text="China and Kazakhstan are permanent comprehensive strategic partners.")
    >>> [(c.kind.value, [s.value for s in c.shift]) for c in compare(a, b).changes]
    [('shifted', ['qualifier_added', 'rank_up'])]
    """
    lexicon = default_lexicon() if lexicon is None else lexicon
    return diff_analyses(analyse(earlier, lexicon=lexicon, options=options),
                         analyse(later, lexicon=lexicon, options=options),
                         options=options, lexicon_names=lexicon.names if options.lexicon else ())
