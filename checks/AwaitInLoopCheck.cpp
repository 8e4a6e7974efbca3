//===--- AwaitInLoopCheck.cpp - awaitlint
//----------------------------------===//
//
// Finds loops (for, range-for, while, do) of a coroutine whose body awaits
// one task per iteration although no iteration needs another's result, and
// proposes to start every task first and await them together:
//
//   for (auto& x : xs) out.push_back(co_await f(x));
// becomes
//   {
//     std::vector<awl::Promise<T>> promises;
//     promises.reserve(std::size(xs));
//     for (auto& x : xs) promises.push_back(f(x));
//     for (auto& value : co_await awl::when_all(std::move(promises)))
//       out.push_back(std::move(value));
//   }
//
// Precision first: a loop is reported only when every piece of it is
// understood. The body holds exactly one await, as a statement of its own
// (discarded, pushed into a local container, accumulated into a local
// variable, or declaring a per-iteration variable); every other statement
// of the body is a local computation (no impure call, no write outside the
// function, no control flow); the loop is bounded by its own header (a
// counter the header updates, or a range), and nothing the body writes is
// read by the awaited operand or by the header. Everything else - retries,
// polling, cursors, find-first loops, rate limiting, shared receivers,
// try blocks, while(true) - is taken to be serial on purpose.
//
//===----------------------------------------------------------------------===//

#include "AwaitInLoopCheck.h"
#include "analysis/AwaitDiscovery.h"
#include "analysis/Accesses.h"
#include "analysis/FixRendering.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include <variant>

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

using analysis::AccessSummary;
using analysis::ObjectKey;
using analysis::ObjectSet;

/// The loops of a coroutine body, outside nested lambdas.
class LoopCollector : public RecursiveASTVisitor<LoopCollector> {
public:
  std::vector<const Stmt *> Loops;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitForStmt(ForStmt *S) { return add(S); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    // `for co_await` (Coroutines TS) walks an asynchronous stream: each step
    // awaits the next element, a cursor that cannot be started up front.
    return S->getCoawaitLoc().isValid() ? true : add(S);
  }
  bool VisitWhileStmt(WhileStmt *S) { return add(S); }
  bool VisitDoStmt(DoStmt *S) { return add(S); }

private:
  bool add(const Stmt *S) {
    Loops.push_back(S);
    return true;
  }
};

/// Counts the suspension points of a statement (outside nested lambdas) and
/// notices try blocks.
class SuspensionCounter : public RecursiveASTVisitor<SuspensionCounter> {
public:
  unsigned Count = 0;
  bool HasTry = false;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    if (!E->isImplicit())
      ++Count;
    return true;
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *) { return bump(); }
  bool VisitCoyieldExpr(CoyieldExpr *) { return bump(); }
  bool VisitCoreturnStmt(CoreturnStmt *) { return bump(); }
  bool VisitCXXTryStmt(CXXTryStmt *) {
    HasTry = true;
    return true;
  }

private:
  bool bump() {
    ++Count;
    return true;
  }
};

/// Every variable (and binding) declared in a statement.
class DeclaredVariables : public RecursiveASTVisitor<DeclaredVariables> {
public:
  ObjectSet &Out;
  explicit DeclaredVariables(ObjectSet &Out) : Out(Out) {}
  bool VisitVarDecl(VarDecl *Var) {
    Out.insert(Var);
    return true;
  }
  bool VisitBindingDecl(BindingDecl *Binding) {
    Out.insert(Binding);
    return true;
  }
};

/// Every name used or declared in a function: fresh names avoid them all.
class NameCollector : public RecursiveASTVisitor<NameCollector> {
public:
  llvm::StringSet<> Names;
  bool VisitNamedDecl(NamedDecl *D) {
    if (D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl()->getIdentifier())
      Names.insert(Ref->getDecl()->getName());
    return true;
  }
};

/// How the await statement of the body uses the awaited value.
enum class AwaitShape {
  Discarded,   ///< co_await f(x);
  Pushed,      ///< out.push_back(co_await f(x)); (or emplace_back)
  Accumulated, ///< total += co_await f(x);
  Declared     ///< auto v = co_await f(x); (v declared in the body)
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

bool isStdOrConstexpr(const FunctionDecl *F) {
  return F && (F->isInStdNamespace() || F->isConstexpr());
}

} // namespace

