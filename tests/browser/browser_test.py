#!/usr/bin/env python3
"""Loads an HTML report of ccsim in headless Chromium and checks it (ctest label `browser`).

    browser_test.py --ccsim BIN --chromium BIN --report REL [--exit-code N]
                    [--expect TEXT]... [--work DIR] -- CCSIM ARGS...

Runs `ccsim CCSIM ARGS` (from --work, "@TMP@" in an argument becomes a fresh temporary
folder), reads the report at REL (relative to that folder), and checks that:
  * the page is well-formed XML (so well-formed HTML) and embeds its data as JSON;
  * it holds every --expect text (a zh report holds the catalogue's terms);
  * Chromium (headless, no sandbox, no GPU, no network) loads it with no console message, no
    error, no blocked or made request, and with every chart drawn: each canvas holds a
    Chart.js chart and coloured pixels (its data), read back through the page.
The page is checked through a copy with a probe: a script at the start of <head> records
errors and Content-Security-Policy violations, one at the end of <body> reads the canvases
when the page has loaded and writes the result into the DOM, which --dump-dom prints.
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"

PROBE_HEAD = """<script>
window.__probe = {errors: [], violations: []};
window.addEventListener('error', function (e) { __probe.errors.push('error: ' + e.message); });
window.addEventListener('unhandledrejection', function (e) {
  __probe.errors.push('unhandled rejection: ' + e.reason); });
document.addEventListener('securitypolicyviolation', function (e) {
  __probe.violations.push(e.violatedDirective + ' ' + e.blockedURI); });
['error', 'warn', 'log', 'info'].forEach(function (level) {
  var original = console[level];
  console[level] = function () {
    __probe.errors.push('console.' + level + ': ' + Array.prototype.join.call(arguments, ' '));
    original.apply(console, arguments);
  };
});
</script>"""

PROBE_TAIL = """<script>
window.addEventListener('load', function () {
  var out = {errors: __probe.errors, violations: __probe.violations, charts: [],
             resources: performance.getEntriesByType('resource').map(function (r) { return r.name; }),
             loaded_ms: performance.now()};
  document.querySelectorAll('canvas').forEach(function (canvas) {
    var chart = window.Chart ? Chart.getChart(canvas) : undefined;
    var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    var painted = 0, coloured = 0;
    for (var i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) continue;
      painted++;
      var high = Math.max(pixels[i], pixels[i + 1], pixels[i + 2]);
      var low = Math.min(pixels[i], pixels[i + 1], pixels[i + 2]);
      if (pixels[i + 3] > 100 && high - low > 60) coloured++;
    }
    out.charts.push({id: canvas.id, chart: !!chart, datasets: chart ? chart.data.datasets.length : 0,
                     width: canvas.width, height: canvas.height, painted: painted, coloured: coloured});
  });
  out.checked_ms = performance.now();
  var pre = document.createElement('pre');
  pre.id = 'probe-result';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--disable-extensions", "--mute-audio",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1280,900",
    "--enable-logging=stderr", "--v=0",
]


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ccsim", required=True)
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--report", required=True)
    parser.add_argument("--work", default=".")
    parser.add_argument("--exit-code", type=int, default=0)
    parser.add_argument("--expect", action="append", default=[])
    parser.add_argument("args", nargs="+")
    o = parser.parse_args()

    # A missing browser fails the test rather than skipping it: a skipped test passes silently,
    # and CI installs Chromium (scripts/setup-debian.sh).
    if not shutil.which(o.chromium):
        fail("%s not found: bash scripts/setup-debian.sh installs Debian's chromium" % o.chromium)
    tmp = tempfile.mkdtemp(prefix="ccsim-browser-")
    try:
        run(o, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(o, tmp):
    args = [a.replace("@TMP@", tmp) for a in o.args]
    env = dict(os.environ, SOURCE_DATE_EPOCH="0")
    env.pop("LANG", None)
    started = time.monotonic()
    result = subprocess.run([o.ccsim] + args, cwd=o.work, env=env, capture_output=True)
    if result.returncode != o.exit_code:
        fail("ccsim exited with %d, expected %d: %s" % (
            result.returncode, o.exit_code, result.stderr.decode(errors="replace")))
    print("ccsim: %.2f s" % (time.monotonic() - started))
    path = os.path.join(tmp, o.report)
    with open(path, "rb") as f:
        page = f.read()
    text = page.decode("utf-8")
    print("report: %d bytes" % len(page))

    # Well-formed: the page parses as XML (void elements closed, scripts in CDATA).
    try:
        root = ET.fromstring(page)
    except ET.ParseError as e:
        fail("the page is not well-formed: %s" % e)
    if root.tag != XHTML + "html":
        fail("the root element is %s" % root.tag)
    data_element = root.find(".//%sscript[@id='ccsim-data']" % XHTML)
    if data_element is None:
        fail("no embedded data (script#ccsim-data)")
    data = json.loads(data_element.text)
    chart_ids = [b["id"] for s in data["sections"] for b in s["blocks"] if b["type"] == "chart"]
    if not chart_ids:
        fail("the report has no charts")
    for expected in o.expect:
        if expected not in text:
            fail("the page lacks %r" % expected)

    # The probe copy, next to the report.
    probe_path = os.path.join(tmp, "probe.html")
    probed = text.replace("<head>", "<head>\n" + PROBE_HEAD, 1)
    at = probed.rfind("</body>")
    probed = probed[:at] + PROBE_TAIL + probed[at:]
    with open(probe_path, "w", encoding="utf-8") as f:
        f.write(probed)

    profile = os.path.join(tmp, "profile")
    started = time.monotonic()
    browser = subprocess.run(
        [o.chromium] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile, "--dump-dom",
                                         "file://" + probe_path],
        capture_output=True, timeout=120)
    print("chromium: %.2f s" % (time.monotonic() - started))
    stderr = browser.stderr.decode(errors="replace")
    console = [line for line in stderr.splitlines() if ":CONSOLE" in line]
    if console:
        fail("console messages:\n" + "\n".join(console))
    dom = browser.stdout.decode(errors="replace")
    found = re.search(r'<pre id="probe-result">(.*?)</pre>', dom, re.S)
    if not found:
        fail("the page did not finish loading (no probe result); chromium said:\n" + stderr[-3000:])
    probe = json.loads(html.unescape(found.group(1)))
    if probe["errors"]:
        fail("errors in the page: %s" % probe["errors"])
    if probe["violations"]:
        fail("the page tried to load something: %s" % probe["violations"])
    if probe["resources"]:
        fail("the page made requests: %s" % probe["resources"])
    drawn = {c["id"]: c for c in probe["charts"]}
    if sorted(drawn) != sorted(chart_ids):
        fail("canvases %s, charts in the data %s" % (sorted(drawn), sorted(chart_ids)))
    for chart_id, c in sorted(drawn.items()):
        if not c["chart"]:
            fail("%s holds no chart" % chart_id)
        if c["width"] < 100 or c["height"] < 100:
            fail("%s is %dx%d" % (chart_id, c["width"], c["height"]))
        # Axes and text are grey; only data series are coloured.
        if c["coloured"] < 200:
            fail("%s has no data drawn (%d coloured pixels of %d painted)" % (
                chart_id, c["coloured"], c["painted"]))
    print("charts drawn: %d; page loaded in %.0f ms, checked at %.0f ms" % (
        len(drawn), probe["loaded_ms"], probe["checked_ms"]))
    print("PASS")


if __name__ == "__main__":
    main()
