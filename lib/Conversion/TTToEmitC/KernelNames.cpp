//===- KernelNames.cpp - C++ names of a kernel's values -------------------===//
//
// The emitted kernel uses the IR's names (runtime arguments, circular
// buffers, accessors, values the passes named with tt.name), made unique per
// kernel, and never a name the C++ emitter picks for unnamed values (`v3`) or
// the kernel API defines.
//
//===----------------------------------------------------------------------===//
#include "KernelNames.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace mlir::tt;
using namespace mlir::tt::emitc_kernel;

namespace {
bool isCppKeyword(StringRef name) {
  static const llvm::StringSet<> keywords = {
      "alignas",   "alignof",      "and",       "asm",          "auto",
      "bool",      "break",        "case",      "catch",        "char",
      "class",     "const",        "constexpr", "const_cast",   "continue",
      "decltype",  "default",      "delete",    "do",           "double",
      "else",      "enum",         "explicit",  "export",       "extern",
      "false",     "float",        "for",       "friend",       "goto",
      "if",        "inline",       "int",       "long",         "mutable",
      "namespace", "new",          "noexcept",  "not",          "nullptr",
      "operator",  "or",           "private",   "protected",    "public",
      "register",  "return",       "short",     "signed",       "sizeof",
      "static",    "static_assert", "struct",   "switch",       "template",
      "this",      "throw",        "true",      "try",          "typedef",
      "typeid",    "typename",     "union",     "unsigned",     "using",
      "virtual",   "void",         "volatile",  "while",        "xor",
      "char16_t",  "char32_t",     "dynamic_cast", "reinterpret_cast",
      "static_cast", "thread_local", "wchar_t",  "bitand",      "bitor",
      "compl",     "not_eq",       "or_eq",     "xor_eq",       "and_eq"};
  return keywords.contains(name);
}

/// Names the emitted kernel uses: the IR's names where it gives them, made
/// unique per kernel, and never one the C++ emitter picks for unnamed values
/// and loop counters (a letter and a number: `v3`, `i1`) or the API defines.
class NameTable {
public:
  NameTable() {
    for (StringRef reserved :
         {"kernel_main", "uint32_t", "uint64_t", "int32_t", "tt", "ckernel",
          "SrcOrder", "TensorAccessor", "TensorAccessorArgs"})
      used.insert(reserved);
  }

  /// A fresh name based on `base`.
  std::string unique(StringRef base) {
    std::string name = base.str();
    if (isEmitterName(name))
      name += "_";
    std::string candidate = name;
    for (unsigned n = 1; used.contains(candidate); ++n)
      candidate = llvm::formatv("{0}_{1}", name, n).str();
    used.insert(candidate);
    return candidate;
  }

private:
  static bool isEmitterName(StringRef name) {
    return name.size() > 1 && llvm::isAlpha(name.front()) &&
           llvm::all_of(name.drop_front(), llvm::isDigit);
  }

  llvm::StringSet<> used;
};

std::string cbShortName(StringRef cbName) {
  if (cbName.starts_with("cb_") && cbName.size() > 3)
    return cbName.drop_front(3).str();
  return cbName.str();
}

} // namespace

/// The declared name of the circular buffer `cb` (from its tt.get_cb).
std::string emitc_kernel::cbNameOf(Value cb, const KernelNames &names) {
  if (Operation *def = cb.getDefiningOp()) {
    auto it = names.valueName.find(def);
    if (it != names.valueName.end())
      return it->second;
  }
  if (auto type = llvm::dyn_cast<CircularBufferType>(cb.getType()))
    return llvm::formatv("cb_{0}", type.getIndex()).str();
  return "cb";
}


