"""Frozen value types shared by every stage of the pipeline."""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import reduce
from itertools import accumulate, repeat
from operator import attrgetter, iconcat, sub
from typing import TYPE_CHECKING, Any, overload

from attrs import field, frozen, validators

if TYPE_CHECKING:
    import pandas

    from ._options import Options

#: Columns of ``Comparison.to_records()`` (and of ``diff --format csv``), in order.
CHANGE_COLUMNS = (
    "earlier_statement", "later_statement", "kind", "formula", "canonical", "category", "origin",
    "shift", "score",
    "earlier_text", "earlier_sentence", "earlier_speaker", "earlier_side", "earlier_start",
    "earlier_end", "earlier_count",
    "later_text", "later_sentence", "later_speaker", "later_side", "later_start", "later_end",
    "later_count",
    "details", "history", "markers", "passage",
)
#: Joins the items of a list in one table cell.
JOIN = " | "
#: Rows shown by ``_repr_html_`` before "... more".
HTML_ROWS = 30


def one_line(text: str) -> str:
    """Whitespace runs collapsed to one space (evidence sentences in records)."""
    return " ".join(text.split())


def html_cell(text: str) -> str:
    """Text for a cell of a notebook's ``_repr_html_`` table (the renderers use render.escape)."""
    import html  # lazy: only notebooks render tables

    return html.escape(one_line(text), quote=True)


def _short(text: str, width: int = 40) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def load_pandas() -> Any:
    """Import pandas, which diplodiff never needs except to build a DataFrame."""
    try:
        import pandas  # optional and heavy (~0.5 s): only to_pandas() needs it
    except ImportError:  # pragma: no cover - depends on the environment
        msg = "to_pandas() needs pandas: pip install pandas (or use to_records())"
        raise ImportError(msg) from None
    return pandas


def _tuple_of_pairs(value: object) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, dict) else value
    return tuple(sorted((str(k), str(v)) for k, v in items))  # type: ignore[attr-defined]


def _date(value: dt.date | str | None) -> dt.date | None:
    """A statement's date from a date or an ISO ``YYYY-MM-DD`` string (a datetime gives its date)."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            msg = f"Statement date {value!r} is not a YYYY-MM-DD date"
            raise ValueError(msg) from None
    msg = f"Statement date must be a datetime.date or a YYYY-MM-DD string, not {type(value).__name__}"
    raise TypeError(msg)


@frozen
class Span:
    """Half-open character range ``[start, end)`` into ``Statement.text``."""

    start: int = field(validator=validators.ge(0))
    end: int = field()

    @end.validator
    def _check_end(self, _attribute: object, value: int) -> None:
        if value < self.start:
            msg = f"Span end ({value}) precedes start ({self.start})."
            raise ValueError(msg)

    def of(self, text: str) -> str:
        """Return the slice of ``text`` this span covers."""
        return text[self.start : self.end]


@frozen
class Statement:
    """One statement exactly as loaded; ``text`` is never rewritten.

    Attributes:
        id: Stable identifier (the file stem, or the ``id`` of a JSON line).
        text: The statement body, verbatim; every span points into it.
        date: Date of the statement, or ``None`` when no source gives one (an ISO
            ``YYYY-MM-DD`` string is read as that date).
        title: Headline or title line, if the source has one.
        source: Where the statement comes from (outlet or URL), if known.
        path: File the statement was read from, if any.
        meta: Other ``key: value`` metadata, sorted by key.
        notes: What the loader noticed (for example an unknown date).
    """

    id: str
    text: str = field(repr=lambda text: f"<{len(text)} chars>")
    date: dt.date | None = field(default=None, converter=_date)
    title: str | None = None
    source: str | None = None
    path: str | None = None
    meta: tuple[tuple[str, str], ...] = field(default=(), converter=_tuple_of_pairs)
    notes: tuple[str, ...] = ()

    def get(self, key: str) -> str | None:
        """Return the metadata value for ``key``, or ``None``."""
        return dict(self.meta).get(key)


@frozen
class Token:
    """A word or punctuation token; ``parts`` is its folded matching form."""

    text: str
    span: Span
    parts: tuple[str, ...]


# Fast builders (``_span``, ``_sentence``, ``_phrase``, ``_change``, ``_passage``): the stages
# make these values by the thousand from parts already known to be valid, so they skip attrs'
# ``__init__`` (a third to a half longer; ``Span``, with its validators, twice). Each is built as
# an instance of ``_settable(cls)``: the class with the plain ``__setattr__`` back, so each field
# is one specialised slot store, where calling a slot's ``__set__`` (a frozen class's own
# ``__setattr__`` refuses) built an argument tuple per field and took half of a phrase's cost. The
# subclass's ``__init__`` is ``object.__init__``, so calling it makes an empty instance at C speed
# (``object.__new__(cls)``, through its Python-level wrapper, cost a quarter more). The instance
# then becomes ``cls`` by ``__class__`` assignment, which CPython allows as the subclass adds no
# slots (same layout).


def _settable(cls: type) -> Any:
    """A subclass of the frozen ``cls`` whose instances' fields can be set, to build one in."""
    return type(f"_Settable{cls.__name__}", (cls,), {
        "__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__,
        "__init__": object.__init__})


