"""Run deploy/nginx.conf for real: Debian's nginx as a foreground process on a free loopback port.

Used by tests/browser/test_nginx.py and tests/benchmark.py, so both see exactly what a server set up
from the deploy file sends (headers, compression, types), not the test suite's plain file server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT

NGINX = Path("/usr/sbin/nginx")
DEPLOY_CONF = ROOT / "deploy" / "nginx.conf"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_block(site_dir: Path, port: int) -> str:
    """The deploy file's server block, listening on loopback and serving site_dir."""
    text = DEPLOY_CONF.read_text(encoding="utf-8")
    for original, local in (
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("listen [::]:80;", ""),
        ("root /var/www/skp-metodebanken;", f"root {site_dir};"),
    ):
        if text.count(original) != 1:
            raise AssertionError(f"deploy/nginx.conf skal indeholde '{original}' præcis én gang")
        text = text.replace(original, local)
    return text


@contextmanager
def nginx(site_dir: Path, prefix: Path) -> Iterator[str]:
    """Start nginx with a temporary prefix; yield the base URL; stop it again."""
    port = free_port()
    temp = {name: prefix / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")  # workers must read the test's private temp dir
        + f"daemon off;\nworker_processes 1;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\n"
        + "events {}\nhttp {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        + "    access_log off;\n"
        + "".join(f"    {name}_temp_path {path};\n" for name, path in temp.items())
        + server_block(site_dir, port)
        + "\n}\n",
        encoding="utf-8",
    )
    process = subprocess.Popen([str(NGINX), "-p", str(prefix), "-c", str(conf)], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"nginx startede ikke: {process.stderr.read() if process.stderr else ''}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)
