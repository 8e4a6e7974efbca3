//===--- Effects.h - awaitlint ----------------------------------*- C++ -*-===//
//
// What code reads and writes, used to decide whether two awaits (and the
// code between them) may run in another order.
//
// A statement is summarised as the objects it reads and writes: variables,
// the object `this` points to, or "an object the analysis cannot name". A
// call adds what the callee does:
//   - a function defined in the translation unit: what its body reads and
//     writes outside its own locals (globals, its receiver, what its
//     reference parameters refer to), followed transitively to a bound;
//   - the standard library and the coroutine frameworks' own namespaces:
//     only what they are handed (receiver, reference arguments);
//   - constexpr functions and calls named in SideEffectFreeCalls: reads;
//   - logging functions (LoggingFunctions): output only;
//   - a function of another file (or a virtual one, every override): what
//     its file's summary says, when the Summaries option gives them;
//   - anything else (declared elsewhere, virtual, through a pointer):
//     unknown, which the checks treat as "may read and write anything".
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_EFFECTS_H
#define AWAITLINT_CHECKS_ANALYSIS_EFFECTS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>

namespace clang::tidy::async::analysis {

struct SharedOptions;
class ExceptionSummaries;
struct FunctionEffects;

/// Identifies an object: a variable or binding declaration, or one of the
/// special keys below.
using ObjectKey = const void *;
/// The object `this` points to.
extern const ObjectKey ThisObject;
/// An object the analysis cannot name (reached through a call result, a
/// pointer of unknown origin, ...).
extern const ObjectKey UnknownObject;
/// What database and cache statements read and write (see Statements.h):
/// one store for all of them, shared by every client.
extern const ObjectKey DatabaseObject;
/// State of other files no declaration here names (a static variable there,
/// a global this file does not declare), as their summaries report it.
extern const ObjectKey OtherUnitState;
/// The key of the state an other file's summary names \p Name (a global
/// this file does not declare, a static of that file): one per name.
ObjectKey foreignState(llvm::StringRef Name);
/// \p Key is one of those.
bool isForeignState(ObjectKey Key);
/// The name of such a key ("" for any other).
std::string foreignStateName(ObjectKey Key);
/// That name for messages: "'dbConn' of Database.cpp".
std::string describeForeignState(ObjectKey Key);

/// \p Key is one of the keys above, not a declaration.
bool isSpecialObject(ObjectKey Key);
/// \p Key is state outside every function: a global or static variable,
/// or the database.
bool isGlobalState(ObjectKey Key);

using ObjectSet = llvm::SmallPtrSet<ObjectKey, 8>;

struct AccessSummary {
  /// Objects whose value is read.
  ObjectSet Reads;
  /// Objects assigned, incremented, or otherwise written by the code itself.
  ObjectSet Writes;
  /// Objects a called function may modify: the receiver of a non-const
  /// member function, arguments bound to non-const references or pointers,
  /// globals a visible callee writes.
  ObjectSet CallWrites;
  /// Objects written through a pointer or reference (of Writes and
  /// CallWrites): for a pointer variable, the object it points to.
  ObjectSet IndirectWrites;
  /// Variables declared.
  ObjectSet Declared;
  /// Names declared and names referenced (catches shadowing when code moves).
  llvm::StringSet<> DeclaredNames;
  llvm::StringSet<> ReferencedNames;
  /// The first call whose effects are unknown, for messages ("" if none).
  std::string UnknownCall;
  /// The first call assumed to only read because of its name
  /// (SideEffectFreeCalls), not because its body shows it.
  std::string AssumedCall;
  /// Writes to something other than a local variable of the function.
  bool WritesNonLocal = false;
  /// Writes to a log or console (LoggingFunctions, std::cout, ...).
  bool Logs = false;
  /// Awaits a barrier (a sleep, a lock, ...), itself or in a callee.
  bool AwaitsBarrier = false;
  /// co_await/co_yield/co_return, throw, jumps, or a statement that is not
  /// a plain declaration or expression.
  bool HasControlFlow = false;
  /// Contains a throw expression, itself, in a lambda it creates or in a
  /// function it calls whose body the analysis follows (not noexcept).
  bool Throws = false;

