"""Running many books' build tasks: in this process, in local worker processes, or on a Dask cluster.

A task is read → produce for one book; its Product (the files, not yet written) comes back to this
process, which publishes it, so every scheduler writes dist/ the same way. Workers report the stage
each book is at through `on_event(book, stage)`.
"""

from __future__ import annotations

import multiprocessing
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .build import Product, produce
from .errors import BookbuildError
from .read.manuscript import Manuscript, read_manuscript

Event = Callable[[str, str], None]  # (book, stage)
Outcomes = Iterator[tuple["Task", Product | BaseException]]  # each book's product, or why it failed


@dataclass
class Task:
    book: str  # the name the progress display shows: the book's slug
    path: Path
    formats: tuple[str, ...]


def run_serial(tasks: list[Task], on_event: Event) -> Outcomes:
    for task in tasks:
        yield task, _outcome(lambda: _make(task, lambda stage: on_event(task.book, stage)))


def run_local(tasks: list[Task], jobs: int, on_event: Event) -> Outcomes:
    """Each book in a worker process, `jobs` at a time. The workers ignore Ctrl-C: the command line
    takes it, and leaving this function (finished, interrupted or failed) terminates them."""
    context = multiprocessing.get_context("fork")
    events = context.Queue()
    with context.Pool(jobs, initializer=_start_worker, initargs=(events,)) as pool:
        results = pool.imap_unordered(_make_in_worker, tasks)
        for _ in tasks:
            while True:
                try:
                    task, outcome = results.next(timeout=0.1)
                    break
                except multiprocessing.TimeoutError:
                    _drain(events, on_event)
            _drain(events, on_event)
            yield task, outcome


def run_dask(tasks: list[Task], address: str, on_event: Event) -> Outcomes:
    """Each book a task on an existing Dask cluster; the manuscript is read here and shipped, so the
    workers need bookbuild installed but not the manuscript files. Connects at once (a wrong address
    is an error before any work)."""
    try:
        from distributed import Client
    except ImportError:
        raise BookbuildError("--scheduler needs Dask: pip install 'bookbuild[cluster]'") from None
    try:
        client = Client(address, timeout="10s")
    except (OSError, ValueError, TimeoutError) as exc:
        raise BookbuildError(f"cannot reach the Dask scheduler at {address} ({exc}); check --scheduler") from None
    return _on_cluster(client, tasks, on_event)


def _on_cluster(client, tasks: list[Task], on_event: Event) -> Outcomes:
    from distributed import as_completed

    with client:
        futures = {}
        for task in tasks:
            on_event(task.book, "read")
            try:
                manuscript = read_manuscript(task.path)
            except BaseException as exc:
                yield task, exc
                continue
            on_event(task.book, "sent")
            futures[client.submit(_produce, manuscript, task.formats, key=f"bookbuild-{task.book}", pure=False)] = task
        for future in as_completed(futures):
            yield futures[future], _outcome(future.result)


def _produce(manuscript: Manuscript, formats: tuple[str, ...]) -> Product:
    return produce(manuscript, formats)


def _make(task: Task, on_stage: Callable[[str], None]) -> Product:
    on_stage("read")
    return produce(read_manuscript(task.path), task.formats, on_stage)


_events = None


def _start_worker(events) -> None:
    global _events
    _events = events
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _make_in_worker(task: Task) -> tuple[Task, Product | BaseException]:
    return task, _outcome(lambda: _make(task, lambda stage: _events.put((task.book, stage))))


def _drain(events, on_event: Event) -> None:
    while not events.empty():
        try:
            book, stage = events.get_nowait()
        except Exception:
            return
        on_event(book, stage)


def _outcome(get: Callable[[], Product]) -> Product | BaseException:
    try:
        return get()
    except Exception as exc:  # the caller reports it: a bad manuscript, or a bug, for one book only
        return exc
