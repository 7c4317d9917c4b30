"""A user's first deal file: a commented starter, or one built from a few questions.

:func:`starter_yaml` returns a deal file that shows every key of version 1 (and the
oidocs extension keys), each with its meaning, default and allowed values in a comment.
The optional sections (``mou``, ``poc``, ``jda``, ``ip`` and the IP model blocks) are
commented out with a leading ``# `` so that the file validates as it is and makes an NDA;
removing the ``# `` of a whole block (an editor's toggle-comment does it) turns the block
on. Blocks nested in a commented block carry a second ``# ``, one level deeper.

:func:`interactive_deal` asks for the required terms through three callables, so that it
runs under click's prompts, in a test, or behind any other front end, and returns a deal
file that validates. Values are written by ``yaml.safe_dump``, so a name such as
``yes``, ``#1`` or ``{{ x }}`` stays text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, Callable

from .errors import OidocsError
from .schema import SCHEMA_FILE

LANGS = ("ja", "en")
KINDS = ("sme", "startup", "large_company", "university", "research_institute", "other")
IP_MODELS = ("joint_filing", "exclusive_field", "background_licence")
PARTY_KEY = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
DEAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
# Words that YAML 1.1 reads as a boolean or null when written unquoted: a party key spelt so
# would turn `performer: no` into `performer: false` in a hand-edited file.
YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
MAX_TRIES = 10


def schema_line(schema: str = SCHEMA_FILE) -> str:
    """Return the first line that points yaml-language-server at the deal file's schema."""
    return f"# yaml-language-server: $schema={schema}\n"


def starter_yaml(lang: str, schema: str = SCHEMA_FILE) -> str:
    """Return the commented starter deal file in ``lang`` (``ja`` or ``en``).

    ``schema`` is the path or URL written on the ``$schema=`` line (by default
    ``deal.schema.json`` beside the deal file, as ``oidocs schema --out`` writes it).
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return schema_line(schema) + (_STARTER_JA if lang == "ja" else _STARTER_EN)


_STARTER_JA = """\
# oidocs の案件ファイル（deal file, version 1）。このままで検査に通り、秘密保持契約書（NDA）を作れる。
# 値を書き換え、作りたい契約書の節（mou・poc・jda と ip）の行頭の「# 」を外す
# （エディタの行コメント切替、VS Code なら選択して Ctrl+/ で外せる）。書式: キー: 値  # 意味（既定値; 選択肢）
#   oidocs validate deal.yaml                      検査だけ（何も書き出さない）
#   oidocs pack --config deal.yaml --out drafts    NDA と、節のある契約書すべてを作る
#   oidocs schema --out deal.schema.json           エディタ補完用のスキーマ（1 行目が参照する）
# キーの一覧: docs/deal-file.md。知らないキーは誤りとして報告される。

version: 1                          # 書式の版（1 のみ、必須）
deal_id: sample-2026                # 案件 ID。出力ファイル名になる（英数字と . _ -、64 文字まで、先頭は英数字; 必須）
language: ja                        # 契約書の言語: ja | en（既定 ja）。コマンドの --lang で上書きできる
date: 2026-12-01                    # 契約日（YYYY-MM-DD）。行ごと消すと日付欄を空欄にする（署名時に記入）
parties:                            # 当事者（2〜4 者、必須）。この順に 甲・乙・丙・丁 となる
  - key: alpha                      # 当事者キー（英小文字・数字・_、先頭は英字、32 文字まで、重複不可）。他の欄はこのキーで当事者を指す
    name: 株式会社アルファ精機          # 正式名称（契約書の表記どおり、必須）
    kind: sme                       # 種別: sme | startup | large_company | university | research_institute | other（既定 other）。university なら公表条項が入る
    address: 東京都千代田区丸の内一丁目1番1号  # 本店所在地（必須）
    representative: 代表取締役 山田 太郎  # 署名者の肩書と氏名（必須）
  - key: beta
    name: ベータラボ株式会社
    kind: startup
    address: 京都府京都市左京区吉田本町1番地
    representative: 代表取締役 佐藤 花子
  # - key: gamma                    # 3 者目（丙）。4 者目（丁）も同じ形で足せる
  #   name: 国立大学法人ガンマ大学
  #   kind: university
  #   address: 大阪府吹田市山田丘1番1号
  #   representative: 学長 鈴木 一郎
