"""One story told by many sources: findings stay about a few sources each, and say what all the pairs say."""

from __future__ import annotations

import pytest
from conftest import make_docs, run_docs


def test_an_implied_headcount_is_compared_with_its_own_and_the_next_fifty_documents() -> None:
    docs = [{"path": f"d{i:02d}.txt", "text": f"Acme will lay off {100 + i} employees, or 10% of its workforce. "
                                              f"Acme employs {5000 + 100 * i} people."} for i in range(60)]
    report = run_docs(docs, only=["FC202"])
    by_id = {c.id: c for c in report.claims}
    assert len(report.findings) == 60  # each document's own figures disagree
    for f in report.findings:
        cited = {by_id[c].document for c in f.claims}
        assert len(cited) == 51, (f.message, cited)  # its own and the 50 after it (from the first after the last)


def test_a_role_conflict_still_says_dates_are_unknown_when_only_the_last_pair_is_undated() -> None:
    dated = [{"path": f"a{i}.txt", "published": "2025-03-01", "text": "Acme CEO Jane Roe said sales rose."}
             for i in range(5)]
    other = [{"path": "b1.txt", "published": "2025-03-01", "text": "Acme CEO John Doe said sales rose."},
             {"path": "b2.txt", "text": "Acme CEO John Doe said sales rose."}]
    report = run_docs(dated + other, only=["FC102"])
    assert len(report.findings) == 1
    assert "dates are unknown" in report.findings[0].message
    report = run_docs(dated + other[:1], only=["FC102"])
    assert "dates are unknown" not in report.findings[0].message


def test_parts_are_summed_against_the_totals_of_their_own_and_the_next_fifty_documents() -> None:
    docs = [{"path": f"d{i:02d}.txt", "text": f"Acme will cut {200 + i} full-time employees and 500 contractors. "
                                              f"Acme announced {1000 + i} job cuts."} for i in range(60)]
    report = run_docs(docs, only=["FC203"])
    by_id = {c.id: c for c in report.claims}
    assert len(report.findings) == 60  # each document's parts disagree with every total
    for f in report.findings:
        cited = {by_id[c].document for c in f.claims}
        assert len(cited) == 51, (f.message, cited)  # its own and the 50 after it (from the first after the last)
    first = next(f for f in report.findings if "d00.txt" in f.documents and "d00.txt:1 add up" in f.message)
    assert "d50.txt" in first.documents and "d51.txt" not in first.documents
    last = next(f for f in report.findings if "d59.txt:1 add up" in f.message)
    assert "d49.txt" in last.documents and "d50.txt" not in last.documents  # from the first again after the last


_BOILERPLATE = ("Readers can sign up for the weekly newsletter to get the latest business news, analysis and market "
                "data delivered to their inbox every Monday morning before the markets open for trading.")


def _story(i: int) -> str:
    return f"Story {i} is about something else entirely, number {i} of many. {_BOILERPLATE}"


def test_a_passage_in_more_than_fifty_documents_is_boilerplate_not_a_copy() -> None:
    fifty = run_docs([{"path": f"d{i:02d}.txt", "text": _story(i)} for i in range(50)], only=["FC302"])
    assert fifty.findings  # fifty documents sharing the passage: each is paired with a few of the others
    assert all(len(f.documents) >= 2 for f in fifty.findings)
    assert len(fifty.findings) == len({f.details["copy"] for f in fifty.findings})  # one finding for each copy
    assert len({d for f in fifty.findings for d in f.documents}) == 50
    fiftyone = run_docs([{"path": f"d{i:02d}.txt", "text": _story(i)} for i in range(51)], only=["FC302"])
    assert not fiftyone.findings  # one more, and it is boilerplate (a newsletter footer), not a copied passage


def test_shingles_that_stand_once_are_left_out_of_the_index_without_changing_a_passage(monkeypatch) -> None:
    from factcheck.engine import passages

    docs = make_docs([{"path": f"d{i:02d}.txt", "published": f"2025-01-{1 + i % 28:02d}", "text": _story(i)}
                      for i in range(60)] + [{"path": f"e{i}.txt", "text": f"Unrelated text number {i} " * 9}
                                             for i in range(20)])
    every = passages.find_shared_passages(docs[:50] + docs[60:])
    monkeypatch.setattr(passages, "FILTER_ABOVE", 0)
    assert every and passages.find_shared_passages(docs[:50] + docs[60:]) == every
    assert passages.find_shared_passages(docs) == []  # the boilerplate of 60 documents


