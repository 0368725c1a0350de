"""Renderers for timelines and latest-statement reports: pure functions to strings."""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
import json
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

from .._models import Origin, Statement
from ..diff.pipeline import paused_gc
from ..timeline.digest import Found
from ..timeline.history import LatestReport
from ..timeline.track import (
    OCCURRENCE_COLUMNS,
    FormulaHistory,
    Occurrence,
    Occurrences,
    Row,
    Timeline,
    occurrence_rows,
)
from .comparison import statement_json
from .escape import markdown, one_line

#: A string as JSON (``ensure_ascii=False``): the encoder ``json.dumps`` itself uses.
_STRING: Callable[[str], str] = json.encoder.encode_basestring
_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)
_THIRD = operator.itemgetter(2)
_NEXT = (1).__add__
_PREVIOUS = (-1).__add__
_NUMBERS: Callable[[Any], str] = json.JSONEncoder(separators=(",", ":")).encode
_STATEMENT_ID = operator.attrgetter("statement_id")
_FIELDS = ("texts", "keys", "counts", "sentence", "speakers", "sides")
#: Where ``_FIELDS`` stand in a ``Found`` (a tuple: its fields are read in one pass).
_FOUND_FIELDS = tuple(Found._fields.index(name) for name in _FIELDS)
#: The start of an occurrence, after the comma before it.
_HEAD = ',{{"statement":{},"index":{},'.format
#: Version of the timeline JSON; 2 refers to each statement's sentences by index.
TIMELINE_SCHEMA_VERSION = 2
#: Version of the latest-statement report (its own; the diff report moved to 2).
LATEST_SCHEMA_VERSION = 1
#: Records longer than this get no per-statement strip in text and Markdown.
STRIP_MAX = 40
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _date(timeline: Timeline, index: int) -> str:
    date = timeline.statements[index].date
    return date.isoformat() if date else "?"


def _statement_dict(statement: Statement, label: Occurrence | None, sentences: list[str]) -> dict[str, Any]:
    out = statement_json(statement)
    meta = dict(statement.meta)
    for key in ("outlet", "level", "countries", "date_note"):
        if key in meta:
            out[key] = meta[key]
    out["label"] = label.text if label else None
    out["notes"] = list(statement.notes)
    out["sentences"] = sentences
    return out


def _sentences(timeline: Timeline, columns: Sequence[_Columns]) -> list[dict[str, int]]:
    """For each statement, its distinct sentences that occurrences quote, numbered in the order
    the statement uses them (the order in which its formulas first occur).

    A statement's numbers depend on that statement alone, never on the order of the phrases,
    so a record that grows leaves those of its earlier statements as they were.
    ``columns``: each phrase's ``_Columns`` (the writers read them once, for this and the phrases).
    """
    uses: list[list[tuple[int, int, str]]] = [[] for _ in timeline.statements]
    for k, found in enumerate(columns):
        # position: the formula's place in its statement (0 when not known: then the phrases' order)
        in_order = zip(found.positions, itertools.repeat(k), found.sentences, strict=False)
        for index, use in zip(found.indices, in_order, strict=False):
            uses[index].append(use)
    table: list[dict[str, int]] = []
    for used in uses:
        used.sort()
        table.append(dict(zip(dict.fromkeys(map(_THIRD, used)), itertools.count())))
    return table


def _head(history: FormulaHistory) -> dict[str, Any]:
    return {"phrase": history.canonical, "formula": history.formula, "category": history.category,
            "origin": history.origin.value, "rank": history.rank}


