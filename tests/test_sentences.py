"""Sentence splitting: offsets that point at the text, sentences in order, none longer than the bound."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.text.sentences import MAX_SENTENCE, split_sentences

PIECES = st.lists(st.sampled_from(["Acme", " cut", " 5%", " of", " jobs", ".", " ", "\n", "Mr.", " U.S.", "?", "!",
                                   " (", ")", "\"", " $2", " million", "word" * 30]), max_size=120)


def _check(text: str) -> None:
    sentences = split_sentences(text)
    lines = text.split("\n")
    for s in sentences:
        assert s.text == text[s.start : s.end] == s.text.strip() != ""
        assert len(s.text) <= MAX_SENTENCE
        assert lines[s.line - 1][s.column - 1 :].startswith(s.text)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
    assert [s.index for s in sentences] == list(range(len(sentences)))


@given(PIECES, st.integers(1, 40))
def test_sentences_point_at_their_text_in_order_and_bounded(pieces: list[str], repeat: int) -> None:
    _check("".join(pieces) * repeat)


@given(st.text(max_size=3000))
def test_any_text_splits(text: str) -> None:
    _check(text)


def test_a_run_without_stops_is_cut_at_spaces_and_keeps_every_word() -> None:
    text = " ".join(f"word{i} rose 5%" for i in range(2000))  # 28,000 characters on one line, no sentence end
    sentences = split_sentences(text)
    assert len(sentences) > 10
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert " ".join(s.text for s in sentences) == text


def test_ordinary_sentences_are_not_cut() -> None:
    text = "Acme, which " + "grew and " * 150 + "hired 700 people, said so. It did."
    assert [s.text[-8:] for s in split_sentences(text)] == ["said so.", "It did."]


@given(st.text(alphabet=".!?\"') \nAaZ1$é", max_size=60))
def test_a_boundary_starts_at_the_first_stop_of_a_run_as_without_the_guard(text: str) -> None:
    """The boundary pattern looks behind so that a long run of stops is not re-read from each of its stops; it must
    find what the pattern without that look-behind finds."""
    import re

    from factcheck.text.sentences import _BOUNDARY

    bare = re.compile(_BOUNDARY.pattern.replace("(?<![.!?])", "", 1))
    assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in bare.finditer(text)]


def test_a_sentence_may_open_with_a_name_whose_capital_comes_second() -> None:
    text = "Overall sales rose 6% year over year. iPhone revenue was $46.22 billion. eBay said so. It is e.g. iPhone."
    assert [s.text for s in split_sentences(text)] == [
        "Overall sales rose 6% year over year.", "iPhone revenue was $46.22 billion.", "eBay said so.",
        "It is e.g. iPhone."]
