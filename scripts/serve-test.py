"""The checks of scripts/serve-test (see there)."""
import os, shutil, signal, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Chromium, Server, make_project, page_text, write

vellum = os.path.abspath(sys.argv[1])
work = tempfile.mkdtemp(prefix="vellum-serve-test.")
failures, checks = [], 0


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)
    return ok


def poll(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    return None


source = os.path.join(work, "docs")
names = make_project(source, pages=3)
server = Server(vellum, source)
browser = None
try:
    check(server.url.startswith("http://127.0.0.1:") and not server.url.endswith(":0/"),
          f"the printed URL is on 127.0.0.1 with a real port: {server.url}")
    status, kind, body = server.get("/page0001.html")
    check(status == 200 and kind == "text/html; charset=utf-8" and "First version." in body,
          f"GET /page0001.html: {status} {kind}")

    # An edit is served within 1 s, three times over.
    times = []
    for round in range(3):
        marker = f"Edited text number {round}."
        started = time.monotonic()
        write(source, "page0001.rst", page_text("page0001", 1, names, marker))
        seconds = server.seconds_until("/page0001.html", lambda b: marker in b, timeout=10, started=started)
        times.append(seconds)
        check(seconds is not None and seconds < 1.0, f"edit {round} served after {seconds} s (at most 1 s)")
    print("serve-test: save → new HTML served in " + ", ".join("-" if t is None else f"{t * 1000:.0f} ms" for t in times))

    # An open page reloads by itself after an edit, and shows a broken reference in its overlay.
    browser = Chromium(os.path.join(work, "chromium"))
    browser.call("Page.navigate", url=server.url + "page0002.html")
    loads = lambda: browser.evaluate("document.documentElement.getAttribute('data-vellum-loads')")
    check(poll(lambda: loads() == "1", 15), f"the page loaded once with the reload script (loads: {loads()})")
    time.sleep(0.3)  # the event stream connects
    write(source, "page0002.rst", page_text("page0002", 2, names, "Reloaded by itself."))
    reloaded = poll(lambda: loads() == "2" and browser.evaluate("document.body.innerText.includes('Reloaded by itself.')"), 10)
    check(reloaded, f"the open page reloaded after the edit (loads: {loads()})")
    write(source, "page0002.rst", page_text("page0002", 2, names, "Broken: :ref:`no-such-label`."))
    overlay = poll(lambda: browser.evaluate(
        "(function(){var o=document.getElementById('vellum-diagnostics');return o&&o.innerText})()"), 10)
    check(overlay and "no-such-label" in overlay and "page0002.rst" in overlay,
          f"the overlay shows the broken reference: {overlay!r}")
    # (A save seen half-written can cost one more reload: at least one, then.)
    at_least = lambda n: (lambda value: value is not None and value.isdigit() and int(value) >= n)(loads())
    check(poll(lambda: at_least(3), 5),
          f"the page reloaded again for the broken version (loads: {loads()})")

    # The source folder renamed away: the rebuild fails, the previous build stays served.
    aside = source + ".aside"
    os.rename(source, aside)
    failed = poll(lambda: any("failed, still serving the previous build" in l for l in server.stderr), 10)
    check(failed, "a rebuild without a source folder reports that it failed")
    status, _, body = server.get("/page0001.html")
    check(status == 200 and "Edited text number 2." in body, f"the previous build is still served ({status})")
    os.rename(aside, source)
    write(source, "page0001.rst", page_text("page0001", 1, names, "Back in place."))
    check(server.seconds_until("/page0001.html", lambda b: "Back in place." in b, timeout=10) is not None,
          "the folder put back is rebuilt")

    # A port that is taken is refused with a message.
    port = server.url.rsplit(":", 1)[1].strip("/")
    second = subprocess.run([vellum, "serve", source, "--port", port], capture_output=True, text=True, timeout=60)
    check(second.returncode == 1 and "cannot serve on 127.0.0.1:" + port in second.stderr,
          f"a taken port: exit {second.returncode}, {second.stderr.strip()[-200:]!r}")

    # Bad usage is refused before anything starts.
    for args, what in [(["--port", "70000"], "a port above 65535"), ([os.path.join(work, "nowhere")], "a missing source")]:
        bad = subprocess.run([vellum, "serve", *args], capture_output=True, text=True, timeout=60)
        check(bad.returncode == 2, f"{what}: exit {bad.returncode} (usage errors exit 2): {bad.stderr.strip()[:200]!r}")

    # Ctrl-C with a page still connected: a clean stop.
    code = server.stop(signal.SIGINT)
    check(code == 0, f"Ctrl-C stops vellum serve with status 0 (got {code})")
    check(any("vellum: stopped" in l for l in server.stderr), "Ctrl-C prints that it stopped")
    term = Server(vellum, source)
    check(term.get("/")[0] == 200, "a second server starts on the same folder")
    code = term.stop(signal.SIGTERM)
    check(code == 0, f"SIGTERM stops vellum serve with status 0 (got {code})")

    # `vellum build` writes no reload script.
    write(source, "page0002.rst", page_text("page0002", 2, names, "Fixed."))
    built = subprocess.run([vellum, "build", source, "--output", os.path.join(work, "site"), "--quiet"],
                           capture_output=True, text=True)
    check(built.returncode == 0, f"`vellum build` of the same folder: {built.stderr[-300:]}")
    leaked = [n for n in os.listdir(os.path.join(work, "site")) if n.endswith(".html")
              and "vellum-live-reload" in open(os.path.join(work, "site", n)).read()]
    check(not leaked, f"`vellum build` output has the reload script in {leaked}")
finally:
    if browser:
        browser.close()
    if server.process.poll() is None:
        server.process.kill()
    shutil.rmtree(work, ignore_errors=True)

for f in failures:
    print("FAIL", f)
print(f"serve-test: {checks - len(failures)} of {checks} checks passed" + (f", {len(failures)} failed" if failures else ""))
sys.exit(1 if failures else 0)