def _span(start: int, end: int) -> Span:
    """``Span(start, end)`` built fast (offsets of regex matches): tokenizing makes one per word."""
    span = _SettableSpan()
    span.start = start
    span.end = end
    span.__class__ = Span
    return span  # type: ignore[no-any-return]


_SettableSpan = _settable(Span)


def joined_words(sentences: Iterable[Sequence[str]]) -> list[bytes]:
    """Each sentence's words joined by spaces, in UTF-8 (``Tokens.spaced``): what the
    lexicon's and the framing cues' automata scan."""
    return list(map(str.encode, map(" ".join, sentences)))


class Tokens(Sequence[Token]):
    """The tokens of one sentence: reads, compares, hashes and prints as the tuple of
    its ``Token`` objects, which are built only when first read.

    A corpus has millions of tokens and the stages need only their plain columns,
    kept here: ``texts``, ``ends`` (where each token ends in the statement text;
    ``starts()`` gives where each begins) and ``parts`` (the folded form of each);
    ``words`` and ``marks``, what the speaker reader reads of each (``text.words.
    token_words``), when ``tokenize`` read them with the parts (else ``None``).
    """

    __slots__ = ("_built", "_cum", "_flat", "_single", "_spaced", "_starts", "ends", "marks", "parts",
                 "texts", "words")

    def __init__(self, texts: Sequence[str], ends: Sequence[int], parts: Sequence[tuple[str, ...]],
                 starts: Sequence[int] | None = None, words: Sequence[Any] | None = None,
                 marks: Sequence[int] | None = None) -> None:
        self.texts = texts
        self.ends = ends
        self.parts = parts
        self.words = words  # text.words.Word or None each: the models sit below text/
        self.marks = marks
        self._starts = starts  # None: each token is as long as its text
        self._built: tuple[Token, ...] | None = None
        self._flat: list[str] | None = None
        self._spaced: bytes | None = None
        self._cum: list[int] | None = None
        self._single: bool | None = None

    @classmethod
    def of(cls, tokens: Iterable[Token]) -> Tokens:
        """The columns of ``tokens`` (returned as they are when already a ``Tokens``)."""
        if isinstance(tokens, Tokens):
            return tokens
        built = tuple(tokens)
        found = cls([t.text for t in built], [t.span.end for t in built], [t.parts for t in built],
                    [t.span.start for t in built])
        found._built = built
        return found

    @classmethod
    def each(cls, sentences: Iterable[Sentence]) -> list[Tokens]:
        """Each sentence's tokens as ``Tokens``: as they stand when all are (``tokenize``
        makes them so), told by one pass over them all."""
        rows = list(map(_TOKENS, sentences))
        return rows if all(map(isinstance, rows, repeat(cls))) else list(map(cls.of, rows))

    def starts(self) -> Sequence[int]:
        """Where each token begins in the statement text."""
        if self._starts is None:
            self._starts = list(map(sub, self.ends, map(len, self.texts)))
        return self._starts

    def start(self, index: int) -> int:
        """Where token ``index`` begins."""
        if self._starts is None:
            return self.ends[index] - len(self.texts[index])
        return self._starts[index]

    def _tuple(self) -> tuple[Token, ...]:
        if self._built is None:
            self._built = tuple(Token(text, _span(start, end), parts) for text, start, end, parts
                                in zip(self.texts, self.starts(), self.ends, self.parts, strict=True))
        return self._built

    def flat(self) -> list[str]:
        """Every folded part of the sentence, in order."""
        if self._flat is None:
            try:  # most sentences: one part a token, unpacked faster than a C-level flattening
                self._flat = [part for (part,) in self.parts]
                self._single = True
            except ValueError:  # a token of no part or of several: each tuple appended at C speed
                self._flat = reduce(iconcat, self.parts, [])
                self._single = False
        return self._flat

    def spaced(self) -> bytes:
        """The folded parts joined by spaces, in UTF-8: the lexicon matcher's haystack
        is made of them, and the framing pass's of some of the same sentences (joined
        once: a join costs ~100 instructions a part)."""
        if self._spaced is None:
            self._spaced = " ".join(self.flat()).encode()
        return self._spaced

    @staticmethod
    def spaced_each(rows: Sequence[Tokens], flats: Iterable[list[str]]) -> list[bytes]:
        """``spaced`` of each of ``rows`` (``flats``: their ``flat``), joined at C speed
        and kept (a method call a sentence cost more than the join)."""
        joined = joined_words(flats)
        for row, spaced in zip(rows, joined, strict=True):
            row._spaced = spaced
        return joined

    def single(self) -> bool:
        """Whether every token has exactly one part (part ``k`` is then token ``k``'s)."""
        if self._single is None:
            self.flat()
        return bool(self._single)

    def cumulative(self) -> list[int]:
        """For each token, how many parts the tokens up to it have: token ``t`` owns
        ``flat()[cumulative()[t - 1]:cumulative()[t]]``."""
        if self._cum is None:
            self._cum = list(accumulate(map(len, self.parts)))
        return self._cum

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Token, ...]: ...
    def __getitem__(self, index: int | slice) -> Token | tuple[Token, ...]:
        return self._tuple()[index]

    def __iter__(self) -> Iterator[Token]:
        return iter(self._tuple())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return (self.ends == other.ends and self.texts == other.texts
                    and self.parts == other.parts and self.starts() == other.starts())
        if isinstance(other, tuple):
            return self._tuple() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __repr__(self) -> str:
        return repr(self._tuple())

    def __reduce__(self) -> tuple[type[tuple[Token, ...]], tuple[tuple[Token, ...]]]:
        return tuple, (self._tuple(),)


