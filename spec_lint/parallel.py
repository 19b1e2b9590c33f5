"""The per-file phase in worker processes: chunks of files go to a pool whose workers received
the packs and settings once, and the results come back in the order of the files."""

from __future__ import annotations

import os
import signal
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spec_lint.linted import Linted
from spec_lint.pack import Pack
from spec_lint.per_file import lint_file
from spec_lint.settings import Settings

if TYPE_CHECKING:
    import multiprocessing.context

# Fewer files than this are linted in this process. Measured on 2 cores: two forked workers
# cost 30-60 ms to start and feed, so 2 specs were slower in the pool (0.69 s vs 0.66 s), 8 and
# 16 faster (2.4 vs 2.8 s, 4.1 vs 6.9 s); 16 leaves a margin for when each spec is linted faster.
MIN_FILES = 16
# At least this many chunks for each worker, so that one slow file does not leave a core idle
# for long, and at most this many files in one, so that Ctrl-C drops the rest at once.
_CHUNKS_PER_WORKER = 4
_MAX_CHUNK = 4

Task = tuple[Path, str | None]  # a file, and its text when given instead of read


class WorkerError(RuntimeError):
    """A worker process died or failed: the run cannot tell what it found."""


def available_cpus() -> int:
    """The CPUs this process may run on (``--jobs``' default)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_files(tasks: Sequence[Task], packs: Sequence[Pack], settings: Settings, jobs: int) -> list[Linted]:
    """Each file's per-file phase, in order: in ``jobs`` worker processes unless the files are few."""
    workers = min(jobs, len(tasks))
    if workers <= 1 or len(tasks) < MIN_FILES:
        return [lint_file(path, packs, settings, text) for path, text in tasks]
    return _in_pool(tasks, packs, settings, workers)


def _in_pool(tasks: Sequence[Task], packs: Sequence[Pack], settings: Settings, workers: int) -> list[Linted]:
    from concurrent.futures import ProcessPoolExecutor  # here: a run in one process never loads them
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, min(_MAX_CHUNK, -(-len(tasks) // (workers * _CHUNKS_PER_WORKER))))
    chunks = [tasks[start:start + size] for start in range(0, len(tasks), size)]
    pool = ProcessPoolExecutor(workers, _context(), initializer=_start, initargs=(packs, settings))
    try:
        return [item for done in pool.map(_lint_chunk, chunks) for item in done]
    except BrokenProcessPool as error:
        raise WorkerError(f"a worker process died ({error}); rerun with --jobs 1") from None
    except Exception as error:  # noqa: BLE001 - one clear line, whatever went wrong in a worker
        raise WorkerError(f"a worker process failed: {error!r}; rerun with --jobs 1") from None
    finally:  # on Ctrl-C too: the chunks not started are dropped, the running ones are short
        pool.shutdown(wait=False, cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the loaded modules and packs with the workers; elsewhere, the platform's default.
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


_packs: Sequence[Pack] = ()
_settings: Settings | None = None


def _start(packs: Sequence[Pack], settings: Settings) -> None:
    global _packs, _settings  # a worker's state, set once when it starts
    _packs, _settings = packs, settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the main process, which stops the pool


def _lint_chunk(tasks: Sequence[Task]) -> list[Linted]:
    assert _settings is not None, "the worker was not started"
    return [lint_file(path, _packs, _settings, text) for path, text in tasks]
