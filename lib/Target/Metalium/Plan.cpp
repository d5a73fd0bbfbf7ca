//===- Plan.cpp - tt.plan.json --------------------------------------------===//
//
// A machine-readable account of the emitted program: device, cores and each
// core's work, buffers and their layout, circular buffers, kernels with their
// configuration and arguments, the host steps and the result check. Follows
// the JSON Schema lib/Target/Metalium/tt.plan.schema.json (schema_version
// kPlanSchemaVersion).
//
//===----------------------------------------------------------------------===//
#include "MetaliumProgram.h"

#include "llvm/ADT/SetVector.h"
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

using namespace mlir;
using namespace mlir::tt;
using namespace mlir::tt::metalium;
using json = nlohmann::ordered_json;

namespace {

json core(uint32_t x, uint32_t y) { return json{{"x", x}, {"y", y}}; }

json ranges(CoreRangeSetAttr set) {
  json out = json::array();
  for (CoreRangeAttr r : set.getRanges())
    out.push_back(json{{"start", core(r.getStartX(), r.getStartY())},
                       {"end", core(r.getEndX(), r.getEndY())}});
  return out;
}

json arg(const ProgramInfo &info, Attribute attr, StringRef bufferKey) {
  if (auto ref = llvm::dyn_cast<FlatSymbolRefAttr>(attr)) {
    if (info.semaphore(ref.getValue()))
      return json{{"semaphore", ref.getValue().str()}};
    return json{{bufferKey.str(), ref.getValue().str()}};
  }
  if (auto work = llvm::dyn_cast<WorkArgAttr>(attr))
    return json{{"work", stringifyWorkArg(work.getValue()).str()}};
  if (auto mcast = llvm::dyn_cast<McastArgAttr>(attr))
    return json{
        {"multicast",
         json{{"along", stringifyMcastDirection(mcast.getDirection()).str()},
              {"field", stringifyMcastField(mcast.getField()).str()}}}};
  return llvm::cast<IntegerAttr>(attr).getInt();
}

json device(DeviceAttr d) {
  return json{{"arch", stringifyArch(d.getArch()).str()},
              {"board", boardName(d.getArch()).str()},
              {"grid", json{{"x", d.getGridX()}, {"y", d.getGridY()}}},
              {"l1_bytes", d.getL1Size()},
              {"dram_banks", d.getDramBanks()},
              {"clock_mhz", d.getClockMHz()}};
}

/// Every core any kernel runs on, with the named integer runtime arguments
/// it gets (a core's share of the work: start tile, tile count, shapes).
json work(const ProgramInfo &info, json &coresOut) {
  std::set<std::pair<uint32_t, uint32_t>> seen;
  json rangesOut = json::array();
  llvm::SetVector<CoreRangeSetAttr> sets;
  for (const KernelInfo &k : info.kernels)
    sets.insert(k.create.getCores());
  // Row-major order of the first kernel's enumeration, then the others'.
  std::vector<std::pair<uint32_t, uint32_t>> order;
  for (CoreRangeSetAttr set : sets) {
    for (CoreRangeAttr r : set.getRanges()) {
      json range{{"start", core(r.getStartX(), r.getStartY())},
                 {"end", core(r.getEndX(), r.getEndY())}};
      if (std::find(rangesOut.begin(), rangesOut.end(), range) ==
          rangesOut.end())
        rangesOut.push_back(range);
    }
    set.forEachCore([&](uint32_t x, uint32_t y) {
      if (seen.insert({x, y}).second)
        order.push_back({x, y});
    });
  }
  coresOut = json{{"count", order.size()}, {"ranges", rangesOut}};

  json out = json::array();
  for (auto [x, y] : order) {
    json values = json::object();
    for (const KernelInfo &k : info.kernels)
      for (SetRuntimeArgsOp args : k.runtimeArgs) {
        CoreCoordAttr at = args.getCoreAttr();
        if (!at || at.getX() != x || at.getY() != y)
          continue;
        for (auto [i, a] : llvm::enumerate(args.getArgs())) {
          auto integer = llvm::dyn_cast<IntegerAttr>(a);
          if (!integer || i >= k.runtimeArgNames.size())
            continue;
          const std::string &name = k.runtimeArgNames[i];
          if (!values.contains(name))
            values[name] = integer.getInt();
        }
      }
    if (values.empty())
      continue;
    json entry{{"core", core(x, y)}};
    if (values.contains("start_tile") && values.contains("num_tiles"))
      entry["tiles"] =
          json{{"start", values["start_tile"]}, {"count", values["num_tiles"]}};
    if (values.contains("start_block") && values.contains("num_blocks"))
      entry["blocks"] = json{{"start", values["start_block"]},
                             {"count", values["num_blocks"]}};
    entry["values"] = values;
    out.push_back(entry);
  }
  return out;
}

json workSplits(const ProgramInfo &info) {
  json out = json::array();
  for (const WorkSplitInfo &w : info.splits) {
    WorkSplitAttr split = w.split;
    json groups = json::array();
    groups.push_back(json{{"cores", ranges(split.getGroup1Ranges())},
                          {"count", split.getGroup1Cores()},
                          {"units_per_core", split.getGroup1Units()},
                          {"first_unit", 0}});
    if (split.getGroup2Cores())
      groups.push_back(json{{"cores", ranges(split.getGroup2Ranges())},
                            {"count", split.getGroup2Cores()},
                            {"units_per_core", split.getGroup2Units()},
                            {"first_unit", split.getStart(split.getGroup1Cores())}});
    out.push_back(json{{"units", split.getUnits()},
                       {"unit", w.unit},
                       {"grid", json{{"x", split.getGridX()}, {"y", split.getGridY()}}},
                       {"row_wise", split.getRowWise()},
                       {"cores", split.getCores()},
                       {"groups", groups}});
  }
  return out;
}

json buffers(const ProgramInfo &info) {
  json out = json::array();
  for (const BufferInfo &b : info.buffers) {
    BufferOp op = b.op;
    json entry{{"name", op.getSymName().str()},
               {"layout", stringifyBufferLayout(op.getLayout()).str()},
               {"format", stringifyDataFormat(op.getFormat()).str()},
               {"data_format", dataFormatName(op.getFormat()).str()},
               {"size_bytes", op.getSize()},
               {"page_size", op.getPageSize()},
               {"pages", op.getNumPages()}};
    if (op.getShape()) {
      entry["shape"] = json(*op.getShape());
      if (b.batched())
        entry["matrices"] = b.matrices();
      entry["tiles"] = json{b.paddedRows() / 32, b.paddedCols() / 32};
      // Zeros after the last row and column, up to whole tiles.
      entry["padding"] = json{b.paddedRows() - b.rows(), b.paddedCols() - b.cols()};
      if (MeshShardAttr shard = op.getMeshShardAttr())
        entry["mesh_shard"] =
            json{{"tiles", {shard.getTilesY(), shard.getTilesX()}},
                 {"shard", {shard.getShardY(), shard.getShardX()}},
                 {"orientation", shard.getColMajor() ? "col_major" : "row_major"}};
    } else {
      entry["shape"] = nullptr;
    }
    entry["host"] = b.uploaded && b.readBack ? "input_output"
                    : b.uploaded          ? "input"
                    : b.readBack          ? "output"
                                          : "none";
    out.push_back(entry);
  }
  return out;
}

json circularBuffers(const ProgramInfo &info) {
  json out = json::array();
  for (CreateCBOp cb : info.cbs)
    out.push_back(json{{"index", cb.getIndex()},
                       {"name", "c_" + std::to_string(cb.getIndex())},
                       {"cores", ranges(cb.getCores())},
                       {"total_size", cb.getTotalSize()},
                       {"page_size", cb.getPageSize()},
                       {"pages", cb.getNumPages()},
                       {"format", stringifyDataFormat(cb.getFormat()).str()},
                       {"data_format", dataFormatName(cb.getFormat()).str()}});
  return out;
}

json kernels(const ProgramInfo &info) {
  json out = json::array();
  for (const KernelInfo &k : info.kernels) {
    json config;
    if (auto dm = llvm::dyn_cast<DataMovementConfigAttr>(k.create.getConfig()))
      config = json{{"type", "data_movement"},
                    {"processor", processorName(dm.getProcessor()).str()},
                    {"noc", nocName(dm.getNoc()).str()}};
    else {
      auto c = llvm::cast<ComputeConfigAttr>(k.create.getConfig());
      config = json{{"type", "compute"},
                    {"math_fidelity", mathFidelityName(c.getMathFidelity()).str()},
                    {"fp32_dest_acc_en", c.getFp32DestAccEn()},
                    {"dst_full_sync_en", c.getDstFullSyncEn()}};
    }
    json compileArgs = json::array();
    for (Attribute a : k.create.getCompileArgs())
      compileArgs.push_back(arg(info, a, "tensor_accessor_args"));
    json names = json::array();
    for (const std::string &name : k.runtimeArgNames)
      names.push_back(name);
    json perCore = json::array();
    for (SetRuntimeArgsOp args : k.runtimeArgs) {
      json values = json::array();
      for (Attribute a : args.getArgs())
        values.push_back(arg(info, a, "buffer_address"));
      if (CoreCoordAttr at = args.getCoreAttr())
        perCore.push_back(
            json{{"core", core(at.getX(), at.getY())}, {"args", values}});
      else
        perCore.push_back(
            json{{"work_split", info.splitIndex(args.getSplitAttr())},
                 {"args", values}});
    }
    out.push_back(json{{"name", k.create.getKernel().str()},
                       {"role", roleName(k.role).str()},
                       {"file", k.file},
                       {"cores", ranges(k.create.getCores())},
                       {"config", config},
                       {"compile_args", compileArgs},
                       {"runtime_arg_names", names},
                       {"runtime_args", perCore}});
  }
  return out;
}

json hostSteps(const ProgramInfo &info) {
  json out = json::array();
  for (Operation *step : info.steps) {
    if (auto write = llvm::dyn_cast<EnqueueWriteBufferOp>(step))
      out.push_back(json{{"step", "write_buffer"},
                         {"api", "EnqueueWriteMeshBuffer"},
                         {"buffer", write.getBuffer().str()}});
    else if (auto read = llvm::dyn_cast<EnqueueReadBufferOp>(step))
      out.push_back(json{{"step", "read_buffer"},
                         {"api", "EnqueueReadMeshBuffer"},
                         {"buffer", read.getBuffer().str()}});
    else
      out.push_back(json{{"step", "launch"}, {"api", "EnqueueMeshWorkload"}});
  }
  out.push_back(json{{"step", "finish"}, {"api", "Finish"}});
  return out;
}

json check(const ProgramInfo &info) {
  ReferenceMatmulOp ref = info.reference;
  if (!ref)
    return nullptr;
  const Tolerance &t = info.tolerance;
  // A fused epilogue: the bias row and the steps after it, in order.
  json epilogue = nullptr;
  if (ref.getBiasAttr() || (ref.getEpilogueAttr() && !ref.getEpilogueAttr().empty())) {
    json steps = json::array();
    if (ArrayAttr list = ref.getEpilogueAttr())
      for (Attribute step : list) {
        if (auto scale = llvm::dyn_cast<ScaleAttr>(step))
          steps.push_back(json{{"scale", scale.getFactor().getValueAsDouble()}});
        else
          steps.push_back(json{
              {"activation",
               stringifyActivation(llvm::cast<ActivationAttr>(step).getValue())
                   .str()}});
      }
    epilogue = json{{"bias", ref.getBiasAttr()
                                 ? json(ref.getBiasAttr().getValue().str())
                                 : json(nullptr)},
                    {"steps", steps},
                    {"bound", "per element: the pre-activation's error mapped "
                              "through the steps (apply_epilogue)"}};
  }
  return json{
      {"kind", "matmul"},
      {"epilogue", epilogue},
      {"a", ref.getA().str()},
      {"b", ref.getB().str()},
      {"c", ref.getC().str()},
      {"m", info.referenceDims.m},
      {"k", info.referenceDims.k},
      {"n", info.referenceDims.n},
      {"transpose_a", bool(ref.getTransposeA())},
      {"transpose_b", bool(ref.getTransposeB())},
      {"accumulate", bool(ref.getAccumulate())},
      {"batch", info.referenceDims.batch},
      {"reference", "double precision, from the same rounded inputs"},
      {"max_abs_error",
       json{{"formula",
             "max|reference| * (u_out + sqrt(dst_roundings) * u_dst + u_mul + "
             "u_in)"},
            {"u_out", t.uOut},
            {"u_dst", t.uDst},
            {"u_mul", t.uMul},
            {"u_in", t.uIn},
            {"k_tiles", t.kTiles},
            {"dst_roundings", t.dstRoundings},
            {"relative_bound", t.relativeBound()}}}};
}

} // namespace

