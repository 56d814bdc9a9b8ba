"""`compact`: claims that share their records of set fields read, compare, dump and copy as before."""

from __future__ import annotations

import copy
import pickle
import sys
from pathlib import Path

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.builder import extract
from factcheck.documents import load_documents
from factcheck.models import (
    Claim,
    DateValue,
    FigureDate,
    FigureNumber,
    NumberValue,
    compact,
    compact_figures,
    share_keys,
    share_texts,
)
from factcheck.vocabulary import load_vocabulary


def _claims() -> list:
    docs = load_documents([str(SEEDS)], 10**7)
    vocab = load_vocabulary()
    return [c for d in docs for c in extract(d, vocab)[0]]


def _figures() -> list:
    docs = load_documents([str(SEEDS)], 10**7)
    vocab = load_vocabulary()
    return [f for d in docs for f in extract(d, vocab)[1]]


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


def test_claims_with_equal_qualifiers_share_them_and_a_replacement_stays_its_own() -> None:
    claims = compact(_claims())
    by_value: dict[str, set[int]] = {}
    for c in claims:
        by_value.setdefault(c.qualifiers.model_dump_json(), set()).add(id(c.qualifiers))
    assert all(len(ids) == 1 for ids in by_value.values()), "equal qualifiers are not shared"
    assert len(by_value) < len(claims)
    a = next(c for c in claims if any(o is not c and o.qualifiers is c.qualifiers for o in claims))
    others = [o for o in claims if o is not a and o.qualifiers is a.qualifiers]
    dumped = [o.model_dump_json() for o in others]
    a.qualifiers = a.qualifiers.model_copy(update={"copied_from": "elsewhere.txt"})
    assert a.qualifiers.copied_from == "elsewhere.txt"
    assert [o.model_dump_json() for o in others] == dumped


def test_findings_share_their_records_of_set_fields_and_a_copy_has_its_own() -> None:
    from factcheck.pipeline import check

    findings = check([str(SEEDS)]).findings
    models = [m for f in findings for m in (f, *f.locations)]
    records = {id(m.__pydantic_fields_set__) for m in models}
    assert len(records) < len(models) / 3, "the records are not shared"  # (a rule's copy of a finding has its own)
    assert all("fingerprint" in f.__pydantic_fields_set__ and f.fingerprint for f in findings)
    known = findings[0].model_copy(update={"status": "known"})
    assert known.__pydantic_fields_set__ is not findings[0].__pydantic_fields_set__
    assert findings[1].status is None and "status" not in findings[1].__pydantic_fields_set__


def test_compacted_figures_are_the_same_figures_and_equal_dates_are_one_object() -> None:
    plain = _figures()
    kept = copy.deepcopy(plain)
    compacted = compact_figures(plain)
    assert compacted == kept
    dates: dict[str, set[int]] = {}
    for f in compacted:
        if f.as_of is not None:
            dates.setdefault(f.as_of.model_dump_json(), set()).add(id(f.as_of))
    assert dates and all(len(ids) == 1 for ids in dates.values()), "equal dates are not shared"


def test_a_figure_as_a_claim_keeps_its_place_value_and_the_claim_it_became() -> None:
    figures = _figures()
    related = next(f for f in figures if f.relates)
    claim = related.claim()
    assert isinstance(claim, Claim)
    assert (claim.id, claim.document, claim.line, claim.column, claim.text, claim.quote) == (
        related.id, related.document, related.line, related.column, related.text, related.quote)
    assert claim.value == related.value.model() and claim.qualifiers.relates == [related.relates]
    assert claim.qualifiers.as_of == related.as_of and claim.qualifiers.as_of_source == related.as_of_source
    alone = next(f for f in figures if not f.relates)
    assert alone.claim().qualifiers.relates == [] and alone.claim().attribute == "(figure)"


def test_a_figures_value_is_the_claims_value_as_a_tuple_and_back() -> None:
    values = [c.value for c in _claims() if isinstance(c.value, (NumberValue, DateValue))]
    dates = [v for v in values if isinstance(v, DateValue) and v.anchored]
    numbers = [v for v in values if isinstance(v, NumberValue)]
    assert dates and numbers
    assert all(FigureDate.of(v).model() == v for v in dates)
    assert all(FigureNumber.of(v).model() == v for v in numbers)


