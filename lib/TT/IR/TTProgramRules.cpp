//===- TTProgramRules.cpp - whole-program rules of a tt.program ----------===//
#include "TTDialect/TT/IR/TTProgramRules.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Support/FormatVariadic.h"
#include <cmath>

using namespace mlir;
using namespace mlir::tt;

namespace {
/// Page counts a block of ops moves through each CB, for one loop iteration.
struct CBBalance {
  int64_t reserved = 0, pushed = 0, waited = 0, popped = 0;
  Operation *first = nullptr; // where the diagnostic points
};

std::optional<int64_t> constantPages(Value v) {
  APInt value;
  if (matchPattern(v, m_ConstantInt(&value)))
    return value.getSExtValue();
  return std::nullopt;
}

/// Pushes must equal reserves and pops equal waits in every block, so each
/// loop iteration leaves every CB as it found it.
LogicalResult verifyBalance(func::FuncOp kernel) {
  LogicalResult result = success();
  kernel.walk([&](Block *block) {
    llvm::MapVector<uint32_t, CBBalance> balance;
    for (Operation &op : *block) {
      auto count = [&](Value cb, Value pages, int64_t CBBalance::*field) {
        std::optional<int64_t> n = constantPages(pages);
        if (!n)
          return;
        CBBalance &entry =
            balance[llvm::cast<CircularBufferType>(cb.getType()).getIndex()];
        entry.*field += *n;
        if (!entry.first)
          entry.first = &op;
      };
      if (auto r = llvm::dyn_cast<CBReserveBackOp>(op))
        count(r.getCb(), r.getNumPages(), &CBBalance::reserved);
      else if (auto p = llvm::dyn_cast<CBPushBackOp>(op))
        count(p.getCb(), p.getNumPages(), &CBBalance::pushed);
      else if (auto w = llvm::dyn_cast<CBWaitFrontOp>(op))
        count(w.getCb(), w.getNumPages(), &CBBalance::waited);
      else if (auto p = llvm::dyn_cast<CBPopFrontOp>(op))
        count(p.getCb(), p.getNumPages(), &CBBalance::popped);
    }
    for (auto &[index, b] : balance) {
      if (b.reserved != b.pushed) {
        result = b.first->emitError()
                 << "kernel @" << kernel.getSymName() << " reserves "
                 << b.reserved << " pages of circular buffer " << index
                 << " but pushes " << b.pushed << " in this block";
      }
      if (b.waited != b.popped) {
        result = b.first->emitError()
                 << "kernel @" << kernel.getSymName() << " waits for "
                 << b.waited << " pages of circular buffer " << index
                 << " but pops " << b.popped << " in this block";
      }
    }
  });
  return result;
}

} // namespace