std::string metalium::emitPlan(const ProgramInfo &info) {
  json plan;
  plan["schema_version"] = kPlanSchemaVersion;
  plan["generator"] = "tt-translate --emit-metalium";
  plan["api_profile"] = "tt-metal d5f9bc4a (2026.08)";
  plan["program"] = info.program.getSymName().str();
  plan["device"] = device(info.program.getDevice());
  if (MeshAttr mesh = info.program.getMeshAttr()) {
    StringRef system = mesh.getSystemName(info.program.getDevice().getArch());
    json meshOut{{"shape", {mesh.getRows(), mesh.getCols()}},
                 {"devices", mesh.getNumDevices()},
                 {"system", system.empty() ? json(nullptr) : json(system.str())}};
    // The split, from the output's cut: its shards along rows and columns.
    for (const BufferInfo &b : info.buffers) {
      MeshShardAttr shard = b.op.getMeshShardAttr();
      if (!shard || !b.readBack || !info.reference)
        continue;
      int64_t m = shard.getTilesY() / shard.getShardTilesY();
      int64_t n = shard.getTilesX() / shard.getShardTilesX();
      meshOut["split"] = json{
          {"m", m},
          {"n", n},
          {"per_device",
           {{"m", m > 1 ? shard.getShardTilesY() * 32 : b.rows()},
            {"k", info.referenceDims.k},
            {"n", n > 1 ? shard.getShardTilesX() * 32 : b.cols()}}}};
    }
    plan["mesh"] = meshOut;
  }
  json coresOut;
  json workOut = work(info, coresOut);
  plan["cores"] = coresOut;
  plan["work_splits"] = workSplits(info);
  if (!workOut.empty())
    plan["work"] = workOut;
  plan["buffers"] = buffers(info);
  plan["circular_buffers"] = circularBuffers(info);
  if (!info.semaphores.empty()) {
    json semaphores = json::array();
    for (SemaphoreOp s : info.semaphores)
      semaphores.push_back(json{{"name", s.getSymName().str()},
                                {"cores", ranges(s.getCores())},
                                {"initial", s.getInitial()}});
    plan["semaphores"] = semaphores;
  }
  plan["kernels"] = kernels(info);
  plan["host_steps"] = hostSteps(info);
  plan["check"] = check(info);
  return plan.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}