_TOKENS = attrgetter("tokens")


@frozen
class Sentence:
    """A sentence of a statement with its tokens and, where known, its speaker.

    ``tokens`` is a read-only sequence of ``Token`` (a ``Tokens`` from ``tokenize``,
    equal to the tuple of the same tokens).
    ``voice`` is the span of the words that name the speaker ("Wang said"),
    possibly in an earlier sentence whose reported speech this one continues.
    """

    index: int
    span: Span
    tokens: Sequence[Token]
    speaker: str | None = None
    side: str | None = None
    voice: Span | None = None


_SettableSentence = _settable(Sentence)


def _sentence(index: int, span: Span, tokens: Sequence[Token], speaker: str | None = None,
              side: str | None = None, voice: Span | None = None) -> Sentence:
    """``Sentence(index, span, tokens, speaker, side, voice)`` built fast: tokenizing
    and attributing each make one per sentence."""
    sentence = _SettableSentence()
    sentence.index = index
    sentence.span = span
    sentence.tokens = tokens
    sentence.speaker = speaker
    sentence.side = side
    sentence.voice = voice
    sentence.__class__ = Sentence
    return sentence  # type: ignore[no-any-return]


class Origin(enum.Enum):
    """Where a phrase was found: in the curated lexicon, or by discovery."""

    LEXICON = "lexicon"
    DISCOVERED = "discovered"


