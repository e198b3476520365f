"""The wheel and the sdist install into clean virtualenvs pinned like each Open edX release.

`pip wheel .` and `python -m build --sdist` run on a clean copy of the checkout. For each
release (its Python, and its pins from tests/constraints/ as tox.ini uses them) one
virtualenv gets the pins and the wheel, then the wheel again and the sdist in turn, and
each time, from a folder outside the checkout: the three `xblock.v1` entry points load
XBlock classes (`python -c`), and `seminar check` / `seminar build` work from the sources
shipped inside the package.

Run by `tox -e package`; it needs python3.11 and python3.12 (pyenv provides them here) and
uses pip's cache, so a warm run takes a minute or two.
"""

import configparser
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from tests.packaging.tools import need

REPO = Path(__file__).resolve().parents[2]
TARBALL = "SSCeCommerce-ECOM101-2026.tar.gz"
BLOCKS = ("seminar_lecture", "seminar_faq", "seminar_quiz")

# Open edX release -> Python; its pins are tests/constraints/<release>.txt, as in tox.ini
# (test_releases_match_the_tox_matrix keeps the two in step).
RELEASES = {"teak": "3.11", "ulmo": "3.11", "verawood": "3.12"}
CONSTRAINTS = REPO / "tests" / "constraints"


def release_pins(release):
    """{distribution name: pinned version} of the release's constraints file."""
    lines = (CONSTRAINTS / f"{release}.txt").read_text().splitlines()
    pairs = (line.split("==") for line in lines if "==" in line and not line.startswith("#"))
    return {name.strip().lower(): version.strip() for name, version in pairs}


# What a virtualenv reports about the installed package, with no checkout in sight.
PROBE = """
import json, sys
from importlib.metadata import entry_points, version
from xblock.core import XBlock
import django, xblock, xblocks
from xblocks.course.sources import default_root

blocks = {}
for ep in entry_points(group="xblock.v1"):
    if ep.name.startswith("seminar_"):
        cls = ep.load()
        blocks[ep.name] = [f"{cls.__module__}.{cls.__qualname__}", issubclass(cls, XBlock)]
print(json.dumps({
    "python": "%d.%d" % sys.version_info[:2],
    "XBlock": version("XBlock"),
    "Django": version("Django"),
    "dist_version": version("seminar-xblocks"),
    "package_version": xblocks.__version__,
    "package_dir": xblocks.__path__[0],
    "sources": str(default_root()),
    "blocks": blocks,
    "tutor_plugin": [ep.value for ep in entry_points(group="tutor.plugin.v1", name="seminar")],
    "tutor_modules": sorted(m for m in sys.modules if m == "tutor" or m.endswith("tutor_plugin")),
}))
"""


def _clean_env():
    """The environment minus what ties a child process to this test run or the checkout."""
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    return env


def _run(*command, cwd, timeout=600):
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))} exited {result.returncode}\n"
        f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result.stdout


