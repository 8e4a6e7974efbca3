//===--- ExceptionSummaries.cpp - awaitlint ---------------------*- C++ -*-===//

#include "ExceptionSummaries.h"
#include "Frameworks.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <map>
#include <memory>
#include <mutex>

namespace clang::tidy::async::analysis {

/// The first line of a summary this version writes; version 1 (no E lines)
/// is read too.
constexpr llvm::StringLiteral SummaryHeader = "awaitlint summary 2";
constexpr llvm::StringLiteral SummaryHeaderVersion1 =
    "awaitlint exception summary 1";

/// The flags of an E line, in the order written; "known" comes first. Two
/// functions joined (the overrides a virtual call may run) are a coroutine
/// only if both are, and have every other flag either has.
struct FlagName {
  bool EffectFlags::*Flag;
  llvm::StringLiteral Name;
  bool JoinsByAll;
};
constexpr FlagName EffectFlagNames[] = {
    {&EffectFlags::Coroutine, "coroutine", true},
    {&EffectFlags::Suspends, "suspends", false},
    {&EffectFlags::ReadsThis, "reads-this", false},
    {&EffectFlags::WritesThis, "writes-this", false},
    {&EffectFlags::Logs, "logs", false},
    {&EffectFlags::AwaitsBarrier, "barrier", false},
    {&EffectFlags::Throws, "throws", false},
};

namespace {

/// Whether \p F, or the class it belongs to, comes from a template: its
/// name would need the template arguments, which are left out for now.
bool fromTemplate(const FunctionDecl *F) {
  if (F->getTemplatedKind() != FunctionDecl::TK_NonTemplate ||
      F->isDependentContext())
    return true;
  for (const DeclContext *Context = F->getDeclContext(); Context;
       Context = Context->getParent())
    if (isa<ClassTemplateSpecializationDecl>(Context))
      return true;
  return false;
}

} // namespace

std::string crossUnitKey(const FunctionDecl *F) {
  if (!F)
    return "";
  F = F->getCanonicalDecl();
  if (!F->getIdentifier() || !F->isExternallyVisible() || fromTemplate(F))
    return "";
  const auto *Method = dyn_cast<CXXMethodDecl>(F);
  if (Method && Method->getParent()->isLambda())
    return "";
  PrintingPolicy Policy(F->getASTContext().getLangOpts());
  Policy.SuppressTagKeyword = true;
  std::string Key;
  llvm::raw_string_ostream Out(Key);
  Out << F->getQualifiedNameAsString() << '(';
  for (unsigned I = 0; I < F->getNumParams(); ++I) {
    if (I)
      Out << ", ";
    Out << F->getParamDecl(I)->getType().getCanonicalType().getAsString(Policy);
  }
  Out << ')';
  if (Method && Method->isConst())
    Out << " const";
  return Key;
}

std::optional<std::string> crossUnitNeed(const FunctionDecl *Callee) {
  std::string Key = crossUnitKey(Callee);
  if (Key.empty())
    return std::nullopt;
  if (!mayBeOverridden(Callee))
    return "F:" + Key;
  return (cast<CXXMethodDecl>(Callee)->isPureVirtual() ? "P:" : "V:") + Key;
}

std::optional<std::string> crossUnitNeed(const CallExpr *Call) {
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  // `Base::f()` names the one it runs.
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(Call))
    if (const auto *Named =
            dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParenImpCasts());
        Named && Named->hasQualifier()) {
      std::string Key = crossUnitKey(Callee);
      if (Key.empty())
        return std::nullopt;
      return "F:" + Key;
    }
  return crossUnitNeed(Callee);
}

std::vector<std::string> overriddenKeys(const FunctionDecl *F) {
  std::vector<std::string> Keys;
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(F);
  if (!Method)
    return Keys;
  llvm::SmallVector<const CXXMethodDecl *, 4> Pending(
      Method->overridden_methods());
  llvm::SmallPtrSet<const CXXMethodDecl *, 8> Seen;
  while (!Pending.empty()) {
    const CXXMethodDecl *Base = Pending.pop_back_val();
    if (!Seen.insert(Base).second)
      continue;
    std::string Key = crossUnitKey(Base);
    if (!Key.empty())
      Keys.push_back(std::move(Key));
    Pending.append(Base->overridden_methods().begin(),
                   Base->overridden_methods().end());
  }
  return Keys;
}

