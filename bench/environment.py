"""A description of the machine and software a run measured."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any, Dict

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("rapidfuzz", "Levenshtein", "jellyfish", "Faker", "numpy")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> Any:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return None


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
            capture_output=True, text=True, timeout=5, check=True,
        )
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe() -> Dict[str, Any]:
    import ferrofuzz

    threads = os.environ.get("RAYON_NUM_THREADS")
    return {
        "cpu": _cpu_model(),
        "cpus": os.cpu_count(),
        "affinity": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gib": _memory_gib(),
        # Other work on the machine inflates (mostly multi-threaded) timings.
        "load_average_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "os": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "ferrofuzz": f"{ferrofuzz.__version__} ({ferrofuzz.BACKEND} backend, commit {_git_commit()})",
        "ferrofuzz_threads": threads if threads else f"default (all {os.cpu_count()} CPUs)",
        **{name: _version(name) for name in PACKAGES},
    }


def markdown(env: Dict[str, Any]) -> str:
    return "\n".join(f"- {key}: {value}" for key, value in env.items())
