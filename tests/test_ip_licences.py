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


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_licence_agreement_replaces_the_jdas_background_licence_and_credits_royalties(lang: str) -> None:
    """Finding 2 (mirai-toyohashi): the JDA licenses the startup's background IP for practising the
    results at a royalty (upfront fee included) and the licence agreement licenses the same patent and
    know-how again, with its own upfront fee and minimum. Both documents now say that, between licensor
    and licensee, the licence agreement replaces the JDA's licence for the rights, field and territory it
    covers from its effective date, and that consideration paid under one is credited under the other."""
    jda = article_titled(shipped_markdown(MIRAI, "jda", lang), "背景知的財産権の実施許諾" if lang == "ja" else "Licence of Background IP Rights")
    assert ("2029年4月15日付けのライセンス契約（以下「本ライセンス契約」という。）" if lang == "ja"
            else "the licence agreement dated April 15, 2029 under which Party A licenses Party B") in jda
    assert ("本ライセンス契約が、同一の背景知的財産権に係る本条の本成果の実施のための実施許諾のうち本ライセンス契約の対象となる分野及び地域におけるものに代わる" if lang == "ja"
            else "the Separate Licence Agreement shall replace the licence under this Article for practising the Results") in jda
    assert ("同一の販売について両契約に基づく実施料を重ねて支払うことを要しない" if lang == "ja" else "so that no sale bears royalties under both") in jda

    licence = shipped_markdown(MIRAI, "licence", lang)
    relation = article_titled(licence, "共同研究開発契約との関係" if lang == "ja" else "Relation to the Joint Research and Development Agreement")
    assert ("2027年11月1日付けの共同研究開発契約（以下「本共同研究開発契約」という。）" if lang == "ja"
            else "the joint research and development agreement dated November 1, 2027") in relation
    assert ("本分野かつ本地域における本許諾権利に係るものに代わる" if lang == "ja"
            else "replaces the licence of Party A’s background intellectual property rights") in relation
    assert ("本契約に基づき支払うべき対価（一時金は契約一時金に、ランニング・ロイヤルティはランニングロイヤルティに）" if lang == "ja"
            else "shall be credited against the consideration payable under this Agreement") in relation


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_deal_b_licence_is_not_the_jdas_licence_agreement(lang: str) -> None:
    """Deal B: the JDA speaks of a "Licence Agreement" for the large company's exclusive field in the
    startup's results, and the pack's licence agreement licenses the startup's background patent in the
    same field. A lawyer asked whether signing it starts or closes the JDA's negotiation window. Since
    the fifth reading the licence no longer asserts that its rights are not results (the deal cannot say):
    so far as they are, it is that agreement for the field; the other results keep the JDA's own window
    (tests/test_jda_read5.py). Its JDA licenses no background IP, so nothing is replaced or credited."""
    relation = article_titled(shipped_markdown(DEAL_B, "licence", lang),
                              "共同研究開発契約との関係" if lang == "ja" else "Relation to the Joint Research and Development Agreement")
    assert ("本許諾権利に含まれない当該共同研究開発の成果についての実施許諾及びそのために本共同研究開発契約に基づき進行する期間は、本共同研究開発契約の定めるところによる" if lang == "ja"
            else "that are not among the Licensed Rights, and any time limit running under the Joint Research Agreement for the licence of them, remain as the Joint Research Agreement provides") in relation
    assert ("充当" if lang == "ja" else "credited") not in relation
    assert ("代わる" if lang == "ja" else "replaces") not in relation


