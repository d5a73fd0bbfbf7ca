//===- ProgramAnalysis.cpp - check a tt.program before emitting it --------===//
//
// The tt op verifiers and the whole-program rules (verifyProgramRules, the
// same check tt-verify runs) guarantee a well-formed program; this adds only
// what a Metalium program directory needs: exactly one kernel per role (files
// are named by role), host data the generator can produce, compile-time
// arguments where the kernels' accessors expect them, and a reference check
// whose inputs and output the host has.
//
//===----------------------------------------------------------------------===//
#include "MetaliumProgram.h"

#include "TTDialect/TT/IR/TTProgramRules.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include <cmath>

using namespace mlir;
using namespace mlir::tt;
using namespace mlir::tt::metalium;

//===----------------------------------------------------------------------===//
// Spellings
//===----------------------------------------------------------------------===//

StringRef metalium::roleName(KernelRole role) {
  switch (role) {
  case KernelRole::Reader:
    return "reader";
  case KernelRole::Writer:
    return "writer";
  case KernelRole::Compute:
    return "compute";
  }
  llvm_unreachable("unknown kernel role");
}

StringRef metalium::dataFormatName(DataFormat format) {
  switch (format) {
  case DataFormat::Float16_b:
    return "Float16_b";
  case DataFormat::Float32:
    return "Float32";
  case DataFormat::Bfp8_b:
    return "Bfp8_b";
  case DataFormat::Bfp4_b:
    return "Bfp4_b";
  }
  llvm_unreachable("unknown data format");
}

/// Significant bits (the hidden one included) an input of `format` has in
/// the matrix engine's source registers: bf16 8, fp32 11 (10 fraction bits
/// there), bfp8_b 7, bfp4_b 3 (at most; a value smaller than its row's
/// largest has fewer, which the quantized reference already holds).
static int significandBits(DataFormat format) {
  switch (format) {
  case DataFormat::Float32:
    return 11;
  case DataFormat::Bfp8_b:
    return 7;
  case DataFormat::Bfp4_b:
    return 3;
  case DataFormat::Float16_b:
    return 8;
  }
  llvm_unreachable("unknown data format");
}

/// The largest relative error of keeping the `kept` leading bits of a
/// `bits`-bit significand (truncation: the dropped bits, all ones).
static double truncationError(int kept, int bits) {
  return kept >= bits ? 0.0
                      : std::ldexp(1.0, -(kept - 1)) - std::ldexp(1.0, -(bits - 1));
}

/// The relative error of one product at `fidelity` (tt-metal's matrix-engine
/// report): per phase the multiplier reads 1 + 4 bits of source A (in1, B's
/// tiles) and 1 + 6 bits of source B (in0, A's tiles). LoFi multiplies the
/// high parts, HiFi2 adds A's next 4 bits, HiFi3 B's next 6, HiFi4 both; what
/// no phase reads (A past 9 bits, B past 13, A_lo * B_lo before HiFi4) is the
/// error. bf16 x bf16: LoFi 2^-4, HiFi2 2^-7, HiFi3 under 2^-11, HiFi4 0.
static double fidelityProductError(MathFidelity fidelity, int aBits,
                                   int bBits) {
  switch (fidelity) {
  case MathFidelity::LoFi:
    return truncationError(5, bBits) + truncationError(7, aBits);
  case MathFidelity::HiFi2:
    return truncationError(9, bBits) + truncationError(7, aBits);
  case MathFidelity::HiFi3:
    return truncationError(5, bBits) * truncationError(7, aBits) +
           truncationError(9, bBits) + truncationError(13, aBits);
  case MathFidelity::HiFi4:
    return truncationError(9, bBits) + truncationError(13, aBits);
  }
  llvm_unreachable("unknown math fidelity");
}

StringRef metalium::mathFidelityName(MathFidelity fidelity) {
  switch (fidelity) {
  case MathFidelity::LoFi:
    return "LoFi";
  case MathFidelity::HiFi2:
    return "HiFi2";
  case MathFidelity::HiFi3:
    return "HiFi3";
  case MathFidelity::HiFi4:
    return "HiFi4";
  }
  llvm_unreachable("unknown math fidelity");
}

StringRef metalium::processorName(Processor processor) {
  return processor == Processor::RISCV_0 ? "RISCV_0" : "RISCV_1";
}