@frozen
class Phrase:
    """One occurrence of a formula or discovered phrase in a statement.

    Attributes:
        statement_id: Id of the statement it occurs in.
        text: The phrase exactly as it stands in the statement.
        span: Where it stands in ``Statement.text``.
        sentence: Index of the sentence that holds it.
        sentence_span: Span of that sentence.
        key: Folded form (case, quotes, hyphens, plurals, spelling folded).
        formula: Lexicon id, or ``"~" + key`` for a discovered phrase.
        canonical: The lexicon's canonical wording, or the key when discovered.
        category: Lexicon category, or ``None`` when discovered.
        rank: Partnership rank (lexicon partnership labels only).
        origin: Lexicon hit or discovered phrase.
        speaker: Who voices the sentence, where the text says so.
        side: The side (country or ``both``) the speaker stands for.
        marks: Why a discovered phrase looks like a formula: ``quoted``,
            ``name`` (capitalised words), ``compound`` (a hyphenated word).
    """

    statement_id: str
    text: str
    span: Span
    sentence: int
    sentence_span: Span
    key: str
    formula: str
    canonical: str
    category: str | None
    rank: int | None
    origin: Origin
    speaker: str | None = None
    side: str | None = None
    marks: tuple[str, ...] = ()


_SettablePhrase = _settable(Phrase)


def _phrase(statement_id: str, text: str, start: int, end: int, sentence: int, sentence_span: Span,
            key: str, formula: str, canonical: str, category: str | None, rank: int | None,
            origin: Origin, speaker: str | None, side: str | None, marks: tuple[str, ...]) -> Phrase:
    """``Phrase(statement_id, text, Span(start, end), ...)`` built fast: the finders make
    one per occurrence (some 60 a statement)."""
    span = _SettableSpan()  # ``_span`` inline: a call less per phrase
    span.start = start
    span.end = end
    span.__class__ = Span
    phrase = _SettablePhrase()
    phrase.statement_id = statement_id
    phrase.text = text
    phrase.span = span
    phrase.sentence = sentence
    phrase.sentence_span = sentence_span
    phrase.key = key
    phrase.formula = formula
    phrase.canonical = canonical
    phrase.category = category
    phrase.rank = rank
    phrase.origin = origin
    phrase.speaker = speaker
    phrase.side = side
    phrase.marks = marks
    phrase.__class__ = Phrase
    return phrase  # type: ignore[no-any-return]


class ChangeKind(enum.Enum):
    """What happened to a formula between the earlier and the later statement."""

    ADDED = "added"
    DROPPED = "dropped"
    SHIFTED = "shifted"
    KEPT = "kept"


class ShiftType(enum.Enum):
    """How a shifted formula changed."""

    QUALIFIER_ADDED = "qualifier_added"
    QUALIFIER_DROPPED = "qualifier_dropped"
    SUBSTITUTION = "substitution"
    NUMERAL_FORM = "numeral_form"
    RANK_UP = "rank_up"
    RANK_DOWN = "rank_down"
    MODALITY = "modality"
    INTENSITY = "intensity"
    SPEAKER = "speaker"


@frozen
class Marker:
    """The words that carry one shift, in the earlier or the later statement.

    Attributes:
        shift: The shift these words carry.
        statement: ``"earlier"`` or ``"later"``.
        text: The words as they stand.
        span: Where they stand in that statement's text.
    """

    shift: ShiftType
    statement: str
    text: str
    span: Span


