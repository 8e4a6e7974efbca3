//===--- UnhandledRejectionCheck.h - awaitlint ------------------*- C++ -*-===//
//
// async-unhandled-rejection: promises and tasks whose failure nobody will
// ever observe: tasks discarded where they are made (this file),
//
//   fetch_user(1);            // an eager promise: if it rejects, nobody sees
//   p.then(render);           // a then-chain without a rejection handler
//   make_job();               // a lazy task: it never even starts
//
// locals lost on some path or lost late (UnobservedLocals.cpp), and work run
// detached whose exception nobody sees (DetachedWork.cpp).
// `(void)fetch_user(1);` documents an intentional detach (AllowCastToVoid);
// calls listed in AllowedCalls are accepted.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_UNHANDLEDREJECTIONCHECK_H
#define AWAITLINT_CHECKS_UNHANDLEDREJECTIONCHECK_H

#include "AsyncCheck.h"
#include "analysis/ExceptionSummaries.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include <memory>

namespace clang::tidy::async {

class UnhandledRejectionCheck : public AsyncCheck {
public:
  UnhandledRejectionCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &OptionMap) override;
  /// One matcher, on function definitions: each body is walked once for
  /// dropped statements, locals and detach calls. Matching expressions or
  /// declarations by their ancestors instead would build ASTContext's parent
  /// map of the whole translation unit (measured: +14 % on a Beast file).
  void registerMatchers(ast_matchers::MatchFinder *Finder) override {
    registerMoreMatchers(Finder);
  }
  /// Writes the summary of this file's coroutines (ExportSummaries).
  void onEndOfTranslationUnit() override;

protected:
  void checkCoroutine(CoroutineUnderAnalysis &) override {}
  void registerMoreMatchers(ast_matchers::MatchFinder *Finder) override;
  void
  checkOther(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Walks \p Function's body (not the lambdas in it, matched on their
  /// own) and hands each statement, local and call to the checks below.
  void checkFunction(const FunctionDecl *Function, ASTContext &Context);
  /// An expression statement that drops a task (this file).
  void checkDiscarded(const Expr *Statement, const FunctionDecl *In,
                      ASTContext &Context);
  /// A local holding a started promise or a task, lost on some path
  /// (UnobservedLocals.cpp).
  void checkLocal(const VarDecl *Var, const FunctionDecl *In,
                  ASTContext &Context);
  /// Rewrites `co_await a;` followed by `co_await b;` (b started before a
  /// was awaited) into one combined await; \p Why says why not.
  std::optional<Edits>
  lostLateFix(const CoawaitExpr *FirstAwait, const VarDecl *Second,
              const std::optional<analysis::Combiner> &With,
              ASTContext &Context, std::string &Why);
  /// The control-flow graph of \p Function's body, built once.
  const CFG *graphOf(const FunctionDecl *Function, ASTContext &Context);
  /// Work run detached whose failure nobody sees (DetachedWork.cpp).
  /// Fills DetachLists and DetachNames from the profiles and options.
  void collectDetachCalls();
  /// Whether \p Call may be a detach call: its name is the last name of a
  /// listed call (any name when a list holds a pattern there).
  bool mayDetach(const CallExpr *Call) const;
  /// \p Call runs a coroutine of this file, or of another file the
  /// summaries know, whose body lets no exception out (see
  /// DetachedWork.cpp), or is a then-chain on one whose continuation throws
  /// nothing: dropping its promise loses no failure.
  bool cannotReject(const CallExpr *Call) const;
  /// Adds \p Coroutine to the summary being written (DetachedWork.cpp).
  void summarise(const FunctionDecl *Coroutine);
  void checkDetached(const CallExpr *Call, ASTContext &Context);
  /// Stores DetachFunctions / ExtraDetachFunctions (for storeOptions).
  void storeDetachOptions(ClangTidyOptions::OptionMap &OptionMap) const;
  /// Calls that run a task detached, besides the framework profiles' own
  /// DetachCalls (read here: Reader is the base's, made first).
  const analysis::ListOption DetachFunctionsOption{Reader, "DetachFunctions",
                                                   ""};
  /// Each profile's DetachCalls with its library, then the option's (with
  /// Framework::Unknown); filled by collectDetachCalls.
  std::vector<std::pair<analysis::Framework, analysis::NameList>> DetachLists;
  /// The last name of every listed detach call; AnyDetachName when one of
  /// them is a pattern.
  llvm::StringSet<> DetachNames;
  bool AnyDetachName = false;

  const bool AllowCastToVoid;
  const analysis::ListOption AllowedCallsOption;
  analysis::NameList AllowedCalls;
  /// Every profile's FireAndForgetTypes.
  analysis::NameList FireAndForget;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<CFG>> Graphs;
  /// ExportSummaries: where this file's summary goes (empty: nowhere).
  std::string ExportDirectory;
  analysis::UnitSummary Exported;
  llvm::StringSet<> ExportedKeys;
  /// Locals of the function being walked whose declaration a test failure
  /// macro follows: the test expects creating them to throw.
  llvm::SmallPtrSet<const VarDecl *, 4> ExpectedToThrow;
};

} // namespace clang::tidy::async

#endif // AWAITLINT_CHECKS_UNHANDLEDREJECTIONCHECK_H
