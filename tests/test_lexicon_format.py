"""The lexicon file format: validation with LexiconError naming the file, matching, merging.

Small inline lexicons only, so nothing here depends on the builtin lexicon's content.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import diplodiff
from diplodiff import Lexicon, LexiconError, Options, Statement

MINIMAL = """\
schema_version = 1

[[formula]]
id = "partnership.strategic"
canonical = "strategic partnership"
category = "partnership_label"
rank = 3
variants = ["strategic cooperative partnership"]
note = "inline test entry"
"""

ENTRY = '[[formula]]\nid = "x.one"\ncanonical = "political mutual trust"\ncategory = "trust"\n'


def lexicon(*entries: str) -> Lexicon:
    """A lexicon from inline ``[[formula]]`` entries (TOML text)."""
    return diplodiff.parse_lexicon("schema_version = 1\n\n" + "\n".join(entries), name="inline")


def formula(id: str, canonical: str, *, category: str = "test", variants: tuple[str, ...] = (),
            rank: int | None = None) -> str:
    """One ``[[formula]]`` entry as TOML text."""
    lines = ["[[formula]]", f'id = "{id}"', f'canonical = "{canonical}"', f'category = "{category}"']
    if variants:
        lines.append("variants = [" + ", ".join(f'"{v}"' for v in variants) + "]")
    if rank is not None:
        lines.append(f"rank = {rank}")
    return "\n".join(lines) + "\n"


def hits(lex: Lexicon, text: str) -> list[tuple[str, str]]:
    """The (formula id, surface text) of every lexicon hit in ``text``."""
    statement = Statement(id="t", text=text)
    phrases = diplodiff.extract_phrases(statement, lexicon=lex, options=Options(discover=False))
    return [(p.formula, p.text) for p in phrases]


# --- valid files ----------------------------------------------------------------------------------


def test_minimal_file_parses() -> None:
    """A minimal valid lexicon gives its formula with every field."""
    lex = diplodiff.parse_lexicon(MINIMAL, name="mini")
    assert lex.get("partnership.strategic") == diplodiff.Formula(
        "partnership.strategic", "strategic partnership", "partnership_label", 3,
        ("strategic cooperative partnership",), "inline test entry")


def test_minimal_file_loads_from_disk(tmp_path: Path) -> None:
    """``load_lexicon`` reads a valid file and records its path as the lexicon's name."""
    path = tmp_path / "mine.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    lex = diplodiff.load_lexicon(path)
    assert (len(lex), lex.names) == (1, (str(path),))


def test_schema_version_may_be_omitted() -> None:
    """A file without ``schema_version`` is read as version 1."""
    assert len(diplodiff.parse_lexicon(ENTRY, name="inline")) == 1


def test_optional_fields_default() -> None:
    """Without rank, variants or note a formula has None, () and None."""
    found = diplodiff.parse_lexicon(ENTRY, name="inline").get("x.one")
    assert found is not None
    assert (found.rank, found.variants, found.note) == (None, (), None)


def test_wordings_are_canonical_then_variants() -> None:
    """``Formula.wordings`` lists the canonical wording first, then the variants."""
    found = diplodiff.parse_lexicon(MINIMAL, name="mini").get("partnership.strategic")
    assert found is not None
    assert found.wordings == ("strategic partnership", "strategic cooperative partnership")


# --- malformed files ------------------------------------------------------------------------------

MALFORMED = {
    "not-toml": "this is [[ not toml",
    "no-formula": "schema_version = 1\n",
    "empty-file": "",
    "formula-not-an-array": 'schema_version = 1\n[formula]\nid = "a"\ncanonical = "b c"\ncategory = "c"\n',
    "empty-formula-list": "schema_version = 1\nformula = []\n",
    "missing-id": '[[formula]]\ncanonical = "political mutual trust"\ncategory = "trust"\n',
    "missing-canonical": '[[formula]]\nid = "x.one"\ncategory = "trust"\n',
    "missing-category": '[[formula]]\nid = "x.one"\ncanonical = "political mutual trust"\n',
    "blank-id": '[[formula]]\nid = "  "\ncanonical = "political mutual trust"\ncategory = "trust"\n',
    "id-not-a-string": '[[formula]]\nid = 7\ncanonical = "political mutual trust"\ncategory = "trust"\n',
    "unknown-field": ENTRY + 'colour = "red"\n',
    "misspelt-variants": ENTRY + 'variant = ["mutual political trust"]\n',
    "variants-a-string": ENTRY + 'variants = "mutual political trust"\n',
    "variants-not-strings": ENTRY + "variants = [1, 2]\n",
    "variants-blank-string": ENTRY + 'variants = [""]\n',
    "rank-negative": ENTRY + "rank = -1\n",
    "rank-float": ENTRY + "rank = 2.5\n",
    "rank-string": ENTRY + 'rank = "3"\n',
    "rank-bool": ENTRY + "rank = true\n",
    "note-not-a-string": ENTRY + "note = 3\n",
    "wording-without-words": '[[formula]]\nid = "x.one"\ncanonical = "..."\ncategory = "trust"\n',
    "duplicate-ids": ENTRY + "\n" + ENTRY,
    "schema-version-2": "schema_version = 2\n\n" + ENTRY,
    "schema-version-string": 'schema_version = "1"\n\n' + ENTRY,
}


