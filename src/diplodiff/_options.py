"""Every tunable of the pipeline in one frozen, validated, keyword-only class."""

from __future__ import annotations

from attrs import asdict, field, frozen, validators


@frozen(kw_only=True)
class Options:
    """Settings for every stage; recorded on each result.

    Attributes:
        lexicon: Match the lexicon's formulas (``False`` = discovery only).
        discover: Find recurring phrases that the lexicon does not name.
        min_phrase_tokens: Shortest discovered phrase, in words.
        max_phrase_tokens: Longest discovered phrase, in words.
        match_threshold: Minimum similarity (0-100) for two discovered
            phrases to be read as one phrase reworded.
        max_bytes: Largest statement accepted, in bytes of UTF-8.
    """

    lexicon: bool = True
    discover: bool = True
    min_phrase_tokens: int = field(default=2, validator=validators.ge(1))
    max_phrase_tokens: int = field(default=8, validator=validators.ge(1))
    match_threshold: float = field(
        default=85.0, validator=[validators.ge(0.0), validators.le(100.0)]
    )
    max_bytes: int = field(default=2_000_000, validator=validators.ge(1))

    def to_dict(self) -> dict[str, object]:
        """Return the options as a JSON-ready dict."""
        return asdict(self)


DEFAULT_OPTIONS = Options()
