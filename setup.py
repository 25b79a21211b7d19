"""setuptools glue: ``pip install .`` runs build.py into the build tree.

The wheel is tagged for one CPython version and platform (for example
cp311-cp311-linux_x86_64) because it holds the API-mode cffi extension,
which is compiled against that interpreter. The same wheel also carries
the ABI-mode module, used on PyPy or with FERROFUZZ_LIBRARY.
"""

import sys
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build as ferrofuzz_build  # noqa: E402  (the project's build.py)


class BuildWithRust(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "ferrofuzz"
        # In-place builds for other interpreters (build.py --cffi-only) leave
        # their compiled modules in the source package; this wheel holds
        # only the one build.py now compiles for the running interpreter.
        for stale in target.glob("_ffz_api*.so"):
            stale.unlink()
        try:
            ferrofuzz_build.build(target)
        except ferrofuzz_build.BuildError as e:
            sys.exit(f"error: {e}")


class BinaryDistribution(Distribution):
    def has_ext_modules(self):
        return True


setup(cmdclass={"build_py": BuildWithRust}, distclass=BinaryDistribution)
