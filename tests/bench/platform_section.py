"""`tox -e bench`, first step: the platform section, in an environment of the platform's own.

The platform section (tests/bench/lms/) runs the LMS of the Open edX copy in ../shared/
platform/, which needs Python 3.11 and that release's pins; the workbench section needs
the bench env's. So this makes a Python 3.11 virtualenv at the path given (inside the bench
env, so that `tox -r -e bench` makes it anew), installs the platform into it with
tests/platform/install.py (once; later runs reinstall only this package), and runs
tests/bench/lms/run.py there. SEMINAR_PLATFORM picks another platform copy, as for
`tox -e platform`.
"""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = "3.11"  # the platform copy's (../shared/platform/README.md)


def main(venv):
    python = venv / "bin" / "python"
    if not python.exists():
        # virtualenv finds an interpreter as tox does (pyenv's included, see tox.ini).
        subprocess.run([sys.executable, "-m", "virtualenv", "-q", "-p", PYTHON, venv], check=True)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PIP_CONSTRAINT", None)  # the bench env's pins; the platform has its own
    subprocess.run([python, "tests/platform/install.py"], check=True, cwd=REPO, env=env)
    env["DJANGO_SETTINGS_MODULE"] = "tests.bench.lms.settings"
    run = [python, "-W", "ignore", "-m", "tests.bench.lms.run"]
    return subprocess.run(run, cwd=REPO, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
