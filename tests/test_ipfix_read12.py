"""The twelfth lawyer reading (read12): the exclusive-field licence and non-practice compensation.

Report r1 defect 1: under the exclusive-field model the holder's licence outlived the holder's breach for
the life of the rights; the owner's only remedy was to make it non-exclusive. The owner may now terminate
the licence itself for unpaid consideration not cured within 60 days, insolvency, or a validity challenge
(a termination right, not a no-challenge covenant), and the survival Article says the licence then ends.
Report r2 defect 4: a co-owner could not begin selling until the non-practice compensation was agreed.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_titled, shipped_markdown

HARBOR = ROOT / "tests" / "fixtures" / "harbor-exclusive-en.yaml"  # exclusive field, two companies, en
FUKUOKA = ROOT / "tests" / "review_deals" / "fukuoka-univ-three-ja.yaml"  # exclusive field, three parties, ja


@pytest.mark.parametrize("path", [HARBOR, FUKUOKA])
def test_owner_may_terminate_the_licence_for_non_payment_insolvency_or_challenge(path):
    en = article_titled(shipped_markdown(path, "jda", "en"), "Loss of Exclusivity")
    assert "terminate the Exclusive Licence (including where it has become a non-exclusive licence" in en
    assert "within sixty (60) days after receiving a written demand" in en
    assert "bankruptcy, civil rehabilitation, corporate reorganisation" in en
    assert "by a request for an invalidation trial or by any other means, the validity of" in en
    ja = shipped_markdown(path, "jda", "ja")
    loss = article_titled(ja, "独占性の喪失")
    assert "非独占的な通常実施権となったものを含む。）の許諾及びこれに基づく再実施権の許諾を解除することができる" in loss
    assert "書面による支払の催告を受けた日から60日以内にこれを支払わないとき" in loss
    assert "無効審判の請求その他の方法により争ったとき" in loss


def test_the_licence_continues_after_exclusivity_only_until_terminated():
    assert "as a non-exclusive licence in the Field within the Territory, unless it is terminated under Article" in (
        article_titled(shipped_markdown(HARBOR, "jda", "en"), "Exclusive Right to Practise in the Field"))
    assert "ただし、第" in article_titled(shipped_markdown(HARBOR, "jda", "ja"), "分野別の独占的実施権")


@pytest.mark.parametrize("path", [HARBOR, FUKUOKA])
def test_survival_says_the_terminated_licence_ends(path):
    assert "and that the Exclusive Licence ends when it is terminated under Article" in article_titled(
        shipped_markdown(path, "jda", "en"), "Survival")
    assert "本独占的実施権は、第" in article_titled(shipped_markdown(path, "jda", "ja"), "存続条項")


HOKKAI = ROOT / "tests" / "fixtures" / "hokkai-sme-univ-ja.yaml"  # an SME and a university co-own results
CONSORTIUM = ROOT / "tests" / "fixtures" / "kansai-consortium-ja.yaml"  # three parties with a university


@pytest.mark.parametrize("path", [HOKKAI, CONSORTIUM])
def test_a_co_owner_may_practise_before_the_non_practice_compensation_is_agreed(path):
    en = article_titled(shipped_markdown(path, "jda", "en"), "Practice of Jointly Owned IP Rights")
    assert "until that written agreement is reached" not in en
    assert "may begin making, selling or otherwise commercially practising products using the Jointly Owned IP Rights" \
        " before that written agreement is reached" in en
    assert "taking into account any royalty that" in en
    assert "Japan Intellectual Property Arbitration Center" in en
    ja = article_titled(shipped_markdown(path, "jda", "ja"), "共有知的財産権の実施")
    assert "商業的な実施を開始しないものとする" not in ja
    assert "当該書面による合意が成立する前であっても" in ja
    assert "に支払う実施料を考慮して定める" in ja
    assert "日本知的財産仲裁センター" in ja


@pytest.mark.parametrize("lang, words", [
    ("en", "may also terminate the licence itself (even once it is non-exclusive) if consideration stays unpaid 60 days"),
    ("ja", "は実施許諾そのもの（非独占となった後のものを含む。）を解除できる")])
def test_the_holders_sheet_warns_that_the_licence_itself_can_be_terminated(lang, words, tmp_path):
    from oidocs import api

    from conftest import deal_changed

    deal = deal_changed(HARBOR, tmp_path, acting_for="harbor")  # the exclusive holder
    assert words in api.render_review(deal, lang=lang).decode("utf-8")
