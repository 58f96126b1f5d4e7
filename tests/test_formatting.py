"""The formatter a build relies on: black's output for every rendered file, in the order the files were
given, whichever worker finished first; and a rendered file that is not Python stops the build with the
name of its template, from one worker as from the serial path."""

from __future__ import annotations

import pytest

from generator import formatting
from generator.local_cache import LocalCache
from generator.python.render import RenderError, format_all, format_python


def module(index: int, functions: int) -> str:
    """A small module black has work on (spacing, quotes, a long call to wrap), `functions` long."""
    body = "".join(
        f"def f_{index}_{n}( a,b ):\n    return call_{n}(  a, 'x' * {n}, b, {', '.join(['a'] * 40)} )\n"
        for n in range(functions)
    )
    return f"x_{index} = {{ 'a':1 }}\n{body}"


def jobs_of_mixed_sizes() -> list[tuple[str, str, str]]:
    """More files than the parallel threshold; sizes out of order, so the largest-first schedule
    differs from the input order, and a non-Python file in the middle."""
    sizes = [1, 30, 2, 1, 25, 3, 1, 40, 2, 1] * 3
    jobs = [(f"pkg/m{i}.py", "package/model.py.j2", module(i, n)) for i, n in enumerate(sizes)]
    jobs.insert(7, ("README.md", "README.md.j2", "# not python ( \n"))
    assert len(jobs) >= formatting.PARALLEL_FROM
    return jobs


def test_parallel_results_come_back_in_input_order() -> None:
    jobs = jobs_of_mixed_sizes()
    expected = format_all(jobs)
    python = [job for job in jobs if job[0].endswith(".py")]
    assert formatting._format(python) == [text for job, text in zip(jobs, expected) if job[0].endswith(".py")]
    assert formatting.CachedFormatter(LocalCache(None))(jobs) == expected
    assert expected[7] == "# not python ( \n"  # only .py files go through black


def test_cache_hits_and_misses_keep_their_places(tmp_path) -> None:
    jobs = jobs_of_mixed_sizes()
    expected = format_all(jobs)
    cache = LocalCache(tmp_path / "cache")
    formatting.CachedFormatter(cache)(jobs[::2])  # every other file formatted before
    again = formatting.CachedFormatter(cache)
    assert again(jobs) == expected
    assert again.reused == sum(1 for path, _, _ in jobs[::2] if path.endswith(".py"))


@pytest.mark.parametrize(
    "text",
    [
        "def f(:\n    pass\n",  # black cannot read it
        "f() = 1\n",  # black reads it; Python does not
        "x = [\n",
    ],
    ids=["black-refuses", "python-refuses", "unclosed"],
)
def test_invalid_python_names_its_template(text: str) -> None:
    with pytest.raises(RenderError, match=r"templates/python/package/broken\.py\.j2: .*pkg/broken\.py"):
        format_python("pkg/broken.py", "package/broken.py.j2", text)


def test_invalid_python_in_a_worker_names_its_template() -> None:
    jobs = [job for job in jobs_of_mixed_sizes() if job[0].endswith(".py")]
    jobs[5] = ("pkg/broken.py", "package/broken.py.j2", "f() = 1\n")
    with pytest.raises(RenderError, match=r"templates/python/package/broken\.py\.j2"):
        formatting.CachedFormatter(LocalCache(None))(jobs)
