//===- TTMLIRModule.cpp - tilelang_tt._ttmlir ------------------------------===//
//
// The Python face of Driver.h. Every function returns a dict:
//   ok (bool), diagnostics (str), failed_pass (str), ir (str),
//   stages (list of (pass, ir) tuples), files (dict name -> text).
// The Python package turns failures into tilelang_tt.CompileError.
//
//===----------------------------------------------------------------------===//
#include "Driver.h"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

namespace py = pybind11;

namespace {
py::dict toDict(tt_python::Outcome &&outcome) {
  py::dict result;
  result["ok"] = outcome.ok;
  result["diagnostics"] = std::move(outcome.diagnostics);
  result["failed_pass"] = std::move(outcome.failedPass);
  result["ir"] = std::move(outcome.ir);
  py::list stages;
  for (auto &[name, text] : outcome.stages)
    stages.append(py::make_tuple(name, text));
  result["stages"] = stages;
  py::dict files;
  for (auto &[name, text] : outcome.files)
    files[py::str(name)] = py::str(text);
  result["files"] = files;
  return result;
}
} // namespace

PYBIND11_MODULE(_ttmlir, m) {
  m.doc() = "tl/tt MLIR compiler of tilelang_tt: parse, run passes, emit "
            "Metalium files on IR text";

  m.def(
      "parse",
      [](const std::string &source, const std::string &name, bool debugInfo) {
        tt_python::Outcome outcome;
        {
          py::gil_scoped_release release;
          outcome = tt_python::parse(source, name, debugInfo);
        }
        return toDict(std::move(outcome));
      },
      py::arg("source"), py::arg("name") = "<ir>",
      py::arg("debug_info") = true,
      "Parse and verify IR text; `ir` is the module printed back.");

  m.def(
      "run_pipeline",
      [](const std::string &source, const std::string &pipeline,
         const std::string &name, bool keepStages) {
        tt_python::Outcome outcome;
        {
          py::gil_scoped_release release;
          outcome =
              tt_python::runPipeline(source, name, pipeline, keepStages);
        }
        return toDict(std::move(outcome));
      },
      py::arg("source"), py::arg("pipeline"), py::arg("name") = "<ir>",
      py::arg("keep_stages") = false,
      "Run a textual pass pipeline (as --pass-pipeline takes it, the "
      "builtin.module anchor optional) on IR text.");

  m.def(
      "describe_pipeline",
      [](const std::string &pipeline) {
        return toDict(tt_python::describePipeline(pipeline));
      },
      py::arg("pipeline"),
      "Expand a pass pipeline into the textual form of every pass it adds, "
      "options spelled out (in `ir`).");

  m.def(
      "emit_metalium",
      [](const std::string &source, const std::string &name) {
        tt_python::Outcome outcome;
        {
          py::gil_scoped_release release;
          outcome = tt_python::emitMetalium(source, name);
        }
        return toDict(std::move(outcome));
      },
      py::arg("source"), py::arg("name") = "<ir>",
      "Emit the Metalium program of lowered tt IR: file name -> text.");

  m.def(
      "compile_metalium",
      [](const std::string &source, const std::string &pipeline,
         const std::string &name) {
        tt_python::Outcome outcome;
        {
          py::gil_scoped_release release;
          outcome = tt_python::compileToMetalium(source, name, pipeline);
        }
        return toDict(std::move(outcome));
      },
      py::arg("source"), py::arg("pipeline"), py::arg("name") = "<ir>",
      "Run a pass pipeline and emit the Metalium program of its result in "
      "one step (no IR text in between): file name -> text in `files`.");

  m.def("device_names", &tt_python::deviceNames,
        "The devices the pipeline's `device` option accepts.");
  m.def("math_fidelity_names", &tt_python::mathFidelityNames,
        "The fidelities the pipeline's `math-fidelity` option accepts.");
  m.def("system_names", &tt_python::systemNames,
        "The systems the pipeline's `system` option accepts.");
  m.def("mesh_split_names", &tt_python::meshSplitNames,
        "The cuts the pipeline's `mesh-split` option accepts.");
}
