"""The pipeline as a Python API: load documents, extract claims, run rules, build the report."""

from __future__ import annotations

from .claims.builder import extract_claims
from .claims.entities import corpus_names
from .documents import load_documents
from .documents.loaders import MAX_BYTES
from .engine.checks import run_rule, validate_options
from .engine.corpus import Corpus
from .engine.passages import SharedPassage, find_shared_passages
from .engine.rules import Rule, load_rules
from .models import SEVERITY_RANK, Claim, Document, DocumentInfo, Finding, Report
from .vocabulary import load_vocabulary


def extract_all(docs: list[Document]) -> list[Claim]:
    """Claims of every document with report-wide ids (C1, C2, ...) and one name per subject across documents."""
    vocab = load_vocabulary()
    per_doc = [extract_claims(d, vocab) for d in docs]
    names = corpus_names([c.subject for claims in per_doc for c in claims], vocab)
    out: list[Claim] = []
    for claims in per_doc:
        ids = {c.id: f"C{len(out) + i + 1}" for i, c in enumerate(claims)}
        for c in claims:
            q = c.qualifiers
            if q.relates:
                q = q.model_copy(update={"relates": [ids[r] for r in q.relates if r in ids]})
            out.append(c.model_copy(update={"id": ids[c.id], "subject": names.get(c.subject, c.subject),
                                            "qualifiers": q}))
    return out


def mark_copies(claims: list[Claim], passages: list[SharedPassage]) -> list[Claim]:
    """Mark the claims that stand in a passage copied from another document."""
    copied: dict[tuple[str, int], str] = {}
    for p in passages:
        for s in p.copy_sentences:
            copied.setdefault((p.copy, s), p.original)
    out = []
    for c in claims:
        origin = copied.get((c.document, c.sentence))
        if origin:
            c = c.model_copy(update={"qualifiers": c.qualifiers.model_copy(update={"copied_from": origin})})
        out.append(c)
    return out


def passages_for(docs: list[Document], rules: list[Rule]) -> list[SharedPassage]:
    """Shared passages, found with the shared-passage rule's settings (or the defaults)."""
    rule = next((r for r in rules if r.check == "shared-passage"), None)
    opts = validate_options(rule) if rule else None
    kwargs = opts.model_dump() if opts is not None else {}
    return find_shared_passages(docs, **kwargs)


def run_rules(docs: list[Document], claims: list[Claim], rules: list[Rule],
              passages: list[SharedPassage] | None = None) -> list[Finding]:
    """Every rule's findings, sorted (errors first) and numbered F1, F2, ..."""
    corpus = Corpus(docs, claims, load_vocabulary(), passages if passages is not None else passages_for(docs, rules))
    findings = [f for rule in rules for f in run_rule(rule, corpus)]
    findings.sort(key=lambda f: (-SEVERITY_RANK[f.severity], f.subject, f.attribute, f.rule, f.message))
    return [f.model_copy(update={"id": f"F{i}"}) for i, f in enumerate(findings, 1)]


def check_documents(docs: list[Document], rules: list[Rule]) -> Report:
    """The report for documents already loaded."""
    passages = passages_for(docs, rules)
    claims = mark_copies(extract_all(docs), passages)
    findings = run_rules(docs, claims, rules, passages)
    counts: dict[str, int] = {}
    for c in claims:
        counts[c.document] = counts.get(c.document, 0) + 1
    infos = [DocumentInfo(path=d.path, title=d.title, source=d.source, url=d.url, published=d.published,
                          claims=counts.get(d.path, 0)) for d in docs]
    return Report(documents=infos, claims=claims, findings=findings)


def check(paths: list[str], rules_dirs: list[str] | None = None, max_bytes: int = MAX_BYTES) -> Report:
    """Check the articles under `paths` with the default rules plus those in `rules_dirs`."""
    rules = load_rules(rules_dirs)
    docs = load_documents(paths, max_bytes)
    return check_documents(docs, rules)
