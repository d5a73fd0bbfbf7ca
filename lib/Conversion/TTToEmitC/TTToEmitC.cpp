//===- TTToEmitC.cpp - tt kernels to EmitC --------------------------------===//
//
// Turns every kernel (a `func.func` marked `tt.kernel_role`) into
//
//   emitc.file "<kernel symbol>" {
//     emitc.include <"cstdint">
//     emitc.include "api/..."
//     emitc.func @kernel_main() { ... }
//   }
//
// so that `mlir::emitc::translateToCpp(module, os, false, "<kernel symbol>")`
// prints one Metalium kernel source. Every tt op becomes the Metalium call of
// the targeted tt-metal commit (emitc.call_opaque); values the IR names
// (runtime arguments, circular buffers, accessors) and L1 pointers become
// named C++ constants (an emitc.verbatim declaration plus an emitc.literal
// standing for the name). Kernel integers are C++ uint32_t (i32 converts to
// ui32), so i32 arithmetic has patterns here that print plain operators; the
// rest of arith, scf and func go through the upstream patterns. A comment
// (emitc.verbatim "// ...") opens each stage.
//
// The host program (`tt.program`) refers to the kernels by the symbols this
// pass replaces and is not kernel code: it is emitted from the tt IR by
// `tt-translate --emit-metalium` and dropped here.
//
//===----------------------------------------------------------------------===//
#include "TTDialect/Conversion/Passes.h"

#include "mlir/Conversion/ArithToEmitC/ArithToEmitC.h"
#include "mlir/Conversion/FuncToEmitC/FuncToEmitC.h"
#include "mlir/Conversion/SCFToEmitC/SCFToEmitC.h"
#include "mlir/Dialect/EmitC/Transforms/TypeConversions.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include <map>
#include <tuple>

