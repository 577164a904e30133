#!/usr/bin/env python3
"""Runs the shell examples of docs/*.md and compares what they print, so the docs cannot drift
from the code.

An example is a fenced block with lines starting with "$ " (a command; a line ending in "\\"
continues it), each followed by the output it prints (stdout and stderr together). The line
before the fence says what to do with it:

    <!-- checked -->                 run every command and compare its output
    <!-- not checked: REASON -->     leave it (a long run, output that varies); say why

An example with neither fails the test, so a new example cannot slip in unchecked. In the
expected output a line "..." stands for any lines (none included), and "..." inside a line for
any text; a command shown without output must succeed (exit 0), whatever it prints. Commands
run with `ccsim` on the PATH (the binary under test) and LANG=C, in a scratch folder that
links to everything in the repository's root (so files they write land there, not in the
sources).

usage: check_doc_examples.py CCSIM REPOSITORY [DOC.md ...]
"""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

CHECKED = "<!-- checked -->"
NOT_CHECKED = re.compile(r"<!-- not checked: .+ -->")


def blocks(path):
    """(line of the fence, marker line or None, lines inside) for each fenced block."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        if lines[i].startswith("```"):
            start = i
            j = i + 1
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            k = start - 1
            while k >= 0 and not lines[k].strip():
                k -= 1
            marker = lines[k].strip() if k >= 0 else None
            yield start + 1, marker, lines[start + 1 : j]
            i = j + 1
        else:
            i += 1


def examples(body):
    """(command, expected output lines) pairs of a block."""
    pairs = []
    i = 0
    while i < len(body):
        if not body[i].startswith("$ "):
            i += 1
            continue
        command = body[i][2:]
        while command.endswith("\\") and i + 1 < len(body):
            i += 1
            command = command[:-1] + " " + body[i].strip()
        i += 1
        output = []
        while i < len(body) and not body[i].startswith("$ "):
            output.append(body[i])
            i += 1
        while output and not output[-1].strip():
            output.pop()
        pairs.append((command, output))
    return pairs


def line_pattern(expected):
    return re.compile("^" + ".*".join(re.escape(p) for p in expected.rstrip().split("...")) + "$")


def matches(expected, actual):
    """Whether actual lines match expected ones, "..." lines matching any run of lines."""
    if not expected:
        return not actual
    if expected[0].strip() == "...":
        return any(matches(expected[1:], actual[k:]) for k in range(len(actual) + 1))
    return (
        bool(actual)
        and line_pattern(expected[0]).match(actual[0].rstrip()) is not None
        and matches(expected[1:], actual[1:])
    )


def main():
    ccsim, repository = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    docs = [Path(p) for p in sys.argv[3:]] or sorted((repository / "docs").glob("*.md"))
    failures, checked, skipped = [], 0, 0
    with tempfile.TemporaryDirectory() as bin_dir, tempfile.TemporaryDirectory() as work:
        os.symlink(ccsim, Path(bin_dir) / "ccsim")
        for entry in repository.iterdir():
            if not entry.name.startswith(".") and not entry.name.startswith("build"):
                os.symlink(entry, Path(work) / entry.name)
        env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"], LANG="C")
        env.pop("LC_ALL", None)
        for doc in docs:
            name = doc.relative_to(repository) if doc.is_absolute() else doc
            for line, marker, body in blocks(repository / name):
                pairs = examples(body)
                if not pairs:
                    continue
                if marker and NOT_CHECKED.fullmatch(marker):
                    skipped += 1
                    continue
                if marker != CHECKED:
                    failures.append(f"{name}:{line}: an example without <!-- checked --> or "
                                    "<!-- not checked: REASON --> before it")
                    continue
                for command, expected in pairs:
                    checked += 1
                    run = subprocess.run(["bash", "-c", command], cwd=work, env=env,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                         text=True, timeout=120)
                    actual = run.stdout.rstrip("\n").split("\n") if run.stdout.strip() else []
                    while actual and not actual[-1].strip():
                        actual.pop()
                    if not expected:
                        if run.returncode != 0:
                            failures.append(f"{name}:{line}: $ {command}\nexit code "
                                            f"{run.returncode}:\n" + "\n".join(actual[-20:]))
                        continue
                    if not matches(expected, actual):
                        failures.append(
                            f"{name}:{line}: $ {command}\n--- expected\n" + "\n".join(expected)
                            + "\n--- got\n" + "\n".join(actual))
    for f in failures:
        print("FAIL " + f + "\n")
    print(f"{checked} commands checked, {skipped} examples not checked (marked), "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
