//===--- CheckOptions.cpp - awaitlint ---------------------------*- C++ -*-===//

#include "Options.h"

namespace clang::tidy::async::analysis {

// OptionsView::get<bool>/store<bool> are explicit specialisations defined in
// libclangTidy whose mangled names differ between GCC and Clang, so a module
// built by one compiler would not link against a clang-tidy built by the
// other. The string overloads are plain functions and link with either.
bool getBoolOption(const ClangTidyCheck::OptionsView &Options,
                   llvm::StringRef Name, bool Default) {
  llvm::StringRef Value = Options.get(Name, Default ? "true" : "false");
  if (Value.equals_insensitive("true") || Value == "1")
    return true;
  if (Value.equals_insensitive("false") || Value == "0")
    return false;
  return Default;
}

void storeBoolOption(const ClangTidyCheck::OptionsView &Options,
                     ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
                     bool Value) {
  Options.store(Opts, Name, llvm::StringRef(Value ? "true" : "false"));
}

SharedOptions::SharedOptions(const ClangTidyCheck::OptionsView &Options)
    : SameObjectIsDependent(
          getBoolOption(Options, "SameObjectIsDependent", true)),
      IgnoredAwaitablesSpec(
          Options.get("IgnoredAwaitables", DefaultIgnoredAwaitables)),
      TaskTypesSpec(Options.get("TaskTypes", DefaultTaskTypes)),
      SideEffectFreeCallsSpec(
          Options.get("SideEffectFreeCalls", DefaultSideEffectFreeCalls)),
      WhenAllFunction(Options.get("WhenAllFunction", "")),
      WhenAllHeader(Options.get("WhenAllHeader", "")),
      IgnoredAwaitables(IgnoredAwaitablesSpec), TaskTypes(TaskTypesSpec),
      SideEffectFreeCalls(SideEffectFreeCallsSpec) {}

void SharedOptions::store(const ClangTidyCheck::OptionsView &Options,
                          ClangTidyOptions::OptionMap &Opts) const {
  storeBoolOption(Options, Opts, "SameObjectIsDependent",
                  SameObjectIsDependent);
  Options.store(Opts, "IgnoredAwaitables", IgnoredAwaitablesSpec);
  Options.store(Opts, "TaskTypes", TaskTypesSpec);
  Options.store(Opts, "SideEffectFreeCalls", SideEffectFreeCallsSpec);
  Options.store(Opts, "WhenAllFunction", WhenAllFunction);
  Options.store(Opts, "WhenAllHeader", WhenAllHeader);
}

std::optional<Combiner> SharedOptions::combinerFor(Framework Library) const {
  if (!WhenAllFunction.empty()) {
    Combiner C;
    C.Function = WhenAllFunction;
    C.Header = WhenAllHeader;
    C.DisplayName = "'" + C.Function + "'";
    return C;
  }
  std::optional<Combiner> C = defaultCombiner(Library);
  if (C && !WhenAllHeader.empty())
    C->Header = WhenAllHeader;
  return C;
}

SettledOptions::SettledOptions(const ClangTidyCheck::OptionsView &Options)
    : Function(Options.get("WhenAllSettledFunction", "")),
      Header(Options.get("WhenAllSettledHeader", "")),
      ValueMethod(Options.get("SettledValueMethod", "")) {}

void SettledOptions::store(const ClangTidyCheck::OptionsView &Options,
                           ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, "WhenAllSettledFunction", Function);
  Options.store(Opts, "WhenAllSettledHeader", Header);
  Options.store(Opts, "SettledValueMethod", ValueMethod);
}

std::optional<SettledCombiner>
SettledOptions::combinerFor(Framework Library) const {
  std::optional<SettledCombiner> C = defaultSettledCombiner(Library);
  if (!Function.empty()) {
    if (!C)
      C.emplace();
    C->Function = Function;
    C->Header = Header;
    C->DisplayName = "'" + Function + "'";
  } else if (C && !Header.empty()) {
    C->Header = Header;
  }
  if (C && !ValueMethod.empty())
    C->ValueMethod = ValueMethod;
  if (C && C->ValueMethod.empty())
    return std::nullopt;
  return C;
}

} // namespace clang::tidy::async::analysis
