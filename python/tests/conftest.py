"""Makes the tilelang_tt package of a build importable: $TT_BUILD_DIR
(default: the repository's build/) holds it in python_packages/."""

import os
import sys

_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_build = os.environ.get("TT_BUILD_DIR") or os.path.join(_root, "build")
_packages = os.path.join(os.path.abspath(_build), "python_packages")
if os.path.isdir(os.path.join(_packages, "tilelang_tt")):
    sys.path.insert(0, _packages)

REPO_ROOT = _root
