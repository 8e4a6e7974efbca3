//===--- SequentialAwaitCheck.h - awaitlint ---------------------*- C++ -*-===//
//
// async-sequential-await: consecutive co_await expressions whose operands do
// not depend on one another run one after another (total time: the sum of
// their durations); started together with when_all they take the longest.
//
// Three shapes are grouped:
//   - consecutive await statements of one block (SequentialAwaitCheck.cpp);
//   - awaits side by side in one expression, h(co_await a(), co_await b());
//   - consecutive try blocks that each handle one await (TryBlockGroups.cpp),
//     through the framework's settled combinator.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_SEQUENTIALAWAITCHECK_H
#define AWAITLINT_CHECKS_SEQUENTIALAWAITCHECK_H

#include "AsyncCheck.h"
#include <deque>
#include <variant>
#include <vector>

namespace clang::tidy::async {

class SequentialAwaitCheck : public AsyncCheck {
public:
  SequentialAwaitCheck(StringRef Name, ClangTidyContext *Context);
  void onEndOfTranslationUnit() override;

  /// A using-directive seen so far (asio's operator&& needs one in scope).
  struct UsingDirective {
    std::string Namespace;
    const DeclContext *Context;
    SourceLocation Loc;
  };

protected:
  void checkCoroutine(CoroutineUnderAnalysis &Coroutine) override;
  void registerMoreMatchers(ast_matchers::MatchFinder *Finder) override;
  void
  checkOther(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  using Fix = std::variant<Edits, std::string>;
  using Sites = llvm::ArrayRef<const analysis::AwaitSite *>;

  void groupStatements(CoroutineUnderAnalysis &C, const CompoundStmt *Block);
  void groupExpression(CoroutineUnderAnalysis &C, const Stmt *Statement);
  void groupTryBlocks(CoroutineUnderAnalysis &C, const CompoundStmt *Block);
  /// The site of an await whose value feeds the expression around it
  /// (analysis::nestedAwaitShape): its result counts as used unless void.
  static std::optional<analysis::AwaitSite>
  nestedSite(CoroutineUnderAnalysis &C, const analysis::AwaitStatement &Shape);
  /// The site of the await \p Outer's operand evaluates first, kept in
  /// \p Storage, if it can be a group's last member.
  static const analysis::AwaitSite *
  leadingNestedSite(CoroutineUnderAnalysis &C,
                    const analysis::AwaitStatement &Outer,
                    std::deque<analysis::AwaitSite> &Storage);

  /// \p Deferred: statements between the awaits that only log; they move
  /// after the combined await. \p Conditional: a member runs under an if
  /// (no fix-it).
  /// \p Throwing: code between the members that may throw, if any.
  /// \p Guard: the first guard that returns between the members (no
  /// fix-it), if any.
  void reportGroup(CoroutineUnderAnalysis &C, Sites Members,
                   llvm::ArrayRef<const Stmt *> Deferred,
                   bool Conditional = false, const Stmt *Throwing = nullptr,
                   const Stmt *Guard = nullptr);
  /// Whether the call \p Site awaits only reads: started before a guard
  /// that returns, it changes nothing when the guard returns.
  bool onlyReads(const analysis::AwaitSite &Site) const;
  Fix buildGroupFix(CoroutineUnderAnalysis &C, Sites Members,
                    const std::optional<analysis::Combiner> &With,
                    llvm::ArrayRef<const Stmt *> Deferred);
  /// (The start-all fix leaves the awaits, and the code between them, in
  /// place.) The tasks are started before \p StartBefore, or before the
  /// first member's statement.
  Fix buildStartAllFix(CoroutineUnderAnalysis &C, Sites Members,
                       const Stmt *StartBefore = nullptr);
  /// Why no fix-it may be offered for \p Members with \p Function, if not;
  /// \p NeedsCoAwaitOperator: it takes only operands with operator co_await.
  std::optional<std::string>
  fixProblem(CoroutineUnderAnalysis &C, Sites Members, llvm::StringRef Function,
             bool NeedsCoAwaitOperator = false) const;
  /// The text and shape of one member, for the renderer.
  std::variant<analysis::AwaitForRendering, std::string>
  renderingOf(CoroutineUnderAnalysis &C, const analysis::AwaitSite &Site);
  /// Adds the using-directive asio's operator&& needs at \p Loc, once per
  /// file (in a header, inside the function instead).
  void addUsingDirective(CoroutineUnderAnalysis &C, Edits &Fixes,
                         const analysis::Combiner &With, SourceLocation Loc,
                         std::string &StatementPrefix);
  /// Reports the warning, its fix or the note that carries it, and a note
  /// at every await.
  void reportFinding(SourceLocation Loc, const std::string &Warning, Fix &Fixes,
                     const std::optional<std::string> &Change,
                     const std::string &ChangeNote, Sites Members);

  void noteTaskTypes(CoroutineUnderAnalysis &C);

  std::vector<UsingDirective> UsingDirectives;
  /// Files that got the using-directive already.
  llvm::DenseSet<FileID> FilesWithUsingDirective;
  // For ReportUnknownTaskTypes.
  SourceLocation FirstCoroutine;
  bool SawKnownTask = false;
  llvm::SmallVector<std::string, 4> UnknownTaskTypes;
};

} // namespace clang::tidy::async

#endif // AWAITLINT_CHECKS_SEQUENTIALAWAITCHECK_H