purpose: 省エネルギー型空調制御装置の共同開発の可否を検討すること  # 本目的: 情報開示と協業の目的（必須）
governing_law: japan                # 準拠法: japan のみ（既定 japan）
court: 東京地方裁判所                 # 第一審の専属的合意管轄裁判所（既定 東京地方裁判所）

nda:                                # 秘密保持契約書（NDA）の条件。節ごと省略するとすべて既定値。NDA は常に作られる
  mutual: true                      # 相互開示か: true | false（既定 true）。false（片方向）なら discloser が必要
  # discloser: alpha                # 片方向 NDA の唯一の開示者（当事者キー）。mutual: false のときだけ書く
  marking: true                     # true: 秘密と表示・指定した情報のみ対象（口頭開示は marking_days 日以内に書面で特定）; false: 目的のために開示した情報すべて（既定 true）
  marking_days: 14                  # 口頭開示を書面で特定する期限（日、1 以上; 既定 14）
  term_months: 12                   # 契約期間（月、1 以上; 既定 12）
  survival_months: 36               # 契約終了後も秘密保持義務が続く期間（月、0 以上; 既定 36）

# ---- 基本合意書（MOU）: 作るときは次の節の「# 」を外す。ip 節も必要 ----
# mou:
#   binding: false                  # 法的拘束力: false なら秘密保持・費用・準拠法・管轄だけが拘束力を持つ; true | false（既定 false）
#   objectives:                     # 協業の目的（1 つ以上、必須）
#     - 既存の空調機に組み込める制御装置の試作機を製作すること
#     - 2027年度中に製品化の可否を判断すること
#   roles:                          # 各当事者の役割（当事者キー: 役割、1 者以上、必須）
#     alpha: 筐体及び制御回路の設計並びに試作機の製作
#     beta: センサー素子の提供及び性能評価
#   milestones:                     # マイルストーン（既定 なし）
#     - title: 技術検証の完了            # 達成すること（必須）
#       due: 2027-03-31             # 期日（YYYY-MM-DD、必須）
#     - title: 共同研究開発契約の締結
#       due: 2027-05-31
#   meetings: 月1回の定例会議（オンライン可）  # 進捗会議の頻度（省略可）
#   term_months: 6                  # 有効期間（月、1 以上; 既定 6）

# ---- 技術検証契約書（PoC）: 作るときは次の節の「# 」を外す。ip 節も必要 ----
# poc:
#   performer: beta                 # 検証を実施する当事者（当事者キー、必須）
#   client: alpha                   # 検証を委託し費用を支払う当事者（当事者キー、performer と別、必須）
#   scope:                          # 検証の内容（1 つ以上、必須）
#     - 試作センサーを既存の空調機に組み込む試験
#     - 消費電力の測定
#   deliverables:                   # 成果物（既定 検証報告書）
#     - 検証報告書
#     - 測定データ一式
#   success_criteria:               # 成功基準（既定 なし）
#     - 消費電力を10%以上削減すること
#   start: 2027-01-10               # 検証の開始日（YYYY-MM-DD、必須）
#   end: 2027-03-31                 # 検証の終了日（YYYY-MM-DD、start より後、必須）
#   fee:                            # 検証の対価（必須）
#     amount: 3000000               # 金額（円、0 以上の整数、必須）
#     currency: JPY                 # 通貨: JPY のみ（既定 JPY）
#     due_days: 30                  # 請求から支払までの日数（0 以上; 既定 30）
#   report_days: 14                 # oidocs 拡張: 検証終了から報告書提出までの日数（1 以上; 既定 14）
#   acceptance_days: 10             # oidocs 拡張: 報告書の受領後、具体的な異議がなければ検収とみなすまでの日数（1 以上; 既定 10）
#   decision_months: 2              # oidocs 拡張: 検収後、共同研究開発に進むかを決めるまでの月数（1 以上; 既定 2）
#   confidentiality_years: 5        # oidocs 拡張: 秘密保持義務の存続期間（年、1 以上; 既定 5）

