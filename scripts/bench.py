"""Benchmark this project's build against plain Pelican on the same synthetic corpus.

    python scripts/bench.py [--n 1000 5000] [--runs 3] [--out output-bench]
    make bench N="1000 5000" RUNS=3

For each corpus size N (scripts/bench_corpus.py) it builds, alternating, >= RUNS times:
(a) plain Pelican (scripts/bench_plain_pelicanconf.py: Pelican's own Markdown reader,
default theme, feeds on) and (b) this project (scripts/build.py's build with
pelicanconf.py: every plugin, the theme, hubs, feeds, the Pagefind index), then (b)
again after one article was edited ("rebuild", with the previous output and caches
present). Every run is a fresh subprocess; it records the wall time, the CPU time
(user + system of the child and what it waited for, from os.wait4), the child's peak
RSS (ru_maxrss, which for a process with workers is that of its largest process) and
the peak of the memory of its whole process tree (sampled every 0.2 s from /proc as the
sum of proportional set sizes, so pages the forked workers share count once). It prints
a table of medians and writes everything to ``<out>/bench.json``. For (b) it also records
the build process's own peak RSS ("build MB": without Pagefind, a separate program).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
PLAIN_SETTINGS = SCRIPTS / "bench_plain_pelicanconf.py"
# What the project's content needs besides articles (copied into each corpus).
PROJECT_CONTENT = ("topics", "pages", "extra", "images")
EDIT_MARKER = "Synthetic edit for the rebuild benchmark."
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.2
BUILD_RSS_PREFIX = "bench: build process peak RSS KiB "


# --- one measured run ---------------------------------------------------------------


def _pss(pid: int, fallback: int) -> int:
    """Proportional set size: shared pages (forked workers) counted once across the tree."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return fallback


def _tree_memory(root: int) -> int:
    """Bytes of memory ``root`` and all its descendants use right now (from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue  # the process ended meanwhile
        fields = stat[stat.rfind(b")") + 2 :].split()
        pid = int(name)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * PAGE_SIZE
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _pss(pid, rss.get(pid, 0))
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total


def measure(command: list[str], *, cwd: Path, env: dict[str, str]) -> dict[str, float]:
    """Run ``command`` in a fresh process; return its wall and CPU seconds and peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while True:
            peak_tree = max(peak_tree, _tree_memory(process.pid))
            if done.wait(SAMPLE_SECONDS):
                return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stdout is not None
    said = process.stdout.read()  # read before waiting, or a chatty child blocks on the pipe
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed (exit {process.returncode}):\n"
            + said.decode(errors="replace")[-4000:]
        )
    figures = {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # Linux reports kilobytes
        # A run shorter than one sample falls back to the child's own peak.
        "peak_tree_mb": (peak_tree or usage.ru_maxrss * 1024) / 2**20,
    }
    # The project's build reports its own peak (ru_maxrss above includes Pagefind's).
    for line in said.decode(errors="replace").splitlines():
        if line.startswith(BUILD_RSS_PREFIX):
            figures["build_process_rss_mb"] = int(line.removeprefix(BUILD_RSS_PREFIX)) / 1024
    return figures


def _plain_env() -> dict[str, str]:
    # Nothing of ours importable: Pelican would register our reader class otherwise.
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONSTARTUP"}}
    env["PYTHONHASHSEED"] = "0"
    return env


def run_plain(corpus: Path, output: Path, work: Path) -> dict[str, float]:
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "pelican", str(corpus), "-s", str(PLAIN_SETTINGS)]
    command += ["-o", str(output), "-q"]
    result = measure(command, cwd=work, env=_plain_env())
    _check_plain(output)
    return result


def _check_plain(output: Path) -> None:
    """The baseline really used Pelican's python-markdown reader, not ours."""
    page = output / "example-article-1.html"
    if not page.is_file():
        raise RuntimeError(f"plain Pelican wrote no {page}")
    text = page.read_text(encoding="utf-8")
    if "heading-anchor" in text or "<h2" not in text:
        raise RuntimeError(f"{page} was not rendered by Pelican's own Markdown reader")


def run_project(corpus: Path, output: Path, cache: Path, *, fresh: bool) -> dict[str, float]:
    if fresh:
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--child-project"]
    command += [str(corpus), str(output), str(cache)]
    env = dict(os.environ, PYTHONHASHSEED="0")
    return measure(command, cwd=ROOT, env=env)


