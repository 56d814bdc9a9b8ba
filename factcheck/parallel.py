"""Work split across this process and forked ones, which inherit what they read (copy-on-write) instead of
receiving it (`Forked`), or are fed it as this process makes it (`Streamed`).

Each process claims the next task from a shared counter, so the work balances itself, and the tasks (documents,
an index) are never sent: only results come back, through files (see `_serve`). Workers are forked while what
they share is set and the cycle collector is frozen (it would otherwise touch, and so copy, every inherited object
in each worker).
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_SHARED: Any = None


def shared() -> Any:
    """In a task: what the `Forked` running it shares."""
    return _SHARED


def _watch_parent(spill: str = "") -> None:
    """In a worker process: exit when the run that started it is gone (killed, not just finished), rather than
    wait forever for work that will not come; remove the folder of results `spill`, which the run cannot."""
    import shutil
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        # This process's other thread may write a result into the folder meanwhile, so that a removal fails; once
        # the folder is gone, its next result cannot be written.
        for _ in range(100):
            if not spill or not os.path.exists(spill):
                break
            shutil.rmtree(spill, ignore_errors=True)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _claim(counter: Any, n: int) -> int | None:
    """The next task nobody has taken, or None when all are taken."""
    with counter.get_lock():
        i: int = counter.value
        if i >= n:
            return None
        counter.value = i + 1
    return i


def _portable(exc: BaseException) -> BaseException:
    """An exception the parent can receive: itself, or its traceback as text when it does not pickle."""
    import traceback

    try:
        pickle.dumps(exc)
        return exc
    except Exception:
        return RuntimeError("in a worker process:\n" + "".join(traceback.format_exception(exc)))


def _serve(fn: Callable[[Any], Any], tasks: list[Any], counter: Any, queue: Any, spill: str,
           pack: Callable[[Any], Any]) -> None:
    """A worker's life: take tasks until none is left, sending each result (or the first error) back.

    A result is pickled into a file of `spill`, as it is made, and only the file's name is sent: pickled to bytes,
    it was held twice over while the queue's thread pickled those again (the run's largest process at 100,000
    documents was a worker sending a rule's findings); the parent reads it back the same way."""
    _watch_parent(spill)
    while (i := _claim(counter, len(tasks))) is not None:
        try:
            # Pickled here, so that a result that does not pickle is this task's error instead of a result lost.
            path = os.path.join(spill, f"{i}.pickle")
            with open(path, "wb") as f:
                pickle.dump(pack(fn(tasks[i])), f, pickle.HIGHEST_PROTOCOL)
            queue.put((i, True, path))
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
            queue.put((i, False, _portable(exc)))
            break
    queue.close()
    queue.join_thread()


SPILL_PREFIX = "factcheck-results-"  # then the pid of the run that made the folder, a dash, a random part


