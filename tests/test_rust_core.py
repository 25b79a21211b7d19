"""Runs the Rust core's own tests (`cargo test`) as part of the suite."""

import shutil
import subprocess
from pathlib import Path

import pytest

RUST_DIR = Path(__file__).resolve().parent.parent / "rust"


@pytest.mark.skipif(shutil.which("cargo") is None, reason="cargo is not installed")
def test_cargo_test_passes():
    result = subprocess.run(
        ["cargo", "test", "--quiet", "--manifest-path", str(RUST_DIR / "Cargo.toml")],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "test result: ok" in result.stdout
