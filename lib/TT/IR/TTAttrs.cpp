//===- TTAttrs.cpp - tt attributes ----------------------------------------===//
#include "TTDialect/TT/IR/TTOps.h"

#include "mlir/IR/DialectImplementation.h"
#include "ttemu/device_model.hpp"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::tt;

#include "TTDialect/TT/IR/TTEnums.cpp.inc"
#define GET_ATTRDEF_CLASSES
#include "TTDialect/TT/IR/TTAttrs.cpp.inc"

void TTDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "TTDialect/TT/IR/TTAttrs.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Core ranges
//===----------------------------------------------------------------------===//

LogicalResult CoreRangeAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                    uint32_t startX, uint32_t startY,
                                    uint32_t endX, uint32_t endY) {
  if (startX > endX || startY > endY)
    return emitError() << "core range (" << startX << ", " << startY
                       << ") to (" << endX << ", " << endY
                       << ") has its start after its end";
  return success();
}

bool CoreRangeAttr::intersects(CoreRangeAttr other) const {
  return getStartX() <= other.getEndX() && other.getStartX() <= getEndX() &&
         getStartY() <= other.getEndY() && other.getStartY() <= getEndY();
}

LogicalResult
CoreRangeSetAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                         ArrayRef<CoreRangeAttr> ranges) {
  if (ranges.empty())
    return emitError() << "core range set must not be empty";
  for (size_t i = 0; i < ranges.size(); ++i)
    for (size_t j = i + 1; j < ranges.size(); ++j)
      if (ranges[i].intersects(ranges[j]))
        return emitError() << "core ranges " << i << " and " << j
                           << " of a core range set overlap";
  return success();
}

uint64_t CoreRangeSetAttr::size() const {
  uint64_t total = 0;
  for (CoreRangeAttr range : getRanges())
    total += range.size();
  return total;
}

bool CoreRangeSetAttr::contains(uint32_t x, uint32_t y) const {
  return llvm::any_of(getRanges(),
                      [&](CoreRangeAttr r) { return r.contains(x, y); });
}

bool CoreRangeSetAttr::intersects(CoreRangeSetAttr other) const {
  for (CoreRangeAttr a : getRanges())
    for (CoreRangeAttr b : other.getRanges())
      if (a.intersects(b))
        return true;
  return false;
}

void CoreRangeSetAttr::forEachCore(
    function_ref<void(uint32_t, uint32_t)> fn) const {
  for (CoreRangeAttr r : getRanges())
    for (uint32_t y = r.getStartY(); y <= r.getEndY(); ++y)
      for (uint32_t x = r.getStartX(); x <= r.getEndX(); ++x)
        fn(x, y);
}

// #tt.core_range_set<(0, 0) to (7, 6), (0, 7) to (3, 7)>
Attribute CoreRangeSetAttr::parse(AsmParser &parser, Type) {
  SmallVector<CoreRangeAttr> ranges;
  auto parseRange = [&]() -> ParseResult {
    uint32_t x0, y0, x1, y1;
    if (parser.parseLParen() || parser.parseInteger(x0) ||
        parser.parseComma() || parser.parseInteger(y0) ||
        parser.parseRParen() || parser.parseKeyword("to") ||
        parser.parseLParen() || parser.parseInteger(x1) ||
        parser.parseComma() || parser.parseInteger(y1) || parser.parseRParen())
      return failure();
    auto range = CoreRangeAttr::getChecked(
        [&] { return parser.emitError(parser.getCurrentLocation()); },
        parser.getContext(), x0, y0, x1, y1);
    if (!range)
      return failure();
    ranges.push_back(range);
    return success();
  };
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::LessGreater,
                                     parseRange))
    return {};
  return CoreRangeSetAttr::getChecked(
      [&] { return parser.emitError(parser.getCurrentLocation()); },
      parser.getContext(), ranges);
}

void CoreRangeSetAttr::print(AsmPrinter &printer) const {
  printer << "<";
  llvm::interleaveComma(getRanges(), printer, [&](CoreRangeAttr r) {
    printer << "(" << r.getStartX() << ", " << r.getStartY() << ") to ("
            << r.getEndX() << ", " << r.getEndY() << ")";
  });
  printer << ">";
}

