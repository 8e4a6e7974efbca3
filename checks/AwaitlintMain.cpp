//===--- AwaitlintMain.cpp - awaitlint driver -------------------*- C++ -*-===//
//
// clang-tidy with every upstream module plus the "async" module. The command
// line is clang-tidy's, unchanged: awaitlint --checks='-*,async-*' f.cpp -- ...
//
// Additions: a preflight (DriverPreflight.h) stops a run whose
// configuration is broken, with exit code 2, before anything is analysed or
// written; --verify-config also checks the values of async- options
// (upstream checks only their names) and fails on an invalid one; and
// --allow-unlisted-files accepts source files the compilation database
// does not list; --explain=REGEX [--explain-format=text|dot] prints, for
// the coroutines whose names match, every await, what it depends on and
// why, and what the checks found (analysis/Explain.h); --summaries=DIR
// first writes a summary of what each file's coroutines let out into DIR,
// then analyses with all of DIR's summaries, so that
// async-unhandled-rejection sees into coroutines of other files
// (analysis/ExceptionSummaries.h); --summary-passes=N writes them N times,
// each pass reading the last, so that a function calling into another file
// is known one file deeper per pass; --export-summaries=DIR and
// --read-summaries=DIR are the halves of a pass, for runners that run one
// file per process.
//
//===----------------------------------------------------------------------===//

#include "DriverPreflight.h"
#include "analysis/ExceptionSummaries.h"
#include "analysis/Explain.h"
#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
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

bool hasFlag(llvm::ArrayRef<const char *> Args, llvm::StringRef Name) {
  for (llvm::StringRef Arg : Args) {
    if (Arg == "--")
      break;
    if (Arg == ("-" + Name).str() || Arg == ("--" + Name).str())
      return true;
  }
  return false;
}

void printProblems(const std::vector<std::string> &Problems,
                   llvm::StringRef Tag) {
  for (const std::string &Problem : Problems)
    llvm::errs() << Problem << Tag << "\n";
}

/// Runs clang-tidy's --verify-config, which knows check and option names,
/// after our own validation of async- values: both report, and the all-clear
/// upstream prints is withheld when ours found a problem.
int verifyConfig(int Argc, const char **Argv,
                 const std::vector<std::string> &Problems) {
  printProblems(Problems, " [-verify-config]");
  if (Problems.empty())
    return clang::tidy::clangTidyMain(Argc, Argv);
  llvm::outs().flush();
  int SavedStdout = ::dup(STDOUT_FILENO);
  int Null = ::open("/dev/null", O_WRONLY);
  if (SavedStdout >= 0 && Null >= 0)
    ::dup2(Null, STDOUT_FILENO);
  clang::tidy::clangTidyMain(Argc, Argv);
  llvm::outs().flush();
  if (SavedStdout >= 0 && Null >= 0)
    ::dup2(SavedStdout, STDOUT_FILENO);
  if (Null >= 0)
    ::close(Null);
  if (SavedStdout >= 0)
    ::close(SavedStdout);
  return 1;
}

/// The first pass of --summaries, in a child process (clang-tidy's command
/// line is parsed once per process): the same files and compile commands,
/// async-unhandled-rejection alone, nothing fixed or exported, each file's
/// summary written into \p Directory. False when the child cannot run.
bool writeSummaries(const std::vector<const char *> &Argv,
                    const std::string &Directory, const std::string &Previous) {
  std::vector<llvm::StringRef> Run;
  bool Options = true;
  for (size_t I = 0; I < Argv.size(); ++I) {
    llvm::StringRef Arg = Argv[I];
    if (Arg == "--")
      Options = false;
    llvm::StringRef Flag = Arg;
    if (I > 0 && Options && Flag.consume_front("-")) {
      Flag.consume_front("-");
      if (llvm::is_contained({"fix", "fix-errors", "fix-notes"}, Flag))
        continue;
      llvm::StringRef Name = Flag.split('=').first;
      if (llvm::is_contained({"checks", "warnings-as-errors", "export-fixes"},
                             Name)) {
        if (!Flag.contains('='))
          ++I; // `--checks X`: the value is the next argument
        continue;
      }
    }
    Run.emplace_back(Argv[I]);
  }
  const std::string Export = "--export-summaries=" + Directory;
  Run.insert(Run.begin() + 1, {"--checks=-*,async-unhandled-rejection",
                               "--warnings-as-errors=-*", "--quiet", Export});
  const std::string Read = "--read-summaries=" + Previous;
  if (!Previous.empty())
    Run.insert(Run.begin() + 1, Read);
  std::string Self = llvm::sys::fs::getMainExecutable(
      Argv[0], reinterpret_cast<void *>(&writeSummaries));
  std::string Error;
  // Its diagnostics are the second pass's too: the user sees them once.
  const std::optional<llvm::StringRef> Silent[] = {
      std::nullopt, llvm::StringRef(""), llvm::StringRef("")};
  int Status =
      llvm::sys::ExecuteAndWait(Self, Run, std::nullopt, Silent, 0, 0, &Error);
  if (Status < 0) {
    llvm::errs() << "awaitlint: error: --summaries: cannot run " << Self << ": "
                 << Error << "\n";
    return false;
  }
  return true;
}

