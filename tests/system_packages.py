"""What each tox env needs from Debian, checked before its tests run.

`python -m tests.system_packages ENV` is each env's commands_pre (tox.ini): where a package
is missing it prints the one `apt-get install` command that installs them all and exits 1,
so the env stops at once rather than deep inside a test. `--missing` prints what any env
lacks, one package a line (.ci/run installs those). Standard library only: it runs in every
env and under the machine's own python3.
"""

import glob
import os
import shutil
import sys


def command(*names):
    """Installed when each of these commands is on the PATH."""
    return lambda: all(shutil.which(name) for name in names)


def header(name):
    """Installed when this C header is under /usr/include (Debian's multiarch folder too)."""
    return lambda: bool(glob.glob(f"/usr/include/{name}") + glob.glob(f"/usr/include/*/{name}"))


def chromium():
    """Debian's Chromium, or the browser SEMINAR_CHROMIUM names (tests/liveserver.py)."""
    return os.access(os.environ.get("SEMINAR_CHROMIUM", "/usr/bin/chromium"), os.X_OK)


def postgresql():
    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb"))


def mariadb():
    """The server tests/load/mariadb.py starts (in /usr/sbin, often not on a user's PATH)."""
    return os.access("/usr/sbin/mariadbd", os.X_OK)


GETTEXT = {"gettext": command("msgfmt", "xgettext")}
# What building the Open edX platform's requirements needs (tests/platform/install.py).
PLATFORM = {
    "pkg-config": command("pkg-config"),
    "default-libmysqlclient-dev": command("mysql_config"),
    "libxmlsec1-dev": command("xmlsec1-config"),
    "libxml2-dev": command("xml2-config"),
    "libxslt1-dev": command("xslt-config"),
    "build-essential": command("gcc", "g++", "make"),
    "libffi-dev": header("ffi.h"),
    "libssl-dev": header("openssl/ssl.h"),
    "libjpeg-dev": header("jpeglib.h"),
    "zlib1g-dev": header("zlib.h"),
    **GETTEXT,
}
CHROMIUM = {"chromium": chromium}
# The booklet's PDF draws Arabic with DejaVu Sans and Chinese with WenQuanYi Micro Hei, the
# fonts its CSS names (booklet.py).
BOOKLET = {
    "fonts-dejavu-core": lambda: os.path.isfile(DEJAVU_SANS),
    "fonts-wqy-microhei": lambda: os.path.isfile(WQY_MICROHEI),
}
DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
WQY_MICROHEI = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
# tox env -> Debian package -> whether it is installed; an env not named needs nothing.
NEEDS = {
    "teak": GETTEXT,
    "ulmo": GETTEXT,
    "verawood": GETTEXT,
    "latest": GETTEXT,
    "platform": PLATFORM,
    "browser": {**CHROMIUM, **BOOKLET},
    "bench": CHROMIUM,
    "quality": {"nodejs": command("node"), "npm": command("npm")},
    "package": {"git": command("git")},
    "load": {"postgresql": postgresql, "mariadb-server": mariadb},
}


def missing(needs):
    """The packages of `needs` that are not installed, sorted."""
    return sorted(package for package, installed in needs.items() if not installed())


def install_command(packages):
    sudo = "" if os.geteuid() == 0 else "sudo "
    return f"{sudo}apt-get install -y {' '.join(packages)}"


def main(argv):
    if argv == ["--missing"]:
        every = {package: check for needs in NEEDS.values() for package, check in needs.items()}
        print("\n".join(missing(every)))
        return 0
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    lacking = sorted({package for env in argv for package in missing(NEEDS.get(env, {}))})
    if lacking:
        print(f"tox -e {','.join(argv)} needs Debian packages that are not installed:")
        print(f"    {install_command(lacking)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
