//===--- UnhandledRejectionCheck.h - awaitlint ------------------*- C++ -*-===//
//
// async-unhandled-rejection: promises and tasks whose failure nobody will
// ever observe. This first part finds tasks discarded where they are made:
//
//   fetch_user(1);            // an eager promise: if it rejects, nobody sees
//   p.then(render);           // a then-chain without a rejection handler
//   make_job();               // a lazy task: it never even starts
//
// `(void)fetch_user(1);` documents an intentional detach (AllowCastToVoid);
// calls listed in AllowedCalls are accepted.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_UNHANDLEDREJECTIONCHECK_H
#define AWAITLINT_CHECKS_UNHANDLEDREJECTIONCHECK_H

#include "AsyncCheck.h"

namespace clang::tidy::async {

class UnhandledRejectionCheck : public AsyncCheck {
public:
  UnhandledRejectionCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &OptionMap) override;
  /// Only discarded expressions: no coroutine is analysed as a whole.
  void registerMatchers(ast_matchers::MatchFinder *Finder) override {
    registerMoreMatchers(Finder);
  }

protected:
  void checkCoroutine(CoroutineUnderAnalysis &) override {}
  void registerMoreMatchers(ast_matchers::MatchFinder *Finder) override;
  void
  checkOther(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Expression statements that drop a task (this file).
  void checkDiscarded(const ast_matchers::MatchFinder::MatchResult &Result);
  /// Locals holding a started promise or a task, lost on some path
  /// (UnobservedLocals.cpp).
  void registerLocalMatchers(ast_matchers::MatchFinder *Finder);
  void checkLocals(const ast_matchers::MatchFinder::MatchResult &Result);
  /// Work run detached whose failure nobody sees (DetachedWork.cpp).
  void registerDetachMatchers(ast_matchers::MatchFinder *Finder);
  void checkDetached(const ast_matchers::MatchFinder::MatchResult &Result);

  const bool AllowCastToVoid;
  const analysis::ListOption AllowedCallsOption;
  analysis::NameList AllowedCalls;
};

} // namespace clang::tidy::async

#endif // AWAITLINT_CHECKS_UNHANDLEDREJECTIONCHECK_H
