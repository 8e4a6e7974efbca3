#!/usr/bin/env python3
"""awaitlint-clangd over real LSP (stdio, JSON-RPC) on the sample project.

    lsp_test.py CLANGD AWL-INCLUDE SAMPLE WORKDIR

1. With a .clangd that adds async-* and sets FastCheckFilter: Loose, opening
   src/orders.cpp publishes an async-sequential-await diagnostic; its code
   action's edit, applied to the file, gives code that compiles and uses
   awl::when_all.
2. With the checks added but FastCheckFilter left at clangd's default
   (Strict), no async-* diagnostic is published: the documented setting is
   needed (docs/editors.md).
3. The time from didOpen to the diagnostics, with the checks and without
   (a .clangd that removes every check), is printed as a ratio.
Only the Python standard library is used.
"""

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time

TIMEOUT = 180


def read_message(stream):
    """The next JSON-RPC message on an LSP stream (Content-Length headers,
    a blank line, the body), or None at the end of the stream."""
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode("ascii", "replace").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(stream.read(length))


class Server:
    def __init__(self, clangd, root):
        self.proc = subprocess.Popen(
            [clangd, "--log=error", "--background-index=false", "-j=1",
             "--pch-storage=memory", "--compile-commands-dir=" + root],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, cwd=root)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            message = read_message(self.proc.stdout)
            self.messages.put(message)
            if message is None:
                return

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method,
                   "params": params})
        ident = self.next_id
        return self.wait(lambda m: m.get("id") == ident and "method" not in m)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, accept):
        deadline = time.monotonic() + TIMEOUT
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise SystemExit("FAIL: no answer from the server in %d s" % TIMEOUT)
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise SystemExit("FAIL: the server exited")
            # Requests from the server (workDoneProgress/create, ...) get a
            # null result so it does not wait on us.
            if "method" in message and "id" in message:
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                continue
            if accept(message):
                return message

    def close(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=20)
        except Exception:
            self.proc.kill()


def uri(path):
    return "file://" + os.path.abspath(path)


def open_and_diagnose(clangd, root, path):
    """Starts a server on root, opens path; (server, diagnostics, seconds)."""
    server = Server(clangd, root)
    server.request("initialize", {
        "processId": os.getpid(), "rootUri": uri(root),
        "capabilities": {"textDocument": {
            "publishDiagnostics": {"relatedInformation": True},
            "codeAction": {"codeActionLiteralSupport": {
                "codeActionKind": {"valueSet": ["quickfix"]}}}}}})
    server.notify("initialized", {})
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = time.monotonic()
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri(path), "languageId": "cpp", "version": 1, "text": text}})
    published = server.wait(
        lambda m: m.get("method") == "textDocument/publishDiagnostics"
        and m["params"]["uri"] == uri(path))
    return server, published["params"]["diagnostics"], time.monotonic() - start


def apply_edits(text, edits):
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(pos):
        return offsets[pos["line"]] + pos["character"]  # ASCII sample
    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]),
                       reverse=True):
        text = (text[:offset(edit["range"]["start"])] + edit["newText"]
                + text[offset(edit["range"]["end"]):])
    return text


def project(sample, work, name, clangd_yaml, awl_include):
    root = os.path.join(work, name)
    shutil.copytree(sample, root)
    with open(os.path.join(root, ".clangd"), "w") as f:
        f.write(clangd_yaml)
    entries = [{"directory": root, "file": os.path.join(root, "src", n),
                "arguments": ["clang++-22", "-std=c++20", "-I" + awl_include,
                              "-I" + os.path.join(root, "include"), "-c",
                              os.path.join(root, "src", n)]}
               for n in sorted(os.listdir(os.path.join(root, "src")))]
    with open(os.path.join(root, "compile_commands.json"), "w") as f:
        json.dump(entries, f)
    return root


def main():
    clangd, awl_include, sample, work = sys.argv[1:5]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)

    # 1. Diagnostics and a code action that compiles.
    root = project(sample, work, "enabled", "Diagnostics:\n  ClangTidy:\n"
                   "    Add: [async-*]\n    FastCheckFilter: Loose\n", awl_include)
    path = os.path.join(root, "src", "orders.cpp")
    server, diagnostics, with_checks = open_and_diagnose(clangd, root, path)
    ours = [d for d in diagnostics if d.get("code") == "async-sequential-await"]
    if len(ours) != 1:
        raise SystemExit("FAIL: expected one async-sequential-await diagnostic, got %s"
                         % json.dumps(diagnostics, indent=1))
    diag = ours[0]
    assert diag.get("source") == "clang-tidy", diag
    # The range covers the first await (line 9; LSP lines count from 0).
    assert diag["range"]["start"]["line"] <= 8 <= diag["range"]["end"]["line"], diag
    print("diagnostic:", diag["message"])
    answer = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri(path)}, "range": diag["range"],
        "context": {"diagnostics": [diag], "only": ["quickfix"]}})
    actions = [a for a in answer.get("result") or []
               if a.get("edit") and any(d.get("code") == "async-sequential-await"
                                        for d in a.get("diagnostics", []))]
    if not actions:
        raise SystemExit("FAIL: no quick fix for the diagnostic: %s"
                         % json.dumps(answer, indent=1))
    print("code action:", actions[0]["title"])
    edit = actions[0]["edit"]
    edits = edit.get("changes", {}).get(uri(path))
    if edits is None:
        edits = [e for c in edit.get("documentChanges", [])
                 if c["textDocument"]["uri"] == uri(path) for e in c["edits"]]
    server.close()
    with open(path, encoding="utf-8") as f:
        fixed = apply_edits(f.read(), edits)
    with open(path, "w", encoding="utf-8") as f:
        f.write(fixed)
    if "co_await awl::when_all(get_orders(first), get_orders(second))" not in fixed:
        raise SystemExit("FAIL: the edit did not combine the awaits:\n" + fixed)
    build = subprocess.run(["clang++-22", "-std=c++20", "-fsyntax-only",
                            "-I" + awl_include, "-I" + os.path.join(root, "include"),
                            path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
    if build.returncode != 0:
        raise SystemExit("FAIL: the edited file does not compile:\n" + build.stdout)
    print("edited file compiles")

    # 2. clangd's default FastCheckFilter (Strict) hides checks it does not know.
    root = project(sample, work, "strict", "Diagnostics:\n  ClangTidy:\n"
                   "    Add: [async-*]\n", awl_include)
    server, diagnostics, _ = open_and_diagnose(
        clangd, root, os.path.join(root, "src", "orders.cpp"))
    server.close()
    if any(str(d.get("code", "")).startswith("async-") for d in diagnostics):
        raise SystemExit("FAIL: async-* ran without FastCheckFilter: the docs "
                         "say it must be set; update them")
    print("default FastCheckFilter (Strict): no async-* diagnostics, as documented")

    # 3. Latency with and without the checks.
    root = project(sample, work, "off", "Diagnostics:\n  ClangTidy:\n"
                   "    Remove: ['*']\n", awl_include)
    server, _, without = open_and_diagnose(
        clangd, root, os.path.join(root, "src", "orders.cpp"))
    server.close()
    print("didOpen -> diagnostics: %.2f s with async-*, %.2f s without (ratio %.2f)"
          % (with_checks, without, with_checks / without))
    print("lsp: all checks passed")


if __name__ == "__main__":
    main()
