//===--- AsyncCheck.h - awaitlint -------------------------------*- C++ -*-===//
//
// The base of the async- checks: one set of shared options (read, validated
// and stored alike), one task classifier and effect analysis per
// translation unit, the include inserter, and the walk from each coroutine
// definition down, handing each coroutine to the check with its facts.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ASYNCCHECK_H
#define AWAITLINT_CHECKS_ASYNCCHECK_H

#include "analysis/Coroutine.h"
#include "analysis/Dependence.h"
#include "analysis/Effects.h"
#include "analysis/FixRendering.h"
#include "analysis/Frameworks.h"
#include "analysis/Options.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// One coroutine under analysis.
struct CoroutineUnderAnalysis {
  const FunctionDecl *Function;
  const Stmt *Body; ///< The body as written (not the implicit wrapper).
  /// The template it was instantiated from, if it was.
  const FunctionDecl *Pattern;
  ASTContext &Context;
  analysis::CoroutineFacts &Facts;
  analysis::AwaitAnalysis &Awaits;
};

class AsyncCheck : public ClangTidyCheck {
public:
  AsyncCheck(StringRef Name, ClangTidyContext *Context);
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

protected:
  virtual void checkCoroutine(CoroutineUnderAnalysis &Coroutine) = 0;
  /// Other matches a check registered (registerMoreMatchers).
  virtual void checkOther(const ast_matchers::MatchFinder::MatchResult &) {}
  virtual void registerMoreMatchers(ast_matchers::MatchFinder *) {}

  /// Reports \p Loc once per translation unit (instantiations of a
  /// template repeat its awaits): false when it was reported already.
  bool firstReport(SourceLocation Loc) { return Reported.insert(Loc).second; }

  /// Whether AWAITLINT_EXPLAIN is set: the checks then print, on stderr, why
  /// each await or loop they looked at was not reported.
  bool explaining() const { return Explaining; }
  void explain(SourceLocation Loc, llvm::StringRef Why) const;

  /// True when the line of \p Loc carries a NOLINT comment for this check
  /// (or the line before a NOLINTNEXTLINE): a warning placed elsewhere (at
  /// the await) honours a comment on the statement's first line too.
  bool isSuppressedAt(SourceLocation Loc) const;

  /// In an instantiation, whether the template's await at \p AwaitLoc has a
  /// type-dependent operand (a fix-it would spell this instantiation's
  /// types).
  static bool dependsOnTemplate(const FunctionDecl *Pattern,
                                SourceLocation AwaitLoc);

  void includeUnlessDeclared(std::vector<FixItHint> &Fixes,
                             const ASTContext &Context, FileID File,
                             llvm::StringRef Declared, llvm::StringRef Header) {
    analysis::includeUnlessDeclared(Fixes, Inserter, Context, File, Declared,
                                    Header);
  }

  analysis::OptionReader Reader;
  const analysis::SharedOptions Opts;
  analysis::TaskClassifier Classifier;
  analysis::EffectAnalysis Effects;
  tidy::utils::IncludeInserter Inserter;

private:
  llvm::DenseSet<SourceLocation> Reported;
  const SourceManager *SourceManagerForSuppression = nullptr;
  const bool Explaining;
};

} // namespace clang::tidy::async

#endif // AWAITLINT_CHECKS_ASYNCCHECK_H
