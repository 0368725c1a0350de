"""Fuzzing: generated messy text through compare, track, every loader and every renderer.

Strategies make what scraped statements carry: mixed scripts, invisible and
control characters, look-alike letters, huge numbers, text with no punctuation,
deeply nested JSON and TOML. The contract checked everywhere: a loader returns
or raises a ``DiplodiffError`` (never anything else); compare, track and every
renderer return text; a text and its copy with invisible characters compare equal.

Budget: ``DIPLODIFF_FUZZ_EXAMPLES`` examples per test (default 15, a few seconds
in all); CI or a long local run raises it, e.g. ``DIPLODIFF_FUZZ_EXAMPLES=2000
pytest tests/test_fuzz.py``. Failing examples are kept in ``.hypothesis/fuzz``
and replayed first on the next run; the issue's cases are pinned with ``@example``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

import diplodiff
from diplodiff.read.catalog import parse_catalog_csv, parse_catalog_toml
from diplodiff.text.speakers import parse_speakers

ROOT = Path(__file__).resolve().parent.parent
FUZZ = settings(
    max_examples=int(os.environ.get("DIPLODIFF_FUZZ_EXAMPLES", "15")),
    deadline=None,
    database=DirectoryBasedExampleDatabase(str(ROOT / ".hypothesis" / "fuzz")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture],
)

INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202c\u202e\u2060\u2066\u2069\ufeff"
CONTROLS = "\x00\x07\x1b\x7f\x85\x9b\u2028\u2029\r"
LOOKALIKES = "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u03bf\u03bd\u0391"
WORDS = ("China", "Kazakhstan", "comprehensive", "strategic", "partnership", "partners", "permanent",
         "Belt", "and", "Road", "the", "community", "with", "a", "shared", "future", "said", "Xi",
         "Tokayev", "two", "decades", "\u00b2", "\u2460", "\uff43\uff4f\uff4d\uff50", "\U0001d41c\U0001d428",
         "\u4e2d\u56fd", "\u041c\u043e\u0441\u043a\u0432\u0430", "\u0627\u0644\u0635\u064a\u0646",
         "=HYPERLINK(1)", "<script>", "|", "**", "`", "#", '"', "\u201c", "\u201d", "-", "9" * 60)

#: Text as scraped: words from several scripts, invisible and control characters,
#: look-alike letters, huge numbers, with or without punctuation and line breaks.
messy_text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(INVISIBLE), st.sampled_from(CONTROLS),
              st.sampled_from(LOOKALIKES), st.sampled_from([" ", "\n", "\n\n", ". ", ", ", "\t"]),
              st.integers(min_value=0).map(str), st.text(max_size=8)),
    max_size=60,
).map("".join)
#: Values for JSON records and TOML tables, nested up to a depth Hypothesis chooses.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | messy_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)


def _statement(text: str, ident: str = "s", day: int = 1) -> diplodiff.Statement:
    return diplodiff.Statement(id=ident, text=text or ".", date=dt.date(2024, 1, day), title=text[:40])


def _sprinkle(text: str, chars: str) -> str:
    """Put invisible characters inside words (after every third letter)."""
    out = []
    run = 0
    for i, char in enumerate(text):
        out.append(char)
        run = run + 1 if char.isalpha() else 0
        if run and run % 3 == 0 and i + 1 < len(text) and text[i + 1].isalpha():
            out.append(chars[i % len(chars)])
    return "".join(out)


@FUZZ
@given(messy_text)
@example("China and Kazakhstan are compre\u00adhensive strategic partners. Over the past \u00b2 decades")
@example("Ok. " * 200)
def test_compare_and_renderers_never_fail(text: str) -> None:
    """compare() of any text with itself gives no change, and every renderer returns text."""
    statement = _statement(text)
    comparison = diplodiff.compare(statement, statement)
    assert not comparison.has_changes
    for fmt in (diplodiff.to_text, diplodiff.to_markdown, diplodiff.to_json, diplodiff.to_csv,
                diplodiff.to_html):
        out = fmt(comparison)
        assert isinstance(out, str)
        out.encode("utf-8")


def test_words_moved_around_a_hyphenated_name_make_no_crash() -> None:
    """An insertion the word diff places between the parts of one token ("EU-India") once
    gave a span ending before it started (ValueError): it now spans that token."""
    comparison = diplodiff.compare(
        _statement("The ministers welcomed progress. They agreed to hold the next EU-India Summit in India."),
        _statement("The ministers welcomed progress. hold the They agreed to next EU-India", day=2))
    assert isinstance(diplodiff.to_text(comparison), str)



#: Words a statement's lists, names and clauses are made of, punctuation included.
LIST_WORDS = ("Ghana", "Togo", "the", "Republic", "of", "Mali", "South", "Sudan", "XI", "IGAD", "and", ",",
              "Council", "met", "in", "Geneva", "on", "3", "May", "will", "hold", "elections", "should",
              "praised", "deep", "concern", ".")


@FUZZ
@given(st.lists(st.sampled_from(LIST_WORDS), max_size=25),
       st.lists(st.tuples(st.integers(0, 30), st.sampled_from(("insert", "drop", "swap")),
                          st.sampled_from(LIST_WORDS)), min_size=1, max_size=4))
@example(["The", "ministers", "praised", "the", "Council", "."],
         [(5, "insert", "and"), (6, "insert", "Ghana")])
@example(["Ghana"], [(1, "insert", "3")])
@example(["Ghana", "3"], [(1, "drop", "Ghana")])
def test_compare_of_an_edited_text_never_fails(words: list[str],
                                               edits: list[tuple[int, str, str]]) -> None:
    """compare() of a text and an edited copy (words put in, taken out or swapped, at
    either end too) gives a comparison every renderer renders: a list grown at its end
    once indexed past the last word."""
    edited = list(words)
    for at, op, word in edits:
        k = min(at, len(edited))
        if op == "insert":
            edited.insert(k, word)
        elif edited:
            k = min(k, len(edited) - 1)
            if op == "drop":
                del edited[k]
            else:
                edited[k] = word
    comparison = diplodiff.compare(_statement(" ".join(words)), _statement(" ".join(edited), day=2))
    for fmt in (diplodiff.to_text, diplodiff.to_json):
        assert isinstance(fmt(comparison), str)


@FUZZ
@given(st.lists(st.sampled_from([w for w in WORDS if w.isalpha() and w.isascii()]), min_size=3, max_size=40))
def test_invisible_characters_make_no_change(words: list[str]) -> None:
    """A text and its copy with invisible characters inside words report nothing."""
    text = " ".join(words) + "."
    found = diplodiff.compare(_statement(text), _statement(_sprinkle(text, INVISIBLE), day=2))
    assert [c for c in found.changes if c.kind is not diplodiff.ChangeKind.KEPT] == []


@FUZZ
@given(st.lists(messy_text, min_size=1, max_size=4))
def test_track_and_timeline_renderers_never_fail(texts: list[str]) -> None:
    """track() over messy statements and every timeline renderer return text."""
    statements = [_statement(t, f"s{i}", i + 1) for i, t in enumerate(texts)]
    timeline = diplodiff.track(statements, workers=1)
    for fmt in (diplodiff.to_text, diplodiff.to_markdown, diplodiff.to_json, diplodiff.to_csv,
                diplodiff.to_html):
        fmt(timeline).encode("utf-8")


def _loads_or_refuses(load: object, *args: object, **kwargs: object) -> None:
    """A loader either returns or raises DiplodiffError; anything else fails the test."""
    with contextlib.suppress(diplodiff.DiplodiffError):
        load(*args, **kwargs)  # type: ignore[operator]


@FUZZ
@given(messy_text)
@example("title: a" + " " * 5000 + "b\n\ntext")
@example("date: 20240703\n\nText.")
@example("date: 2024-01-01\rtitle: x\r\rBody.")
def test_statement_parser_never_fails(text: str) -> None:
    """parse_statement returns a statement or raises a DiplodiffError."""
    _loads_or_refuses(diplodiff.parse_statement, text, id="x", path="x.txt")


@FUZZ
@given(st.lists(json_values, min_size=1, max_size=3))
@example([{"text": "x", "title": 7}])
@example([{"text": "x", "id": "a\ud800"}])
def test_jsonl_loader_never_fails(tmp_path: Path, records: list[object]) -> None:
    """A .jsonl file of any JSON values loads or raises a DiplodiffError."""
    import json

    path = tmp_path / "f.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    _loads_or_refuses(diplodiff.load_statements, [path])


@FUZZ
@given(st.integers(min_value=1, max_value=6000), st.sampled_from(["[", "{\"a\":"]))
def test_deep_json_is_refused(tmp_path: Path, depth: int, opener: str) -> None:
    """JSON nested to any depth loads or is refused; never a RecursionError."""
    closer = "]" if opener == "[" else "}"
    path = tmp_path / "deep.jsonl"
    path.write_text('{"text": "x", "n": ' + opener * depth + "1" + closer * depth + "}\n", encoding="utf-8")
    _loads_or_refuses(diplodiff.load_statements, [path])


@FUZZ
@given(messy_text)
@example(f"x = {'1' * 5000}")
@example("x = " + "[" * 5000 + "]" * 5000)
def test_toml_loaders_never_fail(text: str) -> None:
    """Lexicon, catalog and speaker-table TOML parse or raise a DiplodiffError."""
    for load in (diplodiff.parse_lexicon, parse_speakers):
        _loads_or_refuses(load, text, name="t.toml")
    _loads_or_refuses(parse_catalog_toml, text, path="c.toml")


@FUZZ
@given(messy_text)
@example('file,date\n"a.txt,2024-07-03\n')
def test_catalog_csv_never_fails(text: str) -> None:
    """A CSV catalog parses or raises a DiplodiffError."""
    _loads_or_refuses(parse_catalog_csv, "file,date,title\n" + text, path="c.csv")


@FUZZ
@given(messy_text, st.sampled_from([".txt", ".md", ".csv", ".tsv", ".json", ".jsonl", ".html"]))
@example("<html><title>\x1b]0;x\x07</title><body><p>partners</p>", ".html")
@example('text,date\n"=cmd",20240703\n', ".csv")
def test_every_statement_form_loads_or_refuses(tmp_path: Path, text: str, suffix: str) -> None:
    """Messy text under every statement suffix loads or raises a DiplodiffError."""
    path = tmp_path / f"f{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _loads_or_refuses(diplodiff.load_statements, [path])


@pytest.mark.parametrize("junk", [b"\xff\xfe\x00", b"%PDF-1.4 junk", b"<html><body>\x00", b"PK\x03\x04"])
@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv", ".html", ".pdf", ".xlsx"])
def test_junk_bytes_in_any_form_are_refused(tmp_path: Path, junk: bytes, suffix: str) -> None:
    """Binary junk under any statement suffix loads or raises a DiplodiffError."""
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(junk * 10)
    _loads_or_refuses(diplodiff.load_statements, [path])