namespace mlir::tt {
#define GEN_PASS_DEF_CONVERTTTTOEMITC
#include "TTDialect/Conversion/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {

//===----------------------------------------------------------------------===//
// C++ names
//===----------------------------------------------------------------------===//

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

/// C++ names of the values a kernel declares, decided before the conversion.
struct KernelNames {
  /// Op -> the name of the constant its result becomes.
  llvm::DenseMap<Operation *, std::string> valueName;
  /// tensor_accessor op -> the name of its TensorAccessorArgs constant.
  llvm::DenseMap<Operation *, std::string> argsName;
  /// tensor_accessor op -> the template argument of its TensorAccessorArgs.
  llvm::DenseMap<Operation *, std::string> argsOffsetExpr;
  /// get_cb ops that reuse an earlier handle's declaration.
  llvm::DenseSet<Operation *> cbAliases;
  /// NoC page op -> the names of its computed page index and L1 address
  /// (empty where the operand is a constant or already named).
  llvm::DenseMap<Operation *, std::pair<std::string, std::string>> nocOperandNames;
};

std::string cbShortName(StringRef cbName) {
  if (cbName.starts_with("cb_") && cbName.size() > 3)
    return cbName.drop_front(3).str();
  return cbName.str();
}

/// The declared name of the circular buffer `cb` (from its tt.get_cb).
std::string cbNameOf(Value cb, const KernelNames &names) {
  if (Operation *def = cb.getDefiningOp()) {
    auto it = names.valueName.find(def);
    if (it != names.valueName.end())
      return it->second;
  }
  if (auto type = llvm::dyn_cast<CircularBufferType>(cb.getType()))
    return llvm::formatv("cb_{0}", type.getIndex()).str();
  return "cb";
}

//===----------------------------------------------------------------------===//
// Preparation: hoisting, deduplication, names, comments
//===----------------------------------------------------------------------===//

bool isArgOp(Operation *op) {
  return llvm::isa<GetArgValOp, GetCommonArgValOp, GetCompileTimeArgValOp>(op);
}

/// Gathers the kernel's declarations at its top, in the order tt-metal's
/// kernels have them: argument reads, then the accessors built from them,
/// then the circular-buffer handles. Argument reads and CB handles have no
/// operands and no effects, so they may move anywhere; accessors move only
/// when their address is an argument read. Then folds repeated reads of one
/// argument or CB under one name into the first, so each becomes exactly one
/// declaration at function scope.
void hoistAndDeduplicate(func::FuncOp kernel) {
  Block &entry = kernel.getBody().front();
  SmallVector<Operation *> args, accessors, cbs;
  kernel.walk([&](Operation *op) {
    if (isArgOp(op))
      args.push_back(op);
    else if (llvm::isa<GetCBOp>(op))
      cbs.push_back(op);
    else if (auto acc = llvm::dyn_cast<TensorAccessorOp>(op)) {
      Operation *def = acc.getAddress().getDefiningOp();
      if (acc->getBlock() == &entry && def && isArgOp(def))
        accessors.push_back(op);
    }
  });
  // Per-core runtime arguments, then common ones, then compile-time ones,
  // each by index.
  auto argKey = [](Operation *op) -> std::pair<int, int64_t> {
    if (auto arg = llvm::dyn_cast<GetArgValOp>(op))
      return {0, arg.getIndex()};
    if (auto arg = llvm::dyn_cast<GetCommonArgValOp>(op))
      return {1, arg.getIndex()};
    return {2, llvm::cast<GetCompileTimeArgValOp>(op).getIndex()};
  };
  llvm::stable_sort(args, [&](Operation *l, Operation *r) {
    return argKey(l) < argKey(r);
  });
  Operation *insertionPoint = nullptr;
  for (ArrayRef<Operation *> group : {ArrayRef(args), ArrayRef(accessors),
                                      ArrayRef(cbs)}) {
    for (Operation *op : group) {
      if (insertionPoint)
        op->moveAfter(insertionPoint);
      else
        op->moveBefore(&entry, entry.begin());
      insertionPoint = op;
    }
  }

  // (op name, index, name) -> first op.
  std::map<std::tuple<std::string, int64_t, std::string>, Operation *> seen;
  SmallVector<Operation *> duplicates;
  for (Operation &op : entry) {
    std::optional<std::tuple<std::string, int64_t, std::string>> key;
    auto nameOf = [](std::optional<StringRef> n) {
      return n ? n->str() : std::string();
    };
    if (auto arg = llvm::dyn_cast<GetArgValOp>(op))
      key = {"arg", arg.getIndex(), nameOf(arg.getName())};
    else if (auto arg = llvm::dyn_cast<GetCommonArgValOp>(op))
      key = {"common", arg.getIndex(), nameOf(arg.getName())};
    else if (auto arg = llvm::dyn_cast<GetCompileTimeArgValOp>(op))
      key = {"ct", arg.getIndex(), nameOf(arg.getName())};
    else if (auto cb = llvm::dyn_cast<GetCBOp>(op))
      key = {"cb",
             llvm::cast<CircularBufferType>(cb.getType()).getIndex(),
             nameOf(cb.getName())};
    if (!key)
      continue;
    auto [it, inserted] = seen.try_emplace(*key, &op);
    if (inserted)
      continue;
    // Same CB index under one name but a different declared capacity: keep
    // both handles (the types differ), they still share a declaration name.
    if (it->second->getResult(0).getType() != op.getResult(0).getType())
      continue;
    op.getResult(0).replaceAllUsesWith(it->second->getResult(0));
    duplicates.push_back(&op);
  }
  for (Operation *op : duplicates)
    op->erase();
}

/// Decides the C++ name of every named value; fails on a name that is not a
/// C++ identifier.
LogicalResult assignNames(func::FuncOp kernel, KernelNames &names) {
  NameTable table;
  llvm::StringMap<std::string> cbDeclared; // IR name + index -> C++ name
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
      if (it != cbDeclared.end()) {
        // A second handle on the same CB (different page count in its type)
        // reuses the declaration.
        names.valueName[op] = it->second;
        names.cbAliases.insert(op);
        return WalkResult::advance();
      }
      name = userName(op, cb.getName(), llvm::formatv("cb_{0}", index).str());
      if (succeeded(name))
        cbDeclared[key] = *name;
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
      names.nocOperandNames[op] = {nameOperand(0, "page"),
                                   nameOperand(2, "l1_addr")};
      return WalkResult::advance();
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

/// The accessor a NoC page op in the same block uses with `cb`'s pointer.
std::string accessorFedBy(Operation *from, Value cb, bool read,
                          const KernelNames &names) {
  for (Operation *op = from; op; op = op->getNextNode()) {
    Value l1, accessor;
    if (auto r = llvm::dyn_cast<NocAsyncReadPageOp>(op); r && read) {
      l1 = r.getL1Address();
      accessor = r.getAccessor();
    } else if (auto w = llvm::dyn_cast<NocAsyncWritePageOp>(op); w && !read) {
      l1 = w.getL1Address();
      accessor = w.getAccessor();
    } else {
      continue;
    }
    Operation *ptr = l1.getDefiningOp();
    if (!ptr || !llvm::isa<GetWritePtrOp, GetReadPtrOp>(ptr) ||
        ptr->getOperand(0) != cb)
      continue;
    if (Operation *def = accessor.getDefiningOp()) {
      auto it = names.valueName.find(def);
      if (it != names.valueName.end())
        return it->second;
    }
    return "DRAM";
  }
  return "";
}

/// The comment that opens the stage `op` starts, if it starts one.
std::string stageComment(Operation *op, bool compute,
                         const KernelNames &names) {
  Operation *prev = op->getPrevNode();
  auto sameKind = [&](auto pred) { return prev && pred(prev); };

  if (llvm::isa<GetArgValOp>(op))
    return sameKind([](Operation *p) { return llvm::isa<GetArgValOp>(p); })
               ? ""
               : "// Runtime arguments: this core's share of the work, set "
                 "by the host with SetRuntimeArgs";
  if (llvm::isa<GetCommonArgValOp>(op))
    return sameKind([](Operation *p) { return llvm::isa<GetCommonArgValOp>(p); })
               ? ""
               : "// Runtime arguments shared by every core of this kernel";
  if (llvm::isa<GetCompileTimeArgValOp>(op))
    return sameKind(
               [](Operation *p) { return llvm::isa<GetCompileTimeArgValOp>(p); })
               ? ""
               : "// Compile-time arguments";
  if (llvm::isa<TensorAccessorOp>(op))
    return sameKind([](Operation *p) { return llvm::isa<TensorAccessorOp>(p); })
               ? ""
               : "// DRAM buffers: page layout from the compile-time args "
                 "(TensorAccessorArgs), base address from the runtime args";
  if (llvm::isa<GetCBOp>(op))
    return sameKind([](Operation *p) { return llvm::isa<GetCBOp>(p); })
               ? ""
               : "// Circular buffers in L1";
  if (auto startup = llvm::dyn_cast<ComputeKernelHwStartupOp>(op))
    return llvm::formatv("// Configure unpack, math and pack for {0} x {1} -> "
                         "{2}, then the matrix engine",
                         cbNameOf(startup.getIn0(), names),
                         cbNameOf(startup.getIn1(), names),
                         cbNameOf(startup.getOut(), names))
        .str();
  // Loops say what they do through the comment the pass that made them left.
  if (auto loop = llvm::dyn_cast<scf::ForOp>(op)) {
    if (auto comment =
            loop->getAttrOfType<StringAttr>(TTDialect::kCommentAttrName))
      return "// " + comment.getValue().str();
    return "";
  }
  if (compute) {
    if (llvm::isa<TileRegsAcquireOp>(op))
      return "// Math: acquire DST, accumulate into it, hand it to the packer";
    if (llvm::isa<CBReserveBackOp>(op) && !llvm::isa_and_nonnull<CBReserveBackOp>(prev))
      return "// Pack: reserve output space, pack DST into it, release DST, "
             "publish the tile";
    if (llvm::isa<TileRegsWaitOp>(op) &&
        !llvm::isa_and_nonnull<CBReserveBackOp>(prev))
      return "// Pack: wait for DST, pack it, give it back to math";
    return "";
  }
  if (auto reserve = llvm::dyn_cast<CBReserveBackOp>(op)) {
    std::string acc = accessorFedBy(op, reserve.getCb(), /*read=*/true, names);
    if (acc.empty())
      return "";
    return llvm::formatv("// Read a page of {0} into {1}", acc,
                         cbNameOf(reserve.getCb(), names))
        .str();
  }
  if (auto wait = llvm::dyn_cast<CBWaitFrontOp>(op)) {
    std::string acc = accessorFedBy(op, wait.getCb(), /*read=*/false, names);
    if (acc.empty())
      return "";
    return llvm::formatv("// Wait for a page of {0} and write it to {1}",
                         cbNameOf(wait.getCb(), names), acc)
        .str();
  }
  if (llvm::isa<NocAsyncReadBarrierOp>(op))
    return "// Wait for the reads to land, then hand the pages to compute";
  if (llvm::isa<NocAsyncWriteBarrierOp>(op))
    return "// Wait for the write to complete, then free the page";
  return "";
}

void insertComments(func::FuncOp kernel, bool compute,
                    const KernelNames &names) {
  SmallVector<std::pair<Operation *, std::string>> comments;
  kernel.walk([&](Operation *op) {
    if (op == kernel.getOperation())
      return;
    std::string text = stageComment(op, compute, names);
    if (!text.empty())
      comments.push_back({op, std::move(text)});
  });
  OpBuilder builder(kernel.getContext());
  Block &entry = kernel.getBody().front();
  for (auto &[op, text] : comments) {
    builder.setInsertionPoint(op);
    // A blank line between stages, except at the top of a block.
    if (op != &op->getBlock()->front() && op->getBlock() == &entry)
      emitc::VerbatimOp::create(builder, op->getLoc(), "");
    emitc::VerbatimOp::create(builder, op->getLoc(), text);
  }
}

//===----------------------------------------------------------------------===//
// Patterns
//===----------------------------------------------------------------------===//

template <typename OpTy>
struct TTPattern : OpConversionPattern<OpTy> {
  TTPattern(const TypeConverter &converter, MLIRContext *ctx,
            const KernelNames &names)
      : OpConversionPattern<OpTy>(converter, ctx), names(names) {}

  StringRef nameOf(Operation *op) const {
    auto it = names.valueName.find(op);
    assert(it != names.valueName.end() && "named value without a name");
    return it->second;
  }

  /// Replaces `op` by `declaration` followed by a literal naming its result.
  void declare(Operation *op, ConversionPatternRewriter &rewriter,
               StringRef declaration, ValueRange fmtArgs = {}) const {
    emitc::VerbatimOp::create(rewriter, op->getLoc(),
                              rewriter.getStringAttr(declaration), fmtArgs);
    Type type = this->getTypeConverter()->convertType(op->getResult(0).getType());
    rewriter.replaceOpWithNewOp<emitc::LiteralOp>(op, type, nameOf(op));
  }

  const KernelNames &names;
};

template <typename OpTy>
struct ArgPattern : TTPattern<OpTy> {
  using TTPattern<OpTy>::TTPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    std::string decl;
    if constexpr (std::is_same_v<OpTy, GetCompileTimeArgValOp>)
      decl = llvm::formatv("constexpr uint32_t {0} = get_compile_time_arg_val({1});",
                           this->nameOf(op), op.getIndex());
    else if constexpr (std::is_same_v<OpTy, GetCommonArgValOp>)
      decl = llvm::formatv("const uint32_t {0} = get_common_arg_val<uint32_t>({1});",
                           this->nameOf(op), op.getIndex());
    else
      decl = llvm::formatv("const uint32_t {0} = get_arg_val<uint32_t>({1});",
                           this->nameOf(op), op.getIndex());
    this->declare(op, rewriter, decl);
    return success();
  }
};

struct GetCBPattern : TTPattern<GetCBOp> {
  using TTPattern::TTPattern;
  LogicalResult
  matchAndRewrite(GetCBOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = llvm::cast<CircularBufferType>(op.getType());
    StringRef name = nameOf(op);
    // The first handle declares the constant; others only name it.
    if (names.cbAliases.contains(op)) {
      rewriter.replaceOpWithNewOp<emitc::LiteralOp>(
          op, getTypeConverter()->convertType(type), name);
      return success();
    }
    declare(op, rewriter,
            llvm::formatv("constexpr uint32_t {0} = tt::CBIndex::c_{1};", name,
                          type.getIndex())
                .str());
    return success();
  }
};

struct TensorAccessorPattern : TTPattern<TensorAccessorOp> {
  using TTPattern::TTPattern;
  LogicalResult
  matchAndRewrite(TensorAccessorOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    std::string args = names.argsName.lookup(op);
    std::string offset = names.argsOffsetExpr.lookup(op);
    emitc::VerbatimOp::create(
        rewriter, op.getLoc(),
        rewriter.getStringAttr(llvm::formatv(
            "constexpr auto {0} = TensorAccessorArgs<{1}>();", args, offset)),
        ValueRange{});
    declare(op, rewriter,
            llvm::formatv("const auto {0} = TensorAccessor({1}, {{});",
                          nameOf(op), args)
                .str(),
            adaptor.getAddress());
    return success();
  }
};

template <typename OpTy>
struct CBPtrPattern : TTPattern<OpTy> {
  using TTPattern<OpTy>::TTPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    constexpr bool write = std::is_same_v<OpTy, GetWritePtrOp>;
    this->declare(op, rewriter,
                  llvm::formatv("const uint32_t {0} = {1}({{});",
                                this->nameOf(op),
                                write ? "get_write_ptr" : "get_read_ptr")
                      .str(),
                  adaptor.getCb());
    return success();
  }
};