def test_findings_that_cite_one_claim_share_its_location() -> None:
    from factcheck.pipeline import check

    findings = check([str(SEEDS)]).findings
    cited: dict[tuple, set[int]] = {}
    for f in findings:
        for loc in f.locations:
            cited.setdefault((loc.document, loc.line, loc.column, loc.quote), set()).add(id(loc))
    assert sum(len(f.locations) for f in findings) > len(cited), "no place is cited twice: nothing to share"
    assert all(len(ids) == 1 for ids in cited.values()), "a place cited twice is held twice"


def test_shared_texts_are_one_object_each_and_change_no_value() -> None:
    # Copies as a cache read gives them: equal strings, none the same object.
    claims = [Claim.model_validate_json(c.model_dump_json()) for c in _claims() * 2]
    figures = [f._replace(quote="".join(f.quote), text="".join(f.text), subject="".join(f.subject),
                          attribute="".join(f.attribute)) for f in _figures() * 2]
    before = [c.model_dump_json() for c in claims], copy.deepcopy(figures)
    pool: dict[str, str] = {}
    shared = share_texts(claims, figures, pool)
    assert ([c.model_dump_json() for c in claims], shared) == before
    for field in ("quote", "text", "subject", "attribute"):
        objects: dict[str, set[int]] = {}
        for x in [*claims, *shared]:
            objects.setdefault(getattr(x, field), set()).add(id(getattr(x, field)))
        assert all(len(ids) == 1 for ids in objects.values()), f"equal {field}s are not one object"
    assert share_texts([], shared, pool) == shared and all(
        a is b for a, b in zip(share_texts([], shared, pool), shared, strict=True)), "unchanged figures are remade"


def test_rows_held_flat_give_back_each_sentence_and_survive_the_cache_and_pickle() -> None:
    import pickle
    from array import array

    from factcheck.engine.passages import Rows

    listed = [(3, 0, 0, 40, array("I", [7, 9, 11]), 9), (4, 1, 41, 60, array("I", []), 4),
              (6, 2, 62, 99, array("I", [5]), 12)]
    rows = Rows.of(listed)
    assert len(rows) == 3
    for i, (line, index, start, end, hashes, words) in enumerate(listed):
        assert rows.info(i) == (line, index, start, end, words)
        assert rows.hashes(i) == hashes
    for back in (Rows.from_json(rows.to_json()), pickle.loads(pickle.dumps(rows))):
        assert [(back.info(i), back.hashes(i)) for i in range(3)] == [(rows.info(i), rows.hashes(i)) for i in range(3)]
    docs = load_documents([str(SEEDS)], 10**7)
    from factcheck.engine.passages import document_rows

    real = document_rows(docs[0])
    assert len(real) > 5 and sum(len(real.hashes(i)) for i in range(len(real))) == len(real.shingles)


def test_a_corpus_holds_equal_values_dates_and_qualifiers_once_and_a_signed_zero_apart() -> None:
    from factcheck.models import pool_models

    pool: dict = {}
    # two reads of the same documents (as a cache read gives them: equal models, none the same object)
    first, second = _claims(), [Claim.model_validate_json(c.model_dump_json()) for c in _claims()]
    before = [c.model_dump_json() for c in [*first, *second]]
    claims = pool_models(first, pool) + pool_models(second, pool)
    assert [c.model_dump_json() for c in claims] == before
    for a, b in zip(claims[: len(first)], claims[len(first) :], strict=True):
        assert a.value is b.value and a.qualifiers is b.qualifiers
    zero = next(c for c in first if isinstance(c.value, NumberValue))
    signed = [zero.model_copy(update={"value": zero.value.model_copy(update={"low": x, "high": x, "value": x})})
              for x in (0.0, -0.0, 0.0)]
    pooled = pool_models(signed, pool)
    assert pooled[0].value is pooled[2].value and pooled[0].value is not pooled[1].value
    assert [c.value.low for c in pooled] == [0.0, -0.0, 0.0] and str(pooled[1].value.low) == "-0.0"
    figures = _figures()
    again = compact_figures([f._replace(value=type(f.value)(*f.value)) for f in figures], pool)
    assert again == figures and all(
        a.value is b.value for a, b in zip(compact_figures(figures, pool), again, strict=True))


