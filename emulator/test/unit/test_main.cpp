#include <gtest/gtest.h>

#include <cstdlib>

int main(int argc, char** argv) {
    setenv("TTEMU_CACHE_DIR", TTEMU_TEST_CACHE_DIR, 0);
    setenv("TTEMU_STATS", "0", 0);
    // The protocol slips the emulator only warns about are errors in its own tests (tests of the
    // warnings unset it).
    setenv("TTEMU_WERROR", "1", 1);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
