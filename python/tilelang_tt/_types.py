"""Objects the T namespace hands to user code, shared by the frontend."""

# TileLang dtype names and the element types Tenstorrent computes on.
# "float16" is Tenstorrent's Float16_b, that is bfloat16: the matrix engine
# has no IEEE half format, so a TileLang program written for float16 runs in
# bf16 (8-bit exponent, 8-bit mantissa).
DTYPES = {
    "float16": "bf16",
    "bfloat16": "bf16",
    "float32": "f32",
    "float": "f32",
    # Block floating point (ttnn's bfloat8_b): bf16 values the host converts
    # to Bfp8_b tiles when it uploads them.
    "bfloat8_b": "bf16",
    "bfloat4_b": "bf16",
}

# dtypes the device stores in another format than their element type's.
STORAGE_FORMATS = {"bfloat8_b": "bfp8_b", "bfloat4_b": "bfp4_b"}


def storage_format(dtype):
    """The device format of a parameter of this dtype when it is not its
    element type's (bfloat8_b: bfp8_b, bfloat4_b: bfp4_b), else None."""
    return STORAGE_FORMATS.get(dtype) if isinstance(dtype, str) else None


def element_type(dtype):
    """The MLIR element type of a TileLang dtype, or None if unsupported."""
    if isinstance(dtype, str):
        return DTYPES.get(dtype)
    return None


class TensorType:
    """``T.Tensor((rows, cols), dtype)``: the type of a global buffer."""

    def __init__(self, shape, dtype="float32", kind="Tensor"):
        if not isinstance(shape, (tuple, list)):
            shape = (shape,)
        self.shape = tuple(shape)
        self.dtype = dtype
        self.kind = kind

    def __repr__(self):
        return "T.%s(%r, %r)" % (self.kind, self.shape, self.dtype)


class TensorFactory:
    """``T.Tensor`` / ``T.Buffer``: ``T.Tensor(shape, dtype)`` or
    ``T.Buffer[shape, dtype]`` (the older TVMScript spelling)."""

    def __init__(self, kind):
        self.kind = kind

    def __call__(self, shape, dtype="float32"):
        return TensorType(shape, dtype, self.kind)

    def __getitem__(self, key):
        if isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], (tuple, list)):
            return TensorType(key[0], key[1], self.kind)
        return TensorType(key, "float32", self.kind)

    def __repr__(self):
        return "T.%s" % self.kind


class Intrinsic:
    """A construct that only means something inside a ``@T.prim_func``
    (``T.copy``, ``T.Kernel``, ...): the frontend reads it from the AST."""

    def __init__(self, name, doc):
        self.name = name
        self.__doc__ = doc

    def __call__(self, *args, **kwargs):
        raise RuntimeError(
            "T.%s can only be used inside a function decorated with "
            "@T.prim_func (the frontend compiles its source; it is not run)"
            % self.name
        )

    def __repr__(self):
        return "T.%s" % self.name


def ceildiv(a, b):
    """``T.ceildiv(a, b)``: ceil(a / b) of integers known when the function is
    defined (shapes, block sizes)."""
    if not isinstance(a, int) or not isinstance(b, int):
        raise TypeError("T.ceildiv takes integers, got %r and %r" % (a, b))
    if b <= 0:
        raise ZeroDivisionError("T.ceildiv(%d, %d): divisor must be positive" % (a, b))
    return -(-a // b)