def test_claims_copied_from_one_document_with_equal_qualifiers_share_one_copy() -> None:
    from factcheck.engine.passages import SharedPassage
    from factcheck.pipeline import mark_copies

    claims = compact(_claims())
    doc = claims[0].document
    sentences = sorted({c.sentence for c in claims if c.document == doc})
    passage = SharedPassage(original="elsewhere.txt", copy=doc, original_lines=(1, 1), copy_lines=(1, 1),
                            copy_sentences=tuple(sentences), words=10, excerpt="", direction_known=True)
    groups: dict[int, list[Claim]] = {}
    for c in claims:
        if c.document == doc:
            groups.setdefault(id(c.qualifiers), []).append(c)
    marked = mark_copies(claims, [passage])
    assert all(c.qualifiers.copied_from == "elsewhere.txt" for c in marked if c.document == doc)
    assert any(len(g) > 1 for g in groups.values())
    for g in groups.values():
        assert len({id(c.qualifiers) for c in g}) == 1
    assert all(c.qualifiers.copied_from is None for c in marked if c.document != doc)


def test_claims_that_share_their_keys_read_dump_copy_and_change_as_before() -> None:
    plain = _claims()
    before = [c.model_dump_json() for c in plain]
    kept = copy.deepcopy(plain)
    share_keys(plain)
    assert [c.model_dump_json() for c in plain] == before
    assert plain == kept
    c = plain[0]
    c.id, c.subject = "C99", "Acme"  # what numbering does
    c.qualifiers = c.qualifiers.model_copy(update={"copied_from": "x.txt"})  # what marking copies does
    assert (c.id, c.subject, c.qualifiers.copied_from) == ("C99", "Acme", "x.txt")
    assert kept[0].id != "C99"
    for again in (c.model_copy(), pickle.loads(pickle.dumps(c)), copy.deepcopy(c)):
        assert again == c and again.model_dump_json() == c.model_dump_json()
    if sys.implementation.name == "cpython":  # where dicts share their keys
        assert sys.getsizeof(plain[1].__dict__) < sys.getsizeof(kept[1].__dict__) / 2


def test_a_run_that_compresses_its_documents_texts_reports_the_same_and_reads_them_back() -> None:
    from factcheck.engine.rules import load_rules
    from factcheck.pipeline import check_documents

    rules = load_rules()
    plain = load_documents([str(SEEDS)], 10**7)
    packed = load_documents([str(SEEDS)], 10**7)
    texts = [d.text for d in packed]
    assert check_documents(packed, rules, compress_texts=True) == check_documents(plain, rules)
    assert [d.text for d in packed] == [""] * len(texts) and [d.text for d in plain] == texts
    assert [d.read_text() for d in packed] == texts == [d.read_text() for d in plain]


@settings(max_examples=200, deadline=None)
@given(st.text() | st.sampled_from(["caf\u00e9 \u20ac \U0001f600 \ud800 lone surrogate", "x" * 100_000]))
def test_a_compressed_text_reads_back_whatever_it_holds(text: str) -> None:
    from factcheck.models import Document

    d = Document(path="a.txt", text=text)
    d.compress()
    d.compress()  # twice is once
    assert (d.text, d.read_text()) == ("", text)
    assert "compressed" not in d.model_dump()


def test_documents_loaded_compressed_are_read_once_whole_and_report_the_same() -> None:
    from factcheck.claims.builder import extract
    from factcheck.engine.rules import load_rules
    from factcheck.pipeline import check_documents

    rules = load_rules()
    plain = load_documents([str(SEEDS)], 10**7)
    packed = load_documents([str(SEEDS)], 10**7, compress=True)
    assert all(d.text == "" and d.on_disk and not d.compressed for d in packed)  # text files: read again
    assert [d.read_text() for d in packed] == [d.text for d in plain]
    assert [d.plain() for d in packed] == plain and plain[0].plain() is plain[0]
    assert extract(packed[0].plain()) == extract(plain[0])
    assert all(f.id == "" for d in plain for f in extract(d)[1])  # no id until a finding cites it
    assert check_documents(packed, rules, compress_texts=True) == check_documents(plain, rules)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.integers(0, 2**32 - 1) | st.integers(0, 40), max_size=30), max_size=20))