def _tail(history: FormulaHistory, ids: list[str]) -> dict[str, Any]:
    """The facts of a formula across the record, in one pass over its occurrences (what
    ``forms()``, ``streaks()``, ``gaps()``, ``switches()``, ``speakers()`` and ``sides()`` say)."""
    forms: dict[str, list[Any]] = {}  # key -> [first text, count, statement ids]
    switches: list[dict[str, str]] = []
    speakers: dict[str, None] = {}
    sides: dict[str, None] = {}
    voices: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()  # (speakers, sides) already taken in
    count = 0
    previous: Any = None
    streaks: list[list[int]] = []
    for index, _, o in occurrence_rows(history):
        statement = ids[index]
        keys = o.keys
        if len(keys) == 1:  # nearly always: one wording in the statement
            entry = forms.get(keys[0])
            if entry is None:
                forms[keys[0]] = [o.texts[0], o.counts[0], [statement]]
            else:
                entry[1] += o.counts[0]
                entry[2].append(statement)
            count += o.counts[0]
        else:
            for text, key, n in zip(o.texts, keys, o.counts, strict=True):
                entry = forms.get(key)
                if entry is None:
                    forms[key] = [text, n, [statement]]
                else:
                    entry[1] += n
                    entry[2].append(statement)
                count += n
        if previous is not None and keys[0] != previous[1].keys[0] and keys[0] not in previous[1].keys:
            switches.append({"earlier": ids[previous[0]], "later": statement,
                             "from": previous[1].texts[0], "to": o.texts[0]})
        previous = (index, o)
        voice = (o.speakers, o.sides)
        if voice not in voices:
            voices.add(voice)
            speakers.update(dict.fromkeys(o.speakers))
            sides.update(dict.fromkeys(o.sides))
        if streaks and streaks[-1][1] == index - 1:
            streaks[-1][1] = index
        else:
            streaks.append([index, index])
    first, last = history.first.date, history.last.date
    return {
        "first_seen": first.isoformat() if first else None,
        "last_seen": last.isoformat() if last else None,
        "statements": len(history.occurrences),
        "count": count,
        "forms": [{"text": t, "count": c, "statements": w} for t, c, w in forms.values()],
        "streaks": streaks,
        "gaps": [[a[1] + 1, b[0] - 1] for a, b in itertools.pairwise(streaks)],
        "switches": switches,
        "speakers": list(speakers),
        "sides": list(sides),
    }


def _history_dict(history: FormulaHistory, ids: list[str], sentences: list[dict[str, int]]) -> dict[str, Any]:
    occurrences = [
        {"statement": o.statement_id, "index": o.index, "text": o.text, "count": sum(o.counts),
         "forms": list(o.texts), "sentence": sentences[o.index][o.sentence],
         "speakers": list(o.speakers), "sides": list(o.sides)}
        for o in history.occurrences]  # the plain form: _Compact writes the same text faster
    return {**_head(history), "occurrences": occurrences, **_tail(history, ids)}


class _Columns:
    """A formula's occurrences (rows, at least one) as columns, each field read in one pass."""

    __slots__ = ("counts", "found", "indices", "keys", "positions", "sentences", "sides", "speakers", "texts")

    def __init__(self, rows: Sequence[Row]) -> None:
        self.indices, self.positions, self.found = zip(*rows, strict=True)
        # scattered in memory as the occurrences are, they are read once: a Found is a tuple
        if isinstance(self.found[0], Found):
            fields = list(zip(*self.found, strict=True))
            picked = [fields[k] for k in _FOUND_FIELDS]
        else:
            picked = [tuple(map(operator.attrgetter(name), self.found)) for name in _FIELDS]
        self.texts, self.keys, self.counts, self.sentences, self.speakers, self.sides = picked


def _drain(columns: list[_Columns]) -> Iterator[_Columns]:
    """The columns in order, each let go once taken: a large record's columns are tens of MB."""
    columns.reverse()
    while columns:
        yield columns.pop()


