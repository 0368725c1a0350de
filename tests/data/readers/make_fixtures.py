"""Make the reader fixtures from the seeds: a saved page, a printed PDF, a spreadsheet.

Run from the repository root when the seeds change (needs the test extras:
reportlab, pyphen, openpyxl): ``.venv/bin/python tests/data/readers/make_fixtures.py``.
The page wraps seed 004's text in navigation, a sidebar, scripts and a footer that
all carry formula-like words, so any of it leaking into the text shows up in a diff.
The PDF is seed 004's file printed in a narrow, hyphenated column over several pages.
"""

from __future__ import annotations

import datetime as dt
import html
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from diplodiff import Statement

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
SEED = "004_55e9fcd968524c2c"

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - Ministry of Foreign Affairs</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-07-12T10:30:00+08:00">
<style>nav a {{ color: navy; }} .banner::after {{ content: "strategic partnership"; }}</style>
<script>
window.dataLayer = [{{"page": "comprehensive strategic partnership", "topic": "Belt and Road"}}];
</script>
</head>
<body>
<div class="cookie-banner">We use cookies to deepen mutual trust. <button>Accept</button></div>
<header>
  <nav>
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/news">Comprehensive Strategic Partnership News</a></li>
      <li><a href="/belt-and-road">Belt and Road Cooperation</a></li>
      <li><a href="/community">Community with a Shared Future</a></li>
    </ul>
  </nav>
</header>
<main>
  <article>
    <h1>{title}</h1>
    <div class="byline">Updated: <time datetime="2024-07-12">July 12, 2024</time></div>
{paragraphs}
  </article>
  <aside>
    <h2>Related</h2>
    <ul>
      <li><a href="/a">Wang Yi: the all-weather strategic cooperative partnership is rock-solid</a></li>
      <li><a href="/b">Both sides oppose hegemonism and power politics</a></li>
    </ul>
  </aside>
</main>
<footer>
  <p>Copyright &copy; Ministry of Foreign Affairs. All rights reserved.
     Mutual respect and win-win cooperation.</p>
  <p><a href="/sitemap">Sitemap</a> | <a href="/contact">Contact us</a></p>
</footer>
<script>document.write("peaceful coexistence and non-interference in internal affairs");</script>
</body>
</html>
"""


def _entity(text: str) -> str:
    """Escape as a CMS would: curly quotes and dashes as named entities."""
    out = html.escape(text, quote=False)
    for char, name in (("\u201c", "&ldquo;"), ("\u201d", "&rdquo;"), ("\u2019", "&rsquo;"),
                       ("\u2014", "&mdash;"), ("\u2013", "&ndash;")):
        out = out.replace(char, name)
    return out


def make_page(seed: Statement) -> None:
    paragraphs = "\n".join(f"    <p>{_entity(p.strip())}</p>" for p in seed.text.split("\n\n") if p.strip())
    page = PAGE.format(title=_entity(seed.title or ""), paragraphs=paragraphs)
    (HERE / f"{SEED}.html").write_text(page, encoding="utf-8")


def make_pdf() -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    raw = (ROOT / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    style = getSampleStyleSheet()["BodyText"]
    style.spaceAfter = 9
    style.hyphenationLang = "en_US"  # real hyphenated line ends, via pyphen
    style.embeddedHyphenation = 1
    style.uriWasteReduce = 0.3
    style.alignment = 4  # justified, as printed statements are
    doc = SimpleDocTemplate(str(HERE / f"{SEED}.pdf"), pagesize=A5, invariant=1, title=SEED,
                            leftMargin=50, rightMargin=50)
    doc.build([Paragraph(escape(p.strip()), style) for p in raw.split("\n\n") if p.strip()])


def make_tables(seeds: list[Statement]) -> None:
    import csv

    import openpyxl

    header = ["id", "date", "title", "source", "body"]
    rows = [[s.id, s.date.isoformat() if s.date else "", s.title or "", s.source or "", s.text.strip()]
            for s in seeds]
    with (HERE / "seeds.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]
    sheet.title = "statements"
    sheet.append(header)
    for row in rows:
        sheet.append([row[0], dt.datetime.fromisoformat(row[1]), *row[2:]])
    book.properties.created = book.properties.modified = dt.datetime(2024, 1, 1)
    book.save(HERE / "seeds.xlsx")


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    import diplodiff

    seeds = sorted(diplodiff.load_statements([ROOT / "seeds"]), key=lambda s: s.id)
    make_page(next(s for s in seeds if s.id == SEED))
    make_pdf()
    make_tables(seeds)


if __name__ == "__main__":
    main()
