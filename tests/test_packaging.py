"""A wheel carries the whole clause library: pyproject's package list names every folder."""

from __future__ import annotations

import tomllib

from conftest import ROOT


def test_every_clause_folder_is_packaged() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    packages = set(config["packages"])
    for top in ("clause_library", "templates"):
        assert config["package-dir"][f"oidocs.{top}"] == top
        for folder in [ROOT / top, *(p for p in (ROOT / top).rglob("*") if p.is_dir())]:
            if folder.name == "__pycache__":
                continue
            name = "oidocs." + ".".join(folder.relative_to(ROOT).parts)
            assert name in packages, f"{name} is missing from [tool.setuptools] packages"
