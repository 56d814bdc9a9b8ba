"""Issue 6 correctness: the same report cold and warm, with any --jobs, and after a damaged or foreign cache."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, factcheck_cmd, make_docs, run_cli


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds plus enough varied copies that --jobs really runs in several processes."""
    root = tmp_path_factory.mktemp("corpus")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    for i in range(40):
        for j, t in enumerate(texts):
            name = f"Scale AI {i % 3}" if i % 4 else "Scale AI"
            varied = t.replace("$25", f"${20 + i % 9}").replace("Scale AI", name)
            (root / f"{i:02d}-{j}.txt").write_text(varied, encoding="utf-8")
    return root


def report(*args: str) -> str:
    result = run_cli("check", *args, "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_jobs_give_identical_reports(corpus: Path) -> None:
    one = report(str(corpus), "--no-cache", "--jobs", "1")
    two = report(str(corpus), "--no-cache", "--jobs", "2")
    assert one == two


def test_cold_and_warm_cache_agree(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "claims.sqlite"
    plain = report(str(corpus), "--no-cache", "--jobs", "1")
    cold = report(str(corpus), "--cache", str(cache), "--jobs", "2")
    warm = report(str(corpus), "--cache", str(cache), "--jobs", "1")
    assert plain == cold == warm
    rows = sqlite3.connect(cache).execute("SELECT count(*) FROM claims").fetchone()[0]
    assert rows == len({p.read_text() for p in corpus.iterdir()})


def test_documents_read_from_the_cache_keep_their_own_claims(corpus: Path, tmp_path: Path) -> None:
    """Documents of the same text share one cache entry; each still gets claims of its own (renumbered in
    place), so a run that reads most documents from the cache reports what a run without it does."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for p in sorted(corpus.iterdir())[:60]:
        (docs / p.name).write_text(p.read_text())
    cache = tmp_path / "claims.sqlite"
    report(str(docs), "--cache", str(cache), "--jobs", "1")
    first = sorted(docs.iterdir())[0]
    first.write_text(first.read_text() + "\nAcme said it would cut 700 jobs.\n")
    warm = report(str(docs), "--cache", str(cache), "--jobs", "1")
    assert warm == report(str(docs), "--no-cache", "--jobs", "1")
    claims = json.loads(warm)["claims"]
    assert len({(c["document"], c["line"], c["column"], c["attribute"]) for c in claims}) == len(claims)


def test_a_warm_run_reuses_rendered_reports_with_the_same_output_and_exit(tmp_path: Path) -> None:
    cache = tmp_path / "claims.sqlite"
    args = ["check", str(SEEDS), "--cache", str(cache), "--fail-on", "warning"]
    cold, warm = run_cli(*args), run_cli(*args)
    assert (cold.returncode, cold.stdout) == (warm.returncode, warm.stdout) == (1, cold.stdout)
    db = sqlite3.connect(cache)
    assert db.execute("SELECT format FROM outputs").fetchall() == [("table",)]
    assert db.execute("SELECT count(*) FROM reports").fetchone() == (0,)  # the texts are kept, not the model too
    assert run_cli(*args[:-1], "never").returncode == 0  # the exit code follows --fail-on, not the kept run
    # a baseline changes what fails: that run builds its report, and marks every finding known
    base = tmp_path / "base.json"
    assert run_cli("baseline", str(SEEDS), "-o", str(base), "--cache", str(cache)).returncode == 0
    gated = run_cli(*args, "--baseline", str(base))
    assert gated.returncode == 0, gated.stdout + gated.stderr
    assert db.execute("SELECT count(*) FROM reports").fetchone() == (1,)  # a gated run keeps the model it reads
    db.close()


def _two_documents(tmp_path: Path, second: str) -> Path:
    """A folder of two documents about Acme's valuation: $29 billion, then `second`."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Acme was valued at $29 billion.")
    (docs / "b.txt").write_text(second)
    return docs


def test_a_changed_document_is_read_again(tmp_path: Path) -> None:
    docs = _two_documents(tmp_path, "Acme has a $29 billion valuation.")
    cache = tmp_path / "claims.sqlite"
    first = [f["rule"] for f in json.loads(report(str(docs), "--cache", str(cache)))["findings"]]
    assert "FC101" not in first
    (docs / "b.txt").write_text("Acme has a $25 billion valuation.")
    second = [f["rule"] for f in json.loads(report(str(docs), "--cache", str(cache)))["findings"]]
    assert "FC101" in second


def test_a_document_whose_front_matter_grew_gets_its_claims_lines_anew(tmp_path: Path) -> None:
    docs = _two_documents(tmp_path, "---\ntitle: Acme\n---\nAcme has a $25 billion valuation.")
    cache = tmp_path / "claims.sqlite"

    def lines() -> list[int]:
        claims = json.loads(report(str(docs), "--cache", str(cache)))["claims"]
        return [c["line"] for c in claims if c["document"].endswith("b.txt")]

    assert lines() == [4]
    # the same text, title and date, so the same claims: but each a line further down the file
    (docs / "b.txt").write_text("---\ntitle: Acme\nsource: Wire\n---\nAcme has a $25 billion valuation.")
    assert lines() == [5]


def test_a_foreign_file_is_reported_and_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "claims.sqlite"
    cache.write_text("this is not a database, just some text that happens to be here\n" * 50)
    result = run_cli("check", str(SEEDS), "--cache", str(cache), "--format", "json")
    data = json.loads(result.stdout)
    assert any("was unreadable" in n and "rebuilt" in n for n in data["notices"])
    assert sqlite3.connect(cache).execute("SELECT value FROM meta").fetchone()[0].startswith("factcheck")
    other = tmp_path / "other.sqlite"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE users (name TEXT)")
    db.commit()
    db.close()
    again = json.loads(run_cli("check", str(SEEDS), "--cache", str(other), "--format", "json").stdout)
    assert any("not a factcheck claims cache" in n for n in again["notices"])


@pytest.mark.parametrize("damage", ["garbage", '{"k": 8, "s": [], "c": [1, "x"], "g": []}',
                                    '{"k": 8, "s": [], "c": [{"id": 3}], "g": []}',
                                    '{"k": 8, "s": [[1, 0, 0, 9, [-1], 5]], "c": [], "g": []}',
                                    '{"k": 8, "s": [[1, 0, 0, 9, 5], [-1], [1]], "c": [], "g": []}',
                                    '{"k": 8, "s": [[1, 0, 0, 9, 5], [4294967296], [1]], "c": [], "g": []}',
                                    '{"k": 8, "s": [[1, 0, 0, 9, 5], ["x"], [1]], "c": [], "g": []}',
                                    '{"k": 8, "s": [[1, 0, 0, 9], [7], [1]], "c": [], "g": []}',
                                    '{"k": 8, "s": [[1, 0, 0, 9, 5], [7, 8], [1]], "c": [], "g": []}'])
def test_a_damaged_entry_is_read_again(tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "claims.sqlite"
    first = report(str(SEEDS), "--cache", str(cache))
    db = sqlite3.connect(cache)
    db.execute("UPDATE claims SET data = ?", (damage,))
    db.execute("DELETE FROM reports")
    db.execute("DELETE FROM outputs")  # else the kept rendered text is served and the claims are never read
    db.commit()
    db.close()
    assert report(str(SEEDS), "--cache", str(cache)) == first


def test_after_a_killed_run(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "claims.sqlite"
    proc = subprocess.Popen([*factcheck_cmd(), "check", str(corpus), "--cache", str(cache), "--jobs", "2",
                             "--format", "json"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True, env={**os.environ, "TMPDIR": str(tmp_path)})
    # (a run killed with its workers leaves the folder its workers' results come through: in tmp_path, here)
    # Killed once it has stored some documents' claims, not all: in the middle of extraction.
    stored = 0
    while proc.poll() is None and stored == 0:
        time.sleep(0.01)
        with contextlib.suppress(sqlite3.Error), \
                contextlib.closing(sqlite3.connect(f"file:{cache}?mode=ro", uri=True, timeout=0.1)) as db:
            stored = db.execute("SELECT count(*) FROM claims").fetchone()[0]  # (mode=ro never creates the file)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker processes, as a killed terminal job
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert 0 < stored < len({p.read_text() for p in corpus.iterdir()})
    after = report(str(corpus), "--cache", str(cache), "--jobs", "1")
    assert after == report(str(corpus), "--no-cache", "--jobs", "1")


def test_two_concurrent_runs(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "claims.sqlite"
    cmd = [*factcheck_cmd(), "check", str(corpus), "--cache", str(cache), "--jobs", "1", "--format", "json",
           "--fail-on", "never"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=240) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
    assert outs[0][0] == outs[1][0]


def test_help_does_not_import_the_pipeline() -> None:
    code = ("import sys; from factcheck.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = ('pint', 'dateparser', 'tabulate', 'yaml', 'factcheck.pipeline')\n"
            "heavy = [m for m in heavy if m in sys.modules]\n"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.strip().endswith("[]"), out


def test_an_older_cache_format_is_replaced_quietly(tmp_path: Path) -> None:
    cache = tmp_path / "claims.sqlite"
    db = sqlite3.connect(cache)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('format', 'factcheck-claims-cache/0')")
    db.execute("CREATE TABLE claims (key TEXT, version TEXT, data BLOB)")
    db.commit()
    db.close()
    data = json.loads(run_cli("check", str(SEEDS), "--cache", str(cache), "--format", "json").stdout)
    assert data["notices"] == []


def test_claims_of_another_extractor_version_are_let_go(tmp_path: Path) -> None:
    from factcheck.cache import ClaimCache
    from factcheck.versions import extractor_version

    cache = tmp_path / "claims.sqlite"
    assert run_cli("check", str(SEEDS), "--cache", str(cache), "--format", "json").returncode == 1
    db = sqlite3.connect(cache)
    kept = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    db.execute("INSERT INTO claims SELECT key, 'an-older-extractor', data FROM claims")
    db.execute("UPDATE meta SET value = 'an-older-extractor' WHERE key = 'extractor'")
    db.commit()
    db.close()
    assert kept == 3
    ClaimCache(cache).db.close()  # opened by a newer factcheck: the older extractor's claims go, this one's stay
    db = sqlite3.connect(cache)
    assert db.execute("SELECT DISTINCT version FROM claims").fetchall() == [(extractor_version(),)]
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == kept
    db.close()


def _aged(cache: Path, days: dict[str, int]) -> None:
    """Mark the cached claims of the documents whose path ends with each name as last used that many days ago, and
    the cache as not yet cleared today."""
    from factcheck.cache import _today, document_key
    from factcheck.documents import load_documents

    db = sqlite3.connect(cache)
    for doc in load_documents([str(SEEDS)]):
        age = next((d for name, d in days.items() if doc.path.endswith(name)), 0)
        db.execute("UPDATE used SET day = ? WHERE key = ?", (_today() - age, document_key(doc)))
    db.execute("DELETE FROM meta WHERE key = 'let-go'")
    db.commit()
    db.close()


def _cached_days(cache: Path) -> list[int]:
    from factcheck.cache import _today

    db = sqlite3.connect(cache)
    try:
        days = sorted(_today() - day for (day,) in db.execute("SELECT day FROM used"))
        assert len(days) == db.execute("SELECT count(*) FROM claims").fetchone()[0]  # a day for each entry
        return days
    finally:
        db.close()


def test_claims_not_read_for_thirty_days_are_let_go_and_their_pages_given_back(tmp_path: Path) -> None:
    from factcheck.cache import ClaimCache

    cache = tmp_path / "claims.sqlite"
    assert run_cli("check", str(SEEDS), "--cache", str(cache), "--format", "json").returncode == 1
    names = sorted(p.name for p in SEEDS.iterdir())
    assert _cached_days(cache) == [0, 0, 0]
    _aged(cache, {names[0]: 31, names[1]: 30})
    ClaimCache(cache).db.close()  # the first open of a day lets go of what was not read for more than 30 days
    assert _cached_days(cache) == [0, 30]
    db = sqlite3.connect(cache)
    assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0  # the file shrank: no free page left
    db.close()
    _aged(cache, {names[1]: 40})
    db = sqlite3.connect(cache)
    db.execute("INSERT INTO meta VALUES ('let-go', ?)", (str(10**9),))  # cleared today already
    db.commit()
    db.close()
    ClaimCache(cache).db.close()
    assert _cached_days(cache) == [0, 40]  # kept until the first open of another day


def test_claims_read_are_marked_used_that_day(tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cache = tmp_path / "claims.sqlite"
    assert run_cli("check", str(corpus), "--cache", str(cache), "--format", "json").returncode == 1
    _aged(cache, dict.fromkeys((p.name for p in SEEDS.iterdir()), 20))
    assert _cached_days(cache) == [20, 20, 20]
    # a corpus with one more document: its report is not kept, so the claims of the others are read, today
    (corpus / "new.txt").write_text("Acme Corp said it would cut 700 jobs.\n", encoding="utf-8")
    assert run_cli("check", str(corpus), "--cache", str(cache), "--format", "json").returncode in (0, 1)
    assert _cached_days(cache) == [0, 0, 0, 0]


def test_table_rendered_in_parallel_is_the_same(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.pipeline import check
    from factcheck.report import table

    rep = check([str(corpus)])
    # the findings about claims: several groups of some size each (the documents' groups are one large group)
    rep = rep.model_copy(update={"findings": [f for f in rep.findings if f.claims]})
    assert len(rep.findings) > 20
    one = table.render_table(rep, 1)
    monkeypatch.setattr(table, "PARALLEL_FINDINGS", 10)
    for jobs in (2, 3):
        assert table.render_table(rep, jobs) == one


def test_kept_outputs_come_back_as_they_were_and_an_older_entry_is_a_miss(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import kept
    from factcheck.cache import ClaimCache
    from factcheck.output import Output

    monkeypatch.setattr(kept, "CHUNK", 7)  # read back in several pieces
    cache = ClaimCache(tmp_path / "claims.sqlite")
    texts = [b"\nfirst line empty\n", b"", '{"text": "json-like"}\n\u00e9\u20ac'.encode() * 5]
    formats = ["table", "json", "markdown"]

    def read(fmts: list[str]) -> tuple[list[bytes], list[str] | None]:
        outs = [Output(None) for _ in fmts]
        severities = cache.get_outputs("k", fmts, outs)
        return [b"".join(o.chunks()) for o in outs], severities

    written = [Output(None) for _ in texts]
    for out, text in zip(written, texts, strict=True):
        out.write(text)
    cache.put_outputs("k", formats, written, ["error", "known:warning", "info"])
    assert read(formats) == (texts, ["error", "known:warning", "info"])
    assert read(["table", "sarif"]) == ([b"", b""], None)  # a miss writes nothing
    cache.db.execute("UPDATE outputs SET severities = ? WHERE format = 'markdown'", ('["error", "fatal"]',))
    assert read(["markdown"]) == ([b""], None)  # marks that are no severities: a damaged entry is a miss
    cache.db.execute("UPDATE outputs SET severities = ? WHERE format = 'table'",
                     (json.dumps({"text": "old", "severities": []}),))  # not a list: a damaged entry is a miss
    assert read(["table"]) == ([b""], None)
    cache.db.execute("UPDATE outputs SET severities = '[]', data = ? WHERE format = 'json'", ("text",))
    assert read(["json"]) == ([b""], None)
    cache.close()


def test_rules_shared_with_forked_processes_give_the_same(corpus: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import pipeline

    one = pipeline.check([str(corpus)], jobs=1)
    # the corpus is small: share its rules with other processes all the same
    monkeypatch.setattr(pipeline, "PARALLEL_RULES_CLAIMS", 0)
    monkeypatch.setattr(pipeline, "PARALLEL_FIGURES", 0)
    for jobs in (2, 3):
        assert pipeline.check([str(corpus)], jobs=jobs) == one
    assert {f.rule for f in one.findings} >= {"FC101", "FC102", "FC106", "FC302"}  # rules of both kinds ran


def test_a_warm_run_reads_the_kept_texts_before_importing_the_pipeline(tmp_path: Path) -> None:
    cache = tmp_path / "claims.sqlite"
    args = ["check", str(SEEDS), "--cache", str(cache), "--format", "json"]
    cold = run_cli(*args)
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPROFILEIMPORTTIME": "1"}
    warm = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, env=env,
                          timeout=120)
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout) == (1, cold.stdout)
    imported = {line.rsplit("|", 1)[-1].strip() for line in warm.stderr.splitlines() if line.startswith("import")}
    assert "factcheck.kept" in imported
    heavy = {"pydantic", "factcheck.pipeline", "factcheck.models", "factcheck.cache", "factcheck.recognizers"}
    assert not imported & heavy


def test_kept_texts_are_not_served_when_a_rule_file_or_the_size_limit_changed(tmp_path: Path) -> None:
    docs = _two_documents(tmp_path, "Acme reached a $25 billion valuation.")
    rules = tmp_path / "rules"
    rules.mkdir()
    default = (ROOT / "rules" / "FC101-value-disagreement.yaml").read_text(encoding="utf-8")
    (rules / "FC101.yaml").write_text(default, encoding="utf-8")
    args = ["check", str(docs), "--rules", str(rules), "--cache", str(tmp_path / "claims.sqlite"), "--format", "json"]
    assert [f["severity"] for f in json.loads(run_cli(*args).stdout)["findings"] if f["rule"] == "FC101"] == ["error"]
    (rules / "FC101.yaml").write_text(default.replace("severity: error", "severity: warning"), encoding="utf-8")
    again = json.loads(run_cli(*args).stdout)
    assert [f["severity"] for f in again["findings"] if f["rule"] == "FC101"] == ["warning"]
    limited = run_cli(*args, "--max-bytes", "20")
    assert limited.returncode == 2 and "file too large" in limited.stderr, limited.stderr


def test_an_input_gone_after_a_kept_run_is_an_error(tmp_path: Path) -> None:
    docs = _two_documents(tmp_path, "Acme reached a $25 billion valuation.")
    a, b = docs / "a.txt", docs / "b.txt"
    args = ["check", str(a), str(b), "--cache", str(tmp_path / "claims.sqlite")]
    assert run_cli(*args).returncode == 1
    b.unlink()
    gone = run_cli(*args)
    assert gone.returncode == 2 and "b.txt" in gone.stderr and "no such file" in gone.stderr, gone.stderr


@pytest.mark.parametrize("claims_forked", [False, True])  # True: the figures but those matched go before the corpus
def test_figures_no_finding_cites_are_let_go_once_the_aligned_figure_rule_is_done(
        monkeypatch: pytest.MonkeyPatch, claims_forked: bool) -> None:
    from factcheck import pipeline
    from factcheck.engine.rules import load_rules

    docs = make_docs(["For the full year the company now expects adjusted EBITDA of $455 million to $475 million.",
                      "The company guided for adjusted EBITDA of $455 million to $495 million for the year.",
                      "Pfizer shares fell 4% on Friday, and 12 analysts cut their targets.",
                      "Avian influenza was not deemed to be a threat to humans until a 1997 outbreak in Hong Kong.",
                      "Bird flu was not deemed to be a threat to humans until 1987, after an outbreak in Hong Kong."])
    rules = load_rules()
    extracted = pipeline.extract_documents(docs)
    local_ids = [[c.id for c in claims] for claims, _, _ in extracted]
    claims = pipeline.number_claims([claims for claims, _, _ in extracted])
    figures = pipeline.number_figures([figures for _, _, figures in extracted], local_ids, claims)
    every = list(figures)
    monkeypatch.setattr(pipeline, "PARALLEL_FIGURES", 0)
    if claims_forked:
        monkeypatch.setattr(pipeline, "PARALLEL_RULES_CLAIMS", 0)
    forked = pipeline._Aligned(docs, rules, figures, 2)
    findings = pipeline.run_rules(docs, claims, rules, figures=figures, jobs=2, forked=forked)
    cited = sorted(int(i[1:]) for f in findings for i in f.claims if i.startswith("G"))
    assert any(f.rule == "FC106" for f in findings) and 0 < len(cited) < len(every)
    assert figures == [every[n - 1]._replace(id=f"G{n}") for n in cited]  # with their ids, the only ones held
    assert forked.matched == []  # nor the matches, once their findings are made
    forked.close()


def test_cache_info_and_clean(tmp_path: Path) -> None:
    home = {"XDG_CACHE_HOME": str(tmp_path / "home")}
    cache = tmp_path / "home" / "factcheck" / "claims.sqlite"
    none = run_cli("cache", "info", env=home)
    assert none.returncode == 0 and f"claims cache: {cache} (none yet)" in none.stdout
    assert run_cli("check", str(SEEDS), "--format", "json", env=home).returncode == 1
    info = run_cli("cache", "info", env=home)
    assert info.returncode == 0, info.stderr
    assert "claims of 3 documents, the least recently read today" in info.stdout
    assert "patterns: " in info.stdout and "(0 files" not in info.stdout.split("patterns: ")[1].split("\n")[0]
    clean = run_cli("cache", "clean", env=home)
    assert clean.returncode == 0 and f"removed the claims cache {cache}" in clean.stdout
    assert not cache.exists() and not (cache.parent / "patterns").exists() and not (cache.parent / "units").exists()
    assert run_cli("cache", "clean", env=home).stdout == "nothing to remove\n"
    assert run_cli("check", str(SEEDS), "--format", "json", env=home).returncode == 1  # stores made again


@pytest.mark.parametrize("command", ["info", "clean"])
def test_a_file_that_is_not_a_claims_cache_is_named_and_left_alone(tmp_path: Path, command: str) -> None:
    foreign = tmp_path / "important.db"
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE notes (text TEXT)")
    db.commit()
    db.close()
    before = foreign.read_bytes()
    result = run_cli("cache", command, "--cache", str(foreign), env={"XDG_CACHE_HOME": str(tmp_path / "home")})
    assert result.returncode == 2
    assert result.stderr.strip() == f"factcheck: error: {foreign}: not a factcheck claims cache: left as it is"
    assert foreign.read_bytes() == before
