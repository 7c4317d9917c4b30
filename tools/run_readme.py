"""Run every ```sh block of README.md in a fresh clone, as a newcomer would; fail on any error.

CI runs this (``.ci/run``) after installing the package, so that no README command can rot:
each block runs with ``bash -euo pipefail`` in its own fresh clone of this repository (only
the shipped files, nothing a previous block or a developer's checkout left behind), and the
run fails when a block exits non-zero or prints a Python traceback.

Set-up steps are what ``.ci/run`` has just done, so they are not repeated: within a block,
the commands ``git clone``, ``cd oidocs``, ``python3 -m venv``, ``. .venv/bin/activate`` and
``pip install`` are skipped (``$OIDOCS_REPO`` names this repository), and a block that runs the
test suite (``python -m pytest``) is left to ``.ci/run`` itself. Blocks for other machines are
fenced with their own language (``powershell``, ``yaml``, ``slurm``) and not run here.

    python tools/run_readme.py            # every block
    python tools/run_readme.py Batch      # the blocks of one section
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET_UP = re.compile(r"^(git clone\b|cd oidocs$|python3? -m venv\b|\. \.venv/bin/activate$|(python -m )?pip install\b)")


def blocks(text: str) -> list[tuple[str, str]]:
    """Every ```sh block of ``text`` with the section (## heading) it is in."""
    found = []
    section = ""
    for match in re.finditer(r"^## ([^\n]+)$|^```sh\n(.*?)^```", text, flags=re.M | re.S):
        if match.group(1):
            section = match.group(1).strip()
        else:
            found.append((section, match.group(2)))
    return found


def runnable(script: str) -> str:
    """The block without its set-up steps (see module doc), one command per line as written."""
    lines = []
    for line in script.splitlines():
        kept = [part for part in line.split(" && ") if not SET_UP.match(part.strip())]
        if kept:
            lines.append(" && ".join(kept))
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    wanted = set(argv)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               OIDOCS_REPO=str(ROOT))
    failed = 0
    todo = [(s, b) for s, b in blocks(text) if not wanted or s in wanted]
    for n, (section, script) in enumerate(todo, start=1):
        if "python -m pytest" in script:
            print(f"[{n}/{len(todo)}] {section}: the test suite (run by .ci/run itself)")
            continue
        with tempfile.TemporaryDirectory(prefix="oidocs-readme-") as tmp:
            fresh = Path(tmp) / "oidocs"
            subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(fresh)], check=True)
            start = time.perf_counter()
            result = subprocess.run(["bash", "-euo", "pipefail", "-c", runnable(script)], cwd=fresh, env=env,
                                    capture_output=True, text=True, timeout=600)
            seconds = time.perf_counter() - start
        output = result.stdout + result.stderr
        bad = result.returncode != 0 or "Traceback (most recent call last)" in output
        print(f"[{n}/{len(todo)}] {section}: {'FAILED' if bad else 'ok'} ({seconds:.1f} s)")
        if bad:
            failed += 1
            print(f"--- block\n{script}--- exit {result.returncode}\n{output}---", file=sys.stderr)
    print(f"README: {len(todo) - failed} of {len(todo)} blocks ran as written" + (f", {failed} failed" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