@functools.cache  # once a process: a run forks workers several times
def _remove_left_folders(where: str) -> None:
    """Remove the results folders of runs that are gone: a run killed with its workers (a CI job's timeout kills a
    whole process group) leaves its folder, with what its workers had written. A folder whose run is alive, or
    whose owner cannot be told, is left alone."""
    import shutil

    try:
        names = os.listdir(where)
    except OSError:
        return
    for name in names:
        pid = name[len(SPILL_PREFIX):].partition("-")[0]
        if not (name.startswith(SPILL_PREFIX) and pid.isdigit()) or _alive(int(pid)):
            continue
        shutil.rmtree(os.path.join(where, name), ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # another user's process, or no process number at all: not ours to judge
    return True


def _same(x: Any) -> Any:
    return x


class Forked(Generic[T, R]):
    """`fn` applied to each of `tasks` by `jobs` processes: `jobs - 1` forked now, which start at once, and this
    one, which takes tasks too while it waits in `results()` (so the caller can go on with other work first).
    Results come in task order and are what one process gives. A context manager: leaving it stops the workers.

    `pack` and `unpack`: how a worker's result is sent (made into what pickles in less memory, then back into a
    result, in this process); a task this process runs itself gives its result as it is."""

    def __init__(self, fn: Callable[[T], R], tasks: list[T], jobs: int, share: Any = None,
                 pack: Callable[[R], Any] = _same, unpack: Callable[[Any], R] = _same) -> None:
        import gc
        import multiprocessing
        import tempfile

        global _SHARED
        self.fn, self.tasks, self.share, self.unpack = fn, tasks, share, unpack
        ctx = multiprocessing.get_context("fork")
        self.counter = ctx.Value("q", 0)
        self.queue = ctx.Queue()  # a worker's results are written by its own thread, so it never waits on a pipe
        n = min(jobs - 1, len(tasks))
        if n:
            _remove_left_folders(tempfile.gettempdir())
        # removed by close(); named by this process, so that a later run can tell it was left (`_remove_left_folders`)
        self.spill = tempfile.mkdtemp(prefix=f"{SPILL_PREFIX}{os.getpid()}-") if n else ""
        self.workers = [ctx.Process(target=_serve, args=(fn, tasks, self.counter, self.queue, self.spill, pack),
                                    daemon=True) for _ in range(n)]
        _SHARED = share
        gc.freeze()
        try:
            for w in self.workers:
                w.start()
        finally:
            _SHARED = None
            gc.unfreeze()

    def results(self) -> Iterator[R]:
        """Each task's result in task order; while one is not in, this process runs the next task nobody took."""
        done: dict[int, R] = {}
        for k in range(len(self.tasks)):
            while k not in done:
                if self._receive(done, wait=False):
                    continue
                i = _claim(self.counter, len(self.tasks))
                if i is not None:
                    done[i] = self._run(i)
                else:
                    self._receive(done, wait=True)
            yield done.pop(k)

    def _run(self, i: int) -> R:
        global _SHARED
        _SHARED = self.share
        try:
            return self.fn(self.tasks[i])
        finally:
            _SHARED = None

    def _receive(self, done: dict[int, R], wait: bool) -> bool:
        """Store a worker's result if one has come (or, with `wait`, when one comes); False if none has."""
        import queue

        try:
            i, ok, value = self.queue.get(timeout=0.5) if wait else self.queue.get_nowait()
        except queue.Empty:
            if wait and not any(w.is_alive() for w in self.workers) and self.queue.empty():
                raise RuntimeError("a worker process ended before sending its results") from None
            return False
        if not ok:
            raise value
        with open(value, "rb") as f:
            done[i] = self.unpack(pickle.load(f))
        os.unlink(value)
        return True

    def close(self) -> None:
        """Stop the workers and let go of what they shared and their tasks (the caller may hold this object on)."""
        self.share, self.tasks = None, []
        for w in self.workers:
            if w.is_alive():
                w.terminate()  # only when the caller stopped early: finished workers have exited
            w.join()
        self.queue.close()
        if self.spill:
            import shutil

            shutil.rmtree(self.spill, ignore_errors=True)  # results not read: the caller stopped early
            self.spill = ""

    def __enter__(self) -> Forked[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _consume(fn: Callable[[Iterator[Any]], Any], conn: Any) -> None:
    """A streamed worker's life: `fn` over what comes through `conn` until the empty message, then its result (or
    its error, once the rest is read, so that the sender is never left blocked on a full pipe) sent back."""
    _watch_parent()

    ended = False

    def received() -> Iterator[Any]:
        nonlocal ended
        while data := conn.recv_bytes():
            yield pickle.loads(data)
        ended = True

    try:
        payload = pickle.dumps((True, fn(received())), pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
        with contextlib.suppress(EOFError, OSError):
            while not ended and conn.recv_bytes():  # the rest, up to the empty message
                pass
        payload = pickle.dumps((False, _portable(exc)), pickle.HIGHEST_PROTOCOL)
    conn.send_bytes(payload)
    conn.close()


class Streamed(Generic[T, R]):
    """`fn` run by one forked process over the items `send` gives it, in order: the process holds them, not this
    one (which may make them by the hundred megabytes, and forks other processes later that would inherit them).
    A context manager: leaving it stops the worker."""

    def __init__(self, fn: Callable[[Iterator[T]], R], share: Any = None) -> None:
        import gc
        import multiprocessing

        global _SHARED
        ctx = multiprocessing.get_context("fork")
        self.conn, theirs = ctx.Pipe()
        self.ended = False
        self.worker = ctx.Process(target=_consume, args=(fn, theirs), daemon=True)
        _SHARED = share
        gc.freeze()
        try:
            self.worker.start()
        finally:
            _SHARED = None
            gc.unfreeze()
            theirs.close()  # so that a worker that ends is seen as a closed pipe here

    def send(self, item: T) -> None:
        """Hand `item` to the worker."""
        self._write(pickle.dumps(item, pickle.HIGHEST_PROTOCOL))

    def end(self) -> None:
        """Tell the worker that all is sent, so it can go on while this process does other work."""
        if not self.ended:
            self.ended = True
            self._write(b"")

    def _write(self, data: bytes) -> None:
        try:
            self.conn.send_bytes(data)
        except OSError:
            raise RuntimeError("a worker process ended before sending its results") from None

    def result(self) -> R:
        """`fn`'s result, once it has everything sent (or its error, raised here)."""
        self.end()
        try:
            ok, value = pickle.loads(self.conn.recv_bytes())
        except (OSError, EOFError):
            raise RuntimeError("a worker process ended before sending its results") from None
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the worker (when the caller stopped early: one that sent its result has ended)."""
        if self.worker.is_alive():
            self.worker.terminate()
        self.worker.join()
        self.conn.close()

    def __enter__(self) -> Streamed[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