  bool hasUnknownCall() const { return !UnknownCall.empty(); }
  /// Every object this code touches.
  ObjectSet touched() const;
  /// Objects written, by the code or by its calls.
  ObjectSet modified() const;
  void merge(const AccessSummary &From);
};

/// What one bit says of a function, in the analysis (CalleeEffects) and in
/// the summaries of other files (FunctionEffects, ExceptionSummaries.h).
struct EffectFlags {
  /// It is a coroutine (its body says so, or its file's summary).
  bool Coroutine = false;
  /// It is a coroutine whose body contains a suspension point.
  bool Suspends = false;
  bool ReadsThis = false;
  bool WritesThis = false;
  bool Logs = false;
  /// Its body awaits a barrier (a coroutine that sleeps, locks, ...).
  bool AwaitsBarrier = false;
  /// Its body, or a function it calls, contains a throw expression, and it
  /// is not noexcept.
  bool Throws = false;

  /// A coroutine that never suspends: started early, it saves nothing.
  bool neverSuspends() const { return Coroutine && !Suspends; }
};

/// What a function does outside its own locals, as seen from its callers.
struct CalleeEffects : EffectFlags {
  /// Every call and write inside it was understood.
  bool Known = true;
  std::string Unknown; ///< Why not, for messages.
  /// A call inside assumed to only read because of its name.
  std::string Assumed;
  ObjectSet GlobalReads;
  ObjectSet GlobalWrites;
  /// Per parameter: what the function reads or writes through it (for
  /// reference, pointer and view parameters).
  llvm::SmallVector<bool, 4> ParamReads;
  llvm::SmallVector<bool, 4> ParamWrites;
  /// Its body is in the translation unit.
  bool Visible = false;
  /// What is known comes from the summary of another file
  /// (ExceptionSummaries.h): a change there can make it wrong.
  bool FromSummary = false;

  /// Changes nothing outside its locals (output aside) and awaits no
  /// barrier: its place in the order cannot matter to other code.
  bool isHarmless() const {
    return Known && Assumed.empty() && GlobalWrites.empty() && !WritesThis &&
           !AwaitsBarrier &&
           llvm::none_of(ParamWrites, [](bool W) { return W; });
  }
};

/// How the analysis treats a call to a function.
enum class CalleeKind {
  Pure,             ///< constexpr, trivial: at most writes what it is handed
  ThroughArguments, ///< std, frameworks: acts only on what it is handed
  ReadsOnly,        ///< named in SideEffectFreeCalls
  Logging,          ///< named in LoggingFunctions
  Summarised,       ///< its body is in the translation unit
  Unknown
};

class EffectAnalysis {
public:
  explicit EffectAnalysis(const SharedOptions &Opts) : Opts(Opts) {}

  /// Summarises \p S, evaluated in \p Function. \p Trusted calls count as
  /// reading only (calls the caller vetted itself).
  AccessSummary summarize(const Stmt *S, const DeclContext *Function,
                          llvm::ArrayRef<const CallExpr *> Trusted = {},
                          const Stmt *Skip = nullptr);

  /// Summarises the operand of an await. Beyond summarize: the call that
  /// returns the awaited operation without being a coroutine itself acts on
  /// its receiver and reference arguments after its body returned.
  AccessSummary summarizeOperation(const Expr *Operand,
                                   const DeclContext *Function);

  /// What a call to \p Callee does, from its body if it is visible (within
  /// the option's depth), else from what is known of it. Remembered per
  /// function.
  const CalleeEffects &effectsOf(const FunctionDecl *Callee);

  CalleeKind kindOf(const FunctionDecl *Callee) const;

