//===--- ExceptionSummaries.h - awaitlint -----------------------*- C++ -*-===//
//
// What the coroutines of other translation units let out. One run writes,
// for each file it analyses, a summary of the coroutines defined there:
//
//   C <key> clean|lets-out <needs...>
//                                   a coroutine: whether its own body lets an
//                                   exception out, and the coroutines of
//                                   other files its verdict rests on
//   O <key> <overridden key>        a method overriding another
//   E <key> <flags> <items...>      a function defined in the file: what it
//                                   reads and writes outside its locals
//                                   (flags: known, coroutine, suspends,
//                                   reads-this, writes-this, logs, barrier,
//                                   throws; items: R:<global> W:<global>
//                                   r:<parameter> w:<parameter> A:<call>)
//
// A later run reads them all and settles each coroutine once for the whole
// program: it cannot reject when its own body lets nothing out and every
// coroutine it awaits cannot reject either (a cycle of awaits that nothing
// else makes fail cannot fail). Anything not in a summary may reject.
// The E lines give the sequential checks the effects of callees whose
// bodies are elsewhere (Effects.h); a virtual call joins every override.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_EXCEPTIONSUMMARIES_H
#define AWAITLINT_CHECKS_ANALYSIS_EXCEPTIONSUMMARIES_H

#include "Effects.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::async::analysis {

/// The name other files call \p F by: its qualified name and parameter
/// types ("Disk::lock()"); empty when no other file can call it by name
/// (internal linkage, lambdas, templates).
std::string crossUnitKey(const FunctionDecl *F);

/// What a call of a coroutine in another file needs to be known not to
/// reject: "F:<key>" (that coroutine), "V:<key>" (a virtual call: it and
/// every override), "P:<key>" (a pure virtual one: every override). None
/// when the callee has no cross-unit key.
std::optional<std::string> crossUnitNeed(const CallExpr *Call);
/// The same for any call of \p Callee (a virtual one as if through a base).
std::optional<std::string> crossUnitNeed(const FunctionDecl *Callee);

/// The keys of every method \p Method overrides, directly or not.
std::vector<std::string> overriddenKeys(const FunctionDecl *Method);

/// What a function does outside its own locals, as its file saw it: the
/// cross-unit twin of CalleeEffects (Effects.h). Globals are named by their
/// qualified names, "db" for the database (Statements.h), and a static of a
/// file, which no other file can name, by "*<file>:<name>".
struct FunctionEffects : EffectFlags {
  std::string Key;
  /// Every call and write in its body was understood there.
  bool Known = false;
  std::vector<std::string> GlobalReads;
  std::vector<std::string> GlobalWrites;
  std::vector<unsigned> ParamReads;
  std::vector<unsigned> ParamWrites;
  /// A call assumed to only read because of its name ("" if none).
  std::string Assumed;

  /// What running either of two functions does: \p Other joins this.
  void join(const FunctionEffects &Other);
};

/// The summary of one translation unit.
struct UnitSummary {
  struct Coroutine {
    std::string Key;
    /// Its body lets an exception out whatever its callees do.
    bool LetsOut = false;
    /// crossUnitNeed strings of the awaited coroutines of other files.
    std::vector<std::string> Needs;
  };
  std::vector<Coroutine> Coroutines;
  /// (method, a method it overrides), for methods that may return a task.
  std::vector<std::pair<std::string, std::string>> Overrides;
  /// What the functions defined in the file itself do.
  std::vector<FunctionEffects> Functions;

  std::string render() const;
};

/// Writes \p Unit to <Directory>/<hash of MainFile>.awlsum, replacing the
/// summary an earlier run wrote for the same file. False and \p Error on
/// failure.
bool writeUnitSummary(const UnitSummary &Unit, llvm::StringRef Directory,
                      llvm::StringRef MainFile, std::string &Error);

/// The summaries of a whole program, settled.
class ExceptionSummaries {
public:
  /// Adds the summary text of one file (\p Origin names it in errors).
  bool add(llvm::StringRef Text, llvm::StringRef Origin, std::string &Error);
  /// Settles every coroutine after the last add.
  void resolve();
  /// Whether a call with this crossUnitNeed cannot reject.
  bool cannotReject(llvm::StringRef Need) const;
  /// What a call with this crossUnitNeed does: the function, or every
  /// function a virtual call may run, joined. None when one of them is in
  /// no summary.
  std::optional<FunctionEffects> effectsOf(llvm::StringRef Need) const;
  size_t size() const { return Entries.size(); }

  /// Reads every *.awlsum file of the directory \p Path (or the file
  /// itself), once per process; null and \p Error when it cannot.
  static const ExceptionSummaries *load(llvm::StringRef Path,
                                        std::string &Error);

private:
  struct Entry {
    bool LetsOut = false;
    std::vector<std::string> Needs;
  };
  bool satisfied(llvm::StringRef Need) const;
  /// Adds one E line (split at tabs); false when it is malformed.
  bool addFunction(llvm::ArrayRef<llvm::StringRef> Fields);
  llvm::StringMap<Entry> Entries;
  /// A method's key -> the keys of every method overriding it.
  llvm::StringMap<llvm::StringSet<>> Overriders;
  llvm::StringSet<> Clean;
  llvm::StringMap<FunctionEffects> Functions;
};

/// Settings for the whole process, given by the awaitlint driver
/// (--summaries); a check's own options take precedence.
struct SummarySettings {
  std::string ExportDirectory;
  std::string ReadPath;
};
SummarySettings &summarySettings();

} // namespace clang::tidy::async::analysis

#endif // AWAITLINT_CHECKS_ANALYSIS_EXCEPTIONSUMMARIES_H