class AwaitInLoopCheck::LoopAnalyzer {
public:
  LoopAnalyzer(AwaitInLoopCheck &Check, ASTContext &Context,
               const DeclContext *Function, NameCollector &Facts,
               const FunctionDecl *Pattern)
      : Check(Check), Context(Context), SM(Context.getSourceManager()),
        LangOpts(Context.getLangOpts()), Function(Function), Facts(Facts),
        Pattern(Pattern) {}

  void run(const Stmt *Loop) {
    P = partsOf(Loop);
    if (!P.Body || !analyze())
      return;
    report();
  }

private:
  // --- The finding ----------------------------------------------------------

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

  static void addAll(ObjectSet &Into, const ObjectSet &From) {
    Into.insert_range(From);
  }

  /// A header expression (condition, increment) may run as often as it
  /// likes only when it calls nothing unknown and writes only locals.
  bool headerIsSimple(const AccessSummary &S) const {
    return !S.HasImpureCall && !S.HasControlFlow && !S.WritesNonLocal;
  }

  bool constantCondition(const Expr *Cond) const {
    if (Cond->isValueDependent() || Cond->isTypeDependent())
      return true; // unknown: be safe
    bool Value = false;
    return Cond->EvaluateAsBooleanCondition(Value, Context);
  }

  /// Recognises the statement of the body that awaits.
  bool classifyAwaitStatement(const Stmt *S) {
    if (std::optional<analysis::AwaitStatement> Site =
            analysis::matchAwaitStatement(S)) {
      Await = Site->Await;
      switch (Site->Kind) {
      case analysis::AwaitStatementKind::Discarded:
        Shape = AwaitShape::Discarded;
        return true;
      case analysis::AwaitStatementKind::Declaration:
      case analysis::AwaitStatementKind::StructuredBinding:
        if (!Site->Declared || !Site->Declared->hasLocalStorage())
          return false;
        Shape = AwaitShape::Declared;
        return true;
      case analysis::AwaitStatementKind::Assignment:
        // `r = co_await f(x)` into a variable of the body is a declaration in
        // disguise; into an outer variable it is a cursor, a retry status,
        // or "the last one wins": serial on purpose.
        if (!Site->Assigned || !isPerIteration(Site->Assigned))
          return false;
        Shape = AwaitShape::Declared;
        return true;
      }
      return false;
    }
    const auto *E = dyn_cast<Expr>(S);
    if (!E)
      return false;
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (!Method || !Method->getIdentifier() || Call->getNumArgs() != 1 ||
          !llvm::is_contained({"push_back", "emplace_back"},
                              Method->getName()) ||
          !isStdOrConstexpr(Method))
        return false;
      const VarDecl *Target =
          referencedVariable(Call->getImplicitObjectArgument());
      if (!Target || !analysis::isLocalObject(Target, Function))
        return false;
      Await = analysis::asExplicitAwait(Call->getArg(0));
      Shape = AwaitShape::Pushed;
      ResultTarget = Target;
      return Await != nullptr;
    }
    const Expr *LHS = nullptr, *RHS = nullptr;
    if (const auto *Op = dyn_cast<CompoundAssignOperator>(E)) {
      LHS = Op->getLHS();
      RHS = Op->getRHS();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
               Op && Op->isAssignmentOp() && Op->getOperator() != OO_Equal &&
               Op->getNumArgs() == 2 &&
               isStdOrConstexpr(Op->getDirectCallee())) {
      LHS = Op->getArg(0);
      RHS = Op->getArg(1);
    }
    if (!LHS)
      return false;
    const VarDecl *Target = referencedVariable(LHS);
    if (!Target || !analysis::isLocalObject(Target, Function))
      return false;
    Await = analysis::asExplicitAwait(RHS);
    Shape = AwaitShape::Accumulated;
    ResultTarget = Target;
    return Await != nullptr;
  }

  bool analyze() {
    const Stmt *Loop = P.Loop;
    if (Loop->getBeginLoc().isInvalid() || P.HasConditionVariable)
      return false;
    // Suspension points in the header (except the range, evaluated once).
    for (const Stmt *Header : {static_cast<const Stmt *>(P.Cond),
                               static_cast<const Stmt *>(P.Inc), P.Init})
      if (Header && analysis::containsSuspensionPoint(Header))
        return false;

    // Exactly one await in the body, as a statement of its own.
    SuspensionCounter Counter;
    Counter.TraverseStmt(const_cast<Stmt *>(P.Body));
    if (Counter.Count != 1 || Counter.HasTry)
      return false;
    std::vector<const Stmt *> Statements;
    if (const auto *Block = dyn_cast<CompoundStmt>(P.Body))
      llvm::append_range(Statements, Block->body());
    else
      Statements.push_back(P.Body);

    DeclaredVariables Declared(PerIteration);
    Declared.TraverseStmt(const_cast<Stmt *>(P.Body));
    if (P.LoopVar) {
      PerIteration.insert(P.LoopVar);
      if (const auto *Decomposition = dyn_cast<DecompositionDecl>(P.LoopVar))
        for (const BindingDecl *Binding : Decomposition->bindings())
          PerIteration.insert(Binding);
    }

    const Stmt *AwaitStmt = nullptr;
    for (const Stmt *S : Statements)
      if (analysis::containsSuspensionPoint(S))
        AwaitStmt = S;
    if (!AwaitStmt || !classifyAwaitStatement(AwaitStmt))
      return false;
    AwaitStatement = AwaitStmt;
    const auto *Coawait = dyn_cast<CoawaitExpr>(Await);
    if (!Coawait || Coawait->isImplicit())
      return false;
    Operand = Coawait->getOperand()->IgnoreImplicit();
    if (Operand->isTypeDependent() || Operand->isValueDependent() ||
        !isa<CallExpr>(Operand->IgnoreParens()) ||
        analysis::containsSuspensionPoint(Operand))
      return false;
    std::optional<analysis::TaskTypeInfo> TaskInfo =
        Check.TaskTypeCache.classify(Operand->getType(), Check.Opts.TaskTypes);
    if (!TaskInfo)
      return false;
    Task = *TaskInfo;
    Callee = analysis::calleeOf(Operand);
    // Timers, rescheduling, locks, channels: the order is their purpose.
    if (Callee && Check.Opts.IgnoredAwaitables.matches(Callee))
      return false;
    if (const auto *Member =
            dyn_cast<CXXMemberCallExpr>(Operand->IgnoreParens()))
      if (const VarDecl *Object =
              referencedVariable(Member->getImplicitObjectArgument());
          Object && Check.Opts.IgnoredAwaitables.matches(Object))
        return false;

    // What the awaited operand reads and writes.
    Op = analysis::summarizeAccesses(Operand, Function, Callee);
    if (Op.HasControlFlow || !outer(Op.Writes).empty())
      return false;

    // The rest of the body: local computations only.
    ObjectSet BodyWrites, RestTouched;
    for (const Stmt *S : Statements) {
      if (S == AwaitStmt)
        continue;
      AccessSummary Rest = analysis::summarizeAccesses(S, Function);
      if (Rest.HasControlFlow || Rest.HasImpureCall || Rest.WritesNonLocal)
        return false;
      addAll(BodyWrites, Rest.Writes);
      addAll(BodyWrites, Rest.CallWrites);
      addAll(RestTouched, Rest.touched());
      HasOtherStatements |= !isa<NullStmt>(S);
    }
    // The await statement's own write (its declaration is per-iteration).
    if (ResultTarget) {
      BodyWrites.insert(ResultTarget);
      RestTouched.insert(ResultTarget);
    }
    if (const auto *Decls = dyn_cast<DeclStmt>(AwaitStmt))
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && !Var->hasLocalStorage())
          return false;

    // The header: bounded by itself, not by the body.
    ObjectSet HeaderTouched;
    if (P.Cond) {
      if (constantCondition(P.Cond))
        return false; // while (true), do ... while (false), for (;;) ...
      AccessSummary Cond = analysis::summarizeAccesses(P.Cond, Function);
      if (!headerIsSimple(Cond))
        return false;
      AccessSummary Inc;
      if (P.Inc) {
        Inc = analysis::summarizeAccesses(P.Inc, Function);
        if (!headerIsSimple(Inc))
          return false;
      }
      // A counter: something the header itself updates and tests.
      ObjectSet Counters = Cond.Writes;
      addAll(Counters, Cond.CallWrites);
      addAll(Counters, Inc.Writes);
      addAll(Counters, Inc.CallWrites);
      if (!analysis::intersects(Counters, Cond.touched()))
        return false; // the body or someone else ends the loop: polling
      addAll(HeaderTouched, Cond.touched());
      addAll(HeaderTouched, Inc.touched());
    } else if (!P.RangeInit) {
      return false; // for (;;)
    }
    if (P.RangeInit) {
      AccessSummary Range = analysis::summarizeAccesses(P.RangeInit, Function);
      addAll(HeaderTouched, Range.touched());
    }

    // Loop-carried dependences.
    ObjectSet OuterWrites = outer(BodyWrites);
    if (analysis::intersects(OuterWrites, Op.touched()) ||
        analysis::intersects(OuterWrites, HeaderTouched))
      return false; // the body feeds a later operand or the condition
    ObjectSet OperandCallWrites = outer(Op.CallWrites);
    if (analysis::intersects(OperandCallWrites, HeaderTouched) ||
        analysis::intersects(OperandCallWrites, RestTouched))
      return false; // the call modifies what the loop or the body reads
    // The same object (connection, stream, client) used by every iteration.
    if (Check.Opts.SameObjectIsDependent && !OperandCallWrites.empty())
      return false;
    return true;
  }

  // --- The fix
  // ----------------------------------------------------------------

  /// The combinator over a range of tasks: only awl's when_all takes a
  /// vector among the known frameworks; others need WhenAllFunction.
  std::optional<analysis::Combiner> rangeCombiner() const {
    if (Check.Opts.WhenAllFunction.empty() &&
        Task.Library != analysis::Framework::Awl)
      return std::nullopt;
    return Check.Opts.combinerFor(Task.Library);
  }

  std::string displayName() const {
    std::optional<analysis::Combiner> With = rangeCombiner();
    return With ? With->DisplayName : "a when_all combinator";
  }

  /// A name nobody uses in the function (the new names live in a block of
  /// their own, so two rewritten loops may both use the same one).
  std::string freshName(llvm::StringRef Base) const {
    std::string Name = Base.str();
    for (unsigned Suffix = 1; Facts.Names.contains(Name); ++Suffix)
      Name = Base.str() + std::to_string(Suffix);
    return Name;
  }

  std::optional<llvm::StringRef> text(SourceLocation Begin,
                                      SourceLocation EndExclusive) const {
    bool Invalid = false;
    llvm::StringRef Text =
        Lexer::getSourceText(CharSourceRange::getCharRange(Begin, EndExclusive),
                             SM, LangOpts, &Invalid);
    if (Invalid)
      return std::nullopt;
    return Text;
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
    const auto *Call = dyn_cast<CallExpr>(Operand->IgnoreParens());
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
      if (analysis::isReferenceLike(Callee->getParamDecl(ParamIndex)->getType()) &&
          !outlivesLoop(Call->getArg(I)))
        return Name + " keeps a reference to an argument that may not "
                      "outlive its iteration";
    }
    return std::nullopt;
  }

  /// Why the fix-it may change behaviour, if it may (as in
  /// async-sequential-await).
  std::optional<std::string> behaviourChange() const {
    if (!Callee)
      return std::string("the awaited expression is not a plain call");
    std::string Name = "'" + analysis::qualifiedName(Callee) + "'";
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
        Method && Method->isInstance() && !Method->isConst())
      return Name + " is a non-const member function";
    if (!Op.CallWrites.empty())
      return Name + " is passed an object it may modify";
    if (Op.HasImpureCall)
      return "the arguments of " + Name + " call '" + Op.FirstImpureCall +
             "', which may have side effects";
    if (!Check.Opts.SideEffectFreeCalls.matches(Callee))
      return Name + " is not known to be free of side effects";
    return std::nullopt;
  }

  /// The edits replacing the loop, or the reason there are none.
  std::variant<std::vector<FixItHint>, std::string> buildFix() {
    if (Shape != AwaitShape::Discarded && Shape != AwaitShape::Pushed)
      return std::string("only loops whose body is a single "
                         "'co_await f(...);' or "
                         "'out.push_back(co_await f(...));' are rewritten");
    if (HasOtherStatements)
      return std::string("the loop body has other statements besides the "
                         "co_await");
    std::optional<analysis::Combiner> With = rangeCombiner();
    if (!With)
      return "no when_all over a range of '" + Task.Name +
             "' is known; set the WhenAllFunction option" +
             (Task.Start == analysis::StartPolicy::Lazy
                  ? " (the tasks are lazy: they start only when the "
                    "combined await starts them)"
                  : "");
    const std::string &Function = With->Function;
    const std::string &Header = With->Header;
    if (std::optional<std::string> Problem = lifetimeProblem())
      return *Problem;
    if (operandDependsOnTemplate())
      return std::string("the awaited task type depends on a template "
                         "parameter");

    SourceLocation Begin = P.Loop->getBeginLoc();
    SourceLocation End = loopEnd();
    CharSourceRange StmtRange =
        analysis::statementRange(AwaitStatement, SM, LangOpts);
    if (Begin.isMacroID() || End.isInvalid() || StmtRange.isInvalid() ||
        Await->getBeginLoc().isMacroID() || Await->getEndLoc().isMacroID() ||
        SM.getFileID(Begin) != SM.getFileID(End) ||
        SM.getFileID(Begin) != SM.getFileID(StmtRange.getBegin()))
      return std::string("the loop comes from a macro expansion");
    std::optional<std::string> OperandText =
        analysis::operandText(Operand, SM, LangOpts);
    if (!OperandText)
      return std::string("the loop comes from a macro expansion");
    SourceLocation StmtEnd =
        Lexer::getLocForEndOfToken(StmtRange.getEnd(), 0, SM, LangOpts);
    SourceLocation AwaitEnd =
        Lexer::getLocForEndOfToken(Await->getEndLoc(), 0, SM, LangOpts);
    auto Before = text(Begin, StmtRange.getBegin());
    auto After = text(StmtEnd, End);
    auto PushPrefix = text(StmtRange.getBegin(), Await->getBeginLoc());
    auto PushSuffix = text(AwaitEnd, StmtEnd);
    if (!Before || !After || !PushPrefix || !PushSuffix)
      return std::string("the loop comes from a macro expansion");
    if (Before->contains("R\"") || After->contains("R\""))
      return std::string("the loop contains a raw string literal");

    std::string TaskType = TypeName::getFullyQualifiedName(
        Operand->getType().getNonReferenceType().getUnqualifiedType(), Context,
        Context.getPrintingPolicy());
    if (TaskType.find('(') != std::string::npos)
      return std::string("the task type cannot be named here");

    std::string Indent = analysis::indentationAt(Begin, SM);
    std::string Inner = Indent + "  ";
    std::string Promises = freshName("promises");
    std::string Loop =
        (*Before + Promises + ".push_back(" + *OperandText + ");" + *After)
            .str();
    // Re-indent the loop by one level inside the new block.
    std::string Indented;
    for (char C : Loop) {
      Indented += C;
      if (C == '\n')
        Indented += "  ";
    }
    std::string Combined =
        "co_await " + Function + "(std::move(" + Promises + "))";
    std::string Out =
        "{\n" + Inner + "std::vector<" + TaskType + "> " + Promises + ";\n";
    if (const auto *Range = dyn_cast_or_null<DeclRefExpr>(
            P.RangeInit ? P.RangeInit->IgnoreParenImpCasts() : nullptr)) {
      QualType T = Range->getType().getNonReferenceType();
      const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
      std::string RecordName =
          Record ? analysis::qualifiedName(Record) : std::string();
      if (T->isConstantArrayType() ||
          llvm::is_contained({"std::vector", "std::array", "std::deque",
                              "std::basic_string", "std::span"},
                             RecordName))
        Out += Inner + Promises + ".reserve(std::size(" +
               Range->getDecl()->getName().str() + "));\n";
    }
    Out += Inner + Indented + "\n";
    if (Shape == AwaitShape::Discarded) {
      Out += Inner + Combined + ";\n";
    } else {
      std::string Value = freshName("value");
      Out += Inner + "for (auto& " + Value + " : " + Combined + ")\n" + Inner +
             "  " + PushPrefix->str() + "std::move(" + Value + ")" +
             PushSuffix->str() + "\n";
    }
    Out += Indent + "}";

    std::vector<FixItHint> Fixes;
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(Begin, End), Out));
    FileID File = SM.getFileID(Begin);
    if (!Header.empty())
      if (auto Include = Check.Inserter.createIncludeInsertion(File, Header))
        Fixes.push_back(std::move(*Include));
    if (Header != "<vector>" && Header != "<awl/when_all.hpp>")
      if (auto Include =
              Check.Inserter.createIncludeInsertion(File, "<vector>"))
        Fixes.push_back(std::move(*Include));
    return Fixes;
  }

  /// In an instantiation, whether the template's awaited operand is
  /// type-dependent (the fix-it spells the task type of this instantiation).
  bool operandDependsOnTemplate() const {
    if (!Pattern || !Pattern->getBody())
      return false;
    struct Finder : RecursiveASTVisitor<Finder> {
      SourceLocation Loc;
      bool Found = false, Dependent = false;
      bool visitOperand(SourceLocation At, const Expr *Operand) {
        if (At == Loc) {
          Found = true;
          Dependent = Operand->isTypeDependent();
        }
        return !Found;
      }
      bool VisitCoawaitExpr(CoawaitExpr *E) {
        return visitOperand(E->getBeginLoc(), E->getOperand());
      }
      bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) {
        return visitOperand(E->getBeginLoc(), E->getOperand());
      }
    } F;
    F.Loc = Await->getBeginLoc();
    F.TraverseStmt(Pattern->getBody());
    return !F.Found || F.Dependent;
  }

  void report() {
    SourceLocation Loc = Await->getBeginLoc();
    if (!Check.Reported.insert(Loc).second)
      return; // already reported from the template or another instantiation
    std::string Using = displayName();
    auto Fix = buildFix();
    auto *Fixes = std::get_if<std::vector<FixItHint>>(&Fix);
    std::optional<std::string> Change =
        Fixes ? behaviourChange() : std::nullopt;
    {
      auto Warning =
          Check.diag(Loc, "co_await in a loop runs the iterations one after "
                          "another; start them together and await once with "
                          "%0")
          << Using;
      if (Fixes && !Change)
        Warning << *Fixes;
    }
    if (!Fixes) {
      Check.diag(Loc, "no fix-it: %0", DiagnosticIDs::Note)
          << std::get<std::string>(Fix);
    } else if (Change) {
      Check.diag(Loc,
                 "fix-it on this note only (apply with --fix-notes): %0 "
                 "starts every iteration's call at once and fails fast, while "
                 "the loop starts a call only after the previous one "
                 "succeeded, and %1",
                 DiagnosticIDs::Note)
          << Using << *Change << *Fixes;
    }
  }

  AwaitInLoopCheck &Check;
  ASTContext &Context;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  const DeclContext *Function;
  NameCollector &Facts;
  /// The template the coroutine was instantiated from, if it was.
  const FunctionDecl *Pattern;

  // The loop under analysis.
  LoopParts P;
  ObjectSet PerIteration;
  const Stmt *AwaitStatement = nullptr;
  const Expr *Await = nullptr;
  const Expr *Operand = nullptr;
  const FunctionDecl *Callee = nullptr;
  AwaitShape Shape = AwaitShape::Discarded;
  const VarDecl *ResultTarget = nullptr;
  bool HasOtherStatements = false;
  analysis::TaskTypeInfo Task;
  AccessSummary Op;
};

