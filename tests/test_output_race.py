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


def test_a_file_appearing_between_check_and_write_is_never_replaced(tmp_path: Path, monkeypatch) -> None:
    """Deterministic form of the race: another writer creates a target while this run moves its files in."""
    from oidocs.errors import OutputExistsError
    from oidocs.run import output

    real_link = os.link
    calls = []

    def link(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:  # the other run got there first with this file
            Path(dst).write_text("theirs", encoding="utf-8")
        real_link(src, dst)

    monkeypatch.setattr(output.os, "link", link)
    files = {"a.md": b"ours a", "b.md": b"ours b", "c.md": b"ours c"}
    try:
        output.write_files(tmp_path, files)
    except OutputExistsError as exc:
        assert exc.paths == [str(tmp_path / "b.md")]
    else:
        raise AssertionError("the run replaced a file another run wrote")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md"]  # ours taken back, theirs intact
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == "theirs"


def test_a_run_waits_for_the_folder_lock_and_gives_up_with_a_message(tmp_path: Path, monkeypatch) -> None:
    import fcntl

    from oidocs.errors import OidocsError
    from oidocs.run import output

    monkeypatch.setattr(output, "LOCK_WAIT", 0.2)
    fd = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another run is moving its files in
    try:
        output.write_files(tmp_path, {"a.md": b"x"})
    except OidocsError as exc:
        assert "another oidocs run is writing into this folder" in str(exc)
    else:
        raise AssertionError("wrote while another run held the folder")
    finally:
        os.close(fd)
    assert not list(tmp_path.iterdir())
