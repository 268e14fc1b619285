"""A real HTTP server on 127.0.0.1 (http.server in a thread) serving feeds and pages written for these
tests: an RSS feed, an Atom feed, a news sitemap and a sitemap index, article pages, a PDF, a 404 item, a 500
feed, a redirect loop, paths made to fail for now (`flaky`) and a robots.txt."""
from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler

import pytest
from conftest import loopback_http

PAGE = """<!doctype html><html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
{paragraphs}
</article><footer>Contact us</footer></body></html>"""

ARTICLES = {
    "/news/vietnam-laos.html": (
        "Vietnam and Laos sign cooperation agreement",
        ["HANOI, May 3 (VNA) - Vietnam and Laos signed an agreement on education cooperation in Hanoi on "
         "Saturday, the Vietnamese Ministry of Foreign Affairs said.",
         "Vietnamese Foreign Minister Bui Thanh Son met Lao Foreign Minister Saleumxay Kommasith in Hanoi "
         "to review the two countries' cooperation.",
         "The two ministers agreed to expand trade and transport links between the two countries."]),
    "/news/cambodia-thailand.html": (
        "Cambodia and Thailand hold border talks",
        ["PHNOM PENH, May 4 (AKP) - Cambodian Prime Minister Hun Manet met Thai Prime Minister Srettha "
         "Thavisin in Phnom Penh on Sunday to discuss border trade.",
         "The two leaders agreed to reopen two border crossings, the Cambodian government said in a "
         "statement issued after the meeting."]),
    "/private/secret.html": (
        "A page robots.txt keeps out",
        ["BANGKOK, May 5 (TNA) - Thailand and Malaysia signed a memorandum of understanding on fisheries "
         "in Bangkok on Monday."]),
}


def page(path: str) -> bytes:
    title, paragraphs = ARTICLES[path]
    return PAGE.format(title=title, paragraphs="\n".join(f"<p>{p}</p>" for p in paragraphs)).encode()


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test wire</title><link>{base}/</link><description>t</description>
<item><title>Vietnam and Laos sign cooperation agreement</title><link>{base}/news/vietnam-laos.html</link>
<guid>vnm-lao-1</guid><pubDate>Sat, 03 May 2025 09:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/news/missing.html</link><guid>gone-1</guid></item>
</channel></rss>""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test Atom</title><id>urn:test:atom</id>
<updated>2025-05-04T10:00:00Z</updated>
<entry><title>Cambodia and Thailand hold border talks</title><id>urn:test:khm-tha-1</id>
<link href="{base}/news/cambodia-thailand.html"/><updated>2025-05-04T10:00:00Z</updated></entry>
<entry><title>Kept out</title><id>urn:test:private-1</id>
<link href="{base}/private/secret.html"/><updated>2025-05-05T10:00:00Z</updated></entry>
</feed>""".encode()


def sitemap(base: str) -> bytes:
    """A news sitemap: two article pages (one dated only by the sitemap) and a PDF."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}/news/vietnam-laos.html</loc>
  <news:news><news:publication><news:name>Test wire</news:name><news:language>en</news:language>
  </news:publication><news:publication_date>2025-05-03T09:00:00+07:00</news:publication_date>
  <news:title>Vietnam and Laos sign cooperation agreement</news:title></news:news></url>
<url><loc>{base}/news/cambodia-thailand.html</loc><lastmod>2025-05-04</lastmod></url>
<url><loc>{base}/files/annual-report.pdf</loc></url>
</urlset>""".encode()


def sitemap_index(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap-news.xml</loc><lastmod>2025-05-04</lastmod></sitemap>
</sitemapindex>""".encode()


class Server:
    def __init__(self) -> None:
        self.hits: list[str] = []
        self.agents: set[str] = set()
        self.flaky: set[str] = set()  # paths answered 503 for now
        self.base = ""

    def count(self, path: str) -> int:
        return self.hits.count(path)


@pytest.fixture
def server():
    state = Server()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):
            state.hits.append(self.path)
            state.agents.add(self.headers.get("User-Agent", ""))
            body, ctype, status, extra = b"", "text/html; charset=utf-8", 200, {}
            if self.path in state.flaky:  # any path, feeds included, may be made to fail for now
                status, body = 503, b"try later"
            elif self.path == "/robots.txt":
                body, ctype = b"User-agent: *\nDisallow: /private/\n", "text/plain"
            elif self.path == "/rss.xml":
                body, ctype, extra = rss(state.base), "application/rss+xml", {"ETag": '"rss-1"'}
                if self.headers.get("If-None-Match") == '"rss-1"':
                    status, body = 304, b""
            elif self.path in ("/sitemap-news.xml", "/sitemap-index.xml"):
                body = (sitemap if self.path == "/sitemap-news.xml" else sitemap_index)(state.base)
                ctype = "application/xml"
            elif self.path == "/files/annual-report.pdf":
                body, ctype = b"%PDF-1.4\n% not a page to read\n", "application/pdf"
            elif self.path.startswith("/loop"):  # each answer redirects to the next: a redirect loop
                status, body, extra = 302, b"", {"Location": f"/loop{len(self.path)}"}
            elif self.path == "/atom.xml":
                body, ctype = atom(state.base), "application/atom+xml"
            elif self.path == "/slow.html":
                time.sleep(2)
                body = page("/news/vietnam-laos.html")
            elif self.path == "/big.html":
                body = b"<p>" + b"word " * 4000 + b"</p>"
            elif self.path == "/garbled.xml":
                body = b"<html><body><p>this is not a feed <<<</p"
            elif self.path == "/broken.xml":
                status, body = 500, b"oops"
            elif self.path in ARTICLES:
                body = page(self.path)
            else:
                status, body = 404, b"not found"
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            for k, v in extra.items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

    with loopback_http(Handler) as state.base:
        yield state
