"""Writing output files atomically: a temp file beside the target, then a rename, so nothing is half-written."""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO

from .errors import InputError

CHUNK = 1 << 20
_IN_MEMORY = 8 << 20  # a report for stdout is held in memory up to this size, then in a temp file


class Output:
    """One report on its way to `path` (or to stdout when `path` is None), written a piece at a time.

    The pieces go to a temp file beside `path`, which `commit` renames into place, so readers see the old file or
    the whole new one; for stdout they are held (on disk past a few megabytes) until `commit`, so that nothing is
    printed before the whole report is made. A large report is thus never held in memory whole. Used as a context
    manager, an output not committed is discarded."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.tmp: str | None = None
        self.file: IO[bytes]
        if path is None:
            self.file = tempfile.SpooledTemporaryFile(_IN_MEMORY)  # noqa: SIM115 - closed by commit or discard
            return
        target = Path(path)
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise InputError("the output folder does not exist", path)
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", path) from None
        self.file = os.fdopen(fd, "w+b")

    def write(self, data: bytes) -> None:
        """Add `data` to the output."""
        try:
            self.file.write(data)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", self.path or "stdout") from None

    def write_all(self, pieces: Iterable[bytes]) -> None:
        """Add each of `pieces`."""
        for piece in pieces:
            self.write(piece)

    def reset(self) -> None:
        """Drop what was written so far."""
        self.file.seek(0)
        self.file.truncate()

    def size(self) -> int:
        """The bytes written so far."""
        return self.file.seek(0, os.SEEK_END)

    def chunks(self) -> Iterator[bytes]:
        """What was written, read back a megabyte at a time."""
        self.file.flush()
        self.file.seek(0)
        while piece := self.file.read(CHUNK):
            yield piece
        self.file.seek(0, os.SEEK_END)

    def commit(self) -> None:
        """Put the output in place: rename the temp file onto `path`, or print what was held to stdout."""
        if self.path is None:
            out = getattr(sys.stdout, "buffer", None)
            # a text stream with no bytes beneath (a StringIO) gets text; a character may straddle two pieces
            decode = codecs.getincrementaldecoder("utf-8")().decode
            for piece in self.chunks():
                if out is not None:
                    out.write(piece)
                else:
                    sys.stdout.write(decode(piece))
            sys.stdout.flush()
            self.file.close()
            return
        assert self.tmp is not None
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.chmod(self.tmp, _mode(self.path))
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.discard()
            raise InputError(f"cannot write: {exc.strerror or exc}", self.path) from None
        self.tmp = None

    def discard(self) -> None:
        """Drop the output, leaving `path` as it was."""
        with contextlib.suppress(OSError):
            self.file.close()
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            self.tmp = None

    def __enter__(self) -> Output:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.discard()


def _mode(path: str) -> int:
    """The permissions a file written to `path` gets: those of the file it replaces, else what a newly created file
    gets (the temp file is readable by its owner only)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str, text: str) -> None:
    """Write `text` (UTF-8) to `path` so that readers see the old file or the whole new one, never a part."""
    with Output(path) as out:
        out.write_all(encoded(text))
        out.commit()


def encoded(text: str) -> Iterator[bytes]:
    """`text` in UTF-8, a piece at a time rather than as one copy of the whole text."""
    for i in range(0, len(text), CHUNK):
        yield text[i : i + CHUNK].encode("utf-8")


def encoded_pieces(pieces: Iterable[str]) -> Iterator[bytes]:
    """Texts made a piece at a time (a line, a finding), in UTF-8, gathered into runs of about CHUNK characters:
    the whole text is never held, nor written a line at a time."""
    run: list[str] = []
    size = 0
    for piece in pieces:
        run.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield "".join(run).encode("utf-8")
            run, size = [], 0
    if run:
        yield "".join(run).encode("utf-8")
