//===- EnumOptionParser.h - enum pass options that name their choices -*- C++ -*-===//
//
// The command-line parser of the tt enum pass options (device, math fidelity). LLVM's generic enum
// parser answers a bad value with "Cannot find option named 'x'!"; this one says what the choices
// are: "'grayskull' is not one of: wormhole_b0, blackhole". Include it before any pass option of
// these enums is declared (Passes.h and Pipelines.h do).
//
//===----------------------------------------------------------------------===//
#ifndef TTDIALECT_TRANSFORMS_ENUMOPTIONPARSER_H
#define TTDIALECT_TRANSFORMS_ENUMOPTIONPARSER_H

#include "TTDialect/TT/IR/TTOps.h"
#include "llvm/Support/CommandLine.h"

namespace mlir::tt {
/// An enum option parser with the interface of llvm::cl::parser<T>, whose error lists the choices.
template <typename T>
class EnumChoiceParser : public llvm::cl::generic_parser_base {
protected:
  struct Choice : GenericOptionInfo {
    Choice(llvm::StringRef name, T value, llvm::StringRef help)
        : GenericOptionInfo(name, help), V(value) {}
    llvm::cl::OptionValue<T> V;
  };
  llvm::SmallVector<Choice, 8> Values;

public:
  using parser_data_type = T;
  explicit EnumChoiceParser(llvm::cl::Option &owner) : generic_parser_base(owner) {}

  unsigned getNumOptions() const override { return Values.size(); }
  llvm::StringRef getOption(unsigned n) const override { return Values[n].Name; }
  llvm::StringRef getDescription(unsigned n) const override { return Values[n].HelpStr; }
  const llvm::cl::GenericOptionValue &getOptionValue(unsigned n) const override {
    return Values[n].V;
  }

  bool parse(llvm::cl::Option &option, llvm::StringRef argName, llvm::StringRef arg, T &value) {
    llvm::StringRef given = Owner.hasArgStr() ? arg : argName;
    std::string choices;
    for (const Choice &choice : Values) {
      if (choice.Name == given) {
        value = choice.V.getValue();
        return false;
      }
      choices += (choices.empty() ? "" : ", ") + choice.Name.str();
    }
    return option.error("'" + given + "' is not one of: " + choices);
  }

  template <typename DT>
  void addLiteralOption(llvm::StringRef name, const DT &value, llvm::StringRef help) {
    Values.emplace_back(name, static_cast<T>(value), help);
    AddLiteralOption(Owner, name);
  }

  void removeLiteralOption(llvm::StringRef name) {
    unsigned n = findOption(name);
    Values.erase(Values.begin() + n);
  }
};
} // namespace mlir::tt

namespace llvm::cl {
template <>
class parser<mlir::tt::Arch> : public mlir::tt::EnumChoiceParser<mlir::tt::Arch> {
public:
  using EnumChoiceParser::EnumChoiceParser;
};
template <>
class parser<mlir::tt::MathFidelity>
    : public mlir::tt::EnumChoiceParser<mlir::tt::MathFidelity> {
public:
  using EnumChoiceParser::EnumChoiceParser;
};
template <>
class parser<mlir::tt::Schedule>
    : public mlir::tt::EnumChoiceParser<mlir::tt::Schedule> {
public:
  using EnumChoiceParser::EnumChoiceParser;
};
template <>
class parser<mlir::tt::System>
    : public mlir::tt::EnumChoiceParser<mlir::tt::System> {
public:
  using EnumChoiceParser::EnumChoiceParser;
};
template <>
class parser<mlir::tt::MeshSplitChoice>
    : public mlir::tt::EnumChoiceParser<mlir::tt::MeshSplitChoice> {
public:
  using EnumChoiceParser::EnumChoiceParser;
};
} // namespace llvm::cl

#endif // TTDIALECT_TRANSFORMS_ENUMOPTIONPARSER_H
