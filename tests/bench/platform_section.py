"""`tox -e bench` and `tox -e load`, first step: the platform section, in an environment of
the platform's own.

The platform sections (tests/bench/lms/, tests/load/lms/) run the LMS of the Open edX copy
in ../shared/platform/, which needs Python 3.11 and that release's pins; the workbench
sections need their env's. So `python -m tests.bench.platform_section VENV MODULE` makes a
Python 3.11 virtualenv at VENV (inside the tox env, so that `tox -r` makes it anew),
installs the platform into it with tests/platform/install.py (once; later runs reinstall
only this package), and runs `python -m MODULE` there. SEMINAR_PLATFORM picks another
platform copy, as for `tox -e platform`.
"""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = "3.11"  # the platform copy's (../shared/platform/README.md)


def main(venv, module):
    python = venv / "bin" / "python"
    if not python.exists():
        # virtualenv finds an interpreter as tox does (pyenv's included, see tox.ini).
        subprocess.run([sys.executable, "-m", "virtualenv", "-q", "-p", PYTHON, venv], check=True)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PIP_CONSTRAINT", None)  # the bench env's pins; the platform has its own
    subprocess.run([python, "tests/platform/install.py"], check=True, cwd=REPO, env=env)
    return subprocess.run([python, "-W", "ignore", "-m", module], cwd=REPO, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
