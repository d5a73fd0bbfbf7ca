"""Running compiled programs on the CPU emulator (``tt-run``).

The emitted host program reads each input buffer from ``$TT_IO_DIR/<buffer>.bin``
(raw little-endian float32, row-major, the plan's logical shape) instead of
generating data, checks the result against its double-precision reference of
those inputs, and writes each output to ``$TT_IO_DIR/<buffer>.out.bin``.
"""

import os
import shutil
import subprocess
import tempfile

import numpy as np

from ._types import STORAGE_FORMATS
from .errors import RunError

__all__ = ["run", "round_to_bf16", "quantize_bfp8_b", "quantize_bfp4_b", "find_tt_run"]


def round_to_bf16(array):
    """Rounds to the nearest bfloat16 (ties to even), as float32: the values
    the device holds after the host converts float32 to Float16_b."""
    x = np.ascontiguousarray(array, dtype=np.float32)
    bits = x.view(np.uint32)
    rounded = (bits + np.uint32(0x7FFF) + ((bits >> np.uint32(16)) & np.uint32(1))) & np.uint32(0xFFFF0000)
    # NaN stays NaN (quiet); rounding must not carry it into infinity.
    rounded = np.where(np.isnan(x), (bits | np.uint32(0x00400000)) & np.uint32(0xFFFF0000), rounded)
    return rounded.astype(np.uint32).view(np.float32)


