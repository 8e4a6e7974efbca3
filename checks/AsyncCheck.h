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
#include "analysis/ExceptionSummaries.h"
#include "analysis/FixRendering.h"
#include "analysis/Frameworks.h"
#include "analysis/Options.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <optional>

namespace clang::tidy::async {

/// An edit at file level that several fixes may need (an include, a
/// using-directive after the includes): it is made once per file however
/// many fixes need it.
struct FileEdit {
  FileID File;
  std::string Header;      ///< An include of this header, or:
  SourceLocation InsertAt; ///< an insertion of Text here.
  std::string Text;
  std::string key() const { return Header.empty() ? Text : "#" + Header; }
};

/// The edits of one fix.
struct Edits {
  std::vector<FixItHint> Hints;
  std::vector<FileEdit> Needs;
};

/// A warning, with its fix (on the warning or on a note, or none and why)
/// and notes.
struct Finding {
  SourceLocation Loc;
  std::string Message;
  std::optional<Edits> Fix;
  /// The fix goes on a note with this text (applied with --fix-notes).
  std::optional<std::string> FixNote;
  /// Why there is no fix (Fix empty).
  std::string NoFix;
  std::vector<std::pair<SourceLocation, std::string>> Notes;
};

class FindingCollector;

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

  /// Whether AWAITLINT_EXPLAIN is set (the checks then print, on stderr, why
  /// each await or loop they looked at was not reported) or the driver's
  /// --explain is on (the reasons go to the explainer).
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

  /// Adds the include of \p Header to \p Fix unless \p Declared is
  /// declared already.
  static void includeUnlessDeclared(Edits &Fix, const ASTContext &Context,
                                    FileID File, llvm::StringRef Declared,
                                    llvm::StringRef Header);

  /// Reports \p F at the end of the translation unit, when the edits every
  /// fix shares (includes, using-directives) can be given to exactly one of
  /// them: a warning's fix if any needs it (applied by --fix and by
  /// --fix-notes), else the first note's.
  void report(Finding F);

public:
  void onEndOfTranslationUnit() override;
  /// Emits \p F (called by the collector).
  void emit(const Finding &F);

protected:
  /// The translation unit's source manager (set when it starts).
  const SourceManager *sources() const { return SourceManagerForSuppression; }
  analysis::OptionReader Reader;
  const analysis::SharedOptions Opts;
  analysis::TaskClassifier Classifier;
  analysis::EffectAnalysis Effects;
  /// Summaries: other files' functions, settled (null when none).
  std::string SummariesPath;
  const analysis::ExceptionSummaries *Summaries = nullptr;

private:
  llvm::DenseSet<SourceLocation> Reported;
  /// Shared by every async- check of the translation unit.
  std::shared_ptr<FindingCollector> Collector;
  const SourceManager *SourceManagerForSuppression = nullptr;
  const tidy::utils::IncludeSorter::IncludeStyle IncludeStyle;
  const bool Explaining;
};

} // namespace clang::tidy::async

#endif // AWAITLINT_CHECKS_ASYNCCHECK_H