@frozen
class Change:
    """One formula-level finding between two statements.

    Attributes:
        kind: Added, dropped, shifted or kept.
        earlier: The occurrence in the earlier statement (``None`` if added).
        later: The occurrence in the later statement (``None`` if dropped).
        shift: Shift types; empty unless ``kind`` is shifted.
        score: Similarity (0-100) of the two wordings; 0 when one side is absent.
        earlier_count: Occurrences in the earlier statement.
        later_count: Occurrences in the later statement.
        details: Human-readable notes on what carries each shift.
        markers: The exact words that carry each shift, in both statements.
        history: What the record of earlier statements says of this change
            (filled only when a history is given, e.g. "first appearance in the record").
        passage: Id of the new or dropped passage this change is a key phrase of
            (``Comparison.passages``), or ``None``.
    """

    kind: ChangeKind
    earlier: Phrase | None
    later: Phrase | None
    shift: tuple[ShiftType, ...] = ()
    score: float = field(default=0.0, validator=[validators.ge(0.0), validators.le(100.0)])
    earlier_count: int = 0
    later_count: int = 0
    details: tuple[str, ...] = ()
    history: tuple[str, ...] = ()
    markers: tuple[Marker, ...] = ()
    passage: str | None = None

    @property
    def phrase(self) -> Phrase:
        """The later occurrence if there is one, else the earlier."""
        found = self.later or self.earlier
        assert found is not None  # the pipeline never builds a change with neither
        return found

    @property
    def category(self) -> str | None:
        """Lexicon category of the formula (``None`` for discovered phrases)."""
        return self.phrase.category

    @property
    def origin(self) -> Origin:
        """Whether the formula comes from the lexicon or from discovery."""
        return self.phrase.origin


def _change(kind: ChangeKind, earlier: Phrase | None, later: Phrase | None, *,
            shift: tuple[ShiftType, ...] = (), score: float = 0.0, earlier_count: int = 0,
            later_count: int = 0, details: tuple[str, ...] = (), history: tuple[str, ...] = (),
            markers: tuple[Marker, ...] = (), passage: str | None = None) -> Change:
    """``Change(...)`` built fast (``score`` from 0 to 100): a comparison makes one per
    pair of formulas and per formula of one side."""
    change = _SettableChange()
    change.kind = kind
    change.earlier = earlier
    change.later = later
    change.shift = shift
    change.score = score
    change.earlier_count = earlier_count
    change.later_count = later_count
    change.details = details
    change.history = history
    change.markers = markers
    change.passage = passage
    change.__class__ = Change
    return change  # type: ignore[no-any-return]


_SettableChange = _settable(Change)


@frozen
class Framing:
    """How one statement frames the relationship.

    Attributes:
        labels: Partnership labels used, as ``(wording, rank, count)``, highest rank first.
        voices: Formula occurrences per side (``"both"``, a country, or ``"outlet"``).
        modality: Mean commitment level (1 hopes ... 5 agreed/decided) over the
            formulas that have a modal cue, or ``None`` when none has.
        modal_formulas: How many formula occurrences have a modal cue.
        intensity: Sum of intensifiers (+1) and hedges (-1) around formulas.
    """

    labels: tuple[tuple[str, int, int], ...]
    voices: tuple[tuple[str, int], ...]
    modality: float | None
    modal_formulas: int
    intensity: int

    @property
    def label(self) -> tuple[str, int] | None:
        """The highest-ranked partnership label, with its rank."""
        return (self.labels[0][0], self.labels[0][1]) if self.labels else None


@frozen
class SentenceLink:
    """Sentences of the earlier statement that correspond to sentences of the later one.

    One sentence to one in the common case; two to one when two sentences were
    merged, one to two when one was split.

    Attributes:
        earlier: Indices of the earlier statement's sentences, in order.
        later: Indices of the later statement's sentences, in order.
        similarity: Similarity (0-100) of their folded words.
    """

    earlier: tuple[int, ...]
    later: tuple[int, ...]
    similarity: float = field(validator=[validators.ge(0.0), validators.le(100.0)])


