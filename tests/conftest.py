"""Shared helpers: build documents in memory and run the pipeline on them."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from factcheck.engine.rules import load_rules
from factcheck.models import Document, Report
from factcheck.pipeline import check_documents

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def make_docs(specs: list[object]) -> list[Document]:
    """Documents from strings or {text, published, title, source} mappings."""
    docs = []
    for i, spec in enumerate(specs, 1):
        if isinstance(spec, str):
            spec = {"text": spec}
        assert isinstance(spec, dict)
        text = spec["text"]
        published = spec.get("published")
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        docs.append(Document(path=spec.get("path", f"doc{i}.txt"), text=text, published=published,
                             title=spec.get("title"), source=spec.get("source")))
    return docs


def run_docs(specs: list[object], only: list[str] | None = None) -> Report:
    rules = load_rules()
    if only:
        rules = [r for r in rules if r.id in only]
    return check_documents(make_docs(specs), rules)


def factcheck_cmd() -> list[str]:
    """The installed console script when there is one, else `python -m factcheck`."""
    exe = shutil.which("factcheck", path=str(Path(sys.executable).parent)) or shutil.which("factcheck")
    return [exe] if exe else [sys.executable, "-m", "factcheck"]


CACHE_HOME = tempfile.mkdtemp(prefix="factcheck-test-cache-")
atexit.register(shutil.rmtree, CACHE_HOME, ignore_errors=True)  # each test session's own, not left in /tmp


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": CACHE_HOME, **(env or {})}
    return subprocess.run([*factcheck_cmd(), *args], capture_output=True, text=True, cwd=cwd, env=full_env,
                          timeout=120)


@pytest.fixture(scope="session")
def seeds_report() -> Report:
    from factcheck.pipeline import check

    return check([str(SEEDS)])