# ---- 共同研究開発契約書（JDA）: 作るときは次の節の「# 」を外す。ip 節も必要 ----
# jda:
#   theme: 省エネルギー型空調制御装置の開発  # 研究開発のテーマ（必須）
#   roles:                          # 各当事者の分担（当事者キー: 作業のリスト、1 者以上、必須）
#     alpha: [筐体及び制御回路の設計, 試作機の製作]
#     beta: [センサー素子の改良, 性能評価]
#   start: 2027-06-01               # 開始日（YYYY-MM-DD、必須）
#   end: 2028-05-31                 # 終了日（YYYY-MM-DD、start より後、必須）
#   costs: each_own                 # 費用負担: each_own（各自負担）| shared（分担、cost_shares が必要）（既定 each_own）
#   # cost_shares: {alpha: 60, beta: 40}  # 費用の分担割合（当事者キー: %、合計 100）。costs: shared のときだけ書く
#   publication_notice_days: 30     # 成果を公表する前の書面による事前通知（日、0 以上; 既定 30）
#   non_compete: false              # 期間中の競合する研究開発の禁止: true | false（既定 false）
#   confidentiality_years: 5        # oidocs 拡張: 秘密保持義務の存続期間（年、1 以上; 既定 5）

# ---- 知的財産（IP）: mou・poc・jda のどれかを作るときに必要。model と同じ名前の節に条件を書く ----
# ip:
#   model: joint_filing             # 成果（フォアグラウンド IP）の帰属: joint_filing（共有・共同出願）| exclusive_field（一方が所有し他方が分野を限って独占実施）| background_licence（各自が保有し実施許諾）（必須）
#   joint_filing:                   # model: joint_filing の条件（省略するとすべて既定値）。共同でなした成果は共有し共同で出願する
#     shares: {alpha: 50, beta: 50}  # 共有持分（当事者キー: %、合計 100; 既定 均等）
#     third_party_licence: consent  # 第三者への実施許諾: consent（他の共有者の同意が必要、特許法73条）| free（同意不要）（既定 consent）
#     costs: by_share               # 出願・維持費用: by_share（持分に応じて）| equal（均等）（既定 by_share）
#     non_practice_compensation: false  # oidocs 拡張: 自ら実施する共有者が、実施しない大学等の共有者に補償する: true | false（既定 false）
#   # exclusive_field:              # model: exclusive_field の条件（そのとき必須）。joint_filing の節と入れ替えて使う
#   #   owner: beta                 # 成果を所有する当事者（当事者キー、必須）
#   #   holder: alpha               # 独占的に実施する権利を持つ当事者（owner と別、必須）
#   #   field: 業務用空調機器          # 独占実施の分野（必須）
#   #   years: 3                    # 独占期間（年、1 以上; 既定 3）。その後は非独占
#   #   territory: 日本国内            # 地域（既定 worldwide（全世界））
#   # background_licence:           # バックグラウンド IP（各自が元から持つ知的財産）の実施許諾。model: background_licence の条件、又は他の model への追加（省略可）
#   #   licensors: [alpha, beta]    # 許諾する当事者（当事者キーのリスト; 既定 全当事者）
#   #   exclusive: false            # 独占的な許諾か: true | false（既定 false）
#   #   royalty_free: true          # 無償か: true | false（false なら実施料を誠実に協議; 既定 true）
#   #   sublicensable: false        # 再許諾（グループ会社・委託先）を認めるか: true | false（既定 false）
"""

_STARTER_EN = """\
# An oidocs deal file (version 1). As it is, it validates and makes the NDA.
# Change the values, and remove the leading "# " of the sections you want (mou, poc, jda,
# with ip) -- an editor's toggle-comment does it (VS Code: select, Ctrl+/).
# Layout: key: value  # meaning (default; allowed values)
#   oidocs validate deal.yaml                      check only, write nothing
#   oidocs pack --config deal.yaml --out drafts    the NDA and every document with a section here
#   oidocs schema --out deal.schema.json           the schema for editor completion (line 1 uses it)
# Every key: docs/deal-file.md. An unknown key is reported as an error.

