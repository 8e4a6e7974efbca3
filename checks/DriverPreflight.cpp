//===--- DriverPreflight.cpp - awaitlint ------------------------*- C++ -*-===//

#include "DriverPreflight.h"
#include "analysis/Options.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>

namespace awaitlint {
namespace {

using clang::tidy::ClangTidyOptions;

/// The parts of clang-tidy's command line the preflight looks at.
struct CommandLine {
  std::vector<std::string> Sources;
  std::optional<std::string> BuildPath;
  std::optional<std::string> Config;
  std::optional<std::string> ConfigFile;
  std::vector<std::string> ChecksFlags;
  /// Flags follow "--": clang-tidy uses them instead of a database.
  bool FixedDatabase = false;
  /// A response file (@file) hides arguments from us.
  bool ResponseFile = false;
};

/// clang-tidy options that take a value, which may come as the next
/// argument ("-p build") as well as after '='.
bool takesValue(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {"checks",
                                          "config",
                                          "config-file",
                                          "export-fixes",
                                          "format-style",
                                          "header-filter",
                                          "exclude-header-filter",
                                          "line-filter",
                                          "load",
                                          "p",
                                          "store-check-profile",
                                          "vfsoverlay",
                                          "warnings-as-errors",
                                          "extra-arg",
                                          "extra-arg-before",
                                          "removed-arg"};
  return Names.contains(Name);
}

CommandLine parseCommandLine(llvm::ArrayRef<const char *> Args) {
  CommandLine Line;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "--") {
      Line.FixedDatabase = true;
      break;
    }
    if (Arg.starts_with("@")) {
      Line.ResponseFile = true;
      continue;
    }
    if (!Arg.starts_with("-") || Arg == "-") {
      Line.Sources.push_back(Arg.str());
      continue;
    }
    Arg = Arg.drop_while([](char C) { return C == '-'; });
    auto [Name, Value] = Arg.split('=');
    std::optional<std::string> Given;
    if (Arg.contains('='))
      Given = Value.str();
    else if (takesValue(Name) && I + 1 < Args.size())
      Given = Args[++I];
    if (!Given)
      continue;
    if (Name == "p")
      Line.BuildPath = *Given;
    else if (Name == "config")
      Line.Config = *Given;
    else if (Name == "config-file")
      Line.ConfigFile = *Given;
    else if (Name == "checks")
      Line.ChecksFlags.push_back(*Given);
  }
  return Line;
}

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  // Without a current directory the path stays as given.
  if (llvm::sys::fs::make_absolute(Absolute))
    return Path.str();
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

class Preflight {
public:
  explicit Preflight(const PreflightOptions &Options) : Options(Options) {}

  void checkConfigurations(const CommandLine &Line);
  void checkSources(const CommandLine &Line);
  void checkDatabase(const CommandLine &Line);

  std::vector<std::string> Problems;

private:
  /// Parses \p Buffer, reporting YAML and schema errors with their line.
  std::optional<ClangTidyOptions> parse(llvm::MemoryBufferRef Buffer,
                                        const std::string &Where);
  /// The configuration files clang-tidy reads for \p Source: the nearest
  /// .clang-tidy above it, and those above that one while each inherits
  /// its parent's.
  void checkFilesAbove(const std::string &Source);
  void checkValues(const ClangTidyOptions &Options, const std::string &Where);
  void checkChecks(llvm::StringRef Globs, const std::string &Where);

  const PreflightOptions &Options;
  /// Configuration files parsed so far, and their result.
  llvm::StringMap<std::optional<ClangTidyOptions>> Parsed;
  std::optional<llvm::StringSet<>> AsyncChecks;
};

std::optional<ClangTidyOptions> Preflight::parse(llvm::MemoryBufferRef Buffer,
                                                 const std::string &Where) {
  std::string Messages;
  llvm::raw_string_ostream Stream(Messages);
  auto Report = [&](const llvm::SMDiagnostic &Diagnostic) {
    Diagnostic.print(nullptr, Stream, /*ShowColors=*/false);
  };
  llvm::ErrorOr<ClangTidyOptions> Result =
      clang::tidy::parseConfigurationWithDiags(Buffer, Report);
  if (Result)
    return std::move(*Result);
  Stream.flush();
  llvm::StringRef Text = llvm::StringRef(Messages).rtrim();
  Problems.push_back(Text.empty()
                         ? Where + ": error: cannot parse the configuration: " +
                               Result.getError().message()
                         : Text.str());
  return std::nullopt;
}

