//===- StageComments.cpp - the passes' tt.comment as C++ comments ---------===//
//
// The pass that creates a stage (a loop, the first argument read, a CB
// reservation that starts a read) says what it does in a tt.comment on its
// first op; here each becomes a `// ...` line above the op's C++.
//
//===----------------------------------------------------------------------===//
#include "KernelNames.h"

#include "mlir/Dialect/EmitC/IR/EmitC.h"

using namespace mlir;
using namespace mlir::tt;

void emitc_kernel::insertStageComments(func::FuncOp kernel) {
  SmallVector<std::pair<Operation *, StringAttr>> comments;
  kernel.walk([&](Operation *op) {
    if (op == kernel.getOperation())
      return;
    if (auto text = op->getAttrOfType<StringAttr>(TTDialect::kCommentAttrName))
      comments.push_back({op, text});
  });
  OpBuilder builder(kernel.getContext());
  Block &entry = kernel.getBody().front();
  for (auto &[op, text] : comments) {
    builder.setInsertionPoint(op);
    // A blank line between stages, except at the top of a block.
    if (op != &op->getBlock()->front() && op->getBlock() == &entry)
      emitc::VerbatimOp::create(builder, op->getLoc(), "");
    emitc::VerbatimOp::create(builder, op->getLoc(),
                              ("// " + text.getValue()).str());
    op->removeAttr(TTDialect::kCommentAttrName);
  }
}
