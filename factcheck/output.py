"""Writing output files atomically: a temp file beside the target, then a rename, so nothing is half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import InputError

_CHUNK = 1 << 20


def write_atomic(path: str, text: str | bytes) -> None:
    """Write `text` (or bytes, UTF-8) to `path` so that readers see the old file or the whole new one, never a
    part."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("the output folder does not exist", path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(text, bytes):
                fh.write(text)
            else:
                for i in range(0, len(text), _CHUNK):  # encoded a piece at a time, not as one copy of the whole text
                    fh.write(text[i : i + _CHUNK].encode("utf-8"))
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
