//===--- AwaitlintMain.cpp - awaitlint driver -------------------*- C++ -*-===//
//
// clang-tidy with every upstream module plus the "async" module. The command
// line is clang-tidy's, unchanged: awaitlint --checks='-*,async-*' f.cpp -- ...
//
// One addition: --verify-config also checks the values of async- options
// (upstream checks only their names), and fails on an invalid one.
//
//===----------------------------------------------------------------------===//

#include "analysis/Options.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <fcntl.h>
#include <optional>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

namespace clang::tidy {
// Defined in AsyncTidyModule.cpp. Referencing it keeps the object file that
// registers the module in the link (static registration would otherwise be
// dropped with the unreferenced object).
extern volatile int AsyncModuleAnchorSource;
[[maybe_unused]] static int AsyncModuleAnchorDestination =
    AsyncModuleAnchorSource;
} // namespace clang::tidy

namespace {

using clang::tidy::ClangTidyOptions;

/// The value of "--Name=value" or "-Name=value" in \p Args, if given.
std::optional<std::string> flagValue(llvm::ArrayRef<const char *> Args,
                                     llvm::StringRef Name) {
  std::optional<std::string> Found;
  for (llvm::StringRef Arg : Args) {
    if (Arg == "--")
      break;
    Arg.consume_front("-");
    Arg.consume_front("-");
    if (Arg.consume_front(Name) && Arg.consume_front("="))
      Found = Arg.str();
  }
  return Found;
}

bool hasFlag(llvm::ArrayRef<const char *> Args, llvm::StringRef Name) {
  for (llvm::StringRef Arg : Args) {
    if (Arg == "--")
      break;
    if (Arg == ("-" + Name).str() || Arg == ("--" + Name).str())
      return true;
  }
  return false;
}

/// The configurations clang-tidy would use for a file in the current
/// directory, each with where it came from: --config, --config-file, or
/// the .clang-tidy files found upwards.
std::vector<std::pair<ClangTidyOptions, std::string>>
configurations(llvm::ArrayRef<const char *> Args, std::string &Error) {
  std::vector<std::pair<ClangTidyOptions, std::string>> Sources;
  auto Parse = [&](llvm::MemoryBufferRef Buffer, const std::string &Source) {
    llvm::ErrorOr<ClangTidyOptions> Parsed =
        clang::tidy::parseConfiguration(Buffer);
    if (Parsed)
      Sources.emplace_back(std::move(*Parsed), Source);
    else
      Error = Source + ": " + Parsed.getError().message();
  };
  if (std::optional<std::string> Config = flagValue(Args, "config")) {
    Parse(llvm::MemoryBufferRef(*Config, "--config"), "--config");
    return Sources;
  }
  if (std::optional<std::string> File = flagValue(Args, "config-file")) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
        llvm::MemoryBuffer::getFile(*File);
    if (!Text)
      Error = *File + ": " + Text.getError().message();
    else
      Parse((*Text)->getMemBufferRef(), *File);
    return Sources;
  }
  llvm::SmallString<256> Dummy;
  if (std::error_code Failed = llvm::sys::fs::current_path(Dummy)) {
    Error = "cannot read the current directory: " + Failed.message();
    return Sources;
  }
  llvm::sys::path::append(Dummy, "dummy.cpp");
  clang::tidy::FileOptionsProvider Provider(
      clang::tidy::ClangTidyGlobalOptions(), ClangTidyOptions::getDefaults(),
      ClangTidyOptions());
  for (auto &[Options, Source] : Provider.getRawOptions(Dummy))
    Sources.emplace_back(std::move(Options), Source);
  return Sources;
}

/// Reports invalid async- option values; returns whether there were any.
bool reportInvalidAsyncOptionValues(llvm::ArrayRef<const char *> Args) {
  std::string Error;
  bool Invalid = false;
  for (const auto &[Options, Source] : configurations(Args, Error))
    for (const std::string &Problem :
         clang::tidy::async::analysis::invalidOptionValues(
             Options.CheckOptions)) {
      llvm::errs() << Source << ": error: " << Problem << " [-verify-config]\n";
      Invalid = true;
    }
  if (!Error.empty()) {
    llvm::errs() << Error << "\n";
    Invalid = true;
  }
  return Invalid;
}

} // namespace

int main(int argc, const char **argv) {
  llvm::ArrayRef<const char *> Args(argv + 1, argv + argc);
  if (!hasFlag(Args, "verify-config"))
    return clang::tidy::clangTidyMain(argc, argv);
  if (!reportInvalidAsyncOptionValues(Args))
    return clang::tidy::clangTidyMain(argc, argv);
  // The only thing upstream prints to stdout in this mode is its all-clear,
  // "No config errors detected.", which would now be wrong.
  llvm::outs().flush();
  int SavedStdout = ::dup(STDOUT_FILENO);
  int Null = ::open("/dev/null", O_WRONLY);
  if (SavedStdout >= 0 && Null >= 0)
    ::dup2(Null, STDOUT_FILENO);
  clang::tidy::clangTidyMain(argc, argv);
  llvm::outs().flush();
  if (SavedStdout >= 0 && Null >= 0)
    ::dup2(SavedStdout, STDOUT_FILENO);
  if (Null >= 0)
    ::close(Null);
  if (SavedStdout >= 0)
    ::close(SavedStdout);
  return 1;
}
