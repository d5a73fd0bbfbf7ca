"""What a ``T.Parallel`` epilogue statement computes, as the kernel's steps.

A statement ``C_local[i, j] = f(C_local[i, j], Bias[col + j])`` is recognized
by value, as ``tl-fuse-linalg-epilogue`` recognizes linalg payloads: the
expression is evaluated at fixed sample points and compared with what the
compute kernel can apply -- the bias added first, then relu, gelu (erf form),
gelu_tanh, silu, sigmoid, tanh or exp, a scaling by one of the expression's
constants, or such a scaling before or after an activation. So ``T.max(x,
0)`` and ``T.if_then_else(x > 0, x, 0)``, or any spelling of the tanh form of
GELU, give the same step.
"""

import math

# Accumulator values the expression is compared at (those of the C++ pass).
SAMPLES = (-9.5, -6.25, -4.0, -3.0, -2.2, -1.6, -1.1, -0.75, -0.5, -0.3, -0.1, 0.0, 0.05,
           0.2, 0.45, 0.8, 1.3, 1.9, 2.6, 3.5, 5.0, 7.75, 10.5)
BIAS_SAMPLES = (-2.5, -0.7, 0.0, 0.3, 1.75)


def _gelu(x):
    return 0.5 * x * math.erfc(-x / math.sqrt(2.0))


def _gelu_tanh(x):
    y = -2.0 * math.sqrt(2.0 / math.pi) * (x + 0.044715 * x * x * x)
    return x / (1.0 + math.exp(y)) if y < 700 else 0.0


def _gelu_fast(x):
    """tt-metal's fast GELU (gelu_tile<true>): 0.5 x plus its six-segment table of 0.5 |x| erf(|x| / sqrt 2)."""
    a = abs(x)
    for end, slope, intercept in ((0.5, 0.1928, -0.0150), (1.0, 0.4939, -0.1605), (1.5, 0.6189, -0.2797),
                                  (2.0, 0.6099, -0.2635), (3.0, 0.5402, -0.1194)):
        if a < end:
            return 0.5 * x + slope * a + intercept
    return 0.5 * x + 0.5 * a


def _sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x)) if x > -700 else 0.0


ACTIVATIONS = {
    "relu": lambda x: x if x > 0 else 0.0,
    "gelu": _gelu,
    "gelu_tanh": _gelu_tanh,
    "silu": lambda x: x * _sigmoid(x),
    "sigmoid": _sigmoid,
    "tanh": math.tanh,
    "exp": lambda x: math.exp(x) if x < 700 else math.inf,
    "gelu_fast": _gelu_fast,
}


def _close(a, b):
    if a is None or b is None or math.isnan(a) or math.isnan(b):
        return False
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= 1e-9 + 1e-6 * max(abs(a), abs(b))


def _f32(value):
    import struct
    return struct.unpack("f", struct.pack("f", value))[0]


def match_steps(f, constants):
    """The steps ``f`` (a function of the accumulator value) matches, as
    ``("activation", name)`` / ``("scale", factor)`` tuples, or None."""
    def matches(g):
        for x in SAMPLES:
            try:
                if not _close(f(x), g(x)):
                    return False
            except (ArithmeticError, ValueError):
                return False
        return True

    if matches(lambda x: x):
        return []
    for name, act in ACTIVATIONS.items():
        if matches(act):
            return [("activation", name)]
    factors = []
    for c in constants:
        if c != 0 and math.isfinite(c):
            factors += [c, 1.0 / c]
    for s in factors:
        sf = _f32(s)
        if matches(lambda x: sf * x):
            return [("scale", sf)]
        for name, act in ACTIVATIONS.items():
            if matches(lambda x: act(sf * x)):
                return [("scale", sf), ("activation", name)]
            if matches(lambda x: sf * act(x)):
                return [("activation", name), ("scale", sf)]
    return None


def adds_bias_first(g):
    """Whether g(x, bias) == g(x + bias, 0) at the sample points."""
    for x in SAMPLES:
        for b in BIAS_SAMPLES:
            try:
                if not _close(g(x, b), g(x + b, 0.0)):
                    return False
            except (ArithmeticError, ValueError):
                return False
    return True
