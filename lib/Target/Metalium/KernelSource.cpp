//===- KernelSource.cpp - kernel C++ through EmitC ------------------------===//
//
// Each kernel is cloned into a module of its own, lowered by
// convert-tt-to-emitc (one emitc.file per kernel, holding kernel_main), its
// C operators folded into expressions by form-expressions, and printed by
// mlir::emitc::translateToCpp.
//
// The C++ emitter names loop counters itself (i1, j2, ...) and offers no way
// to choose them, so the names the passes gave the loops (tt.name) are put in
// afterwards: the emitter prints one `for (T name = ...` per emitc.for, in
// the order of the kernel's scf.for loops, and its names are unique in the
// file, so each is replaced as a whole identifier (never in comments).
//
//===----------------------------------------------------------------------===//
#include "MetaliumProgram.h"

#include "TTDialect/Conversion/Passes.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Dialect/EmitC/Transforms/Passes.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/Cpp/CppEmitter.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::tt;
using namespace mlir::tt::metalium;

namespace {
/// A loop of the kernel in pre-order: the counter name a pass chose (empty
/// when none) and the index of the enclosing loop (-1 at the top).
struct LoopCounter {
  std::string name;
  int parent;
};

SmallVector<LoopCounter> loopCounters(func::FuncOp func) {
  SmallVector<LoopCounter> loops;
  DenseMap<Operation *, int> index;
  func.walk<WalkOrder::PreOrder>([&](scf::ForOp loop) {
    int parent = -1;
    if (auto outer = loop->getParentOfType<scf::ForOp>())
      parent = index.lookup(outer);
    auto name = loop->getAttrOfType<StringAttr>(TTDialect::kNameAttrName);
    index[loop] = loops.size();
    loops.push_back({name ? name.str() : std::string(), parent});
  });
  return loops;
}

bool isIdentChar(char c) { return llvm::isAlnum(c) || c == '_'; }

/// Calls `fn(start, length)` for every identifier of the C++ `code` outside
/// comments and #include lines.
void forEachIdentifier(StringRef code,
                       function_ref<void(size_t, size_t)> fn) {
  for (size_t i = 0; i < code.size();) {
    if (code.substr(i).starts_with("//") || code.substr(i).starts_with("#include")) {
      i = code.find('\n', i);
      if (i == StringRef::npos)
        return;
      continue;
    }
    if (llvm::isAlpha(code[i]) || code[i] == '_') {
      size_t j = i;
      while (j < code.size() && isIdentChar(code[j]))
        ++j;
      fn(i, j - i);
      i = j;
      continue;
    }
    // Skip numbers whole, so `2048u` is not an identifier `u`.
    if (llvm::isDigit(code[i])) {
      while (i < code.size() && isIdentChar(code[i]))
        ++i;
      continue;
    }
    ++i;
  }
}

/// Renames the emitter's loop counters to the names of `loops`. A name an
/// enclosing loop or another declaration already uses gets a suffix.
FailureOr<std::string> nameLoopCounters(func::FuncOp func,
                                        ArrayRef<LoopCounter> loops,
                                        StringRef source) {
  // The emitter's counters, in the order their loops are printed.
  SmallVector<std::string> emitted;
  llvm::StringSet<> taken;
  StringRef header = "for (";
  for (size_t at = source.find(header); at != StringRef::npos;
       at = source.find(header, at + 1)) {
    // for (TYPE NAME = ...
    StringRef rest = source.substr(at + header.size());
    size_t space = rest.find(' ');
    StringRef name = rest.substr(space + 1);
    name = name.take_while(isIdentChar);
    emitted.push_back(name.str());
  }
  if (emitted.size() != loops.size())
    return func.emitError() << "internal error: the C++ of kernel @"
                            << func.getSymName() << " has " << emitted.size()
                            << " loops, its IR " << loops.size();
  llvm::StringSet<> counters;
  for (const std::string &name : emitted)
    counters.insert(name);
  forEachIdentifier(source, [&](size_t start, size_t length) {
    StringRef word = source.substr(start, length);
    if (!counters.contains(word))
      taken.insert(word);
  });
  llvm::StringMap<std::string> rename;
  SmallVector<std::string> chosen(loops.size());
  for (auto [i, loop] : llvm::enumerate(loops)) {
    chosen[i] = emitted[i];
    if (loop.name.empty())
      continue;
    auto clashes = [&](StringRef candidate) {
      if (taken.contains(candidate))
        return true;
      for (int p = loop.parent; p >= 0; p = loops[p].parent)
        if (chosen[p] == candidate)
          return true;
      return false;
    };
    std::string candidate = loop.name;
    for (unsigned n = 2; clashes(candidate); ++n)
      candidate = loop.name + "_" + std::to_string(n);
    chosen[i] = candidate;
    rename[emitted[i]] = candidate;
  }
  std::string out;
  out.reserve(source.size());
  size_t copied = 0;
  forEachIdentifier(source, [&](size_t start, size_t length) {
    auto it = rename.find(source.substr(start, length));
    if (it == rename.end())
      return;
    out += source.slice(copied, start);
    out += it->second;
    copied = start + length;
  });
  out += source.substr(copied);
  return out;
}

/// Drops what the C++ emitter adds that tt-metal's kernels do not have: the
/// `return;` closing a void kernel_main and trailing blank lines.
std::string tidy(StringRef source) {
  SmallVector<StringRef> lines;
  source.split(lines, '\n');
  while (!lines.empty() && lines.back().trim().empty())
    lines.pop_back();
  if (lines.size() >= 2 && lines.back() == "}" &&
      lines[lines.size() - 2] == "  return;")
    lines.erase(lines.end() - 2);
  std::string out;
  for (StringRef line : lines) {
    out += line.rtrim().str();
    out += '\n';
  }
  return out;
}
} // namespace

FailureOr<std::string> metalium::emitKernelSource(const KernelInfo &kernel) {
  func::FuncOp func = kernel.func;
  MLIRContext *ctx = func.getContext();
  OwningOpRef<ModuleOp> module = ModuleOp::create(func.getLoc());
  OpBuilder builder(ctx);
  builder.setInsertionPointToEnd(module->getBody());
  auto kernelFunc = llvm::cast<func::FuncOp>(builder.clone(*func.getOperation()));

  // One declaration per argument read and CB handle, outside the loops.
  // (The module is verified once, after the last of these passes.)
  PassManager prepare(ctx);
  prepare.enableVerifier(false);
  prepare.addPass(createLoopInvariantCodeMotionPass());
  prepare.addPass(createCSEPass());
  if (failed(prepare.run(*module)))
    return failure();
  SmallVector<LoopCounter> loops = loopCounters(kernelFunc);

  PassManager pm(ctx);
  pm.enableVerifier(false);
  pm.addPass(createConvertTTToEmitC());
  pm.addPass(emitc::createFormExpressionsPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  if (failed(pm.run(*module)) || failed(verify(*module)))
    return failure();

  std::string source;
  llvm::raw_string_ostream os(source);
  if (failed(emitc::translateToCpp(*module, os, /*declareVariablesAtTop=*/false,
                                   /*fileId=*/func.getSymName())))
    return failure();
  FailureOr<std::string> named = nameLoopCounters(func, loops, source);
  if (failed(named))
    return failure();
  return tidy(*named);
}
