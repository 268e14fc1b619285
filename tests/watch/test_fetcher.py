"""comity.watch.Fetcher on the loopback server: its User-Agent, the size cap, the timeout, robots.txt,
and what a 404 or 500 gives (issue 18)."""
from __future__ import annotations

import pytest

from comity.watch import FetchError, Fetcher


@pytest.fixture
def fetcher():
    f = Fetcher(timeout=0.5, max_bytes=10_000)
    yield f
    f.close()


def test_a_page_and_its_user_agent(server, fetcher):
    page = fetcher.get(f"{server.base}/news/vietnam-laos.html")
    assert page.status_code == 200 and "Vietnam and Laos" in page.text
    assert server.agents == {fetcher.user_agent} and fetcher.user_agent.startswith("comity/")


@pytest.mark.parametrize("path, reason, permanent", [
    ("/big.html", "larger than 10000 bytes", True),
    ("/slow.html", "timed out", False),
    ("/private/secret.html", "disallowed by robots.txt", True),
    ("/nowhere.html", "HTTP 404 Not Found", True),
    ("/broken.xml", "HTTP 500 Internal Server Error", False),
])
def test_failures_say_why(server, fetcher, path, reason, permanent):
    with pytest.raises(FetchError) as caught:
        fetcher.get(f"{server.base}{path}")
    assert caught.value.reason == reason and caught.value.permanent is permanent
    assert str(caught.value) == f"{server.base}{path}: {reason}"


def test_a_redirect_loop_is_a_failure_for_now(server, fetcher):
    with pytest.raises(FetchError) as caught:
        fetcher.get(f"{server.base}/loop")
    assert caught.value.reason == "too many redirects" and not caught.value.permanent
    assert 1 < server.count("/loop") + sum(h.startswith("/loop") for h in server.hits) <= 12
