"""compare(): wires tokenizing, phrase finding, alignment and classification."""

from __future__ import annotations

import os
from collections.abc import Sequence

import attrs

from .._models import Analysis, Change, ChangeKind, Comparison, Origin, Phrase, Statement
from .._options import DEFAULT_OPTIONS, Options
from ..find.discover import find_phrases
from ..find.lexicon import Lexicon, default_lexicon
from ..read.files import load_statement
from ..text.normalize import has_unusual
from ..text.speakers import SpeakerTable, attribute
from ..text.tokens import tokenize
from .align import pair, ratio
from .classify import framing_shifts, wording
from .summary import summarize

_KIND_ORDER = {ChangeKind.ADDED: 0, ChangeKind.DROPPED: 1, ChangeKind.SHIFTED: 2, ChangeKind.KEPT: 3}
#: Distinct lexicon formulas are distinct on purpose; only the rungs of the
#: partnership ladder are read as one label moving up or down.
_LADDER = "partnership_label"
#: Added to ``Statement.notes`` by ``analyse`` when matching had to look through the text.
UNUSUAL_NOTE = ("text has invisible, compatibility or look-alike characters (soft hyphens, "
                "zero-width or bidi marks, fullwidth or Cyrillic letters); matched as plain letters")


def analyse(statement: Statement, *, lexicon: Lexicon | None = None,
            options: Options = DEFAULT_OPTIONS, speakers: SpeakerTable | None = None) -> Analysis:
    """Tokenize a statement, attribute its sentences to speakers and find its phrases.

    Args:
        statement: The statement to read.
        lexicon: Formulas to look for; the builtin lexicon when ``None``.
        options: Settings; ``options.lexicon=False`` skips the lexicon.
        speakers: Office holders and sides; the builtin table when ``None``.
    """
    if has_unusual(statement.text) and UNUSUAL_NOTE not in statement.notes:
        statement = attrs.evolve(statement, notes=(*statement.notes, UNUSUAL_NOTE))
    sentences = attribute(statement, tokenize(statement), table=speakers)
    lexicon = default_lexicon() if lexicon is None else lexicon
    return Analysis(statement, sentences,
                    find_phrases(statement, sentences, lexicon=lexicon, options=options))


def extract_phrases(statement: Statement, *, lexicon: Lexicon | None = None,
                    options: Options = DEFAULT_OPTIONS,
                    speakers: SpeakerTable | None = None) -> tuple[Phrase, ...]:
    """Return the lexicon formulas and discovered phrases of one statement
    (arguments as for ``analyse``).

    >>> from diplodiff import Statement
    >>> s = Statement(id="x", text="Both sides will build a community with a shared future.")
    >>> [p.canonical for p in extract_phrases(s) if p.origin.value == "lexicon"]
    ['community with a shared future']
    """
    return analyse(statement, lexicon=lexicon, options=options, speakers=speakers).phrases


def reportable(group: Sequence[Phrase]) -> bool:
    """A discovered phrase is reported when it looks like a formula: quoted, a
    named thing, or repeated within its statement. (Hyphenated compounds alone
    are too common in readouts: "in-depth", "two-way", "high-level".)"""
    first = group[0]
    return first.origin is Origin.LEXICON or bool(set(first.marks) - {"compound"}) or len(group) >= 2


