"""Two runs into one folder at the same moment: exactly one wins, the folder holds its files only."""

from __future__ import annotations

import hashlib
import os
import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

JA = ROOT / "examples" / "acme-nano-ja.yaml"
ROUNDS = int(os.environ.get("OIDOCS_RACE_ROUNDS", "10"))  # 20 and more in CI runs of this file alone


def _pack(out: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "oidocs", "pack", "--config", str(JA), "--out", str(out),
                             "--format", "md", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_packs_into_one_folder_never_mix(tmp_path: Path) -> None:
    for round_ in range(ROUNDS):
        out = tmp_path / f"round{round_}"
        # Same file names, other contents (--review marks deal text): a mix would break the manifest.
        first, second = _pack(out), _pack(out, "--review")
        results = [(p.wait(timeout=120), p.communicate()) for p in (first, second)]
        codes = sorted(code for code, _ in results)
        assert codes == [0, 1], results
        loser_err = next(err for code, (_, err) in results if code == 1)
        assert "Traceback" not in loser_err
        assert "exists already" in loser_err or "another oidocs run" in loser_err
        manifest = json.loads(next(out.glob("*-manifest.json")).read_text(encoding="utf-8"))
        listed = {f["name"]: f["sha256"] for d in manifest["documents"] for f in d["files"]}
        for name, digest in listed.items():
            assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
        assert not [p for p in out.iterdir() if p.name.startswith(".")]