@frozen(repr=False)
class Passage:
    """Consecutive sentences with no counterpart in the other statement.

    Attributes:
        id: Identifier within the comparison (``"p1"``, ``"p2"``...), which the
            changes of its key phrases carry in ``Change.passage``.
        kind: ``ADDED`` (only in the later statement) or ``DROPPED``.
        sentences: Indices of its sentences in that statement.
        span: Where it stands in that statement's text.
        text: Its text, as it stands.
    """

    id: str
    kind: ChangeKind
    sentences: tuple[int, ...]
    span: Span
    text: str


def _passage(pid: str, kind: ChangeKind, sentences: tuple[int, ...], start: int, end: int,
             text: str) -> Passage:
    """``Passage(pid, kind, sentences, Span(start, end), text)`` built fast: a comparison
    of readouts of different meetings makes one per run of sentences."""
    passage = _SettablePassage()
    passage.id = pid
    passage.kind = kind
    passage.sentences = sentences
    passage.span = _span(start, end)
    passage.text = text
    passage.__class__ = Passage
    return passage  # type: ignore[no-any-return]


_SettablePassage = _settable(Passage)


@frozen(repr=False)
class Comparison:
    """The result of comparing two statements; records the options used.

    ``framing`` holds the whole-statement framing of the earlier and the later
    statement (partnership label, voices, modality, intensity). ``alignment``
    says which earlier sentences became which later ones; ``revision`` is true
    when most sentences correspond (a re-issued or revised text), and only then
    is every run of unmatched sentences one of the ``passages``; between readouts
    of different meetings a passage is a run of unmatched sentences that carries
    two or more added (dropped) findings, and ``other_sentences`` are the runs of
    unmatched sentences with no finding in them that still say what the other
    statement does not (new or dropped matter no formula marks; no change is made
    of them).
    """

    earlier: Statement
    later: Statement
    changes: tuple[Change, ...]
    options: Options
    lexicon_names: tuple[str, ...] = ()
    framing: tuple[Framing, Framing] | None = None
    alignment: tuple[SentenceLink, ...] = ()
    passages: tuple[Passage, ...] = ()
    revision: bool = False
    other_sentences: tuple[Passage, ...] = ()

    def of_kind(self, kind: ChangeKind) -> tuple[Change, ...]:
        """Return the changes of one kind, in report order."""
        return tuple(c for c in self.changes if c.kind is kind)

    def counts(self) -> dict[str, int]:
        """Return the number of changes per kind, every kind present."""
        found = Counter(c.kind.value for c in self.changes)
        return {kind.value: found.get(kind.value, 0) for kind in ChangeKind}

    @property
    def has_changes(self) -> bool:
        """True when anything was added, dropped or shifted (a formula, or other sentences)."""
        return bool(self.other_sentences) or any(c.kind is not ChangeKind.KEPT for c in self.changes)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in self.counts().items())
        return f"<Comparison {_short(self.earlier.id, 50)} -> {_short(self.later.id, 50)}: {counts}>"

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per change (the columns of ``CHANGE_COLUMNS``), in report order.

        Lists (shift types, details, history, markers) are joined with ``" | "``;
        a side the change does not have is ``None`` throughout. No pandas needed.
        """
        return [_change_record(self, change) for change in self.changes]

    def to_pandas(self) -> pandas.DataFrame:
        """The changes as a pandas DataFrame, one row per change (imports pandas)."""
        frame = load_pandas().DataFrame(self.to_records(), columns=list(CHANGE_COLUMNS))
        # Nullable integers: an absent side is <NA>, not a float NaN that turns 12 into 12.0.
        return frame.astype({c: "Int64" for c in CHANGE_COLUMNS if c.endswith(("_start", "_end", "_count"))})

    def _repr_html_(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in self.counts().items())
        rows = [c for c in self.changes if c.kind is not ChangeKind.KEPT]
        body = "".join(
            f"<tr><td>{c.kind.value}</td><td>{html_cell(_wording(c))}</td>"
            f"<td>{html_cell(c.category or 'discovered')}</td>"
            f"<td>{html_cell(', '.join(s.value for s in c.shift))}</td></tr>"
            for c in rows[:HTML_ROWS])
        more = (f'<tr><td colspan="4">\u2026 {len(rows) - HTML_ROWS} more (to_pandas() has all)</td></tr>'
                if len(rows) > HTML_ROWS else "")
        return (f"<div><strong>{html_cell(self.earlier.id)} \u2192 {html_cell(self.later.id)}</strong>: "
                f"{counts}<table><thead><tr><th>kind</th><th>formula</th><th>category</th><th>shift</th>"
                f"</tr></thead><tbody>{body}{more}</tbody></table></div>")


def _wording(change: Change) -> str:
    """``earlier -> later`` for a shift, else the one wording."""
    if change.kind is ChangeKind.SHIFTED and change.earlier is not None and change.later is not None:
        return f"{one_line(change.earlier.text)} \u2192 {one_line(change.later.text)}"
    return one_line(change.phrase.text)


def _change_record(comparison: Comparison, change: Change) -> dict[str, Any]:
    record: dict[str, Any] = {
        "earlier_statement": comparison.earlier.id, "later_statement": comparison.later.id,
        "kind": change.kind.value, "formula": change.phrase.formula, "canonical": change.phrase.canonical,
        "category": change.category, "origin": change.origin.value,
        "shift": JOIN.join(s.value for s in change.shift), "score": round(change.score, 1),
    }
    for name, phrase, statement, count in (
            ("earlier", change.earlier, comparison.earlier, change.earlier_count),
            ("later", change.later, comparison.later, change.later_count)):
        record.update({
            f"{name}_text": phrase and phrase.text,
            f"{name}_sentence": phrase and one_line(phrase.sentence_span.of(statement.text)),
            f"{name}_speaker": phrase and phrase.speaker, f"{name}_side": phrase and phrase.side,
            f"{name}_start": phrase and phrase.span.start, f"{name}_end": phrase and phrase.span.end,
            f"{name}_count": count if phrase else None,
        })
    record["details"] = JOIN.join(change.details)
    record["history"] = JOIN.join(change.history)
    record["markers"] = JOIN.join(f"{m.shift.value} ({m.statement}): {m.text}" for m in change.markers)
    record["passage"] = change.passage
    return record


@frozen(repr=False)
class Analysis:
    """A statement with its sentences and phrases (lexicon hits and discovered)."""

    statement: Statement
    sentences: tuple[Sentence, ...]
    phrases: tuple[Phrase, ...]
    #: Per-occurrence results a later stage derives once (framing cues), kept with the
    #: analysis so the report summary and the classifier do not compute them twice.
    memo: dict[object, object] = field(factory=dict, init=False, eq=False, repr=False, hash=False)

    def __repr__(self) -> str:
        return (f"<Analysis {_short(self.statement.id, 60)}: {len(self.phrases)} phrase(s) in "
                f"{len(self.sentences)} sentence(s)>")

    def by_sentence(self) -> dict[int, list[Phrase]]:
        """Return the phrases grouped by sentence index."""
        grouped: dict[int, list[Phrase]] = {}
        for phrase in self.phrases:
            grouped.setdefault(phrase.sentence, []).append(phrase)
        return grouped

    def groups(self) -> dict[str, list[Phrase]]:
        """Return the phrases grouped by formula id, in order of first occurrence."""
        grouped: dict[str, list[Phrase]] = {}
        for phrase in self.phrases:
            grouped.setdefault(phrase.formula, []).append(phrase)
        return grouped
