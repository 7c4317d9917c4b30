"""Every shipped, review and fixture deal builds a whole pack for every side and every price.

A deal file valid by the model must never stop at assembly: a clause that uses a defined term only
some deals define (the JDA's "Licence Agreement" in the income share of an assigning party, when the
JDA grants the exclusive right itself) stopped a deal drafted for a startup that the tests, each
drafted for one side, did not build. The sweep varies what the clauses branch on most: the party the
drafts are made for (``acting_for``, or none), the price of an exclusive field, the commercial
background licence and the PoC's site. Variants the model refuses (a royalty with a free commercial
licence) are skipped: refusing them is the model's job, tested elsewhere.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from oidocs import api
from oidocs.errors import OidocsError

DEALS = sorted([*ROOT.glob("examples/*.yaml"), *ROOT.glob("tests/review_deals/*.yaml"),
                *(p for p in ROOT.glob("tests/fixtures/*.yaml") if p.name != "injection.yaml")])


def variants(raw: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The deal as shipped, then one change at a time along the dimensions clauses branch on."""
    yield "as shipped", raw
    ip = raw.get("ip") or {}
    if "exclusive_field" in ip:
        for name, price in (("free", {"royalty_free": True}), ("priced", {"royalty": {"rate_percent": 3}}),
                            ("left to a licence agreement", {})):
            changed = copy.deepcopy(raw)
            field = changed["ip"]["exclusive_field"]
            field.pop("royalty_free", None)
            field.pop("royalty", None)
            field.update(price)
            yield f"exclusive field {name}", changed
    if "background_licence" in ip:
        for commercial in ("reasonable_terms", "royalty_free", "none"):
            changed = copy.deepcopy(raw)
            changed["ip"]["background_licence"]["commercial"] = commercial
            yield f"commercial licence {commercial}", changed
    if raw.get("poc"):
        for site in ["performer", "client", "third_party", *(p["key"] for p in raw["parties"])]:
            changed = copy.deepcopy(raw)
            changed["poc"]["site"] = site
            yield f"site {site}", changed


@pytest.mark.parametrize("path", DEALS, ids=lambda p: p.name)
def test_every_side_and_variant_builds_a_whole_pack(tmp_path: Path, path: Path) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    built, failed = 0, []
    for name, deal in variants(raw):
        for acting in [None, *(p["key"] for p in deal["parties"])]:
            drafted = {k: v for k, v in deal.items() if k != "acting_for"}
            if acting is not None:
                drafted["acting_for"] = acting
            file = tmp_path / "deal.yaml"
            file.write_text(yaml.safe_dump(drafted, allow_unicode=True), encoding="utf-8")
            try:
                parsed = api.read_deal(file)
            except OidocsError:
                assert name != "as shipped" or acting is not None, "the shipped deal itself is refused"
                continue
            for lang in ("ja", "en"):
                try:
                    files = api.render_pack(parsed, lang=lang, formats=("md",))
                except OidocsError as error:  # what a user would see instead of a pack
                    failed.append(f"{name}, acting_for {acting}, {lang}: {error}")
                    continue
                assert any(n.endswith(f"-nda-{lang}.md") for n in files) and any("review" in n for n in files)
                built += 1
    assert not failed, "\n".join(failed)
    assert built >= 2
