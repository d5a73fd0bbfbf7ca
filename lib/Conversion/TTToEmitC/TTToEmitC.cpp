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
// prints one Metalium kernel source. An op that is a kernel API call
// (KernelCallOpInterface) becomes emitc.call_opaque of the callee the op
// names; values the IR names (runtime arguments, circular buffers, accessors)
// and L1 pointers become named C++ constants (an emitc.verbatim declaration
// plus an emitc.literal standing for the name; KernelNames.cpp decides the
// names). i32 arithmetic prints as uint32_t operators (ArithToEmitC.cpp); the
// rest of arith, scf and func go through the upstream patterns. The comments
// the passes attached to ops (tt.comment) open their stages
// (StageComments.cpp).
//
// The kernel is expected to be free of repeated argument reads and CB
// handles (the pipeline runs CSE and loop-invariant code motion first); a
// repeat still emits correct C++, under a second name.
//
// The host program (`tt.program`) refers to the kernels by the symbols this
// pass replaces and is not kernel code: it is emitted from the tt IR by
// `tt-translate --emit-metalium` and dropped here.
//
//===----------------------------------------------------------------------===//
#include "KernelNames.h"

#include "TTDialect/Conversion/Passes.h"

#include "mlir/Conversion/ArithToEmitC/ArithToEmitC.h"
#include "mlir/Conversion/FuncToEmitC/FuncToEmitC.h"
#include "mlir/Conversion/SCFToEmitC/SCFToEmitC.h"
#include "mlir/Dialect/EmitC/Transforms/TypeConversions.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/Support/FormatVariadic.h"

namespace mlir::tt {
#define GEN_PASS_DEF_CONVERTTTTOEMITC
#include "TTDialect/Conversion/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;
using namespace mlir::tt::emitc_kernel;

namespace {

template <typename OpTy>
struct TTPattern : OpConversionPattern<OpTy> {
  TTPattern(const TypeConverter &converter, MLIRContext *ctx,
            const KernelNames &names, PatternBenefit benefit = 1)
      : OpConversionPattern<OpTy>(converter, ctx, benefit), names(names) {}

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

/// `get_semaphore(id)` declares the semaphore's address and the L1 pointer
/// the wait and set calls take.
struct GetSemaphorePattern : TTPattern<GetSemaphoreOp> {
  using TTPattern::TTPattern;
  LogicalResult
  matchAndRewrite(GetSemaphoreOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    StringRef addr = nameOf(op);
    std::string ptr = names.semaphorePtrName.lookup(op);
    emitc::VerbatimOp::create(
        rewriter, op.getLoc(),
        rewriter.getStringAttr(llvm::formatv(
            "const uint32_t {0} = get_semaphore({{});", addr)),
        ValueRange{adaptor.getId()});
    declare(op, rewriter,
            llvm::formatv("volatile tt_l1_ptr uint32_t* {0} = "
                          "reinterpret_cast<volatile tt_l1_ptr uint32_t*>({1});",
                          ptr, addr)
                .str());
    // declare() left a literal of the address for the op's result.
    return success();
  }
};

/// A NoC address computed once, under its name: `const uint64_t
/// row_ready_sem_noc_addr = get_noc_addr(x, y, addr);`.
template <typename OpTy>
struct NocAddrPattern : TTPattern<OpTy> {
  using TTPattern<OpTy>::TTPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    constexpr bool multicast = std::is_same_v<OpTy, GetNocMulticastAddrOp>;
    std::string placeholders = multicast ? "{}, {}, {}, {}, {}" : "{}, {}, {}";
    this->declare(op, rewriter,
                  llvm::formatv("const uint64_t {0} = {1}({2});",
                                this->nameOf(op),
                                multicast ? "get_noc_multicast_addr"
                                          : "get_noc_addr",
                                placeholders)
                      .str(),
                  adaptor.getOperands());
    return success();
  }
};

/// `noc_semaphore_wait(ptr, value)` / `noc_semaphore_set(ptr, value)` on the
/// pointer tt.get_semaphore declared (or a cast of a computed address).
template <typename OpTy>
struct SemaphorePtrPattern : TTPattern<OpTy> {
  using TTPattern<OpTy>::TTPattern;
  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    constexpr bool wait = std::is_same_v<OpTy, NocSemaphoreWaitOp>;
    StringRef callee = wait ? "noc_semaphore_wait" : "noc_semaphore_set";
    std::string call;
    SmallVector<Value> args;
    auto sem = op.getSemaphore().template getDefiningOp<GetSemaphoreOp>();
    if (sem && this->names.semaphorePtrName.count(sem)) {
      call = llvm::formatv("{0}({1}, {{});", callee,
                           this->names.semaphorePtrName.lookup(sem));
    } else {
      call = llvm::formatv(
          "{0}(reinterpret_cast<volatile tt_l1_ptr uint32_t*>({{}), {{});",
          callee);
      args.push_back(adaptor.getSemaphore());
    }
    args.push_back(adaptor.getValue());
    emitc::VerbatimOp::create(rewriter, op.getLoc(),
                              rewriter.getStringAttr(call), args);
    rewriter.eraseOp(op);
    return success();
  }
};

/// An op that is one kernel API call, `callee<template args>(operands...)`,
/// the callee and template arguments from the op (KernelCallOpInterface).
/// Operands the namer named are declared first: `const uint32_t a_page = ...;`.
struct KernelCallPattern
    : OpInterfaceConversionPattern<KernelCallOpInterface> {
  KernelCallPattern(const TypeConverter &converter, MLIRContext *ctx,
                    const KernelNames &names)
      : OpInterfaceConversionPattern(converter, ctx), names(names) {}

  LogicalResult
  matchAndRewrite(KernelCallOpInterface op, ArrayRef<Value> operands,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> results;
    if (failed(getTypeConverter()->convertTypes(op->getResultTypes(), results)))
      return failure();
    SmallVector<Value> args(operands);
    auto named = names.callOperandNames.find(op);
    if (named != names.callOperandNames.end())
      for (auto [value, name] : llvm::zip(args, named->second)) {
        if (name.empty())
          continue;
        emitc::VerbatimOp::create(
            rewriter, op->getLoc(),
            rewriter.getStringAttr(
                llvm::formatv("const uint32_t {0} = {{};", name).str()),
            ValueRange{value});
        value = emitc::LiteralOp::create(rewriter, op->getLoc(),
                                         value.getType(), name);
      }
    ArrayAttr templateArgs;
    if (StringRef targs = op.getTemplateArgs(); !targs.empty())
      templateArgs = rewriter.getArrayAttr(
          {emitc::OpaqueAttr::get(op->getContext(), targs)});
    auto call = emitc::CallOpaqueOp::create(rewriter, op->getLoc(), results,
                                            op.getCallee(), args,
                                            /*args=*/ArrayAttr(), templateArgs);
    rewriter.replaceOp(op, call->getResults());
    return success();
  }

  const KernelNames &names;
};

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
    if (llvm::isa<KernelCallOpInterface, GetArgValOp, GetCommonArgValOp,
                  GetCompileTimeArgValOp, GetCBOp, GetWritePtrOp, GetReadPtrOp,
                  TensorAccessorOp, GetSemaphoreOp, NocSemaphoreWaitOp,
                  NocSemaphoreSetOp, GetNocAddrOp, GetNocMulticastAddrOp>(op))
      return WalkResult::advance();
    op->emitOpError() << "is not a Metalium kernel call and cannot be "
                         "emitted; lower it first (tt-opt "
                         "--tl-to-tt-pipeline produces kernels of calls only)";
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}