def _quantize_block_float(array, magnitude_bits, name):
    """Shared exponents per 16 values of a face row, `magnitude_bits`-bit
    magnitudes (see quantize_bfp8_b)."""
    x = np.ascontiguousarray(array, dtype=np.float32)
    if x.ndim < 2:
        raise ValueError("%s takes a matrix or a batch of matrices" % name)
    cols = x.shape[-1]
    padded = -(-cols // 16) * 16
    if padded != cols:  # the host zero-pads to whole tiles; zeros do not change a row's exponent
        x = np.concatenate([x, np.zeros(x.shape[:-1] + (padded - cols,), np.float32)], axis=-1)
    groups = x.reshape(x.shape[:-1] + (padded // 16, 16))
    bits = groups.view(np.uint32)
    exponent = (bits >> np.uint32(23)) & np.uint32(0xFF)
    shared = exponent.max(axis=-1, keepdims=True)
    significand = (bits & np.uint32(0x7FFFFF)) | np.uint32(0x800000)
    shift = np.minimum(shared - exponent, np.uint32(31))
    shifted = (significand >> shift).astype(np.uint32)
    drop = 24 - magnitude_bits
    dropped = shifted & np.uint32((1 << drop) - 1)
    tie = np.uint32(1 << (drop - 1))
    magnitude = shifted >> np.uint32(drop)
    up = (dropped > tie) | ((dropped == tie) & ((magnitude & np.uint32(1)) == 1))
    magnitude = np.minimum(magnitude + up.astype(np.uint32), np.uint32((1 << magnitude_bits) - 1))
    magnitude = np.where(exponent == 0, np.uint32(0), magnitude)
    # Back to float32: magnitude * 2^(shared - 127 - (magnitude_bits - 1)), normalized as the unpacker does.
    negative = (bits >> np.uint32(31)) == 1
    lead = np.floor(np.log2(np.maximum(magnitude, 1))).astype(np.int64)  # position of the leading one
    value_exponent = shared.astype(np.int64) - (magnitude_bits - 1 - lead)
    fraction = (magnitude.astype(np.uint64) << (23 - lead).astype(np.uint64)) & np.uint64(0x7FFFFF)
    out_bits = (value_exponent.astype(np.uint64) << np.uint64(23)) | fraction
    out_bits = np.where(negative, out_bits | np.uint64(0x80000000), out_bits)
    out_bits = np.where((magnitude == 0) | (value_exponent <= 0), np.uint64(0), out_bits)
    out = out_bits.astype(np.uint32).view(np.float32).reshape(x.shape)
    return out[..., :cols]


def quantize_bfp8_b(array):
    """The values a matrix (or a batch of them: the last two axes) holds on
    the device as Bfp8_b tiles, as float32 (a "bfloat8_b" parameter's values
    are bf16 first: quantize_bfp8_b(round_to_bf16(x))): what the host program's
    conversion (tt-metal's pack_as_bfp8_tiles) keeps. Every 16 values of a
    row of a 16x16 face (columns 16j .. 16j + 15 of a row) share the largest
    of their exponents; each value keeps a sign and 7 bits of magnitude
    (its significand shifted by the exponent difference, rounded to nearest
    with ties to even, saturating at 127), zeros and subnormals become 0.
    Inf and NaN follow the same rule (an Inf stays Inf, a NaN NaN)."""
    return _quantize_block_float(array, 7, "quantize_bfp8_b")


def quantize_bfp4_b(array):
    """As quantize_bfp8_b for Bfp4_b tiles ("bfloat4_b"): 3 bits of
    magnitude per value, saturating at 7 (pack_as_bfp4_tiles)."""
    return _quantize_block_float(array, 3, "quantize_bfp4_b")


def find_tt_run():
    """The emulator driver: $TT_RUN, the one this build made, or tt-run on PATH."""
    candidates = [os.environ.get("TT_RUN")]
    try:
        from . import _config

        candidates.append(_config.TT_RUN)
    except ImportError:
        pass
    candidates.append(shutil.which("tt-run"))
    for path in candidates:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    raise RunError(
        "cannot find the emulator driver tt-run: build the project with the "
        "emulator (TT_BUILD_EMULATOR=ON) or set TT_RUN to its path"
    )


def _prepare(artifacts, arrays):
    """Maps the call's arrays to the program's buffers: either the inputs
    only (returns the outputs) or every parameter (outputs filled in place)."""
    buffers = artifacts.buffers
    inputs = [b for b in buffers if b["host"] in ("input", "input_output")]
    outputs = [b for b in buffers if b["host"] in ("output", "input_output")]
    if len(arrays) == len(inputs):
        given = dict(zip((b["name"] for b in inputs), arrays))
        in_place = {}
    elif len(arrays) == len(buffers):
        given = {b["name"]: a for b, a in zip(buffers, arrays)}
        in_place = {b["name"]: given[b["name"]] for b in outputs}
    else:
        raise TypeError(
            "%s takes the inputs (%s) or every parameter (%s); got %d arrays" % (
                artifacts.name.replace(".mlir", ""),
                ", ".join(b["param"] for b in inputs),
                ", ".join(b["param"] for b in buffers), len(arrays)))
    data = {}
    for buffer in inputs:
        value = np.asarray(given[buffer["name"]])
        if value.dtype.kind not in "biuf":
            raise TypeError("%s must be a real numeric array, got dtype %s" % (buffer["param"], value.dtype))
        if value.shape != buffer["shape"]:
            raise ValueError("%s must have shape %s, got %s" % (buffer["param"], buffer["shape"], value.shape))
        value = value.astype(np.float32)
        # bf16 values; block floating point buffers hold bf16 values the host converts further.
        if buffer["format"] == "bf16" or buffer["format"] in STORAGE_FORMATS.values():
            value = round_to_bf16(value)
        data[buffer["name"]] = value
    for buffer in outputs:
        target = in_place.get(buffer["name"])
        if buffer["name"] in in_place and (
                not isinstance(target, np.ndarray) or target.shape != buffer["shape"]):
            raise ValueError("output %s must be a NumPy array of shape %s" % (buffer["param"], buffer["shape"]))
    return data, outputs, in_place


def _cache_root():
    """The emulator's cache directory (as tt-run and the kernel cache use it)."""
    root = os.environ.get("TTEMU_CACHE_DIR")
    if not root:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = os.path.join(base, "ttemu")
    return root


def _program_dir(artifacts):
    """A directory holding the program's files, named by their content.

    The emulator's kernel and host caches are keyed by the files' contents and
    paths, so running the same program from the same directory reuses both;
    a fresh temporary directory per call would rebuild everything each time.
    """
    import hashlib

    digest = hashlib.sha256()
    for name in sorted(artifacts):
        digest.update(name.encode() + b"\0" + artifacts[name].encode() + b"\0")
    path = os.path.join(_cache_root(), "programs", digest.hexdigest()[:32])
    if not os.path.isdir(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        staging = tempfile.mkdtemp(prefix=".staging-", dir=os.path.dirname(path))
        artifacts.write(staging)
        try:
            os.rename(staging, path)
        except OSError:  # another process wrote the same program first
            import shutil

            shutil.rmtree(staging, ignore_errors=True)
    return path


def run(artifacts, *arrays, timeout=None, stats=False, keep_dir=None, trace=None):
    """Runs ``artifacts`` on the emulator and returns its output.

    ``arrays``: the inputs in parameter order (``run(A, B)``), or every
    parameter (``run(A, B, C)``: outputs are also written into the given
    arrays). Inputs are converted to float32 and, for bf16 buffers, rounded to
    bf16 as the device sees them. Returns the output as a float32 array (a
    tuple for several outputs).

    ``timeout``: seconds. ``stats=True`` also stores the emulator's counters in
    ``artifacts.stats`` (a dict). The program's files live in the emulator's
    cache under a name made from their content, so repeated runs reuse the
    built host program and kernels. ``keep_dir``: run in this directory (the
    program in ``prog/``, data in ``io/``) and keep it, instead of a temporary
    one. ``trace``: write the modeled timeline (Chrome/Perfetto trace JSON) to
    this path. Raises :class:`RunError` with the emulator's output on failure
    (including a failed result check).
    """
    import json

    data, outputs, in_place = _prepare(artifacts, arrays)
    tt_run = find_tt_run()
    with tempfile.TemporaryDirectory(prefix="tilelang_tt-") as tmp:
        root = os.fspath(keep_dir) if keep_dir is not None else tmp
        if keep_dir is not None:
            program = artifacts.write(os.path.join(root, "prog"))
        else:
            program = _program_dir(artifacts)
        io_dir = os.path.join(root, "io")
        os.makedirs(io_dir, exist_ok=True)
        for name, value in data.items():
            value.astype("<f4").tofile(os.path.join(io_dir, name + ".bin"))
        for buffer in outputs:
            path = os.path.join(io_dir, buffer["name"] + ".out.bin")
            if os.path.exists(path):
                os.remove(path)
        env = dict(os.environ, TT_IO_DIR=os.path.abspath(io_dir), TTEMU_STATS="0")
        # The device the program was planned for.
        env["TTEMU_ARCH"] = artifacts.plan["device"]["arch"]
        command = [tt_run]
        stats_path = os.path.join(root, "stats.json")
        if stats:
            command += ["--stats-json", stats_path]
        if trace is not None:
            command += ["--trace", os.path.abspath(os.fspath(trace))]
        command.append(program)
        try:
            proc = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise RunError("the emulator did not finish within %s s" % timeout,
                           exc.output if isinstance(exc.output, str) else "") from None
        if proc.returncode != 0:
            raise RunError("the program failed on the emulator (exit status %d)" % proc.returncode,
                           proc.stdout, proc.returncode)
        if stats:
            with open(stats_path) as f:
                artifacts.stats = json.load(f)
        artifacts.last_output = proc.stdout
        results = []
        for buffer in outputs:
            path = os.path.join(io_dir, buffer["name"] + ".out.bin")
            if not os.path.exists(path):
                raise RunError(
                    "the host program did not write %s (does its host.cpp support TT_IO_DIR?)"
                    % os.path.basename(path), proc.stdout, proc.returncode)
            values = np.fromfile(path, dtype="<f4")
            shape = buffer["shape"]
            if values.size != int(np.prod(shape)):
                raise RunError("%s holds %d values, expected %s = %d" % (
                    os.path.basename(path), values.size, shape, int(np.prod(shape))), proc.stdout)
            value = values.reshape(shape).astype(np.float32)
            if buffer["name"] in in_place:
                np.copyto(in_place[buffer["name"]], value, casting="unsafe")
            results.append(value)
    return results[0] if len(results) == 1 else tuple(results)
