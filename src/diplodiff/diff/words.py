"""The words of corresponding sentences, as the word diff reads them: folded parts,
word classes, punctuation breaks and list commas (``Words``), and the phrases found
at a span of an analysed statement (``phrases_at``, ``lexicon_hits``)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import attrgetter

from attrs import frozen

from .._models import Analysis, Origin, Phrase, Span, Token, Tokens
from ..text.normalize import BARRIER, QUOTES, adverb_form, function_words, stopwords

_CONNECT = frozenset({"of", "and", "for", "on", "in", "with", "&", "'s"})
COORDINATORS = frozenset({"and", "&"})
ARTICLES = frozenset({"a", "an", "the"})
BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_CROSS = ARTICLES | BE | frozenset({"to", "not", "has", "have", "had", "will", "shall", "would",
                                     "should", "can", "could", "may", "might", "must"})
#: Content words that make an insertion or deletion a clause of its own.
CLAUSE_WORDS = 4

# Word classes: C content, V governing verb / adverb / participle, A auxiliary or
# article (crossable), N connector inside a noun phrase, F other function word.
C, V, A, N, F = "C", "V", "A", "N", "F"


def word_class(token: Token) -> str:
    """The chunker's class of one word token (see the module docstring)."""
    word = token.text.translate(QUOTES).lower()
    if word in _CONNECT or token.parts == ("'s",):
        return N
    if word in NUMBER_WORDS:
        return C
    if word in _CROSS:
        return A
    if word in function_words():
        return F
    if word in stopwords():
        return V
    if token.text.islower() and (adverb_form(word) or (word.isalpha() and len(word) > 4
                                                         and word.endswith("ed"))):
        return V
    return C


def _opening_adverb(token: Token, after: Token) -> bool:
    """Whether a sentence's first word is an adverb that only its place capitalised
    ("Strongly condemns", "Additionally, ..."): an "-ly" word before a word in lower
    case or a comma; a name goes on in capitals ("Kelly Craft") or is no "-ly" word."""
    return adverb_form(token.text.lower()) and (after.text[:1].islower() or after.text == ",")


NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
#: Determiners a governing word reaches over to its noun phrase ("safeguard each other's ...").
DETERMINERS = frozenset({"each", "other", "their", "our", "its", "his", "her", "this", "these",
                          "those", "all", "both", "any", "every", "such", "'s"})


@frozen
class Words:
    """The folded words of one side of a sentence link, with where they come from.

    Attributes:
        tokens: The word tokens, in order (punctuation and quotes left out).
        sentence_of: The sentence index of each token.
        parts: Folded words; a hyphenated token gives several.
        owner: Index into ``tokens`` of each part.
        classes: Word class of each part.
        breaks: True where punctuation or a sentence end comes before the part.
        commas: True where that punctuation is commas only, inside one sentence (a list
            comma: "free, fair and credible").
    """

    tokens: tuple[Token, ...]
    sentence_of: tuple[int, ...]
    parts: tuple[str, ...]
    owner: tuple[int, ...]
    classes: tuple[str, ...]
    breaks: tuple[bool, ...]
    commas: tuple[bool, ...] = ()

    def span(self, first: int, last: int) -> Span:
        """The text span of parts ``first .. last - 1``."""
        return Span(self.tokens[self.owner[first]].span.start, self.tokens[self.owner[last - 1]].span.end)