/// `noc_async_{read,write}_page(page, accessor, l1_addr)`, naming a computed
/// L1 address and page index first.
template <typename OpTy>
struct NocPagePattern : TTPattern<OpTy> {
  NocPagePattern(const TypeConverter &converter, MLIRContext *ctx,
                 const KernelNames &names, StringRef callee)
      : TTPattern<OpTy>(converter, ctx, names), callee(callee.str()) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value page = adaptor.getPage(), l1 = adaptor.getL1Address();
    auto it = this->names.nocOperandNames.find(op);
    if (it != this->names.nocOperandNames.end()) {
      auto declare = [&](Value &value, StringRef name) {
        if (name.empty())
          return;
        emitc::VerbatimOp::create(
            rewriter, op.getLoc(),
            rewriter.getStringAttr(
                llvm::formatv("const uint32_t {0} = {{};", name).str()),
            ValueRange{value});
        value = emitc::LiteralOp::create(rewriter, op.getLoc(),
                                         value.getType(), name);
      };
      declare(l1, it->second.second);
      declare(page, it->second.first);
    }
    emitc::CallOpaqueOp::create(
        rewriter, op.getLoc(), TypeRange{}, callee,
        ValueRange{page, adaptor.getAccessor(), l1});
    rewriter.eraseOp(op);
    return success();
  }

  std::string callee;
};