LogicalResult mlir::tt::verifyProgramRules(ModuleOp module, ProgramOp program) {
  DeviceAttr device = program.getDevice();
  DenseMap<uint32_t, CreateCBOp> cbs;
  for (auto cb : program.getBody().getOps<CreateCBOp>())
    cbs[cb.getIndex()] = cb;

  // L1: the CBs every core holds.
  llvm::DenseMap<std::pair<uint32_t, uint32_t>, uint64_t> l1;
  for (auto cb : program.getBody().getOps<CreateCBOp>())
    cb.getCores().forEachCore(
        [&](uint32_t x, uint32_t y) { l1[{x, y}] += cb.getTotalSize(); });
  for (auto &[core, bytes] : l1)
    if (bytes > device.getL1Size())
      return program.emitError()
             << "circular buffers on core (" << core.first << ", "
             << core.second << ") need " << bytes << " bytes of L1 but "
             << stringifyArch(device.getArch()) << " has "
             << device.getL1Size();

  // DRAM: interleaved buffers take the same span of every bank, so the
  // budget is per bank (what MeshBuffer::create checks on the device).
  uint64_t bankBytes = 0, totalBytes = 0;
  BufferOp largest;
  for (auto buffer : program.getBody().getOps<BufferOp>()) {
    if (buffer.getLayout() != BufferLayout::DramInterleaved)
      continue;
    bankBytes += device.getInterleavedBankBytes(buffer.getNumPages(),
                                                buffer.getPageSize());
    totalBytes += buffer.getSize();
    if (!largest || buffer.getSize() > largest.getSize())
      largest = buffer;
  }
  if (bankBytes > device.getDramBankCapacity()) {
    // Needs round up and capacities down, so the two never print alike.
    auto inGiB = [](uint64_t bytes, bool up = true) {
      double hundredths = double(bytes) * 100 / double(1ull << 30);
      hundredths = up ? std::ceil(hundredths) : std::floor(hundredths);
      return llvm::formatv("{0:F2} GiB", hundredths / 100);
    };
    uint64_t capacity = device.getDramBankCapacity() * device.getDramBanks();
    InFlightDiagnostic diag = program.emitError()
        << "the program's DRAM buffers need " << inGiB(totalBytes) << " ("
        << bankBytes << " bytes in each of " << device.getDramBanks()
        << " banks) but " << stringifyArch(device.getArch()) << " has "
        << inGiB(capacity, /*up=*/false) << " for buffers ("
        << device.getDramBankCapacity() << " bytes per bank)";
    diag.attachNote(largest.getLoc())
        << "the largest is @" << largest.getSymName() << ", "
        << inGiB(largest.getSize());
    return diag;
  }

  DenseMap<uint32_t, SmallVector<StringRef>> producers, consumers;
  for (auto place : program.getBody().getOps<CreateKernelOp>()) {
    auto kernel = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
        module, place.getKernelAttr());
    if (!kernel)
      return place.emitOpError() << "kernel @" << place.getKernel()
                                 << " does not exist";
    if (failed(verifyBalance(kernel)))
      return failure();

    // Every CB the kernel uses is configured alike on its cores.
    llvm::SmallDenseSet<uint32_t> produces, consumes;
    WalkResult walk = kernel.walk([&](Operation *op) {
      if (auto get = llvm::dyn_cast<GetCBOp>(op)) {
        CircularBufferType type = get.getType();
        CreateCBOp config = cbs.lookup(type.getIndex());
        if (!config)
          return get.emitOpError() << "uses circular buffer "
                                   << type.getIndex()
                                   << ", which the program never creates",
                 WalkResult::interrupt();
        uint64_t pageBytes = type.getTile().getSizeInBytes();
        if (config.getFormat() != type.getTile().getFormat() ||
            uint64_t(config.getPageSize()) != pageBytes)
          return (get.emitOpError()
                  << "treats circular buffer " << type.getIndex() << " as "
                  << stringifyDataFormat(type.getTile().getFormat())
                  << " tiles, but it is configured as "
                  << stringifyDataFormat(config.getFormat()) << " with "
                  << config.getPageSize() << "-byte pages")
                     .attachNote(config.getLoc())
                 << "configured here",
                 WalkResult::interrupt();
        if (config.getNumPages() < int64_t(type.getNumPages()))
          return (get.emitOpError()
                  << "expects circular buffer " << type.getIndex()
                  << " to hold " << type.getNumPages()
                  << " pages, but it is configured with "
                  << config.getNumPages())
                     .attachNote(config.getLoc())
                 << "configured here",
                 WalkResult::interrupt();
        for (CoreRangeAttr r : place.getCores().getRanges())
          for (uint32_t y = r.getStartY(); y <= r.getEndY(); ++y)
            for (uint32_t x = r.getStartX(); x <= r.getEndX(); ++x)
              if (!config.getCores().contains(x, y))
                return get.emitOpError()
                           << "circular buffer " << type.getIndex()
                           << " is not configured on core (" << x << ", "
                           << y << ") where kernel @" << place.getKernel()
                           << " runs",
                       WalkResult::interrupt();
      }
      if (auto r = llvm::dyn_cast<CBReserveBackOp>(op))
        produces.insert(r.getCb().getType().getIndex());
      if (auto w = llvm::dyn_cast<CBWaitFrontOp>(op))
        consumes.insert(w.getCb().getType().getIndex());
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return failure();
    for (uint32_t index : produces)
      producers[index].push_back(place.getKernel());
    for (uint32_t index : consumes)
      consumers[index].push_back(place.getKernel());

    // Runtime arguments: one table length, covering every index read.
    GetArgValOp maxRead;
    kernel.walk([&](GetArgValOp op) {
      if (!maxRead || op.getIndex() > maxRead.getIndex())
        maxRead = op;
    });
    std::optional<size_t> length;
    for (auto args : program.getBody().getOps<SetRuntimeArgsOp>()) {
      if (args.getKernel() != place.getKernel())
        continue;
      if (maxRead && args.getArgs().size() <= maxRead.getIndex()) {
        std::string where =
            args.getCoreAttr()
                ? "on core (" + std::to_string(args.getCoreAttr().getX()) +
                      ", " + std::to_string(args.getCoreAttr().getY()) + ")"
                : std::string("over its work split");
        return (args.emitOpError()
                << "gives kernel @" << place.getKernel() << " "
                << args.getArgs().size() << " runtime arguments " << where
                << ", but it reads argument " << maxRead.getIndex()
                << (maxRead.getName() ? " ('" + maxRead.getName()->str() + "')"
                                      : std::string()))
                   .attachNote(maxRead.getLoc())
               << "read here";
      }
      if (length && *length != args.getArgs().size())
        return args.emitOpError()
               << "gives kernel @" << place.getKernel() << " "
               << args.getArgs().size() << " runtime arguments on one core "
               << "and " << *length << " on another";
      length = args.getArgs().size();
    }
    if (maxRead && !length)
      return (place.emitOpError()
              << "kernel @" << place.getKernel() << " reads runtime argument "
              << maxRead.getIndex()
              << " but the program sets no runtime arguments for it")
                 .attachNote(maxRead.getLoc())
             << "read here";
  }
  for (auto &[index, cb] : cbs) {
    size_t p = producers.lookup(index).size(), c = consumers.lookup(index).size();
    if (p != 1 || c != 1)
      return cb.emitOpError()
             << "circular buffer " << index << " needs exactly one producer "
             << "and one consumer kernel, has " << p << " and " << c;
  }
  return success();
}
