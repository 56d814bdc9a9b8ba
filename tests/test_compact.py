"""`compact`: claims that share their records of set fields read, compare, dump and copy as before."""

from __future__ import annotations

import copy

from conftest import SEEDS

from factcheck.claims.builder import extract
from factcheck.documents import load_documents
from factcheck.models import compact
from factcheck.vocabulary import load_vocabulary


def _claims() -> list:
    docs = load_documents([str(SEEDS)], 10**7)
    vocab = load_vocabulary()
    return [c for d in docs for part in extract(d, vocab) for c in part]


def test_compacted_claims_are_the_same_claims() -> None:
    plain = _claims()
    before = [c.model_dump_json() for c in plain]
    kept = copy.deepcopy(plain)
    compacted = compact(plain)
    assert compacted == kept
    assert [c.model_dump_json() for c in compacted] == before
    records = {id(c.__pydantic_fields_set__) for c in compacted}
    assert len(records) < len(compacted) / 10, "the records are not shared"


def test_a_copy_of_a_compacted_claim_has_its_own_record() -> None:
    claims = compact(_claims())
    a, b = claims[0], next(c for c in claims[1:] if c.__pydantic_fields_set__ is claims[0].__pydantic_fields_set__)
    shared = set(b.__pydantic_fields_set__)
    moved = a.model_copy(update={"document": "elsewhere.txt", "line": 99})
    assert moved.document == "elsewhere.txt" and a.document != "elsewhere.txt"
    assert moved.__pydantic_fields_set__ is not a.__pydantic_fields_set__
    assert b.__pydantic_fields_set__ == shared