/// A tt op that is one Metalium call: `callee<templateArgs>(operands...)`.
template <typename OpTy>
struct CallPattern : OpConversionPattern<OpTy> {
  CallPattern(const TypeConverter &converter, MLIRContext *ctx,
              StringRef callee, StringRef templateArg = {})
      : OpConversionPattern<OpTy>(converter, ctx), callee(callee.str()),
        templateArg(templateArg.str()) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> results;
    if (failed(this->getTypeConverter()->convertTypes(op->getResultTypes(),
                                                      results)))
      return failure();
    ArrayAttr templateArgs;
    if (!templateArg.empty())
      templateArgs = rewriter.getArrayAttr(
          {emitc::OpaqueAttr::get(op->getContext(), templateArg)});
    auto call = emitc::CallOpaqueOp::create(
        rewriter, op->getLoc(), results, callee, adaptor.getOperands(),
        /*args=*/ArrayAttr(), templateArgs);
    rewriter.replaceOp(op, call->getResults());
    return success();
  }

  std::string callee;
  std::string templateArg;
};

/// Integer constants become literals, printed where they are used.
struct ConstantPattern : OpConversionPattern<arith::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(arith::ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto attr = llvm::dyn_cast<IntegerAttr>(op.getValue());
    if (!attr)
      return failure();
    Type type = getTypeConverter()->convertType(op.getType());
    if (!type)
      return failure();
    std::string text;
    if (attr.getType().isInteger(1)) {
      text = attr.getValue().isZero() ? "false" : "true";
    } else if (type.isUnsignedInteger() || llvm::isa<emitc::SizeTType>(type)) {
      uint64_t v = attr.getValue().getZExtValue();
      text = std::to_string(v);
      if (v > 0x7fffffffu)
        text += "u";
    } else {
      text = std::to_string(attr.getValue().getSExtValue());
    }
    rewriter.replaceOpWithNewOp<emitc::LiteralOp>(op, type, text);
    return success();
  }
};

