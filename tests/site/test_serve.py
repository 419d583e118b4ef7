"""`make serve`: another port, a rebuild when a data file is saved, and a quiet stop with Ctrl+C.

Runs the real Makefile target on a copy of the site (so saving a file touches nothing here).
"""

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from tests.conftest import ROOT, site_copy


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _read_until(process: subprocess.Popen, text: str, seen: list[str], timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        if text in line:
            return
    raise AssertionError(f"'{text}' kom ikke:\n{''.join(seen)}")


def test_make_serve_takes_a_port_rebuilds_on_data_changes_and_stops_quietly(tmp_path: Path):
    copy = site_copy(tmp_path)
    shutil.copy2(ROOT / "Makefile", copy / "Makefile")
    (copy / ".venv").symlink_to(ROOT / ".venv")
    port = _free_port()
    process = subprocess.Popen(
        # -o: the venv and node_modules are set up already; don't reinstall them for the copy.
        ["make", "-o", ".venv/.installed", "-o", "node_modules/.installed", "serve", f"PORT={port}"],
        cwd=copy, env={**os.environ, "PYTHONPATH": str(copy)}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    seen: list[str] = []
    try:
        _read_until(process, f"Serving on http://127.0.0.1:{port}/", seen)
        glossary = copy / "exercises" / "data" / "ordliste.yml"
        glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        _read_until(process, "Documentation built", seen)
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl+C in the terminal sends
        rest, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    output = "".join(seen) + rest
    assert "exercises/data" in output and "Shutting down" in output
    assert "make: ***" not in output and "Traceback" not in output
    assert "The following pages exist in the docs directory" not in output
