"""How the benchmarks measure. These machines are shared and noisy, so every figure is the median of
several runs, and every comparison is a ratio of two things measured in the same run, interleaved
(subject, baseline, subject, baseline, ...) so that a slow minute slows both."""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
MIB = 1024 * 1024


@dataclass
class Figure:
    """One row of the results table."""

    benchmark: str
    figure: str
    median: float | None  # None when it could not be measured (see `note`)
    unit: str  # "s", "ms", "us", "MiB", "lines/s"
    runs: int
    ratio: float | None = None
    baseline: str = ""  # what the ratio divides by, measured in the same run
    target: str = ""
    met: bool | None = None
    note: str = ""

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def per_call(action: Callable[[], object], loops: int) -> float:
    """Seconds per call of `action`, over `loops` calls in a row."""
    started = time.perf_counter()
    for _ in range(loops):
        action()
    return (time.perf_counter() - started) / loops


@dataclass
class Paired:
    """Interleaved timings of a subject and its baseline; `ratio` is the median of the per-round ratios."""

    subject: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return median([s / b for s, b in zip(self.subject, self.baseline)])


def paired(
    subject: Callable[[], float], baseline: Callable[[], float], rounds: int, warmup: int = 1
) -> Paired:
    """Run `baseline` then `subject` `rounds` times (after `warmup` unrecorded rounds that fill caches);
    each returns the seconds it measured."""
    for _ in range(warmup):
        baseline()
        subject()
    result = Paired()
    for _ in range(rounds):
        result.baseline.append(baseline())
        result.subject.append(subject())
    return result


@dataclass
class ProcessRun:
    """A finished command: wall time, peak memory and how it ended."""

    seconds: float
    largest_rss: int  # bytes: peak RSS of the largest single process (the command or a worker it waited for)
    tree_rss: int  # bytes: peak of the RSS summed over the command and all its descendants (sampled)
    returncode: int
    timed_out: bool
    stderr_tail: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            todo.extend(int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split())
        except (OSError, ValueError):
            pass
    return found


def _tree_rss(pid: int) -> int:
    total = 0
    for member in _descendants(pid):
        try:
            total += int(Path(f"/proc/{member}/statm").read_text().split()[1]) * PAGE_SIZE
        except (OSError, ValueError, IndexError):
            pass
    return total


def run_process(
    argv: Sequence[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
    sample_memory: bool = False,
    stdout_to: Path | None = None,
) -> ProcessRun:
    """Run a command to the end; wall time from `os.wait4`, peak RSS from its rusage (and, with
    `sample_memory`, the whole process tree sampled every 20 ms). A timeout kills the process group."""
    with tempfile.TemporaryFile() as errors, open(stdout_to or os.devnull, "wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(argv),
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=errors,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        expired = threading.Event()

        def stop() -> None:
            expired.set()
            os.killpg(process.pid, signal.SIGKILL)

        timer = threading.Timer(timeout or 1e9, stop)
        timer.start()
        peak = [0]
        done = threading.Event()
        sampler = threading.Thread(target=_sample, args=(process.pid, peak, done), daemon=True)
        if sample_memory:
            sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        timer.cancel()
        done.set()
        process.returncode = os.waitstatus_to_exitcode(status)
        if sample_memory:
            sampler.join()
        errors.seek(0)
        tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-5:]
    return ProcessRun(
        seconds, usage.ru_maxrss * 1024, peak[0], process.returncode, expired.is_set(), "\n".join(tail)
    )


def _sample(pid: int, peak: list[int], done: threading.Event) -> None:
    while not done.wait(0.02):
        peak[0] = max(peak[0], _tree_rss(pid))
