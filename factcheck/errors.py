"""Errors that the command line reports in one line with exit code 2."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: a file that cannot be read, a broken rule file, an unknown option."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str | None, int | None]]:
        # raised in a worker process, it reaches the parent with the file it names
        return (InputError, (self.message, self.path, self.line))
