"""Tutor plugin `seminar`: put seminar-xblocks into the Open edX image and import the course.

Tutor finds this module through the `tutor.plugin.v1` entry point `seminar` and imports it
only when an admin runs `tutor plugins enable seminar`. Nothing in `xblocks` imports it, so
the blocks never need Tutor. What it does:

1. `SEMINAR_XBLOCKS_PIP_REQUIREMENT` (default: this very release, `seminar-xblocks==X.Y.Z`)
   is pip-installed into the `openedx` image, next to edx-platform's own requirements.
   Override it for a fork or a pre-release, e.g.
   `tutor config save --set SEMINAR_XBLOCKS_PIP_REQUIREMENT="git+https://.../seminar-xblocks@v0.1.0"`,
   then rebuild: `tutor images build openedx`.
2. `tutor local do importseminarcourse` (also `dev do` and `k8s do`) builds the course with
   `seminar build` inside the cms job container, from the sources shipped in the installed
   package, and imports it with `./manage.py cms import`. Importing again updates the course.

See docs/admin.md.
"""

import click
from tutor import hooks

from xblocks import __version__

CONFIG_DEFAULTS = {
    "SEMINAR_XBLOCKS_PIP_REQUIREMENT": f"seminar-xblocks=={__version__}",
}

hooks.Filters.CONFIG_DEFAULTS.add_items(list(CONFIG_DEFAULTS.items()))

# Installed after edx-platform's requirements, like Tutor's OPENEDX_EXTRA_PIP_REQUIREMENTS.
# Tutor 21+ builds with `uv pip` ($PIP_COMMAND); Tutor 20 has no $PIP_COMMAND, only pip.
DOCKERFILE_PATCH = """\
# seminar-xblocks: the seminar_lecture, seminar_faq and seminar_quiz blocks and `seminar`
RUN --mount=type=cache,target=/openedx/.cache/pip,sharing=shared \\
    ${PIP_COMMAND:-pip} install '{{ SEMINAR_XBLOCKS_PIP_REQUIREMENT }}'
"""

hooks.Filters.ENV_PATCHES.add_item(
    ("openedx-dockerfile-post-python-requirements", DOCKERFILE_PATCH)
)

# A `sh -e` script for the cms job container (cwd: edx-platform, `seminar` on the PATH).
# `seminar build` prints the tarball's path; the tarball holds one folder, `course/`.
IMPORT_COURSE_SCRIPT = """\
workdir="$(mktemp -d)"
tarball="$(seminar build -o "$workdir")"
tar -xzf "$tarball" -C "$workdir"
python ./manage.py cms import "$workdir" course
rm -rf "$workdir"
"""


@click.command(name="importseminarcourse", help="Build the seminar course and import it")
def import_seminar_course():
    """Yield (service, script) pairs, as every Tutor `do` job does."""
    yield ("cms", IMPORT_COURSE_SCRIPT)


hooks.Filters.CLI_DO_COMMANDS.add_item(import_seminar_course)
