"""The timeline JSON, schema_version 2: streamed, compact, each sentence once per statement."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

import diplodiff
from diplodiff.cli.main import main
from diplodiff.render.timeline import timeline_dict, timeline_to_csv, timeline_to_json, write_timeline_json

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeds() -> diplodiff.Timeline:
    """The five seeds with their catalog."""
    catalog = diplodiff.load_catalog(SEEDS / "catalog.csv")
    return diplodiff.track(diplodiff.load_statements([SEEDS]), catalog=catalog, workers=1)


def read_timeline(text: str) -> list[dict[str, Any]]:
    """A reader of version 2: every occurrence with its statement and its sentence resolved."""
    data = json.loads(text)
    assert data["schema_version"] == 2
    statements = data["statements"]
    out = []
    for phrase in data["phrases"]:
        for occurrence in phrase["occurrences"]:
            statement = statements[occurrence["index"]]
            out.append({"formula": phrase["formula"], "statement": statement["id"],
                        "date": statement["date"], "text": occurrence["text"],
                        "sentence": statement["sentences"][occurrence["sentence"]]})
    return out


def test_reader_gets_back_every_occurrence_and_sentence(seeds: diplodiff.Timeline) -> None:
    """Loading the JSON back and resolving indexes gives each occurrence's statement and sentence."""
    expected = [{"formula": h.formula, "statement": o.statement_id,
                 "date": o.date.isoformat() if o.date else None, "text": o.text, "sentence": o.sentence}
                for h in seeds.formulas for o in h.occurrences]
    assert read_timeline(timeline_to_json(seeds)) == expected


def test_each_sentence_is_stored_once_per_statement(seeds: diplodiff.Timeline) -> None:
    """No statement lists a sentence twice, and every listed sentence is referred to."""
    data = json.loads(timeline_to_json(seeds))
    used = {(o["index"], o["sentence"]) for p in data["phrases"] for o in p["occurrences"]}
    for i, statement in enumerate(data["statements"]):
        assert len(statement["sentences"]) == len(set(statement["sentences"]))
        assert {n for index, n in used if index == i} == set(range(len(statement["sentences"])))


def test_streaks_and_gaps_are_position_pairs(seeds: diplodiff.Timeline) -> None:
    """Streaks and gaps are [first, last] positions in the statements array."""
    data = json.loads(timeline_to_json(seeds))
    top = next(p for p in data["phrases"] if p["phrase"] == "permanent comprehensive strategic partnership")
    assert top["streaks"] == [[0, 0], [3, 4]]
    assert top["gaps"] == [[1, 2]]


@pytest.mark.parametrize("indent", [None, 2])
def test_streamed_text_is_the_dict_dumped(seeds: diplodiff.Timeline, indent: int | None) -> None:
    """The streamed writer writes exactly json.dumps of timeline_dict (compact or indented)."""
    separators = (",", ":") if indent is None else None
    expected = json.dumps(timeline_dict(seeds), ensure_ascii=False, indent=indent,
                          separators=separators) + "\n"
    assert timeline_to_json(seeds, indent=indent) == expected


class _Recorder(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, text: str) -> int:
        self.sizes.append(len(text))
        return super().write(text)


def test_writer_never_writes_the_document_at_once(seeds: diplodiff.Timeline) -> None:
    """The JSON goes out piece by piece: no write is more than a phrase or a statement."""
    stream = _Recorder()
    write_timeline_json(seeds, stream)
    total = len(stream.getvalue())
    assert len(stream.sizes) > len(seeds.formulas)
    assert max(stream.sizes) < total / 4


def test_cli_indent_writes_indented_json(tmp_path: Path) -> None:
    """--indent 2 writes the same data, indented."""
    compact, indented = tmp_path / "c.json", tmp_path / "i.json"
    assert main(["timeline", str(SEEDS), "-q", "-f", "json", "-o", str(compact)]) == 0
    assert main(["timeline", str(SEEDS), "-q", "-f", "json", "--indent", "2", "-o", str(indented)]) == 0
    text = indented.read_text(encoding="utf-8")
    assert text.startswith('{\n  "schema_version": 2,')
    assert json.loads(text) == json.loads(compact.read_text(encoding="utf-8"))
    assert "\n" not in compact.read_text(encoding="utf-8").rstrip("\n")