//===----------------------------------------------------------------------===//
// Device
//===----------------------------------------------------------------------===//

// DRAM layout facts come from the emulator's device model, the one place that
// lists them with their sources; the bank count is this attribute's own.
static const ttemu::model::DeviceModel &deviceModel(Arch arch) {
  return arch == Arch::WormholeB0 ? ttemu::model::kWormholeB0
                                  : ttemu::model::kBlackhole;
}

uint64_t DeviceAttr::getDramBankCapacity() const {
  const ttemu::model::DeviceModel &model = deviceModel(getArch());
  return model.dram_bank_bytes - model.dram_reserved_bytes;
}

uint64_t DeviceAttr::getInterleavedBankBytes(uint64_t pages,
                                             uint64_t pageBytes) const {
  ttemu::model::DeviceModel model = deviceModel(getArch());
  model.dram_banks = getDramBanks();
  return ttemu::model::interleaved_bank_bytes(model, pages, pageBytes);
}

DeviceAttr DeviceAttr::getBuiltin(MLIRContext *ctx, Arch arch) {
  // n150 and p150 (current firmware), as the emulator models them.
  constexpr uint64_t kL1 = 1464 * 1024;
  const ttemu::model::DeviceModel &model = deviceModel(arch);
  return DeviceAttr::get(ctx, arch, model.grid_x, model.grid_y, kL1,
                         model.dram_banks,
                         uint32_t(model.clock_ghz * 1000 + 0.5));
}

DeviceAttr DeviceAttr::lookup(MLIRContext *ctx, StringRef name) {
  if (std::optional<Arch> arch = symbolizeArch(name))
    return getBuiltin(ctx, *arch);
  return {};
}

//===----------------------------------------------------------------------===//
// Mesh
//===----------------------------------------------------------------------===//

LogicalResult MeshAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                               int64_t rows, int64_t cols) {
  if (rows < 1 || cols < 1 || rows * cols > ttemu::model::kMaxMeshDevices)
    return emitError() << "a mesh is 1 to " << ttemu::model::kMaxMeshDevices
                       << " devices (rows x columns), not " << rows << "x"
                       << cols;
  return success();
}

// System shapes come from the emulator's system models, with their sources.
MeshAttr MeshAttr::forSystem(MLIRContext *ctx, System system) {
  if (system == System::Single)
    return {};
  const ttemu::model::SystemModel *model =
      ttemu::model::find_system(stringifySystem(system).str());
  return MeshAttr::get(ctx, model->rows, model->cols);
}

StringRef MeshAttr::getSystemName(Arch arch) const {
  const ttemu::model::SystemModel *model = ttemu::model::find_system(
      deviceModel(arch).name, uint32_t(getRows()), uint32_t(getCols()));
  return model ? StringRef(model->name.data(), model->name.size())
               : StringRef();
}

LogicalResult
MeshShardAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                      int64_t tilesY, int64_t tilesX, int64_t shardY,
                      int64_t shardX, bool) {
  if (tilesY < 1 || tilesX < 1 || shardY < 0 || shardX < 0)
    return emitError() << "a mesh shard needs a positive tile grid and shard "
                          "sides of 0 (replicated) or more tiles";
  if ((shardY && tilesY % shardY) || (shardX && tilesX % shardX))
    return emitError() << "shards of " << shardY << "x" << shardX
                       << " tiles do not divide the " << tilesY << "x"
                       << tilesX << " tile grid";
  return success();
}

LogicalResult DeviceAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 Arch, uint32_t gridX, uint32_t gridY,
                                 uint64_t l1Size, uint32_t dramBanks,
                                 uint32_t clockMHz) {
  if (gridX == 0 || gridY == 0)
    return emitError() << "device grid must be at least 1x1";
  if (l1Size == 0 || dramBanks == 0 || clockMHz == 0)
    return emitError() << "device L1 size, DRAM banks and clock must be positive";
  return success();
}

