"""Issue 7: the HTML report in a real headless Chromium (Debian's, driven by Playwright; no browser download)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs Debian's chromium)")
        pytest.skip("chromium is not installed")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_report(browser, path: Path):  # type: ignore[no-untyped-def]
    """Open a report, recording every request the page makes and refusing all but the file itself."""
    page = browser.new_page(viewport={"width": 1200, "height": 1400})
    requests: list[str] = []

    def route(r):  # type: ignore[no-untyped-def]
        requests.append(r.request.url)
        if r.request.url == path.as_uri():
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    return page, requests, errors


def test_seeds_report_charts_quotes_filters(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "report.html"
    assert run_cli("check", str(SEEDS), "--format", "html", "-o", str(out)).returncode == 1
    page, requests, errors = open_report(browser, out)
    assert errors == [] and requests == [out.as_uri()]
    assert page.locator("svg.chart").count() >= 3
    assert page.locator("svg.chart rect.value").count() >= 4
    assert page.locator("svg.chart .derived").count() >= 1
    quote = page.locator("details[id^=q-] mark").first
    assert quote.count() == 1
    link = page.locator('a[href^="#q-"]').first
    target = link.get_attribute("href")[1:]
    link.click()
    assert page.locator(f"details[id='{target}']").get_attribute("open") is not None
    errors_shown = page.locator(".finding.error:visible").count()
    assert errors_shown >= 2
    page.locator('input[data-sev="error"]').uncheck()
    assert page.locator(".finding.error:visible").count() == 0
    assert page.locator(".finding.warning:visible").count() >= 1
    page.locator('input[data-sev="error"]').check()
    page.select_option("#subject", "documents")
    assert page.locator("section.group:visible").count() >= 1
    assert all(s == "documents" for s in page.locator("section.group:visible").evaluate_all(
        "els => els.map(e => e.dataset.subject)"))
    page.select_option("#subject", "")
    # keyboard: focus the warnings box and toggle it with the space bar
    page.locator('input[data-sev="warning"]').focus()
    page.keyboard.press("Space")
    assert page.locator(".finding.warning:visible").count() == 0
    page.screenshot(path=str(tmp_path / "seeds-report.png"), full_page=True)
    assert (tmp_path / "seeds-report.png").stat().st_size > 10_000


def test_hostile_documents_run_nothing(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Acme was valued at $29 billion <script>window.__pwned = 1</script> on Monday.\n"
        "{{user}} <img src=x onerror=\"window.__pwned = 2\">\n", encoding="utf-8")
    (docs / "b.txt").write_text(
        "Acme was valued at $25 billion <img src=https://example.com/x.png onerror=alert(1)>.\n", encoding="utf-8")
    (docs / "c.html").write_text(
        "<html><head><title>t</title><script>window.__pwned = 3</script></head><body>"
        "<p>Acme CEO Jane Roe said &lt;script&gt;window.__pwned = 4&lt;/script&gt; sales rose.</p>"
        "<p>Acme CEO John Doe said <b onmouseover='window.__pwned=5'>hello</b>.</p></body></html>",
        encoding="utf-8")
    out = tmp_path / "hostile.html"
    run_cli("check", str(docs), "--format", "html", "-o", str(out))
    html = out.read_text(encoding="utf-8")
    assert "<script>window" not in html and "onerror=\"window" not in html
    page, requests, errors = open_report(browser, out)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert requests == [out.as_uri()]
    assert "<script>window.__pwned = 1</script>" in page.evaluate("document.body.textContent")
    for summary in page.locator("details[id^=q-] summary").all():
        summary.click()
    assert "<script>window.__pwned = 1</script>" in page.inner_text("body")
    page.mouse.move(10, 10)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=str(tmp_path / "hostile.png"))


def test_tolerance_band_is_drawn(tmp_path: Path) -> None:
    from conftest import make_docs

    from factcheck.engine.rules import load_rules
    from factcheck.pipeline import check_documents
    from factcheck.report.html import render_html

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "FC101.yaml").write_text(
        "id: FC101\nname: value-disagreement\nseverity: error\ncheck: disagreement\n"
        "description: Values that disagree beyond a 5% tolerance.\noptions: {relative_tolerance: 0.05}\n")
    report = check_documents(make_docs(["Acme was valued at $29 billion.", "Acme is valued at $20 billion."]),
                             load_rules([str(rules)]))
    html = render_html(report)
    assert 'class="band"' in html and "tolerance 5%" in html
