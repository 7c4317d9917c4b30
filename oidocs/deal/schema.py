"""The deal file's JSON Schema (draft 2020-12), for editors and other tools.

Derived from :class:`oidocs.model.Deal`, so it never drifts from what ``oidocs validate``
accepts. It adds what an editor needs: a ``$schema`` and ``$id``, a title and a
description on every property, ``additionalProperties: false`` on every object (the
model refuses unknown keys), and the party-key pattern on every value or map key that
names a party. Dates are ``{"type": "string", "format": "date"}``, which is how
yaml-language-server sees an unquoted ``2026-12-01`` (YAML 1.2 has no timestamps).

Rules that involve several fields (``end`` after ``start``, shares summing to 100, a
party key that names a listed party) are checked by ``oidocs validate`` only: the schema
accepts a superset of the valid deal files, never less.
"""

from __future__ import annotations

import copy
import types
import typing
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from oidocs.deal.fields import SITE_WORDS
from oidocs.deal.model import Deal, PartyKey

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://oidocs.example/schema/deal-v1.json"
SCHEMA_FILE = "deal.schema.json"
"""The file name ``oidocs init`` points the ``# yaml-language-server: $schema=`` line at."""

TITLE = "oidocs deal file, version 1"
DESCRIPTION = (
    "One deal between 2 to 4 parties, from which oidocs drafts an NDA (秘密保持契約書), a memorandum "
    "of understanding (基本合意書), a proof-of-concept agreement (技術検証契約書) and a joint research and "
    "development agreement (共同研究開発契約書). Unknown keys are errors. Reference: docs/deal-file.md."
)

# Titles nicer than the field name for the sections a user meets first.
_TITLES = {
    "deal_id": "Deal ID",
    "nda": "NDA (秘密保持契約書)",
    "mou": "Memorandum of understanding (基本合意書)",
    "poc": "Proof-of-concept agreement (技術検証契約書)",
    "jda": "Joint research and development agreement (共同研究開発契約書)",
    "ip": "Intellectual property (知的財産)",
    "joint_filing": "IP model: joint filing (共同出願)",
    "exclusive_field": "IP model: exclusive right in a field (独占的実施権)",
    "background_licence": "IP model: background IP licence (バックグラウンドIPの実施許諾)",
}

_DEF_DESCRIPTIONS = {
    "Party": "A party to the agreements; the order of the list gives 甲, 乙, 丙, 丁 / Party A-D.",
    "Nda": "Terms of the NDA (秘密保持契約書).",
    "Mou": "Terms of the memorandum of understanding (基本合意書).",
    "Milestone": "A milestone of the memorandum.",
    "Poc": "Terms of the proof-of-concept agreement (技術検証契約書).",
    "Fee": "The fee of the proof of concept.",
    "Jda": "Terms of the joint research and development agreement (共同研究開発契約書).",
    "Ip": "How the results (foreground IP) are owned and licensed.",
    "JointFiling": "Results made jointly are co-owned and filed jointly.",
    "ExclusiveField": "One party owns the results; another holds an exclusive right to practise them in a field.",
    "BackgroundLicence": "Each party keeps its background IP and licenses it for the collaboration and its results.",
    "LicenceRoyalty": "The price of the licence agreement, and the rate once no licensed patent remains.",
}


def deal_schema() -> dict[str, Any]:
    """Return the JSON Schema of a version 1 deal file (a new dict on every call)."""
    raw = copy.deepcopy(Deal.model_json_schema(mode="validation"))
    defs: dict[str, Any] = raw.pop("$defs", {})
    raw.pop("title", None)
    raw.pop("description", None)
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": TITLE,
        "description": DESCRIPTION,
        **raw,
        "$defs": defs,
    }
    party_key = defs["Party"]["properties"]["key"]["pattern"]
    for model, node in _models_with_schemas(schema, defs):
        _finish_object(model, node, party_key)
    site = defs["Poc"]["properties"]["site"]  # poc.site: one of three words, or a party key (the host)
    site.pop("type", None)
    site.pop("minLength", None)
    site["anyOf"] = [{"enum": list(SITE_WORDS)}, {"type": "string", "pattern": party_key}]
    for name, node in defs.items():
        node.setdefault("description", _DEF_DESCRIPTIONS.get(name, node.get("title", name)))
    return schema


def _models_with_schemas(root: dict[str, Any], defs: dict[str, Any]) -> list[tuple[type[BaseModel], dict[str, Any]]]:
    """Pair every model reachable from Deal with its object schema (root or a $defs entry)."""
    found: list[tuple[type[BaseModel], dict[str, Any]]] = []
    seen: set[type[BaseModel]] = set()

    def visit(model: type[BaseModel], node: dict[str, Any]) -> None:
        if model in seen:
            return
        seen.add(model)
        found.append((model, node))
        for field in model.model_fields.values():
            for sub in _models_in(field.annotation):
                visit(sub, defs[sub.__name__])

    visit(Deal, root)
    return found


def _finish_object(model: type[BaseModel], node: dict[str, Any], party_key: str) -> None:
    node["additionalProperties"] = False
    props: dict[str, Any] = node.get("properties", {})
    for name, field in model.model_fields.items():
        prop = props[name]
        if "title" not in prop or name in _TITLES or name.endswith("_percent"):
            prop["title"] = _TITLES.get(name, _title(name))
        if not prop.get("description"):
            prop["description"] = field.description or prop["title"]
        where = _party_key_places(field.annotation, field.metadata)
        if where:
            branch = _value_branch(prop)
            if "self" in where:
                branch["pattern"] = party_key
            if "items" in where:
                branch.setdefault("items", {})["pattern"] = party_key
            if "keys" in where:
                branch["propertyNames"] = {"pattern": party_key}


def _title(name: str) -> str:
    """A key's title as an editor shows it: ``rate_percent`` -> "Rate (per cent)" (British, as the documents)."""
    if name.endswith("_percent"):
        return name[: -len("_percent")].replace("_", " ").title() + " (per cent)"
    return name.replace("_", " ").title()


def _value_branch(prop: dict[str, Any]) -> dict[str, Any]:
    """Return the non-null alternative of an optional property (or the property itself)."""
    for branch in prop.get("anyOf", ()):
        if branch.get("type") != "null":
            return branch
    return prop


def _party_key_places(annotation: Any, metadata: list[Any]) -> set[str]:
    """Where a field's type names a party: "self" (a str), "items" (a list) or "keys" (a map)."""
    places: set[str] = set()
    if any(getattr(m, "func", None) is _party_validator() for m in metadata):
        places.add("self")
    for tp in _alternatives(annotation):
        if _is_party_key(tp):
            places.add("self")
        origin = get_origin(tp)
        args = get_args(tp)
        if origin is list and args and _is_party_key(args[0]):
            places.add("items")
        if origin is dict and args and _is_party_key(args[0]):
            places.add("keys")
    return places


def _party_validator() -> Any:
    return get_args(PartyKey)[1].func


def _is_party_key(tp: Any) -> bool:
    return tp == PartyKey


def _alternatives(annotation: Any) -> list[Any]:
    """Split ``X | None`` (and Annotated wrappers around it) into its non-None members."""
    if get_origin(annotation) is Annotated and not _is_party_key(annotation):
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (typing.Union, types.UnionType):
        return [a for a in get_args(annotation) if a is not type(None)]
    return [annotation]


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in get_args(annotation):
        found += _models_in(arg)
    return found