/// Pass \p Pass of --summaries: the first writes into \p Directory; each
/// later one reads it, writes beside it, then replaces its files (a reader
/// must not see a pass half written).
bool writeSummaryPass(const std::vector<const char *> &Argv,
                      const std::string &Directory, unsigned Pass) {
  if (Pass == 1)
    return writeSummaries(Argv, Directory, "");
  std::string Next = Directory + ".next";
  std::error_code Failed = llvm::sys::fs::remove_directories(Next);
  if (!Failed)
    Failed = llvm::sys::fs::create_directories(Next);
  if (Failed) {
    llvm::errs() << "awaitlint: error: --summary-passes: cannot create " << Next
                 << ": " << Failed.message() << "\n";
    return false;
  }
  if (!writeSummaries(Argv, Next, Directory))
    return false;
  for (llvm::sys::fs::directory_iterator It(Next, Failed), End;
       !Failed && It != End; It.increment(Failed)) {
    llvm::SmallString<256> Target(Directory);
    llvm::sys::path::append(Target, llvm::sys::path::filename(It->path()));
    Failed = llvm::sys::fs::rename(It->path(), Target);
    if (Failed)
      break;
  }
  if (Failed) {
    llvm::errs() << "awaitlint: error: --summary-passes: cannot move the "
                    "summaries of pass "
                 << Pass << " into " << Directory << ": " << Failed.message()
                 << "\n";
    return false;
  }
  if (std::error_code Left = llvm::sys::fs::remove_directories(Next))
    llvm::errs() << "awaitlint: warning: --summary-passes: cannot remove "
                 << Next << ": " << Left.message() << "\n";
  return true;
}

} // namespace

/// --explain: runs clang-tidy with its output captured, then prints the
/// explanation (text or DOT) on stdout. Compile errors, which would make it
/// incomplete, go to stderr, with exit code 3.
int explainMain(std::vector<const char *> Argv, llvm::StringRef Format) {
  using clang::tidy::async::analysis::Explainer;
  // Only the async- checks, and warnings stay warnings: a non-zero exit of
  // clang-tidy then means the file did not compile.
  llvm::ArrayRef<const char *> Args(Argv.data() + 1, Argv.size() - 1);
  std::vector<const char *> Run(Argv.begin(), Argv.end());
  if (!llvm::any_of(Args, [](llvm::StringRef Arg) {
        return Arg.starts_with("--checks") || Arg.starts_with("-checks");
      }))
    Run.insert(Run.begin() + 1, "--checks=-*,async-*");
  Run.insert(Run.begin() + 1, "--warnings-as-errors=-*");
  Run.insert(Run.begin() + 1, "--quiet");
  int Argc = static_cast<int>(Run.size());
  Run.push_back(nullptr);

  llvm::SmallString<128> Captured;
  int CapturedFd = -1;
  if (llvm::sys::fs::createTemporaryFile("awaitlint-explain", "txt", CapturedFd,
                                         Captured)) {
    llvm::errs() << "awaitlint: error: cannot create a temporary file\n";
    return 2;
  }
  llvm::outs().flush();
  int SavedStdout = ::dup(STDOUT_FILENO);
  ::dup2(CapturedFd, STDOUT_FILENO);
  int Status = clang::tidy::clangTidyMain(Argc, Run.data());
  llvm::outs().flush();
  ::dup2(SavedStdout, STDOUT_FILENO);
  ::close(SavedStdout);
  ::close(CapturedFd);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Output =
      llvm::MemoryBuffer::getFile(Captured);
  if (std::error_code Failed = llvm::sys::fs::remove(Captured))
    llvm::errs() << "awaitlint: warning: cannot remove " << Captured << ": "
                 << Failed.message() << "\n";

  Explainer *Explained = Explainer::active();
  if (Explained->empty()) {
    llvm::errs() << "awaitlint: no coroutine whose name matches the "
                    "--explain pattern was found\n";
    return 1;
  }
  llvm::outs() << (Format == "dot" ? Explained->renderDot()
                                   : Explained->renderText());
  llvm::outs().flush();
  if (Status != 0) {
    if (Output)
      for (llvm::StringRef Line : llvm::split((*Output)->getBuffer(), '\n'))
        if (Line.contains(" error: "))
          llvm::errs() << Line << "\n";
    llvm::errs() << "awaitlint: the file did not compile; the explanation "
                    "may be incomplete\n";
    return 3;
  }
  return 0;
}

