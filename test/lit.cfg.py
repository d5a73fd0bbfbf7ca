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
tools = ["tt-opt", "tt-translate", "tt-fuzz-replay", "not", "split-file"]
tool_dirs.append(os.path.join(config.tt_obj_root, "emulator", "bin"))
if os.path.exists(os.path.join(config.tt_obj_root, "emulator", "bin", "tt-run")):
    tools.append("tt-run")
# Emitted programs compile their kernels once per content hash: share one cache
# inside the build tree so reruns are fast and the user's cache is untouched.
config.environment["TTEMU_CACHE_DIR"] = os.path.join(config.tt_obj_root, "test", "kernel-cache")
# The compiler's programs are held to the whole CB protocol: the slips silicon runs without harm,
# which the emulator only warns about (tt-metal's own examples make them), are errors here.
config.environment["TTEMU_WERROR"] = "1"
config.substitutions.append(("%emulator_src", os.path.join(config.tt_src_root, "emulator")))
config.substitutions.append(("%run_matmul", "bash " + os.path.join(config.tt_src_root, "test", "e2e", "run-matmul.sh")))
llvm_config.add_tool_substitutions(tools, tool_dirs)
llvm_config.with_environment("PATH", config.tt_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

# tt-translate --emit-metalium: plan validation (python3-jsonschema; the
# system interpreter, the first python3 on PATH may lack it) and, when the
# emulator is built, tt-run for end-to-end runs of emitted programs.
config.substitutions.append(
    ("%validate_plan",
     "/usr/bin/python3 %s %s" % (
         os.path.join(config.tt_src_root, "test", "Target", "Metalium", "validate_plan.py"),
         os.path.join(config.tt_src_root, "lib", "Target", "Metalium", "tt.plan.schema.json"))))
config.substitutions.append(("%tt_emulator_dir", os.path.join(config.tt_src_root, "emulator")))
_tt_run = os.path.join(config.tt_obj_root, "emulator", "bin", "tt-run")
if os.path.exists(_tt_run):
    config.available_features.add("tt-run")
    config.substitutions.append(("%tt_run", _tt_run))
    config.substitutions.append(("%tt_emulator_lib_dir", os.path.join(config.tt_obj_root, "emulator", "lib")))
llvm_config.with_environment("PATH", os.path.join(config.tt_obj_root, "emulator", "bin"), append_path=True)

# tt-metal's own programming examples, built unchanged against the emulator's TT-Metalium
# package: ../shared/tt-metal-examples next to the project, or $TT_METAL_EXAMPLES (a tt-metal
# source tree or a copy of its examples). Without one those tests are UNSUPPORTED.
llvm_config.with_system_environment(["TT_METAL_EXAMPLES"])
_examples = os.environ.get("TT_METAL_EXAMPLES") or os.path.join(config.tt_src_root, "..", "shared",
                                                                 "tt-metal-examples")
if os.path.isdir(os.path.join(_examples, "tt_metal", "programming_examples")):
    config.available_features.add("tt-metal-examples")
    config.substitutions.append(("%tt_metal_examples", os.path.abspath(_examples)))
config.substitutions.append(("%ttemu_prefix", os.path.join(config.tt_obj_root, "emulator")))
config.substitutions.append(
    ("%build_tt_metal_examples",
     "bash " + os.path.join(config.tt_src_root, "test", "emulator", "build-tt-metal-examples.sh")))
# The host C++ compiler, for tests that build a program with a plain compiler command.
config.substitutions.append(("%cxx", os.environ.get("CXX") or "c++"))
