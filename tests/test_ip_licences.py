"""Issue 20, the lawyers' reading of deal B and of the background-licence deal: licences of results and
of background IP that a party's lawyer would send back (helper ipx, 2026-12-05).

Deal B (tests/review_deals/kiso-daiwa-hanno-field-en.yaml): a startup (acted for) owns the results, a
large company may take an exclusive licence in its field at a price left to a licence agreement, an SME
does the PoC; the pack also licenses the startup's background patent to the large company. Each test
reads the generated documents back and fails on the text before its fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, article_titled, shipped_markdown

DEALS = ROOT / "tests" / "review_deals"
DEAL_B = DEALS / "kiso-daiwa-hanno-field-en.yaml"
MIRAI = DEALS / "mirai-toyohashi-bg-ja.yaml"
EXCLUSIVE = {"ja": "分野別の独占的実施権", "en": "Exclusive Right to Practise in the Field"}
OUTSIDE = {"ja": "本分野外における実施等", "en": "Practice outside the Field"}


def _variant(src: Path, tmp_path: Path, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    """A copy of deal ``src`` changed by ``change(data)``, written under ``tmp_path``."""
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _acting(key: str | None):  # type: ignore[no-untyped-def]
    def change(data: dict) -> None:  # type: ignore[type-arg]
        if key is None:
            data.pop("acting_for", None)
        else:
            data["acting_for"] = key
    return change


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_free_hold_on_the_owners_field_before_a_licence_exists(lang: str, tmp_path: Path) -> None:
    """Finding 1 (deal B, JDA Art. 11(3)): with the exclusive licence left to a licence agreement, the
    owner's duty to stay out of the field (no licences to others, no sales of its own) starts with that
    agreement, not with the holder's request: a hold with no licence and no price is a free option.
    Drafted for the holder or balanced, a request buys only a short standstill on licensing others,
    which lapses if no licence is signed in time."""
    owner_side = article_titled(shipped_markdown(DEAL_B, "jda", lang), EXCLUSIVE[lang])
    assert ("求めがあった日以後" if lang == "ja" else "makes the request under paragraph 1") not in owner_side
    assert ("締結前においても" if lang == "ja" else "before the Licence Agreement is entered into") not in owner_side
    assert ("独占期間のうち本実施許諾契約が効力を生じた日以後の期間中、本分野かつ本地域において、第三者に対し対象知的財産権の実施を許諾せず" if lang == "ja"
            else "During the Exclusive Period, from the day on which the Licence Agreement takes effect, Kiso shall neither license any third party") in owner_side
    assert ("限度とする" if lang == "ja" else "but for no longer than") not in owner_side
    outside = article_titled(shipped_markdown(DEAL_B, "jda", lang), OUTSIDE[lang])
    assert ("ただし、独占期間中は" if lang == "ja" else "may be granted during the Exclusive Period") not in outside

    for key, period in (("daiwa", {"ja": "6か月を限度とする", "en": "no longer than six (6) months"}),
                        (None, {"ja": "90日を限度とする", "en": "no longer than ninety (90) days"})):
        deal = _variant(DEAL_B, tmp_path, f"side-{key}", _acting(key))
        text = article_titled(shipped_markdown(deal, "jda", lang), EXCLUSIVE[lang])
        assert period[lang] in text, key
        assert ("締結前においても" if lang == "ja" else "including before the Licence Agreement is entered into") not in text
        assert ("この制限は効力を失い、再度の求めによっても復活しない" if lang == "ja"
                else "this restriction lapses and is not revived by a further request") in text