def child_project(corpus: Path, output: Path, cache: Path) -> int:
    """Build ``corpus`` as scripts/build.py does (run in the measured subprocess)."""
    import logging

    sys.path.insert(0, str(SCRIPTS))
    from project_paths import make_importable

    make_importable()
    os.chdir(ROOT)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    from build import build

    overrides = {"PATH": str(corpus), "CACHE_PATH": str(cache)}
    problems = build(ROOT / "pelicanconf.py", output, overrides=overrides)
    for problem in problems:
        print(problem)
    import resource

    print(f"{BUILD_RSS_PREFIX}{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
    return 1 if problems else 0


# --- corpus and edit ----------------------------------------------------------------


def make_corpus(count: int, where: Path) -> Path:
    """The corpus folder for ``count`` articles plus the project's topics and pages."""
    from bench_corpus import write_corpus

    corpus = where / f"corpus-{count}"
    shutil.rmtree(corpus, ignore_errors=True)
    write_corpus(count, corpus / "articles", ROOT / "content" / "topics")
    for name in PROJECT_CONTENT:
        source = ROOT / "content" / name
        if source.is_dir():
            shutil.copytree(source, corpus / name)
    return corpus


def edit_one_article(corpus: Path, count: int) -> tuple[Path, str]:
    """Change the text of one article in the middle (not its title or date)."""
    from bench_corpus import article_path

    path = article_path(corpus / "articles", max(1, count // 2))
    original = path.read_text(encoding="utf-8")
    head, _, rest = original.partition("\n## ")
    path.write_text(f"{head}\n\n{EDIT_MARKER}\n\n## {rest}", encoding="utf-8")
    return path, original


# --- the benchmark ------------------------------------------------------------------


def _medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def bench_size(count: int, runs: int, work: Path, log: Any) -> dict[str, Any]:
    corpus = make_corpus(count, work)
    plain_out, project_out = work / f"plain-{count}", work / f"project-{count}"
    cache = work / f"cache-{count}"
    samples: dict[str, list[dict[str, float]]] = {"plain": [], "project": [], "rebuild": []}
    for number in range(1, runs + 1):
        samples["plain"].append(run_plain(corpus, plain_out, work))
        samples["project"].append(run_project(corpus, project_out, cache, fresh=True))
        path, original = edit_one_article(corpus, count)
        try:
            samples["rebuild"].append(run_project(corpus, project_out, cache, fresh=False))
        finally:
            path.write_text(original, encoding="utf-8")
        log(
            f"  N={count} run {number}/{runs}: plain {samples['plain'][-1]['wall_s']:.2f} s,"
            f" project {samples['project'][-1]['wall_s']:.2f} s,"
            f" rebuild {samples['rebuild'][-1]['wall_s']:.2f} s"
        )
    medians = {side: _medians(values) for side, values in samples.items()}
    plain, project = medians["plain"], medians["project"]
    for side in ("plain", "project"):
        medians[side]["ms_per_article"] = medians[side]["wall_s"] * 1000 / count
    return {
        "n": count,
        "runs": runs,
        "median": medians,
        "ratio_project_to_plain": {
            "wall": project["wall_s"] / plain["wall_s"],
            "cpu": project["cpu_s"] / plain["cpu_s"],
            "peak_rss": project["peak_rss_mb"] / plain["peak_rss_mb"],
            "peak_tree": project["peak_tree_mb"] / plain["peak_tree_mb"],
        },
        "rebuild_to_full": medians["rebuild"]["wall_s"] / project["wall_s"],
        "samples": samples,
    }


def table(results: list[dict[str, Any]]) -> str:
    head = (
        f"{'N':>6}  {'build':<18} {'wall s':>8} {'CPU s':>8} {'RSS MB':>8} {'tree MB':>8}"
        f" {'ms/art':>7} {'build MB':>8}"
    )
    lines = [head, "-" * len(head)]
    for result in results:
        median, ratio = result["median"], result["ratio_project_to_plain"]
        names = {
            "plain": "(a) plain Pelican",
            "project": "(b) newsdigest",
            "rebuild": "(b) 1-edit rebuild",
        }
        for side, name in names.items():
            row = median[side]
            per = f"{row['ms_per_article']:7.2f}" if "ms_per_article" in row else " " * 7
            own = f"{row['build_process_rss_mb']:8.0f}" if "build_process_rss_mb" in row else ""
            lines.append(
                f"{result['n']:>6}  {name:<18} {row['wall_s']:8.2f} {row['cpu_s']:8.2f}"
                f" {row['peak_rss_mb']:8.0f} {row['peak_tree_mb']:8.0f} {per} {own}"
            )
        lines.append(
            f"{result['n']:>6}  {'ratio b/a':<18} {ratio['wall']:8.2f} {ratio['cpu']:8.2f}"
            f" {ratio['peak_rss']:8.2f} {ratio['peak_tree']:8.2f}"
        )
        lines.append(f"{result['n']:>6}  {'rebuild/full (b)':<18} {result['rebuild_to_full']:8.2f}")
    return "\n".join(lines)


def _pelican_version() -> str:
    from importlib.metadata import version

    return version("pelican")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", nargs="+", type=int, default=[1000, 5000], help="corpus sizes")
    parser.add_argument("--runs", type=int, default=3, help="runs of each build (>= 1)")
    parser.add_argument("--out", type=Path, default=ROOT / "output-bench")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument("--child-project", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_project:
        # Ends as scripts/build.py does (make html), without the interpreter's clean-up.
        from build import exit_now

        exit_now(child_project(*args.child_project))
    if args.runs < 1 or any(n < 1 for n in args.n):
        parser.error("--n and --runs must be positive")
    sys.path.insert(0, str(SCRIPTS))

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    work = args.work or Path(tempfile.mkdtemp(prefix="newsdigest-bench."))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = []
        for count in args.n:
            log(f"N={count}: writing the corpus, then {args.runs} run(s) of each build")
            results.append(bench_size(count, args.runs, work, log))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "pelican": _pelican_version(),
        },
        "results": results,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nJSON: {args.out / 'bench.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
