#include <gtest/gtest.h>

#include <cstdlib>

int main(int argc, char** argv) {
    setenv("TTEMU_CACHE_DIR", TTEMU_TEST_CACHE_DIR, 0);
    setenv("TTEMU_STATS", "0", 0);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
