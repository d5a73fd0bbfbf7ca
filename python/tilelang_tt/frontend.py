"""From a ``@T.prim_func`` to ``tl`` IR text.

The function is not run. Its source is parsed with :mod:`ast` (as TileLang
does) and walked statement by statement:

* Python values (shapes, block sizes, dtypes: ints and strings captured from
  the enclosing function, its globals or the caller's locals) are computed
  while compiling, as TileLang's meta-programming does;
* block indices and loop counters become SSA values, and index arithmetic on
  them (``by * block_M + 32``) becomes ``arith`` ops on ``index``;
* the T constructs become ``tl`` ops in the assembly formats of TLOps.td.

Every op carries ``loc("file.py":line:col)`` of the Python expression it comes
from, so diagnostics of the verifiers and of every pass point at the user's
code. Anything else raises :class:`~tilelang_tt.errors.FrontendError` with the
file, line and column.
"""

import ast
import builtins
import inspect
import linecache
import operator
import sys
import textwrap

import math

from . import _types
from . import epilogue as _epilogue
from .errors import CompileError, FrontendError, UnsupportedConstructError

__all__ = ["PrimFunc", "prim_func"]


def prim_func(func=None, **options):
    """``@T.prim_func``: compile a TileLang function to ``tl`` IR.

    The decorated function is parsed right away; unsupported constructs raise
    :class:`FrontendError` at the decoration. Names the body uses are looked up
    in the function's closure, the caller's local variables (so values used
    only in parameter annotations resolve as well), its globals and a few
    builtins (``range``, ``min``, ``max``, ``abs``, ``int``, ``len``).
    """
    for key in options:
        if key not in ("private", "check_well_formed"):
            raise TypeError("T.prim_func got an unexpected argument %r" % key)
    # Both spellings (@T.prim_func and @T.prim_func()) call this from the
    # scope that defines the function.
    caller_locals = dict(sys._getframe(1).f_locals)

    def decorate(f):
        return PrimFunc(f, caller_locals)

    return decorate if func is None else decorate(func)


class Param:
    """A global buffer parameter: name, logical shape and dtype."""

    def __init__(self, name, shape, dtype, element):
        self.name = name
        self.shape = tuple(shape)
        self.dtype = dtype
        self.element = element

    def __repr__(self):
        return "Param(%r, %r, %r)" % (self.name, self.shape, self.dtype)


class PrimFunc:
    """A TileLang function compiled to ``tl`` IR (``script()``).

    Attributes: ``name``, ``params`` (:class:`Param` per buffer argument, in
    order), ``filename`` (the Python file), ``func`` (the Python function).
    """

    def __init__(self, func, caller_locals=None):
        if not inspect.isfunction(func):
            raise TypeError("T.prim_func decorates a Python function, got %r" % (func,))
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__
        self.__wrapped__ = func
        self.filename = func.__code__.co_filename
        self._caller_locals = caller_locals or {}
        self.params = []
        self.ir = _Codegen(self).run()

    def script(self):
        """The ``tl`` IR text of the function (a module with one func.func),
        with a ``loc(...)`` of the Python source on every op."""
        return self.ir

    def __call__(self, *args, **kwargs):
        raise TypeError(
            "a T.prim_func is not callable; compile it first: "
            "kernel = tilelang_tt.compile(%s); kernel(A, B)" % self.name
        )

    def __repr__(self):
        return "<T.prim_func %s(%s) from %s>" % (
            self.name,
            ", ".join("%s: %s%s" % (p.name, p.dtype, list(p.shape)) for p in self.params),
            self.filename,
        )


# --------------------------------------------------------------------------
# Values the walk works with
# --------------------------------------------------------------------------


class _Scope:
    """A region of the IR being written (function body, kernel, loop)."""

    def __init__(self, what, node):
        self.what = what
        self.node = node
        self.constants = {}


class _Buffer:
    """A memref: a global parameter, a shared buffer or a fragment."""

    def __init__(self, ssa, pyname, shape, element, space, scope, node):
        self.ssa = ssa
        self.pyname = pyname
        self.shape = tuple(shape)
        self.element = element
        self.space = space  # "global", "shared" or "fragment"
        self.scope = scope
        self.node = node

    @property
    def type(self):
        text = "memref<%s>" % "x".join([str(d) for d in self.shape] + [self.element])
        if self.space != "global":
            text = text[:-1] + ", #tl.scope<%s>>" % self.space
        return text


class _Region:
    """``A[i, j]`` or ``A[i:i + 32, j:j + 32]``: a region of a buffer by the
    indices where it starts (and, for slices, where it ends)."""

    def __init__(self, buffer, starts, stops, node):
        self.buffer = buffer
        self.starts = starts
        self.stops = stops
        self.node = node


class _Index:
    """An ``index`` value: a block index, a loop counter, or a sum or product
    of those and integers. Written out as ``arith`` ops only where it is used,
    in the innermost region that can see all of its terms."""

    def __init__(self, op, args, node, affine, ssa=None, scope=None):
        self.op = op  # "var", "add" or "mul"
        self.args = args
        self.node = node
        # {ssa name of a var: coefficient, None: constant}, or None when the
        # value is not affine in the block indices and loop counters.
        self.affine = affine
        self.ssa = ssa
        self.scope = scope
        self.hint = None
        self.materialized = []  # (scope, ssa name)


def _affine_add(a, b):
    if a is None or b is None:
        return None
    out = dict(a)
    for key, value in b.items():
        out[key] = out.get(key, 0) + value
    return {k: v for k, v in out.items() if v != 0 or k is None}


def _affine_scale(a, factor):
    if a is None:
        return None
    return {k: v * factor for k, v in a.items() if v * factor != 0 or k is None}


def _affine_of(value):
    if isinstance(value, _Index):
        return value.affine
    return {None: value}


_PY_BINOPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.LShift: operator.lshift,
    ast.RShift: operator.rshift,
    ast.BitAnd: operator.and_,
    ast.BitOr: operator.or_,
    ast.BitXor: operator.xor,
}
_PY_UNARY = {
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
    ast.Not: operator.not_,
    ast.Invert: operator.invert,
}
_PY_COMPARE = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Is: operator.is_,
    ast.IsNot: operator.is_not,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}
_OP_SPELLING = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.FloorDiv: "//", ast.Mod: "%",
    ast.Div: "/", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>",
    ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^", ast.MatMult: "@",
}

# Builtins a prim_func may use; they run while compiling, on Python values.
_BUILTINS = {"range": range, "min": min, "max": max, "abs": abs, "int": int, "len": len}
_COMPILE_TIME_CALLS = {min, max, abs, int, len, _types.ceildiv}

_STATEMENT_NAMES = {
    ast.While: "while loops", ast.Try: "try statements", ast.Raise: "raise",
    ast.Delete: "del", ast.Global: "global declarations",
    ast.Nonlocal: "nonlocal declarations", ast.Import: "imports",
    ast.ImportFrom: "imports", ast.FunctionDef: "nested functions",
    ast.ClassDef: "class definitions", ast.AnnAssign: "annotated assignments",
    ast.Assert: "assert", ast.Break: "break", ast.Continue: "continue",
    ast.AsyncFor: "async for", ast.AsyncWith: "async with",
    ast.AsyncFunctionDef: "nested functions",
}


