"""factcheck: find where news reports about one story contradict each other.

The pipeline, stage by stage: documents (load), text (split sentences), recognize (mentions), claims
(build and normalize), engine (rules), report (formatters). The public API is imported lazily so that
`factcheck --help` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .claims.builder import extract_claims
    from .documents import load_documents
    from .pipeline import check, check_documents
    from .recognizers import recognize

__all__ = ["check", "check_documents", "extract_claims", "load_documents", "recognize", "__version__"]

_LAZY = {
    "check": ("pipeline", "check"),
    "check_documents": ("pipeline", "check_documents"),
    "extract_claims": ("claims.builder", "extract_claims"),
    "load_documents": ("documents", "load_documents"),
    "recognize": ("recognizers", "recognize"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
