//===- tt-fuzz-replay.cpp - run tt-fuzz inputs without libFuzzer ----------===//
//
// tt-fuzz-replay FILE...: feeds each file to the fuzz harness's entry point,
// so the regression inputs under test/fuzz run in the ordinary (gcc) build
// and its lit suite, held to the same properties as under the fuzzer.
//
//===----------------------------------------------------------------------===//
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    auto file = llvm::MemoryBuffer::getFile(argv[i], /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
    if (!file) {
      llvm::errs() << "tt-fuzz-replay: cannot read " << argv[i] << ": "
                   << file.getError().message() << "\n";
      return 1;
    }
    LLVMFuzzerTestOneInput(
        reinterpret_cast<const uint8_t *>((*file)->getBufferStart()),
        (*file)->getBufferSize());
    llvm::outs() << "ok: " << argv[i] << "\n";
  }
  return 0;
}
