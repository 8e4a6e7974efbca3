//===--- Options.h - awaitlint -----------------------------*- C++ -*-===//
//
// The options every async- check reads: how tasks are recognised, which
// awaits are never reordered, what counts as free of side effects, and which
// combinators a fix-it may call. Read and stored in one place so the checks
// cannot drift apart.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_OPTIONS_H
#define AWAITLINT_CHECKS_ANALYSIS_OPTIONS_H

#include "Frameworks.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <string>

namespace clang::tidy::async::analysis {

/// A boolean option: "true"/"false" (any case) or "1"/"0"; else \p Default.
bool getBoolOption(const ClangTidyCheck::OptionsView &Options,
                   llvm::StringRef Name, bool Default);
/// Stores a boolean option as "true"/"false".
void storeBoolOption(const ClangTidyCheck::OptionsView &Options,
                     ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
                     bool Value);

struct SharedOptions {
  explicit SharedOptions(const ClangTidyCheck::OptionsView &Options);
  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

  /// The combiner \p Library's tasks are started together with: the
  /// WhenAllFunction/WhenAllHeader options, else the framework's own.
  std::optional<Combiner> combinerFor(Framework Library) const;
  /// The settled combiner (when_all_settled and the like), same rules.
  std::optional<SettledCombiner> settledCombinerFor(Framework Library) const;

  bool SameObjectIsDependent;
  std::string IgnoredAwaitablesSpec;
  std::string TaskTypesSpec;
  std::string SideEffectFreeCallsSpec;
  std::string WhenAllFunction;
  std::string WhenAllHeader;
  NameList IgnoredAwaitables;
  NameList TaskTypes;
  NameList SideEffectFreeCalls;
};

/// How awaits in separate try blocks are started together (the options
/// WhenAllSettledFunction, WhenAllSettledHeader, SettledValueMethod).
struct SettledOptions {
  explicit SettledOptions(const ClangTidyCheck::OptionsView &Options);
  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

  /// The options' combinator, else \p Library's own; none without a way to
  /// get a value or rethrow from each settled element.
  std::optional<SettledCombiner> combinerFor(Framework Library) const;

  std::string Function;
  std::string Header;
  std::string ValueMethod;
};

} // namespace clang::tidy::async::analysis

#endif // AWAITLINT_CHECKS_ANALYSIS_OPTIONS_H