  /// Reads the effects of functions whose bodies are in other files from
  /// \p Summaries (null: none).
  void useSummaries(const ExceptionSummaries *Summaries) {
    this->Summaries = Summaries;
  }
  /// Why a fix that relies on what \p Callee does may change behaviour
  /// because that is known from another file's summary; none otherwise.
  std::optional<std::string> summaryCaveat(const FunctionDecl *Callee);

  /// What \p Definition's body does, named for other files' summaries.
  FunctionEffects exportEffects(const FunctionDecl *Definition);

  /// Whether awaiting a call of \p Callee (null: unknown), whose operand
  /// \p Operand summarises, cannot matter to other code's order: output
  /// only, or effects on what it is handed alone, or a body without effect.
  bool isHarmlessCall(const FunctionDecl *Callee, const AccessSummary &Operand);

  const SharedOptions &options() const { return Opts; }

private:
  friend class AccessCollector;
  /// \p OwnBody: what the body of \p Callee does, not what a call of it
  /// may run (an override, as the summaries say).
  const CalleeEffects &effectsAt(const FunctionDecl *Callee, unsigned Depth,
                                 bool OwnBody = false);
  CalleeEffects computeEffects(const FunctionDecl *Definition, unsigned Depth);
  /// The effects of a callee whose body is elsewhere or may be overridden,
  /// from the summaries; null when they do not hold it.
  const CalleeEffects *summaryEffects(const FunctionDecl *Callee) const;
  /// The object a summary's global name stands for here.
  ObjectKey globalNamed(llvm::StringRef Name, const ASTContext &Context) const;

  const SharedOptions &Opts;
  struct Entry {
    CalleeEffects Effects;
    /// The depth budget it was computed with was exhausted somewhere.
    bool Truncated = false;
    bool InProgress = false;
  };
  llvm::DenseMap<const FunctionDecl *, Entry> Cache;
  unsigned CurrentDepth = 0;
  llvm::ArrayRef<const CallExpr *> Trusted;
  const ExceptionSummaries *Summaries = nullptr;
  mutable llvm::DenseMap<const FunctionDecl *, std::unique_ptr<CalleeEffects>>
      Imported;
  mutable llvm::StringMap<const VarDecl *> GlobalsByName;
  mutable bool GlobalsIndexed = false;
};

/// True when \p E designates a variable with automatic storage of
/// \p Function or of a lambda nested in it, not a reference (writing it has
/// no effect elsewhere).
bool isLocalObject(ObjectKey Key, const DeclContext *Function);

/// True when \p Key is a data member of *this (an object of its own that
/// *this as a whole overlaps).
bool isMemberOfThis(ObjectKey Key);

/// \p F has a body in the translation unit, and it is a coroutine's.
bool isCoroutine(const FunctionDecl *F);

/// An element \p A and \p B share (*this and a member of it count), if any.
std::optional<ObjectKey> firstCommon(const ObjectSet &A, const ObjectSet &B);

/// True when \p A and \p B share an element.
bool intersects(const ObjectSet &A, const ObjectSet &B);

/// The object an lvalue (or pointer) expression designates. Sets
/// \p Indirect when the path goes through a pointer or reference, so a write
/// may land outside the function. nullptr for a fresh temporary.
ObjectKey rootObject(const Expr *E, bool &Indirect);

/// True for parameter types through which a coroutine frame keeps referring
/// to the caller's object: references, pointers, and views (string_view,
/// span, ...). Dependent types count too: nothing is known of them.
bool isReferenceLike(QualType T);

/// True when a call to \p Callee may leave its task referring to the
/// caller's objects: a reference-like or variadic parameter.
bool keepsReferences(const FunctionDecl *Callee);

/// True when binding an argument to a parameter of type \p Param lets the
/// callee modify it.
bool mayModifyThrough(QualType Param);

} // namespace clang::tidy::async::analysis

#endif // AWAITLINT_CHECKS_ANALYSIS_EFFECTS_H
