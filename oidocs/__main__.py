"""``python -m oidocs``: the same as the ``oidocs`` command."""

from oidocs.cli import main

main()