int main(int argc, const char **argv) {
  // Our own flags, which clang-tidy's parser must not see.
  std::vector<const char *> Argv;
  awaitlint::PreflightOptions Preflight;
  std::optional<std::string> Explain;
  std::optional<std::string> Summaries;
  std::optional<std::string> ReadSummaries;
  std::optional<std::string> SummaryPasses;
  std::string ExplainFormat = "text";
  bool Options = true;
  for (int I = 0; I < argc; ++I) {
    llvm::StringRef Arg = argv[I];
    if (Arg == "--")
      Options = false;
    llvm::StringRef Flag = Arg;
    if (Options && Flag.consume_front("-")) {
      Flag.consume_front("-");
      if (Flag == "allow-unlisted-files") {
        Preflight.AllowUnlistedFiles = true;
        continue;
      }
      if (Flag.consume_front("explain=")) {
        Explain = Flag.str();
        continue;
      }
      if (Flag.consume_front("summaries=")) {
        Summaries = Flag.str();
        continue;
      }
      if (Flag.consume_front("summary-passes=")) {
        SummaryPasses = Flag.str();
        continue;
      }
      // Each half of --summaries, for runners that run one file per
      // process: write every file's summary first, then read them all.
      if (Flag.consume_front("export-summaries=")) {
        clang::tidy::async::analysis::summarySettings().ExportDirectory =
            Flag.str();
        continue;
      }
      if (Flag.consume_front("read-summaries=")) {
        ReadSummaries = Flag.str();
        continue;
      }
      if (Flag.consume_front("explain-format=")) {
        ExplainFormat = Flag.str();
        continue;
      }
    }
    Argv.push_back(argv[I]);
  }
  if (Explain) {
    if (ExplainFormat != "text" && ExplainFormat != "dot") {
      llvm::errs() << "awaitlint: error: --explain-format=" << ExplainFormat
                   << ": expected 'text' or 'dot'\n";
      return 2;
    }
    std::string Error =
        clang::tidy::async::analysis::Explainer::activate(*Explain);
    if (!Error.empty()) {
      llvm::errs() << "awaitlint: error: --explain=" << *Explain
                   << ": invalid regular expression: " << Error << "\n";
      return 2;
    }
  }
  int Argc = static_cast<int>(Argv.size());
  Argv.push_back(nullptr);
  llvm::ArrayRef<const char *> Args(Argv.data() + 1, Argc - 1);
  if (hasFlag(Args, "help") || hasFlag(Args, "version") ||
      hasFlag(Args, "help-hidden"))
    return clang::tidy::clangTidyMain(Argc, Argv.data());
  if (hasFlag(Args, "verify-config"))
    return verifyConfig(Argc, Argv.data(),
                        awaitlint::configurationProblems(Args));
  // A bad configuration stops the run before anything is analysed or
  // written.
  std::vector<std::string> Problems = awaitlint::preflight(Args, Preflight);
  if (!Problems.empty()) {
    printProblems(Problems, "");
    llvm::errs() << "awaitlint: " << Problems.size()
                 << " configuration problem(s); nothing was analysed\n";
    return 2;
  }
  unsigned Passes = 1;
  if (SummaryPasses) {
    if (!Summaries) {
      llvm::errs() << "awaitlint: error: --summary-passes needs --summaries\n";
      return 2;
    }
    if (llvm::StringRef(*SummaryPasses).getAsInteger(10, Passes) ||
        Passes < 1 || Passes > 16) {
      llvm::errs() << "awaitlint: error: --summary-passes=" << *SummaryPasses
                   << ": expected a number from 1 to 16\n";
      return 2;
    }
  }
  if (Summaries) {
    if (Summaries->empty()) {
      llvm::errs() << "awaitlint: error: --summaries= needs a directory\n";
      return 2;
    }
    if (std::error_code Failed =
            llvm::sys::fs::create_directories(*Summaries)) {
      llvm::errs() << "awaitlint: error: --summaries=" << *Summaries
                   << ": cannot create it: " << Failed.message() << "\n";
      return 2;
    }
    Argv.pop_back();
    for (unsigned Pass = 1; Pass <= Passes; ++Pass)
      if (!writeSummaryPass(Argv, *Summaries, Pass))
        return 2;
    Argv.push_back(nullptr);
    clang::tidy::async::analysis::summarySettings().ReadPath = *Summaries;
  }
  if (ReadSummaries) {
    if (!llvm::sys::fs::is_directory(*ReadSummaries)) {
      llvm::errs() << "awaitlint: error: --read-summaries=" << *ReadSummaries
                   << ": no such directory (write it first with "
                      "--export-summaries)\n";
      return 2;
    }
    clang::tidy::async::analysis::summarySettings().ReadPath = *ReadSummaries;
  }
  if (Explain) {
    Argv.pop_back();
    return explainMain(std::move(Argv), ExplainFormat);
  }
  return clang::tidy::clangTidyMain(Argc, Argv.data());
}
