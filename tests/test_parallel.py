"""`Forked`: tasks shared between this process and forked workers come back in order, errors come back raised,
and a lost worker is an error, never a hang. `Streamed`: a forked worker fed items gives its result, or its error,
and is never a hang either."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

from factcheck.parallel import Forked, Streamed, shared

PARENT = os.getpid()


def _square(x: int) -> int:
    return x * x


def _who(x: int) -> tuple[int, int]:
    time.sleep(0.005)  # slow enough that the worker, forked at once, takes some tasks
    return x + shared(), os.getpid()


def _fails_at_7(x: int) -> int:
    if x == 7:
        raise ValueError("task 7 failed")
    return x


class _Unpicklable(Exception):
    def __init__(self) -> None:
        super().__init__("cannot travel")
        self.hook = lambda: None


def _dies_in_worker(x: int) -> int:
    if os.getpid() != PARENT:
        os._exit(3)
    time.sleep(0.005)
    return x


def _unpicklable_in_worker(x: int) -> int:
    if os.getpid() != PARENT:
        raise _Unpicklable()
    time.sleep(0.005)
    return x


def test_results_come_in_task_order() -> None:
    with Forked(_square, list(range(300)), 3) as forked:
        assert list(forked.results()) == [x * x for x in range(300)]


def test_this_process_and_a_worker_share_the_tasks_and_what_is_shared() -> None:
    with Forked(_who, list(range(60)), 2, share=1000) as forked:
        out = list(forked.results())
    assert [v for v, _ in out] == [x + 1000 for x in range(60)]
    assert {pid for _, pid in out} - {PARENT}, "no task ran in the worker"
    assert PARENT in {pid for _, pid in out}, "no task ran in this process"


def test_an_error_in_a_task_is_raised() -> None:
    with pytest.raises(ValueError, match="task 7 failed"), Forked(_fails_at_7, list(range(50)), 2) as forked:
        list(forked.results())


def test_an_exception_that_does_not_pickle_comes_back_as_text() -> None:
    with pytest.raises(RuntimeError, match="_Unpicklable: cannot travel"), \
            Forked(_unpicklable_in_worker, list(range(60)), 2) as forked:
        list(forked.results())


def _unpicklable_result_in_worker(x: int) -> object:
    time.sleep(0.005)
    return (lambda: x) if os.getpid() != PARENT else x


def test_a_result_that_does_not_pickle_is_the_tasks_error() -> None:
    with pytest.raises(AttributeError, match="pickle"), \
            Forked(_unpicklable_result_in_worker, list(range(60)), 2) as forked:
        list(forked.results())


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="ended before sending"), \
            Forked(_dies_in_worker, list(range(60)), 2) as forked:
        list(forked.results())


def test_leaving_early_stops_the_workers() -> None:
    with Forked(_who, list(range(200)), 3, share=0) as forked:
        next(forked.results())
        assert os.path.isdir(forked.spill)
    assert not any(w.is_alive() for w in forked.workers)


@pytest.mark.parametrize("early", [False, True])
def test_the_files_results_come_through_are_removed(early: bool) -> None:
    with Forked(_who, list(range(100)), 2, share=0) as forked:
        spill = forked.spill
        results = forked.results()
        out = [next(results)] if early else list(results)
        if not early:
            assert os.listdir(spill) == []  # each removed once read
    assert len(out) == (1 if early else 100) and not os.path.exists(spill)


def test_a_worker_whose_run_is_gone_removes_its_results_folder() -> None:
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()

    def run() -> None:
        with Forked(_who, list(range(10_000)), 2, share=0) as forked:
            queue.put(forked.spill)
            time.sleep(0.2)
            os._exit(0)  # as a killed run: no close(), so the worker must notice and clean up

    proc = ctx.Process(target=run)
    proc.start()
    spill = queue.get(timeout=30)
    proc.join(30)
    deadline = time.monotonic() + 10
    while os.path.exists(spill) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not os.path.exists(spill)


def test_once_closed_it_lets_go_of_what_it_shared_and_its_tasks() -> None:
    import weakref

    class Big:
        pass

    big = Big()
    gone = weakref.ref(big)
    with Forked(_square, list(range(10)), 2, share=big) as forked:
        assert list(forked.results()) == [x * x for x in range(10)]
    del big
    assert gone() is None, "a closed Forked (held on by its caller) still holds what it shared"
    assert forked.tasks == []


@pytest.mark.parametrize("jobs", [1, 2, 4])
def test_extraction_batches_cover_the_documents_in_order_and_shrink_towards_the_end(jobs: int) -> None:
    from factcheck.pipeline import BATCH, MIN_BATCH, _batches

    for n in (0, 1, 5, 63, 64, 404, 1000):
        todo = list(range(3, 3 + n))
        batches = _batches(todo, jobs)
        assert [i for b in batches for i in b] == todo
        assert all(0 < len(b) <= BATCH for b in batches)
        if jobs > 1 and n >= 404:
            sizes = [len(b) for b in batches]
            assert sizes[0] == BATCH and max(sizes[-4:]) <= MIN_BATCH and sizes == sorted(sizes, reverse=True)


def _total(items: Iterator[list[int]]) -> tuple[int, list[int], int]:
    got = [x for batch in items for x in batch]
    return os.getpid(), got, sum(got) + shared()


def _fails_at_first(items: Iterator[bytes]) -> int:
    next(items)
    raise ValueError("first item refused")


def _fails_at_end(items: Iterator[int]) -> int:
    sum(items)
    raise ValueError("failed once all was read")


def _dies(items: Iterator[int]) -> int:
    next(items)
    os._exit(3)


def test_a_streamed_worker_gets_every_item_in_order_and_what_is_shared() -> None:
    with Streamed(_total, share=5) as streamed:
        for start in range(0, 3000, 100):
            streamed.send(list(range(start, start + 100)))
        pid, got, total = streamed.result()
    assert pid != PARENT
    assert got == list(range(3000)) and total == sum(range(3000)) + 5


def test_a_streamed_workers_error_is_raised_once_all_is_sent() -> None:
    # far more than a pipe holds is sent after the worker fails: the sender must not be left blocked
    with Streamed(_fails_at_first) as streamed:
        for _ in range(200):
            streamed.send(b"x" * 100_000)
        with pytest.raises(ValueError, match="first item refused"):
            streamed.result()


def test_a_streamed_workers_error_after_all_is_read_is_raised_not_a_hang() -> None:
    with Streamed(_fails_at_end) as streamed:
        for i in range(10):
            streamed.send(i)
        with pytest.raises(ValueError, match="once all was read"):
            streamed.result()


def test_a_streamed_worker_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="ended before sending"), Streamed(_dies) as streamed:
        for i in range(200):
            streamed.send(i)
            time.sleep(0.001)
        streamed.result()


def test_a_workers_result_is_sent_packed_and_one_made_here_is_given_as_it_is() -> None:
    unpacked: list[tuple[str, tuple[int, int]]] = []

    def unpack(packed: tuple[str, tuple[int, int]]) -> tuple[int, int]:
        unpacked.append(packed)
        return packed[1]

    with Forked(_who, list(range(40)), 2, share=0, pack=lambda r: ("packed", r), unpack=unpack) as forked:
        out = list(forked.results())
    assert [x for x, _ in out] == list(range(40))
    theirs = [r for r in out if r[1] != PARENT]
    assert theirs and sorted(r for _, r in unpacked) == sorted(theirs) and all(tag == "packed" for tag, _ in unpacked)


def test_a_results_folder_left_by_a_run_that_is_gone_is_removed_by_the_next_run(tmp_path, monkeypatch) -> None:
    import subprocess
    import sys
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    left = tmp_path / f"factcheck-results-{gone.pid}-x1"  # as a run killed with its workers leaves it
    left.mkdir()
    (left / "3.pickle").write_bytes(b"results never read")
    running = tmp_path / f"factcheck-results-{os.getpid()}-x2"  # a run still going
    running.mkdir()
    other = tmp_path / "factcheck-results-notes"  # not a run's
    other.mkdir()
    with Forked(_square, list(range(10)), 2) as forked:
        assert forked.spill.startswith(str(tmp_path / f"factcheck-results-{os.getpid()}-"))
        assert list(forked.results()) == [x * x for x in range(10)]
    assert not left.exists() and running.exists() and other.exists()
