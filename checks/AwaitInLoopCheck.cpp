//===--- AwaitInLoopCheck.cpp - awaitlint -----------------------*- C++ -*-===//
//
// Finds loops (for, range-for, while, do) of a coroutine whose body awaits
// one task per iteration although no iteration needs another's result, and
// proposes to start every task first and await them together:
//
//   for (const auto& k : keys) m[k] = co_await fetch_price(k);
// becomes
//   std::vector<awl::Promise<double>> price_tasks;
//   price_tasks.reserve(keys.size());
//   for (const auto& k : keys) price_tasks.push_back(fetch_price(k));
//   auto prices = co_await awl::when_all(std::move(price_tasks));
//   auto next_price = prices.begin();
//   for (const auto& k : keys) m[k] = std::move(*next_price++);
//
// The statement that awaits may discard the result, declare it, push or
// insert it into a container, store it in an element, or accumulate it;
// statements before it compute the call's inputs, statements after it use
// the result. The results are used in the loop's order: by a loop over the
// results, or, when the use needs the iteration's own variables (k above),
// by running the loop's header again.
//
// Precision first: a loop is reported only when every piece of it is
// understood. The body holds exactly one await; every other statement is a
// local computation (no call of unknown effect, no leaving, no write outside
// the coroutine before the await); the loop is bounded by its own header (a
// counter the header or the body's last statement updates, or a range), and
// nothing the body writes is read by the awaited operand or the header.
// Retries, polling, cursors, find-first loops, rate limiting, shared
// receivers, try blocks and while (true) are serial on purpose.
//
//===----------------------------------------------------------------------===//

#include "AwaitInLoopCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include <variant>

namespace clang::tidy::async {

using analysis::AccessSummary;
using analysis::ObjectKey;
using analysis::ObjectSet;

namespace {

/// The loops of a coroutine body, outside nested lambdas, and the
/// statements that stand alone as the body of a loop, if or label (a fix
/// that turns one into several must add braces).
class LoopCollector : public analysis::OwnCodeVisitor {
public:
  std::vector<const Stmt *> Loops;
  llvm::SmallPtrSet<const Stmt *, 8> Unbraced;
  bool VisitForStmt(const ForStmt *S) override {
    return sole(S->getBody()) && add(S);
  }
  bool VisitCXXForRangeStmt(const CXXForRangeStmt *S) override {
    sole(S->getBody());
    // `for co_await` (Coroutines TS) walks an asynchronous stream: each step
    // awaits the next element, a cursor that cannot be started up front.
    return S->getCoawaitLoc().isValid() ? true : add(S);
  }
  bool VisitWhileStmt(const WhileStmt *S) override {
    return sole(S->getBody()) && add(S);
  }
  bool VisitDoStmt(const DoStmt *S) override {
    return sole(S->getBody()) && add(S);
  }
  bool VisitIfStmt(const IfStmt *S) override {
    return sole(S->getThen()) && sole(S->getElse());
  }
  bool VisitLabelStmt(const LabelStmt *S) override {
    return sole(S->getSubStmt());
  }
  bool VisitSwitchCase(const SwitchCase *S) override {
    return sole(S->getSubStmt());
  }

private:
  bool add(const Stmt *S) {
    Loops.push_back(S);
    return true;
  }
  bool sole(const Stmt *S) {
    if (S && !isa<CompoundStmt>(S))
      Unbraced.insert(S);
    return true;
  }
};

/// Counts the suspension points of a statement (outside nested lambdas) and
/// notices try blocks.
class SuspensionCounter : public analysis::OwnCodeVisitor {
public:
  unsigned Count = 0;
  /// Suspension points other than a plain co_await: co_yield, co_return,
  /// an await whose operand depends on a template parameter.
  unsigned Others = 0;
  unsigned Tries = 0;
  /// Suspension points inside a loop nested in the one counted.
  unsigned InNestedLoops = 0;
  bool VisitCoawaitExpr(const CoawaitExpr *E) override {
    Count += !E->isImplicit();
    return true;
  }
  bool VisitDependentCoawaitExpr(const DependentCoawaitExpr *) override {
    return bump();
  }
  bool VisitCoyieldExpr(const CoyieldExpr *) override { return bump(); }
  bool VisitCoreturnStmt(const CoreturnStmt *) override { return bump(); }
  bool VisitCXXTryStmt(const CXXTryStmt *) override {
    ++Tries;
    return true;
  }
  bool VisitForStmt(const ForStmt *S) override { return nested(S); }
  bool VisitCXXForRangeStmt(const CXXForRangeStmt *S) override {
    return nested(S);
  }
  bool VisitWhileStmt(const WhileStmt *S) override { return nested(S); }
  bool VisitDoStmt(const DoStmt *S) override { return nested(S); }

private:
  bool bump() {
    ++Count;
    ++Others;
    return true;
  }
  bool nested(const Stmt *Loop) {
    InNestedLoops += analysis::containsSuspensionPoint(Loop);
    return true;
  }
};

/// Every variable (and binding) declared in a statement.
void collectDeclared(const Stmt *S, ObjectSet &Out) {
  struct Collector : ConstDynamicRecursiveASTVisitor {
    ObjectSet *Out = nullptr;
    bool VisitVarDecl(const VarDecl *Var) override {
      Out->insert(Var);
      return true;
    }
    bool VisitBindingDecl(const BindingDecl *Binding) override {
      Out->insert(Binding);
      return true;
    }
  } C;
  C.Out = &Out;
  C.TraverseStmt(S);
}

/// The declarations \p S refers to, outside \p Skip.
void collectReferenced(const Stmt *S, const Stmt *Skip, ObjectSet &Out) {
  struct Collector : ConstDynamicRecursiveASTVisitor {
    ObjectSet *Out = nullptr;
    const Stmt *Skip = nullptr;
    bool TraverseStmt(const Stmt *S) override {
      return S == Skip || ConstDynamicRecursiveASTVisitor::TraverseStmt(S);
    }
    bool VisitDeclRefExpr(const DeclRefExpr *Ref) override {
      Out->insert(Ref->getDecl());
      return true;
    }
  } C;
  C.Out = &Out;
  C.Skip = Skip;
  C.TraverseStmt(S);
}

/// How the statement that awaits uses the awaited value.
enum class Use {
  Discarded,  ///< co_await f(x);
  Declared,   ///< auto v = co_await f(x); (v declared in the body)
  Pushed,     ///< out.push_back(co_await f(x));
  Inserted,   ///< m.emplace(k, co_await f(k)); v.emplace_back(id, co_await ...)
  Stored,     ///< out[i] = co_await f(x); m[k] = co_await f(k);
  Accumulated ///< total += co_await f(x);
};

/// The pieces of one loop statement.
struct LoopParts {
  const Stmt *Loop = nullptr;
  const Stmt *Body = nullptr;
  const Expr *Cond = nullptr;
  const Expr *Inc = nullptr;
  const Stmt *Init = nullptr;
  const Expr *RangeInit = nullptr;
  const VarDecl *LoopVar = nullptr;
  bool HasConditionVariable = false;
  /// `while (i < n) { ...; ++i; }`: the body's last statement counts.
  const Stmt *TrailingIncrement = nullptr;
};

LoopParts partsOf(const Stmt *Loop) {
  LoopParts P;
  P.Loop = Loop;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    P.Body = For->getBody();
    P.Cond = For->getCond();
    P.Inc = For->getInc();
    P.Init = For->getInit();
    P.HasConditionVariable = For->getConditionVariable() != nullptr;
  } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop)) {
    P.Body = Range->getBody();
    P.Init = Range->getInit();
    P.RangeInit = Range->getRangeInit();
    P.LoopVar = Range->getLoopVariable();
  } else if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    P.Body = While->getBody();
    P.Cond = While->getCond();
    P.HasConditionVariable = While->getConditionVariable() != nullptr;
  } else if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    P.Body = Do->getBody();
    P.Cond = Do->getCond();
  }
  return P;
}

/// The declaration a (parenthesised, implicitly converted) name refers to.
const VarDecl *referencedVariable(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

/// `++i`, `i++`, `--i`, `i += c`: the variable a statement steps.
const VarDecl *steppedVariable(const Stmt *S) {
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->isIncrementDecrementOp())
    return referencedVariable(Unary->getSubExpr());
  if (const auto *Compound = dyn_cast<CompoundAssignOperator>(E);
      Compound && (Compound->getOpcode() == BO_AddAssign ||
                   Compound->getOpcode() == BO_SubAssign))
    return referencedVariable(Compound->getLHS());
  return nullptr;
}

