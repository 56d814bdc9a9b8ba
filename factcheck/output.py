"""Writing output files atomically: a temp file beside the target, then a rename, so nothing is half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import InputError

_CHUNK = 1 << 20


def write_atomic(path: str, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the whole new one, never a part."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("the output folder does not exist", path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for i in range(0, len(text), _CHUNK):  # encoded a piece at a time, not as one copy of the whole text
                fh.write(text[i : i + _CHUNK])
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"cannot write: {exc.strerror or exc}", path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