class _Facts:
    """The facts of a formula across the record (``_tail``), gathered one occurrence at a
    time and written as compact JSON (exactly ``json.dumps`` of ``_tail``'s dict).

    Gathering can stop and go on later: ``state()`` is plain data (for the store), and
    ``restored(state)`` picks up where it stopped, so a record that grows by a statement
    adds that statement's occurrence and no other (``render.incremental``).
    """

    __slots__ = ("count", "first_seen", "forms", "last", "sides", "speakers", "statements", "streaks",
                 "switches", "voices")

    def __init__(self, first_seen: str) -> None:
        self.first_seen = first_seen  # as JSON: a quoted date or null
        self.statements = 0
        self.count = 0
        # key -> [first text, count, statement ids as JSON]; the ids may hold one piece of several
        self.forms: dict[str, list[Any]] = {}
        self.switches: list[str] = []  # as JSON
        self.speakers: dict[str, None] = {}
        self.sides: dict[str, None] = {}
        self.voices: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()  # (speakers, sides) taken in
        self.streaks: list[list[int]] = []
        self.last: tuple[int, tuple[str, ...], str] | None = None  # position, keys, first text

    def gather(self, rows: Sequence[Row], ids_json: Sequence[str]) -> None:
        """Take in occurrences, in date order after those already taken in."""
        if rows:
            columns = _Columns(rows)
            self.take(columns, ids_json, list(map(sum, columns.counts)),
                      dict.fromkeys(zip(columns.speakers, columns.sides, strict=True)))

    def take(self, columns: _Columns, ids_json: Sequence[str], totals: Sequence[int],
             voices: Iterable[tuple[tuple[str, ...], tuple[str, ...]]]) -> None:
        """Take in occurrences given as columns, in date order after those already taken in.

        ``totals``: each occurrence's count (all its wordings); ``voices``: each (speakers, sides)
        they have, once, in order of appearance.

        Half a million occurrences in a large record: the work per occurrence is left to C
        (``map``, slices, ``sum``), and Python runs once per run of the same wordings' keys
        (forms and switches change only where the keys do) and once per streak; each field is
        read in as few passes as can be, as the occurrences are scattered in memory.
        """
        indices, texts, keys, counts = columns.indices, columns.texts, columns.keys, columns.counts
        n = len(indices)
        if not n:
            return
        statements = list(map(ids_json.__getitem__, indices))
        forms, count, last = self.forms, self.count, self.last
        changes = map(operator.ne, itertools.islice(keys, 1, None), keys)
        cuts = [0, *itertools.compress(range(1, n), changes), n]
        for a, b in itertools.pairwise(cuts):
            run = keys[a]
            if last is not None and run[0] != last[1][0] and run[0] not in last[1]:
                self.switches.append(f'{{"earlier":{ids_json[last[0]]},"later":{statements[a]},'
                                     f'"from":{_STRING(last[2])},"to":{_STRING(texts[a][0])}}}')
            if len(run) == 1:  # nearly always: one wording in the statement
                c = sum(totals[a:b])
                entry = forms.get(run[0])
                if entry is None:
                    forms[run[0]] = [texts[a][0], c, statements[a:b]]
                else:
                    entry[1] += c
                    entry[2] += statements[a:b]
                count += c
            else:
                for j in range(a, b):
                    for text, key, c in zip(texts[j], keys[j], counts[j], strict=True):
                        entry = forms.get(key)
                        if entry is None:
                            forms[key] = [text, c, [statements[j]]]
                        else:
                            entry[1] += c
                            entry[2].append(statements[j])
                        count += c
            last = (indices[b - 1], keys[b - 1], texts[b - 1][0])
        self.count, self.last = count, last
        self.statements += n
        taken = self.voices
        for voice in voices:
            if voice not in taken:
                taken.add(voice)
                self.speakers.update(dict.fromkeys(voice[0]))
                self.sides.update(dict.fromkeys(voice[1]))
        # a streak ends where the next occurrence is not in the next statement
        breaks = list(itertools.compress(range(1, n), map(operator.ne, itertools.islice(indices, 1, None),
                                                          map(_NEXT, indices))))
        streaks = self.streaks
        first = 0
        if streaks and streaks[-1][1] == indices[0] - 1:
            streaks[-1][1] = indices[breaks[0] - 1 if breaks else n - 1]
            first = 1
        starts, ends = [0, *breaks], [*breaks, n]
        streaks += [[indices[a], indices[b - 1]] for a, b in zip(starts[first:], ends[first:], strict=True)]

    def json(self, last_seen: str) -> str:
        """The facts as compact JSON, the formula last seen on ``last_seen`` (JSON: quoted or null)."""
        forms = ",".join(f'{{"text":{_STRING(t)},"count":{c},"statements":[{",".join(w)}]}}'
                         for t, c, w in self.forms.values())
        # lists of numbers: the C encoder writes them as the f-strings would, in one call
        streaks = _NUMBERS(self.streaks)
        gaps = _NUMBERS(list(zip(map(_NEXT, map(_SECOND, self.streaks)),
                                 map(_PREVIOUS, map(_FIRST, itertools.islice(self.streaks, 1, None))),
                                 strict=False)))
        speakers, sides = ",".join(map(_STRING, self.speakers)), ",".join(map(_STRING, self.sides))
        return (f'{{"first_seen":{self.first_seen},"last_seen":{last_seen},"statements":{self.statements},'
                f'"count":{self.count},"forms":[{forms}],"streaks":{streaks},"gaps":{gaps},'
                f'"switches":[{",".join(self.switches)}],"speakers":[{speakers}],"sides":[{sides}]}}')

    def state(self) -> tuple[Any, ...]:
        """What ``restored`` needs to go on, as plain data (``marshal`` can store it)."""
        forms = [(k, t, c, ",".join(w)) for k, (t, c, w) in self.forms.items()]
        streaks = [n for run in self.streaks for n in run]
        return (self.first_seen, self.statements, self.count, forms, streaks, ",".join(self.switches),
                list(self.speakers), list(self.sides), self.last)

    @classmethod
    def restored(cls, state: Sequence[Any]) -> _Facts:
        """The facts as ``state()`` left them."""
        first_seen, statements, count, forms, streaks, switches, speakers, sides, last = state
        facts = cls(first_seen)
        facts.statements, facts.count = statements, count
        facts.forms = {k: [t, c, [w]] for k, t, c, w in forms}
        facts.streaks = [[streaks[i], streaks[i + 1]] for i in range(0, len(streaks), 2)]
        facts.switches = [switches] if switches else []
        facts.speakers, facts.sides = dict.fromkeys(speakers), dict.fromkeys(sides)
        facts.last = (last[0], tuple(last[1]), last[2]) if last is not None else None
        return facts


