"""Work split across forked processes, which inherit what they read (copy-on-write) instead of receiving it.

Each use submits every task at once, so the workers are forked while what they share is set and the cycle
collector is frozen (it would otherwise touch, and so copy, every inherited object in each worker).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_SHARED: Any = None


def shared() -> Any:
    """In a worker: what the process that forked it shared (see `Forked`)."""
    return _SHARED


def _watch_parent() -> None:
    """In a worker process: exit when the run that started it is gone (killed, not just finished), rather than
    wait forever for work that will not come."""
    import os
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class Forked(Generic[T, R]):
    """`fn` applied to each of `tasks` in `jobs` forked processes, started at once; `results()` in task order.
    The caller goes on meanwhile. A context manager: leaving it stops the workers."""

    def __init__(self, fn: Callable[[T], R], tasks: list[T], jobs: int, share: Any = None) -> None:
        import gc
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _SHARED
        _SHARED = share
        gc.freeze()
        try:
            self.pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_watch_parent)
            self.futures: list[Future[R]] = [self.pool.submit(fn, t) for t in tasks]
        finally:
            _SHARED = None
            gc.unfreeze()

    def results(self) -> Iterator[R]:
        for f in self.futures:
            yield f.result()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)

    def __enter__(self) -> Forked[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
