"""Ship the seminar's sources (courses/, quizzes/) inside the wheel.

They live at the top of the repository, where authors edit them; an installed package
needs them too, so that `seminar build` works without a checkout.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCE_DIRS = ("courses", "quizzes")


class BuildWithSources(build_py):
    def run(self):
        super().run()
        root = Path(__file__).parent
        target = Path(self.build_lib) / "xblocks" / "_sources"
        for name in SOURCE_DIRS:
            if (root / name).is_dir():
                shutil.copytree(root / name, target / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithSources})