class _Pairing:
    """Builds the changes between two analysed statements."""

    def __init__(self, earlier: Analysis, later: Analysis) -> None:
        self.earlier, self.later = earlier, later
        self.e_groups, self.l_groups = earlier.groups(), later.groups()

    def change(self, e: Phrase, l: Phrase) -> Change:
        """A kept or shifted change for two corresponding occurrences."""
        shift, details, markers = wording(e, l)
        if e.origin is Origin.LEXICON:  # framing is read around curated formulas only
            f_shift, f_details, f_markers = framing_shifts(
                e, l, self.earlier, self.later, self.e_groups[e.formula], self.l_groups[l.formula])
            shift, details, markers = shift + f_shift, details + f_details, markers + f_markers
        kind = ChangeKind.SHIFTED if shift else ChangeKind.KEPT
        return Change(kind, e, l, shift=shift, score=ratio(e.key, l.key),
                      earlier_count=len(self.e_groups[e.formula]),
                      later_count=len(self.l_groups[l.formula]), details=details, markers=markers)

    def same(self, formula: str) -> list[Change]:
        """Changes within one formula found on both sides: one for a wording that
        recurs, and one per pair of wordings that differ (paired by similarity)."""
        e_forms = {p.key: p for p in reversed(self.e_groups[formula])}
        l_forms = {p.key: p for p in reversed(self.l_groups[formula])}
        common = [k for k in e_forms if k in l_forms]
        changes = [self.change(e_forms[common[0]], l_forms[common[0]])] if common else []
        e_rest = [p for k, p in e_forms.items() if k not in l_forms]
        l_rest = [p for k, p in l_forms.items() if k not in e_forms]
        found = pair([p.key for p in e_rest], [p.key for p in l_rest], threshold=0.0)
        changes += [self.change(e_rest[i], l_rest[j]) for i, j, _ in found]
        return changes

    def across(self, earlier: list[str], later: list[str], threshold: float) -> list[Change]:
        """Pair formulas found on one side only, by similarity of their first wording."""
        found = pair([self.e_groups[k][0].key for k in earlier],
                     [self.l_groups[k][0].key for k in later], threshold=threshold)
        return [self.change(self.e_groups[earlier[i]][0], self.l_groups[later[j]][0])
                for i, j, _ in found]

    def changes(self, options: Options) -> list[Change]:
        """Every change, in report order."""
        before = [k for k in self.e_groups if k not in self.l_groups]
        after = [k for k in self.l_groups if k not in self.e_groups]
        changes = [c for k in self.e_groups if k in self.l_groups for c in self.same(k)]
        for category, threshold in ((_LADDER, 0.0), (None, options.match_threshold)):
            left = [k for k in before if self.e_groups[k][0].category == category
                    and reportable(self.e_groups[k])]
            right = [k for k in after if self.l_groups[k][0].category == category
                     and reportable(self.l_groups[k])]
            for change in self.across(left, right, threshold):
                changes.append(change)
                assert change.earlier is not None
                assert change.later is not None
                before.remove(change.earlier.formula)
                after.remove(change.later.formula)
        changes += [Change(ChangeKind.DROPPED, self.e_groups[k][0], None,
                           earlier_count=len(self.e_groups[k]))
                    for k in before if reportable(self.e_groups[k])]
        changes += [Change(ChangeKind.ADDED, None, self.l_groups[k][0],
                           later_count=len(self.l_groups[k]))
                    for k in after if reportable(self.l_groups[k])]
        changes.sort(key=lambda c: (_KIND_ORDER[c.kind], c.origin is not Origin.LEXICON,
                                    c.phrase is c.earlier, c.phrase.span.start))
        return changes


def diff_analyses(earlier: Analysis, later: Analysis, *, options: Options = DEFAULT_OPTIONS,
                  lexicon_names: Sequence[str] = ()) -> Comparison:
    """Compare two analysed statements (see ``compare``)."""
    changes = _Pairing(earlier, later).changes(options)
    return Comparison(earlier.statement, later.statement, tuple(changes), options, tuple(lexicon_names),
                      framing=(summarize(earlier), summarize(later)))


def _statement(source: Statement | str | os.PathLike[str], options: Options) -> Statement:
    if isinstance(source, Statement):
        return source
    if isinstance(source, (str, os.PathLike)):
        return load_statement(os.fspath(source), options=options)
    msg = f"compare() takes a Statement or a file path, not {type(source).__name__}"
    raise TypeError(msg)


def compare(earlier: Statement | str | os.PathLike[str], later: Statement | str | os.PathLike[str], *,
            lexicon: Lexicon | None = None, options: Options = DEFAULT_OPTIONS,
            speakers: SpeakerTable | None = None) -> Comparison:
    """Report which formulas were added, dropped, shifted or kept between two statements.

    Args:
        earlier: The earlier statement, or the path of a file to load it from
            (``load_statement``).
        later: The later statement, or a path.
        lexicon: Formulas to look for; the builtin lexicon when ``None``.
        options: Settings for every stage; recorded on the result.
        speakers: Office holders and sides; the builtin table when ``None``.

    Returns:
        The comparison, with one change per formula.

    >>> from diplodiff import Statement
    >>> a = Statement(id="a", text="China and Kazakhstan are strategic partners.")
    >>> b = Statement(id="b", text="China and Kazakhstan are permanent comprehensive strategic partners.")
    >>> [(c.kind.value, [s.value for s in c.shift]) for c in compare(a, b).changes]
    [('shifted', ['qualifier_added', 'rank_up'])]
    """
    earlier, later = _statement(earlier, options), _statement(later, options)
    lexicon = default_lexicon() if lexicon is None else lexicon
    return diff_analyses(analyse(earlier, lexicon=lexicon, options=options, speakers=speakers),
                         analyse(later, lexicon=lexicon, options=options, speakers=speakers),
                         options=options, lexicon_names=lexicon.names if options.lexicon else ())