def words_of(analysis: Analysis, sentences: Sequence[int]) -> Words:
    """Flatten the word tokens of some sentences, in order, for diffing."""
    tokens: list[Token] = []
    sentence_of: list[int] = []
    parts: list[str] = []
    owner: list[int] = []
    classes: list[str] = []
    breaks: list[bool] = []
    commas: list[bool] = []
    for index in sentences:
        pending = True
        comma = False
        row = analysis.sentences[index].tokens
        start = len(classes)
        for token in row:
            if not token.parts:
                # Quotes fold to nothing; an apostrophe after a plural ("States'") ends
                # the possessor's noun phrase.
                if token.text in ("'", "\u2019") and tokens and tokens[-1].text[-1:] in "sS" \
                        and tokens[-1].span.end == token.span.start:
                    pending, comma = True, False
                continue
            if token.parts == (BARRIER,):
                comma = token.text == "," and (comma or not pending)
                pending = True
                continue
            tokens.append(token)
            sentence_of.append(index)
            kind = word_class(token)
            if kind == V and len(classes) > start and token.text[:1].isupper():
                # A governing verb in capitals past the sentence's first word names something
                # ("an Enhanced Partnership", "the UN Support Mission").
                kind = C
            for k, part in enumerate(token.parts):
                parts.append(part)
                owner.append(len(tokens) - 1)
                classes.append(kind)
                breaks.append(pending and k == 0)
                commas.append(comma and k == 0)
            pending = comma = False
        if len(classes) > start and classes[start] == C and len(row) > 1 and _opening_adverb(row[0], row[1]):
            classes[start] = V  # row[0] is the sentence's first word: its part was stored first
    return Words(tuple(tokens), tuple(sentence_of), tuple(parts), tuple(owner), tuple(classes),
                 tuple(breaks), tuple(commas))


def sentence_edge(w: Words, first: int, last: int, step: int) -> bool:
    """Whether parts ``first .. last - 1`` open their sentence (``step`` 1) or close it
    (``step`` -1): nothing of the sentence stands on the other side of them."""
    n = len(w.parts)
    if step > 0:
        return first == 0 or first >= n or w.sentence_of[w.owner[first - 1]] != w.sentence_of[w.owner[first]]
    return last >= n or last == 0 or w.sentence_of[w.owner[last]] != w.sentence_of[w.owner[last - 1]]


def folded_parts(analysis: Analysis, sentences: Sequence[int]) -> list[str]:
    """``words_of(analysis, sentences).parts``, from the token columns alone."""
    return [part for index in sentences for parts in Tokens.of(analysis.sentences[index].tokens).parts
            if parts != (BARRIER,) for part in parts]


def phrase_starts(analysis: Analysis) -> list[int]:
    """Where each phrase of ``analysis`` starts, in order (the phrases stand in text order)."""
    found = analysis.memo.get("phrase-starts")
    if not isinstance(found, list):
        # The phrases stand in text order: a span finds those that overlap it by
        # bisecting their starts (a scan of every phrase for every edit was quadratic),
        # read at C speed once per analysis rather than sorted into sentences.
        found = analysis.memo["phrase-starts"] = list(map(_START, analysis.phrases))
    return found


def phrases_at(analysis: Analysis, span: Span) -> list[Phrase]:
    """The phrases of ``analysis`` that overlap ``span``, in order."""
    starts = phrase_starts(analysis)
    longest = analysis.memo.get("phrase-longest")
    if not isinstance(longest, int):
        longest = analysis.memo["phrase-longest"] = max(map(_length, analysis.phrases), default=0)
    # A phrase starting at or before span.start - longest ends by span.start.
    lo = bisect_right(starts, span.start - longest)
    hi = bisect_left(starts, span.end, lo)
    return [p for p in analysis.phrases[lo:hi] if p.span.start < span.end and span.start < p.span.end]


_START = attrgetter("span.start")


def _length(phrase: Phrase) -> int:
    return phrase.span.end - phrase.span.start


def lexicon_hits(analysis: Analysis, span: Span) -> list[Phrase]:
    """The lexicon formulas that overlap a span."""
    return [p for p in phrases_at(analysis, span) if p.origin is Origin.LEXICON]


def widen(span: Span, hits: Sequence[Phrase]) -> Span:
    """The span grown to take whole every formula it overlaps."""
    if not hits:
        return span
    return Span(min(span.start, *(h.span.start for h in hits)), max(span.end, *(h.span.end for h in hits)))
