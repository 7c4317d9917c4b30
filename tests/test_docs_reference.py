"""docs/deal-file.md keeps in step with the model: every key, every allowed value, every extension."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from conftest import ROOT
from oidocs.deal.model import Deal, LangMap

DOC = ROOT / "docs" / "deal-file.md"


def field_paths(model: type[BaseModel] = Deal, prefix: str = "") -> Iterator[tuple[str, FieldInfo]]:
    """Yield (path, field) for every field of ``model`` and its nested models, depth first.

    Paths are dotted; a list of models adds ``[]``: ``parties[].kind``, ``mou.milestones[].due``.
    """
    for name, field in model.model_fields.items():
        path = prefix + name
        yield path, field
        nested, is_list = _nested_model(field.annotation)
        if nested is not None:
            yield from field_paths(nested, path + ("[]." if is_list else "."))


def _nested_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    if annotation is LangMap:
        return None, False  # a {ja, en} text map is documented once, under "Text in two languages"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    for arg in typing.get_args(annotation):
        found, is_list = _nested_model(arg)
        if found is not None:
            return found, is_list or typing.get_origin(annotation) is list
    return None, False


def _literal_values(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is Literal:
        return list(typing.get_args(annotation))
    return [v for arg in typing.get_args(annotation) for v in _literal_values(arg)]


def _rows(text: str) -> dict[str, str]:
    """Map each documented path to its table row (the first column holds the path in backticks)."""
    rows = {}
    for line in text.splitlines():
        if line.startswith("| `"):
            key = line.split("`")[1]
            rows.setdefault(key, line)
    return rows


def test_walker_sees_nested_and_listed_fields() -> None:
    paths = {p for p, _ in field_paths()}
    assert {"poc.fee.due_days", "ip.exclusive_field.territory", "parties[].kind", "mou.milestones[].due"} <= paths
    assert len(paths) > 60


def test_every_field_path_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [p for p, _ in field_paths() if f"`{p}`" not in text]
    assert not missing, f"docs/deal-file.md lacks: {', '.join(missing)}"


def test_every_field_has_its_own_row() -> None:
    rows = _rows(DOC.read_text(encoding="utf-8"))
    missing = [p for p, _ in field_paths() if p not in rows]
    assert not missing, f"no table row in docs/deal-file.md for: {', '.join(missing)}"
    unknown = [p for p in rows if p not in {q for q, _ in field_paths()}]
    assert not unknown, f"docs/deal-file.md documents keys the model does not have: {', '.join(unknown)}"


def test_allowed_values_and_extensions_are_in_the_row() -> None:
    rows = _rows(DOC.read_text(encoding="utf-8"))
    for path, field in field_paths():
        row = rows[path]
        for value in _literal_values(field.annotation):
            assert f"`{value}`" in row, f"{path}: allowed value {value!r} not in its row"
        extension = (field.description or "").startswith("oidocs extension")
        assert ("oidocs extension" in row) == extension, f"{path}: extension mark does not match the model"
