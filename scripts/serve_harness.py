"""Runs `vellum serve` from outside, as a user does: shared by scripts/serve-test
and scripts/bench-serve. Standard library only."""
import base64, json, os, re, signal, socket, subprocess, threading, time, urllib.error, urllib.parse, urllib.request


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    # Written in place (as most editors save), then flushed: "saved" means on disk.
    with open(full, "w") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())


def make_project(root, pages=3):
    """A project with an index and `pages` pages that link to each other."""
    write(root, "vellum.toml", '[project]\nname = "Serve"\nroot = "index"\n')
    names = [f"page{i:04d}" for i in range(pages)]
    write(root, "index.rst", "Home\n====\n\nWelcome home.\n\n.. toctree::\n   :maxdepth: 1\n\n"
          + "".join(f"   {n}\n" for n in names))
    for i, name in enumerate(names):
        write(root, name + ".rst", page_text(name, i, names, "First version."))
    return names


def page_text(name, i, names, body):
    other = names[(i * 7 + 3) % len(names)]
    return (f".. _{name}-top:\n\nPage {i}\n{'=' * (5 + len(str(i)))}\n\n{body}\n\n"
            f"See :ref:`{other}-top` and :doc:`{other}`.\n\nSection\n-------\n\nMore *text* with ``code``.\n")


class Server:
    """`vellum serve SOURCE --port 0`, its URL read from what it prints."""

    def __init__(self, vellum, source, *args, timeout=120):
        self.process = subprocess.Popen([vellum, "serve", source, "--port", "0", *args], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, bufsize=1)
        self.stdout, self.stderr = [], []
        self.url = None
        ready = threading.Event()

        def pump(stream, lines, watch_url):
            for line in stream:
                lines.append(line)
                match = watch_url and re.search(r" at (http://\S+/) ", line)
                if match:
                    self.url = match.group(1)
                    ready.set()
            ready.set()
        self.threads = [threading.Thread(target=pump, args=(self.process.stdout, self.stdout, True), daemon=True),
                        threading.Thread(target=pump, args=(self.process.stderr, self.stderr, False), daemon=True)]
        for t in self.threads:
            t.start()
        ready.wait(timeout)
        if not self.url:
            self.process.kill()
            raise RuntimeError("vellum serve printed no URL:\n" + "".join(self.stdout + self.stderr))

    def get(self, path):
        """(status, content type, body text)."""
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as reply:
                return reply.status, reply.headers.get("Content-Type"), reply.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type"), error.read().decode()

    def seconds_until(self, path, predicate, timeout=10.0, started=None):
        """Seconds from `started` (default now) until GET path's body satisfies predicate; None on timeout."""
        started = started or time.monotonic()
        while time.monotonic() - started < timeout:
            if predicate(self.get(path)[2]):
                return time.monotonic() - started
            time.sleep(0.005)
        return None

    def stop(self, sig=signal.SIGINT, timeout=10):
        """Sends `sig`; the exit status, or None when it did not stop within `timeout` seconds."""
        self.process.send_signal(sig)
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None
        for t in self.threads:
            t.join(2)
        return code


class Chromium:
    """Headless Chromium driven through the DevTools protocol (a minimal WebSocket client)."""

    def __init__(self, profile):
        self.process = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
             f"--user-data-dir={profile}", "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.monotonic() + 30
        while not (os.path.exists(port_file) and open(port_file).read().strip()) and time.monotonic() < deadline:
            time.sleep(0.05)
        port = int(open(port_file).read().split()[0])
        for _ in range(100):
            pages = [t for t in json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
                     if t["type"] == "page"]
            if pages:
                break
            time.sleep(0.05)
        url = urllib.parse.urlparse(pages[0]["webSocketDebuggerUrl"])
        self.sock = socket.create_connection((url.hostname, url.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {url.path} HTTP/1.1\r\nHost: {url.hostname}:{url.port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(4096)
        head, self.buffer = head.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError("DevTools refused the WebSocket: " + head.decode(errors="replace"))
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        payload = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        n = len(payload)
        header += bytes([0x80 | n]) if n < 126 else (bytes([0x80 | 126]) + n.to_bytes(2, "big") if n < 65536
                                                      else bytes([0x80 | 127]) + n.to_bytes(8, "big"))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
        while True:
            message = json.loads(self._message())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _message(self):
        parts = b""
        while True:
            first, second = self._read(2)
            n = second & 0x7F
            if n == 126:
                n = int.from_bytes(self._read(2), "big")
            elif n == 127:
                n = int.from_bytes(self._read(8), "big")
            data = self._read(n)
            opcode = first & 0x0F
            if opcode in (0x1, 0x0):
                parts += data
                if first & 0x80:
                    return parts.decode()
            elif opcode == 0x8:
                raise RuntimeError("DevTools closed the WebSocket")

    def close(self):
        try:
            self.sock.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
