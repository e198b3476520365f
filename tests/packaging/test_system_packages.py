"""Each tox env names the Debian packages it lacks before its tests (tests/system_packages.py)."""

import configparser
from pathlib import Path

import pytest

from tests import system_packages
from tests.platform import install

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def bare_machine(monkeypatch, tmp_path):
    """No command on the PATH and no Chromium: as a machine without those packages."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("SEMINAR_CHROMIUM", str(tmp_path / "chromium"))


@pytest.mark.parametrize(
    ("env", "packages"),
    [
        ("teak", "gettext"),
        ("verawood", "gettext"),
        ("browser", "chromium"),
        ("quality", "nodejs npm"),
        ("package", "git"),
    ],
)
def test_a_missing_package_stops_the_env_with_its_install_command(
    bare_machine, capsys, env, packages
):
    assert system_packages.main([env]) == 1
    out = capsys.readouterr().out
    assert f"tox -e {env} needs Debian packages" in out
    assert out.rstrip().endswith(f"apt-get install -y {packages}"), out


def test_the_platform_env_asks_for_its_build_libraries_in_one_command(bare_machine, capsys):
    assert system_packages.main(["platform"]) == 1
    command = capsys.readouterr().out.splitlines()[-1]
    for package in ("pkg-config", "default-libmysqlclient-dev", "libxmlsec1-dev", "libxml2-dev"):
        assert package in command.split()
    assert {"libxslt1-dev", "build-essential", "gettext"} <= set(command.split())


def test_the_platform_installer_checks_the_same_list(bare_machine):
    assert install.missing_system_packages() == system_packages.missing(system_packages.PLATFORM)


def test_an_env_that_needs_nothing_passes_quietly(bare_machine, capsys):
    assert system_packages.main(["serve"]) == 0
    assert capsys.readouterr().out == ""


def test_missing_lists_every_envs_packages_one_a_line(bare_machine, capsys):
    assert system_packages.main(["--missing"]) == 0
    lines = capsys.readouterr().out.split()
    assert {"chromium", "gettext", "git", "npm", "libxslt1-dev"} <= set(lines)
    assert lines == sorted(set(lines))


def test_every_env_of_tox_ini_runs_the_check_first():
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(REPO / "tox.ini")
    assert "python -m tests.system_packages {envname}" in ini["testenv"]["commands_pre"]
    overriding = {
        name.removeprefix("testenv:")
        for name in ini.sections()
        if name.startswith("testenv:") and "commands_pre" in ini[name]
    }
    # platform's installer checks the same list (test above) before it runs pip; any other
    # env that sets its own commands_pre still runs the check first.
    for env in overriding - {"platform"}:
        first = ini[f"testenv:{env}"]["commands_pre"].strip().splitlines()[0]
        assert first.startswith("python -m tests.system_packages "), env
    for env in system_packages.NEEDS:
        assert f"testenv:{env}" in ini, env
