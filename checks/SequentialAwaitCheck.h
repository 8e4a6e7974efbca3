//===--- SequentialAwaitCheck.h - awaitlint
//--------------------------------===//
//
// async-sequential-await: consecutive co_await expressions whose operands do
// not depend on one another run one after another (total time: the sum of
// their durations); started together with when_all they take the longest.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_SEQUENTIALAWAITCHECK_H
#define AWAITLINT_CHECKS_SEQUENTIALAWAITCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "analysis/Options.h"
#include <vector>

namespace clang::tidy::async {

class SequentialAwaitCheck : public ClangTidyCheck {
public:
  SequentialAwaitCheck(StringRef Name, ClangTidyContext *Context);
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

  /// A using-directive seen so far (asio's operator&& needs one in scope).
  struct UsingDirective {
    std::string Namespace;
    const DeclContext *Context;
    SourceLocation Loc;
  };

private:
  class BlockAnalyzer;

  const analysis::SharedOptions Opts;
  analysis::TaskTypeCache TaskTypeCache;
  const analysis::SettledOptions Settled;
  /// Also suggest awaiting an eager task later, where its result is needed.
  const bool SuggestAwaitLate;
  tidy::utils::IncludeInserter Inserter;
  std::vector<UsingDirective> UsingDirectives;
};

} // namespace clang::tidy::async

#endif // AWAITLINT_CHECKS_SEQUENTIALAWAITCHECK_H
