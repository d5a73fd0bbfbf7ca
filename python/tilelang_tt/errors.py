"""Exceptions of tilelang_tt."""


class TileLangTTError(Exception):
    """Base class of every error tilelang_tt raises on purpose."""


class CompileError(TileLangTTError):
    """The program was rejected: by the frontend or by a compiler pass.

    ``str(error)`` (and ``error.diagnostics``) hold the diagnostics, each as
    ``file.py:LINE:COL: error: message`` pointing at the user's source.
    ``error.pass_name`` is the pass that failed (``tt-lower-memory-space``),
    or None when the frontend or the verifier rejected the program.
    ``error.stages`` holds the IR after every pass that succeeded, when it was
    requested (``keep_ir=True``).
    """

    def __init__(self, diagnostics, pass_name=None, stages=None):
        self.diagnostics = diagnostics.rstrip("\n")
        self.pass_name = pass_name or None
        self.stages = dict(stages or {})
        message = self.diagnostics
        if self.pass_name:
            message = "pass %s failed:\n%s" % (self.pass_name, message)
        super().__init__(message)


class FrontendError(CompileError):
    """A construct of the Python source that tilelang_tt does not accept.

    ``filename``, ``lineno`` and ``col`` (1-based) locate it.
    """

    def __init__(self, message, filename, lineno, col, source_line=None):
        self.filename = filename
        self.lineno = lineno
        self.col = col
        self.message = message
        text = "%s:%d:%d: error: %s" % (filename, lineno, col, message)
        if source_line is not None:
            stripped = source_line.rstrip("\n")
            text += "\n%s\n%s^" % (stripped, " " * (col - 1))
        super().__init__(text)


class RunError(TileLangTTError):
    """Running the compiled program on the emulator failed.

    ``output`` holds what the emulator and the host program printed
    (including a ``ttemu error: ...`` diagnostic or the failed result check),
    ``returncode`` the exit status.
    """

    def __init__(self, message, output="", returncode=None):
        self.output = output
        self.returncode = returncode
        text = message
        if output:
            text += "\n" + output.rstrip("\n")
        super().__init__(text)


class UnsupportedConstructError(TileLangTTError, AttributeError):
    """A ``T.`` name TileLang has and tilelang_tt does not (``T.symbolic``).

    Raised when the name is looked up, in the user's module or in a kernel
    body; an AttributeError too, so ``hasattr(T, name)`` stays False.
    """