AwaitInLoopCheck::AwaitInLoopCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Opts(Options),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void AwaitInLoopCheck::storeOptions(ClangTidyOptions::OptionMap &OptionMap) {
  Opts.store(Options, OptionMap);
  Options.store(OptionMap, "IncludeStyle", Inserter.getStyle());
}

void AwaitInLoopCheck::registerPPCallbacks(
    const SourceManager & /*SM*/, Preprocessor *PP,
    Preprocessor * /*ModuleExpanderPP*/) {
  Inserter.registerPreprocessor(PP);
}

void AwaitInLoopCheck::registerMatchers(MatchFinder *Finder) {
  // Instantiations are analysed too (in a template the awaits are usually
  // dependent), but every await is reported once (see Reported).
  Finder->addMatcher(analysis::coroutineDefinition(), this);
}

void AwaitInLoopCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine =
      Result.Nodes.getNodeAs<CoroutineBodyStmt>("coroutine");
  if (!Coroutine || !Coroutine->getBody())
    return;
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!Function)
    return;
  Stmt *Body =
      const_cast<Stmt *>(static_cast<const Stmt *>(Coroutine->getBody()));
  const FunctionDecl *Pattern = Function->getTemplateInstantiationPattern();
  NameCollector Facts;
  Facts.TraverseStmt(Body);
  LoopCollector Loops;
  Loops.TraverseStmt(Body);
  for (const Stmt *Loop : Loops.Loops) {
    LoopAnalyzer Analyzer(*this, *Result.Context, Function, Facts, Pattern);
    Analyzer.run(Loop);
  }
}

} // namespace clang::tidy::async
