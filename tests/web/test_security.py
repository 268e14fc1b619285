"""The web view on a shared machine: no stored URL becomes a script link, every answer carries the
security headers, and a request for another host name (DNS rebinding) is refused, in the app and in
`comity serve` for real."""
from __future__ import annotations

import dataclasses
import http.client

import pytest
import store_records as rec
from fastapi.testclient import TestClient

from comity.storage import Store
from comity.web import create_app
from comity.web.security import CSP, host_allowed, host_name, link_url

from .conftest import free_port
from .test_serve_cli import serve, stop, wait_for


@pytest.mark.parametrize("url, link", [
    ("https://example.org/news/1", "https://example.org/news/1"),
    ("http://example.org", "http://example.org"),
    ("  HTTPS://example.org/a  ", "HTTPS://example.org/a"),
    ("javascript:alert(document.domain)", None),
    ("JaVaScRiPt:alert(1)", None),
    (" javascript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox(1)", None),
    ("//example.org/x", None),
    ("https://", None),
    ("http://[::1", None),
    (None, None),
    (42, None),
])
def test_only_http_urls_become_links(url, link):
    assert link_url(url) == link


@pytest.mark.parametrize("header, name", [("example.org:8000", "example.org"), ("Example.ORG", "example.org"),
                                          ("[::1]:8000", "::1"), ("[::1]", "::1"), ("127.0.0.1:80", "127.0.0.1")])
def test_host_name_without_port(header, name):
    assert host_name(header) == name


@pytest.mark.parametrize("header, allowed, answered", [
    ("127.0.0.1:8000", (), True),
    ("[::1]:8000", (), True),
    ("192.168.1.5:8000", (), True),  # an address: no page of another site can carry it as its own name
    ("localhost:8000", (), True),
    ("evil.example", (), False),
    ("evil.example:8000", ("analyst-box",), False),
    ("analyst-box:8000", ("analyst-box",), True),
    ("ANALYST-BOX.", ("analyst-box",), True),
    ("anything.example", ("*",), True),
    ("", (), False),
    (None, (), False),
    ("localhost.evil.example", (), False),
])
def test_host_check(header, allowed, answered):
    assert host_allowed(header, allowed) is answered


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    """A report whose URL is a script, next to one whose URL is a plain link."""
    hostile = rec.vna()
    hostile = dataclasses.replace(hostile, article=dataclasses.replace(
        hostile.article, url="javascript:alert(document.domain)"))
    plain = rec.lao_2024()
    plain = dataclasses.replace(plain, article=dataclasses.replace(plain.article, url="https://example.org/lao"))
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'comity.db'}")
    store.save([hostile, plain])
    yield store
    store.close()


@pytest.fixture(scope="module")
def hostile_client(hostile_store):
    with TestClient(create_app(hostile_store), base_url="http://127.0.0.1") as c:
        yield c


def test_a_script_url_is_shown_not_linked(hostile_client, hostile_store):
    pages = {}
    for n in (1, 2):
        page = hostile_client.get(f"/report/{n}")
        assert page.status_code == 200
        pages[n] = page.text
    hostile = next(t for t in pages.values() if "javascript:" in t)
    plain = next(t for t in pages.values() if "example.org/lao" in t)
    assert 'href="javascript:' not in hostile.replace(" ", "")
    assert "original at <code>javascript:alert(document.domain)</code>" in hostile
    assert '<a href="https://example.org/lao" rel="noreferrer nofollow">original</a>' in plain


@pytest.mark.parametrize("path", ["/", "/report/1", "/api/overview", "/static/comity.css", "/no/such/page"])
def test_every_answer_has_the_security_headers(hostile_client, path):
    r = hostile_client.get(path)
    assert r.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_the_api_docs_run_only_the_servers_own_script(hostile_client):
    r = hostile_client.get("/api/docs")
    csp = r.headers["content-security-policy"]
    assert r.status_code == 200 and "script-src 'self';" in csp and "http" not in csp
    assert "<script>" not in r.text and "cdn" not in r.text  # every script is a file of ours
    assert r.headers["x-frame-options"] == "DENY"
    for src in ("/api/docs/assets/swagger-ui-bundle.js", "/api/docs/assets/swagger-ui.css", "/static/api-docs.js"):
        assert src in r.text and hostile_client.get(src).status_code == 200


def test_another_host_name_is_refused(hostile_store):
    with TestClient(create_app(hostile_store), base_url="http://evil.example") as c:
        r = c.get("/api/overview")
        assert r.status_code == 400 and "--allowed-host" in r.text
        assert r.headers["content-security-policy"] == CSP
    with TestClient(create_app(hostile_store, allowed_hosts=["evil.example"]),
                    base_url="http://evil.example") as c:
        assert c.get("/api/overview").status_code == 200


def get_with_host(port: int, host: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", "/api/overview", headers={"Host": host})
        return conn.getresponse().status
    finally:
        conn.close()


def test_serve_refuses_a_rebound_host_name(tmp_path):
    """The finding as reported: `curl -H 'Host: evil.example' .../api/overview` answered 200."""
    db = str(tmp_path / "empty.db")
    port = free_port()
    proc = serve(db, port)
    try:
        wait_for(f"http://127.0.0.1:{port}/api/overview", proc)
        assert get_with_host(port, "evil.example") == 400
        assert get_with_host(port, f"127.0.0.1:{port}") == 200
        assert get_with_host(port, f"localhost:{port}") == 200
    finally:
        stop(proc)