std::string UnitSummary::render() const {
  std::string Text = std::string(SummaryHeader) + "\n";
  llvm::raw_string_ostream Out(Text);
  for (const Coroutine &C : Coroutines) {
    Out << "C\t" << C.Key << '\t' << (C.LetsOut ? "lets-out" : "clean");
    for (const std::string &Need : C.Needs)
      Out << '\t' << Need;
    Out << '\n';
  }
  for (const auto &[Method, Base] : Overrides)
    Out << "O\t" << Method << '\t' << Base << '\n';
  for (const FunctionEffects &F : Functions) {
    Out << "E\t" << F.Key << '\t';
    llvm::ListSeparator Comma(",");
    bool AnyFlag = F.Known;
    if (F.Known)
      Out << Comma << "known";
    for (const FlagName &Entry : EffectFlagNames)
      if (F.*Entry.Flag) {
        Out << Comma << Entry.Name;
        AnyFlag = true;
      }
    if (!AnyFlag)
      Out << '-';
    for (const std::string &Global : F.GlobalReads)
      Out << "\tR:" << Global;
    for (const std::string &Global : F.GlobalWrites)
      Out << "\tW:" << Global;
    for (unsigned Index : F.ParamReads)
      Out << "\tr:" << Index;
    for (unsigned Index : F.ParamWrites)
      Out << "\tw:" << Index;
    if (!F.Assumed.empty())
      Out << "\tA:" << F.Assumed;
    Out << '\n';
  }
  return Text;
}

/// Removes a summary that could not be completed, and says so in \p Error
/// if even that fails.
static void removeTemporary(llvm::StringRef Temporary, std::string &Error) {
  if (std::error_code Failed = llvm::sys::fs::remove(Temporary))
    Error += " ('" + Temporary.str() + "' is left: " + Failed.message() + ")";
}

bool writeUnitSummary(const UnitSummary &Unit, llvm::StringRef Directory,
                      llvm::StringRef MainFile, std::string &Error) {
  if (std::error_code Failed = llvm::sys::fs::create_directories(Directory)) {
    Error = "cannot create '" + Directory.str() + "': " + Failed.message();
    return false;
  }
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, llvm::utohexstr(llvm::xxh3_64bits(MainFile)) +
                                    ".awlsum");
  // Written beside and renamed, so that a parallel run never reads half.
  llvm::SmallString<256> Temporary;
  int Fd = -1;
  if (std::error_code Failed = llvm::sys::fs::createUniqueFile(
          Path + ".%%%%%%.tmp", Fd, Temporary)) {
    Error = "cannot write in '" + Directory.str() + "': " + Failed.message();
    return false;
  }
  {
    llvm::raw_fd_ostream Out(Fd, /*shouldClose=*/true);
    Out << "# " << MainFile << '\n' << Unit.render();
    Out.close();
    if (Out.has_error()) {
      Error = "cannot write '" + Temporary.str().str() +
              "': " + Out.error().message();
      Out.clear_error();
      removeTemporary(Temporary, Error);
      return false;
    }
  }
  if (std::error_code Failed = llvm::sys::fs::rename(Temporary, Path)) {
    Error = "cannot write '" + Path.str().str() + "': " + Failed.message();
    removeTemporary(Temporary, Error);
    return false;
  }
  return true;
}