BG_IMPROVEMENTS = {"ja": "背景知的財産権の改良", "en": "Improvements of Background IP Rights"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_improvements_of_the_licensors_background_lean_with_acting_for(lang: str, tmp_path: Path) -> None:
    """Finding 3 (mirai-toyohashi): results improving the startup's background technology fell into the
    co-owned Joint Results. They are now its own in every JDA (ip.background_improvements, read12), the
    others assigning their shares free of charge; licensed for practising the Results, the background's
    licence carries them on its terms. Drafted for the licensee, the licensee that assigns keeps a free
    non-exclusive licence for its own products (the fallback). The licence agreement's improvements
    Article leaves results of the joint research to the JDA."""
    licensor = article_titled(shipped_markdown(MIRAI, "jda", lang), BG_IMPROVEMENTS[lang])
    assert ("いずれの当事者がこれをしたかを問わず、その改良又は変更の対象となった背景知的財産権を有する当事者に単独で帰属する" if lang == "ja"
            else "shall belong solely to the Party whose Background IP Rights they improve or modify, whichever Party made them") in licensor
    assert ("当該許諾の対象に含まれるものとし、当該許諾と同一の条件により許諾される" if lang == "ja"
            else "shall be included in that licence and licensed on its terms") in licensor

    licensee = article_titled(shipped_markdown(_variant(MIRAI, tmp_path, "toyo", _acting("toyo")), "jda", lang), BG_IMPROVEMENTS[lang])
    assert ("単独で帰属する" if lang == "ja" else "shall belong solely to") in licensee
    assert ("乙が本条の定めにより背景改良発明に係る権利又は持分を譲渡したときは" if lang == "ja"
            else "Where Party B assigns a right or share in any Background Improvements under this Article") in licensee
    assert ("ための無償の非独占的な通常実施権を許諾する" if lang == "ja" else "a royalty-free, non-exclusive licence to practise those Background Improvements itself") in licensee

    improvements = article_titled(shipped_markdown(MIRAI, "licence", lang), "改良技術" if lang == "ja" else "Improvements")
    assert ("本共同研究開発契約に基づく共同研究開発により得られた成果には、本許諾権利に係る技術を改良したものであっても、適用しない" if lang == "ja"
            else "does not apply to results obtained through the joint research and development under the Joint Research Agreement") in improvements


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_deal_b_licence_leaves_results_of_the_joint_research_to_the_jda(lang: str) -> None:
    """Deal B: the licence of the startup's background patent runs during the JDA's research; an
    improvement of the licensed patent made in the joint research is a Result the JDA gives to the
    startup, so the licence's 'improvements belong to their maker' must not reach it."""
    improvements = article_titled(shipped_markdown(DEAL_B, "licence", lang), "改良技術" if lang == "ja" else "Improvements")
    assert ("本共同研究開発契約に基づく共同研究開発により得られた成果には" if lang == "ja"
            else "does not apply to results obtained through the joint research and development under the Joint Research Agreement") in improvements
    assert BG_IMPROVEMENTS[lang] not in shipped_markdown(DEAL_B, "jda", lang)


BACKGROUND = {"ja": "背景知的財産権の帰属", "en": "Ownership of Background IP Rights"}
ASTER = DEALS / "aster-univ-mizuho-en.yaml"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_co_owner_needing_anothers_background_ip_has_a_licence_option(lang: str) -> None:
    """Finding 4: co-owners (and holders of a licence) of results that cannot practise them without
    another party's background IP had only a sheet flag. The JDA now gives them the right to a
    non-exclusive licence on reasonable terms, agreed within 90 days, with mediation as the fallback,
    which no later licence defeats except an exclusive one granted before the request (fifth reading,
    tests/test_jda_read5.py); the licence agreement's exclusivity leaves that licence alone
    (aster-univ-mizuho: the university licenses Aster exclusively, Mizuho co-owns the results)."""
    for deal in (ASTER, DEAL_B):
        text = article_titled(shipped_markdown(deal, "jda", lang), BACKGROUND[lang])
        assert ("当該背景知的財産権の非独占的な通常実施権を、合理的な条件（実施料、報告及び帳簿の監査を含む。）により許諾する" if lang == "ja"
                else "grant it a non-exclusive licence under those Background IP Rights on reasonable terms") in text, deal.stem
        assert ("求めの日から90日以内に書面により合意して定める" if lang == "ja" else "agreed in writing within ninety (90) days of the request") in text
        assert ("日本知的財産仲裁センターに調停を申し立てることができ" if lang == "ja" else "mediation at the Japan Intellectual Property Arbitration Center") in text
        assert ("その他の者に与えた実施許諾は、本項による許諾を妨げない" if lang == "ja"
                else "no other licence granted to any other person shall prevent the grant") in text

    grant = article_titled(shipped_markdown(ASTER, "licence", lang), "実施許諾" if lang == "ja" else "Grant of Licence")
    assert ("求めに応じて許諾すべき乙の背景知的財産権の実施許諾を制限しない" if lang == "ja"
            else "The preceding paragraph does not restrict the licences of its background intellectual property rights that the University has granted, or must grant on request") in grant


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_licence_option_when_the_deal_refuses_a_commercial_licence(lang: str, tmp_path: Path) -> None:
    """A deal that says no background IP is licensed for practising the results (commercial: none)
    gets no option either."""
    def none(data: dict) -> None:  # type: ignore[type-arg]
        data["ip"]["background_licence"]["commercial"] = "none"
        del data["ip"]["background_licence"]["royalty"]
    text = article_titled(shipped_markdown(_variant(MIRAI, tmp_path, "none", none), "jda", lang), BACKGROUND[lang])
    assert ("合理的な条件（実施料" if lang == "ja" else "on reasonable terms") not in text
