"""scripts/build.py under faults: killed at any moment, run twice at once, on a full disk.

Every build here is a real ``scripts/build.py`` process on a small synthetic site. Faults
are either real (SIGKILL sent to the build's process group once its progress shows, a
tmpfs that is full) or placed at an exact file-system operation by fault_runner.py's
audit hook (the build's code unchanged; the operating system's error where it would
come from).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from project_paths import PLUGIN_FOLDERS

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("fault_runner.py")
ARTICLES = 80  # more than parallel_write's minimum: pages are written by forked workers


def _article(number: int, body: str) -> str:
    day = number % 28 + 1
    return (
        f"---\ntitle: Example article {number}\ndate: 2026-01-{day:02d}\n"
        f"tags: [example-tag-{number % 5}]\n---\n\n{body}\n"
    )


def _write_site(site: Path, version: str) -> None:
    """Content ``a`` (the last good build's) or ``b`` (one edited, one added, one deleted)."""
    content = site / "content/articles"
    shutil.rmtree(content, ignore_errors=True)
    content.mkdir(parents=True)
    numbers = range(1, ARTICLES + 1) if version == "a" else range(2, ARTICLES + 2)
    for number in numbers:
        body = f"Synthetic body {number}."
        if version == "b" and number == 2:
            body = "Synthetic body 2, edited."
        (content / f"a{number}.md").write_text(_article(number, body), encoding="utf-8")
    (site / "settings.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        f"from pelicanconf import *  # noqa: F403\nPATH = {str(site / 'content')!r}\n"
        f"THEME = {str(ROOT)!r}\nPLUGIN_PATHS = {[str(folder) for folder in PLUGIN_FOLDERS]!r}\n"
        f"CACHE_PATH = {str(site / 'cache')!r}\n",
        encoding="utf-8",
    )


def _command(site: Path, fault: str | None = None) -> list[str]:
    program = [str(RUNNER)] if fault else [str(ROOT / "scripts/build.py")]
    return [sys.executable, *program, "-s", str(site / "settings.py"), "-o", str(site / "output")]


def _env(fault: str | None = None, **extra: str) -> dict[str, str]:
    env = {**os.environ, **extra}
    env.pop("NEWSDIGEST_FAULT", None)
    if fault:
        env["NEWSDIGEST_FAULT"] = fault
    return env


def _build(site: Path, fault: str | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _command(site, fault),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=_env(fault, **extra),
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _beside(site: Path) -> list[str]:
    """What builds keep beside the output folder."""
    return sorted(p.name for p in site.iterdir() if p.name.startswith(("output", ".output")))


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """Sites ``a`` and ``b`` built from nothing: what every build must end with."""
    built = {}
    for version in ("a", "b"):
        site = tmp_path_factory.mktemp(f"clean-{version}")
        _write_site(site, version)
        result = _build(site)
        assert result.returncode == 0, result.stderr
        built[version] = _files(site / "output")
    assert built["a"] != built["b"]
    return built


@pytest.fixture
def site(tmp_path: Path, good: dict[str, dict[str, bytes]]) -> Path:
    """A site whose last good build is ``a``, its content now ``b``."""
    _write_site(tmp_path, "a")
    result = _build(tmp_path)
    assert result.returncode == 0, result.stderr
    assert _files(tmp_path / "output") == good["a"]
    _write_site(tmp_path, "b")
    return tmp_path


def _kill_when(site: Path, moment: Callable[[], bool]) -> None:
    """Start a build and SIGKILL its whole process group (page writers, Pagefind, rm) as
    soon as ``moment()`` holds."""
    process = subprocess.Popen(
        _command(site),
        env=_env(),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if moment():
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return
            time.sleep(0.0005)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    pytest.fail("the build ended before the moment to kill it came")


def _building(site: Path) -> list[Path]:
    return [p for p in site.glob("output.build-*") if ".search-" not in p.name]


def _folder_made(site: Path) -> bool:
    return bool(_building(site))


def _pages_written(site: Path) -> bool:
    return any(len(list(folder.glob("2026/01/*/*/index.html"))) >= 20 for folder in _building(site))


def _indexing(site: Path) -> bool:
    return any((folder / "pagefind").exists() for folder in _building(site))


def _check_recovery(site: Path, good: dict[str, dict[str, bytes]], kept: str) -> None:
    """After a kill: a failing build keeps the ``kept`` site and clears what the killed one
    left; the next build equals a build from nothing."""
    broken = site / "content/articles/broken.md"
    broken.write_text("---\ntitle: [Example unclosed\n---\nSynthetic.\n", encoding="utf-8")
    failed = _build(site)
    assert failed.returncode == 1, failed.stderr
    assert "Traceback" not in failed.stderr
    assert _files(site / "output") == good[kept], "the last good output is whole"
    assert _beside(site) == [".output.lock", "output"], "the killed build's folders are gone"
    broken.unlink()
    result = _build(site)
    assert result.returncode == 0, result.stderr
    assert _files(site / "output") == good["b"]
    assert _beside(site) == [".output.lock", "output", "output.previous"]


@pytest.mark.parametrize(
    "moment", [_folder_made, _pages_written, _indexing], ids=["early", "mid-write", "indexing"]
)
def test_a_build_killed_while_it_works_leaves_the_last_output(
    site: Path, good: dict[str, dict[str, bytes]], moment: Callable[[Path], bool]
) -> None:
    _kill_when(site, lambda: moment(site))
    assert _files(site / "output") == good["a"]
    _check_recovery(site, good, "a")


# (faults, the site in output/ right after the kill): every step of the swap.
SWAP_KILLS = {
    # renameat2(RENAME_EXCHANGE): output/ is the old site or the new one, never missing.
    "before-exchange": ("kill:ctypes.dlsym:renameat2", "a"),
    "after-exchange": ("kill:os.rename:.build-", "b"),
    # Two renames, where the exchange is not available.
    "before-setting-aside": ("EINVAL:ctypes.dlsym:renameat2;kill:os.rename:.swap-old", "a"),
    "between-renames": ("EINVAL:ctypes.dlsym:renameat2;kill:os.rename:.build-", None),
    "after-renames": ("EINVAL:ctypes.dlsym:renameat2;kill:os.rename:.swap-old:2", "b"),
}


@pytest.mark.parametrize("step", list(SWAP_KILLS))
def test_a_build_killed_during_the_swap_leaves_a_whole_site(
    site: Path, good: dict[str, dict[str, bytes]], step: str
) -> None:
    fault, after = SWAP_KILLS[step]
    result = _build(site, fault)
    assert result.returncode == -signal.SIGKILL, result.stderr
    if after is None:
        # The one moment output/ is missing: the old site is output.swap-old, and the next
        # build puts it back before anything else.
        assert not (site / "output").exists()
        assert _files(site / "output.swap-old") == good["a"]
        _check_recovery(site, good, "a")
    else:
        assert _files(site / "output") == good[after]
        _check_recovery(site, good, after)


def test_folders_beside_the_output_that_builds_do_not_make_are_left_alone(site: Path) -> None:
    (site / "output.backup").mkdir()
    (site / "output.build-by-hand").mkdir()
    (site / "output.build-123-0badc0de").mkdir()  # a killed build's
    (site / "output.trash-abcd1234").mkdir()  # a killed build's Sweeper's
    result = _build(site)
    assert result.returncode == 0, result.stderr
    assert _beside(site) == [
        ".output.lock",
        "output",
        "output.backup",
        "output.build-by-hand",
        "output.previous",
    ]


def test_a_second_build_of_the_same_output_is_refused_naming_the_first(
    site: Path, good: dict[str, dict[str, bytes]]
) -> None:
    ready = site / "first-is-building"
    # The first build holds its lock, paused as it makes its folder.
    first = subprocess.Popen(
        _command(site, "pause:os.mkdir:.build-"),
        env=_env("pause:os.mkdir:.build-", NEWSDIGEST_FAULT_READY=str(ready)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not ready.exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert ready.exists(), "the first build did not start"
        second = _build(site)
        assert second.returncode == 1
        assert f"another build (process {first.pid}, " in second.stderr
        assert str(site / ".output.lock") in second.stderr
        assert "Traceback" not in second.stderr
        assert _files(site / "output") == good["a"]
    finally:
        ready.unlink(missing_ok=True)
        _out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert _files(site / "output") == good["b"]


def test_output_gets_ordinary_permissions(site: Path) -> None:
    result = subprocess.run(
        _command(site),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=_env(),
        preexec_fn=lambda: os.umask(0o022),
    )
    assert result.returncode == 0, result.stderr
    output = site / "output"
    modes = {p.relative_to(site).as_posix(): p.stat().st_mode & 0o777 for p in output.rglob("*")}
    modes["output"] = output.stat().st_mode & 0o777
    folders = {name: mode for name, mode in modes.items() if (site / name).is_dir()}
    files = {name: mode for name, mode in modes.items() if name not in folders}
    assert set(folders.values()) == {0o755}, folders
    assert set(files.values()) == {0o644}, files


def _assert_failed_cleanly(
    site: Path, result: subprocess.CompletedProcess[str], good: dict[str, dict[str, bytes]]
) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert ".build-" not in result.stderr, "the temporary folder is not what the reader knows"
    assert _files(site / "output") == good["a"]
    assert _beside(site) == [".output.lock", "output"]
    return result.stderr.split("Build failed:", 1)[1]


def test_a_full_disk_while_pages_are_written_fails_with_a_clear_message(
    site: Path, good: dict[str, dict[str, bytes]]
) -> None:
    result = _build(site, "ENOSPC:open:/2026/01/")
    listing = _assert_failed_cleanly(site, result, good)
    assert "No space left on device" in listing
    assert f"the file system holding {site}/ is full: free some space" in listing
    assert f"cannot write {site}/output/2026/01/" in listing


def test_a_read_only_file_system_fails_with_a_clear_message(
    site: Path, good: dict[str, dict[str, bytes]]
) -> None:
    result = _build(site, "EROFS:os.mkdir:.build-")
    listing = _assert_failed_cleanly(site, result, good)
    assert f"cannot write a folder beside {site}/output/: Read-only file system" in listing
    assert f"{site}/ is on a read-only file system: build elsewhere with -o" in listing


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a folder chmod made read-only")
def test_a_read_only_parent_folder_fails_with_a_clear_message(
    site: Path, good: dict[str, dict[str, bytes]]
) -> None:
    site.chmod(0o555)
    try:
        result = _build(site)
    finally:
        site.chmod(0o755)
    listing = _assert_failed_cleanly(site, result, good)
    assert f"cannot write {site}/.output.lock: Permission denied" in listing
    assert f"{site}/ may not be written by this user: make it writable" in listing


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Path:
    """A 2 MB tmpfs (needs the right to mount: root outside a locked-down container)."""
    disk = tmp_path / "tiny-disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (the injected ENOSPC test covers the message)")
    yield disk
    subprocess.run(["umount", str(disk)], check=True)


def test_a_really_full_disk_fails_with_a_clear_message(
    tiny_disk: Path, good: dict[str, dict[str, bytes]]
) -> None:
    _write_site(tiny_disk, "b")
    # Big enough not to fit twice in 2 MB.
    filler = "Synthetic filler text. " * 30_000
    (tiny_disk / "content/articles/a5.md").write_text(_article(5, filler), encoding="utf-8")
    result = _build(tiny_disk, PARALLEL_WRITE_WORKERS="1")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"the file system holding {tiny_disk}/ is full" in result.stderr
    assert not any(tiny_disk.glob("output.build-*")), "the temporary folder is removed"


def _without_strict_build(site: Path) -> None:
    """The site's settings without strict_build's checks: what the writing layer says when
    a page the checks would have refused reaches the file system after all."""
    with (site / "settings.py").open("a", encoding="utf-8") as settings:
        settings.write('PLUGINS = [p for p in PLUGINS if p != "strict_build"]\n')


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_slug_too_long_for_the_file_system_names_its_source(
    site: Path, good: dict[str, dict[str, bytes]], workers: str
) -> None:
    long = site / "content/articles/long.md"
    long.write_text(
        "---\ntitle: Example " + "word " * 60 + "\ndate: 2026-01-09\n---\n\nBody.\n",
        encoding="utf-8",
    )
    # strict_build refuses the name before anything is written ...
    listing = _assert_failed_cleanly(site, _build(site, PARALLEL_WRITE_WORKERS=workers), good)
    assert "content/articles/long.md" in listing
    assert "bytes" in listing
    assert "file systems allow 255" in listing
    # ... and without it, the file system's refusal still names the source.
    _without_strict_build(site)
    listing = _assert_failed_cleanly(site, _build(site, PARALLEL_WRITE_WORKERS=workers), good)
    assert "content/articles/long.md: cannot write " in listing
    assert "File name too long (a name in it is longer than the file system allows" in listing
    assert "give content/articles/long.md a shorter slug or save_as" in listing


def test_a_page_saved_into_the_search_index_folder_names_its_source(
    site: Path, good: dict[str, dict[str, bytes]]
) -> None:
    (site / "content/articles/inside.md").write_text(
        "---\ntitle: Example article 99\ndate: 2026-01-09\nsave_as: pagefind/index.html\n"
        "url: pagefind/index.html\n---\n\nBody.\n",
        encoding="utf-8",
    )
    listing = _assert_failed_cleanly(site, _build(site), good)
    assert "content/articles/inside.md:4: would be written to pagefind/index.html, inside" in (
        listing
    )
    _without_strict_build(site)
    listing = _assert_failed_cleanly(site, _build(site), good)
    assert (
        "content/articles/inside.md: its page is saved as pagefind/index.html, inside the"
        " folder the search index is written to (pagefind/): give it another save_as"
    ) in listing
