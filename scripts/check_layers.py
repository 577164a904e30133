#!/usr/bin/python3
"""Checks that every #include "..." in ccsim's .hpp/.cpp files follows the layer table below.

Usage:
    scripts/check_layers.py              check the repository (exit 1 on any violation)
    scripts/check_layers.py --self-test  check the rule logic on synthetic paths
    scripts/check_layers.py ROOT         check another checkout

One line per violation: "file:line: folder X may not include Y (allowed: ...)".
Python 3 standard library only. This table is the source of truth for docs/architecture.md.
"""

import os
import re
import sys

# ---------------------------------------------------------------------------------------------
# The layers. Each row: a folder (relative to the repository root) and the folders its files
# may include. A file may always include files of its own folder. A folder's subfolders belong
# to it (tests/cli is tests), except where the table has a row for the subfolder: then the
# subfolder is a layer of its own (sim/engine is not sim). Folders absent from the tree are fine.
# ---------------------------------------------------------------------------------------------
SIM = ["sim", "sim/model", "sim/engine", "sim/stats", "sim/agents", "sim/channels"]  # any sim layer
EVERYTHING = "*"

LAYERS = {
    "core":         [],
    "erlang":       ["core"],
    "sim/model":    ["core"],
    "sim/engine":   ["core", "sim/model"],
    "sim/stats":    ["core", "sim/model"],
    "sim/agents":   ["core", "sim/model", "sim/engine", "sim/stats"],
    "sim/channels": ["core", "sim/model", "sim/engine", "sim/stats", "sim/agents"],
    "sim":          ["core", "sim/model", "sim/engine", "sim/stats", "sim/agents", "sim/channels"],
    "io":           ["core", *SIM],
    "report":       ["core", "erlang", *SIM, "io"],
    "batch":        ["core", "erlang", *SIM, "io", "report"],
    "plan":         ["core", "erlang", *SIM, "io", "report"],
    "calib":        ["core", "erlang", *SIM, "io", "report"],
    "cli":          EVERYTHING,
    "tests":        EVERYTHING,
    "bench":        EVERYTHING,
    "fuzz":         EVERYTHING,
}

SOURCE_SUFFIXES = (".hpp", ".cpp", ".h")
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


class unknown_folder(Exception):
    """A source file in a folder that the table does not place."""


def layer_of(path):
    """The layer (a LAYERS key) of a repository-relative path such as "sim/engine/x.hpp".

    The longest key that is the file's folder or one of its parents wins. A subfolder of a
    folder that has sub-layers (sim/) must have its own row: otherwise a new folder there would
    silently inherit the top layer's wider rights.
    """
    folder = os.path.dirname(path)
    parts = folder.split("/") if folder else []
    for n in range(len(parts), 0, -1):
        candidate = "/".join(parts[:n])
        if candidate in LAYERS:
            if n < len(parts):
                child = "/".join(parts[: n + 1])
                if any(key.startswith(candidate + "/") for key in LAYERS):
                    raise unknown_folder(
                        f"folder {child} has no row in the layer table of scripts/check_layers.py")
            return candidate
    raise unknown_folder(
        f"folder {folder or '.'} has no row in the layer table of scripts/check_layers.py")


def allowed(from_layer, to_layer):
    rule = LAYERS[from_layer]
    return from_layer == to_layer or rule == EVERYTHING or to_layer in rule


def describe(from_layer):
    rule = LAYERS[from_layer]
    if rule == EVERYTHING:
        return "everything"
    return ", ".join(rule) if rule else "nothing outside its own folder"


def resolve(root, including_file, name):
    """The repository-relative path an include names, or None for a header outside the project.

    Like the compiler: first beside the including file, then from the repository root (the
    project's only include directory). A path that exists in neither place but starts with a
    table folder (a header not written yet) is still taken as the project's.
    """
    beside = os.path.normpath(os.path.join(os.path.dirname(including_file), name))
    if not beside.startswith("..") and os.path.isfile(os.path.join(root, beside)):
        return beside.replace(os.sep, "/")
    from_root = os.path.normpath(name).replace(os.sep, "/")
    if from_root.startswith(".."):
        return None
    if os.path.isfile(os.path.join(root, from_root)):
        return from_root
    top = from_root.split("/")[0]
    if "/" in from_root and any(key.split("/")[0] == top for key in LAYERS):
        return from_root
    return None


def is_build_tree(relative_dir, names):
    top = relative_dir.split(os.sep)[0]
    return top.startswith("build") or top == "out" or "CMakeCache.txt" in names


def source_files(root):
    for directory, subdirs, names in os.walk(root):
        relative_dir = os.path.relpath(directory, root)
        if relative_dir != ".":
            if os.path.basename(directory).startswith(".") or is_build_tree(relative_dir, names):
                subdirs[:] = []
                continue
        subdirs.sort()
        for name in sorted(names):
            if name.endswith(SOURCE_SUFFIXES):
                path = os.path.normpath(os.path.join(relative_dir, name))
                yield path.replace(os.sep, "/")