def test_cli_csv_is_streamed_with_the_same_rows(seeds: diplodiff.Timeline, tmp_path: Path) -> None:
    """The CLI's streamed CSV is the library's CSV."""
    out = tmp_path / "t.csv"
    assert main(["timeline", str(SEEDS), "-q", "-f", "csv", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == timeline_to_csv(seeds)


def test_compact_writer_escapes_like_json_dumps() -> None:
    """Quotes, backslashes, control and non-BMP characters come out exactly as json.dumps writes them."""
    import datetime as dt

    texts = ['He said "the strategic partnership" \\ holds.\tA strategic partnership \U0001f600.',
             "Le \u00ab partenariat strat\u00e9gique \u00bb; a strategic partnership\x01 again.",
             "Nothing here, only \u2028 a line separator and the Belt and Road Initiative."]
    statements = [diplodiff.Statement(id=f'x"{i}\\', text=t, date=dt.date(2020, 1, i + 1))
                  for i, t in enumerate(texts)]
    timeline = diplodiff.track(statements, workers=1)
    expected = json.dumps(timeline_dict(timeline), ensure_ascii=False, separators=(",", ":")) + "\n"
    assert timeline_to_json(timeline) == expected


def test_facts_say_what_the_history_methods_say(seeds: diplodiff.Timeline) -> None:
    """The one-pass facts of each phrase are forms(), streaks(), gaps(), switches(), speakers(), sides()."""
    from diplodiff.render.timeline import _tail

    ids = [s.id for s in seeds.statements]
    assert any(h.switches() for h in seeds.formulas)
    for h in seeds.formulas:
        facts = _tail(h, ids)
        assert facts["forms"] == [{"text": f.text, "count": f.count,
                                   "statements": [ids[i] for i in f.statements]} for f in h.forms()]
        assert facts["streaks"] == [[r.start, r.end] for r in h.streaks()]
        assert facts["gaps"] == [[r.start, r.end] for r in h.gaps()]
        assert facts["switches"] == [{"earlier": ids[s.earlier], "later": ids[s.later],
                                      "from": s.earlier_text, "to": s.later_text} for s in h.switches()]
        assert (facts["speakers"], facts["sides"]) == (list(h.speakers()), list(h.sides()))
        assert (facts["count"], facts["statements"]) == (h.count, len(h.occurrences))


def test_occurrences_read_as_their_tuple(seeds: diplodiff.Timeline) -> None:
    """A history's lazy occurrences compare, hash, index, print and pickle as the tuple of them."""
    import pickle

    from diplodiff.timeline.track import Occurrences

    history = max(seeds.formulas, key=lambda h: len(h.occurrences))
    lazy = history.occurrences
    assert isinstance(lazy, Occurrences)
    first, last = lazy[0], lazy[-1]  # one at a time, before the tuple is built
    built = tuple(lazy)
    assert (first, last) == (built[0], built[-1])
    assert lazy == built
    assert built == lazy
    assert hash(lazy) == hash(built)
    assert repr(lazy) == repr(built)
    assert pickle.loads(pickle.dumps(lazy)) == built
    assert [o.index for o in lazy] == sorted(o.index for o in built)


def test_json_of_histories_built_by_hand_is_the_same(seeds: diplodiff.Timeline) -> None:
    """Histories holding plain tuples of occurrences render exactly as track()'s lazy ones."""
    import attrs

    plain = attrs.evolve(seeds, formulas=tuple(attrs.evolve(h, occurrences=tuple(h.occurrences))
                                               for h in seeds.formulas))
    assert plain == seeds
    assert timeline_to_json(plain) == timeline_to_json(seeds)
    assert timeline_to_json(plain, indent=2) == timeline_to_json(seeds, indent=2)
