"""python/README.md's TileLang example runs as written."""

import os
import re
import subprocess
import sys


import tilelang_tt as tilelang
from programs import matmul

README = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.md")


def example():
    with open(README) as f:
        text = f.read()
    section = text[text.index("## TileLang's GEMM, end to end"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_example_is_the_canonical_gemm():
    code = example()
    assert code.startswith("import numpy as np\nimport tilelang_tt as tilelang\nimport tilelang_tt.language as T\n")
    assert "T.gemm(A_shared, B_shared, C_local)" in code


def test_readme_example_runs(tmp_path):
    script = tmp_path / "gemm_example.py"
    script.write_text(example())
    package_dir = os.path.dirname(os.path.dirname(tilelang.__file__))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([package_dir, os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout
    assert "tl.kernel [2, 2] as (%bx" in proc.stdout
    assert "4 cores" in proc.stdout and "max |c - ref| =" in proc.stdout
    assert sorted(os.listdir(tmp_path / "matmul_256x256x128")) == sorted(
        ["reader.cpp", "compute.cpp", "writer.cpp", "host.cpp", "tt_host_support.hpp", "tt.plan.json",
         "CMakeLists.txt", "README.txt"])
