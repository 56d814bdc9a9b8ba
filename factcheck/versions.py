"""What a cached result depends on besides its inputs: the versions of factcheck's code and data, and where the
shipped rules and the cache live. Standard library only, so a warm run can read it before any heavy import."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from . import __version__
from .errors import InputError

CACHE_FORMAT = "factcheck-claims-cache/7"
CACHE_FAMILY = CACHE_FORMAT.rsplit("/", 1)[0] + "/"  # what every format of the claims cache starts with


def default_rules_dir() -> Path:
    """The rules shipped with factcheck: packaged as `factcheck/_rules`, or `rules/` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if (candidate / "vocabulary.yaml").is_file():
            return candidate
    raise InputError("the default rules were not found (is factcheck installed completely?)")


def default_cache_path() -> Path:
    """`$XDG_CACHE_HOME/factcheck/claims.sqlite` (by default under ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck" / "claims.sqlite"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A hash of everything extraction depends on: the code that reads text and the vocabulary it reads by."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    files = sorted(p for sub in ("recognizers", "claims", "normalize", "text") for p in (here / sub).glob("*.py"))
    # engine/passages.py: the sentences' shingles are cached with the claims.
    files += [here / "models.py", here / "vocabulary.py", here / "engine" / "passages.py",
              default_rules_dir() / "vocabulary.yaml", default_rules_dir() / "units.txt"]
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of all of factcheck's code and data: what a report, and its rendered texts, depend on besides the
    documents and rules (so a changed check or formatter is never served from an older run)."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256(extractor_version().encode())
    for f in sorted(here.rglob("*.py")):
        h.update(f.relative_to(here).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]
