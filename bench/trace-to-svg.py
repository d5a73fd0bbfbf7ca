#!/usr/bin/env python3
"""Draws a modeled timeline (tt-run --trace JSON) as an SVG picture.

usage: python3 bench/trace-to-svg.py TRACE.json OUT.svg [CORES]

One row per RISC track of the first CORES cores (default 2) and one per DRAM
bank; spans colored by kind: waits (grey), matrix-engine work (blue), unpacking
(purple), packing (green), inits and format reconfigurations (red), DRAM bank
service (orange). Times are modeled, in microseconds.
"""
import json
import sys
from xml.sax.saxutils import escape

COLORS = {"wait": "#b8b8b8", "math": "#3b6fd8", "unpack": "#8a5cd0", "pack": "#36a852", "setup": "#d64545",
          "dram": "#f08c2e"}


def main():
    trace_path, out_path = sys.argv[1], sys.argv[2]
    cores = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    trace = json.load(open(trace_path))
    events = trace["traceEvents"]
    process = {e["pid"]: e["args"]["name"] for e in events if e["ph"] == "M" and e["name"] == "process_name"}
    thread = {(e["pid"], e["tid"]): e["args"]["name"] for e in events
              if e["ph"] == "M" and e["name"] == "thread_name"}
    core_pids = sorted(p for p, n in process.items() if n.startswith("core"))[:cores]
    dram_pids = [p for p, n in process.items() if n == "DRAM banks"]
    rows = [(p, t) for (p, t) in sorted(thread) if p in core_pids]
    rows += [(p, t) for (p, t) in sorted(thread) if p in dram_pids]
    spans = [e for e in events if e["ph"] == "X" and (e["pid"], e["tid"]) in set(rows)]
    end = max(e["ts"] + e["dur"] for e in spans)
    label_w, width, row_h = 260, 1100, 16
    scale = (width - label_w - 10) / end
    height = 40 + row_h * len(rows) + 30
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" '
           'font-size="10">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="16" font-size="12">Modeled timeline (%s, %.1f us modeled; grey: waiting, '
           'blue: matmul_tiles, purple: copy_tile, green: pack_tile, red: init/reconfig, orange: DRAM bank busy)</text>'
           % (escape(trace["otherData"]["device"]), end)]
    index = {row: i for i, row in enumerate(rows)}
    for row, i in index.items():
        y = 30 + i * row_h
        name = "%s / %s" % (process[row[0]], thread[row])
        out.append('<text x="4" y="%d">%s</text>' % (y + 11, escape(name[:48])))
        out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#eee"/>' % (label_w, y + row_h, width - 10,
                                                                             y + row_h))
    for e in spans:
        y = 30 + index[(e["pid"], e["tid"])] * row_h
        w = max(e["dur"] * scale, 0.5)
        out.append('<rect x="%.2f" y="%d" width="%.2f" height="%d" fill="%s"/>'
                   % (label_w + e["ts"] * scale, y + 2, w, row_h - 4, COLORS.get(e["cat"], "#888")))
    axis_y = 30 + row_h * len(rows) + 14
    for k in range(6):
        t = end * k / 5
        x = label_w + t * scale
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%.1f us</text>' % (x, axis_y, t))
    out.append("</svg>")
    with open(out_path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