/// Decides the C++ name of every named value; fails on a name that is not a
/// C++ identifier.
LogicalResult emitc_kernel::assignNames(func::FuncOp kernel,
                                        KernelNames &names) {
  NameTable table;
  // IR name + index -> the first handle and its C++ name.
  llvm::StringMap<std::pair<Operation *, std::string>> cbDeclared;
  auto userName = [&](Operation *op, std::optional<StringRef> name,
                      StringRef fallback) -> FailureOr<std::string> {
    if (!name)
      return table.unique(fallback);
    if (!isCIdentifier(*name) || isCppKeyword(*name))
      return op->emitOpError() << "name '" << *name
                               << "' is not a valid C++ identifier";
    return table.unique(*name);
  };

  SmallVector<TensorAccessorOp> accessors;
  llvm::DenseMap<Operation *, std::string> semaphoreBase;
  WalkResult result = kernel.walk([&](Operation *op) -> WalkResult {
    FailureOr<std::string> name = std::string();
    auto hint = op->getAttrOfType<StringAttr>(TTDialect::kNameAttrName);
    if (hint && llvm::isa<arith::ArithDialect>(op->getDialect()) &&
        op->getNumResults() == 1) {
      // A value a pass named: declared under that name (loop counters are
      // named where the kernel source is printed).
      name = userName(op, hint.getValue(), "value");
    } else if (auto arg = llvm::dyn_cast<GetArgValOp>(op)) {
      name = userName(op, arg.getName(),
                      llvm::formatv("arg{0}", arg.getIndex()).str());
    } else if (auto arg = llvm::dyn_cast<GetCommonArgValOp>(op)) {
      name = userName(op, arg.getName(),
                      llvm::formatv("common_arg{0}", arg.getIndex()).str());
    } else if (auto arg = llvm::dyn_cast<GetCompileTimeArgValOp>(op)) {
      name = userName(op, arg.getName(),
                      llvm::formatv("ct_arg{0}", arg.getIndex()).str());
    } else if (auto cb = llvm::dyn_cast<GetCBOp>(op)) {
      uint32_t index = llvm::cast<CircularBufferType>(cb.getType()).getIndex();
      std::string key =
          llvm::formatv("{0}#{1}", cb.getName().value_or(""), index).str();
      auto it = cbDeclared.find(key);
      // A later handle on the same CB (CSE keeps one per type) reuses the
      // declaration where the C++ scope makes it visible.
      if (it != cbDeclared.end()) {
        Operation *first = it->second.first;
        Operation *ancestor = first->getBlock()->findAncestorOpInBlock(*op);
        if (ancestor && first->isBeforeInBlock(ancestor)) {
          names.valueName[op] = it->second.second;
          names.cbAliases.insert(op);
          return WalkResult::advance();
        }
      }
      name = userName(op, cb.getName(), llvm::formatv("cb_{0}", index).str());
      if (succeeded(name) && it == cbDeclared.end())
        cbDeclared[key] = {op, *name};
    } else if (auto acc = llvm::dyn_cast<TensorAccessorOp>(op)) {
      name = userName(op, acc.getName(),
                      llvm::formatv("accessor{0}", accessors.size()).str());
      if (succeeded(name)) {
        names.argsName[op] = table.unique(*name + "_args");
        accessors.push_back(acc);
      }
    } else if (llvm::isa<NocAsyncReadPageOp, NocAsyncWritePageOp>(op)) {
      // A page index and a CB slot address computed from the loop counters
      // get names too: `const uint32_t a_page = ...;`, `a_l1_addr`.
      std::string buffer;
      if (Operation *acc = op->getOperand(1).getDefiningOp()) {
        auto it = names.valueName.find(acc);
        if (it != names.valueName.end())
          buffer = it->second + "_";
      }
      auto nameOperand = [&](unsigned index, StringRef suffix) {
        Operation *def = op->getOperand(index).getDefiningOp();
        if (!def || !llvm::isa<arith::ArithDialect>(def->getDialect()) ||
            llvm::isa<arith::ConstantOp>(def) || names.valueName.count(def))
          return std::string();
        return table.unique(buffer + suffix.str());
      };
      names.callOperandNames[op] = {nameOperand(0, "page"), std::string(),
                                    nameOperand(2, "l1_addr")};
      return WalkResult::advance();
    } else if (auto sem = llvm::dyn_cast<GetSemaphoreOp>(op)) {
      FailureOr<std::string> base = userName(op, sem.getName(), "semaphore");
      if (failed(base))
        return WalkResult::interrupt();
      semaphoreBase[op] = *base;
      names.semaphorePtrName[op] = table.unique(*base + "_ptr");
      name = table.unique(*base + "_addr");
    } else if (llvm::isa<GetNocAddrOp, GetNocMulticastAddrOp>(op)) {
      // Named for the L1 word or CB pages they address on the other cores:
      // `row_ready_sem_noc_addr`, `in0_mcast_addr`.
      bool multicast = llvm::isa<GetNocMulticastAddrOp>(op);
      Value l1 = op->getOperands().back();
      std::string target = "l1";
      if (auto sem = l1.getDefiningOp<GetSemaphoreOp>())
        target = semaphoreBase.lookup(sem);
      else if (auto ptr = l1.getDefiningOp<GetWritePtrOp>())
        target = cbShortName(cbNameOf(ptr.getCb(), names));
      name = table.unique(target + (multicast ? "_mcast_addr" : "_noc_addr"));
    } else if (llvm::isa<GetWritePtrOp, GetReadPtrOp>(op)) {
      bool write = llvm::isa<GetWritePtrOp>(op);
      std::string cb = cbShortName(cbNameOf(op->getOperand(0), names));
      name = table.unique(
          llvm::formatv("l1_{0}_addr_{1}", write ? "write" : "read", cb).str());
    } else {
      return WalkResult::advance();
    }
    if (failed(name))
      return WalkResult::interrupt();
    names.valueName[op] = *name;
    return WalkResult::advance();
  });
  if (result.wasInterrupted())
    return failure();

  // TensorAccessorArgs chain: an interleaved buffer takes two compile-time
  // arguments, so an accessor whose arguments start right after those of an
  // earlier, visible accessor asks that one for its offset, as tt-metal's
  // examples do; anything else uses the offset itself.
  for (auto [i, acc] : llvm::enumerate(accessors)) {
    uint32_t offset = acc.getArgsOffset();
    std::string expr = std::to_string(offset);
    for (TensorAccessorOp prev : llvm::reverse(ArrayRef(accessors).take_front(i))) {
      Operation *ancestor =
          prev->getBlock()->findAncestorOpInBlock(*acc.getOperation());
      bool visible = ancestor && prev->isBeforeInBlock(ancestor);
      if (visible && prev.getArgsOffset() + 2 == offset) {
        expr = names.argsName[prev] + ".next_compile_time_args_offset()";
        break;
      }
    }
    names.argsOffsetExpr[acc] = expr;
  }
  return success();
}

