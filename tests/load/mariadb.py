"""A throwaway MariaDB server on loopback, in a temporary data directory (the LMS's load test).

Open edX runs on MySQL; Debian 12 ships MariaDB, which Django's MySQL backend (the
platform's) supports. Durability is relaxed as for the PostgreSQL of tests/load/postgres.py:
the data are thrown away after the run.
"""

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass

from tests.liveserver import free_port
from tests.load.cpu import process_cpu_seconds

SERVER, INSTALL, CLIENT = "/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", "/usr/bin/mariadb"
DATABASES = ("lms", "lms_history")  # the LMS's `default` and `student_module_history`


@dataclass
class MariaDB:
    databases: dict  # Django DATABASES for the server
    process: subprocess.Popen

    def cpu_seconds(self):
        return process_cpu_seconds(self.process.pid)

    def sql(self, statement):
        """Run a statement as root; its tab-separated output."""
        command = [CLIENT, "--no-defaults", "-h", "127.0.0.1", "-P", self.port, "-uroot", "-N"]
        return subprocess.run(
            [*command, "-e", statement], check=True, capture_output=True, text=True
        ).stdout

    @property
    def port(self):
        return self.databases["default"]["PORT"]


def installed():
    return os.path.exists(SERVER) and os.path.exists(INSTALL)


@contextlib.contextmanager
def throwaway_mariadb(max_connections=300):
    """Yield a fresh server (its Django DATABASES); stop it and delete its data afterwards."""
    if not installed():
        raise RuntimeError("MariaDB is not installed: apt-get install mariadb-server")
    workdir = tempfile.mkdtemp(prefix="seminar-mariadb-")
    data_dir = os.path.join(workdir, "data")
    user = ["--user=root"] if os.geteuid() == 0 else []
    subprocess.run(
        [INSTALL, "--no-defaults", f"--datadir={data_dir}", *user, "--skip-test-db",
         "--auth-root-authentication-method=normal"],
        check=True, capture_output=True,
    )  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [SERVER, "--no-defaults", f"--datadir={data_dir}", *user, f"--port={port}",
         "--bind-address=127.0.0.1", f"--socket={workdir}/socket", "--skip-log-bin",
         f"--max-connections={max_connections}", "--innodb-flush-log-at-trx-commit=2",
         "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(workdir, "log"), "w"),
    )  # fmt: skip
    databases = {
        alias: {
            "ENGINE": "django.db.backends.mysql",
            "NAME": name,
            "USER": "root",
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "ATOMIC_REQUESTS": True,
            "OPTIONS": {"charset": "utf8mb4"},
        }
        for alias, name in zip(("default", "student_module_history"), DATABASES, strict=True)
    }
    mariadb = MariaDB(databases, server)
    try:
        for attempt in range(100):
            try:
                mariadb.sql("; ".join(f"CREATE DATABASE {name}" for name in DATABASES))
                break
            except subprocess.CalledProcessError:
                if attempt == 99 or server.poll() is not None:
                    raise
                time.sleep(0.2)
        yield mariadb
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(workdir, ignore_errors=True)
