"""A throwaway PostgreSQL server on loopback, in a temporary data directory."""

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass

from tests.liveserver import free_port
from tests.load.cpu import process_cpu_seconds

DATABASE = "seminar_load"


def _binaries():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: apt-get install postgresql")
    return os.path.dirname(found[-1])


def _as_postgres(command):
    """PostgreSQL refuses to run as root: run its tools as the 'postgres' user then."""
    if os.geteuid() == 0:
        # In /usr/sbin, which a fresh machine's PATH for tox may not hold.
        runuser = shutil.which("runuser", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
        return [runuser or "runuser", "-u", "postgres", "--", *command]
    return command


@dataclass
class Postgres:
    databases: dict  # Django DATABASES for the server
    data_dir: str

    def cpu_seconds(self):
        """CPU seconds the server has used: the postmaster and the backends it has reaped
        (a backend ends when its connection closes)."""
        with open(os.path.join(self.data_dir, "postmaster.pid")) as pid_file:
            return process_cpu_seconds(int(pid_file.readline()), reaped_children=True)


@contextlib.contextmanager
def throwaway_postgres(max_connections=200):
    """Yield a fresh server (its Django DATABASES); stop it and delete its data afterwards."""
    bin_dir = _binaries()
    workdir = tempfile.mkdtemp(prefix="seminar-pg-")
    data_dir = os.path.join(workdir, "data")
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(workdir, user.pw_uid, user.pw_gid)
    port = free_port()
    run = lambda *cmd: subprocess.run(_as_postgres(list(cmd)), check=True, capture_output=True)  # noqa: E731
    run(f"{bin_dir}/initdb", "-D", data_dir, "-A", "trust", "-U", "seminar", "-E", "UTF8")
    options = (
        f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 "
        f"-c max_connections={max_connections} -c fsync=off "
        # Counts the statements the server runs (tests/load reports them per request).
        "-c shared_preload_libraries=pg_stat_statements"
    )
    run(f"{bin_dir}/pg_ctl", "-D", data_dir, "-o", options, "-l", f"{workdir}/log", "-w", "start")
    try:
        for _attempt in range(50):
            try:
                run(
                    f"{bin_dir}/createdb",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "-U",
                    "seminar",
                    DATABASE,
                )
                break
            except subprocess.CalledProcessError:
                time.sleep(0.2)
        yield Postgres(
            databases={
                "default": {
                    "ENGINE": "django.db.backends.postgresql",
                    "NAME": DATABASE,
                    "USER": "seminar",
                    "HOST": "127.0.0.1",
                    "PORT": str(port),
                }
            },
            data_dir=data_dir,
        )
    finally:
        subprocess.run(
            _as_postgres([f"{bin_dir}/pg_ctl", "-D", data_dir, "-m", "fast", "stop"]),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(workdir, ignore_errors=True)
