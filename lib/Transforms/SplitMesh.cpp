//===- SplitMesh.cpp - a whole matmul split over a mesh of devices --------===//
//
// Each device of the mesh computes one shard of C with the single-device
// pipeline; this pass picks the cut (by the cost model, host transfers
// included) and turns the function into the shard one device computes.
//
//===----------------------------------------------------------------------===//
#include "TTDialect/Transforms/Passes.h"
#include "TTDialect/Transforms/ScheduleCost.h"

#include "ttemu/device_model.hpp"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTSPLITMESH
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
/// One way to cut C over the mesh: `m` shards of rows, `n` of columns. With
/// both above 1 rows follow the mesh's rows and columns its columns.
struct Cut {
  int64_t m = 1, n = 1;
  MeshSplitChoice kind = MeshSplitChoice::M;
  // Per device: the shard's tiles, and the predicted device and host times.
  int64_t mTiles = 0, nTiles = 0;
  double deviceCycles = 0, deviceUs = 0, hostUs = 0;
  uint64_t cores = 0;
  std::string schedule;
  double totalUs() const { return deviceUs + hostUs; }
};

StringRef describeKind(MeshSplitChoice kind) {
  switch (kind) {
  case MeshSplitChoice::M:
    return "rows of C over all devices (B on every device)";
  case MeshSplitChoice::N:
    return "columns of C over all devices (A on every device)";
  case MeshSplitChoice::Both:
    return "rows over the mesh's rows, columns over its columns";
  case MeshSplitChoice::Auto:
    break;
  }
  return "";
}

