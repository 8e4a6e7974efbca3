//===--- AwaitDiscovery.h - awaitlint ---------------------------*- C++ -*-===//
//
// Finds the statements of a coroutine body that await something, in the
// shapes a fix-it can rewrite:
//   co_await f(x);                 Discarded
//   T v = co_await f(x);           Declaration
//   auto [p, q] = co_await f(x);   StructuredBinding
//   v = co_await f(x);             Assignment (v a local variable)
//   item.roles = co_await f(x);    Assignment (any other lvalue)
// and the awaits nested side by side in one expression:
//   h(co_await a(), co_await b());   co_await a() + co_await b()
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_AWAITDISCOVERY_H
#define AWAITLINT_CHECKS_ANALYSIS_AWAITDISCOVERY_H

#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang {
class VarDecl;
class DecompositionDecl;
namespace tidy::async::analysis {

/// Visits a function body's own code: a nested lambda is a function of its
/// own, so its body is left out (its return, throw or co_await leaves or
/// suspends the lambda) and only its captures' initialisers are visited.
/// ShouldVisitLambdaBody alone does not do this: clang applies it only
/// where a closure class is traversed as implicit code.
///
/// With \p LambdaBodies, the bodies are visited too (what a lambda reads,
/// writes and calls may count: the code may call it), and insideLambda()
/// says when a node is the lambda's.
class OwnCodeVisitor : public ConstDynamicRecursiveASTVisitor {
public:
  explicit OwnCodeVisitor(bool LambdaBodies = false)
      : LambdaBodies(LambdaBodies) {
    ShouldVisitLambdaBody = false;
  }
  bool TraverseLambdaExpr(const LambdaExpr *Lambda) override;

protected:
  bool insideLambda() const { return LambdaDepth != 0; }

private:
  bool LambdaBodies;
  unsigned LambdaDepth = 0;
};

enum class AwaitStatementKind {
  Discarded,
  Declaration,
  StructuredBinding,
  Assignment
};

struct AwaitStatement {
  const Stmt *Statement = nullptr;
  AwaitStatementKind Kind = AwaitStatementKind::Discarded;
  /// The explicit co_await (a CoawaitExpr or DependentCoawaitExpr).
  const Expr *Await = nullptr;
  /// The operand as written, implicit nodes and parentheses stripped.
  const Expr *Operand = nullptr;
  /// The declared variable (Declaration) or the DecompositionDecl
  /// (StructuredBinding).
  const VarDecl *Declared = nullptr;
  /// The local variable assigned to (Assignment to a plain variable).
  const VarDecl *Assigned = nullptr;
  /// The lvalue assigned to (every Assignment).
  const Expr *Target = nullptr;
  /// The type of the co_await expression (what await_resume returns).
  QualType ResultType;
  /// The await is the first thing another await's operand evaluates, and
  /// its value feeds that operand (leadingNestedAwait).
  bool FeedsEnclosingAwait = false;
};

/// Strips implicit nodes, parentheses, and copy/move/converting constructions
/// that merely carry a value.
const Expr *ignoreValueCarriers(const Expr *E);

/// Returns the explicit await \p E is, after value carriers, if any.
const Expr *asExplicitAwait(const Expr *E);

/// The operand of an explicit await, implicit nodes and parentheses
/// stripped: `co_await (f(x))` awaits the call f(x).
const Expr *awaitOperand(const Expr *Await);

/// \p Await as an await statement of its own whose value feeds the
/// expression around it (awaits side by side in one expression, or one
/// nested in another's operand): Kind Discarded, the await as Statement.
AwaitStatement nestedAwaitShape(const Expr *Await);

/// The calls an overloaded `&&` or `||` over awaitables combines, left to
/// right (asio's awaitable operators: `co_await (a() && (b() || c()))`);
/// empty unless \p Operand is such an operator and every leaf is a call.
llvm::SmallVector<const CallExpr *, 4> combinedCalls(const Expr *Operand);

/// Recognises \p S as one of the await statement shapes.
std::optional<AwaitStatement> matchAwaitStatement(const Stmt *S);

/// `if (condition) co_await f(x);` (the await alone, or alone in braces):
/// an if without else, init-statement or condition variable, whose branch
/// awaits for the effect only (Discarded). The await statement inside.
std::optional<AwaitStatement> matchConditionalAwait(const Stmt *S);

/// The await statement \p S offers for grouping: one of
/// matchAwaitStatement's shapes or, with \p ConditionalAwaits, an await
/// alone under an if (then \p UnderIf is set).
std::optional<AwaitStatement>
matchCandidateAwait(const Stmt *S, bool ConditionalAwaits, bool &UnderIf);

/// The await that \p Outer's operand evaluates before anything else that
/// could have an effect, when that operand awaits too:
///   co_await Dao(co_await open_transaction()).get(key);
///   auto v = co_await use(co_await open(), key);
/// Nothing that may run before it (other arguments of the calls around it)
/// calls, writes or awaits, and no branch (?:, &&, ||) or overloaded
/// operator stands between the two awaits. Its value feeds the rest of the
/// statement.
std::optional<AwaitStatement> leadingNestedAwait(const AwaitStatement &Outer);

/// The explicit awaits of \p S outside nested lambdas, in source order.
llvm::SmallVector<const Expr *, 4> explicitAwaitsIn(const Stmt *S);

/// True when \p S contains co_await, co_yield or co_return outside of nested
/// lambdas (which are separate functions).
bool containsSuspensionPoint(const Stmt *S);

/// True when \p S may leave the enclosing block other than by falling
/// through: return, co_return, throw (a rethrow too), break, continue, goto.
/// (Nested loops and switches keep their own break/continue.) With
/// \p ContinueStays, a continue of the enclosing loop does not count: for
/// code at the end of a loop body, where it only skips the rest of it.
bool mayLeave(const Stmt *S, bool ContinueStays = false);

/// The function a call-like operand calls (the outermost call), if any.
const FunctionDecl *calleeOf(const Expr *Operand);

/// `co_await std::move(task)` or `co_await task`: the awaited variable.
const VarDecl *awaitedVariable(const Expr *Operand);

/// Matches coroutine definitions (lambdas' call operators included) outside
/// system headers, binding the function as "function" and its body as
/// "coroutine". Matching from the function down avoids ASTContext's parent
/// map (getParents, hasAncestor, isInstantiated), whose first use walks the
/// whole translation unit: most of the checks' cost on small files.
ast_matchers::DeclarationMatcher coroutineDefinition();

/// True when \p Function is, or is nested in, a template instantiation.
bool isInInstantiation(const FunctionDecl *Function);

/// Calls \p Visit for every block of \p Body (itself included), without
/// entering lambdas.
void forEachBlock(const Stmt *Body,
                  llvm::function_ref<void(const CompoundStmt *)> Visit);

} // namespace tidy::async::analysis
} // namespace clang

#endif // AWAITLINT_CHECKS_ANALYSIS_AWAITDISCOVERY_H
