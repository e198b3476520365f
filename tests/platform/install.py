"""Install the Open edX platform copy into the running virtualenv, as an admin's image has it.

Run by `tox -e platform` before the tests. The platform comes from SEMINAR_PLATFORM: a
checkout of edx-platform (a release tag, say) or a .tar.xz of one; by default the Teak-era
copy in ../shared/platform/. Its own requirements/edx/base.txt is installed as pinned, then
the platform itself and this package with --no-deps, so our code meets exactly the
libraries that release ships. A second run with the same source reinstalls only this package.
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

from tests import system_packages

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = REPO.parent / "shared" / "platform" / "openedx-platform-teak-era.tar.xz"
ENV = Path(sys.prefix)
UNPACKED = ENV / "platform-src"
STAMP = ENV / "platform-installed.txt"
CONSTRAINTS = ENV / "platform-constraints.txt"  # the platform's pins, written by the install
# The platform's own pip pin: newer setuptools has no pkg_resources, which it imports.
SETUPTOOLS = "setuptools==80.9.0"
# Test tools, installed under the platform's pins so they change none of them. ERB is what
# Aspects installs into the LMS image; 9.3.8 is its newest release that Teak's pins admit
# (10.x needs Python 3.12). Like an admin's image, it brings PyPI's `tincan`, whose module
# files replace those of the platform's edx-tincan-py35 (both install `tincan/`).
TEST_TOOLS = ["pytest>=8", "mongomock>=4.1", "edx-event-routing-backends==9.3.8"]
PIN = re.compile(r"(?P<name>[A-Za-z0-9._-]+)(?:\[[^\]]*\])?==(?P<version>\S+)")


def pip(*args):
    # PIP_CONSTRAINT reaches the build environments of sdists too (loremipsum, for one,
    # imports pkg_resources in its setup.py): they get the platform's setuptools as well.
    build_pins = ENV / "platform-build-constraints.txt"
    build_pins.write_text(SETUPTOOLS + "\n")
    env = {**os.environ, "PIP_CONSTRAINT": str(build_pins)}
    if "--no-build-isolation" not in args:
        # pip 26 takes build pins only from --build-constraint; older pips ignore this.
        env["PIP_BUILD_CONSTRAINT"] = str(build_pins)
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    subprocess.run(command, check=True, env=env)


def missing_system_packages():
    """What building the platform's requirements needs from Debian, checked before pip starts."""
    return system_packages.missing(system_packages.PLATFORM)


def platform_root(source):
    """The edx-platform folder to install: the checkout itself, or the unpacked archive."""
    if source.is_dir():
        return source.resolve(), f"dir:{source.resolve()}"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    root = UNPACKED / "edx-platform"
    marker = UNPACKED / "source.sha256"
    if not (marker.exists() and marker.read_text() == digest):
        shutil.rmtree(UNPACKED, ignore_errors=True)
        UNPACKED.mkdir(parents=True)
        with tarfile.open(source) as archive:
            archive.extractall(UNPACKED, filter="data")
        marker.write_text(digest)
    return root, f"sha256:{digest}"


def installable_requirements(root):
    """base.txt without editable VCS lines (they need a code host this machine cannot
    reach), and the same pins as a constraints file (which takes no extras)."""
    lines = (root / "requirements" / "edx" / "base.txt").read_text().splitlines()
    kept = [line for line in lines if not line.strip().startswith("-e git+")]
    requirements = ENV / "platform-base.txt"
    requirements.write_text("\n".join(kept) + "\n")
    pins = [f"{m['name']}=={m['version']}" for line in kept if (m := PIN.match(line))]
    constraints = CONSTRAINTS
    constraints.write_text("\n".join(pins) + "\n")
    return requirements, constraints


def main():
    source = Path(os.environ.get("SEMINAR_PLATFORM", DEFAULT_SOURCE))
    if not source.exists():
        sys.exit(
            f"No platform at {source}. Set SEMINAR_PLATFORM to an edx-platform checkout "
            "or a .tar.xz of one."
        )
    missing = missing_system_packages()
    if missing:
        sys.exit("The platform's requirements need: " + system_packages.install_command(missing))
    root, key = platform_root(source)
    if not (STAMP.exists() and STAMP.read_text().splitlines()[0] == key):
        requirements, _ = installable_requirements(root)
        pip("install", "--quiet", SETUPTOOLS)
        pip("install", "--quiet", "-r", str(requirements))
        pip("install", "--quiet", "--no-deps", "-e", str(root))
        STAMP.write_text(f"{key}\n{root}\n")
    # On every run, so that a tool added here reaches an env installed before it.
    pip("install", "--quiet", "-c", str(CONSTRAINTS), *TEST_TOOLS)
    # Our package last and without dependencies: the platform's pins stay what an admin has.
    pip("install", "--quiet", "--no-deps", "--no-build-isolation", "--force-reinstall", str(REPO))


if __name__ == "__main__":
    main()
