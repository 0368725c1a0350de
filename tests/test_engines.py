"""Engines: serial, worker processes and a Dask cluster give one and the same timeline."""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import diplodiff
from diplodiff.cli.main import main
from diplodiff.timeline import digest as digest_module
from diplodiff.timeline.digest import combine, ordered, rows_of
from diplodiff.timeline.engines import EARLY_PART, PARALLEL_MIN, ProcessEngine
from diplodiff.timeline.store import Store
from diplodiff.timeline.track import Early, track_on

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

TEXTS = ("A strategic partnership and the Belt and Road Initiative, and the \"Silk Road spirit\".",
         "The golden three decades of the comprehensive strategic partnership.",
         "Both sides build a community with a shared future. The golden 30 years.",
         "Nothing at all here.",
         "Xi Jinping said the two sides would deepen political mutual trust.")


def _statements(n: int) -> list[diplodiff.Statement]:
    return [diplodiff.Statement(id=f"s{i:03d}", text=f"{TEXTS[i % 5]} {TEXTS[(i * 3) % 5]} Item {i}.",
                                date=dt.date(2000, 1, 1) + dt.timedelta(days=i))
            for i in range(n)]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A LocalCluster of 2 workers (threads, so it starts in a moment)."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    with cluster, distributed.Client(cluster) as c:
        yield c


def test_dask_gives_the_local_json_byte_for_byte(client: Any) -> None:
    """A Dask bag over 2 workers, merged by a reduction, writes exactly the local run's JSON."""
    statements = _statements(120)
    local = diplodiff.to_json(diplodiff.track(statements, workers=1))
    on_dask = diplodiff.to_json(diplodiff.track(statements, client=client))
    assert on_dask == local


def test_dask_with_a_store_reads_back_what_it_saved(client: Any, tmp_path: Path) -> None:
    """Digests computed on the cluster are saved, and a local run reads them back unchanged."""
    statements = _statements(60)
    on_dask = diplodiff.track(statements, client=client, store=tmp_path / "s.db")
    assert diplodiff.track(statements, workers=1, store=tmp_path / "s.db") == on_dask


def test_rows_combined_in_any_grouping_give_the_serial_order() -> None:
    """Partial rows reduced in shuffled order come out in the order of a serial pass."""
    lexicon = diplodiff.default_lexicon()
    numbered = [(i, digest_module.digest(s, lexicon, diplodiff.DEFAULT_OPTIONS))
                for i, s in enumerate(_statements(20))]
    parts = [rows_of(numbered[i : i + 3]) for i in range(0, 20, 3)]
    random.Random(7).shuffle(parts)
    combined, serial = combine(parts), rows_of(numbered)
    assert ordered(combined) == list(serial)
    assert combined == serial


def test_encoded_digest_decodes_to_the_digest() -> None:
    """What a worker sends, decoded, is the statement's digest, ``Found`` objects and all."""
    lexicon = diplodiff.default_lexicon()
    for statement in _statements(5):
        found = digest_module.digest(statement, lexicon, diplodiff.DEFAULT_OPTIONS)
        sent = digest_module.encoded_digest(statement, lexicon, diplodiff.DEFAULT_OPTIONS)
        back = digest_module.decode(sent)
        assert back == found
        assert all(type(f) is digest_module.Found for f in back)


def test_decoded_digests_share_the_strings_statements_repeat() -> None:
    """Two statements' digests, decoded, hold one string object for a formula's id and wording."""
    lexicon = diplodiff.default_lexicon()
    a, b = (diplodiff.Statement(id=name, text=f"{TEXTS[0]} Item {name}.") for name in ("a", "b"))
    first, second = (digest_module.decode(digest_module.encoded_digest(s, lexicon, diplodiff.DEFAULT_OPTIONS))
                     for s in (a, b))
    assert first[0].formula is second[0].formula
    assert first[0].keys[0] is second[0].keys[0]


def test_process_engine_refuses_zero_workers() -> None:
    """A pool of fewer than one worker is a ValueError."""
    with pytest.raises(ValueError, match="at least 1"):
        ProcessEngine(0)


def test_parallel_engine_gives_the_serial_json(tmp_path: Path) -> None:
    """Two worker processes over enough statements to use them give the serial run's bytes."""
    statements = _statements(PARALLEL_MIN + 10)
    serial = diplodiff.to_json(diplodiff.track(statements, workers=1))
    assert diplodiff.to_json(diplodiff.track(statements, workers=2)) == serial


def test_statements_handed_over_early_give_the_serial_json() -> None:
    """Statements given to the workers as they are read (a copy given twice, one left out of
    the record, some given only when the record is asked for) give the serial run's bytes."""
    statements = _statements(PARALLEL_MIN + 40)
    statements[5] = statements[9]  # the same statement twice
    undated = diplodiff.Statement(id="undated", text=TEXTS[0])
    lexicon = diplodiff.default_lexicon()
    serial = diplodiff.to_json(diplodiff.track([*statements, undated], workers=1))
    with Early(2, lexicon, diplodiff.DEFAULT_OPTIONS) as early:
        for statement in [undated, *statements[: PARALLEL_MIN + 20]]:
            early((statement,))
        timeline = track_on(early.engine, [*statements, undated], lexicon=lexicon)
    assert diplodiff.to_json(timeline) == serial


def test_statements_handed_over_early_with_other_settings_are_not_taken() -> None:
    """Statements handed over with one lexicon are analysed again for a run with another."""
    statements = _statements(PARALLEL_MIN + 10)
    builtin = diplodiff.default_lexicon()
    smaller = diplodiff.Lexicon(builtin.formulas[5:], builtin.names)
    with Early(2, builtin, diplodiff.DEFAULT_OPTIONS) as early:
        early(statements)
        timeline = track_on(early.engine, statements, lexicon=smaller)
    assert diplodiff.to_json(timeline) == diplodiff.to_json(diplodiff.track(statements, lexicon=smaller,
                                                                            workers=1))


def test_early_hands_over_only_what_the_store_lacks(tmp_path: Path) -> None:
    """With a store, statements it has are not analysed again, and a few new ones start no workers."""
    statements = _statements(EARLY_PART * 2)
    lexicon = diplodiff.default_lexicon()
    diplodiff.track(statements[:-3], workers=1, store=tmp_path / "s.db")
    options = diplodiff.DEFAULT_OPTIONS
    with Store(tmp_path / "s.db") as store, Early(2, lexicon, options, store=store) as early:
        early(statements)
        early.flush()
        assert early.engine.handed_over() == 0  # 3 waiting: fewer than it takes to start workers
        timeline = track_on(early.engine, statements, lexicon=lexicon, store=tmp_path / "s.db")
    assert timeline == diplodiff.track(statements, workers=1)


def test_cli_dask_without_dask_is_exit_2(monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """--dask where dask is not installed says how to install it, in one line."""
    real = importlib.import_module

    def missing(name: str, *args: Any) -> Any:
        if name == "distributed":
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", missing)
    assert main(["timeline", str(SEEDS), "-q", "--dask", "local"]) == 2
    err = capsys.readouterr().err
    assert "pip install 'diplodiff[dask]'" in err
    assert err.count("\n") == 1