void Preflight::checkValues(const ClangTidyOptions &Config,
                            const std::string &Where) {
  using namespace clang::tidy::async::analysis;
  for (const std::string &Problem : invalidOptionValues(Config.CheckOptions))
    Problems.push_back((llvm::Twine(Where) + ": error: " + Problem).str());
  for (const std::string &Problem : unknownOptionNames(Config.CheckOptions))
    Problems.push_back((llvm::Twine(Where) + ": error: " + Problem).str());
  if (Config.Checks)
    checkChecks(*Config.Checks, Where);
}

void Preflight::checkChecks(llvm::StringRef Globs, const std::string &Where) {
  if (!AsyncChecks) {
    AsyncChecks.emplace();
    for (const auto &Entry : clang::tidy::ClangTidyModuleRegistry::entries()) {
      clang::tidy::ClangTidyCheckFactories Factories;
      Entry.instantiate()->addCheckFactories(Factories);
      for (const auto &Factory : Factories)
        if (Factory.getKey().starts_with("async-"))
          AsyncChecks->insert(Factory.getKey());
    }
  }
  // A misspelt async- check name enables nothing, silently.
  llvm::SmallVector<llvm::StringRef, 8> Items;
  Globs.split(Items, ',', -1, false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (Item.consume_front("-"))
      continue;
    if (Item.starts_with("async-") && !Item.contains_insensitive("*") &&
        !AsyncChecks->contains(Item))
      Problems.push_back(Where + ": error: unknown check '" + Item.str() +
                         "' in Checks; the async- checks are "
                         "async-sequential-await, async-await-in-loop, "
                         "async-await-late and async-unhandled-rejection");
  }
}

void Preflight::checkFilesAbove(const std::string &Source) {
  llvm::StringRef Directory = llvm::sys::path::parent_path(Source);
  for (; !Directory.empty();
       Directory = llvm::sys::path::parent_path(Directory)) {
    llvm::SmallString<256> File(Directory);
    llvm::sys::path::append(File, ".clang-tidy");
    if (!llvm::sys::fs::is_regular_file(File))
      continue;
    auto [It, Inserted] = Parsed.try_emplace(File);
    if (Inserted) {
      llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
          llvm::MemoryBuffer::getFile(File);
      if (!Text) {
        Problems.push_back(File.str().str() + ": error: cannot read it: " +
                           Text.getError().message());
        return;
      }
      It->second = parse((*Text)->getMemBufferRef(), File.str().str());
      if (It->second)
        checkValues(*It->second, File.str().str());
    }
    if (!It->second || !It->second->InheritParentConfig.value_or(false))
      return;
  }
}

void Preflight::checkConfigurations(const CommandLine &Line) {
  for (const std::string &Checks : Line.ChecksFlags)
    checkChecks(Checks, "--checks");
  if (Line.Config && !Line.Config->empty()) {
    if (auto Config =
            parse(llvm::MemoryBufferRef(*Line.Config, "--config"), "--config"))
      checkValues(*Config, "--config");
    return;
  }
  if (Line.ConfigFile) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
        llvm::MemoryBuffer::getFile(*Line.ConfigFile);
    if (!Text) {
      Problems.push_back("--config-file: error: cannot read '" +
                         *Line.ConfigFile + "': " + Text.getError().message());
      return;
    }
    if (auto Config = parse((*Text)->getMemBufferRef(), *Line.ConfigFile))
      checkValues(*Config, *Line.ConfigFile);
    return;
  }
  // Without a source file, clang-tidy reads the configuration of the
  // current directory (--dump-config, --list-checks, --verify-config).
  if (Line.Sources.empty()) {
    checkFilesAbove(absolute("dummy.cpp"));
    return;
  }
  for (const std::string &Source : Line.Sources)
    checkFilesAbove(absolute(Source));
}

