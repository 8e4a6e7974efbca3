#!/usr/bin/env python3
"""Every check's doc page against the options the check really has.

For each async- check, `awaitlint --dump-config` lists its options with
their defaults. The check's page in docs/checks/async/ must
  - name every option in its Options section (an Extra twin counts as named
    when its list is: the page says what Extra adds),
  - name no option the check does not have,
  - give every default list it spells out (`Name: '...'` lines in a yaml
    block) exactly as the check has it.
A default changed in the code and not in the docs fails here.

Usage: docs_options_test.py AWAITLINT DOCS_DIR WORK_DIR
"""
import os
import re
import subprocess
import sys

CHECKS = ["sequential-await", "await-in-loop", "await-late",
          "unhandled-rejection"]


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def dumped_options(awaitlint, check, source):
    proc = subprocess.run(
        [awaitlint, "--checks=-*,async-" + check, "--dump-config", source,
         "--", "-std=c++20"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0:
        fail("awaitlint --dump-config for %s exited %d:\n%s"
             % (check, proc.returncode, proc.stderr))
    options = {}
    prefix = "async-" + check + "."
    for line in proc.stdout.splitlines():
        m = re.match(r"\s+(\S+):\s?(.*)$", line)
        if m and m.group(1).startswith(prefix):
            value = m.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] == "'":
                value = value[1:-1].replace("''", "'")
            options[m.group(1)[len(prefix):]] = value
    if not options:
        fail("--dump-config printed no option of async-%s:\n%s"
             % (check, proc.stdout))
    return options


def options_section(page, path):
    m = re.search(r"^## Options\n(.*?)(?=^## |\Z)", page, re.M | re.S)
    if not m:
        fail("%s has no '## Options' section" % path)
    return m.group(1)


def main():
    if len(sys.argv) != 4:
        fail("usage: docs_options_test.py AWAITLINT DOCS_DIR WORK_DIR")
    awaitlint, docs, work = sys.argv[1:]
    os.makedirs(work, exist_ok=True)
    source = os.path.join(work, "empty.cpp")
    with open(source, "w") as f:
        f.write("int main() { return 0; }\n")
    problems = []
    checked_lists = 0
    for check in CHECKS:
        path = os.path.join(docs, "checks", "async", check + ".md")
        with open(path) as f:
            section = options_section(f.read(), path)
        options = dumped_options(awaitlint, check, source)
        named = set(re.findall(r"`([A-Z][A-Za-z]+)`", section))
        for name in sorted(options):
            base = name[len("Extra"):] if name.startswith("Extra") else None
            if name in named or (base in options and base in named):
                continue
            problems.append("%s: option %s is not documented" % (path, name))
        # Table rows name options in their first column.
        for row in re.findall(r"^\| ([^|]*) \|", section, re.M):
            for name in re.findall(r"`([A-Z][A-Za-z]+)`", row):
                if name not in options:
                    problems.append("%s: documents %s, which async-%s does "
                                    "not have" % (path, name, check))
        for name, value in re.findall(r"^([A-Z][A-Za-z]+): '(.*)'$", section,
                                      re.M):
            if name == "Checks":  # an example .clang-tidy, not a default
                continue
            checked_lists += 1
            value = value.replace("''", "'")
            if name not in options:
                problems.append("%s: default list for unknown option %s"
                                % (path, name))
            elif options[name] != value:
                problems.append("%s: default of %s differs from the check's:"
                                "\n  docs:  %s\n  check: %s"
                                % (path, name, value, options[name]))
    if problems:
        fail("\n".join(problems))
    print("docs-options: %d checks, %d default lists compared"
          % (len(CHECKS), checked_lists))


if __name__ == "__main__":
    main()