def test_each_source_of_a_repeated_passage_is_quoted_in_its_own_words() -> None:
    lead = "Acme said on Monday that it would close offices in Europe and Asia as demand slowed, cutting {} jobs."
    tail = "The company expects the cuts to save money next year, its chief financial officer told analysts on a call."
    opening = "Its chief financial officer told analysts on a call that demand was weak."  # shares a phrase with tail
    docs = [{"path": "wire.txt", "published": "2025-01-01", "text": f"{opening} {lead.format(700)} {tail}"},
            {"path": "copy.txt", "published": "2025-01-02", "text": f"{lead.format(900)} {tail}"}]
    report = run_docs(docs, only=["FC302"])
    (found,) = report.findings
    quotes = {loc.document: loc.quote for loc in found.locations}
    assert "900 jobs" in quotes["copy.txt"] and "900" not in quotes["wire.txt"]
    # the original's matching sentences, not another that shares a phrase with one of them
    assert quotes["wire.txt"].startswith("Acme said on Monday that it would close offices")


def test_the_table_shows_a_reprinted_passage_once_with_every_place_it_stands() -> None:
    from factcheck.report import render

    text = ("Acme said on Monday that it would cut 700 jobs across its offices in Europe and Asia as demand for its "
            "products slowed sharply this year.")
    report = run_docs([{"path": f"d{i}.txt", "published": f"2025-01-0{i}", "text": text} for i in (1, 2, 3)],
                      only=["FC302"])
    blocks = render(report, "table").split("\ninfo ")[1:]  # one block of lines per finding
    (grouped,) = [b for b in blocks if "and 1 other" in b]
    assert grouped.count("Acme said on Monday") == 1
    assert all(f"d{i}.txt:1" in grouped for i in (1, 2, 3))


def test_a_value_many_sources_write_names_a_few_and_counts_the_rest() -> None:
    docs = [{"path": f"d{i:02d}.txt", "text": f"Acme is valued at ${20 if i < 10 else 30} billion, investors said. "
                                              f"Story {i} goes on about something else, number {i}."}
            for i in range(12)]
    report = run_docs(docs, only=["FC101"])
    (found,) = report.findings
    assert "d00.txt:1; d01.txt:1; d02.txt:1; d03.txt:1; d04.txt:1; d05.txt:1; 4 more documents" in found.message
    assert "d10.txt:1; d11.txt:1 [" in found.message  # two places: both named
    assert len(found.locations) == 12  # every place is still in the finding
    (found,) = run_docs(docs[3:], only=["FC101"]).findings
    assert "d08.txt:1; 1 more document [" in found.message


def test_a_figure_written_many_ways_names_the_values_most_sources_write_and_counts_the_rest() -> None:
    # Nine values two billion apart (odd, so that no two round into each other): $21 billion in three sources,
    # $23 billion in two, then seven values in one source each.
    values = [21, 21, 21, 23, 23, 25, 27, 29, 31, 33, 35, 37]
    docs = [{"path": f"d{i:02d}.txt", "text": f"Acme is valued at ${v} billion, investors said."}
            for i, v in enumerate(values)]
    (found,) = run_docs(docs, only=["FC101"]).findings
    named = [f'"${v} billion"' for v in (21, 23, 25, 27, 29, 31)]
    assert all(v in found.message for v in named)
    assert [found.message.index(v) for v in named] == sorted(found.message.index(v) for v in named)  # value order
    assert '"$33 billion"' not in found.message and "vs 3 more values." in found.message
    assert len(found.claims) == 12 and len(found.details["values"]) == 9  # type: ignore[arg-type]
    # the values most sources write are named, wherever they stand in value order
    docs += [{"path": f"e{i}.txt", "text": "Acme is valued at $37 billion, investors said."} for i in range(3)]
    (found,) = run_docs(docs, only=["FC101"]).findings
    assert '"$37 billion"' in found.message and '"$31 billion"' not in found.message


def test_a_passage_many_sources_repeat_names_a_few_of_them_and_counts_the_rest() -> None:
    text = ("Acme said on Monday that it would cut 700 jobs across its offices in Europe and Asia as demand for its "
            "products slowed sharply this year.")
    docs = [{"path": f"d{i:02d}.txt", "published": f"2025-01-{i + 1:02d}", "text": text} for i in range(10)]
    report = run_docs(docs, only=["FC302"])
    (found,) = [f for f in report.findings if f.details["copy"] == "d08.txt"]
    assert "(also in 7 other documents: d01.txt, d02.txt, d03.txt, d04.txt, d05.txt, d06.txt, 1 more document)" \
        in found.message, found.message
    assert len(found.locations) == 9  # every place is still in the finding