version: 1                          # format version (only 1; required)
deal_id: sample-2026                # deal ID; names the output files (A-Z a-z 0-9 . _ -, up to 64, starting with a letter or digit; required)
language: en                        # language of the documents: ja | en (default ja); --lang on the command line overrides it
date: 2026-12-01                    # effective date (YYYY-MM-DD); delete the line for a blank date line, filled in at signing
parties:                            # 2 to 4 parties (required); in this order they are Party A, B, C, D (甲 乙 丙 丁)
  - key: alpha                      # party key (a-z 0-9 _, starting with a letter, up to 32, unique); the rest of the file names the party by it
    name: Alpha Precision Co., Ltd.  # legal name, as it appears in the document (required)
    kind: sme                       # sme | startup | large_company | university | research_institute | other (default other); a university gets a publication clause
    address: 1-1-1 Marunouchi, Chiyoda-ku, Tokyo  # registered address (required)
    representative: Representative Director, Taro Yamada  # title and name of the signatory (required)
  - key: beta
    name: Beta Labs Inc.
    kind: startup
    address: 1 Yoshida-Honmachi, Sakyo-ku, Kyoto
    representative: Representative Director, Hanako Sato
  # - key: gamma                    # a third party (Party C); a fourth (Party D) is added the same way
  #   name: Gamma University
  #   kind: university
  #   address: 1-1 Yamadaoka, Suita, Osaka
  #   representative: President, Ichiro Suzuki
purpose: evaluating whether the parties should jointly develop an energy-saving air-conditioning controller  # the Purpose of disclosure and collaboration (required)
governing_law: japan                # governing law: japan only (default japan)
court: Tokyo District Court         # court with exclusive jurisdiction of first instance (default Tokyo District Court)

nda:                                # terms of the NDA; leave the section out for all defaults. The NDA is always made
  mutual: true                      # both parties disclose: true | false (default true); false (one-way) needs discloser
  # discloser: alpha                # the only disclosing party of a one-way NDA (party key); only with mutual: false
  marking: true                     # true: only information marked or designated confidential (oral disclosures confirmed in writing within marking_days); false: all information disclosed for the purpose (default true)
  marking_days: 14                  # days to confirm an oral disclosure in writing (1 or more; default 14)
  term_months: 12                   # term of the agreement in months (1 or more; default 12)
  survival_months: 36               # months the obligations outlive the term (0 or more; default 36)

# ---- Memorandum of understanding (MOU, 基本合意書): remove the "# " of the next section to make it; needs ip ----
# mou:
#   binding: false                  # false: non-binding except confidentiality, costs, governing law and court; true | false (default false)
#   objectives:                     # what the collaboration aims at (1 or more; required)
#     - building a prototype controller that fits existing air-conditioning units
#     - deciding on commercialisation within fiscal 2027
#   roles:                          # each party's role (party key: role; 1 or more; required)
#     alpha: housing and control circuit design, building the prototype
#     beta: supply and evaluation of the sensor elements
#   milestones:                     # milestones (default none)
#     - title: proof of concept completed  # what is to be achieved (required)
#       due: 2027-03-31             # when (YYYY-MM-DD; required)
#     - title: joint development agreement signed
#       due: 2027-05-31
#   meetings: monthly progress meetings (online allowed)  # how often progress meetings are held (optional)
#   term_months: 6                  # term in months (1 or more; default 6)

# ---- Proof-of-concept agreement (PoC, 技術検証契約書): remove the "# " of the next section to make it; needs ip ----
# poc:
#   performer: beta                 # the party that carries out the verification (party key; required)
#   client: alpha                   # the party that commissions and pays for it (party key, not the performer; required)
#   scope:                          # the verification work (1 or more; required)
#     - fitting the prototype sensor to an existing air-conditioning unit
#     - measuring power consumption
#   deliverables:                   # deliverables (default: a verification report)
#     - verification report
#     - measurement data
#   success_criteria:               # criteria of success (default none)
#     - power consumption reduced by at least 10%
#   start: 2027-01-10               # start (YYYY-MM-DD; required)
#   end: 2027-03-31                 # end (YYYY-MM-DD, after start; required)
#   fee:                            # the fee (required)
#     amount: 3000000               # amount in yen (a whole number, 0 or more; required)
#     currency: JPY                 # currency: JPY only (default JPY)
#     due_days: 30                  # days from invoice to payment (0 or more; default 30)
#   report_days: 14                 # oidocs extension: days after the end by which the report is due (1 or more; default 14)
#   acceptance_days: 10             # oidocs extension: days after delivery after which the report is deemed accepted without a specific objection (1 or more; default 10)
#   decision_months: 2              # oidocs extension: months after acceptance to decide on joint development (1 or more; default 2)
#   confidentiality_years: 5        # oidocs extension: years confidentiality survives (1 or more; default 5)

