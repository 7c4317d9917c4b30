"""The ninth lawyer reading of deal J (#1, #2): deal-set co-ownership shares apply among contributors.

Deal J sets ip.joint_filing.shares {morimiya: 40, univ: 30, zao: 30}. The JDA's ownership Article gave
Morimiya (甲) 40 per cent of every joint result, even one made by the university and the SME alone,
against the costs Article's rule that paying costs gives no right in the results; the MOU stated the
shares as settled, and its licence paragraph promised "its patents and other rights". Each test reads
the generated text back and fails on the text before this round.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, article_titled, deal_changed, shipped_markdown
from oidocs import api

J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"
TWO = ROOT / "tests" / "fixtures" / "hokkai-sme-univ-ja.yaml"  # two parties, shares 60/40
OWNERSHIP = {"ja": "共同成果の帰属", "en": "Ownership of Joint Results"}


def _paragraphs(text: str, title: str) -> list[str]:
    return [p for p in article_titled(text, title).strip().split("\n\n") if p]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_jda_shares_apply_only_among_the_parties_that_contributed_and_stand_for_two(lang: str) -> None:
    first, second, third, *_ = _paragraphs(shipped_markdown(J, "jda", lang), OWNERSHIP[lang])
    if lang == "ja":
        assert "甲、乙及び丙の共有とし、その持分は、次の各号に定める割合とする" not in first
        assert "その創出に実質的に寄与した当事者の共有とし" in first
        assert "次の各号に定める割合を当該共有者の間でその比により按分した割合とする" in first
        assert "全ての当事者が寄与した共有知的財産権の持分は次の各号に定める割合となり" in first
        assert "乙及び丙のみが寄与した共有知的財産権の持分は乙50パーセント及び丙50パーセントとなる" in first
        assert "甲：40パーセント" in first
        assert "寄与しなかった当事者は、本共同研究開発の費用を負担し" in second and "持分を有しない" in second
        assert "研究期間中、当該共同成果を、本共同研究開発の遂行のためにのみ、無償で実施することができる" in second
        assert "書面による合意により、前各項と異なる持分の帰属を定めることができる" in third
    else:
        assert "co-owned by Party A, Party B and Party C in the following shares" not in first
        assert "co-owned by the Parties that contributed substantively to creating them" in first
        assert "in shares proportionate to the co-owners’ respective shares set out below" in first
        assert "only Party B and Party C contributed are 50 per cent for Party B and 50 per cent for Party C" in first
        assert "shall hold no share in the Jointly Owned IP Rights in them, even if it bore costs" in second
        assert "free of charge during the Research Period solely for carrying out the Joint Research and Development" in second
        assert "set an ownership of that right, or shares in it, different from those under the preceding paragraphs" in third
    # two parties: a joint result is made by both by definition, so the set shares stand as before
    paragraphs = _paragraphs(shipped_markdown(TWO, "jda", lang), OWNERSHIP[lang])
    assert len(paragraphs) == 2
    assert ("甲及び乙の共有とし、その持分は、次の各号に定める割合とする" in paragraphs[0] if lang == "ja"
            else "co-owned by Party A and Party B in the following shares" in paragraphs[0])
    assert "寄与" not in paragraphs[0] and "contributed" not in paragraphs[0]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_confirmation_of_a_result_names_its_contributors(lang: str) -> None:
    text = shipped_markdown(J, "jda", lang)
    body = article_titled(text, "成果の通知及び区分の確認" if lang == "ja" else "Notification of Results and Confirmation of Their Category")
    assert ("（共同成果に該当するときは、その創出に実質的に寄与した当事者を含む。）" in body if lang == "ja"
            else "and, if they constitute Joint Results, which Parties contributed substantively to creating them" in body)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_mou_states_the_shares_among_contributors_not_as_settled(lang: str) -> None:
    first = _paragraphs(shipped_markdown(J, "mou", lang), "知的財産" if lang == "ja" else "Intellectual Property")[0]
    if lang == "ja":
        assert "次の各号に定める持分により各当事者の共有とし" not in first
        assert "その創出に実質的に寄与した当事者の共有とし（寄与しなかった当事者は持分を有しない。）" in first
        assert "関係する当事者が書面により別段の合意をしない限り" in first
        assert "当該共有者の間でその比により按分した割合" in first
    else:
        assert "co-owned by the Parties in the following shares" not in first
        assert "co-owned by the Parties that contributed substantively to creating them" in first
        assert "a Party that did not so contribute shall hold no share in them" in first
        assert "unless the Parties concerned agree otherwise in writing for any individual Results" in first


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_mou_names_what_the_planned_licence_licenses_to_whom(lang: str) -> None:
    body = article_titled(shipped_markdown(J, "mou", lang), "今後の契約" if lang == "ja" else "Subsequent Agreements")
    second = [p for p in body.strip().split("\n\n") if p][1]
    if lang == "ja":
        assert "特許権その他の権利" not in second
        assert second.startswith("2. 甲及び乙は、")
        assert "乙の特許権（特許第7345678号、生体信号に基づく疲労度推定方法及び装置）" in second
        assert "製造現場における作業者の安全管理の分野において日本国内を対象として、対価を得て、非独占的な実施を許諾する契約" in second
        assert "当該契約は、甲及び乙の間で締結し、乙の権利のみを許諾の対象とするものとする" in second
    else:
        assert "its patents and other rights" not in second
        assert "Party A and Party B shall negotiate in good faith the terms (including the amount of the consideration)" in second
        assert "Party B would grant Party A a non-exclusive licence, for consideration, to practise the patent" in second
        assert "would license only rights of Party B" in second


def test_a_royalty_free_licence_is_described_as_free(tmp_path: Path) -> None:
    free = deal_changed(J, tmp_path, licence__royalty_free=True, licence__royalty=None)
    body = article_titled(api.render_document(free, "mou", lang="ja", fmt="md").decode("utf-8"), "今後の契約")
    assert "無償で、非独占的な実施を許諾する契約" in body and "対価の額" not in body


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_review_sheet_says_the_funder_holds_no_share_where_it_did_not_contribute(lang: str) -> None:
    sheet = api.render_review(api.read_deal(J), lang=lang).decode("utf-8")
    if lang == "ja":
        assert "共通費用の70%を負担するが、共同成果の持分は40%である（全ての当事者が寄与した成果についての持分であり、自らの者が創出に寄与しなかった成果には持分がないが" in sheet
        assert "（成果ごとに、その創出に寄与した当事者の間でこの比により按分。寄与しなかった当事者は持分なし）" in sheet
    else:
        assert "owns 40 per cent of the joint results (its share of results to which every party contributed; it holds no share" in sheet
        assert "(for each result, divided in this ratio among the parties that contributed to it;" in sheet
