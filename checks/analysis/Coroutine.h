//===--- Coroutine.h - awaitlint --------------------------------*- C++ -*-===//
//
// What the checks need to know about one coroutine body, computed once per
// coroutine: the names in use (fresh names avoid them), how often each
// variable is used, which variables are returned, and the sections of code
// whose awaits must keep their order because something holds them together:
//
//   auto guard = co_await mutex.scoped_lock();   // a guard held in a variable
//   co_await lock_mutex(m); ... m.unlock();       // an opening and closing
//   call co_await tx.begin(); ... co_await tx.commit();
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_COROUTINE_H
#define AWAITLINT_CHECKS_ANALYSIS_COROUTINE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace clang {
class SourceManager;
namespace tidy::async::analysis {

struct SharedOptions;

/// A section of a block whose awaits stay in order, and why.
struct OrderedRegion {
  SourceLocation Begin; ///< just after the opening statement
  SourceLocation End;   ///< the closing statement, or the block's end
  std::string Reason;   ///< e.g. "the guard 'lock' is held"
};

class CoroutineFacts {
public:
  CoroutineFacts(const FunctionDecl *Function, const Stmt *Body,
                 const SharedOptions &Opts, const SourceManager &SM);

  const FunctionDecl *function() const { return Function; }
  const Stmt *body() const { return Body; }

  /// An identifier nobody uses in the function, based on \p Base; reserved
  /// (a second call gives another).
  std::string freshName(llvm::StringRef Base);
  /// Same, without reserving it (names in separate new scopes may repeat).
  std::string unusedName(llvm::StringRef Base) const;
  bool nameInUse(llvm::StringRef Name) const { return Names.contains(Name); }

  /// How many times \p D is referenced in the function (lambdas included).
  unsigned usesOf(const Decl *D) const { return Uses.lookup(D); }
  /// True when \p Var is the operand of a return or co_return.
  bool isReturned(const VarDecl *Var) const { return Returned.contains(Var); }

  /// True when no code can read \p Var once \p S (a statement of the body)
  /// has run: every way on from the end of \p S reaches a return, a break
  /// out of the loop around it or the end of the function without naming
  /// \p Var, and no handler of a try around it names it. A lexical walk,
  /// conservative: falling back into a loop, a continue or goto after \p S,
  /// or a break nested in later code count as reading it.
  bool unreadAfter(const Stmt *S, const VarDecl *Var) const;

  /// The ordered section \p Loc lies in, if any.
  const OrderedRegion *regionAt(SourceLocation Loc) const;

private:
  void findRegions(const SharedOptions &Opts);

  const FunctionDecl *Function;
  const Stmt *Body;
  const SourceManager &SM;
  llvm::StringSet<> Names;
  llvm::DenseMap<const Decl *, unsigned> Uses;
  llvm::SmallPtrSet<const VarDecl *, 8> Returned;
  std::vector<OrderedRegion> Regions;
};

/// The try statement of a function-try-block (`Promise<int> f() try { ... }
/// catch (...) { ... }`) when \p Body is a function's body, a coroutine's,
/// or the block clang builds around a coroutine's function-try-block: that
/// block has no source locations, so its end is the try statement's.
const CXXTryStmt *functionTryBlock(const Stmt *Body);

} // namespace tidy::async::analysis
} // namespace clang

#endif // AWAITLINT_CHECKS_ANALYSIS_COROUTINE_H
