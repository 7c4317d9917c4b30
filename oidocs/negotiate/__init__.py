"""Beside the pipeline, the negotiation round: compare a counterparty's draft, redline, amend.

Reads DOCX files that need not come from oidocs, pairs their articles with ours, and makes an
issue sheet, a redline with Word tracked changes, and amendment agreements (the amendment
reuses the document tree and writers rather than a writer of its own).
May import: :mod:`oidocs.api` and every stage below it. Never run or cli.
"""
