"""The Tutor plugin `seminar`, with tutor from PyPI and no Docker.

Each test gets its own TUTOR_ROOT, runs the real `tutor` command (`plugins enable`, `config
save`, ...) and reads the environment Tutor renders. The import job goes through `tutor local
do` with a stand-in `docker` that only records its arguments; the recorded script then runs
here, against this environment's `seminar` and a stand-in `manage.py`.
"""

import json
import os
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
import yaml

BIN = Path(sys.executable).parent
REQUIREMENT = f"seminar-xblocks=={version('seminar-xblocks')}"
BLOCKS = ["seminar_lecture", "seminar_faq", "seminar_quiz"]

FAKE_DOCKER = """#!{python}
import json, os, sys
with open(os.environ["FAKE_DOCKER_LOG"], "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
if "ls" in sys.argv:  # `docker compose ls --format json`: no project is running
    print("[]")
"""

FAKE_MANAGE_PY = """
import json, sys
from pathlib import Path

service, command, data_dir, course_dir = sys.argv[1:]
course = Path(data_dir, course_dir)
policy = json.loads(next(course.glob("policies/*/policy.json")).read_text())
Path(__file__).with_name("import.json").write_text(json.dumps({
    "argv": sys.argv[1:],
    "course_xml": (course / "course.xml").read_text(),
    "advanced_modules": next(iter(policy.values()))["advanced_modules"],
    "files": sum(1 for path in course.rglob("*") if path.is_file()),
}))
"""


def _tutor_installed():
    try:
        version("tutor")
    except PackageNotFoundError:
        return False
    return (BIN / "tutor").exists()


if not _tutor_installed():
    why = "tutor is not installed here (tox -e package installs it)"
    if os.environ.get("TOX_ENV_NAME") == "package":
        raise RuntimeError(why)
    pytest.skip(why, allow_module_level=True)


@pytest.fixture
def tutor(tmp_path):
    """Run `tutor ...` in a fresh TUTOR_ROOT; `docker` on the PATH is the recording stand-in."""
    fake_bin = tmp_path / "fake-bin"
    fake_bin.mkdir()
    docker = fake_bin / "docker"
    docker.write_text(FAKE_DOCKER.format(python=sys.executable))
    docker.chmod(0o755)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TUTOR_") and key != "DJANGO_SETTINGS_MODULE"
    }
    env.update(
        TUTOR_ROOT=str(tmp_path / "tutor"),
        TUTOR_PLUGINS_ROOT=str(tmp_path / "tutor-plugins"),
        FAKE_DOCKER_LOG=str(tmp_path / "docker.log"),
        PATH=os.pathsep.join([str(fake_bin), str(BIN), env.get("PATH", "")]),
    )

    def run(*args):
        result = subprocess.run(
            [str(BIN / "tutor"), *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, f"tutor {' '.join(args)}:\n{result.stdout}{result.stderr}"
        return result.stdout

    run.root = tmp_path / "tutor"
    run.docker_calls = lambda: [
        json.loads(line) for line in (tmp_path / "docker.log").read_text().splitlines()
    ]
    return run


def _dockerfile(root):
    return (root / "env" / "build" / "openedx" / "Dockerfile").read_text()


def _config(root):
    return yaml.safe_load((root / "config.yml").read_text())


def test_tutor_lists_the_plugin_with_the_package_version(tutor):
    listed = tutor("plugins", "list")
    assert any(
        line.split()[:3] == ["seminar", "installed", version("seminar-xblocks")]
        for line in listed.splitlines()
    )


def test_enabling_installs_the_pinned_package_into_the_openedx_image(tutor):
    tutor("plugins", "enable", "seminar")
    tutor("config", "save")
    assert "seminar" in _config(tutor.root)["PLUGINS"]
    dockerfile = _dockerfile(tutor.root)
    install = f"install '{REQUIREMENT}'"
    assert dockerfile.count(install) == 1
    # After edx-platform's own requirements, in the stage the openedx image is built from.
    assert dockerfile.index("requirements/edx/base.txt") < dockerfile.index(install)
    # A default: Tutor knows it, config.yml stays free of it until an admin sets it.
    assert tutor("config", "printvalue", "SEMINAR_XBLOCKS_PIP_REQUIREMENT").strip() == REQUIREMENT
    assert "SEMINAR_XBLOCKS_PIP_REQUIREMENT" not in _config(tutor.root)


def test_the_requirement_is_configurable(tutor):
    tutor("plugins", "enable", "seminar")
    custom = "seminar-xblocks @ git+https://example.org/fork/seminar-xblocks@v0.1.0"
    tutor("config", "save", "--set", f"SEMINAR_XBLOCKS_PIP_REQUIREMENT={custom}")
    assert _config(tutor.root)["SEMINAR_XBLOCKS_PIP_REQUIREMENT"] == custom
    dockerfile = _dockerfile(tutor.root)
    assert f"install '{custom}'" in dockerfile
    assert REQUIREMENT not in dockerfile


def test_disabling_takes_the_package_out_of_the_image(tutor):
    tutor("plugins", "enable", "seminar")
    tutor("plugins", "disable", "seminar")
    assert "seminar" not in _config(tutor.root).get("PLUGINS", [])
    assert "seminar-xblocks" not in _dockerfile(tutor.root)


def test_import_job_is_registered_only_with_the_plugin(tutor):
    tutor("config", "save")
    assert "importseminarcourse" not in tutor("local", "do", "--help")
    tutor("plugins", "enable", "seminar")
    jobs = tutor("local", "do", "--help")
    assert "importseminarcourse" in jobs and "Build the seminar course and import it" in jobs


def test_import_job_builds_and_imports_the_course_in_the_cms_job_container(tutor, tmp_path):
    tutor("plugins", "enable", "seminar")
    tutor("local", "do", "importseminarcourse")
    (call,) = [args for args in tutor.docker_calls() if "run" in args]
    # docker compose ... run --rm [-T] cms-job sh -e -c SCRIPT
    service, shell, flag, option, script = call[-5:]
    assert (service, shell, flag, option) == ("cms-job", "sh", "-e", "-c")
    assert "seminar build" in script and "./manage.py cms import" in script
    jobs = yaml.safe_load((tutor.root / "env" / "local" / "docker-compose.jobs.yml").read_text())
    image = tutor("config", "printvalue", "DOCKER_IMAGE_OPENEDX").strip()
    assert jobs["services"]["cms-job"]["image"] == image  # the image our patch installs into

    # Run the script as the container would: cwd edx-platform (here a stand-in manage.py).
    platform = tmp_path / "edx-platform"
    platform.mkdir()
    (platform / "manage.py").write_text(FAKE_MANAGE_PY)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env = dict(os.environ, TMPDIR=str(scratch), PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run(["sh", "-e", "-c", script], cwd=platform, env=env, check=True, timeout=300)
    imported = json.loads((platform / "import.json").read_text())
    assert imported["argv"][:2] == ["cms", "import"]
    assert imported["argv"][3] == "course"
    assert 'org="SSCeCommerce"' in imported["course_xml"]
    assert 'course="ECOM101"' in imported["course_xml"]
    assert imported["advanced_modules"] == BLOCKS
    assert imported["files"] > 50
    assert list(scratch.iterdir()) == []  # the job cleans up after itself
