//===--- DriverPreflight.h - awaitlint --------------------------*- C++ -*-===//
//
// What the awaitlint driver checks before it runs anything, so that a bad
// configuration stops the run with an error naming what is wrong and where,
// instead of a run with defaults (clang-tidy's behaviour for a malformed
// .clang-tidy), with guessed flags (a file missing from the compilation
// database), or with none at all (no database found):
//   - every configuration that applies (--config, --config-file, the
//     .clang-tidy files above each source file) parses;
//   - async- options have valid values and known names, and async- check
//     names in Checks exist;
//   - the compilation database loads, and lists every source file;
//   - every source file exists.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_DRIVERPREFLIGHT_H
#define AWAITLINT_CHECKS_DRIVERPREFLIGHT_H

#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace awaitlint {

struct PreflightOptions {
  /// Accept source files the compilation database does not list (their
  /// flags are then guessed from a similar file's, as clang-tidy does).
  bool AllowUnlistedFiles = false;
};

/// The problems found in the command line \p Args (argv without argv[0]),
/// each a complete message ("<where>: error: <what>").
std::vector<std::string> preflight(llvm::ArrayRef<const char *> Args,
                                   const PreflightOptions &Options);

/// Only the configuration problems (for --verify-config).
std::vector<std::string>
configurationProblems(llvm::ArrayRef<const char *> Args);

} // namespace awaitlint

#endif // AWAITLINT_CHECKS_DRIVERPREFLIGHT_H
