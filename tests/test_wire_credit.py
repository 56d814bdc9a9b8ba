"""A story's wire credit: the forms a service is credited in, and the quick test that skips a text naming none, which
must never change what the search finds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.engine.corpus import _WIRE, WIRE_NAMES, wire_credit


def _searched(text: str) -> str | None:
    """What the pattern alone finds, every text searched."""
    m = _WIRE.search(text[:3000]) or _WIRE.search(text[-1500:])
    if m is None:
        return None
    name = next(g for g in m.groups() if g)
    return WIRE_NAMES.get(name, name)


@pytest.mark.parametrize(("text", "credit"), [
    ("LONDON (Reuters) - Acme cut 700 jobs.", "Reuters"),
    ("WASHINGTON (AP) — Acme cut 700 jobs.", "The Associated Press"),
    ("NEW DELHI (PTI) - Acme cut 700 jobs.", "PTI"),
    ("Acme cut 700 jobs.\nBy Associated Press\n", "The Associated Press"),
    ("Acme cut 700 jobs.\n\nCopyright 2025 Agence France-Presse", "AFP"),
    ("Acme cut 700 jobs. Reuters contributed to this report.", "Reuters"),
    ("Acme cut 700 jobs, AP reported, and an APPLE shop shut.", None),
    ("The CAPEX of PTIs and ANIMALS (as the UPIs say).", None),
    ("", None),
])
def test_credits(text: str, credit: str | None) -> None:
    assert wire_credit(text) == credit


PIECES = st.lists(st.sampled_from(["Acme", " cut", " jobs", ".", " ", "\n", "(", ")", " - ", " — ", "By ", "Reuters",
                                   "AP", "AFP", "PTI", "ANI", "IANS", "UPI", "dpa", "Xinhua", "Bloomberg",
                                   "Associated Press", "The ", "Agence France-Presse", "Copyright 2024 ", "© 2023 ",
                                   " contributed to this report", "word " * 200]), max_size=80)


@given(PIECES)
def test_the_quick_test_never_changes_what_is_found(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert wire_credit(text) == _searched(text)


@given(st.text(max_size=5000))
def test_any_text(text: str) -> None:
    assert wire_credit(text) == _searched(text)