def test_a_place_a_reprinted_passage_stands_in_is_one_object_across_findings() -> None:
    text = ("Acme said on Monday that it would cut 700 jobs across its offices in Europe and Asia as demand for its "
            "products slowed sharply this year.")
    docs = [{"path": f"d{i:02d}.txt", "published": f"2025-01-{i + 1:02d}", "text": text} for i in range(6)]
    report = run_docs(docs, only=["FC302"])
    assert len(report.findings) >= 5
    objects: dict[tuple[str, int, str], set[int]] = {}
    for f in report.findings:
        for loc in f.locations:
            objects.setdefault((loc.document, loc.line, loc.quote), set()).add(id(loc))
    assert sum(len(f.locations) for f in report.findings) > 2 * len(objects)  # places cited by several findings
    assert all(len(ids) == 1 for ids in objects.values()), "a place cited twice is held twice"


def _aligned_index(n: int, max_postings: int, extra: list[str] | None = None) -> object:
    from conftest import make_docs

    from factcheck.engine.checks import aligned
    from factcheck.pipeline import extract_documents

    docs = make_docs([f"Acme expects adjusted EBITDA of ${400 + i} million, it said." for i in range(n)]
                     + (extra or []))
    figures = [f for _, _, found in extract_documents(docs) for f in found]
    return aligned.prepare(aligned.Options(max_postings=max_postings), figures, {d.path: d for d in docs},
                           frozenset())


def test_a_word_next_to_more_figures_than_max_postings_is_not_aligned_by() -> None:
    for n, kept in ((10, True), (11, False)):
        ix = _aligned_index(n, 10)
        posted = [v for k, v in ix.postings.items() if k[1] == "ebitda"]  # type: ignore[attr-defined]
        assert bool(posted) is kept, n
        if kept:
            assert len({f.figure.document for f in posted[0]}) == len(posted[0]) == n  # each document once


@pytest.mark.parametrize("keep_around", [100_000, 0])  # the words next to figures read once, or twice
def test_only_documents_with_a_figure_next_to_a_word_rare_enough_to_align_by_are_indexed(
        monkeypatch: pytest.MonkeyPatch, keep_around: int) -> None:
    from factcheck.engine.checks import aligned

    monkeypatch.setattr(aligned, "KEEP_AROUND", keep_around)
    # (figures of no measure their words name: "tonnes of copper ore" would be one, which FC105 compares)
    edited = ["The mine produced 5,200 tonnes in the quarter from copper ore, the company said.",
              "In the quarter the mine produced 5,900 tonnes from copper ore."]
    ix = _aligned_index(11, 10, edited)
    assert set(ix.figures) == {"doc12.txt", "doc13.txt"}  # type: ignore[attr-defined]
    assert {f.figure.document for f in ix.all.values()} == set(ix.figures)  # type: ignore[attr-defined]
    read = [(list(f.before), list(f.after)) for f in ix.all.values()]  # type: ignore[attr-defined]
    assert read == [aligned._around(f.figure, 6)[1:] for f in ix.all.values()] and any(b for b, _ in read)  # type: ignore[attr-defined]
    # the eleven documents whose one word is too common are left out, and the findings are the same without them
    from conftest import make_docs

    from factcheck.engine.rules import load_rules
    from factcheck.pipeline import check_documents

    rule = next(r for r in load_rules() if r.id == "FC106")
    rule = rule.model_copy(update={"options": {**rule.options, "max_postings": 10}})
    ebitda = [f"Acme expects adjusted EBITDA of ${400 + i} million, it said." for i in range(11)]
    alone = check_documents(make_docs(edited), [rule]).findings
    together = check_documents(make_docs(ebitda + edited), [rule]).findings
    assert alone and [f.message.replace("doc12", "doc1").replace("doc13", "doc2") for f in together] == \
        [f.message for f in alone]


def test_a_story_whose_every_word_is_too_common_gives_no_aligned_figure_finding() -> None:
    edited = ["For the full year the company now expects adjusted EBITDA of $455 million to $475 million, it said.",
              "The company guided for adjusted EBITDA of $455 million to $495 million for the year."]
    assert run_docs(edited + edited[:1] * 60, only=["FC106"]).findings
    assert not run_docs(edited + edited[:1] * 160, only=["FC106"]).findings