@pytest.mark.parametrize("text", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_text_is_a_lexicon_error_naming_the_file(text: str) -> None:
    """Each malformed lexicon text is a LexiconError naming the lexicon."""
    with pytest.raises(LexiconError) as info:
        diplodiff.parse_lexicon(text, name="my-lexicon.toml")
    assert info.value.path == "my-lexicon.toml"
    assert str(info.value).startswith("my-lexicon.toml: ")


@pytest.mark.parametrize("text", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_file_is_a_lexicon_error_naming_the_file(tmp_path: Path, text: str) -> None:
    """Each malformed lexicon file is a LexiconError whose message names the file."""
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        diplodiff.load_lexicon(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    ("key", "text", "word"),
    [
        ("missing-id", MALFORMED["missing-id"], "'id'"),
        ("missing-canonical", MALFORMED["missing-canonical"], "'canonical'"),
        ("missing-category", MALFORMED["missing-category"], "'category'"),
        ("unknown-field", MALFORMED["unknown-field"], "colour"),
        ("variants-a-string", MALFORMED["variants-a-string"], "variants"),
        ("rank-negative", MALFORMED["rank-negative"], "rank"),
        ("duplicate-ids", MALFORMED["duplicate-ids"], "x.one"),
        ("schema-version-2", MALFORMED["schema-version-2"], "schema_version"),
    ],
)
def test_error_says_what_is_wrong(key: str, text: str, word: str) -> None:
    """The error message names the offending field, id or key."""
    with pytest.raises(LexiconError, match=word):
        diplodiff.parse_lexicon(text, name=key)


def test_schema_version_bool_is_refused() -> None:
    """``schema_version = true`` is not version 1."""
    with pytest.raises(LexiconError):
        diplodiff.parse_lexicon("schema_version = true\n\n" + ENTRY, name="inline")


def test_lexicon_error_is_a_value_error() -> None:
    """LexiconError is a DiplodiffError and a ValueError."""
    assert issubclass(LexiconError, diplodiff.DiplodiffError)
    assert issubclass(LexiconError, ValueError)


def test_missing_file(tmp_path: Path) -> None:
    """A missing lexicon file is a LexiconError naming it."""
    path = tmp_path / "nope.toml"
    with pytest.raises(LexiconError) as info:
        diplodiff.load_lexicon(path)
    assert str(path) in str(info.value)


def test_directory(tmp_path: Path) -> None:
    """A directory given as a lexicon is a LexiconError naming it."""
    with pytest.raises(LexiconError) as info:
        diplodiff.load_lexicon(tmp_path)
    assert str(tmp_path) in str(info.value)


def test_not_utf8(tmp_path: Path) -> None:
    """A lexicon file that is not UTF-8 is a LexiconError naming it."""
    path = tmp_path / "mine.toml"
    path.write_bytes(ENTRY.replace("trust", "tr\u00fcst").encode("latin-1"))
    with pytest.raises(LexiconError) as info:
        diplodiff.load_lexicon(path)
    assert str(path) in str(info.value)


# --- matching -------------------------------------------------------------------------------------

GAP = formula("path.national", "development path suited to national conditions",
              variants=("development path ... national conditions",))


def test_gap_variant_matches_words_in_between() -> None:
    """``a ... b`` matches with a few words between the two parts."""
    text = "China follows a development path suited to its national conditions."
    assert hits(lexicon(GAP), text) == [
        ("path.national", "development path suited to its national conditions")]


def test_gap_variant_matches_with_nothing_in_between() -> None:
    """``a ... b`` also matches the two parts side by side."""
    assert hits(lexicon(GAP), "A development path national conditions demand.") == [
        ("path.national", "development path national conditions")]


def test_gap_variant_does_not_cross_a_comma() -> None:
    """``a ... b`` does not match across punctuation."""
    assert hits(lexicon(GAP), "A development path, suited to its national conditions.") == []


def test_gap_variant_has_a_limit() -> None:
    """``a ... b`` does not match when too many words stand between the parts."""
    text = "A development path that is so very well suited to its own national conditions."
    assert hits(lexicon(GAP), text) == []


def test_gap_variant_does_not_cross_sentences() -> None:
    """``a ... b`` does not match across a sentence boundary."""
    assert hits(lexicon(GAP), "It has a development path. Its national conditions differ.") == []


def test_longest_match_wins_at_the_same_start() -> None:
    """Of two formulas starting at one word, the longer one is the hit."""
    lex = lexicon(formula("short", "strategic partnership"),
                  formula("long", "strategic partnership for the new era"))
    assert hits(lex, "They built a strategic partnership for the new era.") == [
        ("long", "strategic partnership for the new era")]


def test_longer_enclosing_formula_wins() -> None:
    """A formula that encloses another (starting earlier) is the only hit."""
    lex = lexicon(formula("short", "strategic partnership"),
                  formula("long", "comprehensive strategic partnership"))
    assert hits(lex, "They have a comprehensive strategic partnership.") == [
        ("long", "comprehensive strategic partnership")]


def test_shorter_formula_still_matches_alone() -> None:
    """The shorter formula is found where the longer one is absent."""
    lex = lexicon(formula("short", "strategic partnership"),
                  formula("long", "comprehensive strategic partnership"))
    assert hits(lex, "They have a strategic partnership.") == [("short", "strategic partnership")]


def test_hits_do_not_overlap() -> None:
    """Overlapping candidates give one hit, leftmost first."""
    lex = lexicon(formula("a", "mutual trust"), formula("b", "trust and support"))
    assert hits(lex, "Both value mutual trust and support.") == [("a", "mutual trust")]


def test_match_folds_case_plural_quotes_and_spelling() -> None:
    """A wording differing in case, plural, quotes, hyphens or spelling still matches."""
    lex = lexicon(formula("n", "good-neighbourly partnership"))
    assert hits(lex, "They are \u201cGood Neighborly\u201d partners.") == [
        ("n", "Good Neighborly\u201d partners")]


def test_match_folds_number_words() -> None:
    """``golden 30 years`` matches ``golden three decades``."""
    lex = lexicon(formula("g", "golden 30 years"))
    assert hits(lex, "They opened the next golden three decades.") == [("g", "golden three decades")]


def test_match_folds_number_words_of_a_wording_full_of_numbers() -> None:
    """A wording with twenty numbers (too many to spell every way) matches them in words."""
    lex = lexicon(formula("n", " ".join(str(n) for n in range(1, 21)) + " plan"))
    words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
            "fifteen sixteen seventeen eighteen nineteen twenty plan"
    assert hits(lex, f"They adopted the {words}.") == [("n", words)]


def test_match_needs_whole_tokens() -> None:
    """A formula does not match inside a longer hyphenated word."""
    lex = lexicon(formula("p", "strategic partnership"))
    assert hits(lex, "They discussed non-strategic partnership-building.") == []


def test_hit_text_is_the_surface_form() -> None:
    """A hit's text is the statement's own wording, and its span points at it."""
    text = "Both sides hailed the  Strategic\nPartnership  again."
    statement = Statement(id="t", text=text)
    (phrase,) = diplodiff.extract_phrases(statement, lexicon=lexicon(formula("p", "strategic partnership")),
                                          options=Options(discover=False))
    assert phrase.text == "Strategic\nPartnership" == phrase.span.of(text)


# --- merging --------------------------------------------------------------------------------------

BUILTIN = lexicon(formula("trust.political", "political mutual trust", category="trust"),
                  formula("future.csf", "community with a shared future", category="csf"))


def user() -> Lexicon:
    """A user lexicon that redefines one id and adds one."""
    return diplodiff.parse_lexicon(
        formula("trust.political", "political mutual trust", category="mine",
                variants=("political trust",))
        + formula("mine.new", "green silk road", category="mine"),
        name="user.toml",
    )


def test_merged_replaces_same_ids() -> None:
    """A user formula with a builtin id replaces the builtin one."""
    merged = BUILTIN.merged(user())
    found = merged.get("trust.political")
    assert found is not None
    assert (found.category, found.variants) == ("mine", ("political trust",))


def test_merged_keeps_other_builtin_formulas() -> None:
    """Builtin formulas the user does not redefine stay, and user formulas are added."""
    merged = BUILTIN.merged(user())
    assert sorted(f.id for f in merged.formulas) == ["future.csf", "mine.new", "trust.political"]


def test_merged_records_both_names() -> None:
    """The merged lexicon names both sources, builtin first."""
    assert BUILTIN.merged(user()).names == ("inline", "user.toml")


def test_merged_matches_with_the_user_formula() -> None:
    """After merging, hits of a replaced id carry the user's category and variants."""
    merged = BUILTIN.merged(user())
    statement = Statement(id="t", text="Both sides value political trust.")
    (phrase,) = diplodiff.extract_phrases(statement, lexicon=merged, options=Options(discover=False))
    assert (phrase.formula, phrase.category) == ("trust.political", "mine")


def test_merged_leaves_the_originals_alone() -> None:
    """Merging returns a new lexicon; the builtin one is unchanged."""
    before = BUILTIN.formulas
    BUILTIN.merged(user())
    assert BUILTIN.formulas == before


def test_build_lexicon_merges_user_files(tmp_path: Path) -> None:
    """``build_lexicon(builtin=False, extra=[file])`` holds exactly that file's formulas."""
    path = tmp_path / "mine.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    lex = diplodiff.build_lexicon(builtin=False, extra=[path])
    assert ([f.id for f in lex.formulas], lex.names) == (["partnership.strategic"], (str(path),))
