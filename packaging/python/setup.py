"""The wheel's one piece of build code: its script, bin/pgseq, is a native executable, which setuptools' build_scripts
would read as a Python script to rewrite its #! line (and fail to decode). Everything else is in pyproject.toml."""
import os

from setuptools import setup
# setuptools serves distutils (its own copy where Python has none, 3.12 on).
from distutils.command.build_scripts import build_scripts


class CopyExecutable(build_scripts):
    """Copies the scripts as they are, with their modes."""

    def copy_scripts(self):
        self.mkpath(self.build_dir)
        outfiles = []
        for script in self.scripts:
            outfile = os.path.join(self.build_dir, os.path.basename(script))
            self.copy_file(script, outfile)
            outfiles.append(outfile)
        return outfiles, outfiles


setup(cmdclass={"build_scripts": CopyExecutable})
