# -*- Python -*-
import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "TT"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.tt_obj_root, "test")
config.excludes = ["Inputs", "Unit", "CMakeLists.txt", "lit.cfg.py",
                   "lit.site.cfg.py", "README.md"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%tt_src_root", config.tt_src_root))

llvm_config.with_system_environment(["HOME", "TMPDIR", "XDG_CACHE_HOME"])
llvm_config.use_default_substitutions()

tool_dirs = [config.tt_tools_dir, config.llvm_tools_dir]
tools = ["tt-opt", "tt-translate", "not", "split-file"]
tool_dirs.append(os.path.join(config.tt_obj_root, "emulator", "bin"))
if os.path.exists(os.path.join(config.tt_obj_root, "emulator", "bin", "tt-run")):
    tools.append("tt-run")
    config.available_features.add("emulator")
# Emitted programs compile their kernels once per content hash: share one cache
# inside the build tree so reruns are fast and the user's cache is untouched.
config.environment["TTEMU_CACHE_DIR"] = os.path.join(config.tt_obj_root, "test", "kernel-cache")
config.substitutions.append(("%emulator_src", os.path.join(config.tt_src_root, "emulator")))
llvm_config.add_tool_substitutions(tools, tool_dirs)
llvm_config.with_environment("PATH", config.tt_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