# ---- Joint research and development agreement (JDA, 共同研究開発契約書): remove the "# " of the next section to make it; needs ip ----
# jda:
#   theme: development of an energy-saving air-conditioning controller  # the research and development theme (required)
#   roles:                          # each party's tasks (party key: list of tasks; 1 or more; required)
#     alpha: [housing and control circuit design, building prototypes]
#     beta: [sensor element improvement, performance evaluation]
#   start: 2027-06-01               # start (YYYY-MM-DD; required)
#   end: 2028-05-31                 # end (YYYY-MM-DD, after start; required)
#   costs: each_own                 # who bears the costs: each_own | shared (needs cost_shares) (default each_own)
#   # cost_shares: {alpha: 60, beta: 40}  # cost shares (party key: percent, summing to 100); only with costs: shared
#   publication_notice_days: 30     # days of prior written notice before publishing results (0 or more; default 30)
#   non_compete: false              # no competing development during the term: true | false (default false)
#   confidentiality_years: 5        # oidocs extension: years confidentiality survives (1 or more; default 5)

# ---- Intellectual property (ip): needed by mou, poc and jda. The block named like model holds its terms ----
# ip:
#   model: joint_filing             # who owns the results (foreground IP): joint_filing (co-owned, filed jointly) | exclusive_field (one owns, another practises exclusively in a field) | background_licence (each keeps its own, with licences) (required)
#   joint_filing:                   # terms of model: joint_filing (may be left out for all defaults): joint results are co-owned and filed jointly
#     shares: {alpha: 50, beta: 50}  # co-ownership shares (party key: percent, summing to 100; default equal)
#     third_party_licence: consent  # licensing a third party: consent (the co-owners must agree; Patent Act art. 73) | free (default consent)
#     costs: by_share               # filing and maintenance costs: by_share | equal (default by_share)
#     non_practice_compensation: false  # oidocs extension: a co-owner that practises compensates a university co-owner that cannot: true | false (default false)
#   # exclusive_field:              # terms of model: exclusive_field (required then); use it instead of the joint_filing block
#   #   owner: beta                 # owns the results (party key; required)
#   #   holder: alpha               # holds the exclusive right to practise (party key, not the owner; required)
#   #   field: commercial air-conditioning equipment  # the field of exclusive practice (required)
#   #   years: 3                    # exclusivity in years, non-exclusive after it (1 or more; default 3)
#   #   territory: Japan            # territory (default worldwide)
#   # background_licence:           # licence of background IP (what each party owned before): the terms of model: background_licence, or an addition to another model (optional)
#   #   licensors: [alpha, beta]    # licensing parties (list of party keys; default all parties)
#   #   exclusive: false            # exclusive licence: true | false (default false)
#   #   royalty_free: true          # royalty-free: true | false (false: royalties agreed in good faith; default true)
#   #   sublicensable: false        # sublicences to group companies and subcontractors allowed: true | false (default false)
"""


# ---------------------------------------------------------------------------------------------
# The questions


Ask = Callable[..., str]
Confirm = Callable[..., bool]
Choose = Callable[..., str]

_T: dict[str, dict[str, str]] = {
    "ja": {
        "intro": "案件ファイルを作ります。必須の項目だけを尋ねます（それ以外は既定値。後でファイルを編集できます）。"
                 "リストは「;」で区切って入力してください。",
        "deal_id": "案件 ID（出力ファイル名になる。英数字と . _ -）",
        "language": "契約書の言語",
        "date": "契約日 YYYY-MM-DD（空欄なら日付欄を空ける）",
        "count": "当事者の数",
        "party": "{label}",
        "key": "{label}の当事者キー（英小文字・数字・_、先頭は英字。例: acme）",
        "name": "{label}の正式名称",
        "kind": "{label}の種別",
        "address": "{label}の本店所在地",
        "representative": "{label}の署名者の肩書と氏名（例: 代表取締役 山田 太郎）",
        "purpose": "本目的（情報開示と協業の目的。例: ○○の共同開発の可否を検討すること）",
        "court": "第一審の専属的合意管轄裁判所",
        "mutual": "NDA は相互開示か（n なら片方向）",
        "discloser": "片方向 NDA の開示者（当事者キー）",
        "want_mou": "基本合意書（MOU）も作るか",
        "objectives": "MOU: 協業の目的（「;」区切り）",
        "mou_role": "MOU: {label}の役割",
        "want_poc": "技術検証契約書（PoC）も作るか",
        "performer": "PoC: 検証を実施する当事者",
        "client": "PoC: 検証を委託し費用を支払う当事者",
        "scope": "PoC: 検証の内容（「;」区切り）",
        "poc_start": "PoC: 開始日 YYYY-MM-DD",
        "poc_end": "PoC: 終了日 YYYY-MM-DD",
        "amount": "PoC: 対価（円、整数）",
        "want_jda": "共同研究開発契約書（JDA）も作るか",
        "theme": "JDA: 研究開発のテーマ",
        "jda_role": "JDA: {label}の分担（「;」区切り）",
        "jda_start": "JDA: 開始日 YYYY-MM-DD",
        "jda_end": "JDA: 終了日 YYYY-MM-DD",
        "ip_model": "成果の知的財産の扱い（joint_filing: 共有・共同出願 / exclusive_field: 一方が所有し他方が分野を限って"
                    "独占実施 / background_licence: 各自が保有し実施許諾）",
        "owner": "知的財産: 成果を所有する当事者",
        "holder": "知的財産: 独占的に実施する当事者",
        "field": "知的財産: 独占実施の分野",
        "err_required": "入力が必要です。",
        "err_deal_id": "英数字と . _ - の 64 文字まで、先頭は英数字にしてください。",
        "err_key": "英小文字・数字・_ の 32 文字まで、先頭は英小文字にしてください。",
        "err_key_word": "{value} は YAML で真偽値・null と読まれるため使えません。別のキーにしてください。",
        "err_key_dup": "{value} はもう使われています。",
        "err_date": "YYYY-MM-DD の形の実在する日付を入力してください。",
        "err_after": "{start} より後の日付にしてください。",
        "err_amount": "0 以上の整数を入力してください（例: 3000000）。",
        "err_list": "1 つ以上入力してください（「;」区切り）。",
        "err_tries": "有効な入力が得られなかったため中止しました。何も書き出していません。",
        "court_default": "東京地方裁判所",
        "made_by": "# oidocs init --interactive で作成。尋ねなかったキーは既定値。全キーの説明: oidocs init（コメント付きのひな形）又は docs/deal-file.md",
    },
    "en": {
        "intro": "Making a deal file. Only the required terms are asked (the rest take their defaults; "
                 "edit the file later). Enter lists separated by ';'.",
        "deal_id": "Deal ID (names the output files; letters, digits, . _ -)",
        "language": "Language of the documents",
        "date": "Effective date YYYY-MM-DD (empty for a blank date line)",
        "count": "Number of parties",
        "party": "Party {label}",
        "key": "Party {label}: key (a-z, 0-9, _, starting with a letter; e.g. acme)",
        "name": "Party {label}: legal name",
        "kind": "Party {label}: kind",
        "address": "Party {label}: registered address",
        "representative": "Party {label}: title and name of the signatory",
        "purpose": "Purpose of disclosure and collaboration (e.g. evaluating a joint development of ...)",
        "court": "Court with exclusive jurisdiction of first instance",
        "mutual": "Mutual NDA, both parties disclosing (n: one-way)",
        "discloser": "The disclosing party of the one-way NDA",
        "want_mou": "Also a memorandum of understanding (MOU)",
        "objectives": "MOU: objectives (separated by ';')",
        "mou_role": "MOU: role of {label}",
        "want_poc": "Also a proof-of-concept agreement (PoC)",
        "performer": "PoC: the party that carries out the verification",
        "client": "PoC: the party that commissions and pays for it",
        "scope": "PoC: the verification work (separated by ';')",
        "poc_start": "PoC: start YYYY-MM-DD",
        "poc_end": "PoC: end YYYY-MM-DD",
        "amount": "PoC: fee in yen (whole number)",
        "want_jda": "Also a joint research and development agreement (JDA)",
        "theme": "JDA: research and development theme",
        "jda_role": "JDA: tasks of {label} (separated by ';')",
        "jda_start": "JDA: start YYYY-MM-DD",
        "jda_end": "JDA: end YYYY-MM-DD",
        "ip_model": "Ownership of the results (joint_filing: co-owned and filed jointly / exclusive_field: one owns, "
                    "another practises exclusively in a field / background_licence: each keeps its own, with licences)",
        "owner": "IP: the party that owns the results",
        "holder": "IP: the party holding the exclusive right",
        "field": "IP: the field of exclusive practice",
        "err_required": "an answer is needed.",
        "err_deal_id": "use up to 64 of A-Z a-z 0-9 . _ -, starting with a letter or digit.",
        "err_key": "use up to 32 of a-z 0-9 _, starting with a letter.",
        "err_key_word": "{value} reads as a boolean or null in YAML; choose another key.",
        "err_key_dup": "{value} is taken already.",
        "err_date": "enter a real date as YYYY-MM-DD.",
        "err_after": "enter a date after {start}.",
        "err_amount": "enter a whole number, 0 or more (e.g. 3000000).",
        "err_list": "enter at least one item (separated by ';').",
        "err_tries": "no valid answer was given; stopped, nothing was written.",
        "court_default": "Tokyo District Court",
        "made_by": "# Made by oidocs init --interactive; keys not asked take their defaults. "
                   "Every key: oidocs init (a commented starter) or docs/deal-file.md",
    },
}

_LABELS = {"ja": ("甲", "乙", "丙", "丁"), "en": ("A", "B", "C", "D")}


class _Invalid(Exception):
    """An answer that breaks a rule; its message is shown before asking again."""


def interactive_deal(ask: Ask, confirm: Confirm, choose: Choose, lang: str, *,
                     say: Callable[[str], None] | None = None, schema: str = SCHEMA_FILE) -> str:
    """Ask for a deal's required terms and return its YAML text (which validates).

    The front end supplies three callables:

    - ``ask(prompt, default)`` returns a line of text (``default`` is a string, or None
      when an answer is required);
    - ``confirm(prompt, default)`` returns a bool;
    - ``choose(prompt, choices, default)`` returns one of ``choices``.

    ``lang`` (``ja`` or ``en``) is the language of the questions and the default language of
    the documents. An invalid answer is explained (through ``say``, or in front of the
    repeated question) and asked again; after :data:`MAX_TRIES` invalid answers in a row
    an :class:`~oidocs.errors.OidocsError` is raised.
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    t = _T[lang]
    q = _Questions(ask, choose, t, say)
    if say is not None:
        say(t["intro"])

    data: dict[str, Any] = {"version": 1}
    data["deal_id"] = q.text(t["deal_id"], check=_check_deal_id(t))
    doc_lang = choose(t["language"], list(LANGS), lang)
    data["language"] = doc_lang
    date = q.date(t["date"], optional=True)
    if date is not None:
        data["date"] = date

    count = int(choose(t["count"], ["2", "3", "4"], "2"))
    labels = _LABELS[lang]
    parties: list[dict[str, Any]] = []
    keys: list[str] = []
    for i in range(count):
        label = labels[i]
        key = q.text(t["key"].format(label=label), check=_check_party_key(t, keys))
        keys.append(key)
        parties.append({
            "key": key,
            "name": q.text(t["name"].format(label=label)),
            "kind": choose(t["kind"].format(label=label), list(KINDS), "other"),
            "address": q.text(t["address"].format(label=label)),
            "representative": q.text(t["representative"].format(label=label)),
        })
    data["parties"] = parties
    data["purpose"] = q.text(t["purpose"])
    data["court"] = q.text(t["court"], default=_T[doc_lang]["court_default"])

    if not confirm(t["mutual"], True):
        data["nda"] = {"mutual": False, "discloser": choose(t["discloser"], keys, keys[0])}

    def who(i: int) -> str:
        return t["party"].format(label=labels[i]) + f" ({keys[i]})"

    if confirm(t["want_mou"], False):
        data["mou"] = {
            "objectives": q.items(t["objectives"]),
            "roles": {k: q.text(t["mou_role"].format(label=who(i))) for i, k in enumerate(keys)},
        }
    if confirm(t["want_poc"], False):
        performer = choose(t["performer"], keys, keys[-1])
        others = [k for k in keys if k != performer]
        client = choose(t["client"], others, others[0])
        scope = q.items(t["scope"])
        start = q.date(t["poc_start"])
        end = q.date(t["poc_end"], after=start)
        data["poc"] = {"performer": performer, "client": client, "scope": scope, "start": start, "end": end,
                       "fee": {"amount": q.amount(t["amount"]), "currency": "JPY"}}
    if confirm(t["want_jda"], False):
        theme = q.text(t["theme"])
        roles = {k: q.items(t["jda_role"].format(label=who(i))) for i, k in enumerate(keys)}
        start = q.date(t["jda_start"])
        data["jda"] = {"theme": theme, "roles": roles, "start": start, "end": q.date(t["jda_end"], after=start)}

    if any(s in data for s in ("mou", "poc", "jda")):
        model = choose(t["ip_model"], list(IP_MODELS), "joint_filing")
        ip: dict[str, Any] = {"model": model}
        if model == "exclusive_field":
            owner = choose(t["owner"], keys, keys[0])
            others = [k for k in keys if k != owner]
            ip["exclusive_field"] = {
                "owner": owner,
                "holder": choose(t["holder"], others, others[0]),
                "field": q.text(t["field"]),
            }
        data["ip"] = ip
    return _dump(data, t["made_by"], schema)


