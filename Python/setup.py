"""Builds the Swift library libGlossaryC.so (the C interface of the repository's
Sources/GlossaryC) and puts it inside the package. Needs the Swift toolchain and ICU's
development files (Debian: libicu-dev), as the repository's README says; the library
links Swift's runtime statically, so an installed package needs only ICU."""
import os
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


class BuildWithSwift(build_py):
    def run(self):
        super().run()
        scratch = os.environ.get("GLOSSARY_SWIFT_SCRATCH", str(ROOT / ".build-python"))
        command = ["swift", "build", "-c", "release", "--product", "GlossaryC", "-Xswiftc", "-static-stdlib",
                   "--scratch-path", scratch, "--package-path", str(ROOT)]
        subprocess.run(command, check=True)
        binaries = subprocess.run(command + ["--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip()
        target = Path(self.build_lib) / "glossary"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(Path(binaries) / "libGlossaryC.so", target / "libGlossaryC.so")


setup(cmdclass={"build_py": BuildWithSwift})
