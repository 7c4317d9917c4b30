"""The web layer of ``oidocs serve``: a Starlette app over :class:`~oidocs.serve.service.Service`.

Starlette (not a framework of our own) parses requests, routes and answers; uvicorn serves it.
Every API call takes the deal file's YAML text as the body, so no path on the server is ever
named by a request; the page and its two assets are fixed names read from this package. A
body over :data:`MAX_BODY` is refused with 413 before it is read whole. Responses carry a
Content-Security-Policy that allows only this origin's own script and style: even if some deal
text slipped past escaping, a browser would not run it.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Awaitable, Callable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from oidocs.clauses.library import Library
from oidocs.errors import DealError, OidocsError
from oidocs.serve.service import BadRequest, Service, problems_of, to_data, to_yaml

MAX_BODY = 10 * 1024 * 1024  # spec: cli.md, "A body over 10 MB is refused with 413"
ASSETS = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8",
          "index.html": "text/html; charset=utf-8"}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


class TooLarge(Exception):
    """The request body passed :data:`MAX_BODY`."""


def _asset(name: str) -> bytes:
    return resources.files("oidocs.serve").joinpath("static", name).read_bytes()


async def _body(request: Request) -> str:
    """Return the body as text, refusing (TooLarge) one over MAX_BODY by its header or as it streams."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        raise TooLarge()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise TooLarge()
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8-sig", errors="replace")


def _ui(request: Request) -> str:
    """The language of messages: ``?ui=ja|en``, else the browser's first choice."""
    asked = request.query_params.get("ui")
    if asked in ("ja", "en"):
        return asked
    accept = request.headers.get("accept-language", "")
    return "ja" if accept.strip().lower().startswith("ja") else "en"


def _has_soffice() -> bool:
    """Whether PDFs can be made here (LibreOffice found): the page shows its PDF button only then."""
    from oidocs.errors import OidocsError
    from oidocs.writers.pdf import find_soffice

    try:
        find_soffice()
    except OidocsError:
        return False
    return True


def _attachment(name: str, data: bytes, media: str) -> Response:
    return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


MEDIA = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "md": "text/markdown; charset=utf-8", "pdf": "application/pdf", "zip": "application/zip"}


def create_app(library: Library | None = None, *, allowed_hosts: list[str] | None = None) -> Starlette:
    """Return the ASGI app over ``library`` (the built-in clause library when None)."""
    service = Service(library or Library())

    def api(work: Callable[[Service, str, Request], Any]) -> Callable[[Request], Awaitable[Response]]:
        """Wrap ``work(service, body, request)``: body limit, message language, errors as JSON."""
        async def endpoint(request: Request) -> Response:
            try:
                text = await _body(request)
            except TooLarge:
                return JSONResponse({"error": f"request body over {MAX_BODY // (1024 * 1024)} MB"}, status_code=413)
            ui = _ui(request)

            def run() -> Any:
                from oidocs.deal.messages import messages_in

                with messages_in(ui):
                    return work(service, text, request)
            try:
                result = await run_in_threadpool(run)
            except BadRequest as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
            except DealError as exc:
                return JSONResponse({"problems": problems_of(exc)}, status_code=422)
            except OidocsError as exc:
                return JSONResponse({"problems": problems_of(exc)}, status_code=422)
            if isinstance(result, Response):
                return result
            return JSONResponse(result)
        return endpoint

    def q(request: Request, name: str) -> str | None:
        return request.query_params.get(name) or None

    def validate(s: Service, text: str, r: Request) -> Any:
        return s.validate(text)

    def preview(s: Service, text: str, r: Request) -> Any:
        return HTMLResponse(s.preview(text, r.query_params.get("doc", ""), q(r, "lang")))

    def review(s: Service, text: str, r: Request) -> Any:
        return HTMLResponse(s.review(text, q(r, "lang")))

    def pack(s: Service, text: str, r: Request) -> Any:
        name, data = s.pack(text, q(r, "lang"))
        return _attachment(name, data, MEDIA["zip"])

    def document(s: Service, text: str, r: Request) -> Any:
        fmt = r.query_params.get("format", "docx")
        name, data = s.document(text, r.query_params.get("doc", ""), q(r, "lang"), fmt)
        return _attachment(name, data, MEDIA.get(fmt, "application/octet-stream"))

    def yaml_to_data(s: Service, text: str, r: Request) -> Any:
        return {"data": to_data(text)}

    def data_to_yaml(s: Service, text: str, r: Request) -> Any:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise BadRequest(f"not JSON: {exc}") from None
        return PlainTextResponse(to_yaml(data), media_type="text/yaml; charset=utf-8")

    async def page(request: Request) -> Response:
        return Response(_asset("index.html"), media_type=ASSETS["index.html"])

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:  # fixed names only: no path from the request reaches the file system
            return PlainTextResponse("not found", status_code=404)
        return Response(_asset(name), media_type=ASSETS[name])

    async def form(request: Request) -> Response:
        """What the page builds its form from: the schema, the starter's samples and hints in ``?lang``."""
        from oidocs.deal.schema import deal_schema
        from oidocs.serve.form import hints, samples

        lang = "en" if request.query_params.get("lang") == "en" else "ja"
        return JSONResponse({"schema": deal_schema(), "samples": samples(lang), "hints": hints(lang),
                             "pdf": _has_soffice()})

    async def starter(request: Request) -> Response:
        from oidocs.serve.form import first_content

        lang = "en" if request.query_params.get("lang") == "en" else "ja"
        return PlainTextResponse(first_content(lang), media_type="text/yaml; charset=utf-8")

    async def no_icon(request: Request) -> Response:
        return Response(status_code=204)

    routes = [
        Route("/", page), Route("/favicon.ico", no_icon), Route("/static/{name}", static),
        Route("/api/form", form), Route("/api/starter", starter),
        Route("/api/validate", api(validate), methods=["POST"]),
        Route("/api/preview", api(preview), methods=["POST"]),
        Route("/api/review", api(review), methods=["POST"]),
        Route("/api/pack", api(pack), methods=["POST"]),
        Route("/api/document", api(document), methods=["POST"]),
        Route("/api/yaml-to-data", api(yaml_to_data), methods=["POST"]),
        Route("/api/data-to-yaml", api(data_to_yaml), methods=["POST"]),
    ]
    hosts = allowed_hosts or ["127.0.0.1", "localhost", "[::1]"]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=hosts), Middleware(_SecurityHeaders)]
    return Starlette(routes=routes, middleware=middleware)


class _SecurityHeaders:
    """Add the Content-Security-Policy and no-sniff headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"cache-control", b"no-store")]
                message["headers"] = headers
            await send(message)
        await self.app(scope, receive, send_with_headers)
