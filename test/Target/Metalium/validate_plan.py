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


def check_splits(plan):
    """Each work split's groups cover its cores once and its units once."""
    grid = plan["device"]["grid"]
    for i, split in enumerate(plan.get("work_splits", [])):
        where = f"work split {i}"
        if split["grid"]["x"] > grid["x"] or split["grid"]["y"] > grid["y"]:
            return f"{where}: grid {split['grid']} does not fit the device's {grid}"
        covered, units = set(), 0
        for g in split["groups"]:
            cores = cores_of(g["cores"])
            if len(cores) != g["count"]:
                return f"{where}: a group lists {g['count']} cores but its ranges hold {len(cores)}"
            if covered & cores:
                return f"{where}: its groups overlap"
            if g["first_unit"] != units:
                return f"{where}: a group starts at unit {g['first_unit']}, expected {units}"
            covered |= cores
            units += g["count"] * g["units_per_core"]
        if len(covered) != split["cores"] or units != split["units"]:
            return f"{where}: groups cover {len(covered)} cores and {units} units, the split says {split['cores']} and {split['units']}"
    return None


def split_cores(plan, index):
    return set().union(*(cores_of(g["cores"]) for g in plan["work_splits"][index]["groups"]))


def check_references(plan):
    buffers = {b["name"] for b in plan["buffers"]}
    grid = plan["device"]["grid"]
    problem = check_splits(plan)
    if problem:
        return problem
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
            if "work_split" in entry:
                if entry["work_split"] >= len(plan.get("work_splits", [])):
                    return f"{where}: runtime args over work split {entry['work_split']}, which does not exist"
                targets = split_cores(plan, entry["work_split"])
            else:
                targets = {(entry["core"]["x"], entry["core"]["y"])}
                if any(isinstance(a, dict) and "work" in a for a in entry["args"]):
                    return f"{where}: a core's share of a work split in arguments set core by core"
            for core in sorted(targets):
                if core not in cores:
                    return f"{where}: runtime args for core {core}, which it does not run on"
                if core in seen:
                    return f"{where}: runtime args for core {core} twice"
                seen.add(core)
            for arg in entry["args"]:
                if isinstance(arg, dict) and "buffer_address" in arg and arg["buffer_address"] not in buffers:
                    return f"{where}: runtime arg names unknown buffer {arg['buffer_address']}"
        if seen and seen != cores:
            return f"{where}: {len(cores - seen)} of its cores have no runtime args"
    for b in plan["buffers"]:
        # Padding beyond a partial tile only pads a mesh's shards; the shards tile the padded grid.
        shard = b.get("mesh_shard")
        if b["shape"] is not None and shard is None and max(b["padding"]) > 31:
            return f"buffer {b['name']}: padding {b['padding']} is more than a partial tile, without a mesh"
        if shard is not None:
            if "mesh" not in plan:
                return f"buffer {b['name']}: mesh_shard, but the plan has no mesh"
            if shard["tiles"] != b["tiles"]:
                return f"buffer {b['name']}: mesh_shard tiles {shard['tiles']} differ from its tiles {b['tiles']}"
            if any(s and t % s for s, t in zip(shard["shard"], shard["tiles"])):
                return f"buffer {b['name']}: shards {shard['shard']} do not divide its tiles {shard['tiles']}"
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