/// A container method that puts its arguments into the container.
bool isInsertion(const CXXMethodDecl *Method) {
  return Method && Method->getIdentifier() && analysis::isInStd(Method) &&
         llvm::is_contained({"push_back", "emplace_back", "push_front",
                             "emplace_front", "push", "emplace", "insert",
                             "try_emplace", "insert_or_assign"},
                            Method->getName());
}

bool isStdOrConstexpr(const FunctionDecl *F) {
  return F && (analysis::isInStd(F) || F->isConstexpr());
}

/// The one await of \p S, if it is outside &&, || and ?: branches.
const Expr *unconditionalAwait(const Stmt *S) {
  llvm::SmallVector<const Expr *, 4> Awaits = analysis::explicitAwaitsIn(S);
  if (Awaits.size() != 1)
    return nullptr;
  struct Guarded : analysis::OwnCodeVisitor {
    bool Found = false;
    bool VisitBinaryOperator(const BinaryOperator *Op) override {
      if (Op->isLogicalOp())
        Found |= analysis::containsSuspensionPoint(Op->getRHS());
      return !Found;
    }
    bool VisitConditionalOperator(const ConditionalOperator *Op) override {
      Found |= analysis::containsSuspensionPoint(Op->getTrueExpr()) ||
               analysis::containsSuspensionPoint(Op->getFalseExpr());
      return !Found;
    }
  } G;
  G.TraverseStmt(S);
  return G.Found ? nullptr : Awaits.front();
}

/// The name of the results of \p Callee whose stem is \p Stem: "counts",
/// "queries", "stats_results".
std::string pluralOf(llvm::StringRef Stem, llvm::StringRef Callee) {
  if (Stem.empty())
    return "results";
  auto IsVowel = [](char C) { return llvm::is_contained("aeiou", C); };
  if (Stem.size() > 1 && Stem.ends_with("y") && !IsVowel(Stem[Stem.size() - 2]))
    return Stem.drop_back().str() + "ies";
  if (Stem.ends_with("s") || Stem.ends_with("x") || Stem.ends_with("ch") ||
      Stem.ends_with("sh"))
    return analysis::nameForOperation(Callee, "results");
  return Stem.str() + "s";
}

/// Offsets in one file, and edits on a copy of its text.
class TextEdit {
public:
  TextEdit(unsigned Begin, llvm::StringRef Text) : Begin(Begin), Text(Text) {}
  void replace(unsigned From, unsigned To, std::string With) {
    Edits.emplace_back(From - Begin, To - From, std::move(With));
  }
  std::string apply() const {
    std::string Out = Text.str();
    auto Sorted = Edits;
    llvm::sort(Sorted, [](const auto &A, const auto &B) {
      return std::get<0>(A) > std::get<0>(B);
    });
    for (const auto &[Offset, Length, With] : Sorted)
      Out.replace(Offset, Length, With);
    return Out;
  }

private:
  unsigned Begin;
  llvm::StringRef Text;
  std::vector<std::tuple<unsigned, unsigned, std::string>> Edits;
};

} // namespace

class AwaitInLoopCheck::LoopAnalyzer {
public:
  LoopAnalyzer(AwaitInLoopCheck &Check, CoroutineUnderAnalysis &C,
               const llvm::SmallPtrSetImpl<const Stmt *> &Unbraced)
      : Check(Check), C(C), Context(C.Context),
        SM(C.Context.getSourceManager()), LangOpts(C.Context.getLangOpts()),
        Function(C.Function), Unbraced(Unbraced) {}

  void run(const Stmt *Loop) {
    P = partsOf(Loop);
    if (!P.Body || !analyze()) {
      if (Check.explaining())
        Check.explain(Loop->getBeginLoc(), "loop not reported: " + Rejected);
      return;
    }
    report();
  }

private:
  using Fix = std::variant<Edits, std::string>;

  // --- The finding ----------------------------------------------------------

  /// Notes why the loop is not reported (for AWAITLINT_EXPLAIN).
  bool reject(const llvm::Twine &Why) {
    Rejected = Why.str();
    return false;
  }

  /// A write the analysis cannot attribute (through a pointer kept in an
  /// item, `item.owner->total = x`): many items may point to one object.
  static constexpr const char *UnnamedWrite =
      "the body writes through a pointer kept in another object (an item's "
      "member, an element): every iteration may reach the same object";

  bool isPerIteration(ObjectKey Key) const {
    return PerIteration.contains(Key);
  }

  ObjectSet outer(const ObjectSet &Set) const {
    ObjectSet Result;
    for (ObjectKey Key : Set)
      if (!isPerIteration(Key))
        Result.insert(Key);
    return Result;
  }

  /// A header expression (condition, increment) may run as often as it
  /// likes only when it calls nothing unknown and writes only locals.
  static bool headerIsSimple(const AccessSummary &S) {
    return !S.hasUnknownCall() && !S.HasControlFlow && !S.WritesNonLocal;
  }

  bool constantCondition(const Expr *Cond) const {
    if (Cond->isValueDependent() || Cond->isTypeDependent())
      return true; // unknown: be safe
    bool Value = false;
    return Cond->EvaluateAsBooleanCondition(Value, Context);
  }