// #tt.device<wormhole_b0> or #tt.device<wormhole_b0, grid = 4x2, l1 = 1048576,
// dram_banks = 12, clock_mhz = 1000>
Attribute DeviceAttr::parse(AsmParser &parser, Type) {
  StringRef archName;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() || parser.parseKeyword(&archName))
    return {};
  DeviceAttr base = lookup(parser.getContext(), archName);
  if (!base) {
    parser.emitError(loc) << "unknown device '" << archName
                          << "', expected wormhole_b0 or blackhole";
    return {};
  }
  uint32_t gridX = base.getGridX(), gridY = base.getGridY();
  uint64_t l1 = base.getL1Size();
  uint32_t banks = base.getDramBanks(), clock = base.getClockMHz();
  while (succeeded(parser.parseOptionalComma())) {
    StringRef key;
    SMLoc keyLoc = parser.getCurrentLocation();
    if (parser.parseKeyword(&key) || parser.parseEqual())
      return {};
    if (key == "grid") {
      // `4x2` lexes as the integer 4 followed by the keyword `x2`.
      SmallVector<int64_t, 2> dims;
      if (parser.parseDimensionList(dims, /*allowDynamic=*/false,
                                    /*withTrailingX=*/false))
        return {};
      if (dims.size() != 2) {
        parser.emitError(keyLoc) << "grid must be COLUMNSxROWS";
        return {};
      }
      gridX = dims[0];
      gridY = dims[1];
    } else if (key == "l1" || key == "dram_banks" || key == "clock_mhz") {
      // Parsed signed so that -1 is an error, not 2^64 - 1.
      int64_t value = 0;
      SMLoc valueLoc = parser.getCurrentLocation();
      if (parser.parseInteger(value))
        return {};
      int64_t max = key == "l1" ? INT64_MAX : int64_t(UINT32_MAX);
      if (value <= 0 || value > max) {
        parser.emitError(valueLoc) << "device " << key << " must be positive"
                                   << (key == "l1" ? "" : " and fit 32 bits")
                                   << ", got " << value;
        return {};
      }
      if (key == "l1")
        l1 = value;
      else if (key == "dram_banks")
        banks = value;
      else
        clock = value;
    } else {
      parser.emitError(keyLoc)
          << "unknown device field '" << key
          << "', expected grid, l1, dram_banks or clock_mhz";
      return {};
    }
  }
  if (parser.parseGreater())
    return {};
  return DeviceAttr::getChecked(
      [&] { return parser.emitError(loc); }, parser.getContext(),
      base.getArch(), gridX, gridY, l1, banks, clock);
}

void DeviceAttr::print(AsmPrinter &printer) const {
  DeviceAttr base = getBuiltin(getContext(), getArch());
  printer << "<" << stringifyArch(getArch());
  if (getGridX() != base.getGridX() || getGridY() != base.getGridY())
    printer << ", grid = " << getGridX() << "x" << getGridY();
  if (getL1Size() != base.getL1Size())
    printer << ", l1 = " << getL1Size();
  if (getDramBanks() != base.getDramBanks())
    printer << ", dram_banks = " << getDramBanks();
  if (getClockMHz() != base.getClockMHz())
    printer << ", clock_mhz = " << getClockMHz();
  printer << ">";
}

//===----------------------------------------------------------------------===//
// Work split
//===----------------------------------------------------------------------===//

namespace {
/// What split_work_to_cores gives `units` units on a grid of `gridCores`:
/// min(units, grid) cores each take floor(units / cores); the remainder goes
/// one each to the first cores (group 1).
struct Shares {
  uint64_t cores, group1Cores, group1Units, group2Units;
};
Shares splitWorkToCores(uint64_t units, uint64_t gridCores) {
  uint64_t cores = std::min(units, gridCores);
  uint64_t base = cores ? units / cores : 0, extra = cores ? units % cores : 0;
  return {cores, extra ? extra : cores, extra ? base + 1 : base,
          extra ? base : 0};
}
} // namespace

WorkSplitAttr WorkSplitAttr::compute(MLIRContext *ctx, uint64_t units,
                                     uint32_t gridX, uint32_t gridY,
                                     bool rowWise) {
  Shares s = splitWorkToCores(units, uint64_t(gridX) * gridY);
  return WorkSplitAttr::get(ctx, units, gridX, gridY, rowWise, s.cores,
                            s.group1Cores, s.group1Units, s.group2Units);
}

