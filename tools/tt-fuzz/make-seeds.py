#!/usr/bin/env python3
"""Seeds and dictionary for tt-fuzz, from the repository's own sources.

  make-seeds.py ROOT CORPUS_DIR DICT_FILE

Seeds: every .mlir input under ROOT/test and ROOT/examples, split at
`// -----` like --split-input-file; an input whose RUN line passes options to
--tl-to-tt-pipeline gets them as its `// OPTIONS:` line. Dictionary: the op
names, attribute mnemonics, enum spellings and assembly keywords of the tl and
tt dialects, read from their .td files so it follows the dialects.
"""
import hashlib
import pathlib
import re
import sys


def seeds(root):
    for path in sorted(list((root / "test").rglob("*.mlir")) + list((root / "examples").rglob("*.mlir"))):
        text = path.read_text(errors="replace")
        options = ""
        m = re.search(r'--tl-to-tt-pipeline="([^"]*)"', text) or re.search(r"--tl-to-tt-pipeline=(\S+)", text)
        if m:
            options = m.group(1)
        for chunk in re.split(r"^// -----\s*$", text, flags=re.M):
            body = "\n".join(l for l in chunk.splitlines() if not l.lstrip().startswith("// RUN"))
            if body.strip():
                yield (f"// OPTIONS: {options}\n" if options else "") + body.strip() + "\n"


def dictionary(root):
    words = set()
    for td in (root / "include").rglob("*.td"):
        text = td.read_text()
        dialect = "tl" if "/TL/" in str(td) else "tt"
        for op in re.findall(r'def \w+ : T[LT]_\w*Op<"([\w.]+)"', text):
            words.add(f"{dialect}.{op}")
        for mnemonic in re.findall(r'T[LT]_Attr<"\w+", "([\w.]+)"', text):
            words.add(f"#{dialect}.{mnemonic}<")
        for case in re.findall(r'I32EnumAttrCase<"\w+", \d+, "([\w.]+)">', text):
            words.add(case)
        for fmt in re.findall(r"assemblyFormat = \[\{(.*?)\}\]", text, flags=re.S):
            words.update(re.findall(r"`([a-z_]\w*)`", fmt))
    words.update(["memref<", "xbf16>", "xf32>", "func.func", "linalg.matmul", "linalg.fill", "arith.constant",
                  "arith.muli", "scf.for", "index", "// -----", "// OPTIONS: ", "device=blackhole", "block-m=",
                  "block-n=", "block-k=", "schedule=multicast", "fp32-dest-acc=true", "math-fidelity=lofi",
                  "stages=", "cb-depth=", "subblock-h=", "subblock-w="])
    return sorted(words)


def main():
    root, corpus, dict_file = (pathlib.Path(a) for a in sys.argv[1:4])
    corpus.mkdir(parents=True, exist_ok=True)
    count = 0
    for seed in seeds(root):
        name = hashlib.sha1(seed.encode()).hexdigest()
        (corpus / name).write_text(seed)
        count += 1
    words = dictionary(root)
    dict_file.write_text("".join('"' + w.replace("\\", "\\\\").replace('"', '\\"') + '"\n' for w in words))
    print(f"make-seeds: {count} seeds in {corpus}, {len(words)} dictionary entries in {dict_file}")


if __name__ == "__main__":
    main()