/// Kernel integers are uint32_t in C++ (i32 converts to ui32), so i32
/// arithmetic prints as plain C++ operators on them. Upstream's arith
/// patterns assume integer types convert to themselves and would wrap every
/// operand in casts.
/// Replaces `op` by `result`; a value the passes named (tt.name) is declared
/// first, `const uint32_t name = ...;`, so it is computed once where it was
/// defined and reads by its meaning.
void replaceNamed(Operation *op, Value result, const KernelNames &names,
                  ConversionPatternRewriter &rewriter) {
  auto it = names.valueName.find(op);
  if (it == names.valueName.end()) {
    rewriter.replaceOp(op, result);
    return;
  }
  emitc::VerbatimOp::create(
      rewriter, op->getLoc(),
      rewriter.getStringAttr(
          llvm::formatv("const uint32_t {0} = {{};", it->second).str()),
      ValueRange{result});
  rewriter.replaceOpWithNewOp<emitc::LiteralOp>(op, result.getType(),
                                                it->second);
}

template <typename ArithOp, typename EmitCOp>
struct UnsignedBinaryPattern : OpConversionPattern<ArithOp> {
  UnsignedBinaryPattern(const TypeConverter &converter, MLIRContext *ctx,
                        const KernelNames &names, PatternBenefit benefit = 1)
      : OpConversionPattern<ArithOp>(converter, ctx, benefit), names(names) {}
  LogicalResult
  matchAndRewrite(ArithOp op, typename ArithOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = this->getTypeConverter()->convertType(op.getType());
    if (!type || !type.isUnsignedInteger())
      return failure();
    Value result =
        EmitCOp::create(rewriter, op.getLoc(), type, adaptor.getLhs(), adaptor.getRhs());
    replaceNamed(op, result, names, rewriter);
    return success();
  }
  const KernelNames &names;
};

/// Signed i32 operations: computed on int32_t, converted back to uint32_t.
template <typename ArithOp, typename EmitCOp>
struct SignedBinaryPattern : OpConversionPattern<ArithOp> {
  SignedBinaryPattern(const TypeConverter &converter, MLIRContext *ctx,
                      const KernelNames &names, PatternBenefit benefit = 1)
      : OpConversionPattern<ArithOp>(converter, ctx, benefit), names(names) {}
  LogicalResult
  matchAndRewrite(ArithOp op, typename ArithOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = this->getTypeConverter()->convertType(op.getType());
    if (!type || !type.isUnsignedInteger())
      return failure();
    Type signedType = op.getType();
    Location loc = op.getLoc();
    Value lhs = emitc::CastOp::create(rewriter, loc, signedType, adaptor.getLhs());
    Value rhs = emitc::CastOp::create(rewriter, loc, signedType, adaptor.getRhs());
    Value result = EmitCOp::create(rewriter, loc, signedType, lhs, rhs);
    replaceNamed(op, emitc::CastOp::create(rewriter, loc, type, result), names,
                 rewriter);
    return success();
  }
  const KernelNames &names;
};