def _mlir_string(text):
    out = []
    for ch in text:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.extend("\\%02X" % b for b in ch.encode("utf-8"))
    return '"%s"' % "".join(out)


class _Codegen:
    def __init__(self, prim):
        self.prim = prim
        func = prim.func
        self.filename = prim.filename
        try:
            lines, self.first_line = inspect.getsourcelines(func)
        except (OSError, TypeError) as exc:
            raise CompileError(
                "%s: cannot read the source of %s (%s); T.prim_func needs the "
                "function to be defined in a file" % (self.filename, prim.name, exc)
            ) from None
        source = "".join(lines)
        dedented = textwrap.dedent(source)
        self.margin = 0
        for original, stripped in zip(source.splitlines(), dedented.splitlines()):
            if stripped.strip():
                self.margin = len(original) - len(stripped)
                break
        tree = ast.parse(dedented)
        ast.increment_lineno(tree, self.first_line - 1)
        self.fn = next(
            n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
        )
        self.loc_file = _mlir_string(self.filename)

        # Where names come from, innermost first (after the function's own).
        closure = {}
        if func.__closure__:
            for name, cell in zip(func.__code__.co_freevars, func.__closure__):
                try:
                    closure[name] = cell.cell_contents
                except ValueError:
                    pass
        self.envs = [closure, prim._caller_locals, func.__globals__, _BUILTINS]
        self.vars = {}
        self.lines = []
        self.depth = 0
        self.scopes = []
        self.used_names = set()
        self.global_buffers = []  # parameters, in order
        # What the current T.Kernel body does, for deciding whether it
        # computes the whole C = A * B: ("copy", src, dst, starts, loops),
        # ("gemm", a, b, c, (transpose_a, transpose_b), loops), ("clear", buffer, loops).
        self.events = []
        self.loops = []  # enclosing loops: (counter ssa, count)

    # ---- output ----------------------------------------------------------

    def loc(self, node, name=None):
        """``loc("file.py":line:col)``; with a name, a NameLoc around it, which
        the printer turns back into the value's name (``%A_shared``)."""
        where = "%s:%d:%d" % (self.loc_file, node.lineno, self.col(node))
        if name:
            return "loc(%s(%s))" % (_mlir_string(name), where)
        return "loc(%s)" % where

    def col(self, node):
        return node.col_offset + self.margin + 1

    def emit(self, text, node, name=None):
        self.lines.append("  " * self.depth + text + " " + self.loc(node, name))

    def open(self, text, what, node):
        self.lines.append("  " * self.depth + text + " {")
        self.depth += 1
        scope = _Scope(what, node)
        self.scopes.append(scope)
        return scope

    def close(self, node):
        self.scopes.pop()
        self.depth -= 1
        self.lines.append("  " * self.depth + "} " + self.loc(node))

    def fresh(self, base):
        base = "".join(ch if (ch.isascii() and (ch.isalnum() or ch == "_")) else "_" for ch in base)
        if not base or base[0].isdigit():
            base = "v" + base
        name, n = base, 0
        while name in self.used_names:
            n += 1
            name = "%s_%d" % (base, n)
        self.used_names.add(name)
        return "%" + name

    def error(self, node, message):
        line = linecache.getline(self.filename, node.lineno) or None
        return FrontendError(message, self.filename, node.lineno, self.col(node), line)

    # ---- the function ------------------------------------------------------

    def run(self):
        fn = self.fn
        if isinstance(fn, ast.AsyncFunctionDef):
            raise self.error(fn, "a T.prim_func cannot be async")
        args = fn.args
        for extra, what in ((args.vararg, "*args"), (args.kwarg, "**kwargs")):
            if extra is not None:
                raise self.error(extra, "%s parameters are not supported in a T.prim_func" % what)
        if args.kwonlyargs or args.posonlyargs:
            node = (args.kwonlyargs or args.posonlyargs)[0]
            raise self.error(node, "keyword-only and positional-only parameters are not supported")
        if args.defaults:
            raise self.error(args.defaults[0], "parameters of a T.prim_func cannot have defaults")

        function_scope = _Scope("function", fn)
        self.scopes.append(function_scope)
        annotations = getattr(self.prim.func, "__annotations__", {})
        signature = []
        for arg in args.args:
            ttype = annotations.get(arg.arg)
            anchor = arg.annotation or arg
            if not isinstance(ttype, _types.TensorType):
                if arg.annotation is None:
                    raise self.error(
                        arg, "parameter '%s' needs a T.Tensor((rows, cols), dtype) annotation" % arg.arg
                    )
                ttype = self.python_value(arg.annotation, "a parameter annotation")
                if not isinstance(ttype, _types.TensorType):
                    raise self.error(
                        anchor,
                        "parameter '%s' must be annotated T.Tensor((rows, cols), dtype), got %r"
                        % (arg.arg, ttype),
                    )
            shape = self.check_shape(ttype.shape, anchor, "parameter '%s'" % arg.arg, batch=True)
            element = self.check_dtype(ttype.dtype, anchor)
            ssa = self.fresh(arg.arg)
            buffer = _Buffer(ssa, arg.arg, shape, element, "global", function_scope, arg)
            self.vars[arg.arg] = buffer
            self.global_buffers.append(buffer)
            self.prim.params.append(Param(arg.arg, shape, ttype.dtype, element))
            storage = _types.storage_format(ttype.dtype)
            attrs = " {tt.format = #tt.format<%s>}" % storage if storage else ""
            signature.append("%s: %s%s %s" % (ssa, buffer.type, attrs, self.loc(arg, ssa[1:])))

        self.lines.append("func.func @%s(%s) {" % (self.symbol(self.prim.name), ", ".join(signature)))
        self.depth = 1
        body = fn.body
        for i, stmt in enumerate(body):
            if isinstance(stmt, ast.Return) and stmt.value is None and i == len(body) - 1:
                break
            self.statement(stmt)
        end = body[-1]
        self.emit("return", end)
        self.depth = 0
        self.lines.append("} " + self.loc(fn))
        self.scopes.pop()
        return "\n".join(self.lines) + "\n"

    @staticmethod
    def symbol(name):
        if name and all(ch.isascii() and (ch.isalnum() or ch in "_$.") for ch in name) and not name[0].isdigit():
            return name
        return _mlir_string(name)

    def check_shape(self, shape, node, what, batch=False):
        """A buffer's shape: (rows, cols), or for a parameter (batch, rows,
        cols), a batch of matrices."""
        shape = tuple(shape)
        if len(shape) != 2 and not (batch and len(shape) in (1, 3)):
            raise self.error(
                node, "%s has shape %r: only %s are supported"
                % (what, shape, "matrices (rows, cols), batches of them (batch, rows, cols) and "
                   "vectors (n,) (a bias)" if batch else "2-D buffers (rows, cols)")
            )
        for dim in shape:
            if isinstance(dim, bool) or not isinstance(dim, int):
                raise self.error(
                    node, "%s has shape %r: dimensions must be integers known when the function is defined"
                    % (what, shape)
                )
            if dim <= 0:
                raise self.error(node, "%s has shape %r: dimensions must be positive" % (what, shape))
        return shape

    def check_dtype(self, dtype, node):
        element = _types.element_type(dtype)
        if element is None:
            raise self.error(
                node,
                "dtype %r is not supported on Tenstorrent; use 'float16' or 'bfloat16' "
                "(both bf16, Float16_b), 'float32' / 'float', or 'bfloat8_b' / 'bfloat4_b' for a "
                "matmul input stored as block floating point" % (dtype,),
            )
        return element

    # ---- statements --------------------------------------------------------

    def statement(self, node):
        if isinstance(node, ast.Expr):
            if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                return  # docstring
            if isinstance(node.value, ast.Call):
                return self.call_statement(node.value)
            raise self.error(node, "this expression statement has no effect in a T.prim_func")
        if isinstance(node, ast.Assign):
            return self.assign(node)
        if isinstance(node, ast.AugAssign):
            if not isinstance(node.target, ast.Name):
                raise self.error(node.target, "only names can be assigned to")
            current = self.lookup(node.target.id, node.target)
            value = self.binop(node.op, current, self.expr(node.value), node)
            return self.bind(node.target, value)
        if isinstance(node, ast.With):
            return self.kernel(node)
        if isinstance(node, ast.For):
            return self.loop(node)
        if isinstance(node, ast.If):
            test = self.python_value(node.test, "an if condition")
            for stmt in node.body if test else node.orelse:
                self.statement(stmt)
            return None
        if isinstance(node, ast.Pass):
            return None
        if isinstance(node, ast.Return):
            if node.value is not None:
                raise self.error(node, "a T.prim_func returns nothing; write results to an output buffer with T.copy")
            raise self.error(node, "return is only supported as the last statement of a T.prim_func")
        what = _STATEMENT_NAMES.get(type(node), "'%s' statements" % type(node).__name__)
        raise self.error(node, "%s are not supported in a T.prim_func" % what)

    def assign(self, node):
        if len(node.targets) != 1:
            raise self.error(node, "chained assignments are not supported")
        target = node.targets[0]
        value_node = node.value
        if isinstance(value_node, ast.Call):
            callee = self.expr(value_node.func)
            if isinstance(callee, _types.Intrinsic) and callee.name in ("alloc_shared", "alloc_fragment"):
                if not isinstance(target, ast.Name):
                    raise self.error(target, "assign T.%s to a single name" % callee.name)
                return self.bind(target, self.alloc(callee.name, value_node, target.id))
        value = self.expr(value_node)
        if isinstance(target, ast.Name):
            return self.bind(target, value)
        if isinstance(target, (ast.Tuple, ast.List)):
            if not isinstance(value, (tuple, list)) or len(value) != len(target.elts):
                raise self.error(node, "cannot unpack %r into %d names" % (value, len(target.elts)))
            for element, item in zip(target.elts, value):
                if not isinstance(element, ast.Name):
                    raise self.error(element, "only names can be assigned to")
                self.bind(element, item)
            return None
        raise self.error(target, "only names can be assigned to (not %s)" % type(target).__name__)

    def bind(self, target, value):
        if isinstance(value, _Index) and value.op != "var" and value.hint is None:
            value.hint = target.id
        self.vars[target.id] = value

    def alloc(self, kind, call, pyname):
        # scope ("shared.dyn", ...) is where a GPU puts the buffer: accepted, ignored.
        args = self.call_arguments(call, ("shape", "dtype", "scope"), 1)
        shape = self.python_value(args["shape"], "a buffer shape")
        if not isinstance(shape, (tuple, list)):
            shape = (shape,)
        shape = self.check_shape(shape, args["shape"], "T.%s" % kind)
        dtype = self.python_value(args["dtype"], "a dtype") if "dtype" in args else "float16"
        element = self.check_dtype(dtype, args.get("dtype", call))
        space = "shared" if kind == "alloc_shared" else "fragment"
        ssa = self.fresh(pyname)
        buffer = _Buffer(ssa, pyname, shape, element, space, self.scopes[-1], call)
        self.emit("%s = tl.%s : %s" % (ssa, kind, buffer.type), call, ssa[1:])
        return buffer

    def call_arguments(self, call, names, required):
        """Maps positional and keyword arguments to `names` (AST nodes); the
        first `required` names must be given."""
        if len(call.args) > len(names):
            raise self.error(call.args[len(names)], "too many arguments (at most %d)" % len(names))
        args = dict(zip(names, call.args))
        for keyword in call.keywords:
            if keyword.arg is None:
                raise self.error(keyword.value, "**kwargs are not supported in a T.prim_func")
            if keyword.arg not in names:
                raise self.error(keyword, "argument '%s' is not supported by tilelang_tt" % keyword.arg)
            if keyword.arg in args:
                raise self.error(keyword, "argument '%s' given twice" % keyword.arg)
            args[keyword.arg] = keyword.value
        for name in names[:required]:
            if name not in args:
                raise self.error(call, "missing argument '%s'" % name)
        for arg in call.args:
            if isinstance(arg, ast.Starred):
                raise self.error(arg, "*args are not supported in a T.prim_func")
        return args

    def kernel(self, node):
        item = node.items[0]
        call = item.context_expr
        callee = self.expr(call.func) if isinstance(call, ast.Call) else None
        if len(node.items) != 1 or not (isinstance(callee, _types.Intrinsic) and callee.name == "Kernel"):
            raise self.error(node, "only `with T.Kernel(...) as (bx, by):` is supported")
        extents = []
        for arg in call.args:
            if isinstance(arg, ast.Starred):
                raise self.error(arg, "*args are not supported in a T.prim_func")
            value = self.expr(arg)
            if isinstance(value, bool) or not isinstance(value, int):
                raise self.error(
                    arg, "T.Kernel extents must be integers known when the function is defined, got %s"
                    % self.describe(value)
                )
            extents.append(value)
        for keyword in call.keywords:
            if keyword.arg == "threads":
                continue  # one Tensix core runs a block: there are no threads to count
            raise self.error(
                keyword if keyword.arg else keyword.value,
                "T.Kernel argument '%s' is not supported by tilelang_tt" % keyword.arg,
            )
        if not 1 <= len(extents) <= 3:
            raise self.error(call, "T.Kernel takes 1 to 3 grid extents, got %d" % len(extents))
        targets = item.optional_vars
        if targets is None:
            names = []
        elif isinstance(targets, ast.Name):
            names = [targets]
        elif isinstance(targets, (ast.Tuple, ast.List)) and all(isinstance(t, ast.Name) for t in targets.elts):
            names = list(targets.elts)
        else:
            raise self.error(targets, "bind the block indices to names: `as (bx, by)`")
        if names and len(names) != len(extents):
            raise self.error(
                targets, "T.Kernel has %d grid extents but binds %d block indices" % (len(extents), len(names))
            )
        default = ["bx", "by", "bz"]
        ssas = [self.fresh(names[i].id if names else default[i]) for i in range(len(extents))]
        arguments = ", ".join(
            "%s %s" % (ssa, self.loc(names[i] if names else call)) for i, ssa in enumerate(ssas)
        )
        header = len(self.lines)
        scope = self.open(
            "tl.kernel [%s] as (%s)" % (", ".join(str(e) for e in extents), arguments), "T.Kernel", node
        )
        for name, ssa in zip(names, ssas):
            self.vars[name.id] = _Index("var", (), name, {ssa: 1, None: 0}, ssa=ssa, scope=scope)
        self.events = []
        for stmt in node.body:
            self.statement(stmt)
        if self.computes_whole_matmul(extents, ssas):
            # The kernel says so, and the emitted program checks it against
            # a reference matmul.
            self.lines[header] = self.lines[header][: -len(" {")] + " whole_matmul {"
        self.close(call)

    def computes_whole_matmul(self, extents, block_ssas):
        """Whether the traced kernel is the canonical GEMM over the whole
        parameters A, B, C (in that order)::

            T.clear(C_local)
            for k in T.Pipelined(K // bk):
                T.copy(A[by * bm, k * bk], A_shared)
                T.copy(B[k * bk, bx * bn], B_shared)
                T.gemm(A_shared, B_shared, C_local)
            T.copy(C_local, C[by * bm, bx * bn])

        with the grid and the K loop covering M, N and K exactly. With
        ``transpose_A`` / ``transpose_B`` the operand is stored transposed
        (A as K x M, B as N x K, as TileLang's transposed GEMMs declare
        them) and its block and copy indices are swapped. A batch is the third
        extent, ``T.Kernel(gx, gy, batch) as (bx, by, bz)``: C and A or B are
        (batch, rows, cols) and indexed ``[bz, row, col]``; an operand of two
        dimensions is shared by every matrix of the batch."""
        # A fused bias is a fourth parameter, a vector of N values read at
        # the block's column.
        biases = [e for e in self.events if e[0] == "bias"]
        if len(extents) not in (2, 3) or len(self.global_buffers) != 3 + len(biases) or len(biases) > 1:
            return False
        if biases and biases[0][2] is not self.global_buffers[3]:
            return False
        gemms = [e for e in self.events if e[0] == "gemm"]
        copies = [e for e in self.events if e[0] == "copy"]
        if len(gemms) != 1 or len(copies) not in (3, 4):
            return False
        _, a, b, c, (transpose_a, transpose_b), loops = gemms[0]
        if len(loops) != 1:
            return False
        (k, count), = loops
        bx, by = block_ssas[:2]
        bz = block_ssas[2] if len(extents) == 3 else None
        batch = extents[2] if bz is not None else None
        A, B, C = self.global_buffers[:3]
        # Batched buffers hold `batch` matrices and are indexed by bz first;
        # C is batched exactly when the grid is.
        batched = {buf: len(buf.shape) == 3 for buf in (A, B, C)}
        if batched[C] != (bz is not None) or (bz is not None and not (batched[A] or batched[B])):
            return False
        if any(batched[buf] and buf.shape[0] != batch for buf in (A, B, C)):
            return False
        loads = {e[2]: e for e in copies if e[1].space == "global"}
        stores = [e for e in copies if e[2].space == "global"]
        if a not in loads or b not in loads or len(stores) != 1 or stores[0][1] is not c:
            return False
        # C = A * B clears the accumulator first; C += A * B loads it from
        # the same region of C it is stored to (T.copy(C[...], C_local)).
        cleared = any(e[0] == "clear" and e[1] is c and not e[2] for e in self.events)
        initial = loads.get(c)
        if initial is not None and (cleared or initial[1] is not stores[0][2] or initial[4]
                                    or initial[3] != stores[0][3]):
            return False
        if not cleared and initial is None:
            return False
        load_a, load_b, store = loads[a], loads[b], stores[0]
        if [load_a[1], load_b[1], store[2]] != self.global_buffers[:3]:
            return False
        if load_a[4] != loops or load_b[4] != loops or store[4]:
            return False

        def matrix_starts(copy, buffer):
            # The region's start in its matrix; None when a batched buffer is
            # not indexed by bz.
            starts = copy[3]
            if not batched[buffer]:
                return starts
            if {key: v for key, v in starts[0].items() if v != 0} != {bz: 1}:
                return None
            return starts[1:]

        a_starts, b_starts, c_starts = (matrix_starts(load_a, A), matrix_starts(load_b, B),
                                        matrix_starts(store, C))
        if a_starts is None or b_starts is None or c_starts is None:
            return False
        if initial is not None and matrix_starts(initial, C) is None:
            return False
        def stored(pair, transposed):
            return tuple(reversed(pair)) if transposed else tuple(pair)

        bm, bk = stored(a.shape, transpose_a)
        bn = stored(b.shape, transpose_b)[1]

        def scaled(affine, var, factor):
            terms = {key: value for key, value in (affine or {None: 1}).items() if value != 0}
            return terms == {var: factor}

        a_row, a_col = stored(a_starts, transpose_a)
        b_row, b_col = stored(b_starts, transpose_b)
        if biases and not (scaled(biases[0][3], bx, bn) and biases[0][2].shape[0] == C.shape[-1]):
            return False
        if not (scaled(a_row, by, bm) and scaled(a_col, k, bk)
                and scaled(b_row, k, bk) and scaled(b_col, bx, bn)
                and scaled(c_starts[0], by, bm) and scaled(c_starts[1], bx, bn)):
            return False
        # The blocks cover C and the K loop covers K, the last block reaching
        # into the zero padding of a partial tile (T.ceildiv grids).
        gx, gy = extents[:2]
        (M, K), (K2, N) = stored(A.shape[-2:], transpose_a), stored(B.shape[-2:], transpose_b)

        def covers(extent, block, size):
            return (extent - 1) * block < size <= extent * block

        return (K == K2 and C.shape[-2:] == (M, N) and covers(gy, bm, M) and covers(count, bk, K)
                and covers(gx, bn, N))

    def loop(self, node):
        if node.orelse:
            raise self.error(node, "for ... else is not supported")
        # What is iterated over first: an unsupported T construct (T.Parallel)
        # says why before its loop counters are looked at.
        call = node.iter
        callee = self.expr(call.func) if isinstance(call, ast.Call) else None
        if isinstance(callee, _types.Intrinsic) and callee.name == "Parallel":
            return self.parallel(node, call)
        if not isinstance(node.target, ast.Name):
            raise self.error(node.target, "the loop counter must be a single name")
        stages = 1
        if isinstance(callee, _types.Intrinsic) and callee.name == "Pipelined":
            args = self.call_arguments(call, ("start", "stop", "num_stages"), 1)
            if "num_stages" in args:
                stages = self.python_int(args["num_stages"], "num_stages")
                if stages < 0:
                    raise self.error(args["num_stages"], "num_stages must not be negative")
                # num_stages=0 (TileLang's default) means no overlap: one stage.
                stages = max(stages, 1)
            what = "T.Pipelined"
        elif (isinstance(callee, _types.Intrinsic) and callee.name == "serial") or callee is range:
            args = self.call_arguments(call, ("start", "stop", "step"), 1)
            what = "range" if callee is range else "T.serial"
            if "step" in args and self.python_int(args["step"], "the step") != 1:
                raise self.error(args["step"], "%s steps other than 1 are not supported" % what)
        else:
            raise self.error(
                node.iter,
                "for loops must iterate over T.Pipelined(n, num_stages=s), T.serial(n) or range(n)",
            )
        if "stop" in args:
            start = self.python_int(args["start"], "the loop start")
            if start != 0:
                raise self.error(args["start"], "loops must start at 0 (got %d)" % start)
            count = self.python_int(args["stop"], "the loop extent")
        else:
            count = self.python_int(args["start"], "the loop extent")
        ssa = self.fresh(node.target.id)
        scope = self.open(
            "tl.pipelined %s in %d stages %d" % (ssa, count, stages), what, node
        )
        self.vars[node.target.id] = _Index("var", (), node.target, {ssa: 1, None: 0}, ssa=ssa, scope=scope)
        self.loops.append((ssa, count))
        for stmt in node.body:
            self.statement(stmt)
        self.loops.pop()
        self.close(call)

    # ---- T.Parallel epilogues ------------------------------------------------

    _EPILOGUE_FUNCTIONS = {
        "max": lambda a, b: a if a >= b else b,
        "min": lambda a, b: a if a <= b else b,
        "exp": lambda x: math.exp(x) if x < 700 else math.inf,
        "tanh": math.tanh,
        "sigmoid": lambda x: 1.0 / (1.0 + math.exp(-x)) if x > -700 else 0.0,
        "erf": math.erf,
        "sqrt": math.sqrt,
        "abs": lambda x: -x if x < 0 else x,
        "if_then_else": lambda c, a, b: a if c else b,
        "gelu_fast": _epilogue._gelu_fast,
    }
    _MATH_FUNCTIONS = {math.exp: "exp", math.tanh: "tanh", math.erf: "erf", math.sqrt: "sqrt"}

    def parallel(self, node, call):
        """``for i, j in T.Parallel(rows, cols):`` over the accumulator: each
        statement is a step of the fused epilogue."""
        target = node.target
        if not (isinstance(target, ast.Tuple) and len(target.elts) == 2
                and all(isinstance(e, ast.Name) for e in target.elts)):
            raise self.error(target, "T.Parallel over a fragment binds two loop counters: "
                             "for i, j in T.Parallel(rows, cols)")
        if call.keywords or len(call.args) != 2:
            raise self.error(call, "T.Parallel takes the fragment's two extents: T.Parallel(rows, cols)")
        extents = tuple(self.python_int(a, "a T.Parallel extent") for a in call.args)
        if node.orelse:
            raise self.error(node, "for ... else is not supported")
        counters = tuple(e.id for e in target.elts)
        # Names the body binds (x = C_local[i, j] + Bias[...]): their
        # expressions, used where the names are.
        named = {}
        for stmt in node.body:
            if (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                    and isinstance(stmt.targets[0], ast.Name)):
                if stmt.targets[0].id in counters:
                    raise self.error(stmt.targets[0], "the loop counters of T.Parallel cannot be assigned")
                state = {"bias": None, "constants": [], "fragment": None, "named": named}
                named[stmt.targets[0].id] = (
                    self.epilogue_function(stmt.value, None, counters, state), state)
                continue
            self.epilogue_statement(stmt, counters, extents, named)

    def epilogue_statement(self, stmt, counters, extents, named):
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AugAssign):
            target = stmt.target
            value = ast.copy_location(ast.BinOp(left=ast.Subscript(
                value=target.value, slice=target.slice, ctx=ast.Load()), op=stmt.op,
                right=stmt.value), stmt)
        else:
            raise self.error(stmt, "a T.Parallel epilogue holds assignments to the accumulator: "
                             "C_local[i, j] = f(C_local[i, j], Bias[bx * block_N + j])")
        fragment = self.fragment_element(target, counters)
        if fragment is None:
            raise self.error(target, "a T.Parallel epilogue assigns the accumulator element "
                             "fragment[%s, %s]" % counters)
        if fragment.shape != extents:
            raise self.error(stmt, "T.Parallel%r must cover the fragment '%s' %r"
                             % (extents, fragment.pyname, fragment.shape))
        state = {"bias": None, "constants": [], "fragment": fragment, "named": named}
        g = self.epilogue_function(value, fragment, counters, state)
        if state["fragment"] is not fragment:
            raise self.error(value, "a T.Parallel epilogue computes the accumulator element from "
                             "itself: %s[i, j] = f(%s[i, j], ...)" % (fragment.pyname, fragment.pyname))
        bias = state["bias"]
        if bias is not None and not _epilogue.adds_bias_first(g):
            raise self.error(value, "the fused epilogue adds the bias to the accumulator before "
                             "anything else: write f(C_local[i, j] + Bias[...])")
        steps = _epilogue.match_steps(lambda x: g(x, 0.0), state["constants"])
        if steps is None:
            raise self.error(value, "cannot map this expression to the compute kernel's epilogue: "
                             "it is none of relu (T.max(x, 0)), gelu (erf or tanh form), silu, "
                             "sigmoid, tanh, exp, a scaling by one of its constants, or a scaling "
                             "with one of them (of x = %s[i, j]%s)"
                             % (fragment.pyname, " + bias" if bias else ""))
        if bias is not None:
            buffer, start, index_node = bias
            col = self.materialize(start, index_node)
            self.emit("tl.add_bias %s[%s] to %s : %s to %s"
                      % (buffer.ssa, col, fragment.ssa, buffer.type, fragment.type), stmt)
            self.events.append(("bias", fragment, buffer, _affine_of(start)))
        for kind, arg in steps:
            if kind == "activation":
                self.emit("tl.activation <%s> %s : %s" % (arg, fragment.ssa, fragment.type), stmt)
            else:
                self.emit("tl.scale %s by %s : %s" % (fragment.ssa, repr(float(arg)), fragment.type),
                          stmt)
            self.events.append(("step", fragment, kind, arg))

    def fragment_element(self, node, counters):
        """The fragment of ``fragment[i, j]`` (the loop's counters in order), or None."""
        if not isinstance(node, ast.Subscript) or not isinstance(node.slice, ast.Tuple):
            return None
        indices = node.slice.elts
        if len(indices) != 2 or [getattr(e, "id", None) for e in indices] != list(counters):
            return None
        buffer = self.expr(node.value)
        if not isinstance(buffer, _Buffer) or buffer.space != "fragment":
            return None
        self.check_visible(buffer, node.value)
        return buffer

    def epilogue_function(self, node, fragment, counters, state):
        """A Python function (x, bias) -> value of the expression ``node``,
        where x is the accumulator element and bias the bias element."""
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) \
                and not isinstance(node.value, bool):
            value = float(node.value)
            state["constants"].append(value)
            return lambda x, b: value
        if isinstance(node, ast.Subscript):
            element = self.fragment_element(node, counters)
            if element is not None:
                if state["fragment"] not in (None, element):
                    raise self.error(node, "a T.Parallel epilogue reads one accumulator")
                state["fragment"] = element
                return lambda x, b: x
            return self.epilogue_bias(node, counters, state)
        if isinstance(node, ast.Name) and node.id in state["named"]:
            g, inner = state["named"][node.id]
            state["constants"].extend(inner["constants"])
            for key in ("fragment", "bias"):
                if inner[key] is not None:
                    mine = state[key][0] if key == "bias" and state[key] else state[key]
                    theirs = inner[key][0] if key == "bias" else inner[key]
                    if mine is not None and mine is not theirs:
                        raise self.error(node, "a T.Parallel epilogue reads one accumulator and "
                                         "one bias")
                    state[key] = inner[key]
            return g
        if isinstance(node, ast.Name) and node.id in counters:
            raise self.error(node, "the loop counters of T.Parallel index the accumulator and the "
                             "bias only")
        if isinstance(node, ast.BinOp) and type(node.op) in (ast.Add, ast.Sub, ast.Mult, ast.Div):
            fn = _PY_BINOPS[type(node.op)]
            left = self.epilogue_function(node.left, fragment, counters, state)
            right = self.epilogue_function(node.right, fragment, counters, state)
            return lambda x, b: fn(left(x, b), right(x, b))
        if isinstance(node, ast.UnaryOp) and type(node.op) in (ast.USub, ast.UAdd):
            fn = _PY_UNARY[type(node.op)]
            operand = self.epilogue_function(node.operand, fragment, counters, state)
            return lambda x, b: fn(operand(x, b))
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and \
                type(node.ops[0]) in (ast.Lt, ast.LtE, ast.Gt, ast.GtE):
            fn = _PY_COMPARE[type(node.ops[0])]
            left = self.epilogue_function(node.left, fragment, counters, state)
            right = self.epilogue_function(node.comparators[0], fragment, counters, state)
            return lambda x, b: 1.0 if fn(left(x, b), right(x, b)) else 0.0
        if isinstance(node, ast.Call) and not node.keywords:
            callee = self.expr(node.func)
            name = callee.name if isinstance(callee, _types.Intrinsic) else self._MATH_FUNCTIONS.get(callee)
            fn = self._EPILOGUE_FUNCTIONS.get(name)
            if fn is not None:
                args = [self.epilogue_function(a, fragment, counters, state) for a in node.args]
                return lambda x, b: fn(*(a(x, b) for a in args))
            raise self.error(node, "%s has no counterpart in the compute kernel's epilogue (it "
                             "applies T.max, T.min, T.exp, T.tanh, T.sigmoid, T.erf, T.sqrt, "
                             "T.abs, T.if_then_else and T.gelu_fast to the accumulator)"
                             % self.describe(callee))
        value = self.expr(node)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = float(value)
            state["constants"].append(value)
            return lambda x, b: value
        raise self.error(node, "%s cannot be part of a fused epilogue" % self.describe(value))

    def epilogue_bias(self, node, counters, state):
        """``Bias[start + j]``: a vector parameter indexed by the column."""
        buffer = self.expr(node.value)
        if not isinstance(buffer, _Buffer) or buffer.space != "global" or len(buffer.shape) != 1:
            raise self.error(node, "a fused epilogue reads the accumulator element and one bias "
                             "vector indexed by the column (Bias[bx * block_N + j])")
        index = node.slice
        j = counters[1]
        if isinstance(index, ast.Name) and index.id == j:
            start = 0
        elif isinstance(index, ast.BinOp) and isinstance(index.op, ast.Add) and any(
                isinstance(side, ast.Name) and side.id == j for side in (index.left, index.right)):
            other = index.left if getattr(index.right, "id", None) == j else index.right
            start = self.index_value(other)
        else:
            raise self.error(index, "the bias is indexed by the column: %s[start + %s]"
                             % (buffer.pyname, j))
        if state["bias"] is not None and state["bias"][0] is not buffer:
            raise self.error(node, "a fused epilogue adds one bias vector")
        state["bias"] = (buffer, start, index)
        return lambda x, b: b

    def call_statement(self, call):
        callee = self.expr(call.func)
        if not isinstance(callee, _types.Intrinsic):
            raise self.error(
                call, "calling %s has no effect in a T.prim_func; statements are T.clear, T.fill, "
                "T.copy and T.gemm" % self.describe(callee)
            )
        name = callee.name
        if name == "clear":
            args = self.call_arguments(call, ("buffer",), 1)
            buffer = self.buffer_operand(args["buffer"], "T.clear")
            self.events.append(("clear", buffer, tuple(self.loops)))
            self.emit("tl.clear %s : %s" % (buffer.ssa, buffer.type), call)
        elif name == "fill":
            args = self.call_arguments(call, ("buffer", "value"), 2)
            buffer = self.buffer_operand(args["buffer"], "T.fill")
            value = self.python_value(args["value"], "the fill value")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value != 0:
                raise self.error(args["value"], "T.fill supports only the value 0 (got %r)" % (value,))
            self.events.append(("clear", buffer, tuple(self.loops)))
            self.emit("tl.clear %s : %s" % (buffer.ssa, buffer.type), call)
        elif name == "copy":
            self.copy(call)
        elif name == "gemm":
            self.gemm(call)
        elif name in ("alloc_shared", "alloc_fragment"):
            raise self.error(call, "assign the buffer to a name: X = T.%s(...)" % name)
        elif name == "Kernel":
            raise self.error(call, "T.Kernel is used as `with T.Kernel(...) as (bx, by):`")
        else:
            raise self.error(call, "T.%s is used as `for k in T.%s(...):`" % (name, name))

    def copy(self, call):
        args = self.call_arguments(call, ("src", "dst"), 2)
        src = self.expr(args["src"])
        dst = self.expr(args["dst"])
        for value, node in ((src, args["src"]), (dst, args["dst"])):
            if not isinstance(value, (_Buffer, _Region)):
                raise self.error(node, "T.copy copies between buffers, got %s" % self.describe(value))
        src_buffer = src.buffer if isinstance(src, _Region) else src
        dst_buffer = dst.buffer if isinstance(dst, _Region) else dst
        for value, node in ((src, args["src"]), (dst, args["dst"])):
            self.check_visible(value.buffer if isinstance(value, _Region) else value, node)
        # The region's shape is the local buffer's: check slice extents.
        local = dst_buffer if src_buffer.space == "global" else src_buffer
        src_indices = self.region_indices(src, local, args["src"])
        dst_indices = self.region_indices(dst, local, args["dst"])

        def operand(buffer, indices):
            return buffer.ssa + ("[%s]" % ", ".join(indices) if indices else "")

        # Where the global side's region starts, as affine forms.
        global_side = src if src_buffer.space == "global" else dst
        if isinstance(global_side, _Region):
            starts = [_affine_of(start) for start in global_side.starts]
        else:
            starts = [{None: 0} for _ in src_buffer.shape]
        self.events.append(("copy", src_buffer, dst_buffer, starts, list(self.loops)))

        self.emit(
            "tl.copy %s to %s : %s to %s"
            % (operand(src_buffer, src_indices), operand(dst_buffer, dst_indices), src_buffer.type, dst_buffer.type),
            call,
        )

    def region_indices(self, value, local, node):
        if isinstance(value, _Buffer):
            if value.space != "global":
                return []
            return [self.materialize(0, node) for _ in value.shape]
        buffer = value.buffer
        if len(value.starts) != len(buffer.shape):
            raise self.error(
                value.node, "'%s' has %d dimensions but is indexed with %d"
                % (buffer.pyname, len(buffer.shape), len(value.starts))
            )
        # A batched buffer's first index picks a matrix; the region lies in it.
        leading = len(buffer.shape) - len(local.shape)
        for dim, (start, stop) in enumerate(zip(value.starts, value.stops)):
            if stop is None:
                continue
            extent = None
            difference = _affine_add(_affine_of(stop), _affine_scale(_affine_of(start), -1))
            if difference is not None and set(difference) <= {None}:
                extent = difference.get(None, 0)
            if extent is None:
                raise self.error(
                    value.node, "cannot tell the extent of the slice in dimension %d; write the start "
                    "index only (A[row, col]): the region has the local buffer's shape" % dim
                )
            if local is not buffer and dim < leading and extent != 1:
                raise self.error(
                    value.node, "the slice in dimension %d has %d elements but picks one matrix of "
                    "the batch: write its index alone (%s[bz, row, col])" % (dim, extent, buffer.pyname)
                )
            if local is not buffer and dim >= leading and extent != local.shape[dim - leading]:
                raise self.error(
                    value.node, "the slice in dimension %d has %d elements but '%s' has %d"
                    % (dim, extent, local.pyname, local.shape[dim - leading])
                )
        return [self.materialize(start, node) for start in value.starts]

    def gemm(self, call):
        args = self.call_arguments(
            call,
            ("A", "B", "C", "transpose_A", "transpose_B", "policy", "clear_accum", "k_pack", "wg_wait"),
            3,
        )
        operands = [self.buffer_operand(args[name], "T.gemm") for name in ("A", "B", "C")]
        flags = []
        for name in ("transpose_A", "transpose_B"):
            if name in args:
                value = self.python_value(args[name], name)
                if not isinstance(value, (bool, int)):
                    raise self.error(args[name], "%s must be True or False" % name)
                if value:
                    flags.append(name.lower())
        # policy is how GPU warps split the tile; a Tensix core has none.
        for name, default in (("clear_accum", False), ("k_pack", 1), ("wg_wait", 0)):
            if name in args and self.python_value(args[name], name) != default:
                raise self.error(args[name], "T.gemm %s=%r is not supported by tilelang_tt"
                                 % (name, self.python_value(args[name], name)))
        a, b, c = operands
        transposes = ("transpose_a" in flags, "transpose_b" in flags)
        self.events.append(("gemm", a, b, c, transposes, list(self.loops)))
        self.emit(
            "tl.gemm %s, %s, %s%s : %s, %s, %s"
            % (a.ssa, b.ssa, c.ssa, "".join(" " + f for f in flags), a.type, b.type, c.type),
            call,
        )

    def buffer_operand(self, node, what):
        value = self.expr(node)
        if not isinstance(value, _Buffer):
            raise self.error(node, "%s takes whole buffers, got %s" % (what, self.describe(value)))
        self.check_visible(value, node)
        return value

    def check_visible(self, value, node):
        if value.scope not in self.scopes:
            raise self.error(
                node, "'%s' belongs to the %s at line %d, which has ended"
                % (value.pyname if isinstance(value, _Buffer) else value.ssa[1:],
                   value.scope.what, value.scope.node.lineno)
            )

    # ---- expressions ---------------------------------------------------------

    def lookup(self, name, node):
        if name in self.vars:
            return self.vars[name]
        for env in self.envs:
            if name in env:
                return env[name]
        # Other builtins resolve so that using them gets a precise error.
        if hasattr(builtins, name):
            return getattr(builtins, name)
        raise self.error(node, "name '%s' is not defined" % name)

    def python_value(self, node, what):
        value = self.expr(node)
        if isinstance(value, (_Index, _Buffer, _Region)):
            raise self.error(
                node, "%s must be known when the function is defined, got %s" % (what, self.describe(value))
            )
        return value

    def python_int(self, node, what):
        value = self.python_value(node, what)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(node, "%s must be an integer, got %r" % (what, value))
        return value

    def describe(self, value):
        if isinstance(value, _Buffer):
            return "buffer '%s'" % value.pyname
        if isinstance(value, _Region):
            return "a region of '%s'" % value.buffer.pyname
        if isinstance(value, _Index):
            return "an index computed at run time"
        if isinstance(value, _types.Intrinsic):
            return "T.%s" % value.name
        if value is _types.ceildiv:
            return "T.ceildiv"
        if callable(value):
            return "'%s'" % getattr(value, "__name__", repr(value))
        return repr(value)

    def expr(self, node):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return self.lookup(node.id, node)
        if isinstance(node, ast.Attribute):
            return self.attribute(node)
        if isinstance(node, (ast.Tuple, ast.List)):
            return tuple(self.expr(e) for e in node.elts)
        if isinstance(node, ast.BinOp):
            return self.binop(node.op, self.expr(node.left), self.expr(node.right), node)
        if isinstance(node, ast.UnaryOp):
            operand = self.python_value(node.operand, "the operand of a unary operator")
            return self.python_op(_PY_UNARY[type(node.op)], (operand,), node)
        if isinstance(node, ast.Compare):
            left = self.python_value(node.left, "a comparison")
            for op, right_node in zip(node.ops, node.comparators):
                right = self.python_value(right_node, "a comparison")
                if not self.python_op(_PY_COMPARE[type(op)], (left, right), node):
                    return False
                left = right
            return True
        if isinstance(node, ast.BoolOp):
            is_and = isinstance(node.op, ast.And)
            value = None
            for operand in node.values:
                value = self.python_value(operand, "a condition")
                if bool(value) != is_and:
                    return value
            return value
        if isinstance(node, ast.IfExp):
            test = self.python_value(node.test, "a condition")
            return self.expr(node.body if test else node.orelse)
        if isinstance(node, ast.Call):
            return self.call_expr(node)
        if isinstance(node, ast.Subscript):
            return self.subscript(node)
        raise self.error(node, "%s expressions are not supported in a T.prim_func" % type(node).__name__)

    def attribute(self, node):
        base = self.expr(node.value)
        if isinstance(base, _Buffer):
            if node.attr == "shape":
                return base.shape
            if node.attr == "dtype":
                return {"bf16": "bfloat16", "f32": "float32"}[base.element]
            raise self.error(node, "buffers have no attribute '%s' here (shape and dtype are supported)" % node.attr)
        if isinstance(base, (_Index, _Region)):
            raise self.error(node, "%s has no attribute '%s'" % (self.describe(base), node.attr))
        try:
            return getattr(base, node.attr)
        except UnsupportedConstructError as unsupported:
            raise self.error(node, str(unsupported)) from None
        except AttributeError:
            module = getattr(base, "__name__", "")
            if module.endswith("tilelang_tt.language"):
                raise self.error(node, "T.%s is not supported by tilelang_tt" % node.attr) from None
            raise self.error(node, "%s has no attribute '%s'" % (self.describe(base), node.attr)) from None

    def python_op(self, fn, operands, node):
        try:
            return fn(*operands)
        except Exception as exc:  # the user's arithmetic failed while compiling
            raise self.error(node, "%s: %s" % (type(exc).__name__, exc)) from None

    def binop(self, op, left, right, node):
        kind = type(op)
        runtime = isinstance(left, _Index) or isinstance(right, _Index)
        for value in (left, right):
            if isinstance(value, (_Buffer, _Region)):
                raise self.error(
                    node, "arithmetic on %s is not supported (T.gemm and T.copy work on whole tiles)"
                    % self.describe(value)
                )
        if not runtime:
            if kind not in _PY_BINOPS:
                raise self.error(node, "operator %s is not supported" % _OP_SPELLING.get(kind, kind.__name__))
            return self.python_op(_PY_BINOPS[kind], (left, right), node)
        for value in (left, right):
            if not isinstance(value, _Index) and (isinstance(value, bool) or not isinstance(value, int)):
                raise self.error(node, "index arithmetic with %s is not supported" % self.describe(value))
        if kind is ast.Add:
            if left == 0 and not isinstance(left, _Index):
                return right
            if right == 0 and not isinstance(right, _Index):
                return left
            return _Index("add", (left, right), node, _affine_add(_affine_of(left), _affine_of(right)))
        if kind is ast.Mult:
            for a, b in ((left, right), (right, left)):
                if not isinstance(a, _Index):
                    if a == 0:
                        return 0
                    if a == 1:
                        return b
                    return _Index("mul", (left, right), node, _affine_scale(b.affine, a))
            return _Index("mul", (left, right), node, None)
        raise self.error(
            node, "index arithmetic on block indices and loop counters supports + and * (got %s)"
            % _OP_SPELLING.get(kind, kind.__name__)
        )

    def call_expr(self, node):
        callee = self.expr(node.func)
        if isinstance(callee, _types.Intrinsic):
            if callee.name in ("alloc_shared", "alloc_fragment"):
                raise self.error(node, "assign the buffer to a name: X = T.%s(...)" % callee.name)
            if callee.name == "Kernel":
                raise self.error(node, "T.Kernel is used as `with T.Kernel(...) as (bx, by):`")
            if callee.name in ("Pipelined", "serial"):
                raise self.error(node, "T.%s is used as `for k in T.%s(...):`" % (callee.name, callee.name))
            raise self.error(node, "T.%s does not produce a value" % callee.name)
        if isinstance(callee, _types.TensorFactory) or callee in _COMPILE_TIME_CALLS:
            args = []
            for arg in node.args:
                if isinstance(arg, ast.Starred):
                    raise self.error(arg, "*args are not supported in a T.prim_func")
                args.append(self.expr(arg))
            kwargs = {}
            for keyword in node.keywords:
                if keyword.arg is None:
                    raise self.error(keyword.value, "**kwargs are not supported in a T.prim_func")
                kwargs[keyword.arg] = self.expr(keyword.value)
            for value, arg in zip(args + list(kwargs.values()), node.args + [k.value for k in node.keywords]):
                if isinstance(value, (_Index, _Buffer, _Region)):
                    raise self.error(
                        arg, "%s needs values known when the function is defined, got %s"
                        % (self.describe(callee), self.describe(value))
                    )
            return self.python_op(callee, args, node) if not kwargs else self.python_op(
                lambda *a: callee(*a, **kwargs), args, node)
        if callee is range:
            raise self.error(node, "range is used as `for k in range(n):`")
        raise self.error(
            node, "calling %s is not supported in a T.prim_func (only T constructs, T.ceildiv, "
            "min, max, abs, int and len)" % self.describe(callee)
        )

    def subscript(self, node):
        base = self.expr(node.value)
        elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if isinstance(base, _Buffer):
            starts, stops = [], []
            for element in elements:
                if isinstance(element, ast.Slice):
                    if element.step is not None and self.python_value(element.step, "a slice step") != 1:
                        raise self.error(element.step, "slice steps other than 1 are not supported")
                    start = self.index_value(element.lower) if element.lower is not None else 0
                    stop = self.index_value(element.upper) if element.upper is not None else None
                else:
                    start, stop = self.index_value(element), None
                starts.append(start)
                stops.append(stop)
            return _Region(base, starts, stops, node)
        if isinstance(base, (_Index, _Region)):
            raise self.error(node, "%s cannot be indexed" % self.describe(base))
        index = self.python_value(node.slice, "an index")
        return self.python_op(operator.getitem, (base, index), node)

    def index_value(self, node):
        value = self.expr(node)
        if isinstance(value, _Index):
            return value
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(node, "buffer indices must be integers or index expressions, got %s"
                             % self.describe(value))
        return value

    # ---- materializing index values --------------------------------------------

    def constant(self, value, node):
        for scope in reversed(self.scopes):
            if value in scope.constants:
                return scope.constants[value]
        ssa = self.fresh("c%d" % value if value >= 0 else "c_neg%d" % -value)
        self.emit("%s = arith.constant %d : index" % (ssa, value), node)
        self.scopes[-1].constants[value] = ssa
        return ssa

    def materialize(self, value, node):
        """The SSA name of an index value, writing out what it needs."""
        if not isinstance(value, _Index):
            return self.constant(value, node)
        if value.op == "var":
            if value.scope not in self.scopes:
                raise self.error(
                    node, "'%s' belongs to the %s at line %d, which has ended"
                    % (value.ssa[1:], value.scope.what, value.scope.node.lineno)
                )
            return value.ssa
        for scope, ssa in value.materialized:
            if scope in self.scopes:
                return ssa
        a, b = (self.materialize(arg, value.node) for arg in value.args)
        ssa = self.fresh(value.hint or "idx")
        op = "arith.addi" if value.op == "add" else "arith.muli"
        self.emit("%s = %s %s, %s : index" % (ssa, op, a, b), value.node, value.hint and ssa[1:])
        value.materialized.append((self.scopes[-1], ssa))
        return ssa
