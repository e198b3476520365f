"""`seminar serve` in a subprocess on a free loopback port, and Debian's Chromium to visit it."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

CHROMIUM = os.environ.get("SEMINAR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(timeout=60, var_dir=None, sources=None):
    """Yield the base URL of a fresh `seminar serve` with its own database (in `var_dir`),
    serving the course in `sources` (default: the built-in one)."""
    port = free_port()
    var_dir = str(var_dir or tempfile.mkdtemp(prefix="seminar-serve-"))
    env = {**os.environ, "SEMINAR_VAR_DIR": var_dir}
    source_args = ["--sources", str(sources)] if sources else []
    process = subprocess.Popen(
        [sys.executable, "-m", "xblocks.cli", "serve", "--port", str(port), *source_args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                urllib.request.urlopen(base_url + "/", timeout=2)
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError(process.stdout.read().decode()) from None
                if time.monotonic() > deadline:
                    raise RuntimeError(f"seminar serve did not start within {timeout} s") from None
                time.sleep(0.3)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