def violations_in(root, path, lines):
    """Yields one message per include of `lines` (the text of `path`) that breaks the table."""
    try:
        from_layer = layer_of(path)
    except unknown_folder as error:
        yield f"{path}:1: {error}"
        return
    for number, line in enumerate(lines, start=1):
        match = INCLUDE.match(line)
        if not match:
            continue
        target = resolve(root, path, match.group(1))
        if target is None:
            continue
        try:
            to_layer = layer_of(target)
        except unknown_folder as error:
            yield f"{path}:{number}: includes {match.group(1)}: {error}"
            continue
        if not allowed(from_layer, to_layer):
            yield (f"{path}:{number}: folder {from_layer} may not include {to_layer} "
                   f"(allowed: {describe(from_layer)})")


def check(root):
    count = 0
    for path in source_files(root):
        with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
        for message in violations_in(root, path, lines):
            print(message)
            count += 1
    return count


def self_test():
    failures = []

    def expect(what, got, wanted):
        if got != wanted:
            failures.append(f"{what}: got {got!r}, expected {wanted!r}")

    for path, wanted in [
        ("core/duration.hpp", "core"),
        ("sim/day_simulation.cpp", "sim"),
        ("sim/engine/event_calendar.hpp", "sim/engine"),
        ("sim/channels/voice.cpp", "sim/channels"),
        ("tests/cli/golden_diff.cpp", "tests"),
        ("report/html/chart.cpp", "report"),
    ]:
        expect(f"layer_of({path})", layer_of(path), wanted)
    for path in ["sim/routing/router.hpp", "validation/x.cpp", "main.cpp"]:
        try:
            layer_of(path)
            failures.append(f"layer_of({path}): no error for a folder without a row")
        except unknown_folder:
            pass

    for from_path, to_path, wanted in [
        ("core/a.hpp", "core/b.hpp", True),
        ("core/a.hpp", "erlang/erlang_b.hpp", False),
        ("erlang/a.cpp", "core/b.hpp", True),
        ("erlang/a.cpp", "sim/scenario.hpp", False),
        ("sim/scenario.hpp", "erlang/erlang_c.hpp", False),
        ("sim/model/scenario.hpp", "sim/engine/event_calendar.hpp", False),
        ("sim/model/scenario.hpp", "sim/model/queue.hpp", True),
        ("sim/engine/event_calendar.hpp", "sim/model/scenario.hpp", True),
        ("sim/engine/event_calendar.hpp", "sim/stats/histogram.hpp", False),
        ("sim/stats/histogram.hpp", "sim/engine/event_calendar.hpp", False),
        ("sim/agents/pool.hpp", "sim/stats/histogram.hpp", True),
        ("sim/agents/pool.hpp", "sim/channels/voice.hpp", False),
        ("sim/channels/voice.hpp", "sim/agents/pool.hpp", True),
        ("sim/channels/voice.hpp", "sim/simulation.hpp", False),
        ("sim/simulation.hpp", "sim/channels/voice.hpp", True),
        ("sim/engine/x.hpp", "io/scenario_file.hpp", False),
        ("io/scenario_file.cpp", "sim/model/scenario.hpp", True),
        ("io/scenario_file.cpp", "sim/scenario.hpp", True),
        ("io/scenario_file.cpp", "erlang/staffing.hpp", False),
        ("io/scenario_file.cpp", "report/table.hpp", False),
        ("report/table.cpp", "io/record.hpp", True),
        ("report/table.cpp", "batch/unit.hpp", False),
        ("batch/unit.cpp", "report/table.hpp", True),
        ("batch/unit.cpp", "plan/tours.hpp", False),
        ("plan/tours.cpp", "calib/fit.hpp", False),
        ("calib/fit.cpp", "erlang/erlang_a.hpp", True),
        ("cli/main.cpp", "plan/tours.hpp", True),
        ("tests/test_x.cpp", "cli/command_line.hpp", True),
        ("bench/micro.cpp", "sim/engine/event_calendar.hpp", True),
    ]:
        expect(f"{from_path} -> {to_path}", allowed(layer_of(from_path), layer_of(to_path)), wanted)

    # A whole file through the same path as the real check, with a made-up root (nothing
    # resolves on disk, so includes are placed by their text).
    lines = ['#include <vector>', '#include "core/duration.hpp"', '  #  include "io/record.hpp"',
             '#include "toml++/toml.hpp"', '// #include "cli/x.hpp"']
    got = list(violations_in("/nonexistent", "sim/engine/x.hpp", lines))
    expect("violations_in", got,
           ["sim/engine/x.hpp:3: folder sim/engine may not include io (allowed: core, sim/model)"])
    got = list(violations_in("/nonexistent", "core/x.hpp", ['#include "sim/roster.hpp"']))
    expect("violations_in core", got,
           ["core/x.hpp:1: folder core may not include sim (allowed: nothing outside its own folder)"])

    for failure in failures:
        print(f"self-test: {failure}")
    return len(failures)


def main(argv):
    if argv[1:] == ["--self-test"]:
        failed = self_test()
        print(f"check_layers self-test: {'FAILED' if failed else 'ok'}")
        return 1 if failed else 0
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith("-")):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = argv[1] if len(argv) == 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    count = check(os.path.normpath(root))
    if count:
        print(f"check_layers: {count} include(s) break the layer table in scripts/check_layers.py")
        return 1
    print("check_layers: every include follows the layer table")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
