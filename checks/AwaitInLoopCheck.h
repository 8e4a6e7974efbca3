//===--- AwaitInLoopCheck.h - awaitlint
//------------------------------------===//
//
// async-await-in-loop: a co_await in a loop whose iterations do not depend on
// one another runs the iterations one after another (total time: the sum of
// their durations); started together and awaited once with when_all they
// take as long as the slowest one.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_AWAITINLOOPCHECK_H
#define AWAITLINT_CHECKS_AWAITINLOOPCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "analysis/Options.h"
#include "llvm/ADT/DenseSet.h"
#include <string>

namespace clang::tidy::async {

class AwaitInLoopCheck : public ClangTidyCheck {
public:
  AwaitInLoopCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &OptionMap) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }

private:
  class LoopAnalyzer;

  // Option names and defaults are shared with async-sequential-await.
  const analysis::SharedOptions Opts;
  analysis::TaskTypeCache TaskTypeCache;
  tidy::utils::IncludeInserter Inserter;
  /// Awaits already reported (template instantiations repeat them).
  llvm::DenseSet<SourceLocation> Reported;
};

} // namespace clang::tidy::async

#endif // AWAITLINT_CHECKS_AWAITINLOOPCHECK_H