def test_every_shingle_that_stands_twice_is_found_by_the_one_bit_table(docs: list[list[int]]) -> None:
    from array import array
    from collections import Counter

    from factcheck.engine.passages import Rows, _repeated

    rows = [Rows(array("I", [1, 0, 0, 1, 1]), array("I", sorted(d)), array("I", [len(d)])) for d in docs]
    found = _repeated(rows, sum(map(len, docs)))
    assert {h for h, n in Counter(h for d in docs for h in d).items() if n > 1} <= found
    assert found <= {h for d in docs for h in d}


def test_figures_made_claims_are_the_same_claims_sharing_equal_values_and_qualifiers() -> None:
    from factcheck.claims.builder import extract
    from factcheck.pipeline import figure_claims

    figures = [f for d in load_documents([str(SEEDS)], 10**7) for f in extract(d)[1]]
    made = figure_claims(figures, chunk=3)  # the pool spans the chunks
    assert made == [g.claim() for g in figures]
    for part in ("qualifiers", "value"):  # equal ones are one object
        objects = {id(getattr(c, part)) for c in made}
        assert len(objects) == len({getattr(c, part).model_dump_json() for c in made}) < len(made)


@settings(max_examples=100, deadline=None)
@given(front=st.sampled_from(["", "---\npublished: 2025-06-20\n---\n", "---\ntitle: A\n\n---\n"]),
       body=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1))
def test_a_released_text_file_reads_back_its_body(front: str, body: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt"
        path.write_bytes((front + body).encode("utf-8"))
        if not (front + body).strip():
            return  # an empty file is refused, as it should be
        (whole,) = load_documents([str(path)], 10**7)
        (held,) = load_documents([str(path)], 10**7, compress=True)
        assert (held.text, held.compressed) == ("", None)
        assert held.read_text() == whole.text and held.plain() == whole
        assert "on_disk" not in held.model_dump()


def test_a_text_file_changed_during_a_run_is_an_input_error_naming_it(tmp_path: Path) -> None:
    from factcheck.engine.rules import load_rules
    from factcheck.errors import InputError
    from factcheck.pipeline import check_documents

    for i in range(70):  # enough documents for the work to be shared with forked processes
        (tmp_path / f"d{i:02d}.txt").write_text(f"Acme was valued at ${i} billion.\n", encoding="utf-8")
    for jobs in (1, 2):
        docs = load_documents([str(tmp_path)], 10**7, compress=True)
        changed = tmp_path / "d42.txt"
        changed.write_text(f"Acme was valued at ${jobs + 90} billion.\n", encoding="utf-8")  # the same length
        with pytest.raises(InputError) as raised:
            check_documents(docs, load_rules(), jobs=jobs)
        assert raised.value.path == changed.as_posix() and "changed" in str(raised.value)
        assert str(pickle.loads(pickle.dumps(raised.value))) == str(raised.value)  # as a worker sends it
        changed.unlink()
        with pytest.raises(InputError, match="cannot read"):
            docs[42].model_copy().read_text()
        changed.write_text("Acme was valued at $42 billion.\n", encoding="utf-8")


def test_findings_packed_to_be_sent_come_back_the_same_naming_the_corpus_own_claim_ids_and_paths() -> None:
    from factcheck.engine.corpus import Corpus, pack_findings, unpack_findings
    from factcheck.engine.rules import load_rules
    from factcheck.pipeline import check_documents

    docs = load_documents([str(SEEDS)])
    report = check_documents(docs, load_rules())
    assert any(len(f.locations) > 1 for f in report.findings)
    corpus = Corpus(docs, report.claims, load_vocabulary())
    back = unpack_findings(pickle.loads(pickle.dumps(pack_findings(report.findings))), corpus)
    assert [f.model_dump() for f in back] == [f.model_dump() for f in report.findings]
    assert [f.model_fields_set for f in back] == [f.model_fields_set for f in report.findings]
    by_id = {c.id: c for c in report.claims}
    paths = {d.path: d for d in docs}
    for f in back:
        assert all(cid is by_id[cid].id for cid in f.claims)  # the corpus's strings, not copies
        assert all(p is paths[p].path for p in f.documents)
    # a place two findings cite is one object when they come back, as it was when they were made
    made = {id(loc) for f in report.findings for loc in f.locations}
    came = {id(loc) for f in back for loc in f.locations}
    assert len(came) == len(made)