bool ExceptionSummaries::add(llvm::StringRef Text, llvm::StringRef Origin,
                             std::string &Error) {
  unsigned LineNumber = 0;
  bool SawHeader = false;
  for (llvm::StringRef Line : llvm::split(Text, '\n')) {
    ++LineNumber;
    Line = Line.rtrim("\r");
    if (Line.empty() || Line.starts_with("#"))
      continue;
    if (!SawHeader) {
      if (Line != SummaryHeader && Line != SummaryHeaderVersion1) {
        Error = Origin.str() + ": not an awaitlint exception summary";
        return false;
      }
      SawHeader = true;
      continue;
    }
    llvm::SmallVector<llvm::StringRef, 8> Fields;
    Line.split(Fields, '\t');
    const bool Coroutine = Fields[0] == "C" && Fields.size() >= 3 &&
                           (Fields[2] == "clean" || Fields[2] == "lets-out");
    const bool Override = Fields[0] == "O" && Fields.size() == 3;
    if (Fields[0] == "E" && Fields.size() >= 3) {
      if (!addFunction(Fields)) {
        Error = Origin.str() + ":" + std::to_string(LineNumber) +
                ": malformed line";
        return false;
      }
      continue;
    }
    if (!Coroutine && !Override) {
      Error =
          Origin.str() + ":" + std::to_string(LineNumber) + ": malformed line";
      return false;
    }
    if (Override) {
      Overriders[Fields[2]].insert(Fields[1]);
      continue;
    }
    // A coroutine defined in a header is in the summary of every file
    // that includes it: the verdicts agree unless the files saw different
    // code, and then the one that lets something out wins.
    Entry &E = Entries[Fields[1]];
    E.LetsOut = E.LetsOut || Fields[2] == "lets-out";
    for (llvm::StringRef Need : llvm::ArrayRef(Fields).drop_front(3))
      if (!llvm::is_contained(E.Needs, Need))
        E.Needs.push_back(Need.str());
  }
  if (!SawHeader) {
    Error = Origin.str() + ": empty summary";
    return false;
  }
  return true;
}

void FunctionEffects::join(const FunctionEffects &Other) {
  Known = Known && Other.Known;
  for (const FlagName &Entry : EffectFlagNames)
    this->*Entry.Flag = Entry.JoinsByAll
                            ? this->*Entry.Flag && Other.*Entry.Flag
                            : this->*Entry.Flag || Other.*Entry.Flag;
  auto Union = [](auto &Into, const auto &From) {
    for (const auto &Item : From)
      if (!llvm::is_contained(Into, Item))
        Into.push_back(Item);
  };
  Union(GlobalReads, Other.GlobalReads);
  Union(GlobalWrites, Other.GlobalWrites);
  Union(ParamReads, Other.ParamReads);
  Union(ParamWrites, Other.ParamWrites);
  if (Assumed.empty())
    Assumed = Other.Assumed;
}

bool ExceptionSummaries::addFunction(llvm::ArrayRef<llvm::StringRef> Fields) {
  FunctionEffects F;
  F.Key = Fields[1].str();
  if (Fields[2] != "-") {
    llvm::SmallVector<llvm::StringRef, 8> Flags;
    Fields[2].split(Flags, ',');
    for (llvm::StringRef Flag : Flags) {
      if (Flag == "known") {
        F.Known = true;
        continue;
      }
      const auto *Entry = llvm::find_if(
          EffectFlagNames, [&](const FlagName &E) { return E.Name == Flag; });
      if (Entry == std::end(EffectFlagNames))
        return false;
      F.*Entry->Flag = true;
    }
  }
  for (llvm::StringRef Item : Fields.drop_front(3)) {
    auto [Kind, Value] = Item.split(':');
    unsigned Index = 0;
    if (Value.empty())
      return false;
    if (Kind == "R")
      F.GlobalReads.push_back(Value.str());
    else if (Kind == "W")
      F.GlobalWrites.push_back(Value.str());
    else if (Kind == "A")
      F.Assumed = Value.str();
    else if ((Kind == "r" || Kind == "w") && !Value.getAsInteger(10, Index))
      (Kind == "r" ? F.ParamReads : F.ParamWrites).push_back(Index);
    else
      return false;
  }
  // A function defined in a header is in the summary of every file that
  // includes it: what any of them saw counts.
  auto [It, Inserted] = Functions.try_emplace(F.Key, F);
  if (!Inserted)
    It->second.join(F);
  return true;
}

