#!/usr/bin/env python3
"""Validates a tt.plan.json written by `tt-translate --emit-metalium`.

usage: validate_plan.py SCHEMA PLAN

PLAN is a tt.plan.json file, or the stdout of `tt-translate --emit-metalium`
without --output-dir (the tt.plan.json section is taken from it), or `-` for
stdin. Checks the plan against the JSON Schema, then the cross references the
schema cannot express (buffers named by arguments exist, runtime-argument
tables cover exactly the kernel's cores). Prints one summary line; exits 1 on
the first problem.
"""
import json
import sys

import jsonschema

FILE_HEADER = "// ===== FILE: "


def load_plan(path):
    text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
    if text.lstrip().startswith(FILE_HEADER):
        sections, name = {}, None
        for line in text.splitlines(keepends=True):
            if line.startswith(FILE_HEADER):
                name = line[len(FILE_HEADER):].rstrip().rstrip("=").strip()
                sections[name] = ""
            elif name is not None:
                sections[name] += line
        if "tt.plan.json" not in sections:
            raise SystemExit("error: no tt.plan.json section in the output")
        text = sections["tt.plan.json"]
    return json.loads(text)


def cores_of(ranges):
    cores = set()
    for r in ranges:
        for x in range(r["start"]["x"], r["end"]["x"] + 1):
            for y in range(r["start"]["y"], r["end"]["y"] + 1):
                cores.add((x, y))
    return cores


def check_references(plan):
    buffers = {b["name"] for b in plan["buffers"]}
    grid = plan["device"]["grid"]
    for k in plan["kernels"]:
        where = "kernel " + k["name"]
        cores = cores_of(k["cores"])
        for x, y in cores:
            if x >= grid["x"] or y >= grid["y"]:
                return f"{where}: core ({x}, {y}) is outside the {grid['x']}x{grid['y']} grid"
        for arg in k["compile_args"]:
            if isinstance(arg, dict) and arg["tensor_accessor_args"] not in buffers:
                return f"{where}: compile arg names unknown buffer {arg['tensor_accessor_args']}"
        seen = set()
        for entry in k["runtime_args"]:
            core = (entry["core"]["x"], entry["core"]["y"])
            if core not in cores:
                return f"{where}: runtime args for core {core}, which it does not run on"
            if core in seen:
                return f"{where}: runtime args for core {core} twice"
            seen.add(core)
            for arg in entry["args"]:
                if isinstance(arg, dict) and arg["buffer_address"] not in buffers:
                    return f"{where}: runtime arg names unknown buffer {arg['buffer_address']}"
        if seen and seen != cores:
            return f"{where}: {len(cores - seen)} of its cores have no runtime args"
    for step in plan["host_steps"]:
        if "buffer" in step and step["buffer"] not in buffers:
            return f"host step {step['step']}: unknown buffer {step['buffer']}"
    check = plan["check"]
    if check is not None:
        for key in ("a", "b", "c"):
            if check[key] not in buffers:
                return f"check: unknown buffer {check[key]}"
    all_cores = set()
    for k in plan["kernels"]:
        all_cores |= cores_of(k["cores"])
    if plan["cores"]["count"] != len(all_cores):
        return f"cores.count is {plan['cores']['count']}, kernels run on {len(all_cores)}"
    return None


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    plan = load_plan(argv[2])
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(plan), key=lambda e: list(e.absolute_path))
    if errors:
        for e in errors[:5]:
            path = "/".join(str(p) for p in e.absolute_path) or "(root)"
            print(f"error: {path}: {e.message}", file=sys.stderr)
        print("INVALID: tt.plan.json does not follow the schema", file=sys.stderr)
        return 1
    problem = check_references(plan)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        print("INVALID: tt.plan.json is inconsistent", file=sys.stderr)
        return 1
    print(f"VALID: tt.plan.json schema {plan['schema_version']}: program {plan['program']}, "
          f"{len(plan['kernels'])} kernels on {plan['cores']['count']} cores, "
          f"{len(plan['buffers'])} buffers, {len(plan['circular_buffers'])} CBs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
