"""``python -m oidocs``: the same as the ``oidocs`` command."""

from oidocs.launch import main

main()