SmallVector<StringRef> includesFor(func::FuncOp kernel, KernelRole role) {
  if (role != KernelRole::Compute)
    return {"api/dataflow/dataflow_api.h"};
  SmallVector<StringRef> headers = {
      "api/compute/compute_kernel_hw_startup.h", "api/compute/matmul.h",
      "api/compute/tile_move_copy.h", "api/compute/pack.h",
      "api/compute/reconfig_data_format.h"};
  if (!kernel.getOps<TransposeWhInitOp>().empty() ||
      kernel.walk([](TransposeWhTileOp) { return WalkResult::interrupt(); })
          .wasInterrupted())
    headers.push_back("api/compute/transpose_wh.h");
  // Epilogue calls name their own headers (broadcast, SFPU ops).
  kernel.walk([&](KernelCallOpInterface call) {
    StringRef header = call.getHeader();
    if (!header.empty() && !llvm::is_contained(headers, header))
      headers.push_back(header);
  });
  return headers;
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
      // and uint64_t for NoC addresses.
      if ((type.getWidth() == 32 || type.getWidth() == 64) && type.isSignless())
        return IntegerType::get(ctx, type.getWidth(), IntegerType::Unsigned);
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
      if (failed(assignNames(kernel, names)))
        return signalPassFailure();
      insertStageComments(kernel);

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
      for (StringRef header : includesFor(kernel, role.getValue()))
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
                   CBPtrPattern<GetReadPtrOp>, GetSemaphorePattern,
                   SemaphorePtrPattern<NocSemaphoreWaitOp>,
                   SemaphorePtrPattern<NocSemaphoreSetOp>,
                   NocAddrPattern<GetNocAddrOp>,
                   NocAddrPattern<GetNocMulticastAddrOp>>(converter, ctx,
                                                          names);
      patterns.add<KernelCallPattern>(converter, ctx, names);
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
