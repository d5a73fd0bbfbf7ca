# -*- Python -*-
# The emulator's GoogleTest unit tests, one lit test per gtest case.
import os

import lit.formats

config.name = "TT-Unit"
config.suffixes = []
config.test_source_root = config.unit_test_dir
config.test_exec_root = config.unit_test_dir
config.test_format = lit.formats.GoogleTest(".", "unittests")
# A private kernel cache keeps runs independent of the user's.
config.environment["TTEMU_CACHE_DIR"] = os.path.join(config.tt_obj_root, "test", "Unit", "kernel-cache")
for var in ["HOME", "TMPDIR", "PATH"]:
    if var in os.environ:
        config.environment[var] = os.environ[var]