def _date_json(date: dt.date | None) -> str:
    return f'"{date.isoformat()}"' if date else "null"


class _Cache(dict[Any, str]):
    """A dict that makes a missing value with ``make(key)`` and keeps it (a lookup stays in C)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[Any], str]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> str:
        value = self[key] = self.make(key)
        return value


class _Compact:
    """Writes phrases as compact JSON fast: the occurrences, most of the bytes, from cached pieces.

    The text is exactly what ``json.dumps`` makes of ``_history_dict`` (a test holds it
    to that); building one dict per occurrence costs several times more.
    """

    def __init__(self, ids: Sequence[str], sentences: Sequence[dict[str, int]] | Mapping[int, dict[str, int]],
                 ids_json: Sequence[str] | None = None) -> None:
        self.sentences = sentences
        self.ids_json = [_STRING(i) for i in ids] if ids_json is None else ids_json
        self.string = functools.lru_cache(maxsize=None)(_STRING)
        # the same few tuples of wordings, speakers and sides recur thousands of times
        self.lists = _Cache(lambda items: "[" + ",".join(map(self.string, items)) + "]")
        # so do the pieces of an occurrence they make: wordings with counts, speakers with sides
        self.wordings = _Cache(self._wordings)
        self.total_of: dict[str, int] = {}  # a wordings piece -> its count
        self.voices = _Cache(self._voices)
        self.voice_of: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self.numbers = _Cache(lambda n: f',"sentence":{n},')
        # each statement's occurrences begin the same: ``,{"statement":ID,"index":I,`` (made when first used)
        self.heads: list[str] | None = None

    def _wordings(self, wordings: tuple[tuple[str, ...], tuple[int, ...]]) -> str:
        texts, counts = wordings
        made = f'"text":{self.string(texts[0])},"count":{sum(counts)},"forms":{self.lists[texts]}'
        self.total_of[made] = sum(counts)
        return made

    def _voices(self, voices: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
        made = f'"speakers":{self.lists[voices[0]]},"sides":{self.lists[voices[1]]}}}'
        self.voice_of[made] = voices
        return made

    def occurrence(self, i: int, o: Any) -> str:
        """One occurrence at statement position ``i``, as JSON."""
        return (f'{{"statement":{self.ids_json[i]},"index":{i},'
                f'{self.wordings[o.texts, o.counts]}{self.numbers[self.sentences[i][o.sentence]]}'
                f'{self.voices[o.speakers, o.sides]}')

    def parts(self, history: FormulaHistory, columns: _Columns | None = None) -> tuple[str, _Facts]:
        """The phrase's JSON up to the end of its occurrences (``]`` and the facts to follow),
        and its facts (``_Facts.json`` with the first ``{`` left out completes it); ``columns``:
        its occurrences', when already read."""
        if columns is None:
            columns = _Columns(occurrence_rows(history))
        indices = columns.indices
        heads: Iterable[str]
        if isinstance(history.occurrences, Occurrences):
            if self.heads is None:
                self.heads = [f',{{"statement":{name},"index":{i},' for i, name in enumerate(self.ids_json)]
            heads = map(self.heads.__getitem__, indices)
        else:  # a statement's id as the occurrence gives it (the record's, unless built by hand)
            heads = map(_HEAD, map(self.string, map(_STATEMENT_ID, columns.found)), indices)
        # each occurrence is four cached pieces, all joined in C: no Python call per occurrence
        numbers = map(operator.getitem, map(self.sentences.__getitem__, indices), columns.sentences)
        wordings = list(map(self.wordings.__getitem__, zip(columns.texts, columns.counts, strict=True)))
        voices = list(map(self.voices.__getitem__, zip(columns.speakers, columns.sides, strict=True)))
        pieces = zip(heads, wordings, map(self.numbers.__getitem__, numbers), voices, strict=True)
        occurrences = "".join(itertools.chain.from_iterable(pieces))
        facts = _Facts(_date_json(history.first.date))
        # the cached pieces stand for what they were made of: compared and hashed as strings, in C
        totals = list(map(self.total_of.__getitem__, wordings))
        facts.take(columns, self.ids_json, totals, map(self.voice_of.__getitem__, dict.fromkeys(voices)))
        head = json.dumps(_head(history), ensure_ascii=False, separators=(",", ":"))
        return f'{head[:-1]},"occurrences":[{occurrences[1:]}', facts

    def phrase(self, history: FormulaHistory, columns: _Columns) -> str:
        head, facts = self.parts(history, columns)
        return f"{head}],{facts.json(_date_json(history.last.date))[1:]}"


class _Lazy:
    """A JSON array whose items are produced one at a time, while writing."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


class _Raw(str):
    """An item already written as compact JSON."""

    __slots__ = ()


def _parts(timeline: Timeline, *, compact: bool = False) -> list[tuple[str, Any]]:
    """The top-level keys of the timeline JSON, the long arrays lazy (phrases pre-written if compact)."""
    labels = timeline.labels()
    # the occurrences read once for the sentences and the phrases: scattered in memory, each pass costs
    columns = [_Columns(occurrence_rows(h)) for h in timeline.formulas]
    sentences = _sentences(timeline, columns)
    ids = [s.id for s in timeline.statements]
    phrases: Iterable[Any]
    if compact:
        writer = _Compact(ids, sentences)
        phrases = (_Raw(writer.phrase(h, c)) for h, c in zip(timeline.formulas, _drain(columns), strict=True))
    else:
        phrases = (_history_dict(h, ids, sentences) for h in timeline.formulas)
    return [
        ("schema_version", TIMELINE_SCHEMA_VERSION),
        ("statements", _Lazy(_statement_dict(s, labels[i], list(sentences[i]))
                             for i, s in enumerate(timeline.statements))),
        ("undated", _Lazy(_statement_dict(s, None, []) for s in timeline.undated)),
        ("phrases", _Lazy(phrases)),
        ("warnings", list(timeline.warnings)),
        ("options", timeline.options.to_dict()),
        ("lexicons", list(timeline.lexicon_names)),
    ]


def timeline_dict(timeline: Timeline) -> dict[str, Any]:
    """The JSON contract of ``diplodiff timeline`` as a plain dict (``schema_version`` 2)."""
    return {key: list(value.items) if isinstance(value, _Lazy) else value
            for key, value in _parts(timeline)}


def _dump(value: Any, indent: int | None, depth: int) -> str:
    if isinstance(value, _Raw):
        return value
    if indent is None:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # JSON strings never hold a raw newline: every newline is layout, safe to indent further.
    return json.dumps(value, ensure_ascii=False, indent=indent).replace("\n", "\n" + " " * (indent * depth))


def write_timeline_json(timeline: Timeline, stream: TextIO, *, indent: int | None = None) -> None:
    """Write the timeline JSON to ``stream`` as it is produced, one phrase at a time.

    The text is exactly ``json.dumps(timeline_dict(timeline), indent=indent)`` (compact
    separators when ``indent`` is ``None``) plus a newline, without ever holding it whole.
    """
    newline = "" if indent is None else "\n"
    pad = "" if indent is None else " " * indent
    colon = ":" if indent is None else ": "
    with paused_gc():
        stream.write("{")
        for n, (key, value) in enumerate(_parts(timeline, compact=indent is None)):
            stream.write(("," if n else "") + newline + pad + json.dumps(key) + colon)
            if not isinstance(value, _Lazy):
                stream.write(_dump(value, indent, 1))
                continue
            stream.write("[")
            empty = True
            for item in value.items:
                stream.write(("" if empty else ",") + newline + pad * 2 + _dump(item, indent, 2))
                empty = False
            stream.write("]" if empty else newline + pad + "]")
        stream.write(newline + "}\n")


def timeline_to_json(timeline: Timeline, *, indent: int | None = None) -> str:
    """Render a timeline as the JSON contract (``schema_version`` 2), compact unless ``indent``."""
    out = io.StringIO()
    write_timeline_json(timeline, out, indent=indent)
    return out.getvalue()


def write_timeline_csv(timeline: Timeline, stream: TextIO, *, excel: bool = False) -> None:
    """Write the timeline CSV to ``stream`` row by row: one row per formula per statement using it."""
    from .tables import stream_csv  # tables builds on this module's neighbours; import when used

    stream_csv(OCCURRENCE_COLUMNS, timeline.iter_records(), stream, excel=excel)


def timeline_to_csv(timeline: Timeline) -> str:
    """Render a timeline as CSV: one row per formula per statement that uses it."""
    from .tables import timeline_csv  # tables builds on this module's neighbours; import when used

    return timeline_csv(timeline)


def _strip(history: FormulaHistory) -> str:
    """One character per statement: ``.`` absent, a letter per surface form."""
    letters = {f.key: _LETTERS[i % len(_LETTERS)] for i, f in enumerate(history.forms())}
    cells = ["."] * history.record
    for o in history.occurrences:
        cells[o.index] = letters[o.key]
    return "".join(cells)


def _facts(timeline: Timeline, history: FormulaHistory) -> list[str]:
    """Facts about one formula, each a short clause."""
    n = len(history.occurrences)
    facts = [f"in {n} of {history.record} statement(s), {history.count} time(s); "
             f"first {_date(timeline, history.first.index)}, last {_date(timeline, history.last.index)}"]
    forms = history.forms()
    if len(forms) > 1 or history.record <= STRIP_MAX:
        facts.append("forms: " + "; ".join(
            f"{_LETTERS[i % len(_LETTERS)]} \u201c{one_line(f.text)}\u201d ({len(f.statements)})"
            for i, f in enumerate(forms)))
    longest = max(history.streaks(), key=lambda r: r.length)
    if longest.length > 1:
        facts.append(f"longest streak {longest.length} ({_date(timeline, longest.start)} to "
                     f"{_date(timeline, longest.end)})")
    gaps = history.gaps()
    if gaps:
        widest = max(gaps, key=lambda r: r.length)
        facts.append(f"{len(gaps)} gap(s), widest {widest.length} statement(s) "
                     f"after {_date(timeline, widest.start - 1)}")
    switches = history.switches()
    if switches:
        s = switches[-1]
        facts.append(f"{len(switches)} form switch(es), last {_date(timeline, s.later)}: "
                     f"\u201c{one_line(s.earlier_text)}\u201d -> \u201c{one_line(s.later_text)}\u201d")
    if history.sides():
        facts.append("said by: " + one_line(", ".join(history.sides())))
    return facts


def _describe(statement: Statement) -> str:
    date = statement.date.isoformat() if statement.date else "date unknown"
    title = f"  {one_line(statement.title)}" if statement.title else ""
    return f"{date}  {one_line(statement.id)}{title}"


def render_timeline_text(timeline: Timeline) -> str:
    """Render a timeline as plain text: the statements, then one block per formula."""
    labels = timeline.labels()
    lexicon = sum(1 for h in timeline.formulas if h.origin is Origin.LEXICON)
    lines = [f"timeline: {len(timeline.statements)} dated statement(s), {len(timeline.formulas)} "
             f"formula(s) ({lexicon} lexicon, {len(timeline.formulas) - lexicon} discovered)", "",
             "statements (oldest first; label = highest partnership label):"]
    for i, (s, found) in enumerate(zip(timeline.statements, labels, strict=True)):
        label = found.text if found else "no partnership label"
        lines.append(f"  {i + 1:>3}  {_describe(s)}  [{one_line(label)}]")
    if timeline.undated:
        lines += ["", "undated (left out of the record; date them in a catalog):"]
        lines += [f"       {one_line(s.id)}" for s in timeline.undated]
    lines += ["", "formulas (one column per statement; . = absent, letters = surface forms):"]
    show_strip = len(timeline.statements) <= STRIP_MAX
    for h in timeline.formulas:
        strip = f"  {_strip(h)}" if show_strip else ""
        lines.append(f"  {one_line(h.canonical)}  [{one_line(h.category or 'discovered')}]{strip}")
        lines += [f"      {fact}" for fact in _facts(timeline, h)]
    if timeline.warnings:
        lines += ["", "warnings:"] + [f"  {one_line(w)}" for w in timeline.warnings]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return markdown(text.strip())


def render_timeline_markdown(timeline: Timeline) -> str:
    """Render a timeline as Markdown: a statements table, then a formula table."""
    labels = timeline.labels()
    lines = ["# Timeline", "", "| # | date | statement | partnership label |", "|---|---|---|---|"]
    for i, (s, found) in enumerate(zip(timeline.statements, labels, strict=True)):
        label = _md(found.text) if found else "\u2014"
        date = s.date.isoformat() if s.date else "?"
        lines.append(f"| {i + 1} | {date} | {_md(s.title or s.id)} | {label} |")
    if timeline.undated:
        undated = ", ".join(_md(s.id) for s in timeline.undated)
        lines += ["", f"**Undated** (left out of the record): {undated}"]
    lines += ["", "## Formulas", ""]
    show_strip = len(timeline.statements) <= STRIP_MAX
    lines += ["| formula | category | statements | " + ("presence | " if show_strip else "") + "facts |",
              "|---|---|---|" + ("---|" if show_strip else "") + "---|"]
    for h in timeline.formulas:
        strip = f"`{_strip(h)}` | " if show_strip else ""
        facts = "<br>".join(_md(f) for f in _facts(timeline, h))
        lines.append(f"| **{_md(h.canonical)}** | {_md(h.category or 'discovered')} | {len(h.occurrences)} | "
                     f"{strip}{facts} |")
    if timeline.warnings:
        lines += ["", "## Warnings", ""] + [f"- {_md(w)}" for w in timeline.warnings]
    return "\n".join(lines) + "\n"


def latest_dict(report: LatestReport) -> dict[str, Any]:
    """The latest-statement report as a plain dict (``schema_version`` 1)."""
    return {
        "schema_version": LATEST_SCHEMA_VERSION,
        "statement": statement_json(report.statement),
        "window": report.window,
        "expected_absent": [
            {"phrase": a.history.canonical, "formula": a.history.formula, "category": a.history.category,
             "recent": a.recent, "window": a.window, "streak": a.streak, "share": round(a.share, 3),
             "score": round(a.score, 3), "last_seen": a.last.date.isoformat() if a.last.date else None,
             "last_text": a.last.text}
            for a in report.absent
        ],
        "new": [{"phrase": h.canonical, "formula": h.formula, "category": h.category} for h in report.new],
        "returning": [{"phrase": h.canonical, "formula": h.formula, "category": h.category,
                       "last_seen": d.isoformat() if d else None} for h, d in report.returning],
    }


def render_latest_text(report: LatestReport, *, markdown: bool = False) -> str:
    """Render the latest-statement report as plain text (or Markdown)."""
    q = _md if markdown else one_line
    head = "# " if markdown else ""
    sub = "## " if markdown else ""
    bullet = "- " if markdown else "  "
    lines = [f"{head}latest: {q(_describe(report.statement))}", "",
             f"{sub}expected but absent ({len(report.absent)}): in at least half of the "
             f"{report.window} statement(s) before, missing now; most unusual first"]
    for a in report.absent:
        date = a.last.date.isoformat() if a.last.date else "?"
        lines.append(f"{bullet}{q(a.history.canonical)} [{q(a.history.category or 'discovered')}]: "
                     f"in {a.recent} of the last {a.window}, streak {a.streak}, "
                     f"{a.share:.0%} of the record; last {date} as \u201c{q(a.last.text)}\u201d")
    lines += ["", f"{sub}first appearance in the record ({len(report.new)})"]
    lines += [f"{bullet}{q(h.canonical)} [{q(h.category or 'discovered')}]" for h in report.new]
    lines += ["", f"{sub}back after a gap ({len(report.returning)})"]
    lines += [f"{bullet}{q(h.canonical)}: last seen {d.isoformat() if d else '?'}"
              for h, d in report.returning]
    return "\n".join(lines) + "\n"
