"""Beside the pipeline, the review: what a reviewer reads next to the drafts.

``sheet`` writes the review sheet (parties, documents, clauses with their articles, options
and whether each is a default, checks run, advice) from sections: ``advice`` computes findings
from the deal (wording: ``templates/advice.yaml``), ``cite`` cites them by document and article
from the built drafts, ``checks`` finds dates that contradict each other across the pack (also
run by every document command: warnings, or errors under ``--strict``), ``acting`` lists the
terms unfavourable to the side acted for (``templates/unfavourable.yaml``), ``topics`` checks
the JPO model contracts' topics (``templates/topics.yaml``), ``capitals`` finds undefined
capitalised terms in English drafts, ``places`` reads prefectures from addresses, ``values``
shows deal values as people write them, ``signing`` the stamp duty and untranslated values.
May import: :mod:`oidocs.deal`, :mod:`oidocs.clauses`, :mod:`oidocs.document`,
:mod:`oidocs.writers` (Markdown escaping), :mod:`oidocs.errors`, :mod:`oidocs.content`. Never run or cli.
"""
