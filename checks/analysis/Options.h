//===--- Options.h - awaitlint ----------------------------------*- C++ -*-===//
//
// The options every async- check reads: how tasks are recognised, which
// awaits are ordering steps or barriers, what counts as free of side
// effects, and which combinators a fix-it may call. Read, validated and
// stored in one place so the checks cannot drift apart.
//
// Values are read as upstream clang-tidy reads them: booleans accept
// true/false, yes/no, on/off (lower, Capitalised or UPPER case, as
// llvm::yaml::parseBool) and integers; the options every
// check shares are read with getLocalOrGlobal; lists users extend have an
// Extra... twin that adds to the default instead of replacing it.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_OPTIONS_H
#define AWAITLINT_CHECKS_ANALYSIS_OPTIONS_H

#include "Frameworks.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <functional>
#include <string>
#include <vector>

namespace clang::tidy::async::analysis {

enum class OptionKind : unsigned char { Bool, Unsigned, String, NameList };

/// One option of the module's checks.
struct OptionSpec {
  llvm::StringRef Name;
  OptionKind Kind;
  /// Read with getLocalOrGlobal (the same for every async- check).
  bool Shared;
  /// Has an additive twin "Extra<Name>" (NameList only).
  bool HasExtra;
};

/// Every option the module's checks read (for validation).
llvm::ArrayRef<OptionSpec> optionSpecs();

/// The problem with \p Value for option \p Spec, if it has one: "expected
/// a bool", an invalid regular expression, ...
std::optional<std::string> validateOptionValue(const OptionSpec &Spec,
                                               llvm::StringRef Value);

/// One problem per invalid async- option value in \p Options, by key:
/// "invalid configuration value 'maybe' for option
/// 'async-sequential-await.Brackets'; expected a bool". Keys of other
/// checks and unknown names are left to clang-tidy.
std::vector<std::string>
invalidOptionValues(const ClangTidyOptions::OptionMap &Options);
/// Messages for async- check options whose names no check reads (a typo
/// would otherwise leave the default in force without a word).
std::vector<std::string>
unknownOptionNames(const ClangTidyOptions::OptionMap &Options);

/// Reads options of one check and reports invalid values by name.
class OptionReader {
public:
  using Reporter = std::function<void(const std::string &Message)>;
  OptionReader(const ClangTidyCheck::OptionsView &Options,
               llvm::StringRef CheckName, Reporter Report)
      : Options(Options), CheckName(CheckName.str()),
        Report(std::move(Report)) {}

  bool boolean(llvm::StringRef Name, bool Default);
  unsigned unsignedInteger(llvm::StringRef Name, unsigned Default);
  std::string string(llvm::StringRef Name, llvm::StringRef Default);

  void reportError(const std::string &Message) { Report(Message); }
  /// The configuration key \p Name was read from, as the user wrote it:
  /// "async-await-in-loop.CalleeDepth", or "CalleeDepth" for a shared
  /// option set globally.
  std::string keyOf(llvm::StringRef Name) const;
  const ClangTidyCheck::OptionsView &view() const { return Options; }

private:
  std::optional<llvm::StringRef> raw(llvm::StringRef Name) const;
  const ClangTidyCheck::OptionsView &Options;
  std::string CheckName;
  Reporter Report;
};

/// A list of names: the option's value (replacing the default) plus its
/// Extra twin (added to it).
struct ListOption {
  ListOption(OptionReader &Reader, llvm::StringRef Name,
             llvm::StringRef Default);
  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;
  std::string Name;
  std::string Spec;
  std::string Extra;
};

/// Stores a boolean option as "true"/"false".
void storeBoolOption(const ClangTidyCheck::OptionsView &Options,
                     ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
                     bool Value);

struct SharedOptions {
  explicit SharedOptions(OptionReader &Reader);
  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

  /// The combiner \p Library's tasks are started together with: the
  /// WhenAllFunction/WhenAllHeader options, else the framework's own.
  std::optional<Combiner> combinerFor(Framework Library) const;
  /// The combiner over a vector of tasks, same rules.
  std::optional<RangeCombiner> rangeCombinerFor(Framework Library) const;
  /// The settled combiner (WhenAllSettledFunction, ... or the framework's).
  std::optional<SettledCombiner> settledCombinerFor(Framework Library) const;

  /// Two calls on one object they may modify (a connection, a stream) are
  /// dependent.
  bool SameObjectIsDependent;
  /// An await whose result is unused, of a call whose effects are unknown,
  /// is ordered with every different operation around it.
  bool OrderingSteps;
  /// `if (c) co_await f(); if (d) co_await g();`: awaits each alone under an
  /// if are grouped too (reported without a fix-it).
  bool ConditionalAwaits;
  /// A loop whose body awaits several times per iteration (fetch, then act
  /// on the item) is reported, without a fix-it, when its iterations are
  /// independent.
  bool PerItemChains;
  /// `auto u = co_await find_user(id); if (!u) co_return; auto o = co_await
  /// find_orders(id);`: a guard that returns between two awaits does not
  /// end their group when the later calls only read (no fix-it).
  bool GuardedReads;
  /// Calls from a lock, acquire or begin to its unlock, release or commit,
  /// and guards held in variables, order every await inside them.
  bool Brackets;
  /// Statements handed to a database or cache as text (StatementCalls) read
  /// or write one shared store: a write orders every other statement.
  bool DatabaseStatements;
  /// Read the bodies of callees defined in the translation unit (to this
  /// depth of calls) for what they read and write.
  bool AnalyzeCalleeBodies;
  unsigned CalleeDepth;
  /// Say once per translation unit that coroutines await no known task.
  bool ReportUnknownTaskTypes;

  ListOption TaskTypes;
  ListOption BarrierAwaitables;
  ListOption SideEffectFreeCalls;
  ListOption LoggingFunctions;
  ListOption BracketOpenCalls;
  ListOption BracketCloseCalls;
  ListOption GuardTypes;
  ListOption ConcurrentObjectTypes;
  ListOption ValueTypes;
  ListOption StateChangingCalls;
  ListOption AcknowledgementCalls;
  ListOption StatementCalls;
  std::string WhenAllFunction;
  std::string WhenAllHeader;
  std::string WhenAllSettledFunction;
  std::string WhenAllSettledHeader;
  std::string SettledValueMethod;

  // Derived lists (the option and its Extra twin; barriers also hold every
  // framework profile's primitives).
  NameList CustomTaskTypes;
  NameList Barriers;
  NameList SideEffectFree;
  NameList Logging;
  NameList BracketOpen;
  NameList BracketClose;
  NameList Guards;
  NameList Concurrent;
  NameList Values;
  NameList StateChanging;
  NameList Acknowledgements;
  NameList Statements;
};

} // namespace clang::tidy::async::analysis

#endif // AWAITLINT_CHECKS_ANALYSIS_OPTIONS_H
