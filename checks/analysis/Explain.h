//===--- Explain.h - awaitlint ----------------------------------*- C++ -*-===//
//
// The explain mode (awaitlint --explain=REGEX): for each coroutine whose
// qualified name matches, every await, what it reads and writes, why each
// await must wait for an earlier one of its block (or that it need not),
// the findings the checks made with the awaits they cover, and the checks'
// reasons for what they left alone. Rendered as text or as a Graphviz DOT
// graph (one cluster per finding, one edge per dependence).
//
// The checks record into one process-wide explainer, which only the driver
// turns on; in the plugin and in clangd it stays off and costs a pointer
// test per coroutine.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_EXPLAIN_H
#define AWAITLINT_CHECKS_ANALYSIS_EXPLAIN_H

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::async::analysis {

class AwaitAnalysis;

class Explainer {
public:
  /// The explainer, if the driver turned it on.
  static Explainer *active();
  /// Turns it on for coroutines whose qualified name \p FunctionRegex
  /// matches (a search: "load" matches "shop::load_page"). Returns the
  /// regex's error, if it has one.
  static std::string activate(llvm::StringRef FunctionRegex);

  /// Whether \p Function is to be explained and has not been recorded yet
  /// (the checks meet each coroutine once each, templates once per
  /// instantiation). \p Authoritative: the caller is the check whose
  /// options decide the order shown (async-sequential-await), which
  /// records the coroutine again if another check recorded it first.
  bool wants(const FunctionDecl *Function, const SourceManager &SM,
             bool Authoritative);
  /// Records the awaits of \p Body and the dependences between those of
  /// one block; an earlier record of the same coroutine keeps its
  /// findings and reasons.
  void recordFunction(const FunctionDecl *Function, const Stmt *Body,
                      AwaitAnalysis &Awaits, const SourceManager &SM);
  /// A finding of \p Check, and the places its notes point at.
  void recordFinding(llvm::StringRef Check, SourceLocation Loc,
                     llvm::StringRef Message,
                     llvm::ArrayRef<SourceLocation> NotePlaces,
                     const SourceManager &SM);
  /// A check's reason for leaving something alone.
  void recordReason(llvm::StringRef Check, SourceLocation Loc,
                    llvm::StringRef Text, const SourceManager &SM);

  bool empty() const { return Functions.empty(); }
  std::string renderText() const;
  std::string renderDot() const;

  struct Await {
    std::string Id; ///< A1, A2, ... in source order
    unsigned Line = 0, Column = 0;
    std::string Text;
    /// What it is: "result 'user'; reads 'id'", or why it is not a
    /// candidate for grouping at all.
    std::string Detail;
    bool Candidate = false;
  };
  struct Edge {
    unsigned From, To;
    std::string Reason;
  };
  struct Finding {
    std::string Check, Message;
    unsigned Line = 0, Column = 0;
    std::vector<unsigned> Awaits; ///< indices into Function::Awaits
  };
  struct Reason {
    std::string Check, Text;
    unsigned Line = 0, Column = 0;
  };
  struct Function {
    std::string Name, File;
    unsigned BeginLine = 0, EndLine = 0;
    std::vector<Await> Awaits;
    std::vector<Edge> Edges;
    /// Pairs of one block shown independent.
    std::vector<std::pair<unsigned, unsigned>> Independent;
    std::vector<Finding> Findings;
    std::vector<Reason> Reasons;
  };

private:
  explicit Explainer(llvm::Regex Pattern) : Pattern(std::move(Pattern)) {}
  Function *functionAt(SourceLocation Loc, const SourceManager &SM,
                       unsigned &Line, unsigned &Column);

  llvm::Regex Pattern;
  std::vector<Function> Functions;
  /// Functions recorded, by file and line of their name, and whether the
  /// authoritative check recorded them.
  struct SeenFunction {
    std::string File;
    unsigned Line;
    bool Authoritative;
  };
  std::vector<SeenFunction> Seen;
};

} // namespace clang::tidy::async::analysis

#endif // AWAITLINT_CHECKS_ANALYSIS_EXPLAIN_H
