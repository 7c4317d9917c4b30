"""Twelfth round of lawyer findings on the background IP and co-owned-results licensing Articles
(read10 report-a fixes 4, 5 and 7, report-b fix 2; read11 report-two 'JDA Art 8(3)', report-three JDA 3, 5, 6).

1. The duty to license Background IP Rights for practising the Results (ip.background_ip) lasted as long as
   the right and reached any use: requests are now limited to the Research Period and three years after it,
   the licence to the requesting party's own practice (no sublicence), and having a third party make products
   of the kind the holder makes with that background only within the first-offer period and procedure of the
   practice Article, or with the holder's consent.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, article_titled, shipped_markdown

DEAL_J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"    # large company, university, SME (first offer)
ACME = ROOT / "examples" / "acme-nano-ja.yaml"                            # SME and startup: no first offer
MINATO = ROOT / "examples" / "minato-rhein-bilingual.yaml"       # SME and large company, two parties
BACKGROUND = {"ja": "背景知的財産権の帰属", "en": "Ownership of Background IP Rights"}


def background(deal: object, lang: str) -> str:
    return article_titled(shipped_markdown(deal, "jda", lang), BACKGROUND[lang])  # type: ignore[arg-type]


@pytest.mark.parametrize(("deal", "lang", "window", "own", "have_made"), [
    (DEAL_J, "ja", "研究期間中及びその末日（本契約がその前に終了したときは、その終了の日）の翌日から起算して3年以内にされた書面による求めに応じ",
     "求めをした当事者が自ら当該本成果を実施するためのものであって、再実施を許諾する権利を含まず",
     "同種の製品を第三者に製造させることは、第13条により実施権者が当該当事者にその製造を申し出なければならない期間内にその定めに従ってするとき、又は当該当事者が書面により同意したときに限り、含まれる"),
    (DEAL_J, "en", "upon its written request made during the Research Period or within three (3) years after the day following its last day",
     "The licence shall be for the requesting Party’s own practice of those Results, with no right to grant sublicences",
     "is included only when done within the period in which, and in accordance with the procedure by which, Article 13 requires the licensee to offer that manufacture to that Party first, or with that Party’s written consent"),
    (MINATO, "en", "upon its written request made during the Research Period or within three (3) years after",
     "with no right to grant sublicences", "Article 12 requires the licensee to offer that manufacture to that Party first, or with that Party’s written consent"),
    (ACME, "ja", "研究期間中及びその末日（本契約がその前に終了したときは、その終了の日）の翌日から起算して3年以内にされた書面による求め",
     "再実施を許諾する権利を含まず", "同種の製品を第三者に製造させることは、当該当事者が書面により同意したときに限り、含まれる"),
])
def test_the_background_licence_is_requested_in_a_window_for_own_use_and_the_holders_products(
        deal: object, lang: str, window: str, own: str, have_made: str) -> None:
    text = background(deal, lang)
    assert window in text and own in text and have_made in text
