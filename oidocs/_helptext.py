"""The top-level ``oidocs --help`` as click prints it at width 78 (generated: do not edit).

Regenerate: OIDOCS_UPDATE_GOLDEN=1 python -m pytest tests/test_startup.py
"""

HELP = (
    'Usage: oidocs [OPTIONS] COMMAND [ARGS]...\n'
    '\n'
    '  Draft open-innovation agreements from one YAML deal file.\n'
    '\n'
    '  An NDA before anything is shown, a memorandum of understanding (基本合意書),\n'
    '  a paid proof of concept (PoC) and a joint research and development agreement,\n'
    '  in Japanese and English, as Word (.docx) and Markdown.\n'
    '\n'
    '  Example:\n'
    '    oidocs nda --config examples/acme-nano-ja.yaml --out drafts\n'
    '\n'
    'Options:\n'
    '  --version   Show the version and exit.\n'
    '  -h, --help  Show this message and exit.\n'
    '\n'
    'Commands:\n'
    '  amend     Make an amendment agreement (変更契約書) to document DOC as made...\n'
    '  batch     Make a pack per deal file, or per CSV row of a base deal,...\n'
    '  calendar  Write every dated obligation of the deal as a calendar and a...\n'
    '  clauses   Browse the clause library.\n'
    "  compare   Compare our draft with the counterparty's: an issue sheet and...\n"
    '  init      Write a starter deal file, every key commented, or ask for...\n'
    '  jda       Make the joint research and development agreement...\n'
    '  licence   Make the licence agreement (ライセンス契約書); needs the licence...\n'
    '  lint      Check a clause library: both languages, unique ids,...\n'
    '  mou       Make the memorandum of understanding (基本合意書); needs the mou...\n'
    '  nda       Make the non-disclosure agreement (秘密保持契約書).\n'
    '  pack      Make the NDA and every document whose section the deal file has.\n'
    '  poc       Make the proof-of-concept agreement (技術検証契約書); needs the poc...\n'
    '  review    Write the review sheet alone: advice, options, clauses, checks.\n'
    "  schema    Print the deal file's JSON Schema (draft 2020-12), or write...\n"
    '  serve     Open the deal file as a web form with a live preview, on this...\n'
    '  validate  Check deal files and the dates across each pack; write nothing.\n'
)