def _dump(data: dict[str, Any], header: str, schema: str) -> str:
    """Return ``data`` as a deal file with the schema line; raise if it would not validate."""
    import yaml

    from .dealfile import parse_deal
    from .yamlsource import load_text

    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=4096)
    text = schema_line(schema) + header + "\n" + body
    parse_deal(load_text(text, "<interactive>"))  # a bug here must not reach the user's disk
    return text


class _Questions:
    """Asks again until an answer passes its check."""

    def __init__(self, ask: Ask, choose: Choose, t: dict[str, str], say: Callable[[str], None] | None) -> None:
        self.ask, self.choose, self.t, self.say = ask, choose, t, say

    def _until_valid(self, prompt: str, default: str | None, convert: Callable[[str], Any]) -> Any:
        shown = prompt
        for _ in range(MAX_TRIES):
            answer = self.ask(shown, default)
            try:
                return convert("" if answer is None else str(answer).strip())
            except _Invalid as exc:
                if self.say is not None:
                    self.say(f"! {exc}")
                else:
                    shown = f"! {exc} {prompt}"
        raise OidocsError(self.t["err_tries"])

    def text(self, prompt: str, *, default: str | None = None, check: Callable[[str], None] | None = None) -> str:
        def convert(answer: str) -> str:
            if not answer:
                raise _Invalid(self.t["err_required"])
            if check is not None:
                check(answer)
            return answer
        return self._until_valid(prompt, default, convert)

    def items(self, prompt: str) -> list[str]:
        def convert(answer: str) -> list[str]:
            items = [s.strip() for s in re.split(r"[;；]", answer) if s.strip()]
            if not items:
                raise _Invalid(self.t["err_list"])
            return items
        return self._until_valid(prompt, None, convert)

    def date(self, prompt: str, *, optional: bool = False, after: dt.date | None = None) -> dt.date | None:
        def convert(answer: str) -> dt.date | None:
            answer = unicodedata.normalize("NFKC", answer)
            if not answer:
                if optional:
                    return None
                raise _Invalid(self.t["err_required"])
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", answer):
                raise _Invalid(self.t["err_date"])
            try:
                value = dt.date.fromisoformat(answer)
            except ValueError:
                raise _Invalid(self.t["err_date"]) from None
            if after is not None and value <= after:
                raise _Invalid(self.t["err_after"].format(start=after.isoformat()))
            return value
        return self._until_valid(prompt, "" if optional else None, convert)

    def amount(self, prompt: str) -> int:
        def convert(answer: str) -> int:
            answer = unicodedata.normalize("NFKC", answer).replace(",", "").replace("_", "")
            answer = re.sub(r"\s*(円|yen|JPY)$", "", answer, flags=re.IGNORECASE)
            if not answer.isdigit():
                raise _Invalid(self.t["err_amount"])
            return int(answer)
        return self._until_valid(prompt, None, convert)


def _check_deal_id(t: dict[str, str]) -> Callable[[str], None]:
    def check(value: str) -> None:
        if not DEAL_ID.fullmatch(value):
            raise _Invalid(t["err_deal_id"])
    return check


def _check_party_key(t: dict[str, str], taken: list[str]) -> Callable[[str], None]:
    def check(value: str) -> None:
        if not PARTY_KEY.fullmatch(value):
            raise _Invalid(t["err_key"])
        if value in YAML_WORDS:
            raise _Invalid(t["err_key_word"].format(value=value))
        if value in taken:
            raise _Invalid(t["err_key_dup"].format(value=value))
    return check
