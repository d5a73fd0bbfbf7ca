"""tilelang_tt: TileLang programs compiled for Tenstorrent (Metalium).

TileLang's GEMM example runs with one change, the imports::

    import tilelang_tt as tilelang
    import tilelang_tt.language as T

    kernel = tilelang.compile(matmul(256, 256, 256, 32, 32, 32))
    C = kernel(A, B)             # NumPy in, NumPy out, on the CPU emulator
    kernel.write("out/")         # reader.cpp, compute.cpp, writer.cpp, host.cpp, ...
    kernel.get_profiler().do_bench()   # modeled device latency in ms (not hardware)

See python/README.md.
"""

from . import language, passes
from .compiler import (Artifacts, Module, compile, devices_supported, jit,
                       math_fidelities_supported, mesh_splits_supported, pipeline_text,
                       systems_supported)
from .profiler import Profiler
from .errors import (CompileError, FrontendError, RunError, TileLangTTError,
                     UnsupportedConstructError)
from .frontend import PrimFunc, prim_func
from .runner import quantize_bfp4_b, quantize_bfp8_b, round_to_bf16

__all__ = [
    "compile", "Artifacts", "Module", "pipeline_text", "language", "prim_func", "PrimFunc",
    "CompileError", "FrontendError", "RunError", "TileLangTTError", "round_to_bf16", "quantize_bfp8_b", "quantize_bfp4_b", "passes",
    "devices_supported", "math_fidelities_supported", "systems_supported", "mesh_splits_supported", "jit", "Profiler", "UnsupportedConstructError",
]