void Preflight::checkSources(const CommandLine &Line) {
  for (const std::string &Source : Line.Sources)
    if (!llvm::sys::fs::exists(Source))
      Problems.push_back(Source + ": error: no such file");
}

void Preflight::checkDatabase(const CommandLine &Line) {
  // Flags after "--" replace any database.
  if (Line.FixedDatabase || Line.Sources.empty())
    return;
  std::string Error;
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  std::string Where;
  if (Line.BuildPath) {
    Where = *Line.BuildPath;
    if (!llvm::sys::fs::is_directory(*Line.BuildPath)) {
      Problems.push_back(*Line.BuildPath +
                         ": error: no such directory (-p names the build "
                         "directory that holds compile_commands.json)");
      return;
    }
    // A database in the directory itself must load: clang-tidy would
    // otherwise pass over a broken one to a parent directory's.
    llvm::SmallString<256> Json(*Line.BuildPath);
    llvm::sys::path::append(Json, "compile_commands.json");
    if (llvm::sys::fs::exists(Json)) {
      Database = clang::tooling::JSONCompilationDatabase::loadFromFile(
          Json, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
      if (!Database) {
        Problems.push_back(Json.str().str() +
                           ": error: cannot load the compilation database: " +
                           llvm::StringRef(Error).trim().str());
        return;
      }
    } else {
      Database = clang::tooling::CompilationDatabase::autoDetectFromDirectory(
          *Line.BuildPath, Error);
    }
    if (!Database) {
      Problems.push_back(
          *Line.BuildPath +
          ": error: cannot load a compilation database from this directory "
          "or its parents (-p):\n  " +
          llvm::join(llvm::split(llvm::StringRef(Error).trim(), '\n'), "\n  "));
      return;
    }
  }
  for (const std::string &Source : Line.Sources) {
    if (!llvm::sys::fs::exists(Source))
      continue; // reported by checkSources
    std::string Path = absolute(Source);
    std::unique_ptr<clang::tooling::CompilationDatabase> Own;
    clang::tooling::CompilationDatabase *For = Database.get();
    if (!For) {
      Own = clang::tooling::CompilationDatabase::autoDetectFromSource(Path,
                                                                      Error);
      if (!Own) {
        Problems.push_back(
            (llvm::Twine(Source) +
             ": error: no compilation database found in its directory or "
             "above; pass -p <build directory>, or the compiler flags after "
             "'--' (awaitlint " +
             Source + " -- -std=c++20 ...)")
                .str());
        continue;
      }
      For = Own.get();
    }
    // The JSON database answers for unlisted files too, with flags it
    // interpolates from a similar file: ask for its list instead.
    std::vector<std::string> Listed = For->getAllFiles();
    if (Options.AllowUnlistedFiles || Listed.empty() ||
        llvm::any_of(Listed, [&](const std::string &File) {
          return absolute(File) == Path;
        }))
      continue;
    Problems.push_back(
        Source + ": error: not in the compilation database" +
        (Where.empty() ? std::string() : " of '" + Where + "'") +
        "; its flags would be guessed from another file's. Add it to the "
        "database, pass its flags after '--', or pass "
        "--allow-unlisted-files");
  }
}

} // namespace

std::vector<std::string>
configurationProblems(llvm::ArrayRef<const char *> Args) {
  PreflightOptions Options;
  Preflight Check(Options);
  Check.checkConfigurations(parseCommandLine(Args));
  return std::move(Check.Problems);
}

std::vector<std::string> preflight(llvm::ArrayRef<const char *> Args,
                                   const PreflightOptions &Options) {
  CommandLine Line = parseCommandLine(Args);
  Preflight Check(Options);
  if (Line.ResponseFile) // its contents are clang-tidy's to read
    return {};
  Check.checkSources(Line);
  Check.checkConfigurations(Line);
  Check.checkDatabase(Line);
  return std::move(Check.Problems);
}

} // namespace awaitlint
