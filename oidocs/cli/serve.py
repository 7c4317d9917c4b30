"""``oidocs serve``: a local web app with a form for the deal file, a live preview and downloads."""

from __future__ import annotations

import click

from oidocs.cli.app import main, run, user_library


@main.command(name="serve", help="""Open the deal file as a web form with a live preview, on this machine.

\b
Example:
  pip install 'oidocs[serve]'
  oidocs serve                  # then open http://127.0.0.1:8765/ in a browser

The page starts with the starter deal; fill in the parties and the terms, switch documents on
and see each agreement and the review sheet follow. Load and save a deal file, download one
document or the whole pack as a zip. Nothing is written on this machine. Only this machine can
reach the page unless --host says otherwise.
""")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; another than 127.0.0.1 lets other machines reach the page.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--library", "library", default=None, type=click.Path(file_okay=False, exists=True),
              help="User clause files that replace built-in ones with the same id.")
def serve_command(host: str, port: int, library: str | None) -> None:
    def action() -> None:
        from oidocs.errors import OidocsError

        try:
            import uvicorn

            from oidocs.serve.app import create_app
        except ImportError:
            raise OidocsError("oidocs serve needs the web extra: pip install 'oidocs[serve]'") from None
        from oidocs.clauses.library import Library

        _check_free(host, port)
        lib = user_library(library) or Library()
        hosts = ["127.0.0.1", "localhost", "[::1]"] if host in ("127.0.0.1", "localhost", "::1") else ["*"]
        app = create_app(lib, allowed_hosts=hosts)
        shown = f"[{host}]" if ":" in host else host
        click.echo(f"oidocs serve: open http://{shown}:{port}/ in a browser; press Ctrl+C to stop.")
        if hosts == ["*"]:
            click.echo(f"warning: listening on {host}: other machines on the network can reach the page", err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")
    run(action)


def _check_free(host: str, port: int) -> None:
    """Say plainly that the port is taken (another oidocs serve?) instead of uvicorn's bind error."""
    import socket

    from oidocs.errors import OidocsError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise OidocsError(f"--host {host}: not an address of this machine ({exc.strerror})") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError:
            raise OidocsError(f"{host}:{port} is in use (is oidocs serve running already?); "
                              "choose another port with --port") from None