LogicalResult
WorkSplitAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                      uint64_t units, uint32_t gridX, uint32_t gridY,
                      bool rowWise, uint64_t cores, uint64_t group1Cores,
                      uint64_t group1Units, uint64_t group2Units) {
  if (units == 0)
    return emitError() << "a work split needs at least one unit of work";
  if (gridX == 0 || gridY == 0)
    return emitError() << "a work split needs a grid of at least 1x1";
  // Compare with split_work_to_cores itself: the host program calls it.
  Shares e = splitWorkToCores(units, uint64_t(gridX) * gridY);
  if (cores != e.cores || group1Cores != e.group1Cores ||
      group1Units != e.group1Units || group2Units != e.group2Units)
    return emitError() << "split_work_to_cores gives " << units
                       << " units on a " << gridX << "x" << gridY
                       << " grid to " << e.cores << " cores: "
                       << e.group1Cores << " with " << e.group1Units << " and "
                       << e.cores - e.group1Cores << " with " << e.group2Units
                       << "; the split says " << cores << " cores: "
                       << group1Cores << " with " << group1Units << " and "
                       << cores - std::min(cores, group1Cores) << " with "
                       << group2Units;
  return success();
}

/// Cores [first, first + count) of a grid numbered column-major (rows
/// fastest) or row-major, as disjoint rectangles: a partial leading line, the
/// full lines, a partial trailing line.
static CoreRangeSetAttr linearRanges(MLIRContext *ctx, uint64_t first,
                                     uint64_t count, uint32_t gridX,
                                     uint32_t gridY, bool rowWise) {
  SmallVector<CoreRangeAttr> ranges;
  uint64_t line = rowWise ? gridX : gridY; // cores per line
  auto rect = [&](uint64_t lineIndex, uint64_t from, uint64_t to,
                  uint64_t lines) {
    // Lines [lineIndex, lineIndex + lines), positions [from, to] within them.
    uint32_t l0 = lineIndex, l1 = lineIndex + lines - 1;
    if (rowWise)
      ranges.push_back(CoreRangeAttr::get(ctx, from, l0, to, l1));
    else
      ranges.push_back(CoreRangeAttr::get(ctx, l0, from, l1, to));
  };
  uint64_t end = first + count;
  uint64_t pos = first;
  if (pos % line && pos < end) {
    uint64_t stop = std::min(end, (pos / line + 1) * line);
    rect(pos / line, pos % line, (stop - 1) % line, 1);
    pos = stop;
  }
  if (end - pos >= line) {
    uint64_t lines = (end - pos) / line;
    rect(pos / line, 0, line - 1, lines);
    pos += lines * line;
  }
  if (pos < end)
    rect(pos / line, 0, (end - 1) % line, 1);
  return CoreRangeSetAttr::get(ctx, ranges);
}

CoreRangeSetAttr WorkSplitAttr::getCoreRanges() const {
  return linearRanges(getContext(), 0, getCores(), getGridX(), getGridY(),
                      getRowWise());
}
CoreRangeSetAttr WorkSplitAttr::getGroup1Ranges() const {
  return linearRanges(getContext(), 0, getGroup1Cores(), getGridX(),
                      getGridY(), getRowWise());
}
CoreRangeSetAttr WorkSplitAttr::getGroup2Ranges() const {
  return linearRanges(getContext(), getGroup1Cores(), getGroup2Cores(),
                      getGridX(), getGridY(), getRowWise());
}

LogicalResult
ScheduleAttr::verify(llvm::function_ref<InFlightDiagnostic()> emitError,
                     Schedule kind, int64_t blockM, int64_t blockN,
                     int64_t blockK) {
  if (kind == Schedule::Auto)
    return emitError() << "a chosen schedule is reuse or multicast, not auto";
  for (int64_t block : {blockM, blockN, blockK})
    if (block <= 0 || block % 32 != 0)
      return emitError() << "block sizes must be positive multiples of the "
                            "32-element tile, got "
                         << block;
  return success();
}
