//===--- OptionHelpers.h - awaitlint
//---------------------------------------===//
//
// Boolean check options without OptionsView::get<bool>/store<bool>: those
// are explicit specialisations defined in libclangTidy whose mangled names
// (an enable_if on is_integral_v in the return type) differ between GCC and
// Clang, so a GCC-built module cannot link against a Clang-built clang-tidy.
// The string overloads are plain functions and link with either compiler.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_UTILS_OPTIONHELPERS_H
#define AWAITLINT_CHECKS_UTILS_OPTIONHELPERS_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::async::utils {

/// Options.get(Name, Default) for a boolean ("true"/"false", "1"/"0").
template <typename OptionsView>
bool getBoolOption(const OptionsView &Options, llvm::StringRef Name,
                   bool Default) {
  llvm::StringRef Value = Options.get(Name, Default ? "true" : "false");
  if (Value.equals_insensitive("true") || Value == "1")
    return true;
  if (Value.equals_insensitive("false") || Value == "0")
    return false;
  return Default;
}

template <typename OptionsView>
void storeBoolOption(const OptionsView &Options,
                     ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
                     bool Value) {
  Options.store(Opts, Name, llvm::StringRef(Value ? "true" : "false"));
}

} // namespace clang::tidy::async::utils

#endif // AWAITLINT_CHECKS_UTILS_OPTIONHELPERS_H