struct CmpIPattern : OpConversionPattern<arith::CmpIOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(arith::CmpIOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type operandType =
        getTypeConverter()->convertType(op.getLhs().getType());
    if (!operandType || !operandType.isUnsignedInteger())
      return failure();
    using P = arith::CmpIPredicate;
    emitc::CmpPredicate predicate = emitc::CmpPredicate::eq;
    bool isSigned = false;
    switch (op.getPredicate()) {
    case P::eq: predicate = emitc::CmpPredicate::eq; break;
    case P::ne: predicate = emitc::CmpPredicate::ne; break;
    case P::ult: predicate = emitc::CmpPredicate::lt; break;
    case P::ule: predicate = emitc::CmpPredicate::le; break;
    case P::ugt: predicate = emitc::CmpPredicate::gt; break;
    case P::uge: predicate = emitc::CmpPredicate::ge; break;
    case P::slt: predicate = emitc::CmpPredicate::lt; isSigned = true; break;
    case P::sle: predicate = emitc::CmpPredicate::le; isSigned = true; break;
    case P::sgt: predicate = emitc::CmpPredicate::gt; isSigned = true; break;
    case P::sge: predicate = emitc::CmpPredicate::ge; isSigned = true; break;
    }
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    if (isSigned) {
      Type signedType = op.getLhs().getType();
      lhs = emitc::CastOp::create(rewriter, op.getLoc(), signedType, lhs);
      rhs = emitc::CastOp::create(rewriter, op.getLoc(), signedType, rhs);
    }
    rewriter.replaceOpWithNewOp<emitc::CmpOp>(op, rewriter.getI1Type(),
                                              predicate, lhs, rhs);
    return success();
  }
};

/// `a < b ? a : b` and `a > b ? a : b` on uint32_t.
template <typename ArithOp, emitc::CmpPredicate Predicate>
struct UnsignedMinMaxPattern : OpConversionPattern<ArithOp> {
  using OpConversionPattern<ArithOp>::OpConversionPattern;
  LogicalResult
  matchAndRewrite(ArithOp op, typename ArithOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = this->getTypeConverter()->convertType(op.getType());
    if (!type || !type.isUnsignedInteger())
      return failure();
    Value cond = emitc::CmpOp::create(rewriter, op.getLoc(),
                                      rewriter.getI1Type(), Predicate,
                                      adaptor.getLhs(), adaptor.getRhs());
    rewriter.replaceOpWithNewOp<emitc::ConditionalOp>(
        op, type, cond, adaptor.getLhs(), adaptor.getRhs());
    return success();
  }
};