std::optional<FunctionEffects>
ExceptionSummaries::effectsOf(llvm::StringRef Need) const {
  if (Need.size() <= 2)
    return std::nullopt;
  llvm::StringRef Key = Need.drop_front(2);
  std::optional<FunctionEffects> Joined;
  auto Add = [&](llvm::StringRef Of) {
    auto Found = Functions.find(Of);
    if (Found == Functions.end())
      return false;
    if (Joined)
      Joined->join(Found->second);
    else
      Joined = Found->second;
    return true;
  };
  // A pure virtual method runs one of its overrides, a virtual one may run
  // itself too.
  if (!Need.starts_with("P:") && !Add(Key))
    return std::nullopt;
  if (Need.starts_with("F:"))
    return Joined;
  auto Overrides = Overriders.find(Key);
  if (Overrides != Overriders.end())
    for (const auto &Override : Overrides->second)
      if (!Add(Override.getKey()))
        return std::nullopt;
  return Joined;
}

bool ExceptionSummaries::satisfied(llvm::StringRef Need) const {
  llvm::StringRef Key = Need.drop_front(2);
  const bool Direct = Need.starts_with("F:");
  const bool Pure = Need.starts_with("P:");
  if (!Pure && !Clean.contains(Key))
    return false;
  if (Direct)
    return true;
  auto Found = Overriders.find(Key);
  if (Found == Overriders.end())
    return !Pure; // a pure virtual method nobody implements: unknown
  for (const auto &Override : Found->second)
    if (!Clean.contains(Override.getKey()))
      return false;
  return true;
}

void ExceptionSummaries::resolve() {
  // The greatest fixed point: start from every coroutine whose own body
  // lets nothing out, and drop those whose needs are not met until none
  // is dropped.
  Clean.clear();
  for (const auto &E : Entries)
    if (!E.second.LetsOut)
      Clean.insert(E.getKey());
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (const auto &E : Entries) {
      if (!Clean.contains(E.getKey()))
        continue;
      for (const std::string &Need : E.second.Needs)
        if (!satisfied(Need)) {
          Clean.erase(E.getKey());
          Changed = true;
          break;
        }
    }
  }
}

bool ExceptionSummaries::cannotReject(llvm::StringRef Need) const {
  return Need.size() > 2 && satisfied(Need);
}

const ExceptionSummaries *ExceptionSummaries::load(llvm::StringRef Path,
                                                   std::string &Error) {
  static std::mutex Lock;
  static std::map<std::string, std::unique_ptr<ExceptionSummaries>> Loaded;
  std::lock_guard<std::mutex> Hold(Lock);
  auto Found = Loaded.find(Path.str());
  if (Found != Loaded.end())
    return Found->second.get();

  std::vector<std::string> Files;
  if (llvm::sys::fs::is_directory(Path)) {
    std::error_code Failed;
    for (llvm::sys::fs::directory_iterator It(Path, Failed), End;
         It != End && !Failed; It.increment(Failed))
      if (llvm::sys::path::extension(It->path()) == ".awlsum")
        Files.push_back(It->path());
    if (Failed) {
      Error = "cannot read '" + Path.str() + "': " + Failed.message();
      return nullptr;
    }
  } else if (llvm::sys::fs::exists(Path)) {
    Files.push_back(Path.str());
  } else {
    Error = "'" + Path.str() + "' does not exist";
    return nullptr;
  }
  auto Summaries = std::make_unique<ExceptionSummaries>();
  for (const std::string &File : Files) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
        llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      Error = "cannot read '" + File + "': " + Buffer.getError().message();
      return nullptr;
    }
    if (!Summaries->add((*Buffer)->getBuffer(), File, Error))
      return nullptr;
  }
  Summaries->resolve();
  return (Loaded[Path.str()] = std::move(Summaries)).get();
}

SummarySettings &summarySettings() {
  static SummarySettings Settings;
  return Settings;
}

} // namespace clang::tidy::async::analysis