struct TTSplitMeshPass : tt::impl::TTSplitMeshBase<TTSplitMeshPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    auto targetAttr =
        func->getAttrOfType<TargetAttr>(TTDialect::kTargetAttrName);
    if (!targetAttr || targetAttr.getNumDevices() == 1 ||
        func->hasAttr(TTDialect::kMeshSplitAttrName))
      return;
    MeshAttr mesh = targetAttr.getMesh();
    for (tl::KernelOp kernel : func.getOps<tl::KernelOp>()) {
      kernel.emitError()
          << "a " << mesh.getRows() << "x" << mesh.getCols()
          << " mesh needs a whole-buffer matmul (tl.matmul or linalg.matmul) "
             "to split; a tl.kernel's blocks are laid out for one device";
      return signalPassFailure();
    }
    auto matmuls = llvm::to_vector(func.getOps<tl::MatmulOp>());
    if (matmuls.size() != 1)
      return; // tt-select-schedule names the extra ones
    tl::MatmulOp op = matmuls.front();
    if (failed(checkSplittable(func, op)))
      return signalPassFailure();

    FailureOr<Cut> chosen = choose(op, targetAttr);
    if (failed(chosen))
      return signalPassFailure();
    rewrite(func, op, *chosen);
  }

  /// A split needs the function to be just the matmul on its arguments.
  LogicalResult checkSplittable(func::FuncOp func, tl::MatmulOp op) {
    if (op.getBatch() > 1)
      return op.emitOpError()
             << "a batch of products is not split over a mesh yet; split the "
                "batch into functions, or compile it for one device";
    for (Operation &other : func.getBody().front()) {
      if (&other == op.getOperation() || llvm::isa<func::ReturnOp>(other))
        continue;
      return other.emitError()
             << "a function split over a mesh holds only its tl.matmul (the "
                "split rewrites the arguments into one device's shards)";
    }
    llvm::SmallPtrSet<Value, 4> seen;
    for (Value operand : op->getOperands())
      if (!llvm::isa<BlockArgument>(operand) || !seen.insert(operand).second)
        return op.emitOpError()
               << "a matmul split over a mesh takes distinct function "
                  "arguments as its operands (each is cut its own way)";
    return success();
  }

  /// Predicts every cut the mesh allows and returns the fixed or cheapest.
  FailureOr<Cut> choose(tl::MatmulOp op, TargetAttr target) {
    MeshAttr mesh = target.getMesh();
    int64_t devices = mesh.getNumDevices();
    tl::MatmulShape shape = op.getShape();
    int64_t mTiles = tl::tilesFor(shape.m), nTiles = tl::tilesFor(shape.n),
            kTiles = tl::tilesFor(shape.k);
    uint64_t aBytes = getTileSizeInBytes(getStorageFormat(op.getA())),
             bBytes = getTileSizeInBytes(getStorageFormat(op.getB())),
             cBytes = getTileSizeInBytes(getStorageFormat(op.getC()));
    const ttemu::model::DeviceModel *model = ttemu::model::find_device_model(
        stringifyArch(target.getDevice().getArch()).str());
    const ttemu::model::SystemModel *system = ttemu::model::find_system(
        model->name, uint32_t(mesh.getRows()), uint32_t(mesh.getCols()));
    int64_t chipsPerLink = system ? system->chips_per_host_link : 1;
    double linkBytesPerUs = model->host_link_gbps * 1e3;
    double clockMHz = target.getDevice().getClockMHz();

    SmallVector<Cut> cuts;
    auto add = [&](MeshSplitChoice kind, int64_t m, int64_t n) {
      Cut cut;
      cut.kind = kind;
      cut.m = m;
      cut.n = n;
      cut.mTiles = llvm::divideCeil(mTiles, m);
      cut.nTiles = llvm::divideCeil(nTiles, n);
      MatmulProblem problem{cut.mTiles, cut.nTiles, kTiles, aBytes, bBytes,
                            cBytes, op.getTransposeA(), op.getAccumulate(), 1};
      problem.bias = static_cast<bool>(op.getBias());
      if (ArrayAttr steps = op.getEpilogueAttr())
        for (Attribute step : steps)
          problem.addEpilogueStep(getEpilogueStep(step));
      SmallVector<ScoredSchedule> scored =
          searchSchedules(problem, target, {Schedule::Multicast, Schedule::Reuse},
                          0, 0, 0, /*stages=*/2);
      if (scored.empty())
        return; // no schedule fits one device's L1: not a candidate
      const ScoredSchedule &best = scored.front();
      cut.deviceCycles = best.prediction.cycles;
      cut.deviceUs = best.prediction.cycles / clockMHz;
      cut.cores = best.prediction.cores;
      cut.schedule = llvm::formatv("{0} block {1}x{2}x{3}",
                                   stringifySchedule(best.candidate.kind),
                                   best.candidate.blockM * tl::kTileSize,
                                   best.candidate.blockN * tl::kTileSize,
                                   best.candidate.blockK * tl::kTileSize)
                         .str();
      // Host transfers: each chip's inputs in, its C shard out; the chips
      // behind one host link share it, the links work in parallel.
      double in = double(m > 1 ? cut.mTiles : mTiles) * kTiles * aBytes +
                  double(n > 1 ? cut.nTiles : nTiles) * kTiles * bBytes;
      double out = double(cut.mTiles) * cut.nTiles * cBytes;
      if (op.getAccumulate())
        in += out;
      auto busiest = [&](double perChip) {
        return double(ttemu::model::busiest_link_bytes(
            uint32_t(chipsPerLink),
            std::vector<uint64_t>(devices, uint64_t(perChip))));
      };
      cut.hostUs = (busiest(in) + busiest(out)) / linkBytesPerUs;
      cuts.push_back(cut);
    };
    add(MeshSplitChoice::M, devices, 1);
    add(MeshSplitChoice::N, 1, devices);
    if (mesh.getRows() > 1 && mesh.getCols() > 1)
      add(MeshSplitChoice::Both, mesh.getRows(), mesh.getCols());

    const Cut *best = nullptr;
    for (const Cut &cut : cuts) {
      if (split != MeshSplitChoice::Auto && cut.kind != split)
        continue;
      if (!best || cut.totalUs() < best->totalUs())
        best = &cut;
    }
    if (!best) {
      InFlightDiagnostic diag = op.emitOpError();
      if (split == MeshSplitChoice::Both && mesh.getRows() == 1)
        diag << "a split of rows and columns needs a mesh of several rows and "
                "columns, not "
             << mesh.getRows() << "x" << mesh.getCols();
      else
        diag << "no split of this matmul over the " << mesh.getRows() << "x"
             << mesh.getCols()
             << " mesh fits one device's L1 with any schedule";
      return failure();
    }
    if (explain) {
      InFlightDiagnostic remark = op.emitRemark();
      StringRef name = mesh.getSystemName(target.getDevice().getArch());
      remark << "mesh split on the " << mesh.getRows() << "x" << mesh.getCols()
             << " mesh" << (name.empty() ? "" : " (" + name.str() + ")")
             << ": " << describe(*best, shape);
      for (const Cut &cut : cuts)
        if (&cut != best)
          remark.attachNote()
              << "also considered: " << describe(cut, shape) << " ("
              << llvm::formatv("{0:f2}", cut.totalUs() / best->totalUs())
              << "x the winner)";
    }
    return *best;
  }

  static std::string describe(const Cut &cut, tl::MatmulShape shape) {
    int64_t m = cut.m > 1 ? cut.mTiles * tl::kTileSize : shape.m;
    int64_t n = cut.n > 1 ? cut.nTiles * tl::kTileSize : shape.n;
    return llvm::formatv("{0}, {1}x{2} shards: {3}x{4}x{5} per device, {6} on "
                         "{7} cores, {8:f0} cycles = {9:f1} us predicted; "
                         "host transfers {10:f1} us; {11:f1} us in all",
                         describeKind(cut.kind), cut.m, cut.n, m, shape.k, n,
                         cut.schedule, cut.cores, cut.deviceCycles,
                         cut.deviceUs, cut.hostUs, cut.totalUs())
        .str();
  }

  /// The arguments become one device's shards; each records its global
  /// shape and its cut.
  void rewrite(func::FuncOp func, tl::MatmulOp op, const Cut &cut) {
    MLIRContext *ctx = &getContext();
    bool twoD = cut.m > 1 && cut.n > 1;
    // The shard of a dimension cut in `parts`: whole tiles, the last shards
    // zero-padded; an uncut dimension stays as it is.
    auto shardSize = [](int64_t size, int64_t parts, int64_t shardTiles) {
      return parts > 1 ? shardTiles * tl::kTileSize : size;
    };
    // An operand's rows (columns) are cut in `rowsParts` (`colsParts`) shards
    // of `rowsTiles` (`colsTiles`) tiles; `alongM`: its cut follows C's rows.
    auto distribute = [&](Value operand, int64_t rowsParts, int64_t rowsTiles,
                          int64_t colsParts, int64_t colsTiles, bool alongM) {
      auto arg = llvm::cast<BlockArgument>(operand);
      auto type = llvm::cast<MemRefType>(arg.getType());
      bool vector = type.getRank() == 1;
      int64_t rows = vector ? 1 : type.getDimSize(0);
      int64_t cols = type.getShape().back();
      int64_t tilesY = rowsParts > 1 ? rowsParts * rowsTiles : tl::tilesFor(rows);
      int64_t tilesX = colsParts > 1 ? colsParts * colsTiles : tl::tilesFor(cols);
      int64_t shardY = tilesY, shardX = tilesX;
      bool colMajor = false;
      bool cut = rowsParts > 1 || colsParts > 1;
      if (!cut) {
        shardY = shardX = 0; // on every device whole
      } else {
        if (rowsParts > 1)
          shardY = rowsTiles;
        if (colsParts > 1)
          shardX = colsTiles;
        if (twoD && (rowsParts > 1) != (colsParts > 1)) {
          // Copied along the other mesh dimension: the uncut side is 0, and
          // M shards walk down the mesh's rows (column-major order), N
          // shards across its columns.
          (rowsParts > 1 ? shardX : shardY) = 0;
          colMajor = alongM;
        }
      }
      SmallVector<int64_t> newShape(type.getShape());
      if (vector) {
        newShape.back() = shardSize(cols, colsParts, colsTiles);
      } else {
        newShape[0] = shardSize(rows, rowsParts, rowsTiles);
        newShape[1] = shardSize(cols, colsParts, colsTiles);
      }
      unsigned index = arg.getArgNumber();
      func.setArgAttr(index, TTDialect::kGlobalShapeAttrName,
                      DenseI64ArrayAttr::get(ctx, type.getShape()));
      func.setArgAttr(index, TTDialect::kMeshShardAttrName,
                      MeshShardAttr::get(ctx, tilesY, tilesX, shardY, shardX,
                                         colMajor));
      arg.setType(MemRefType::Builder(type).setShape(newShape));
    };
    int64_t m = cut.m, n = cut.n, mt = cut.mTiles, nt = cut.nTiles;
    tl::MatmulShape shape = op.getShape();
    int64_t kt = tl::tilesFor(shape.k);
    if (op.getTransposeA())
      distribute(op.getA(), 1, kt, m, mt, /*alongM=*/true);
    else
      distribute(op.getA(), m, mt, 1, kt, /*alongM=*/true);
    if (op.getTransposeB())
      distribute(op.getB(), n, nt, 1, kt, /*alongM=*/false);
    else
      distribute(op.getB(), 1, kt, n, nt, /*alongM=*/false);
    distribute(op.getC(), m, mt, n, nt, /*alongM=*/false);
    if (Value bias = op.getBias())
      distribute(bias, 1, 1, n, nt, /*alongM=*/false);
    func.setType(FunctionType::get(ctx, func.getBody().getArgumentTypes(),
                                   func.getResultTypes()));
    func->setAttr(TTDialect::kMeshSplitAttrName,
                  MeshSplitAttr::get(ctx, cut.m, cut.n));
  }
};
} // namespace
