"""The readers against the libraries they wrap, on the fixtures made from the seeds.

Each reader's anchor is its library doing the bare extraction on the same bytes in the
same process (trafilatura's very call for the saved page, pypdf's layout text for the PDF,
openpyxl for the workbook, ``csv`` for the CSV). The ratio is what diplodiff adds on top:
reading the file, header, dateline and title, dates, paragraph joining, record checks.
Ours and the anchor run in alternation and the ratio is the median of the pairs, so that
load from other processes on a shared machine falls on both sides alike.
"""

from __future__ import annotations

import csv
import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

import diplodiff
from diplodiff.read.pdf import join_lines

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "data" / "readers"
SEED = "004_55e9fcd968524c2c"
#: What diplodiff may add over the bare library, at most (a factor of the library's time).
OVERHEAD = {f"{SEED}.html": 2.0, f"{SEED}.pdf": 2.0, "seeds.xlsx": 2.5, "seeds.csv": 8.0}
PAIRS = 15


def _html(data: bytes) -> object:
    import trafilatura

    return trafilatura.bare_extraction(  # the very call read/html.py makes
        data, with_metadata=True, favor_precision=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True})


def _pdf(data: bytes) -> object:
    from pypdf import PdfReader

    return [page.extract_text(extraction_mode="layout") for page in PdfReader(io.BytesIO(data)).pages]


def _xlsx(data: bytes) -> object:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return rows


def _csv(data: bytes) -> object:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


ANCHORS: dict[str, Callable[[bytes], object]] = {
    f"{SEED}.html": _html, f"{SEED}.pdf": _pdf, "seeds.xlsx": _xlsx, "seeds.csv": _csv,
}


def _seconds(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _median_ratio(ours: Callable[[], object], anchor: Callable[[], object]) -> float:
    ours(), anchor()  # imports and caches warm
    return statistics.median(_seconds(ours) / _seconds(anchor) for _ in range(PAIRS))


@pytest.mark.parametrize("name", sorted(ANCHORS))
def test_reader_against_its_library(benchmark: BenchmarkFixture, name: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """diplodiff reads the fixture (catalogs off: only the reader is timed) within a small
    factor of its library alone on the same bytes."""
    path = FIXTURES / name
    data = path.read_bytes()
    statements = benchmark(diplodiff.load_statements, [path], auto_catalog=False)
    assert len(statements) == (5 if name.startswith("seeds") else 1)
    assert all("Xi Jinping" in s.text for s in statements if s.id.startswith(SEED))
    ratio = _median_ratio(lambda: diplodiff.load_statements([path], auto_catalog=False),
                          lambda: ANCHORS[name](data))
    benchmark.extra_info["diplodiff_over_library"] = ratio
    with capsys.disabled():
        print(f"\n{name}: diplodiff / bare library = {ratio:.2f}x")
    assert ratio < OVERHEAD[name]


def test_joining_pdf_lines_is_linear(benchmark: BenchmarkFixture, capsys: pytest.CaptureFixture[str]) -> None:
    """Ten times the lines take about ten times as long (it was quadratic: ~100x)."""
    page = ["Both sides agreed to deepen the compre-", "hensive strategic partnership and the China-",
            "Kazakhstan friendship, people-to-", "people exchanges and high-quality growth."]
    small, large = page * 1_000, page * 10_000
    text = benchmark(join_lines, large)
    assert "comprehensive strategic partnership and the China-Kazakhstan friendship, people-to-people" in text
    ratio = _median_ratio(lambda: join_lines(large), lambda: join_lines(small))
    benchmark.extra_info["ten_times_the_lines"] = ratio
    with capsys.disabled():
        print(f"\njoin_lines: 10x the lines takes {ratio:.1f}x the time")
    assert ratio < 30