def find_python(version):
    """python3.11 / python3.12 from the PATH, else from pyenv's versions (its shims may refuse)."""
    candidates = [shutil.which(f"python{version}")]
    for root in (os.environ.get("PYENV_ROOT"), Path.home() / ".pyenv"):
        if root:
            found = glob.glob(f"{root}/versions/{version}.*/bin/python{version}")
            candidates += sorted(found, key=_version_key, reverse=True)
    for candidate in filter(None, candidates):
        probe = subprocess.run(
            [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return candidate
    return None


def _version_key(path):
    match = re.search(r"/versions/(\d+)\.(\d+)\.(\d+)", path)
    return tuple(int(part) for part in match.groups()) if match else (0, 0, 0)


def _copy_checkout(destination):
    """What a fresh clone has: no tox envs, build output, caches or node_modules."""
    skip_top = {".git", ".tox", "node_modules", "build", "dist", "var", "test-artifacts"}

    def ignore(directory, names):
        top = Path(directory) == REPO
        return {
            name
            for name in names
            if (top and name in skip_top)
            or name in {"__pycache__", ".pytest_cache", ".ruff_cache"}
            or name.endswith((".pyc", ".egg-info"))
        }

    shutil.copytree(REPO, destination, ignore=ignore)
    return destination


def _files_under(root):
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(Path(root).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def _tarball_members(path):
    with tarfile.open(path) as archive:
        return {
            member.name: archive.extractfile(member).read()
            for member in archive.getmembers()
            if member.isfile()
        }


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory):
    """(wheel, sdist, clean source copy): `pip wheel .` and `python -m build --sdist`."""
    try:  # the distribution, not whatever `build/` folder is on sys.path
        has_build = bool(metadata.version("build"))
    except metadata.PackageNotFoundError:
        has_build = False
    need(has_build, "python -m build is not installed (tox -e package installs it)")
    work = tmp_path_factory.mktemp("artifacts")
    source = _copy_checkout(work / "seminar-xblocks")
    out = work / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, ".", cwd=source)
    _run(sys.executable, "-m", "build", "--sdist", "--outdir", out, ".", cwd=source)
    (wheel,) = out.glob("seminar_xblocks-*.whl")
    (sdist,) = out.glob("seminar_xblocks-*.tar.gz")
    return wheel, sdist, source


@pytest.fixture(scope="session")
def release_venvs(artifacts, tmp_path_factory):
    """One virtualenv per release, made on first use: the release's pins plus the wheel."""
    wheel = artifacts[0]
    made = {}

    def venv(release):
        if release not in made:
            python_version = RELEASES[release]
            python = find_python(python_version)
            need(python, f"python{python_version} not found (PATH or pyenv)")
            path = tmp_path_factory.mktemp(f"venv-{release}")
            _run(python, "-m", "venv", path, cwd=path)
            constraints = CONSTRAINTS / f"{release}.txt"
            _run(
                path / "bin" / "python",
                "-m",
                "pip",
                "install",
                "-q",
                "-c",
                constraints,
                wheel,
                cwd=path,
            )
            made[release] = path
        return made[release]

    return venv


@pytest.fixture(
    scope="module",
    params=[(release, kind) for release in RELEASES for kind in ("wheel", "sdist")],
    ids=lambda param: "-".join(param),
)
def installed(request, artifacts, release_venvs, tmp_path_factory):
    """(release, venv, a folder outside the checkout) with the wheel or the sdist installed."""
    release, kind = request.param
    wheel, sdist, _source = artifacts
    venv = release_venvs(release)
    artifact = wheel if kind == "wheel" else sdist
    # The release's dependencies are already there: replace only seminar-xblocks.
    _run(
        venv / "bin" / "python",
        *("-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", artifact),
        cwd=venv,
    )
    outside = tmp_path_factory.mktemp(f"outside-{release}-{kind}")
    assert REPO not in outside.parents
    return release, venv, outside


def test_wheel_ships_the_package_data_and_the_seminar_sources(artifacts):
    wheel, _sdist, source = artifacts
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped = {
            name.removeprefix("xblocks/_sources/"): archive.read(name)
            for name in names
            if name.startswith("xblocks/_sources/")
        }
        entry_points = archive.read(
            next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
        ).decode()
    # Every file of the import package (templates, static, locale, ...) is in the wheel.
    missing = {f"xblocks/{name}" for name in _files_under(source / "xblocks")} - names
    assert not missing, f"not in the wheel: {sorted(missing)}"
    # courses/ and quizzes/ are shipped whole, byte for byte, so `seminar build` needs no checkout.
    expected = {
        f"{folder}/{name}": data
        for folder in ("courses", "quizzes")
        for name, data in _files_under(source / folder).items()
    }
    assert shipped.keys() == expected.keys()
    assert shipped == expected
    for block in BLOCKS:
        assert re.search(rf"^{block} = xblocks\.\w+\.block:\w+Block$", entry_points, re.M)
    assert re.search(r"^seminar = xblocks\.tutor_plugin$", entry_points, re.M)
    assert re.search(r"^seminar = xblocks\.cli:main$", entry_points, re.M)
    for group in ("lms.djangoapp", "cms.djangoapp"):  # the analytics app (docs/admin.md)
        app = r"^seminar_analytics = xblocks\.analytics\.apps:SeminarAnalyticsConfig$"
        assert re.search(rf"^\[{re.escape(group)}\]\n{app[1:]}", entry_points, re.M)


def test_sdist_has_what_a_wheel_is_built_from(artifacts):
    _wheel, sdist, _source = artifacts
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for needed in (
        "pyproject.toml",
        "setup.py",
        "README.md",
        "CHANGELOG.md",
        "tox.ini",
        "docs/admin.md",
        "courses/course.yaml",
        "quizzes/final.txt",
        "xblocks/tutor_plugin.py",
    ):
        assert needed in names, f"{needed} is not in the sdist"


def test_entry_points_load_xblock_classes(installed):
    release, venv, outside = installed
    report = json.loads(_run(venv / "bin" / "python", "-I", "-c", PROBE, cwd=outside))
    assert report["python"] == RELEASES[release]
    pins = release_pins(release)
    for name in ("XBlock", "Django"):
        assert report[name] == pins[name.lower()], f"{name} {report[name]}"
    assert sorted(report["blocks"]) == sorted(BLOCKS)
    for name, (class_path, is_xblock) in report["blocks"].items():
        assert is_xblock, f"{name} -> {class_path} is not an XBlock subclass"
    assert report["dist_version"] == report["package_version"]
    # Installed, not the checkout: the sources come from inside the package.
    package_dir = Path(report["package_dir"])
    assert venv in package_dir.parents
    assert Path(report["sources"]) == package_dir / "_sources"
    # The Tutor plugin is declared, but loading the blocks never imports it (or Tutor).
    assert report["tutor_plugin"] == ["xblocks.tutor_plugin"]
    assert report["tutor_modules"] == []


def test_seminar_check_and_build_work_without_the_checkout(installed, artifacts):
    _release, venv, outside = installed
    source = artifacts[2]
    seminar = venv / "bin" / "seminar"
    checked = _run(seminar, "check", cwd=outside)
    assert checked.startswith("OK: 5 days, 15 lectures, 16 quizzes")
    built = _run(seminar, "build", "-o", "tmp", cwd=outside).strip()
    assert Path(outside, built).resolve() == (outside / "tmp" / TARBALL).resolve()
    members = _tarball_members(outside / "tmp" / TARBALL)
    policy = json.loads(members["course/policies/2026/policy.json"])
    assert policy["course/2026"]["advanced_modules"] == list(BLOCKS)
    # Byte for byte what the same code builds from the checkout's courses/ and quizzes/.
    _run(seminar, "build", "--sources", source, "-o", "checkout", cwd=outside)
    reference = _tarball_members(outside / "checkout" / TARBALL)
    differing = sorted(
        name
        for name in members.keys() | reference.keys()
        if members.get(name) != reference.get(name)
    )
    assert not differing, f"differs from the build of the checkout's sources: {differing}"


def test_releases_match_the_tox_matrix():
    """Each release env of tox.ini runs RELEASES' Python under that release's constraints."""
    tox = configparser.ConfigParser(interpolation=None)
    tox.read(REPO / "tox.ini")
    constraint_of = {}
    for line in tox["testenv"]["setenv"].splitlines():
        factors, _, setting = line.partition(":")
        if setting.strip().startswith("PIP_CONSTRAINT"):
            for factor in factors.split(","):
                constraint_of[factor.strip()] = setting.split("=", 1)[1].strip()
    for release, python_version in RELEASES.items():
        assert constraint_of[release] == f"{{toxinidir}}/tests/constraints/{release}.txt"
        assert tox[f"testenv:{release}"]["basepython"] == f"python{python_version}"
        assert {"xblock", "django", "nh3"} <= release_pins(release).keys()
