"""The repository's site, strictly built once per test run, however many pytest workers need it.

`make test` runs two pytest-xdist workers that share the run's temporary folder. The first worker
to start starts the build in the background (`python -m tests.site_build RUN_DIR`) while both run
the tests that need no site; the site_dir fixture then waits on the same lock. A strict build is
~12 s of a 2-core machine; started by the first test that needed it, the other worker sat idle.
A failed build is not marked built, so the fixture builds again and reports the error itself.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_site(site_dir: Path, cwd: Path = ROOT, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the real strict build, as `make build` does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def build_once(run_dir: Path) -> tuple[Path, subprocess.CompletedProcess | None]:
    """The run's site (run_dir/site), built here unless a build has already succeeded; returns the
    site and this call's build result (None when it was built before)."""
    out, built = run_dir / "site", run_dir / "site.built"
    with open(run_dir / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if built.exists():
            return out, None
        result = build_site(out)
        if result.returncode == 0:
            built.touch()
        return out, result


def start_in_background(run_dir: Path) -> None:
    """Start the build once per run (the first caller wins), without waiting for it."""
    try:
        (run_dir / "site.started").touch(exist_ok=False)
    except FileExistsError:
        return
    subprocess.Popen([sys.executable, "-m", "tests.site_build", str(run_dir)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    build_once(Path(sys.argv[1]))