void populateUnsignedArithPatterns(const TypeConverter &converter,
                                   RewritePatternSet &patterns,
                                   const KernelNames &names) {
  MLIRContext *ctx = patterns.getContext();
  PatternBenefit high(2);
  patterns.add<UnsignedBinaryPattern<arith::AddIOp, emitc::AddOp>,
               UnsignedBinaryPattern<arith::SubIOp, emitc::SubOp>,
               UnsignedBinaryPattern<arith::MulIOp, emitc::MulOp>,
               UnsignedBinaryPattern<arith::DivUIOp, emitc::DivOp>,
               UnsignedBinaryPattern<arith::RemUIOp, emitc::RemOp>,
               UnsignedBinaryPattern<arith::AndIOp, emitc::BitwiseAndOp>,
               UnsignedBinaryPattern<arith::OrIOp, emitc::BitwiseOrOp>,
               UnsignedBinaryPattern<arith::XOrIOp, emitc::BitwiseXorOp>,
               UnsignedBinaryPattern<arith::ShLIOp, emitc::BitwiseLeftShiftOp>,
               UnsignedBinaryPattern<arith::ShRUIOp, emitc::BitwiseRightShiftOp>,
               SignedBinaryPattern<arith::DivSIOp, emitc::DivOp>,
               SignedBinaryPattern<arith::RemSIOp, emitc::RemOp>,
               SignedBinaryPattern<arith::ShRSIOp, emitc::BitwiseRightShiftOp>>(
      converter, ctx, names, high);
  patterns.add<ConstantPattern, CmpIPattern,
               UnsignedMinMaxPattern<arith::MinUIOp, emitc::CmpPredicate::lt>,
               UnsignedMinMaxPattern<arith::MaxUIOp, emitc::CmpPredicate::gt>>(
      converter, ctx, high);
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

/// Kernel ops are Metalium calls; tt ops of the earlier pipeline stages
/// (blocks of tiles, host-side ops) have to be lowered before emission.
LogicalResult checkSupportedOps(func::FuncOp kernel) {
  WalkResult result = kernel.walk<WalkOrder::PreOrder>([&](Operation *op)
                                                          -> WalkResult {
    if (op == kernel.getOperation() ||
        llvm::isa<scf::ForOp, scf::IfOp, scf::YieldOp, func::ReturnOp,
                  emitc::VerbatimOp>(op) ||
        llvm::isa_and_nonnull<arith::ArithDialect>(op->getDialect()))
      return WalkResult::advance();
    if (!llvm::isa_and_nonnull<TTDialect>(op->getDialect())) {
      op->emitOpError() << "cannot be emitted as kernel code: kernels hold "
                           "tt kernel calls, arith, scf.for and scf.if";
      return WalkResult::interrupt();
    }
    if (llvm::isa<GetArgValOp, GetCommonArgValOp, GetCompileTimeArgValOp,
                  GetCBOp, CBReserveBackOp, CBPushBackOp, CBWaitFrontOp,
                  CBPopFrontOp, GetWritePtrOp, GetReadPtrOp, TensorAccessorOp,
                  NocAsyncReadPageOp, NocAsyncWritePageOp,
                  NocAsyncReadBarrierOp, NocAsyncWriteBarrierOp,
                  NocAsyncWritesFlushedOp, ComputeKernelHwStartupOp,
                  MatmulInitOp, MatmulTilesOp, TileRegsAcquireOp,
                  TileRegsCommitOp, TileRegsWaitOp, TileRegsReleaseOp,
                  PackTileOp, CopyTileInitOp, CopyTileOp>(op))
      return WalkResult::advance();
    op->emitOpError() << "is not a Metalium kernel call and cannot be "
                         "emitted; lower it first (tt-opt "
                         "--tl-to-tt-pipeline produces kernels of calls only)";
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}

SmallVector<StringRef> includesFor(KernelRole role) {
  if (role == KernelRole::Compute)
    return {"api/compute/compute_kernel_hw_startup.h", "api/compute/matmul.h",
            "api/compute/tile_move_copy.h", "api/compute/pack.h"};
  return {"api/dataflow/dataflow_api.h"};
}

struct ConvertTTToEmitC
    : public tt::impl::ConvertTTToEmitCBase<ConvertTTToEmitC> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();

    SmallVector<func::FuncOp> kernels;
    for (auto func : module.getOps<func::FuncOp>())
      if (func->hasAttr(TTDialect::kKernelRoleAttrName))
        kernels.push_back(func);

    // The host program is emitted from tt IR, not through EmitC; it names
    // the kernel functions this pass replaces.
    for (auto program : llvm::make_early_inc_range(module.getOps<ProgramOp>()))
      program.erase();

    TypeConverter converter;
    converter.addConversion([](Type type) { return type; });
    converter.addConversion([ctx](IntegerType type) -> Type {
      // Kernel integers are Metalium's uint32_t.
      if (type.getWidth() == 32 && type.isSignless())
        return IntegerType::get(ctx, 32, IntegerType::Unsigned);
      return type;
    });
    populateEmitCSizeTTypeConversions(converter);
    converter.addConversion([ctx](CircularBufferType) -> Type {
      return emitc::OpaqueType::get(ctx, "uint32_t");
    });
    converter.addConversion([ctx](TensorAccessorType) -> Type {
      return emitc::OpaqueType::get(ctx, "TensorAccessor");
    });
    auto cast = [](OpBuilder &builder, Type type, ValueRange inputs,
                   Location loc) -> Value {
      if (inputs.size() != 1 || !emitc::isSupportedEmitCType(type) ||
          !emitc::isSupportedEmitCType(inputs.front().getType()))
        return Value();
      return emitc::CastOp::create(builder, loc, type, inputs.front());
    };
    converter.addSourceMaterialization(cast);
    converter.addTargetMaterialization(cast);

    for (func::FuncOp kernel : kernels) {
      auto role =
          kernel->getAttrOfType<KernelRoleAttr>(TTDialect::kKernelRoleAttrName);
      if (kernel.isExternal()) {
        kernel.emitOpError() << "kernel @" << kernel.getSymName()
                             << " has no body to emit";
        return signalPassFailure();
      }
      bool compute = role.getValue() == KernelRole::Compute;
      if (failed(checkSupportedOps(kernel)))
        return signalPassFailure();
      KernelNames names;
      hoistAndDeduplicate(kernel);
      if (failed(assignNames(kernel, names)))
        return signalPassFailure();
      insertComments(kernel, compute, names);

      // Wrap the kernel in its own file: includes, then kernel_main.
      OpBuilder builder(kernel);
      auto file = emitc::FileOp::create(builder, kernel.getLoc(),
                                        kernel.getSymName());
      builder.setInsertionPointToStart(&file.getBodyRegion().front());
      emitc::VerbatimOp::create(
          builder, kernel.getLoc(),
          llvm::formatv("// {0} kernel, from tt kernel @{1}",
                        compute ? "Compute"
                        : role.getValue() == KernelRole::Reader ? "Reader"
                                                                : "Writer",
                        kernel.getSymName())
              .str());
      auto include = emitc::IncludeOp::create(builder, kernel.getLoc(),
                                              builder.getStringAttr("cstdint"));
      include.setIsStandardInclude(true);
      for (StringRef header : includesFor(role.getValue()))
        emitc::IncludeOp::create(builder, kernel.getLoc(),
                                 builder.getStringAttr(header));
      emitc::VerbatimOp::create(builder, kernel.getLoc(), "");
      kernel->moveBefore(&file.getBodyRegion().front(),
                         file.getBodyRegion().front().end());
      kernel->removeAttr(TTDialect::kKernelRoleAttrName);
      kernel.setSymName("kernel_main");

      ConversionTarget target(*ctx);
      target.addLegalDialect<emitc::EmitCDialect>();
      target.addIllegalDialect<TTDialect, arith::ArithDialect, scf::SCFDialect,
                               func::FuncDialect>();

      RewritePatternSet patterns(ctx);
      patterns.add<ArgPattern<GetArgValOp>, ArgPattern<GetCommonArgValOp>,
                   ArgPattern<GetCompileTimeArgValOp>, GetCBPattern,
                   TensorAccessorPattern, CBPtrPattern<GetWritePtrOp>,
                   CBPtrPattern<GetReadPtrOp>>(converter, ctx, names);
      patterns.add<CallPattern<CBReserveBackOp>>(converter, ctx,
                                                 "cb_reserve_back");
      patterns.add<CallPattern<CBPushBackOp>>(converter, ctx, "cb_push_back");
      patterns.add<CallPattern<CBWaitFrontOp>>(converter, ctx, "cb_wait_front");
      patterns.add<CallPattern<CBPopFrontOp>>(converter, ctx, "cb_pop_front");
      patterns.add<NocPagePattern<NocAsyncReadPageOp>>(
          converter, ctx, names, "noc_async_read_page");
      patterns.add<NocPagePattern<NocAsyncWritePageOp>>(
          converter, ctx, names, "noc_async_write_page");
      patterns.add<CallPattern<NocAsyncReadBarrierOp>>(
          converter, ctx, "noc_async_read_barrier");
      patterns.add<CallPattern<NocAsyncWriteBarrierOp>>(
          converter, ctx, "noc_async_write_barrier");
      patterns.add<CallPattern<NocAsyncWritesFlushedOp>>(
          converter, ctx, "noc_async_writes_flushed");
      patterns.add<CallPattern<ComputeKernelHwStartupOp>>(
          converter, ctx, "compute_kernel_hw_startup", "SrcOrder::Reverse");
      patterns.add<CallPattern<MatmulInitOp>>(converter, ctx, "matmul_init");
      patterns.add<CallPattern<MatmulTilesOp>>(converter, ctx, "matmul_tiles");
      patterns.add<CallPattern<TileRegsAcquireOp>>(converter, ctx,
                                                   "tile_regs_acquire");
      patterns.add<CallPattern<TileRegsCommitOp>>(converter, ctx,
                                                  "tile_regs_commit");
      patterns.add<CallPattern<TileRegsWaitOp>>(converter, ctx,
                                                "tile_regs_wait");
      patterns.add<CallPattern<TileRegsReleaseOp>>(converter, ctx,
                                                   "tile_regs_release");
      patterns.add<CallPattern<PackTileOp>>(converter, ctx, "pack_tile");
      patterns.add<CallPattern<CopyTileInitOp>>(converter, ctx,
                                                "copy_tile_to_dst_init_short");
      patterns.add<CallPattern<CopyTileOp>>(converter, ctx, "copy_tile");
      populateUnsignedArithPatterns(converter, patterns, names);
      populateArithToEmitCPatterns(converter, patterns);
      populateSCFToEmitCConversionPatterns(patterns, converter);
      populateFuncToEmitCPatterns(converter, patterns);

      if (failed(applyFullConversion(file, target, std::move(patterns))))
        return signalPassFailure();
    }
  }
};

} // namespace
