#!/usr/bin/env python3
"""Golden test of the data an HTML report embeds (its JSON), not of its markup.

    check_report_data.py CCSIM GOLDEN_DIFF DIR NAME VERSION

Runs ccsim with the arguments in DIR/NAME.args (shell words, from DIR; "@TMP@" becomes a
fresh temporary folder) with SOURCE_DATE_EPOCH=0 and no LANG, takes the page from stdout or,
for a batch, from @TMP@/out/report.html, extracts the JSON of script#ccsim-data, writes ccsim's
VERSION as "@VERSION@" (and the temporary folder as "@TMP@"), and compares it, pretty-printed, with DIR/NAME.json (golden_diff:
numbers to 1e-9). UPDATE_GOLDEN=1 rewrites NAME.json instead.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile


def main():
    ccsim, golden_diff, folder, name, version = sys.argv[1:6]
    with open(os.path.join(folder, name + ".args")) as f:
        words = shlex.split(f.read())
    tmp = tempfile.mkdtemp(prefix="ccsim-report-data-")
    try:
        args = [w.replace("@TMP@", tmp) for w in words]
        env = dict(os.environ, SOURCE_DATE_EPOCH="0")
        env.pop("LANG", None)
        result = subprocess.run([ccsim] + args, cwd=folder, env=env, capture_output=True)
        page_file = os.path.join(tmp, "out", "report.html")
        if os.path.exists(page_file):
            with open(page_file, encoding="utf-8") as f:
                page = f.read()
        else:
            page = result.stdout.decode("utf-8")
        if result.returncode not in (0, 1):
            print(result.stderr.decode(errors="replace"))
            sys.exit("ccsim exited with %d" % result.returncode)
        found = re.search(r'<script type="application/json" id="ccsim-data">(.*?)</script>', page,
                          re.S)
        if not found:
            sys.exit("no embedded data in the page")
        data = json.loads(found.group(1))
        text = json.dumps(data, indent=1, ensure_ascii=False)
        text = text.replace(tmp, "@TMP@").replace(version, "@VERSION@") + "\n"
        golden = os.path.join(folder, name + ".json")
        if os.environ.get("UPDATE_GOLDEN") == "1":
            with open(golden, "w", encoding="utf-8") as f:
                f.write(text)
            return
        actual = os.path.join(tmp, name + ".json")
        with open(actual, "w", encoding="utf-8") as f:
            f.write(text)
        if subprocess.run([golden_diff, golden, actual]).returncode != 0:
            subprocess.run(["diff", "-u", golden, actual])
            sys.exit(1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