  /// Recognises how the statement that awaits uses the value.
  bool classifyUse() {
    if (std::optional<analysis::AwaitStatement> Shape =
            analysis::matchAwaitStatement(AwaitStmt)) {
      Await = Shape->Await;
      switch (Shape->Kind) {
      case analysis::AwaitStatementKind::Discarded:
        TheUse = Use::Discarded;
        return true;
      case analysis::AwaitStatementKind::Declaration:
      case analysis::AwaitStatementKind::StructuredBinding:
        if (!Shape->Declared || !Shape->Declared->hasLocalStorage())
          return reject("the await declares a static variable");
        TheUse = Use::Declared;
        ResultVar = Shape->Declared;
        return true;
      case analysis::AwaitStatementKind::Assignment:
        // `r = co_await f(x)` into a variable of the body is a declaration
        // in disguise; into an outer variable it is a cursor, a retry
        // status, or "the last one wins": serial on purpose.
        if (!Shape->Assigned || !isPerIteration(Shape->Assigned))
          return reject("the result is assigned to a variable declared before "
                        "the loop (a cursor or status)");
        TheUse = Use::Stored;
        return true;
      }
      return reject("the await statement has an unknown shape");
    }
    const auto *E = dyn_cast<Expr>(AwaitStmt);
    if (!E)
      return reject("the statement that awaits is not an expression");
    Await = unconditionalAwait(AwaitStmt);
    if (!Await)
      return reject("the await is one of several, or behind &&, || or ?:");
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
        Call && isInsertion(Call->getMethodDecl())) {
      if (!isOuterContainer(Call->getImplicitObjectArgument()))
        return reject(
            "the result goes into a container of the iteration itself");
      llvm::StringRef Name = Call->getMethodDecl()->getName();
      TheUse = Call->getNumArgs() == 1 &&
                       analysis::asExplicitAwait(Call->getArg(0)) == Await &&
                       (Name == "push_back" || Name == "emplace_back")
                   ? Use::Pushed
                   : Use::Inserted;
      return true;
    }
    const Expr *LHS = nullptr, *RHS = nullptr;
    bool Compound = false;
    if (const auto *Op = dyn_cast<BinaryOperator>(E);
        Op && Op->isAssignmentOp()) {
      LHS = Op->getLHS();
      RHS = Op->getRHS();
      Compound = Op->isCompoundAssignmentOp();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
               Op && Op->isAssignmentOp() && Op->getNumArgs() == 2 &&
               isStdOrConstexpr(Op->getDirectCallee())) {
      LHS = Op->getArg(0);
      RHS = Op->getArg(1);
      Compound = Op->getOperator() != OO_Equal;
    }
    if (!LHS || analysis::asExplicitAwait(RHS) != Await ||
        analysis::containsSuspensionPoint(LHS))
      return reject("the result is used in a way the check does not follow");
    if (Compound) {
      const VarDecl *Target = referencedVariable(LHS);
      if (!Target || !analysis::isLocalObject(Target, Function) ||
          isPerIteration(Target))
        return reject("the result is accumulated into something other than a "
                      "local variable");
      TheUse = Use::Accumulated;
      return true;
    }
    // out[i] = ..., m[k] = ..., m.at(k) = ..., item.field = ...
    if (!isOuterContainer(LHS))
      return reject("the result is stored into the iteration's own variable");
    TheUse = Use::Stored;
    return true;
  }

  /// An element or the whole of an object that lives outside the loop: the
  /// container the results go to.
  bool isOuterContainer(const Expr *E) const {
    bool Indirect = false;
    ObjectKey Root = analysis::rootObject(E, Indirect);
    return Root && Root != analysis::UnknownObject && !isPerIteration(Root);
  }

  /// `try { <the await statement> <code using its result> } catch (...)
  /// { ... }` as the body's last statement: each iteration handles its own
  /// call's failure, and the calls can be started together through the
  /// settled combinator, each outcome rethrown where the await was.
  bool takeGuard(unsigned Tries) {
    const auto *Try =
        Statements.empty() ? nullptr : dyn_cast<CXXTryStmt>(Statements.back());
    if (!Try || Tries != 1)
      return reject("the body holds a try block, and not only one around the "
                    "await as its last statement");
    const CompoundStmt *Block = Try->getTryBlock();
    // Code before the await in the try block may throw before the call
    // starts, and then the call never starts.
    if (!Block || Block->body_empty() ||
        !analysis::containsSuspensionPoint(Block->body_front()))
      return reject("the await is not the first statement of its try block");
    Guard = Try;
    Statements.pop_back();
    llvm::append_range(Statements, Block->body());
    // A handler runs after its iteration's call finished: it is held to
    // what holds for the code after the await.
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      if (const Stmt *Handler = Try->getHandler(I)->getHandlerBlock())
        Statements.push_back(Handler);
    return true;
  }

  /// Whether \p Operand uses the loop variable, a variable of the body or
  /// the loop counter: the iterations await different work.
  bool variesPerIteration(const Expr *Operand,
                          const ObjectSet &HeaderTouched) const {
    ObjectSet Inputs;
    collectReferenced(Operand, nullptr, Inputs);
    return llvm::any_of(Inputs, [&](ObjectKey Key) {
      if (isPerIteration(Key))
        return true;
      // A counter of the header (for-init, or stepped by the body).
      const auto *Var = dyn_cast<VarDecl>(static_cast<const Decl *>(Key));
      return Var && (HeaderTouched.contains(Var) ||
                     (P.TrailingIncrement &&
                      steppedVariable(P.TrailingIncrement) == Var));
    });
  }

  /// The header: bounded by itself, not by the body (a counter it updates
  /// and tests, or a range); what it reads goes into \p HeaderTouched.
  bool analyzeHeader(ObjectSet &HeaderTouched) {
    if (P.Cond) {
      if (constantCondition(P.Cond))
        return reject("while (true), do ... while (false), for (;;) ...");
      AccessSummary Cond = C.Awaits.summarize(P.Cond);
      if (!headerIsSimple(Cond))
        return reject("the loop condition calls or writes something");
      AccessSummary Inc;
      if (const Stmt *Step =
              P.Inc ? static_cast<const Stmt *>(P.Inc) : P.TrailingIncrement) {
        Inc = C.Awaits.summarize(Step);
        if (!headerIsSimple(Inc))
          return reject("the loop increment calls or writes something");
      }
      // A counter: something the header itself updates and tests.
      ObjectSet Counters = Cond.modified();
      Counters.insert_range(Inc.modified());
      if (!analysis::intersects(Counters, Cond.touched()))
        return reject("the body or someone else ends the loop: polling");
      HeaderTouched.insert_range(Cond.touched());
      HeaderTouched.insert_range(Inc.touched());
    } else if (!P.RangeInit) {
      return reject("the loop has no condition (for (;;))");
    }
    if (P.RangeInit)
      HeaderTouched.insert_range(C.Awaits.summarize(P.RangeInit).touched());
    return true;
  }

  /// Why the body's suspension points cannot be run as a per-item chain
  /// (analyzeChain): each must be a co_await of a call, none in a nested
  /// loop. (A try block moves into its item's coroutine with the awaits it
  /// guards, and catches there what it caught before; one whose handler
  /// leaves the loop is refused with the other ways out.)
  static std::optional<std::string>
  chainRefusal(const SuspensionCounter &Counter) {
    if (Counter.Others != 0)
      return "the body holds several suspension points, not all of them a "
             "co_await of a call (co_yield, co_return)";
    if (Counter.InNestedLoops != 0)
      return "the body holds several awaits, some in a nested loop";
    return std::nullopt;
  }

  bool analyze() {
    const Stmt *Loop = P.Loop;
    if (Loop->getBeginLoc().isInvalid() || P.HasConditionVariable ||
        Check.isSuppressedAt(Loop->getBeginLoc()))
      return reject(
          "the loop declares a condition variable or carries a NOLINT comment");
    // Suspension points in the header (except the range, evaluated once).
    for (const Stmt *Header : {static_cast<const Stmt *>(P.Cond),
                               static_cast<const Stmt *>(P.Inc), P.Init})
      if (Header && analysis::containsSuspensionPoint(Header))
        return reject("the loop header awaits");
    if (C.Facts.regionAt(Loop->getBeginLoc()))
      return reject(
          "the loop is in an ordered section (a guard, lock ... unlock)");

    // One await in the body; or, with PerItemChains, several plain awaits
    // (fetch, then act on the item), none in a try block or a nested loop.
    SuspensionCounter Counter;
    Counter.TraverseStmt(P.Body);
    bool Several = Counter.Count > 1;
    if (Counter.Count == 0)
      return reject("the body does not hold exactly one await");
    if (Several && !Check.Opts.PerItemChains)
      return reject("the body holds several awaits (PerItemChains is off)");
    if (Several)
      if (std::optional<std::string> Why = chainRefusal(Counter))
        return reject(*Why);
    if (const auto *Block = dyn_cast<CompoundStmt>(P.Body))
      llvm::append_range(Statements, Block->body());
    else
      Statements.push_back(P.Body);
    // `while (i < n) { ...; ++i; }`: the last statement steps the counter.
    if (!P.Inc && P.Cond && !isa<CXXForRangeStmt>(Loop) &&
        Statements.size() > 1)
      if (const VarDecl *Stepped = steppedVariable(Statements.back())) {
        ObjectSet CondReads;
        collectReferenced(P.Cond, nullptr, CondReads);
        if (CondReads.contains(Stepped)) {
          P.TrailingIncrement = Statements.back();
          Statements.pop_back();
        }
      }
    // A try block the rewrite cannot take (not the body's last statement,
    // or one of several) leaves the per-item chain, without a fix-it.
    bool Guarded = Several || Counter.Tries == 0 || takeGuard(Counter.Tries);
    if (!Guarded && !Check.Opts.PerItemChains)
      return false;

    collectDeclared(P.Body, PerIteration);
    // The range-for's own iterator steps to a new element each time. (Its
    // variables are implicit, which a visitor skips: take them directly.)
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
      for (const DeclStmt *Implicit :
           {Range->getBeginStmt(), Range->getEndStmt()})
        if (Implicit)
          for (const Decl *D : Implicit->decls())
            PerIteration.insert(D);
    if (P.LoopVar) {
      PerIteration.insert(P.LoopVar);
      if (const auto *Decomposition = dyn_cast<DecompositionDecl>(P.LoopVar))
        for (const BindingDecl *Binding : Decomposition->bindings())
          PerIteration.insert(Binding);
    }

    if (Several || !Guarded)
      return analyzeChain();

    size_t AwaitIndex = Statements.size();
    for (size_t I = 0; I < Statements.size(); ++I)
      if (analysis::containsSuspensionPoint(Statements[I]))
        AwaitIndex = I;
    if (AwaitIndex == Statements.size())
      return reject("no statement of the body awaits");
    AwaitStmt = Statements[AwaitIndex];
    if (!classifyUse() || !Await) {
      // The await sits where the rewrite cannot take it out (under an if,
      // its result checked and stored later): the iterations may still run
      // together, the body moved into a coroutine per item, as for a body
      // that awaits several times. Reported without a fix-it.
      if (Check.Opts.PerItemChains && !chainRefusal(Counter)) {
        Await = nullptr;
        ResultVar = nullptr;
        return analyzeChain();
      }
      return reject(
          "the statement that awaits has a shape the check does not rewrite");
    }
    const auto *Coawait = dyn_cast<CoawaitExpr>(Await);
    if (!Coawait || Coawait->isImplicit())
      return reject("the await depends on a template parameter");
    // `co_await (f(x))` awaits the call inside the parentheses.
    Operand = analysis::awaitOperand(Coawait);
    if (Operand->isTypeDependent() || Operand->isValueDependent() ||
        !isa<CallExpr>(Operand) || analysis::containsSuspensionPoint(Operand))
      return reject("the awaited expression is not a call, or depends on a "
                    "template parameter");
    std::optional<analysis::TaskTypeInfo> TaskInfo =
        Check.Classifier.classify(Operand->getType());
    if (!TaskInfo || analysis::neverSuspends(Operand->getType()))
      return reject("it awaits no task, or something that never suspends");
    Task = *TaskInfo;
    Callee = analysis::calleeOf(Operand);
    // Timers, rescheduling, locks, channels: the order is their purpose.
    if (Callee && Check.Opts.Barriers.matches(Callee))
      return reject("the awaited call is a scheduling or synchronisation step");
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Operand))
      if (const VarDecl *Object =
              referencedVariable(Member->getImplicitObjectArgument());
          Object && Check.Opts.Barriers.matches(Object))
        return reject(
            "the awaited object is a scheduling or synchronisation primitive");

    // What the awaited operand reads and writes.
    Op = C.Awaits.summarizeOperand(Operand);
    if (!outer(Op.Writes).empty())
      return reject("the awaited operand assigns a variable of the coroutine");
    if (Callee &&
        Check.Effects.kindOf(Callee) == analysis::CalleeKind::Summarised) {
      const analysis::CalleeEffects &Effects = Check.Effects.effectsOf(Callee);
      if (Effects.neverSuspends())
        return reject("the awaited coroutine never suspends");
      // Each call reads what the previous one wrote (a counter, a cursor).
      if (analysis::intersects(Effects.GlobalWrites, Effects.GlobalReads))
        return reject("each call reads state the previous call wrote");
    }

    // The other statements: inputs before the await, uses after it.
    // In a try statement that ends the body, a continue only skips the rest
    // of it, in the loop run again as in the original (unless it skips a
    // trailing `++i` too).
    bool ContinueStays = Guard && !P.TrailingIncrement;
    ObjectSet BeforeTouched, AfterWrites, AfterTouched;
    for (size_t I = 0; I < Statements.size(); ++I) {
      const Stmt *S = Statements[I];
      if (S == AwaitStmt)
        continue;
      AccessSummary Rest = C.Awaits.summarize(S);
      if (analysis::mayLeave(S, ContinueStays && I > AwaitIndex) ||
          Rest.hasUnknownCall())
        return reject("the body may leave the loop or calls a function of "
                      "unknown effect");
      Logs |= Rest.Logs;
      BodyThrows |= Rest.Throws;
      if (I < AwaitIndex) {
        // Inputs are computed again when the loop runs a second time: they
        // may write nothing but the iteration's own variables.
        if (Rest.WritesNonLocal || !outer(Rest.modified()).empty())
          return reject(
              "code before the await writes state outside the iteration");
        BeforeTouched.insert_range(Rest.touched());
        Before.push_back(S);
      } else {
        StoresNonLocal |= Rest.WritesNonLocal;
        AfterWrites.insert_range(Rest.modified());
        AfterTouched.insert_range(Rest.touched());
        After.push_back(S);
      }
    }
    // The awaiting statement itself, besides its operand: where the value
    // goes.
    // (The operand is summarised apart, in Op.)
    AccessSummary Store =
        Check.Effects.summarize(AwaitStmt, Function, {}, Await);
    if (Store.hasUnknownCall())
      return reject(
          "the statement that awaits calls a function of unknown effect");
    StoresNonLocal |= Store.WritesNonLocal;
    Logs |= Store.Logs;
    BodyThrows |= Store.Throws;
    AfterWrites.insert_range(Store.modified());

    // A call of unknown effect may read what the body writes outside the
    // coroutine (a global, a member, a reference parameter).
    if (StoresNonLocal && (Op.hasUnknownCall() || !Op.AssumedCall.empty()))
      return reject("the body writes state outside the coroutine that the "
                    "awaited call (of unknown effect) may read");

    // The header: bounded by itself, not by the body.
    ObjectSet HeaderTouched;
    if (!analyzeHeader(HeaderTouched))
      return false;

    // The same call every time (`co_await ping();` N times): a repetition -
    // a benchmark, a retry, a drain - not a batch of different work.
    if (!variesPerIteration(Operand, HeaderTouched))
      return reject("every iteration awaits the same call: a repetition, "
                    "not a batch of different work");

    // Loop-carried dependences.
    ObjectSet OuterWrites = outer(AfterWrites);
    if (OuterWrites.contains(analysis::UnknownObject))
      return reject(UnnamedWrite);
    if (analysis::intersects(OuterWrites, Op.touched()) ||
        analysis::intersects(OuterWrites, HeaderTouched) ||
        analysis::intersects(OuterWrites, BeforeTouched))
      return reject("a result feeds a later operand or the condition");
    ObjectSet OperandCallWrites = outer(Op.CallWrites);
    if (analysis::intersects(OperandCallWrites, HeaderTouched) ||
        analysis::intersects(OperandCallWrites, BeforeTouched) ||
        analysis::intersects(OperandCallWrites, AfterTouched))
      return reject("the call modifies what the loop or the body reads");
    return callsShareNothing(OperandCallWrites);
  }

  /// What the awaited calls modify outside the iteration (\p CallWrites):
  /// neither a global, whose writes would show their order, nor, with
  /// SameObjectIsDependent, one object (connection, stream, client) every
  /// iteration acts on.
  bool callsShareNothing(const ObjectSet &CallWrites) {
    for (ObjectKey Key : CallWrites)
      if (analysis::isGlobalState(Key))
        return reject("every iteration's call writes " + C.Awaits.nameOf(Key));
    if (Check.Opts.SameObjectIsDependent && !CallWrites.empty())
      return reject("every iteration acts on " +
                    C.Awaits.nameOf(*CallWrites.begin()) +
                    ", one object it may modify (SameObjectIsDependent)");
    return true;
  }

  /// A body that awaits several times per iteration: fetch, then act on the
  /// item (`auto u = co_await get_user(id); co_await notify(u);`), or once
  /// in a statement the rewrite does not take out (a fetch on a cache miss,
  /// under an if). Each
  /// iteration's awaits stay in their order; the question is whether the
  /// iterations could run at the same time, one coroutine per item. That
  /// holds when every await is of a call that varies per iteration, no call
  /// acts on an object every iteration shares, the code around the awaits
  /// computes locally, leaves an iteration only by `continue`, and writes
  /// nothing outside the iteration that another statement, an awaited call
  /// or the header reads. Reported without a fix-it: the rewrite moves the
  /// body into a coroutine of its own.
  bool analyzeChain() {
    Chain = true;
    ObjectSet HeaderTouched;
    if (!analyzeHeader(HeaderTouched))
      return false;

    llvm::SmallVector<const Expr *, 4> Awaits =
        analysis::explicitAwaitsIn(P.Body);
    llvm::SmallVector<const CallExpr *, 4> Calls;
    ObjectSet OperandsTouched, OperandCallWrites;
    bool OperandsUnknown = false, AnySuspends = false;
    const FunctionDecl *Step = nullptr;
    llvm::SmallPtrSet<const Expr *, 4> Discarded = discardedAwaits();
    for (const Expr *A : Awaits) {
      const auto *Coawait = dyn_cast<CoawaitExpr>(A);
      if (!Coawait || Coawait->isImplicit())
        return reject("an await depends on a template parameter");
      const Expr *Operand = analysis::awaitOperand(Coawait);
      if (Operand->isTypeDependent() || Operand->isValueDependent() ||
          !isa<CallExpr>(Operand) || analysis::containsSuspensionPoint(Operand))
        return reject("an awaited expression is not a call, or depends on a "
                      "template parameter");
      std::optional<analysis::TaskTypeInfo> TaskInfo =
          Check.Classifier.classify(Operand->getType());
      if (!TaskInfo || analysis::neverSuspends(Operand->getType()))
        return reject("an await is of no task, or of something that never "
                      "suspends");
      if (!Await) {
        Await = A;
        Task = *TaskInfo;
      }
      const FunctionDecl *Called = analysis::calleeOf(Operand);
      if (!Called)
        return reject("an awaited call has no known callee");
      if (Check.Opts.Barriers.matches(Called))
        return reject("an awaited call is a scheduling or synchronisation "
                      "step");
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Operand))
        if (const VarDecl *Object =
                referencedVariable(Member->getImplicitObjectArgument());
            Object && Check.Opts.Barriers.matches(Object))
          return reject("an awaited object is a scheduling or "
                        "synchronisation primitive");
      if (!variesPerIteration(Operand, HeaderTouched))
        return reject("an awaited call is the same in every iteration: a "
                      "repetition, not a batch of different work");
      AccessSummary Summary = C.Awaits.summarizeOperand(Operand);
      if (!outer(Summary.Writes).empty())
        return reject("an awaited operand assigns a variable of the coroutine");
      bool Suspends = true;
      if (Check.Effects.kindOf(Called) == analysis::CalleeKind::Summarised) {
        const analysis::CalleeEffects &Effects =
            Check.Effects.effectsOf(Called);
        Suspends = !Effects.neverSuspends();
        if (analysis::intersects(Effects.GlobalWrites, Effects.GlobalReads))
          return reject("each call reads state the previous call wrote");
      }
      AnySuspends |= Suspends;
      // Awaited for its effect, by a callee whose effects may matter: it
      // sets up what the iteration's next, different operation needs (a
      // login, then a fetch), perhaps in state every iteration shares. (The
      // last await of the body sets up nothing after it in its iteration.)
      if (A != Awaits.back() && Discarded.contains(A) &&
          !Check.Effects.isHarmlessCall(Called, Summary))
        Step = Called;
      OperandsTouched.insert_range(Summary.touched());
      OperandCallWrites.insert_range(outer(Summary.CallWrites));
      OperandsUnknown |=
          Summary.hasUnknownCall() || !Summary.AssumedCall.empty();
      Logs |= Summary.Logs;
      Calls.push_back(cast<CallExpr>(Operand));
    }
    if (!AnySuspends)
      return reject("no awaited coroutine suspends");
    if (Step && Check.Opts.OrderingSteps)
      for (const CallExpr *Call : Calls)
        if (!analysis::sameOperation(Step, Call->getDirectCallee()))
          return reject("'" + analysis::qualifiedName(Step) +
                        "' is awaited for its effect (its result is unused) "
                        "before a different operation: an ordering step, "
                        "which iterations run together would interleave");

    // The code around the awaits (the awaited calls are summarised above).
    struct Piece {
      ObjectSet Touched;
      ObjectSet OuterWrites;
    };
    llvm::SmallVector<Piece, 8> Pieces;
    for (const Stmt *S : Statements) {
      // A continue ends the iteration's coroutine early; anything else
      // would stop the iterations after it. A continue that skips the
      // trailing `++i` of a while loop is not one the rewrite can keep.
      if (analysis::mayLeave(S, /*ContinueStays=*/!P.TrailingIncrement))
        return reject("the body may leave the loop (break, return, throw, "
                      "goto)");
      AccessSummary Summary = Check.Effects.summarize(S, Function, Calls);
      if (Summary.hasUnknownCall())
        return reject("the body calls a function of unknown effect ('" +
                      Summary.UnknownCall + "')");
      if (Summary.WritesNonLocal && OperandsUnknown)
        return reject("the body writes state outside the coroutine that an "
                      "awaited call (of unknown effect) may read");
      StoresNonLocal |= Summary.WritesNonLocal;
      Logs |= Summary.Logs;
      BodyThrows |= Summary.Throws;
      Piece Part;
      Part.Touched = Summary.touched();
      for (ObjectKey Key : outer(Summary.modified()))
        if (!OperandCallWrites.contains(Key))
          Part.OuterWrites.insert(Key);
      if (Part.OuterWrites.contains(analysis::UnknownObject))
        return reject(UnnamedWrite);
      CollectsOutside |= !Part.OuterWrites.empty();
      Pieces.push_back(std::move(Part));
    }
    if (const VarDecl *Last = assignedOuterVariable())
      return reject("'" + Last->getName().str() +
                    "', declared before the loop, is assigned in the body: "
                    "the last iteration to finish would win");
    // What one statement writes outside the iteration, no other statement,
    // awaited call or the header reads: the iterations may interleave.
    for (size_t I = 0; I < Pieces.size(); ++I) {
      if (analysis::intersects(Pieces[I].OuterWrites, HeaderTouched) ||
          analysis::intersects(Pieces[I].OuterWrites, OperandsTouched))
        return reject("a result feeds a later operand or the condition");
      for (size_t J = 0; J < Pieces.size(); ++J)
        if (J != I &&
            analysis::intersects(Pieces[I].OuterWrites, Pieces[J].Touched))
          return reject("what one iteration writes, the next one reads");
    }
    if (analysis::intersects(OperandCallWrites, HeaderTouched))
      return reject("an awaited call modifies what the loop header reads");
    if (!callsShareNothing(OperandCallWrites))
      return false;
    AwaitCount = Awaits.size();
    return true;
  }

  /// The awaits of the body whose value is dropped: statements of the
  /// discarded shape (`co_await f(x);`, also as an if's branch), and awaits
  /// of no value. Found from the body down: ASTContext's parent map would
  /// walk the whole translation unit on its first use.
  llvm::SmallPtrSet<const Expr *, 4> discardedAwaits() const {
    struct Finder : analysis::OwnCodeVisitor {
      llvm::SmallPtrSet<const Expr *, 4> Found;
      void statement(const Stmt *S) {
        if (!S)
          return;
        if (std::optional<analysis::AwaitStatement> Shape =
                analysis::matchAwaitStatement(S);
            Shape && Shape->Kind == analysis::AwaitStatementKind::Discarded)
          Found.insert(Shape->Await);
      }
      bool VisitCompoundStmt(const CompoundStmt *Block) override {
        for (const Stmt *S : Block->body())
          statement(S);
        return true;
      }
      bool VisitIfStmt(const IfStmt *If) override {
        statement(If->getThen());
        statement(If->getElse());
        return true;
      }
      bool VisitSwitchCase(const SwitchCase *Case) override {
        statement(Case->getSubStmt());
        return true;
      }
      bool VisitLabelStmt(const LabelStmt *Label) override {
        statement(Label->getSubStmt());
        return true;
      }
      bool VisitCoawaitExpr(const CoawaitExpr *Await) override {
        if (Await->getType()->isVoidType())
          Found.insert(Await);
        return true;
      }
    } F;
    F.statement(P.Body);
    F.TraverseStmt(P.Body);
    return std::move(F.Found);
  }

  /// A variable declared before the loop that the body assigns as a whole
  /// (`last = item;`, `status = co_await ...`): with the iterations running
  /// at once, whichever finishes last would leave its value.
  const VarDecl *assignedOuterVariable() const {
    struct Finder : analysis::OwnCodeVisitor {
      const LoopAnalyzer *Self = nullptr;
      const VarDecl *Found = nullptr;
      void check(const Expr *Target) {
        if (const VarDecl *Var = referencedVariable(Target);
            Var && !Self->isPerIteration(Var))
          Found = Var;
      }
      bool VisitBinaryOperator(const BinaryOperator *Op) override {
        if (Op->getOpcode() == BO_Assign)
          check(Op->getLHS());
        return !Found;
      }
      bool VisitCXXOperatorCallExpr(const CXXOperatorCallExpr *Op) override {
        if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
          check(Op->getArg(0));
        return !Found;
      }
    } F;
    F.Self = this;
    F.TraverseStmt(P.Body);
    return F.Found;
  }

  // --- The fix --------------------------------------------------------------

  /// How the loop's calls are awaited together: the library's when_all over
  /// a range or, for a body whose try block handles each call's failure,
  /// its settled combinator over a range.
  std::optional<analysis::RangeCombiner> combiner() const {
    if (!Guard)
      return Check.Opts.rangeCombinerFor(Task.Library);
    std::optional<analysis::SettledCombiner> Settled =
        Check.Opts.settledCombinerFor(Task.Library);
    if (!Settled || !Settled->TakesRange)
      return std::nullopt;
    analysis::RangeCombiner With;
    With.Function = Settled->Function;
    With.Header = Settled->Header;
    With.DisplayName = Settled->DisplayName;
    With.ValueMethod = Settled->ValueMethod;
    With.FailsFast = false;
    return With;
  }

  std::string displayName() const {
    std::optional<analysis::RangeCombiner> With = combiner();
    if (With)
      return With->DisplayName;
    return Guard ? "a when_all_settled combinator" : "a when_all combinator";
  }

  std::optional<std::pair<unsigned, unsigned>>
  offsets(CharSourceRange Range) const {
    CharSourceRange File = Lexer::makeFileCharRange(Range, SM, LangOpts);
    if (File.isInvalid())
      return std::nullopt;
    return std::make_pair(SM.getFileOffset(File.getBegin()),
                          SM.getFileOffset(File.getEnd()));
  }

  /// The location just past the loop statement (its '}' or ';').
  SourceLocation loopEnd() const {
    SourceLocation Last;
    if (const auto *Do = dyn_cast<DoStmt>(P.Loop)) {
      std::optional<Token> Semi =
          Lexer::findNextToken(Do->getRParenLoc(), SM, LangOpts);
      if (!Semi || Semi->isNot(tok::semi) || Semi->getLocation().isMacroID())
        return {};
      Last = Semi->getLocation();
    } else if (const auto *Block = dyn_cast<CompoundStmt>(P.Body)) {
      Last = Block->getRBracLoc();
    } else {
      CharSourceRange Range = analysis::statementRange(P.Body, SM, LangOpts);
      if (Range.isInvalid())
        return {};
      Last = Range.getEnd();
    }
    if (Last.isInvalid() || Last.isMacroID())
      return {};
    return Lexer::getLocForEndOfToken(Last, 0, SM, LangOpts);
  }

  /// Whether the object \p E designates outlives the combined await.
  bool outlivesLoop(const Expr *E) const {
    E = E->IgnoreParenImpCasts();
    if (isa<StringLiteral>(E))
      return true;
    if (const auto *AddrOf = dyn_cast<UnaryOperator>(E);
        AddrOf && AddrOf->getOpcode() == UO_AddrOf)
      E = AddrOf->getSubExpr()->IgnoreParenImpCasts();
    while (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
        return true; // this outlives the coroutine's loop
      E = Member->getBase()->IgnoreParenImpCasts();
    }
    if (isa<CXXThisExpr>(E))
      return true;
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    if (!Ref)
      return false;
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var)
      return false;
    if (Var == P.LoopVar && Var->getType()->isPointerType())
      return true; // the pointers of the range point to objects outside it
    if (Var == P.LoopVar) {
      // A reference to an element of a named range lives as long as it.
      const VarDecl *Range = referencedVariable(P.RangeInit);
      return Var->getType()->isReferenceType() && Range &&
             outlivesLoop(P.RangeInit);
    }
    // Declared outside the loop statement (for-init variables change).
    SourceRange LoopRange = P.Loop->getSourceRange();
    SourceLocation DeclLoc = Var->getLocation();
    return !(SM.isBeforeInTranslationUnit(LoopRange.getBegin(), DeclLoc) &&
             SM.isBeforeInTranslationUnit(DeclLoc, LoopRange.getEnd()));
  }

  /// Whether every argument the task keeps a reference to lives until the
  /// combined await; the reason it may not, otherwise.
  std::optional<std::string> lifetimeProblem() const {
    const auto *Call = dyn_cast<CallExpr>(Operand);
    if (!Callee || !Call)
      return std::string("the awaited expression is not a direct call");
    std::string Name = "'" + analysis::qualifiedName(Callee) + "'";
    unsigned FirstArg = 0;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      if (!outlivesLoop(Member->getImplicitObjectArgument()))
        return "the object " + Name +
               " is called on may not outlive its iteration";
    } else if (const auto *OpCall = dyn_cast<CXXOperatorCallExpr>(Call);
               OpCall && isa<CXXMethodDecl>(Callee)) {
      FirstArg = 1;
      if (!outlivesLoop(OpCall->getArg(0)))
        return "the object " + Name +
               " is called on may not outlive its iteration";
    }
    for (unsigned I = FirstArg; I < Call->getNumArgs(); ++I) {
      unsigned ParamIndex = I - FirstArg;
      if (ParamIndex >= Callee->getNumParams())
        return Name + " takes variadic arguments";
      if (analysis::isReferenceLike(
              Callee->getParamDecl(ParamIndex)->getType()) &&
          !outlivesLoop(Call->getArg(I)))
        return Name + " keeps a reference to an argument that may not "
                      "outlive its iteration";
    }
    return std::nullopt;
  }

  /// Why the fix-it may change behaviour, if it may.
  std::optional<std::string> behaviourChange() const {
    if (!Callee)
      return std::string("the awaited expression is not a plain call");
    std::string Name = "'" + analysis::qualifiedName(Callee) + "'";
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
        Method && Method->isInstance() && !Method->isConst())
      return Name + " is a non-const member function";
    if (!Op.CallWrites.empty() &&
        Check.Effects.kindOf(Callee) != analysis::CalleeKind::Summarised)
      return Name + " is passed an object it may modify";
    if (Op.hasUnknownCall() && !Check.Opts.SideEffectFree.matches(Callee))
      return Name + " is not known to be free of side effects";
    if (std::optional<std::string> Caveat = Check.Effects.summaryCaveat(Callee))
      return Caveat;
    if (Op.WritesNonLocal)
      return Name + " writes state outside the coroutine";
    if (StoresNonLocal)
      return std::string("the results are stored outside the coroutine "
                         "only after every call finished");
    if (Logs || Op.Logs)
      return std::string("the loop writes to a log or console, whose lines "
                         "may come out in another order");
    // Started outside the try block, the call's own throw (before it returns
    // its task) would no longer reach the handlers.
    if (Guard && !analysis::throwsOnlyThroughItsTask(Callee))
      return Name + " may throw before it returns its task, which would no "
                    "longer be caught by the try block";
    if (Guard && Op.Throws)
      return std::string("the call's arguments may throw, which would no "
                         "longer be caught by the try block");
    // The calls start in one loop, their results are used in another: when
    // code of an iteration throws, other iterations' calls have started.
    if (BodyThrows)
      return std::string("the loop body may throw, and when it does, a "
                         "different set of the iterations' calls has started");
    return std::nullopt;
  }

  /// The canonical counter of `for (T i = 0; i < N; ++i)`, if the loop has
  /// one: then results[i] is the iteration's result.
  const VarDecl *zeroBasedCounter() const {
    const auto *For = dyn_cast<ForStmt>(P.Loop);
    if (!For || !For->getInit() || !For->getInc())
      return nullptr;
    const auto *Decls = dyn_cast<DeclStmt>(For->getInit());
    if (!Decls || !Decls->isSingleDecl())
      return nullptr;
    const auto *Var = dyn_cast<VarDecl>(Decls->getSingleDecl());
    if (!Var || !Var->getInit() || !Var->getType()->isIntegerType())
      return nullptr;
    Expr::EvalResult Start;
    if (!Var->getInit()->EvaluateAsInt(Start, Context) ||
        Start.Val.getInt() != 0)
      return nullptr;
    const auto *Inc =
        dyn_cast<UnaryOperator>(For->getInc()->IgnoreParenImpCasts());
    if (!Inc || !Inc->isIncrementOp() ||
        referencedVariable(Inc->getSubExpr()) != Var)
      return nullptr;
    return Var;
  }

  /// A bound the first loop can reserve: `ids.size()` for a range-for over a
  /// sized standard container, N for `for (i = 0; i < N; ++i)`.
  std::optional<std::string> reservation() const {
    if (P.RangeInit) {
      const VarDecl *Range = referencedVariable(P.RangeInit);
      if (!Range || !Range->getIdentifier())
        return std::nullopt;
      QualType T = Range->getType().getNonReferenceType();
      if (T->isConstantArrayType())
        return "std::size(" + Range->getName().str() + ")";
      const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
      std::string Name = Record ? analysis::qualifiedName(Record) : "";
      if (llvm::is_contained({"std::vector", "std::deque", "std::basic_string",
                              "std::span", "std::array", "std::set", "std::map",
                              "std::unordered_map", "std::unordered_set",
                              "std::list"},
                             Name))
        return Range->getName().str() + ".size()";
      return std::nullopt;
    }
    const VarDecl *Counter = zeroBasedCounter();
    const auto *Cond =
        P.Cond ? dyn_cast<BinaryOperator>(P.Cond->IgnoreParenImpCasts())
               : nullptr;
    if (!Counter || !Cond || Cond->getOpcode() != BO_LT ||
        referencedVariable(Cond->getLHS()) != Counter)
      return std::nullopt;
    CharSourceRange Bound =
        CharSourceRange::getTokenRange(Cond->getRHS()->getSourceRange());
    if (Bound.getBegin().isMacroID() || Bound.getEnd().isMacroID())
      return std::nullopt;
    return Lexer::getSourceText(Bound, SM, LangOpts).str();
  }

  /// The consuming code must run with the iteration's own variables (the
  /// key, the index) besides the result.
  bool usesIterationState() const {
    ObjectSet Referenced, DeclaredThere;
    collectReferenced(AwaitStmt, Await, Referenced);
    collectDeclared(AwaitStmt, DeclaredThere);
    for (const Stmt *S : After) {
      collectReferenced(S, nullptr, Referenced);
      collectDeclared(S, DeclaredThere);
    }
    for (ObjectKey Key : Referenced) {
      // The result and what the using code declares itself come along.
      if (Key == ResultVar || DeclaredThere.contains(Key))
        continue;
      if (const auto *Binding =
              dyn_cast<BindingDecl>(static_cast<const Decl *>(Key));
          Binding && Binding->getDecomposedDecl() == ResultVar)
        continue;
      if (isPerIteration(Key))
        return true;
      if (const auto *Var = dyn_cast<VarDecl>(static_cast<const Decl *>(Key))) {
        // The counter of the loop header.
        SourceRange Loop = P.Loop->getSourceRange();
        if (SM.isBeforeInTranslationUnit(Loop.getBegin(), Var->getLocation()) &&
            SM.isBeforeInTranslationUnit(Var->getLocation(), Loop.getEnd()))
          return true;
        if (P.TrailingIncrement && steppedVariable(P.TrailingIncrement) == Var)
          return true;
      }
    }
    return false;
  }

  std::string textOf(SourceLocation From, SourceLocation To) const {
    return Lexer::getSourceText(CharSourceRange::getCharRange(From, To), SM,
                                LangOpts)
        .str();
  }

  /// The text of one statement of the body, with its line(s).
  std::optional<CharSourceRange> statementLines(const Stmt *S) const {
    CharSourceRange Range;
    if (isa<Expr, DeclStmt>(S))
      Range = analysis::statementRange(S, SM, LangOpts);
    else
      Range = CharSourceRange::getTokenRange(S->getSourceRange());
    if (Range.isInvalid())
      return std::nullopt;
    return analysis::wholeLines(Range, SM);
  }

  Fix buildFix() {
    std::optional<analysis::RangeCombiner> With = combiner();
    if (!With && Guard)
      return "no when_all_settled over a range of '" + Task.Name +
             "' is known, to hand each outcome to its try block";
    if (!With)
      return "no when_all over a range of '" + Task.Name +
             "' is known; set the WhenAllFunction option" +
             (Task.Start == analysis::StartPolicy::Lazy
                  ? " (the tasks are lazy: they start only when the "
                    "combined await starts them)"
                  : "");
    if (std::optional<std::string> Problem = analysis::bareAwaiterProblem(
            With->Function, "a range of tasks (with an operator co_await)",
            With->NeedsCoAwaitOperator,
            analysis::awaitOperand(Await)->getType(),
            C.Context.getPrintingPolicy()))
      return *Problem;
    if (std::optional<std::string> Problem = lifetimeProblem())
      return *Problem;
    if (C.Pattern && dependsOnTemplate(C.Pattern, Await->getBeginLoc()))
      return std::string("the awaited task type depends on a template "
                         "parameter");
    if (analysis::isMoveOnly(Await->getType()) &&
        llvm::StringRef(With->Function).starts_with("awl::"))
      return "'" + With->Function +
             "' copies each value, and the result "
             "cannot be copied";
    bool VoidResult = Await->getType()->isVoidType();
    if (VoidResult && TheUse != Use::Discarded)
      return std::string("the awaited value is void");
    // A try block gets each outcome where its await was, in the loop run
    // again.
    bool Replay = Guard || usesIterationState();
    if (Replay && !(isa<ForStmt>(P.Loop) ||
                    (isa<CXXForRangeStmt>(P.Loop) && !P.Init &&
                     (referencedVariable(P.RangeInit) ||
                      isa<MemberExpr>(P.RangeInit->IgnoreParenImpCasts())))))
      return std::string(Guard ? "each outcome goes back to its try block, "
                                 "and this loop cannot run a second time to "
                                 "give them"
                               : "the results are used with the iteration's "
                                 "own variables, and this loop cannot run a "
                                 "second time to give them");

    SourceLocation Begin = P.Loop->getBeginLoc();
    SourceLocation End = loopEnd();
    CharSourceRange AwaitStmtRange =
        analysis::statementRange(AwaitStmt, SM, LangOpts);
    CharSourceRange AwaitRange =
        CharSourceRange::getTokenRange(Await->getSourceRange());
    std::optional<std::string> OperandText =
        analysis::operandText(Operand, SM, LangOpts);
    if (Begin.isMacroID() || End.isInvalid() || AwaitStmtRange.isInvalid() ||
        !OperandText || SM.getFileID(Begin) != SM.getFileID(End))
      return std::string("the loop comes from a macro expansion");
    auto LoopOffsets = offsets(CharSourceRange::getCharRange(Begin, End));
    auto StmtOffsets = offsets(AwaitStmtRange);
    auto AwaitOffsets = offsets(AwaitRange);
    if (!LoopOffsets || !StmtOffsets || !AwaitOffsets)
      return std::string("the loop comes from a macro expansion");
    llvm::StringRef LoopText =
        SM.getBufferData(SM.getFileID(Begin))
            .substr(LoopOffsets->first,
                    LoopOffsets->second - LoopOffsets->first);
    if (LoopText.contains("R\""))
      return std::string("the loop contains a raw string literal");

    // The task type as the callee declares it.
    QualType TaskQualType = Callee->getReturnType();
    if (TaskQualType->isUndeducedAutoType() || TaskQualType->isDependentType())
      TaskQualType = Operand->getType();
    std::string TaskType = TypeName::getFullyQualifiedName(
        TaskQualType.getNonReferenceType().getUnqualifiedType(), Context,
        Context.getPrintingPolicy());
    if (TaskType.find('(') != std::string::npos)
      return std::string("the task type cannot be named here");

    analysis::CodeStyle Style = analysis::CodeStyle::at(Begin, SM);
    // Between the new statements: a newline and the loop's indentation, or
    // a space when the loop shares its line with other code.
    std::string Break = analysis::statementBreak(Begin, SM, Style);
    const std::string &NL = Style.Newline;
    bool OwnLine = llvm::StringRef(Break).starts_with(NL);
    std::string Indent = OwnLine ? Break.substr(NL.size()) : "";
    // The same, one level deeper: the body of a loop the fix writes.
    std::string NestedBreak = OwnLine ? Break + Style.IndentUnit : Break;
    std::string Stem = analysis::nameForOperation(Callee->getName(), "");
    Stem = llvm::StringRef(Stem).rtrim('_').str();
    bool Camel = !Callee->getName().contains('_') &&
                 llvm::any_of(Callee->getName(),
                              [](char Ch) { return llvm::isUpper(Ch); });
    std::string Tasks = C.Facts.freshName(
        analysis::nameForOperation(Callee->getName(), "tasks"));
    std::string Plural = pluralOf(Stem, Callee->getName());
    std::string Results = C.Facts.freshName(
        C.Facts.nameInUse(Plural)
            ? analysis::nameForOperation(Callee->getName(), "results")
            : Plural);

    // The first loop starts every task; the statements that used the
    // result wait for the second.
    TextEdit First(LoopOffsets->first, LoopText);
    // The try statement goes as a whole: the first loop only starts calls.
    auto StartOffsets =
        Guard ? offsets(CharSourceRange::getTokenRange(Guard->getSourceRange()))
              : StmtOffsets;
    if (!StartOffsets)
      return std::string("the loop comes from a macro expansion");
    First.replace(StartOffsets->first, StartOffsets->second,
                  Tasks + ".push_back(" + *OperandText + ");");
    for (const Stmt *S : Guard ? llvm::ArrayRef<const Stmt *>()
                               : llvm::ArrayRef<const Stmt *>(After)) {
      std::optional<CharSourceRange> Lines = statementLines(S);
      auto Range = Lines ? offsets(*Lines) : std::nullopt;
      if (!Range)
        return std::string("the loop comes from a macro expansion");
      First.replace(Range->first, Range->second, "");
    }
    std::string Out = "std::vector<" + TaskType + "> " + Tasks + ";" + Break;
    if (std::optional<std::string> Reserve = reservation())
      Out += Tasks + ".reserve(" + *Reserve + ");" + Break;
    Out += First.apply() + Break;
    std::string Combined =
        "co_await " + With->Function + "(std::move(" + Tasks + "))";

    auto Value = [&](const std::string &Element) {
      if (!With->ValueMethod.empty())
        return "std::move(" + Element + ")." + With->ValueMethod + "()";
      if (Await->getType().isTriviallyCopyableType(Context))
        return Element;
      return "std::move(" + Element + ")";
    };

    if (TheUse == Use::Discarded && After.empty() &&
        With->ValueMethod.empty()) {
      Out += Combined + ";";
    } else if (Replay) {
      // Run the header again, with the inputs, and use each result there.
      Out += "auto " + Results + " = " + Combined + ";" + Break;
      std::string Element;
      if (const VarDecl *Counter = zeroBasedCounter()) {
        Element = Results + "[" + Counter->getName().str() + "]";
      } else {
        std::string Next = C.Facts.freshName(
            Camel ? "next" + llvm::StringRef(Stem).substr(0, 1).upper() +
                        llvm::StringRef(Stem).drop_front().str()
                  : "next_" + Stem);
        Out += "auto " + Next + " = " + Results + ".begin();" + Break;
        Element = "*" + Next + "++";
      }
      TextEdit Second(LoopOffsets->first, LoopText);
      // Inputs that only log or compute nothing the rest uses are not run
      // twice: only declarations are.
      for (const Stmt *S : Before)
        if (!isa<DeclStmt>(S)) {
          std::optional<CharSourceRange> Lines = statementLines(S);
          auto Range = Lines ? offsets(*Lines) : std::nullopt;
          if (!Range)
            return std::string("the loop comes from a macro expansion");
          Second.replace(Range->first, Range->second, "");
        }
      if (TheUse == Use::Discarded)
        Second.replace(StmtOffsets->first, StmtOffsets->second,
                       Value(Element) + ";");
      else
        Second.replace(AwaitOffsets->first, AwaitOffsets->second,
                       Value(Element));
      Out += Second.apply();
    } else {
      // Use the results in order, in a loop of their own.
      std::string Element;
      std::vector<std::string> Body;
      // `const int value = co_await f(x);` becomes the loop's own variable:
      // for (const int value : counts).
      const auto *Declared =
          TheUse == Use::Declared ? dyn_cast<VarDecl>(ResultVar) : nullptr;
      std::string LoopVariable;
      if (Declared && Declared->getInitStyle() == VarDecl::CInit &&
          With->ValueMethod.empty()) {
        std::string Written =
            textOf(AwaitStmt->getBeginLoc(), Await->getBeginLoc());
        llvm::StringRef Declarator = llvm::StringRef(Written).rtrim();
        if (Declarator.consume_back("="))
          LoopVariable = Declarator.rtrim().str();
      }
      if (!LoopVariable.empty()) {
        Element = LoopVariable;
      } else {
        std::string Name = C.Facts.freshName(Stem.empty() ? "result" : Stem);
        Element = "auto& " + Name;
        TextEdit Statement(
            StmtOffsets->first,
            SM.getBufferData(SM.getFileID(Begin))
                .substr(StmtOffsets->first,
                        StmtOffsets->second - StmtOffsets->first));
        if (TheUse == Use::Discarded)
          Statement.replace(StmtOffsets->first, StmtOffsets->second,
                            Value(Name) + ";");
        else
          Statement.replace(AwaitOffsets->first, AwaitOffsets->second,
                            Value(Name));
        Body.push_back(Statement.apply());
      }
      for (const Stmt *S : After) {
        CharSourceRange Range =
            isa<Expr, DeclStmt>(S)
                ? analysis::statementRange(S, SM, LangOpts)
                : CharSourceRange::getTokenRange(S->getSourceRange());
        if (Range.isInvalid())
          return std::string("the loop comes from a macro expansion");
        Body.push_back(Lexer::getSourceText(Range, SM, LangOpts).str());
      }
      Out += "auto " + Results + " = " + Combined + ";" + Break;
      Out += "for (";
      Out += Element;
      Out += " : ";
      Out += Results;
      Out += ")";
      if (Body.size() == 1) {
        Out += NestedBreak + Body.front();
      } else {
        Out += " {";
        for (const std::string &Line : Body) {
          Out += NestedBreak;
          Out += Line;
        }
        Out += Break + "}";
      }
    }

    // The loop was the lone body of another statement: the new statements
    // go in a block of their own.
    SourceLocation ReplaceFrom = Begin;
    if (Unbraced.contains(P.Loop)) {
      // for (...) {             (the brace after the header, when the
      //   <new statements>       header ends the line before the loop)
      // }
      llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Begin));
      unsigned Offset = SM.getFileOffset(Begin);
      unsigned Before = Offset;
      while (Before > 0 && llvm::isSpace(Buffer[Before - 1]))
        --Before;
      std::string Outer = Indent;
      if (llvm::StringRef(Outer).ends_with(Style.IndentUnit))
        Outer.resize(Outer.size() - Style.IndentUnit.size());
      if (Before > 0 && Buffer[Before - 1] == ')' &&
          Buffer.slice(Before, Offset).contains('\n')) {
        ReplaceFrom =
            Begin.getLocWithOffset(-static_cast<int>(Offset - Before));
        Out = " {" + Break + Out + NL + Outer + "}";
      } else {
        std::string Nested;
        for (char Ch : Out) {
          Nested += Ch;
          if (Ch == '\n')
            Nested += Style.IndentUnit;
        }
        Out = OwnLine ? "{" + NestedBreak + Nested + Break + "}"
                      : "{ " + Out + " }";
      }
    }
    Edits Fixes;
    Fixes.Hints.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(ReplaceFrom, End), Out));
    FileID File = SM.getFileID(Begin);
    Check.includeUnlessDeclared(Fixes, Context, File, With->Function,
                                With->Header);
    Check.includeUnlessDeclared(Fixes, Context, File, "std::vector",
                                "<vector>");
    Check.includeUnlessDeclared(Fixes, Context, File, "std::move", "<utility>");
    return Fixes;
  }

  /// The finding for a per-item chain (a body that awaits several times, or
  /// once out of the rewrite's reach): no fix-it, and a note on what the
  /// rewrite changes besides the time.
  void reportChain(Finding F, const std::string &Using) {
    F.Message =
        "co_await in a loop runs the iterations one after another" +
        (AwaitCount > 1 ? ", " + std::to_string(AwaitCount) + " awaits each"
                        : std::string()) +
        ", although no iteration needs another's results; run each "
        "iteration's " +
        (AwaitCount > 1 ? "awaits" : "body") +
        " in a coroutine of its own and start them together with " + Using;
    std::string Why =
        (AwaitCount > 1
             ? "the body awaits more than once: its awaits would "
             : "the await sits where the rewrite cannot take it out: the "
               "body would ") +
        std::string("move into a coroutine per iteration (a lambda taking "
                    "the item by value), all started before the one await");
    std::vector<std::string> Changes = {
        "every iteration starts even when an earlier one fails"};
    if (CollectsOutside)
      Changes.emplace_back("their writes outside the loop come in the order "
                           "they finish");
    if (Logs)
      Changes.emplace_back("the log lines of different iterations interleave");
    if (llvm::any_of(Statements,
                     [](const Stmt *S) { return analysis::mayLeave(S); }))
      Changes.emplace_back(
          "a 'continue' becomes a co_return of the iteration's "
          "coroutine");
    Why += "; then " + llvm::join(Changes, ", ");
    F.NoFix = std::move(Why);
    Check.report(std::move(F));
  }

  void report() {
    SourceLocation Loc = Await->getBeginLoc();
    if (!Check.firstReport(Loc))
      return; // already reported from the template or another instantiation
    std::string Using = displayName();
    Finding F;
    F.Loc = Loc;
    if (Chain) {
      reportChain(std::move(F), Using);
      return;
    }
    F.Message = "co_await in a loop runs the iterations one after another; "
                "start them together and await once with " +
                Using;
    Fix Made = buildFix();
    if (auto *Fixes = std::get_if<Edits>(&Made)) {
      std::optional<analysis::RangeCombiner> With = combiner();
      if (std::optional<std::string> Change = behaviourChange())
        F.FixNote = Guard
                        ? Using +
                              " starts every iteration's call at once, while "
                              "the loop starts a call only after the previous "
                              "one finished, and " +
                              *Change
                        : Using + " starts every iteration's call at once" +
                              (With && !With->FailsFast
                                   ? " and reports a failure after all of them "
                                     "finished"
                                   : " and fails fast") +
                              ", while the loop starts a call only after the "
                              "previous one succeeded, and " +
                              *Change;
      F.Fix = std::move(*Fixes);
    } else {
      F.NoFix = std::get<std::string>(Made);
    }
    Check.report(std::move(F));
  }

  AwaitInLoopCheck &Check;
  CoroutineUnderAnalysis &C;
  ASTContext &Context;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  const DeclContext *Function;
  const llvm::SmallPtrSetImpl<const Stmt *> &Unbraced;

  // The loop under analysis.
  LoopParts P;
  std::vector<const Stmt *> Statements, Before, After;
  ObjectSet PerIteration;
  const Stmt *AwaitStmt = nullptr;
  /// The try statement around the await (its block's statements and its
  /// handlers are in Statements, after the await).
  const CXXTryStmt *Guard = nullptr;
  const Expr *Await = nullptr;
  const Expr *Operand = nullptr;
  const FunctionDecl *Callee = nullptr;
  Use TheUse = Use::Discarded;
  const VarDecl *ResultVar = nullptr;
  bool Logs = false;
  /// The body is analysed as a per-item chain (analyzeChain).
  bool Chain = false;
  size_t AwaitCount = 1;
  bool CollectsOutside = false; // the chain's code writes outside the loop
  bool StoresNonLocal = false;
  bool BodyThrows = false; // code of the body besides the call may throw
  analysis::TaskTypeInfo Task;
  AccessSummary Op;
  std::string Rejected;
};

void AwaitInLoopCheck::checkCoroutine(CoroutineUnderAnalysis &C) {
  LoopCollector Loops;
  Loops.TraverseStmt(C.Body);
  for (const Stmt *Loop : Loops.Loops) {
    LoopAnalyzer Analyzer(*this, C, Loops.Unbraced);
    Analyzer.run(Loop);
  }
}

} // namespace clang::tidy::async
