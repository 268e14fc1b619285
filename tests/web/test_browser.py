"""The web view in a real headless browser: Debian's chromium driven by playwright, the app served by
uvicorn on 127.0.0.1. Follows an analyst's path (overview -> dyad -> agreement -> report -> person),
clicks highlighted records, and saves screenshots (to $COMITY_SCREENSHOTS, or a temp dir).

Skipped where chromium or playwright is missing, except in CI (CI=true), where that fails: .ci/run
installs chromium and scripts/test installs playwright (dev extra)."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


def _missing(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing in CI: .ci/run installs it")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright (pip install playwright)")
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        _missing(f"chromium ({CHROMIUM}; apt-get install -y chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
                                    headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    given = os.environ.get("COMITY_SCREENSHOTS")
    folder = Path(given) if given else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []
    elsewhere: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: elsewhere.append(r.url) if not r.url.startswith(live_server) else None)
    page.base = live_server  # type: ignore[attr-defined]
    yield page
    context.close()
    assert not problems, problems  # no script errors, no failed loads
    assert not elsewhere, elsewhere  # nothing fetched from anywhere but the server: works offline


def test_browser_overview_to_dyad_to_agreement_to_report(page, shots):
    page.goto(page.base + "/")
    assert page.locator("h1").inner_text() == "Overview"
    assert page.locator("svg#activity").is_visible()
    assert int(page.locator("ul.counts li").first.locator("strong").inner_text().replace(",", "")) > 0
    page.screenshot(path=shots / "1-overview.png", full_page=True)

    page.locator("table.dyads a", has_text="LAO–VNM").click()
    page.wait_for_url("**/dyad/LAO-VNM")
    assert "Laos" in page.locator("h1").inner_text() and "Vietnam" in page.locator("h1").inner_text()
    assert page.locator("svg#dyad-activity rect[fill^='url(#dyad-activity-p']").count() > 3
    assert page.locator("svg#ladder-chart g.mark").count() >= 5
    assert page.locator("#meetings tbody tr").count() >= 2
    page.screenshot(path=shots / "2-dyad.png", full_page=True)
    page.locator("section#ladder").screenshot(path=shots / "2b-ladder.png")

    link = page.locator("#ladder table a", has_text=re.compile(r"protocol on defence cooperation for the 2025"))
    name = link.first.inner_text()
    link.first.click()
    page.wait_for_url(re.compile(r"/agreement/\d+$"))
    assert page.locator("h1").inner_text() == name
    observations = page.locator("ol.observations > li")
    assert observations.count() >= 2
    assert observations.first.locator("mark.quote").inner_text().strip()
    page.screenshot(path=shots / "3-agreement.png", full_page=True)

    quote = observations.first.locator("mark.quote").inner_text()
    observations.first.locator("a", has_text="show in the report").click()
    page.wait_for_url(re.compile(r"/report/\d+#agreement-\d+$"))
    selection = page.locator("#selection")
    selection.wait_for(state="visible")
    assert "agreement" in selection.inner_text() and "LAO-VNM" in selection.inner_text()
    focused = page.locator("mark.hl.focus")
    assert focused.count() >= 1 and quote.split()[0] in " ".join(focused.all_inner_texts())
    page.screenshot(path=shots / "4-report-agreement.png", full_page=False)


def test_browser_click_a_highlighted_event_and_a_person(page, shots):
    page.goto(page.base + "/api/overview")
    seed = next(r for m in page.evaluate("() => JSON.parse(document.body.innerText)")["meetings"]
                for r in m["reports"] if r["report"] == "000_aea7e2ec31218e0a")
    page.goto(page.base + f"/report/{seed['id']}")
    assert page.locator("#selection").is_hidden()
    text = page.locator("#text").inner_text()
    assert text.startswith("date 2024-12-18 HÀ NỘI") or "date 2024-12-18" in text[:30]

    # an event sentence: the panel shows its records (the event, and whoever is named inside)
    sentence = page.locator("mark.hl.k-event", has_text="held talks").first
    sentence.click()
    selection = page.locator("#selection")
    selection.wait_for(state="visible")
    shown = selection.inner_text()
    assert "CONSULT" in shown and "VNM" in shown and "LAO" in shown
    assert page.locator("mark.hl.focus").count() >= 1
    page.screenshot(path=shots / "5-report-event.png", full_page=False)

    # a person's name, with the keyboard: Enter on the focused mark
    name = page.locator("mark.hl.k-person", has_text="Khamliang Outhakaysone").first
    name.focus()
    page.keyboard.press("Enter")
    assert "Khamliang Outhakaysone" in selection.inner_text() and "person" in selection.inner_text()
    # the hover tooltip names the records too
    assert "Khamliang Outhakaysone" in name.get_attribute("title")

    # a record's badge in the list points at its passage in the text
    first_record = page.locator("ol.record-list li.record").first
    first_record.locator("button.show").click()
    assert page.locator("mark.hl.focus").count() >= 1

    page.locator("ol.record-list a", has_text="open the person").first.click()
    page.wait_for_url(re.compile(r"/person/\d+$"))
    assert page.locator("svg#offices").is_visible()
    assert page.locator("table.offices tbody tr").count() >= 1
    assert page.locator("h2", has_text="Counterparts").is_visible()
    page.screenshot(path=shots / "6-person.png", full_page=True)


def test_browser_events_filter_and_pages(page, shots):
    page.goto(page.base + "/events?per_page=10")
    total = int(page.locator("p.summary strong").inner_text().replace(",", ""))
    page.fill("input[name=dyad]", "VNM-KHM")
    page.fill("input[name=type]", "CONSULT")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"dyad=VNM-KHM"))
    filtered = int(page.locator("p.summary strong").inner_text().replace(",", ""))
    assert 0 < filtered < total
    rows = page.locator("table.events tbody tr")
    assert all("CONSULT" in t for t in rows.all_inner_texts())
    page.screenshot(path=shots / "7-events.png", full_page=True)
    page.goto(page.base + "/events?per_page=5")
    page.click("a[rel=next]")
    page.wait_for_url(re.compile(r"page=2"))
    assert "page 2 of" in page.locator("nav.pages").inner_text()


def test_browser_api_docs_work_offline(page, shots):
    """/api/docs draws the schema's operations from files the server ships (the fixture fails on any
    request elsewhere and on any script error, a refusal by the Content-Security-Policy included)."""
    page.goto(page.base + "/api/docs")
    page.wait_for_selector(".opblock")  # one block per operation, drawn by Swagger UI
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/overview" in [p.replace("\u200b", "") for p in paths]
    page.screenshot(path=str(shots / "api-docs.png"))
