"""A sentence's tokens are plain columns until read, and read as the tuple of tokens."""

from __future__ import annotations

import pickle

import diplodiff
from diplodiff import Sentence, Span, Statement, Token
from diplodiff._models import Tokens

TEXT = "Wang Yi said: “Kazakhstan’s co-operation grows.” Both sides agreed."


def _sentences() -> tuple[Sentence, ...]:
    return diplodiff.tokenize(Statement(id="t", text=TEXT))


def test_tokens_equal_the_tuple_of_tokens() -> None:
    """The lazy tokens equal, hash and print like the tuple of the same ``Token`` objects."""
    sentence = _sentences()[0]
    built = tuple(sentence.tokens)
    assert sentence.tokens == built
    assert built == sentence.tokens
    assert hash(sentence.tokens) == hash(built)
    assert repr(sentence.tokens) == repr(built)
    assert sentence == Sentence(sentence.index, sentence.span, built)


def test_token_spans_cover_their_text() -> None:
    """Each token's span is where its text stands, curly quotes kept."""
    for sentence in _sentences():
        for token in sentence.tokens:
            assert TEXT[token.span.start : token.span.end] == token.text
    assert "Kazakhstan" in [t.text for t in _sentences()[0].tokens]


def test_tokens_from_token_objects_keep_their_spans() -> None:
    """Columns made from user-built tokens keep each token's own start."""
    odd = (Token("ab", Span(3, 10), ("ab",)),)
    rows = Tokens.of(odd)
    assert list(rows.starts()) == [3]
    assert rows == odd


def test_sentences_pickle_to_the_same_value() -> None:
    """A pickled sentence comes back equal (its tokens as a tuple)."""
    sentence = _sentences()[1]
    assert pickle.loads(pickle.dumps(sentence)) == sentence


def test_slicing_gives_a_tuple() -> None:
    """A slice of the tokens is a tuple of tokens, as with a tuple."""
    sentence = _sentences()[1]
    assert sentence.tokens[:2] == tuple(sentence.tokens)[:2]
    assert isinstance(sentence.tokens[:2], tuple)
