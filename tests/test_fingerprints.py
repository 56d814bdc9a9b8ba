"""Fingerprints (what a baseline matches findings by) survive renamed files, moved lines and unrelated edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.fingerprints import _document_identity
from factcheck.models import Document
from factcheck.pipeline import check

A = "Acme was valued at $29 billion on Monday.\nThe company employs 1,200 people.\n"
B = "Acme has reached a $25 billion valuation.\nIts chief executive declined to comment.\n"
PASSAGE = ("Scale is also investing heavily in automated data curation technologies that use AI to improve the "
           "efficiency of data labeling itself, a meta-approach that could reshape the whole industry in years.")


def _fingerprints(folder: Path, files: dict[str, str]) -> dict[str, str]:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {f.rule: f.fingerprint for f in check([str(folder)]).findings}


def test_renamed_files_moved_lines_and_unrelated_edits_keep_fingerprints(tmp_path: Path) -> None:
    before = _fingerprints(tmp_path / "a", {"one.txt": A + PASSAGE, "two.txt": B + PASSAGE})
    after = _fingerprints(tmp_path / "b", {"uno.txt": "\n\nAn unrelated opening line.\n" + A + PASSAGE,
                                           "dos.txt": B + "\n" + PASSAGE})
    assert {"FC101", "FC302"} <= before.keys()
    assert after["FC101"] == before["FC101"]
    changed = _fingerprints(tmp_path / "c", {"one.txt": A.replace("$29", "$31") + PASSAGE, "two.txt": B + PASSAGE})
    assert changed["FC101"] != before["FC101"]


@pytest.mark.parametrize(("title", "text", "identity"), [
    ("  Acme Raises  ", "body", "acme raises"),
    (None, "\n\n   First  LINE\tof text \nsecond", "first line of text"),
    (None, "\u00a0\u2003Title\u2028more\nnext", "title more"),
    (None, "x" * 300, "x" * 120),
    (None, "", ""),
    (None, " \n \n", ""),
])
def test_document_identity_is_its_title_else_its_first_line_with_text(title: str | None, text: str,
                                                                      identity: str) -> None:
    assert _document_identity(Document(path="any.txt", title=title, text=text, line_map=[])) == identity


def test_a_claim_is_found_by_its_place_or_else_by_its_id() -> None:
    from factcheck.fingerprints import Fingerprints
    from factcheck.models import Claim, Finding, NumberValue

    def claim(cid: str, low: float) -> Claim:
        return Claim(id=cid, document="a.txt", line=1, column=1, sentence=0, subject="Acme", attribute="valuation",
                     text="$1", value=NumberValue(low=low, high=low, unit="USD"), quote="q")

    def about(*cids: str) -> Finding:
        return Finding(id="", rule="FC101", name="n", severity="error", subject="Acme", attribute="valuation",
                       message="m", claims=list(cids))

    numbered = [claim("C1", 1.0), claim("C2", 2.0), claim("G7", 3.0)]
    shuffled = [numbered[2], numbered[1], numbered[0]]  # no claim at the place its id names but C2
    one, other = Fingerprints(numbered, {}), Fingerprints(shuffled, {})
    for cids in (["C1", "C2"], ["G7"], ["C1", "G7"], ["C9"]):
        assert one(about(*cids)) == other(about(*cids))
    assert one(about("C1")) != one(about("C2")) != one(about("G7"))
    assert one(about("C9")) == one(about())  # an id no claim has adds nothing


@pytest.mark.parametrize("order", [[0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2], [2, 0, 1, 3]])
def test_claims_by_id_are_found_at_their_place_or_else_by_id(order: list[int]) -> None:
    from factcheck.models import Claim, ClaimsById, NumberValue

    made = [Claim(id=cid, document="a.txt", line=1, column=1, sentence=0, subject="Acme", attribute="valuation",
                  text="$1", value=NumberValue(low=1, high=1, unit="USD"), quote="q")
            for cid in ("C1", "C2", "G7", "x")]
    claims = [made[i] for i in order]
    by_id = ClaimsById(claims)
    for c in made:
        assert by_id.get(c.id) is c
    for missing in ("C5", "C0", "C-1", "C", "G8", ""):
        assert by_id.get(missing) is None
