"""A deterministic synthetic corpus of dated readouts for the timeline benchmarks.

``make_corpus(n)`` returns ``n`` statements of about ``WORDS`` words, one every
three days from 2000-01-01, built from a fixed seed: readout-style sentences
(who met whom, what they discussed, where) with formulas of the builtin lexicon
sprinkled in, each in one of its wordings (canonical or a variant), so that the
timeline sees forms switch, streaks and gaps. Some formulas are "in fashion"
for a stretch of the record and drop out later, as real formulas do.
Statement ``i`` depends only on the seed and ``i``, so any size is a prefix of
a larger corpus and generation costs the same per statement at every size.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import diplodiff

SEED = "diplodiff-timeline-corpus-v1"
WORDS = 800

_SUBJECTS = (
    "The two sides", "Both leaders", "The two heads of state", "President Tokayev", "President Xi Jinping",
    "Premier Li Qiang", "The foreign ministers", "Wang Yi", "Murat Nurtleu", "The Chinese side",
    "The Kazakh side", "The delegations", "Officials of the two countries", "The two governments",
)
_VERBS = (
    "held talks on", "exchanged views on", "agreed to expand", "reviewed progress in", "discussed",
    "pledged to boost", "spoke highly of", "looked forward to closer work on", "signed documents on",
    "called for new steps in", "welcomed the results of", "noted the growth of", "agreed to study",
)
_OBJECTS = (
    "trade and investment", "energy projects", "agriculture", "transport links", "customs clearance",
    "the visa regime", "education and tourism", "the oil pipeline", "the railway network",
    "satellite navigation", "water resources", "grain exports", "mining ventures", "logistics hubs",
    "local currency settlement", "youth exchanges", "health care", "nuclear power", "border crossings",
    "industrial parks", "wind and solar power", "the steel plant", "copper smelting", "the dry port",
)
_TAILS = (
    "in the coming years", "at the meeting in Astana", "during the state visit",
    "under the plan agreed last year",
    "according to the official readout", "in Beijing on Tuesday", "through joint working groups",
    "at ministerial level", "over the next five years", "before the end of the year", "in Almaty on Friday",
)
#: Sentence frames; like the seeds, sentences run to about 25-30 words.
_FRAMES = (
    "{s} {v} {o} and {o2} {t}, and both sides agreed that cooperation in {o3} should be expanded further.",
    "{s} said that the two countries would {verb} {f} {t}, and called for new progress in {o} and {o2}.",
    "{s} stressed the importance of {f} and {v} {o}, noting that the two sides had worked closely {t}.",
    "Speaking {t}, {s2} said the {f} had brought tangible benefits to the two peoples and to {o}.",
    "{s} reaffirmed their commitment to {f}, {v} {o} and agreed to keep close contact {t}.",
    "{s} {v} {o} {t}, while {s2} {v2} {o2} and said that the results in {o3} were encouraging.",
)
_PLAIN_VERBS = ("deepen", "advance", "uphold", "consolidate", "promote", "strengthen")


def _wordings() -> list[tuple[str, ...]]:
    """Each lexicon formula's wordings (without ``...`` gaps), canonical first."""
    out = []
    for formula in diplodiff.default_lexicon().formulas:
        wordings = tuple(w for w in formula.wordings if "..." not in w)
        if wordings:
            out.append(wordings)
    return out


def make_statement(index: int, wordings: list[tuple[str, ...]], *, words: int = WORDS) -> diplodiff.Statement:
    """Statement ``index`` of the corpus: about ``words`` words, with lexicon formulas planted."""
    rng = random.Random(f"{SEED}:{index}")
    era = index // 500
    # Formulas "in fashion" in this era of the record, plus a few drawn from all.
    fashion = random.Random(f"{SEED}:era:{era}").sample(range(len(wordings)), 40)
    sentences: list[str] = []
    count = 0
    while count < words:
        frame = rng.choice(_FRAMES)
        formula = ""
        if "{f}" in frame:
            pick = rng.choice(fashion) if rng.random() < 0.8 else rng.randrange(len(wordings))
            family = wordings[pick]
            # Mostly the era's preferred wording; sometimes another variant.
            preferred = family[(era + pick) % len(family)]
            formula = preferred if rng.random() < 0.85 else rng.choice(family)
        sentence = frame.format(
            s=rng.choice(_SUBJECTS), s2=rng.choice(_SUBJECTS), v=rng.choice(_VERBS), o=rng.choice(_OBJECTS),
            o2=rng.choice(_OBJECTS), o3=rng.choice(_OBJECTS), t=rng.choice(_TAILS), f=formula,
            verb=rng.choice(_PLAIN_VERBS), v2=rng.choice(_VERBS))
        sentences.append(sentence[0].upper() + sentence[1:])
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    date = dt.date(2000, 1, 1) + dt.timedelta(days=3 * index)
    return diplodiff.Statement(id=f"s{index:05d}", text="\n\n".join(paragraphs) + "\n", date=date,
                               title=f"Readout {index}")


def iter_corpus(size: int) -> Iterator[diplodiff.Statement]:
    """The first ``size`` statements of the corpus, oldest first."""
    wordings = _wordings()
    for index in range(size):
        yield make_statement(index, wordings)


def make_corpus(size: int) -> tuple[diplodiff.Statement, ...]:
    """The first ``size`` statements of the corpus, as a tuple."""
    return tuple(iter_corpus(size))


def write_statement(directory: Path, statement: diplodiff.Statement) -> Path:
    """Write one statement as a ``.txt`` file with a ``key: value`` header; return its path."""
    assert statement.date is not None
    path = directory / f"{statement.id}.txt"
    path.write_text(f"date: {statement.date.isoformat()}\ntitle: {statement.title}\n\n{statement.text}",
                    encoding="utf-8")
    return path


def write_corpus(directory: Path, size: int, *, start: int = 0) -> list[Path]:
    """Write statements ``start .. start + size - 1`` of the corpus as files in ``directory``."""
    wordings = _wordings()
    return [write_statement(directory, make_statement(index, wordings))
            for index in range(start, start + size)]
