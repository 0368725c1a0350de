"""Seeded synthetic workloads for the benchmarks: a lexicon, statements, a corpus.

Everything is generated from fixed seeds (``random.Random`` with a string seed is
stable across runs and platforms), so every run times the same inputs and every
benchmark can assert its exact result.

How the planted hits stay exact: lexicon wordings begin and end with *formula
words* (``ADJECTIVES``, ``NOUNS``, ``VERBS``) and the filler sentences never use
one (``_check_vocabulary`` verifies this on the folded forms), every wording is
distinct after folding, and a sentence holds at most one planted wording. So
the matcher finds exactly one hit per planted wording, spanning exactly it.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import pytest

import diplodiff
from diplodiff import Lexicon, Sentence, Statement

SEED = "diplodiff-benchmarks-v1"
N_FORMULAS = 300
STATEMENT_WORDS = 1_000
STATEMENT_PLANTS = 25
CORPUS_SIZE = 1_000

# --- formula vocabulary: never used by the filler sentences ---------------------------------
ADJECTIVES = (
    "comprehensive", "strategic", "cooperative", "permanent", "all-weather", "mutual", "lasting",
    "win-win", "high-quality", "shared", "common", "peaceful", "sustainable", "inclusive", "green",
    "digital", "multipolar", "reciprocal", "pragmatic", "innovative", "everlasting", "unshakable",
    "fraternal", "harmonious", "collaborative", "balanced", "equitable", "resilient", "indivisible",
    "good-neighbourly",
)
NOUNS = (
    "partnership", "trust", "friendship", "development", "connectivity", "security", "prosperity",
    "cooperation", "neighbourliness", "dialogue", "community", "future", "initiative", "corridor",
    "consensus", "sovereignty", "integrity", "interests", "destiny", "civilization", "modernization",
    "governance", "stability", "harmony", "benefit", "solidarity", "multilateralism", "globalization",
    "coordination", "synergy",
)
VERBS = ("deepen", "uphold", "consolidate", "safeguard", "foster", "champion", "cherish", "pursue")
#: Function words that may sit inside a wording (never at its ends) and in filler.
CONNECTORS = frozenset({"of", "and", "for", "with", "a", "the"})
CATEGORIES = ("relationship", "principle", "cooperation_area", "initiative", "vision")

# --- filler vocabulary: generic readout sentences -------------------------------------------
SUBJECTS = (
    "The two sides", "Both leaders", "The two heads of state", "President Tokayev", "President Xi",
    "Premier Li Qiang", "The foreign ministers", "The Chinese side", "The Kazakh side",
    "The delegations", "Officials from both countries", "The two governments",
)
PREDICATES = (
    "held talks on", "exchanged views on", "agreed to expand", "reviewed progress in", "discussed",
    "pledged to boost", "spoke highly of", "looked forward to talks on", "signed documents on",
    "called for closer work on", "welcomed new steps in", "noted the results of",
)
OBJECTS = (
    "trade and investment", "energy projects", "agriculture", "transport links", "customs clearance",
    "the visa regime", "education and tourism", "the oil pipeline", "the railway network",
    "cross-border e-commerce", "satellite navigation", "water resources", "grain exports",
    "mining ventures", "logistics hubs", "local currency settlement", "youth exchanges",
    "health care", "nuclear power", "the new border crossing",
)
LINKS = (
    "and reaffirmed their commitment to", "and stressed the importance of", "and spoke of",
    "as part of their efforts toward", "and expressed support for", "in line with",
)
TAILS = (
    "in the coming years", "at the meeting in Astana", "during the state visit",
    "under the plan agreed last year", "according to the official readout", "in Beijing on Tuesday",
    "through joint working groups", "at ministerial level", "over the next five years",
    "before the end of the year",
)
DATELINES = ("ASTANA, July 3 (Xinhua) -- ", "BEIJING, May 17 (Xinhua) -- ", "")


@dataclass(frozen=True, slots=True)
class Plant:
    """A lexicon wording planted in a statement: ``text[start:end]`` is the wording."""

    start: int
    end: int
    formula: str


@dataclass(frozen=True, slots=True)
class Synthetic:
    """A synthetic statement with what was planted in it."""

    statement: Statement
    plants: tuple[Plant, ...]

    @property
    def expected(self) -> frozenset[tuple[int, int, str]]:
        """The exact ``(start, end, formula id)`` of every lexicon hit."""
        return frozenset((p.start, p.end, p.formula) for p in self.plants)


@dataclass(frozen=True, slots=True)
class SyntheticLexicon:
    """The generated lexicon with its wordings as ``(formula id, wording)`` pairs."""

    lexicon: Lexicon
    wordings: tuple[tuple[str, str], ...]


def folded(text: str) -> tuple[str, ...]:
    """Fold a phrase the way the matcher does, through the public tokenizer."""
    sentences = diplodiff.tokenize(Statement(id="fold", text=text))
    return tuple(part for s in sentences for t in s.tokens for part in t.parts)


_SLOTS = {"A": ADJECTIVES, "N": NOUNS, "V": VERBS}
_FORMS = {
    2: ("A N", "V N"),
    3: ("A A N", "N of N", "N and N", "V A N"),
    4: ("A A A N", "N of A N", "A N and N", "N with A N"),
    5: ("N with a A N", "A N of A N", "N for A A N", "V A N and N"),
}


def _phrase(rng: random.Random) -> list[str]:
    """Return one 2-5 word formula-looking phrase (a list of words)."""
    form = rng.choice(_FORMS[rng.choices((2, 3, 4, 5), weights=(3, 4, 2, 1))[0]])
    return [rng.choice(_SLOTS[w]) if w in _SLOTS else w for w in form.split()]


def _variant(words: list[str], rng: random.Random) -> list[str]:
    """Return another wording of a phrase: one adjective swapped, or one added."""
    spots = [i for i, w in enumerate(words) if w in ADJECTIVES]
    if spots and (len(words) == 5 or rng.random() < 0.5):
        i = rng.choice(spots)
        return [*words[:i], rng.choice(ADJECTIVES), *words[i + 1:]]
    i = len(words) - 1 if words[-1] in NOUNS and words[0] in VERBS else 0
    if len(words) < 5 and words[i] in NOUNS:
        return [*words[:i], rng.choice(ADJECTIVES), *words[i:]]
    return [*words, "and", rng.choice(NOUNS)] if len(words) <= 3 else words


def _check_vocabulary() -> None:
    """Fail loudly if a filler word folds to a formula word (the counts would break)."""
    formula_parts = {p for w in (*ADJECTIVES, *NOUNS, *VERBS) for p in folded(w)}
    filler = " . ".join((*SUBJECTS, *PREDICATES, *OBJECTS, *LINKS, *TAILS, *DATELINES))
    clash = (formula_parts & set(folded(filler))) - CONNECTORS
    assert not clash, f"filler vocabulary uses formula words: {sorted(clash)}"


def make_lexicon(n: int = N_FORMULAS, seed: str = SEED) -> SyntheticLexicon:
    """Build a lexicon of ``n`` formulas (about a fifth with one variant) via ``parse_lexicon``."""
    _check_vocabulary()
    rng = random.Random(f"{seed}:lexicon")
    seen: set[str] = set()
    entries: list[str] = ["schema_version = 1\n"]
    wordings: list[tuple[str, str]] = []

    def fresh(words: list[str]) -> str | None:
        text = " ".join(words)
        if text in seen or not 2 <= len(words) <= 5:
            return None
        seen.add(text)
        return text

    while len(entries) <= n:  # entries[0] is the schema line
        canonical = fresh(_phrase(rng))
        if canonical is None:
            continue
        formula_id = f"syn.{len(entries):03d}"
        variants = []
        if rng.random() < 0.2:
            variant = fresh(_variant(canonical.split(), rng))
            variants = [variant] if variant else []
        wordings += [(formula_id, w) for w in (canonical, *variants)]
        entries.append(
            f"[[formula]]\nid = {json.dumps(formula_id)}\ncanonical = {json.dumps(canonical)}\n"
            f"category = {json.dumps(rng.choice(CATEGORIES))}\nvariants = {json.dumps(variants)}\n"
            'note = "synthetic benchmark formula"\n'
        )
    lexicon = diplodiff.parse_lexicon("\n".join(entries), name="synthetic")
    keys = {folded(w) for _, w in wordings}
    assert len(lexicon) == n
    assert len(keys) == len(wordings), "wordings must be distinct after folding"
    return SyntheticLexicon(lexicon, tuple(wordings))


def make_statement(index: int, lex: SyntheticLexicon, *, words: int = STATEMENT_WORDS,
                   plants: int | None = None, reuse: Sequence[tuple[str, str]] = (),
                   seed: str = SEED) -> Synthetic:
    """Build statement ``index``: ~``words`` words, ``plants`` planted wordings (one per
    sentence at most), drawn first from ``reuse`` (about half of them) then from the lexicon."""
    rng = random.Random(f"{seed}:statement:{index}")
    n_plants = rng.randint(10, 30) if plants is None else plants
    slots = words // 17  # filler sentences average ~17 words
    assert n_plants <= slots
    planted_at = set(rng.sample(range(slots), n_plants))
    chosen = list(reuse)
    rng.shuffle(chosen)
    chosen = chosen[: n_plants // 2]
    chosen += [rng.choice(lex.wordings) for _ in range(n_plants - len(chosen))]
    rng.shuffle(chosen)

    parts: list[str] = []
    pos = 0
    found: list[Plant] = []

    def emit(text: str) -> None:
        nonlocal pos
        parts.append(text)
        pos += len(text)

    emit(rng.choice(DATELINES))
    count = sentence = 0
    while sentence < slots or count < words:
        if sentence and sentence % 5 == 0:
            emit("\n\n")
        elif sentence:
            emit(" ")
        head = f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)} {rng.choice(OBJECTS)}"
        tail = rng.choice(TAILS)
        if sentence in planted_at:
            formula, wording = chosen.pop()
            if rng.random() < 0.2:
                wording = wording.title()
            prefix = f"{head} {rng.choice(LINKS)} "
            found.append(Plant(pos + len(prefix), pos + len(prefix) + len(wording), formula))
            text = f"{prefix}{wording} {tail}."
        elif rng.random() < 0.4:
            text = f"{head}, and {rng.choice(PREDICATES)} {rng.choice(OBJECTS)} {tail}."
        else:
            text = f"{head} {tail}."
        emit(text)
        count += len(text.split())
        sentence += 1
    return Synthetic(Statement(id=f"synthetic-{index:04d}", text="".join(parts)), tuple(found))


def iter_corpus(lex: SyntheticLexicon, size: int = CORPUS_SIZE) -> Iterator[Synthetic]:
    """Yield the corpus statements one by one (each rebuilt from its own seed)."""
    for i in range(size):
        yield make_statement(1_000 + i, lex)


@dataclass(frozen=True, slots=True)
class Tokenized:
    """A synthetic statement with its sentences, tokenized once outside any timing."""

    synthetic: Synthetic
    sentences: tuple[Sentence, ...]


@pytest.fixture(scope="session")
def synthetic_lexicon() -> SyntheticLexicon:
    """The 300-formula synthetic lexicon, its matching index already compiled."""
    lex = make_lexicon()
    warm = diplodiff.tokenize(Statement(id="warm", text="They spoke of lasting friendship."))
    lex.lexicon.find(warm[0], statement_id="warm", text="They spoke of lasting friendship.")
    return lex


@pytest.fixture(scope="session")
def statement_1k(synthetic_lexicon: SyntheticLexicon) -> Tokenized:
    """One ~1,000-word statement with 25 planted wordings, tokenized."""
    synthetic = make_statement(0, synthetic_lexicon, plants=STATEMENT_PLANTS)
    return Tokenized(synthetic, diplodiff.tokenize(synthetic.statement))


@pytest.fixture(scope="session")
def statement_pair(synthetic_lexicon: SyntheticLexicon,
                   statement_1k: Tokenized) -> tuple[Synthetic, Synthetic]:
    """Two ~1,000-word statements; the later reuses about half of the earlier's wordings."""
    earlier = statement_1k.synthetic
    formulas = {p.formula for p in earlier.plants}
    reuse = [(f, w) for f, w in synthetic_lexicon.wordings if f in formulas]
    later = make_statement(1, synthetic_lexicon, plants=STATEMENT_PLANTS, reuse=reuse)
    return earlier, later


