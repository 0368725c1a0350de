"""The key phrases of a new or dropped passage: the noun phrases that carry what it says
new, with their complements, not the whole sentence nor a fragment of a term."""

from __future__ import annotations

import diplodiff
from diplodiff import ChangeKind, Statement

BASE = "The ministers met in Lima. They reviewed the agenda. Talks will go on."


def _key_phrases(earlier: str, later: str) -> list[tuple[str, str]]:
    result = diplodiff.compare(Statement(id="e", text=earlier), Statement(id="l", text=later))
    return [(c.kind.value, c.phrase.text) for c in result.changes if c.passage is not None]


def test_a_name_in_a_rewritten_clause_is_a_key_phrase_of_that_clause() -> None:
    """A clause rewritten into another with no word in common is a passage; the named
    strategy in it is one of its key phrases, not swallowed by the rewrite."""
    earlier = ("The water ministers met in Quito. They signed the accord and approved the Joint Action "
               "Plan for fisheries research, with funding.")
    later = ("The water ministers met in Quito. They signed the accord and instructed the Board of "
             "Trade Directors to finalize the draft Andean Water Strategy, with funding.")
    result = diplodiff.compare(Statement(id="e", text=earlier), Statement(id="l", text=later))
    added = [c.phrase.text for c in result.changes if c.kind is ChangeKind.ADDED and c.passage]
    assert "Andean Water Strategy" in added
