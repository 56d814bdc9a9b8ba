"""The pipeline as a Python API: load documents, extract claims, run rules, build the report."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .cache import ClaimCache, Extracted, document_key
from .claims.entities import corpus_names
from .documents import load_documents
from .documents.loaders import MAX_BYTES
from .engine.checks import DOCUMENT_CHECKS, run_rule, validate_options
from .engine.corpus import Corpus, pack_findings, unpack_findings
from .engine.passages import Rows, SharedPassage, document_rows, find_shared_passages
from .engine.rules import Rule, load_rules
from .errors import InputError
from .fingerprints import Fingerprints
from .kept import inputs_key
from .models import (
    Claim,
    Document,
    DocumentInfo,
    Figure,
    Finding,
    Pool,
    Report,
    RuleInfo,
    compact,
    compact_figures,
    figure_place,
    pool_models,
    share_keys,
    share_records,
    share_texts,
)
from .parallel import Forked, Streamed, shared
from .severity import SEVERITY_RANK
from .vocabulary import load_vocabulary

if TYPE_CHECKING:
    from .engine.checks.aligned import Index, Matched, Options
    from .models import Qualifiers
    from .output import Output

    Prepared = tuple[Index, Options, list[int]]

Progress = Callable[[int, int], None]
Figures = list[Figure] | dict[int, Figure]  # the corpus's figures by position: all, or some


BATCH = 32
MIN_BATCH = 4
NO_ROWS = Rows.of([])  # in place of the shingles of a document sent elsewhere (see extract_documents)


def _extract_batch(job: tuple[list[Document], int]) -> list[Extracted]:
    # Imported here: the recognizers compile their patterns on import, which a run served from the cache skips.
    from .claims.builder import extract

    docs, shingle = job
    vocab = load_vocabulary()
    out: list[Extracted] = []
    for d in map(Document.plain, docs):  # a text held compressed is read once here, not by each step
        claims, figures = extract(d, vocab)
        out.append((compact(claims), document_rows(d, shingle), compact_figures(figures)))
    return out


RowsOut = Callable[[list[tuple[int, Rows]]], None]


def extract_documents(docs: list[Document], progress: Progress | None = None, cache: ClaimCache | None = None,
                      jobs: int = 1, shingle: int = 8, compress_texts: bool = False,
                      rows_out: RowsOut | None = None) -> list[Extracted]:
    """Each document's claims (local ids) and shingles: from the cache when it has them, else extracted, in
    `jobs` processes. A pure function of each document, so any `jobs` and a warm or cold cache give the same.
    `compress_texts`: hold each document's text compressed once it is read (see `Document.compress`).
    `rows_out`: where the shingles go instead (by document position, a batch at a time); the result then holds
    none."""
    # each document's key worked out once (its text is read, decompressed and hashed for it)
    keys = [document_key(d) for d in docs] if cache is not None else []
    cached = cache.get_many(keys, shingle) if cache is not None else {}
    todo = [i for i in range(len(docs)) if not cached or keys[i] not in cached]
    results: dict[int, Extracted] = {}
    batches = _batches(todo, jobs)
    done = len(docs) - len(todo)

    texts: dict[str, str] = {}
    pool: Pool = {}  # equal values, dates and qualifiers of the whole corpus, held once

    def store(batch: list[int], extracted: list[Extracted]) -> None:
        nonlocal done
        # held once as each batch comes, so that the memory of the copies let go serves the next batches
        extracted = [(pool_models(claims, pool), rows, compact_figures(share_texts(claims, figures, texts), pool))
                     for claims, rows, figures in extracted]
        share_keys(c for claims, _, _ in extracted for c in claims)
        if cache is not None:
            cache.put_many([(keys[i], e, shingle) for i, e in zip(batch, extracted, strict=True)])
        if rows_out is not None:
            rows_out([(i, rows) for i, (_, rows, _) in zip(batch, extracted, strict=True)])
            extracted = [(claims, NO_ROWS, figures) for claims, _, figures in extracted]
        results.update(zip(batch, extracted, strict=True))
        if compress_texts:  # while the other processes extract the next batches (from their own copies)
            for i in batch:
                docs[i].compress()
        done += len(batch)
        if progress is not None:
            progress(done, len(docs))

    jobs_input = [([docs[i] for i in b], shingle) for b in batches]
    if jobs > 1 and len(todo) >= 2 * BATCH:
        with Forked(_extract_batch, jobs_input, jobs) as forked:
            for batch, extracted in zip(batches, forked.results(), strict=True):
                store(batch, extracted)
    else:
        for batch, job in zip(batches, jobs_input, strict=True):
            store(batch, _extract_batch(job))
    out: list[Extracted] = []
    used: set[str] = set()
    sending: list[tuple[int, Rows]] = []
    for i in range(len(docs)):
        if i in results:
            out.append(results.pop(i))
            continue
        claims, rows, figures = cached[keys[i]]
        if rows_out is not None:
            sending.append((i, rows))
            rows = NO_ROWS
        if keys[i] in used:  # a second document of the same text gets claims of its own
            claims = [c.model_copy() for c in claims]
        used.add(keys[i])
        path = docs[i].path
        for c in claims:
            c.document = path
        figures = share_texts(claims, [f._replace(document=path) for f in figures], texts)
        share_keys(claims)
        if compress_texts:
            docs[i].compress()
        out.append((compact(claims, pool), rows, compact_figures(figures, pool)))
    if rows_out is not None:  # the cached documents' shingles, held until now (by `cached`) in any case
        for start in range(0, len(sending), BATCH):
            rows_out(sending[start : start + BATCH])
    return out


def _batches(todo: list[int], jobs: int) -> list[list[int]]:
    """`todo` in batches of BATCH documents, smaller towards the end (down to MIN_BATCH) when several processes
    share them: each process takes the next batch when it is done, so the last batches set how long the others wait
    at the end (a batch of 32 documents is about a tenth of a second)."""
    out: list[list[int]] = []
    start = 0
    while start < len(todo):
        size = BATCH if jobs <= 1 else max(MIN_BATCH, min(BATCH, (len(todo) - start) // (2 * jobs)))
        out.append(todo[start : start + size])
        start += size
    return out


def number_claims(per_doc: list[list[Claim]]) -> list[Claim]:
    """Report-wide ids (C1, C2, ...) in document order, and one name per subject across documents.

    The claims are renumbered in place (a run's claims are its own, fresh from extraction or the cache), so a
    large corpus holds each claim once rather than twice; a claim's qualifiers are replaced, never changed."""
    names = corpus_names([c.subject for claims in per_doc for c in claims], load_vocabulary())
    out: list[Claim] = []
    renewed: list[Qualifiers] = []
    for claims in per_doc:
        ids = {c.id: f"C{len(out) + i + 1}" for i, c in enumerate(claims)}
        for c in claims:
            q = c.qualifiers
            if q.relates:
                c.qualifiers = q.model_copy(update={"relates": [ids[r] for r in q.relates if r in ids]})
                renewed.append(c.qualifiers)
            c.id = ids[c.id]
            c.subject = names.get(c.subject, c.subject)
            out.append(c)
    share_records(renewed)
    return out


def number_figures(per_doc: list[list[Figure]], local_ids: list[list[str]], claims: list[Claim]) -> list[Figure]:
    """The corpus's figures, in one list: a figure that became a claim points at its report-wide id and takes its
    subject's report-wide name. A figure's own report-wide id is its place in the list (G1, G2, ...), given to it
    by `Figure.numbered` when a finding cites it: a large corpus writes figures by the million, and a string each
    would be a quarter of their memory. `local_ids`: each document's claims' ids before numbering. Each
    document's list is emptied as its figures are numbered, so the corpus's figures are not held twice."""
    out: list[Figure] = []
    start = 0
    for figures, local in zip(per_doc, local_ids, strict=True):
        ids = {cid: claims[start + i] for i, cid in enumerate(local)}
        start += len(local)
        for f in figures:
            if not f.relates:  # most figures: kept as they are, not copied
                out.append(f)
                continue
            made = ids.get(f.relates)
            out.append(f._replace(relates=made.id if made else None, subject=made.subject if made else f.subject))
        figures.clear()
    return out


def extract_all(docs: list[Document], progress: Progress | None = None, cache: ClaimCache | None = None,
                jobs: int = 1) -> list[Claim]:
    """Claims of every document with report-wide ids and one name per subject across documents."""
    return number_claims([claims for claims, _, _ in extract_documents(docs, progress, cache, jobs)])


def mark_copies(claims: list[Claim], passages: list[SharedPassage]) -> list[Claim]:
    """Mark the claims that stand in a passage copied from another document, in place (a run's claims are its own,
    see `number_claims`); their qualifiers are replaced, never changed."""
    copied: dict[str, dict[int, str]] = {}  # by document, then sentence: no tuple per sentence of a copy
    for p in passages:
        sentences = copied.setdefault(p.copy, {})
        for s in p.copy_sentences:
            sentences.setdefault(s, p.original)
    # Claims of equal qualifiers copied from one document get one copy (a wire story reprinted a thousand times
    # would otherwise hold a thousand); the qualifiers it was made from are kept with it, so no id is reused.
    renewed: dict[tuple[int, str], tuple[Qualifiers, Qualifiers]] = {}
    for c in claims:
        origin = copied[c.document].get(c.sentence) if c.document in copied else None
        if origin:
            q = c.qualifiers
            key = (id(q), origin)
            if key not in renewed:
                renewed[key] = (q, q.model_copy(update={"copied_from": origin}))
            c.qualifiers = renewed[key][1]
    share_records([new for _, new in renewed.values()])  # on a large corpus, by the hundred thousand
    return claims


def passage_options(rules: list[Rule]) -> dict[str, Any]:
    """The shared-passage rule's settings (or the defaults)."""
    rule = next((r for r in rules if r.check == "shared-passage"), None)
    opts = validate_options(rule) if rule else None
    return opts.model_dump() if opts is not None else {}


def passages_for(docs: list[Document], rules: list[Rule], rows: list[Rows] | None = None) -> list[SharedPassage]:
    """Shared passages, found with the shared-passage rule's settings (or the defaults)."""
    return find_shared_passages(docs, **passage_options(rules), rows=rows)


CHUNK = 256  # figures a match worker takes at a time
PARALLEL_FIGURES = 2_000  # below this many figures, matching them costs less than forked processes


def _match_chunk(job: tuple[int, int]) -> Matched:
    from .engine.checks import aligned

    k, start = job
    ix, opts, positions = shared()[k]
    return aligned.match(ix, opts, positions[start : start + CHUNK])


class _Aligned:
    """The aligned-figure rules, the costliest: their figures are matched in `jobs` forked processes (a pure
    function of an index built here first) while this process goes on with the rest of the run; the findings are
    then selected here, in corpus order, so they are the ones one process finds."""

    def __init__(self, docs: list[Document], rules: list[Rule], figures: list[Figure], jobs: int) -> None:
        from .engine.checks import aligned

        self.indexes = [i for i, r in enumerate(rules) if r.check == "aligned-figure"]
        by_path = {d.path: d for d in docs}
        tally = load_vocabulary().tally_words
        self.prepared: list[Prepared] = []
        for i in self.indexes:
            opts = validate_options(rules[i])
            assert isinstance(opts, aligned.Options)
            ix = aligned.prepare(opts, figures, by_path, tally)
            self.prepared.append((ix, opts, aligned.compared(ix)))
        self.tasks = [(k, start) for k, (_, _, positions) in enumerate(self.prepared)
                      for start in range(0, len(positions), CHUNK)]
        self.forked = Forked(_match_chunk, self.tasks, jobs, share=self.prepared)
        self.matched: list[tuple[Options, Matched]] | None = None

    @staticmethod
    def worth(rules: list[Rule], n_figures: int, jobs: int) -> bool:
        return jobs > 1 and any(r.check == "aligned-figure" for r in rules) and n_figures >= PARALLEL_FIGURES

    def close(self) -> None:
        """Stop the matching, if it is still going (the run stopped early)."""
        self.forked.close()

    def gather(self) -> None:
        """Wait for the matches, then let the indexes go (the findings made next take the memory they held)."""
        if self.matched is not None:
            return
        with self.forked:
            matches: list[Matched] = [[] for _ in self.prepared]
            for (k, _), chunk in zip(self.tasks, self.forked.results(), strict=True):
                matches[k] += chunk
        self.matched = [(opts, found) for (_, opts, _), found in zip(self.prepared, matches, strict=True)]
        self.prepared = []

    def matched_figures(self, figures: list[Figure]) -> dict[int, Figure]:
        """The figures (by position) that the matches name, the only ones the findings can cite."""
        self.gather()
        assert self.matched is not None
        return {p: figures[p] for _, found in self.matched for pos, others in found
                for p in (pos, *(other for other, _ in others))}

    def results(self, rules: list[Rule], corpus: Corpus, figures: Figures) -> dict[int, list[Finding]]:
        """The aligned-figure rules' findings; `figures`: the corpus's figures by position, or those matched."""
        from .engine.checks import aligned

        self.gather()
        assert self.matched is not None
        made = {i: list(aligned.select(rules[i], corpus, figures, opts, found))
                for i, (opts, found) in zip(self.indexes, self.matched, strict=True)}
        # The matches let go once their findings are made: the caller holds this object to the end of the run (a
        # corpus of edited copies, 12,000 documents, matched 55,463 figures: some 60 MB, held through the report)
        self.matched = []
        return made


def run_rules(docs: list[Document], claims: list[Claim], rules: list[Rule],
              passages: list[SharedPassage] | None = None, figures: list[Figure] | None = None,
              jobs: int = 1, forked: _Aligned | None = None) -> list[Finding]:
    """Every rule's findings, sorted (errors first) and numbered F1, F2, ...

    With `jobs` > 1 on a large corpus the aligned-figure rules match figures in forked processes (started here, or
    earlier by the caller as `forked`) while this one runs the rules about claims (or, on a corpus large enough
    for those to run in forked processes too, before them), then those about documents; the findings are the
    same. Then `figures` keeps only those a finding cites, with their report-wide ids (`Figure.numbered`), from the
    time the aligned-figure rules are done."""
    figures = figures or []
    if forked is None and _Aligned.worth(rules, len(figures), jobs):
        forked = _Aligned(docs, rules, figures, jobs)
    later = _forks_rules(len(claims), jobs)  # the rules about claims run in other processes, after the figures'
    matched: Figures = figures
    if forked is not None and later:  # this process waits for the figures' matches before it builds the corpus's
        # indexes, so the two are not held at once; then it keeps only the figures matched, which the rest of the
        # run would otherwise hold by the million to quote a few
        matched = forked.matched_figures(figures)
        figures.clear()
    corpus = Corpus(docs, claims, load_vocabulary(), passages if passages is not None else passages_for(docs, rules),
                    figures=figures)
    skip = set(forked.indexes) if forked is not None else set()
    todo = [i for i in range(len(rules)) if i not in skip]
    if forked is None:
        results = _rule_results(rules, todo, corpus, jobs)
        _keep_cited(figures, [results[i] for i in todo if rules[i].check == "aligned-figure"], figures)
    else:
        # The rules about documents, which on a large corpus make the most findings (a passage of a wire story
        # reprinted a thousand times), run once the figures' index is let go, so the two are never held together.
        # So do those about claims when they too run in other processes (a large corpus, whose findings are many:
        # a name written two ways by thousands of sources), for this one would only wait for them; else this one
        # runs them while the figures are matched.
        about_claims = [i for i in todo if rules[i].check not in DOCUMENT_CHECKS]
        results = {} if later else _rule_results(rules, about_claims, corpus, jobs)
        results.update(forked.results(rules, corpus, matched))
        _keep_cited(figures, [results[i] for i in forked.indexes], matched)
        if later:
            results.update(_rule_results(rules, about_claims, corpus, jobs))
        results.update(_rule_results(rules, [i for i in todo if rules[i].check in DOCUMENT_CHECKS], corpus, jobs))
    findings = [f for i in range(len(rules)) for f in results[i]]
    findings.sort(key=lambda f: (-SEVERITY_RANK[f.severity], f.subject, f.attribute, f.rule, f.message))
    for i, f in enumerate(findings, 1):
        f.id = f"F{i}"  # in place: the findings were made by this run's rules
    return findings


def _keep_cited(figures: list[Figure], found: list[list[Finding]], source: Figures) -> None:
    """Keep, with their report-wide ids, only the figures a finding cites, now that the aligned-figure rules
    (`found`), the only ones that read figures, are done: on a large corpus the rest of the run would otherwise hold
    them all (a figure every twenty words) to quote a few. In place: the list is the run's own, and the corpus's.
    `source`: the corpus's figures by position (the list itself, or those matched once it was let go)."""
    cited = {p for findings in found for f in findings for i in f.claims if (p := figure_place(i)) is not None}
    figures[:] = [source[p].numbered(p) for p in sorted(cited)]


PARALLEL_RULES_CLAIMS = 20_000  # below this many claims, the rules cost less than a forked process


def _rule_results(rules: list[Rule], todo: list[int], corpus: Corpus, jobs: int) -> dict[int, list[Finding]]:
    """The findings of the rules numbered `todo`. On a large corpus the rules that compare claims, seconds each,
    are shared with forked processes while this one first runs the rules about documents themselves (cheap, but
    with a finding per document or passage, which would cost more to send back than to make)."""
    forks = _forks_rules(len(corpus.claims), jobs)
    pooled = [i for i in todo if rules[i].check not in DOCUMENT_CHECKS] if forks else []
    results = {i: list(run_rule(rules[i], corpus)) for i in todo if i not in pooled}
    if pooled:
        # a large corpus's findings cite places by the hundred thousand: sent packed (see `PackedFindings`)
        with Forked(_rule_task, pooled, jobs, share=(rules, corpus), pack=pack_findings,
                    unpack=lambda packed: unpack_findings(packed, corpus)) as pool:
            results.update(zip(pooled, pool.results(), strict=True))
    return results


def _forks_rules(n_claims: int, jobs: int) -> bool:
    """Whether the rules about claims run in other processes."""
    return jobs > 1 and n_claims >= PARALLEL_RULES_CLAIMS


def _rule_task(i: int) -> list[Finding]:
    rules, corpus = shared()
    return list(run_rule(rules[i], corpus))


def _fingerprint(findings: list[Finding], fingerprints: Fingerprints) -> None:
    """Set each finding's fingerprint (in place: the findings were made by this run's rules). In this process: a
    process forked now would start as large as this one is at its largest (measured: the run's largest process,
    28 MB above this one at 101,612 documents), to save a second in a run of ten minutes."""
    for f in findings:
        f.fingerprint = fingerprints(f)


PARALLEL_PASSAGES = 2 * BATCH  # documents: below this many, shared passages cost less than a forked process


def _passages_task(sent: Iterator[list[tuple[int, Rows]]]) -> list[SharedPassage]:
    """In the process that finds shared passages: each document's shingles as they come, then the passages."""
    docs, options = shared()
    rows = [NO_ROWS] * len(docs)
    for batch in sent:
        for i, r in batch:
            rows[i] = r
    return find_shared_passages(docs, **options, rows=rows)


def check_documents(docs: list[Document], rules: list[Rule], progress: Progress | None = None,
                    cache: ClaimCache | None = None, jobs: int = 1, compress_texts: bool = False) -> Report:
    """The report for documents already loaded; with `compress_texts`, the run holds their texts compressed once
    it has read them (the documents are the caller's to change; see `Document.compress`)."""
    import gc

    # A run builds hundreds of thousands of small objects and leaves almost no cyclic garbage (about 1,000
    # objects, whatever the corpus size): the cycle collector, which would cost a tenth of the run, is paused
    # and then left as the caller had it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _check_documents(docs, rules, progress, cache, jobs, compress_texts)
    finally:
        if enabled:
            gc.enable()


def _check_documents(docs: list[Document], rules: list[Rule], progress: Progress | None, cache: ClaimCache | None,
                     jobs: int, compress_texts: bool) -> Report:
    options = passage_options(rules)
    # With several processes, shared passages are found in another, forked before extraction (while this one holds
    # little) and sent each document's shingles as they are made, so that this one never holds them all; it goes on
    # to number the claims and index the figures for the costliest rule, which then starts in other processes
    # while the other rules run here.
    finding = Streamed(_passages_task, share=(docs, options)) if jobs > 1 and len(docs) >= PARALLEL_PASSAGES else None
    forked: _Aligned | None = None
    try:
        try:
            extracted = extract_documents(docs, progress, cache, jobs, int(options.get("shingle", 8)),
                                          compress_texts, finding.send if finding else None)
            if finding:
                finding.end()
            local = [claims for claims, _, _ in extracted]
            parallel = _Aligned.worth(rules, sum(len(figures) for _, _, figures in extracted), jobs)
            local_ids = [[c.id for c in claims] for claims in local]
            numbered = number_claims(local)
            figures = number_figures([figures for _, _, figures in extracted], local_ids, numbered)
            forked = _Aligned(docs, rules, figures, jobs) if parallel else None
            passages = finding.result() if finding else find_shared_passages(docs, **options,
                                                                             rows=[rows for _, rows, _ in extracted])
        finally:
            if finding:
                finding.close()
        del extracted, local  # the shingles (when held here) are no longer needed: their memory serves the rules
        claims = mark_copies(numbered, passages)
        findings = run_rules(docs, claims, rules, passages, figures, jobs, forked)
    finally:
        if forked:
            forked.close()  # done already, unless the run stopped early: its workers and their results' files
    # A figure a finding points at that is no claim of its own is listed with the claims, so reports can quote it
    # (run_rules kept only those figures).
    claims = claims + figure_claims(figures)
    counts: dict[str, int] = {}
    for c in claims:
        counts[c.document] = counts.get(c.document, 0) + 1
    infos: list[DocumentInfo] = []
    for start in range(0, len(docs), 1_000):
        made = [DocumentInfo(path=d.path, title=d.title, source=d.source, url=d.url, published=d.published,
                             claims=counts.get(d.path, 0)) for d in docs[start : start + 1_000]]
        share_records(made)  # a record of set fields and a dict's keys per document: four fifths of its memory
        infos += made
    _fingerprint(findings, Fingerprints(claims, {d.path: d for d in docs}))
    rule_infos = [RuleInfo(id=r.id, name=r.name, severity=r.severity, description=" ".join(r.description.split()))
                  for r in rules]
    notices = list(cache.notices) if cache is not None else []
    return Report(documents=infos, claims=claims, findings=findings, rules=rule_infos, notices=notices)


def figure_claims(figures: list[Figure], chunk: int = 1_000) -> list[Claim]:
    """The figures as claims, held as compactly as the claims extracted (a sixth of the memory of a claim as
    made): where FC106 finds many, a report cites them by the ten thousand. Made a chunk at a time, so that they
    are never all held as made."""
    pool: Pool = {}
    out: list[Claim] = []
    for start in range(0, len(figures), chunk):
        made = compact([g.claim() for g in figures[start : start + chunk]], pool)
        share_keys(made)
        out += made
    return out


def check(paths: list[str], rules_dirs: list[str] | None = None, max_bytes: int = MAX_BYTES,
          new_paths: list[str] | None = None, progress: Progress | None = None, cache: ClaimCache | None = None,
          jobs: int = 1) -> Report:
    """Check the articles under `paths` (and `new_paths`) with the default rules plus those in `rules_dirs`.

    With `new_paths`, only findings that involve at least one of those documents are reported.
    """
    rules = load_rules(rules_dirs)
    docs = load_documents(paths, max_bytes, compress=True)
    new_docs: set[str] = set()
    if new_paths:
        known = {d.path for d in docs}
        extra = load_documents(new_paths, max_bytes, compress=True)
        new_docs = {d.path for d in extra}
        docs += [d for d in extra if d.path not in known]
    if cache is None:
        report = check_documents(docs, rules, progress, cache, jobs, compress_texts=True)
    else:
        report = _kept_report(docs, rules, corpus_key(docs, rules), cache, progress, jobs)
    if new_paths:
        report = only_new(report, new_docs)
    return report


def _kept_report(docs: list[Document], rules: list[Rule], key: str, cache: ClaimCache, progress: Progress | None,
                 jobs: int) -> Report:
    """An unchanged corpus checked with unchanged rules gives the same report: kept in the cache by `key`."""
    report = cache.get_report(key)
    if report is None:
        report = check_documents(docs, rules, progress, cache, jobs, compress_texts=True)
        cache.put_report(key, report)
    return report


def check_rendered(paths: list[str], formats: list[str], outputs: list[Output], cache: ClaimCache,
                   rules_dirs: list[str] | None = None, max_bytes: int = MAX_BYTES, progress: Progress | None = None,
                   jobs: int = 1, inputs: str | None = None) -> list[str]:
    """Write the report of `paths` in each of `formats` (UTF-8) to its output (not committed), and return its
    findings' severities. An unchanged corpus checked with unchanged rules renders the same texts: they are kept
    in the cache, so such a run reads them back instead of rebuilding and rendering the report. `inputs`: the
    inputs' key (`kept.inputs_key`) when the caller has worked it out already."""
    # Kept by the bytes of the inputs, so that the command line finds them before it imports any of this.
    if inputs is None:
        inputs = inputs_key(paths, rules_dirs or [], max_bytes)
    kept = cache.get_outputs(inputs, formats, outputs) if inputs is not None else None
    if kept is not None:
        return kept
    rules = load_rules(rules_dirs)
    docs = load_documents(paths, max_bytes, compress=True)
    from .report import render_chunks  # imported only when there is something to render

    # The report model is kept by the runs that read it back (with a baseline or suppressions to apply); this run
    # keeps what it reads back, the rendered texts, copied from its outputs.
    report = cache.get_report(corpus_key(docs, rules))
    if report is None:
        report = check_documents(docs, rules, progress, cache, jobs, compress_texts=True)
    del docs  # the report is all that is rendered: the texts' memory serves the rendering
    for fmt, out in zip(formats, outputs, strict=True):
        out.write_all(render_chunks(report, fmt, jobs))
    severities: list[str] = [f.severity for f in report.findings]
    if inputs is not None and not report.notices:  # a run that had something to say about the cache says it again
        cache.put_outputs(inputs, formats, outputs, severities)
    return severities


def corpus_key(docs: list[Document], rules: list[Rule]) -> str:
    """What a report depends on: every document (path, content, metadata, order), the rules and the code."""
    import hashlib

    from .versions import code_version

    h = hashlib.sha256(code_version().encode())
    for r in rules:
        h.update(r.model_dump_json().encode())
    for d in docs:
        h.update(f"\x1e{d.path}\x1f{document_key(d)}\x1f{d.source or ''}\x1f{d.url or ''}".encode())
    return h.hexdigest()


def only_new(report: Report, new_docs: set[str]) -> Report:
    """Keep the findings that involve at least one of `new_docs`."""
    return report.model_copy(update={"findings": [f for f in report.findings if new_docs & set(f.documents)]})


def changed_since(ref: str, paths: list[str]) -> list[str]:
    """Files under `paths` that git reports changed since `ref` (or not yet tracked)."""
    import subprocess
    from pathlib import Path

    def git(*args: str) -> list[str]:
        try:
            out = subprocess.run(["git", *args], capture_output=True, text=True, check=True)
        except FileNotFoundError:
            raise InputError("git is not installed", "--new-from-git") from None
        except subprocess.CalledProcessError as exc:
            raise InputError(f"git failed: {(exc.stderr or '').strip().splitlines()[-1:] or exc}", ref) from None
        return [line for line in out.stdout.splitlines() if line.strip()]

    top = Path(git("rev-parse", "--show-toplevel")[0])
    changed = {(top / f).resolve() for f in git("diff", "--name-only", ref, "--")}
    changed |= {(top / f).resolve() for f in git("ls-files", "--others", "--exclude-standard", "--full-name")}
    from .documents import iter_paths

    return [p.as_posix() for p in iter_paths(paths) if p.resolve() in changed]
