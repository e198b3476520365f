"""The README's two commands work in a fresh clone on a fresh machine (#16).

The checkout's last commit is cloned into a temporary folder and the commands run there
with a PATH as a fresh machine has it: pyenv's shims (which answer only for the selected
Python) and the system folders, no folder of another interpreter, none of tox's variables.
`pip install tox && tox -e serve` must serve the seminar. `pip install tox && tox` runs
for too long to repeat here; what broke it, finding python3.11 and python3.12, is checked
with `tox config`, which resolves the interpreter of every env of the default run and of
the envs that build their wheel, without running a suite.

Run by `tox -e package`: a clean env for `tox -e serve` and a pip cache make it a minute.
"""

import configparser
import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.packaging.tools import need

REPO = Path(__file__).resolve().parents[2]
INSTALL_TOX = "pip install tox"
# The machine's own pip settings (an index, a certificate, a proxy) are kept: a user has them.
KEPT = {"HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TERM", "TMPDIR", "SSL_CERT_FILE"}
PROXIES = {"http_proxy", "https_proxy", "no_proxy"}
SERVE_TIMEOUT = 900


def fresh_machine_env():
    """The environment of a new login shell: pyenv's shims first, then the system's folders."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name in KEPT
        or name.lower() in PROXIES
        or (name.startswith("PIP_") and name not in {"PIP_CONSTRAINT", "PIP_USER"})
    }
    pyenv_root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    path = [pyenv_root / "shims", pyenv_root / "bin"] if (pyenv_root / "shims").is_dir() else []
    env["PATH"] = os.pathsep.join(map(str, [*path, "/usr/local/bin", "/usr/bin", "/bin"]))
    return env


def shell(command, cwd, timeout=600):
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=fresh_machine_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    need(shutil.which("git") and (REPO / ".git").exists(), "needs git and a git checkout")
    need(shutil.which("pip", path=fresh_machine_env()["PATH"]), "no pip on a fresh PATH")
    target = tmp_path_factory.mktemp("fresh") / "seminar-xblocks"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(target)], check=True)
    yield target
    shutil.rmtree(target, ignore_errors=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def first_page(url, server):
    """The page at url once it answers 200, or None if the server stops or time runs out."""
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + SERVE_TIMEOUT
    while time.monotonic() < deadline and server.poll() is None:
        with contextlib.suppress(OSError, http.client.HTTPException):
            with direct.open(url, timeout=10) as response:
                if response.status == 200:
                    return response.read().decode()
        time.sleep(1)
    return None


def test_tox_serve_serves_the_seminar(clone):
    port = free_port()
    log = clone.parent / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            ["bash", "-c", f"{INSTALL_TOX} && tox -e serve -- --port {port}"],
            cwd=clone,
            env=fresh_machine_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        page = first_page(f"http://127.0.0.1:{port}/", server)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    output = log.read_text()
    assert page is not None, f"tox -e serve served nothing:\n{output[-4000:]}"
    assert "/scenario/course.01.01/" in page, page[:2000]


def tox_config(clone, *args):
    code, output = shell(f"{INSTALL_TOX} && tox config {' '.join(args)}", clone)
    start = output.find("[testenv:")
    assert start >= 0, output[-4000:]
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(output[start:])
    envs = {name.removeprefix("testenv:"): parser[name] for name in parser.sections()}
    return code, output, envs


def test_tox_finds_the_interpreter_of_every_env(clone):
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(clone / "tox.ini")
    default_run = [name.strip() for name in ini["tox"]["envlist"].split(",")]

    code, output, envs = tox_config(clone, "-k base_python py_dot_ver package wheel_build_env")
    assert list(envs) == default_run, output[-4000:]
    for name, conf in envs.items():
        wanted = conf["base_python"].removeprefix("python")
        assert conf["py_dot_ver"] == wanted, f"{name}: {conf['py_dot_ver']}\n{output[-4000:]}"
    assert code == 0, output[-4000:]

    builders = sorted(
        {conf["wheel_build_env"] for conf in envs.values() if conf["package"] == "wheel"}
    )
    assert builders, output[-4000:]
    code, output, built = tox_config(clone, "-e", ",".join(builders), "-k py_dot_ver")
    for name in builders:
        assert built[name]["py_dot_ver"].startswith("3."), f"{name}\n{output[-4000:]}"
    assert code == 0, output[-4000:]