StringRef metalium::nocName(Noc noc) {
  return noc == Noc::RISCV_0_default ? "RISCV_0_default" : "RISCV_1_default";
}

StringRef metalium::boardName(Arch arch) {
  return arch == Arch::WormholeB0 ? "Wormhole n150" : "Blackhole p150";
}

double Tolerance::relativeBound() const {
  return uOut + std::sqrt(static_cast<double>(dstRoundings)) * uDst + uMul +
         uIn;
}

const BufferInfo *ProgramInfo::buffer(StringRef symbol) const {
  for (const BufferInfo &b : buffers)
    if (b.op.getSymName() == symbol)
      return &b;
  return nullptr;
}

const KernelInfo *ProgramInfo::kernel(KernelRole role) const {
  for (const KernelInfo &k : kernels)
    if (k.role == role)
      return &k;
  return nullptr;
}

const KernelInfo *ProgramInfo::kernel(StringRef symbol) const {
  for (const KernelInfo &k : kernels)
    if (k.create.getKernel() == symbol)
      return &k;
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Checks
//===----------------------------------------------------------------------===//

std::string metalium::sanitize(StringRef name) {
  std::string out;
  for (char c : name)
    out += (llvm::isAlnum(c) || c == '_') ? c : '_';
  if (out.empty() || llvm::isDigit(out.front()))
    out = "buf_" + out;
  return out;
}

namespace {

LogicalResult checkBuffer(BufferInfo &info) {
  BufferOp op = info.op;
  if (op.getLayout() != BufferLayout::DramInterleaved)
    return op.emitOpError()
           << "has layout " << stringifyBufferLayout(op.getLayout())
           << ", but the Metalium emitter supports only dram_interleaved "
              "buffers";
  if (!info.uploaded && !info.readBack)
    return success();
  StringRef what = info.uploaded ? "uploads" : "reads back";
  // The host converts floats to block floating point when it uploads; it
  // does not read bfp8_b results back.
  if (isBlockFloat(op.getFormat()) && info.readBack)
    return op.emitOpError()
           << "is in " << stringifyDataFormat(op.getFormat())
           << ", but the host program reads block floating point buffers "
              "back only as inputs it uploaded: "
           << stringifyDataFormat(op.getFormat())
           << " results are not supported yet";
  if (!op.getShape())
    return op.emitOpError() << "needs a shape: the host program " << what
                            << " it and tilizes [rows, columns] data";
  uint64_t tileBytes = getTileSizeInBytes(op.getFormat());
  if (static_cast<uint64_t>(op.getPageSize()) != tileBytes)
    return op.emitOpError() << "page size " << op.getPageSize()
                            << " is not one " << stringifyDataFormat(op.getFormat())
                            << " tile (" << tileBytes
                            << " bytes), which the host's tilized data needs";
  // On a mesh the buffer holds one device's shard (the op's verifier checks
  // its size against the shard).
  if (op.getMeshShardAttr())
    return success();
  // A partial last tile row or column is stored whole, zero-padded.
  uint64_t expected = static_cast<uint64_t>(info.matrices()) *
                      (info.paddedRows() / 32) * (info.paddedCols() / 32) *
                      tileBytes;
  if (static_cast<uint64_t>(op.getSize()) != expected)
    return op.emitOpError() << "size " << op.getSize() << " does not hold its "
                            << info.shapeText() << " shape (" << expected
                            << " bytes)";
  return success();
}

/// The compile-time argument layout of a kernel: where each entry starts once
/// buffers are expanded to their TensorAccessorArgs (two values each).
struct CompileArgLayout {
  /// offset -> buffer symbol for entries that are buffers.
  llvm::DenseMap<uint32_t, StringRef> bufferAt;
  uint32_t count = 0;
};

CompileArgLayout compileArgLayout(CreateKernelOp create) {
  CompileArgLayout layout;
  for (Attribute arg : create.getCompileArgs()) {
    if (auto ref = llvm::dyn_cast<FlatSymbolRefAttr>(arg)) {
      layout.bufferAt[layout.count] = ref.getValue();
      layout.count += 2;
    } else {
      layout.count += 1;
    }
  }
  return layout;
}

LogicalResult checkKernelArgs(KernelInfo &kernel) {
  func::FuncOp func = kernel.func;
  CreateKernelOp create = kernel.create;

  // Runtime argument names, from the kernel's reads.
  WalkResult walk = func.walk([&](Operation *op) -> WalkResult {
    if (auto arg = llvm::dyn_cast<GetArgValOp>(op)) {
      uint32_t index = arg.getIndex();
      if (kernel.runtimeArgNames.size() <= index)
        kernel.runtimeArgNames.resize(index + 1);
      if (kernel.runtimeArgNames[index].empty() && arg.getName())
        kernel.runtimeArgNames[index] = arg.getName()->str();
      return WalkResult::advance();
    }
    if (auto common = llvm::dyn_cast<GetCommonArgValOp>(op)) {
      common.emitOpError()
          << "reads a common runtime argument, but tt.program has no way to "
             "set common runtime arguments for kernel @"
          << func.getSymName();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  size_t tableSize = 0;
  for (SetRuntimeArgsOp args : kernel.runtimeArgs)
    tableSize = std::max(tableSize, args.getArgs().size());
  if (kernel.runtimeArgNames.size() < tableSize)
    kernel.runtimeArgNames.resize(tableSize);
  for (auto [i, name] : llvm::enumerate(kernel.runtimeArgNames))
    if (name.empty())
      name = "arg" + std::to_string(i);

  // That the arguments cover what the kernel reads is a whole-program rule
  // (verifyProgramRules), checked before this.

  // Compile-time arguments: accessors start where a buffer's
  // TensorAccessorArgs start; plain reads stay inside the list.
  CompileArgLayout layout = compileArgLayout(create);
  walk = func.walk([&](Operation *op) -> WalkResult {
    if (auto acc = llvm::dyn_cast<TensorAccessorOp>(op)) {
      uint32_t offset = acc.getArgsOffset();
      if (!layout.bufferAt.count(offset)) {
        acc.emitOpError()
            << "reads TensorAccessorArgs at compile-time argument " << offset
            << ", but no buffer's arguments start there in the compile_args "
               "of tt.create_kernel @"
            << func.getSymName() << " (" << layout.count << " values)";
        return WalkResult::interrupt();
      }
    } else if (auto arg = llvm::dyn_cast<GetCompileTimeArgValOp>(op)) {
      if (arg.getIndex() >= layout.count) {
        arg.emitOpError() << "reads compile-time argument " << arg.getIndex()
                          << ", but tt.create_kernel @" << func.getSymName()
                          << " passes only " << layout.count;
        return WalkResult::interrupt();
      }
    }
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

} // namespace

SemaphoreOp ProgramInfo::semaphore(StringRef symbol) const {
  for (SemaphoreOp s : semaphores)
    if (s.getSymName() == symbol)
      return s;
  return {};
}

size_t ProgramInfo::splitIndex(WorkSplitAttr split) const {
  return llvm::find_if(splits,
                       [&](const WorkSplitInfo &w) { return w.split == split; }) -
         splits.begin();
}

FailureOr<ProgramInfo> metalium::analyzeProgram(ModuleOp module) {
  ProgramInfo info;
  info.module = module;
  for (auto program : module.getOps<ProgramOp>()) {
    if (info.program)
      return (program.emitOpError()
              << "is a second program; --emit-metalium emits one "
                 "tt.program per module")
                 .attachNote(info.program.getLoc())
             << "first program here";
    info.program = program;
  }
  if (!info.program)
    return module.emitError()
           << "no tt.program to emit: --emit-metalium needs the host program "
              "(tt.program) and its kernels";
  ProgramOp program = info.program;

  // Symbol names reach C++ comments, string literals and the CMake project
  // name, where a newline or a quote would change the code: names must be
  // plain identifiers.
  auto checkName = [](Operation *op, StringRef what,
                      StringRef name) -> LogicalResult {
    bool plain = !name.empty() && !llvm::isDigit(name.front()) &&
                 llvm::all_of(name, [](char c) {
                   return llvm::isAlnum(c) || c == '_' || c == '.' || c == '-';
                 });
    if (plain)
      return success();
    std::string shown;
    llvm::raw_string_ostream os(shown);
    llvm::printEscapedString(name, os);
    return op->emitError() << what << " name \"" << shown
                           << "\" cannot appear in the emitted C++: use "
                              "letters, digits, '_', '.' and '-'";
  };
  if (failed(checkName(program, "program", program.getSymName())))
    return failure();
  for (Operation &op : program.getBodyBlock()) {
    if (auto buffer = llvm::dyn_cast<BufferOp>(op))
      if (failed(checkName(buffer, "buffer", buffer.getSymName())))
        return failure();
    if (auto create = llvm::dyn_cast<CreateKernelOp>(op))
      if (failed(checkName(create, "kernel", create.getKernel())))
        return failure();
  }

  llvm::StringSet<> bufferVars;
  for (Operation &op : program.getBodyBlock()) {
    if (auto buffer = llvm::dyn_cast<BufferOp>(op)) {
      std::string var = sanitize(buffer.getSymName());
      std::string candidate = var;
      for (unsigned n = 1; bufferVars.contains(candidate); ++n)
        candidate = var + "_" + std::to_string(n);
      bufferVars.insert(candidate);
      info.buffers.push_back(BufferInfo{buffer, candidate});
    } else if (auto cb = llvm::dyn_cast<CreateCBOp>(op)) {
      info.cbs.push_back(cb);
    } else if (auto semaphore = llvm::dyn_cast<SemaphoreOp>(op)) {
      if (failed(checkName(semaphore, "semaphore", semaphore.getSymName())))
        return failure();
      info.semaphores.push_back(semaphore);
    } else if (auto create = llvm::dyn_cast<CreateKernelOp>(op)) {
      // Kernels live beside the program (its own symbol table holds buffers).
      auto func = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
          program->getParentOp(), create.getKernelAttr());
      if (!func)
        return create.emitOpError() << "kernel @" << create.getKernel()
                                    << " does not name a func.func";
      if (func.isExternal())
        return (create.emitOpError() << "kernel @" << create.getKernel()
                                     << " has no body to emit")
                   .attachNote(func.getLoc())
               << "declared here";
      auto role =
          func->getAttrOfType<KernelRoleAttr>(TTDialect::kKernelRoleAttrName);
      if (!role)
        return create.emitOpError() << "@" << create.getKernel()
                                    << " is not a kernel: it has no '"
                                    << TTDialect::kKernelRoleAttrName << "'";
      if (const KernelInfo *other = info.kernel(role.getValue()))
        return (create.emitOpError()
                << "places a second " << roleName(role.getValue())
                << " kernel (@" << create.getKernel()
                << "); --emit-metalium writes one " << roleName(role.getValue())
                << ".cpp per program")
                   .attachNote(other->create.getLoc())
               << "first " << roleName(role.getValue()) << " kernel @"
               << other->create.getKernel() << " placed here";
      KernelInfo kernel;
      kernel.role = role.getValue();
      kernel.create = create;
      kernel.func = func;
      kernel.file = (roleName(kernel.role) + ".cpp").str();
      kernel.handle = roleName(kernel.role).str();
      info.kernels.push_back(std::move(kernel));
    } else if (auto args = llvm::dyn_cast<SetRuntimeArgsOp>(op)) {
      for (KernelInfo &k : info.kernels)
        if (k.create.getKernel() == args.getKernel())
          k.runtimeArgs.push_back(args);
    } else if (llvm::isa<EnqueueWriteBufferOp, EnqueueProgramOp,
                         EnqueueReadBufferOp>(op)) {
      info.steps.push_back(&op);
    } else if (auto ref = llvm::dyn_cast<ReferenceMatmulOp>(op)) {
      if (info.reference)
        return (ref.emitOpError() << "is a second reference check; the host "
                                     "program checks one result")
                   .attachNote(info.reference.getLoc())
               << "first check here";
      info.reference = ref;
    }
  }

  for (KernelRole role :
       {KernelRole::Reader, KernelRole::Compute, KernelRole::Writer})
    if (!info.kernel(role))
      return program.emitOpError()
             << "has no " << roleName(role)
             << " kernel; --emit-metalium emits a reader, a compute and a "
                "writer kernel (a tt.create_kernel of a func.func with "
                "tt.kernel_role = #tt.kernel_role<"
             << roleName(role) << ">)";

  // What the host does with each buffer, in order.
  bool launched = false;
  for (Operation *step : info.steps) {
    if (llvm::isa<EnqueueProgramOp>(step)) {
      launched = true;
      continue;
    }
    StringRef symbol =
        llvm::isa<EnqueueWriteBufferOp>(step)
            ? llvm::cast<EnqueueWriteBufferOp>(step).getBuffer()
            : llvm::cast<EnqueueReadBufferOp>(step).getBuffer();
    for (BufferInfo &b : info.buffers)
      if (b.op.getSymName() == symbol) {
        if (llvm::isa<EnqueueWriteBufferOp>(step))
          b.uploaded = true;
        else
          b.readBack = true;
      }
  }
  if (!launched)
    return program.emitOpError()
           << "never launches its kernels: add a tt.enqueue_program";
  if (failed(verifyProgramRules(module, program)))
    return failure();
  for (BufferInfo &b : info.buffers)
    if (failed(checkBuffer(b)))
      return failure();

  for (KernelInfo &k : info.kernels) {
    if (failed(checkKernelArgs(k)))
      return failure();
  }

  // Work splits, named as the kernels name a core's share (start_block /
  // num_blocks: the unit is blocks).
  for (const KernelInfo &k : info.kernels)
    for (SetRuntimeArgsOp args : k.runtimeArgs) {
      WorkSplitAttr split = args.getSplitAttr();
      if (!split)
        continue;
      auto it = llvm::find_if(info.splits, [&](const WorkSplitInfo &w) {
        return w.split == split;
      });
      if (it == info.splits.end()) {
        info.splits.push_back(WorkSplitInfo{split});
        it = std::prev(info.splits.end());
      }
      it->uses.push_back({&k, args});
      for (auto [i, arg] : llvm::enumerate(args.getArgs()))
        if (auto work = llvm::dyn_cast<WorkArgAttr>(arg))
          (work.getValue() == WorkArg::Start ? it->start : it->count) =
              k.runtimeArgNames[i];
    }
  for (WorkSplitInfo &w : info.splits)
    if (StringRef(w.count).starts_with("num_"))
      w.unit = StringRef(w.count).drop_front(strlen("num_")).str();

  if (ReferenceMatmulOp ref = info.reference) {
    const BufferInfo *a = info.buffer(ref.getA());
    const BufferInfo *b = info.buffer(ref.getB());
    const BufferInfo *c = info.buffer(ref.getC());
    for (const BufferInfo *input : {a, b})
      if (!input->uploaded)
        return ref.emitOpError()
               << "checks against input @" << input->op.getSymName()
               << ", which the program never uploads "
                  "(tt.enqueue_write_buffer), so the host has no data for it";
    if (!c->readBack)
      return ref.emitOpError()
             << "checks @" << c->op.getSymName()
             << ", which the program never reads back (tt.enqueue_read_buffer)";
    if (ref.getAccumulate() && !c->uploaded)
      return ref.emitOpError()
             << "adds to the values of @" << c->op.getSymName()
             << ", which the program never uploads (tt.enqueue_write_buffer)";

    // op(A) is m x k and op(B) k x n (the verifier checked they compose).
    info.referenceDims = {ref.getTransposeA() ? a->cols() : a->rows(),
                          ref.getTransposeA() ? a->rows() : a->cols(),
                          ref.getTransposeB() ? b->rows() : b->cols(),
                          c->matrices()};
    // The tolerance of the check (see Tolerance).
    Tolerance &t = info.tolerance;
    t.uOut = c->op.getFormat() == DataFormat::Float32 ? std::ldexp(1.0, -24)
                                                      : std::ldexp(1.0, -8);
    auto config = llvm::cast<ComputeConfigAttr>(
        info.kernel(KernelRole::Compute)->create.getConfig());
    t.uDst = config.getFp32DestAccEn() ? std::ldexp(1.0, -24)
                                       : std::ldexp(1.0, -8);
    // Adding the product to C's values is one more rounding step in DST.
    int64_t k = info.referenceDims.k;
    t.kTiles = std::max<int64_t>(1, k / 32);
    t.dstRoundings = (config.getFp32DestAccEn() ? k : t.kTiles) +
                     (ref.getAccumulate() ? 1 : 0);
    t.uMul = fidelityProductError(config.getMathFidelity(),
                                  significandBits(a->op.getFormat()),
                                  significandBits(b->op.getFormat()));
    bool f32Inputs = a->op.getFormat() == DataFormat::Float32 ||
                     b->op.getFormat() == DataFormat::Float32;
    t.uIn = f32Inputs ? std::ldexp(1.0, -11) : 0.0;
  }
  return info;
}
