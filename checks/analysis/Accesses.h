//===--- Accesses.h - awaitlint
//----------------------------------===//
//
// A conservative summary of what a statement or expression reads and writes,
// used to decide whether two awaits (and the code between them) may be
// reordered into one combined await. When unsure, it says "unknown object"
// or "impure call", which the checks treat as a dependence.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_ACCESSES_H
#define AWAITLINT_CHECKS_ANALYSIS_ACCESSES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace clang::tidy::async::analysis {

/// Identifies an object: a variable or binding declaration, or one of the
/// special keys below.
using ObjectKey = const void *;
/// The object `this` points to.
extern const ObjectKey ThisObject;
/// An object the analysis cannot name (reached through a call result, a
/// pointer of unknown origin, ...).
extern const ObjectKey UnknownObject;

using ObjectSet = llvm::SmallPtrSet<ObjectKey, 8>;

struct AccessSummary {
  /// Objects whose value is read.
  ObjectSet Reads;
  /// Objects assigned, incremented, or otherwise written by the code itself.
  ObjectSet Writes;
  /// Objects a called function may modify: the receiver of a non-const
  /// member function, arguments bound to non-const references or pointers.
  ObjectSet CallWrites;
  /// Variables declared.
  ObjectSet Declared;
  /// Names declared and names referenced (catches shadowing when code moves).
  llvm::StringSet<> DeclaredNames;
  llvm::StringSet<> ReferencedNames;
  /// A call the analysis cannot prove free of side effects on non-local
  /// state (not constexpr); the first one's name, for messages.
  bool HasImpureCall = false;
  std::string FirstImpureCall;
  /// Writes to something other than a local variable of the function.
  bool WritesNonLocal = false;
  /// co_await/co_yield/co_return, throw, or a statement that is not a plain
  /// declaration or expression.
  bool HasControlFlow = false;

  /// Every object this code touches.
  ObjectSet touched() const;
};

/// Summarises \p S, evaluated in \p Function (the coroutine). Calls whose
/// callee is \p Ignore do not count as impure (the awaited call itself).
AccessSummary summarizeAccesses(const Stmt *S, const DeclContext *Function,
                                const FunctionDecl *Ignore = nullptr);

/// True when \p A and \p B share an element.
bool intersects(const ObjectSet &A, const ObjectSet &B);

/// True when \p Key is a variable with automatic storage declared in
/// \p Function and not a reference (writing it has no effect elsewhere).
bool isLocalObject(ObjectKey Key, const DeclContext *Function);

/// True for parameter types through which a coroutine frame keeps referring
/// to the caller's object: references, pointers, and views (string_view,
/// span, ...). Dependent types count too: nothing is known of them.
bool isReferenceLike(QualType T);

/// True when a call to \p Callee may leave its task referring to the
/// caller's objects: a reference-like or variadic parameter.
bool keepsReferences(const FunctionDecl *Callee);

} // namespace clang::tidy::async::analysis

#endif // AWAITLINT_CHECKS_ANALYSIS_ACCESSES_H