@pytest.fixture(scope="session")
def corpus(synthetic_lexicon: SyntheticLexicon) -> tuple[Tokenized, ...]:
    """The 1,000-statement corpus, tokenized once (built only when a benchmark asks for it)."""
    return tuple(Tokenized(s, diplodiff.tokenize(s.statement)) for s in iter_corpus(synthetic_lexicon))


def _in_turn(ours: Callable[[], object], anchor: Callable[[], object], rounds: int, warmup: int) -> float:
    """The median over ``rounds`` of ``ours``' CPU time over ``anchor``'s, the two timed in
    turn (after ``warmup`` rounds): on a machine whose speed drifts, two minima taken apart
    come from different moments and their ratio flips from run to run; this one does not."""
    ratios = []
    for _ in range(warmup + rounds):
        start = time.process_time()
        ours()
        middle = time.process_time()
        anchor()
        ratios.append((middle - start) / max(time.process_time() - middle, 1e-9))
    return statistics.median(ratios[warmup:])


#: ``_in_turn``'s type: ``(ours, anchor, rounds, warmup) -> median ratio``.
InTurn = Callable[[Callable[[], object], Callable[[], object], int, int], float]


@pytest.fixture(scope="session")
def in_turn() -> InTurn:
    """``_in_turn``: a ratio of ours to an anchor, timed in turn."""
    return _in_turn


#: Speed-ups (baseline mean / our mean) recorded by the benchmarks, printed at the end.
SPEEDUPS: dict[str, float] = {}


@pytest.fixture(scope="session")
def speedups() -> dict[str, float]:
    """Where benchmarks record their speed-up ratios for the terminal summary."""
    return SPEEDUPS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the recorded speed-ups (shown without ``-s``, and under ``-q``)."""
    if SPEEDUPS:
        terminalreporter.section("diplodiff speed-ups (baseline mean / diplodiff mean)")
        for name, ratio in SPEEDUPS.items():
            terminalreporter.write_line(f"{name}: {ratio:,.1f}x")
