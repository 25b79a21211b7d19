"""The Python examples run and print what they promise."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quickstart():
    env = {**os.environ, "PYTHONPATH": str(ROOT / "python")}
    result = subprocess.run([sys.executable, str(ROOT / "examples" / "quickstart.py")],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Levenshtein('kitten', 'sitting') = 3" in out
    assert "weighted (ins=1, del=1, sub=2)   = 5" in out
    assert "#3  John Smith" in out.splitlines()[-3]
