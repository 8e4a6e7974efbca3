//===--- AwaitDiscovery.cpp - awaitlint -------------------------*- C++ -*-===//

#include "AwaitDiscovery.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::analysis {

const Expr *ignoreValueCarriers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Next);
        Construct && Construct->getNumArgs() == 1 &&
        !isa<CXXTemporaryObjectExpr>(Construct) &&
        Construct->getParenOrBraceRange().isInvalid())
      Next = Construct->getArg(0);
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Next);
             Cast && Cast->getCastKind() == CK_ConstructorConversion)
      Next = Cast->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const Expr *asExplicitAwait(const Expr *E) {
  E = ignoreValueCarriers(E);
  if (const auto *Await = dyn_cast_or_null<CoawaitExpr>(E))
    return Await->isImplicit() ? nullptr : Await;
  if (isa_and_nonnull<DependentCoawaitExpr>(E))
    return E;
  return nullptr;
}

/// Implicit nodes and parentheses stripped until neither is left.
static const Expr *bare(const Expr *E) {
  for (const Expr *Next = E->IgnoreImplicit()->IgnoreParens(); Next != E;
       Next = E->IgnoreImplicit()->IgnoreParens())
    E = Next;
  return E;
}

const Expr *awaitOperand(const Expr *Await) {
  const Expr *Operand = isa<CoawaitExpr>(Await)
                            ? cast<CoawaitExpr>(Await)->getOperand()
                            : cast<DependentCoawaitExpr>(Await)->getOperand();
  // `(f())` holds a temporary's binding inside the parentheses.
  return bare(Operand);
}

static bool isCombiningOperator(const Expr *E) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
  return Op && Op->getNumArgs() == 2 &&
         (Op->getOperator() == OO_AmpAmp || Op->getOperator() == OO_PipePipe);
}

llvm::SmallVector<const CallExpr *, 4> combinedCalls(const Expr *Operand) {
  llvm::SmallVector<const CallExpr *, 4> Calls;
  const Expr *Root = bare(Operand);
  if (!isCombiningOperator(Root))
    return Calls;
  llvm::SmallVector<const Expr *, 8> Pending{Root};
  while (!Pending.empty()) {
    const Expr *E = Pending.pop_back_val();
    if (isCombiningOperator(E)) {
      const auto *Op = cast<CXXOperatorCallExpr>(E);
      // Right first: the stack hands the left operand out first.
      Pending.push_back(bare(Op->getArg(1)));
      Pending.push_back(bare(Op->getArg(0)));
      continue;
    }
    const auto *Call = dyn_cast<CallExpr>(ignoreValueCarriers(E));
    if (!Call || isa<CXXOperatorCallExpr>(Call) || !Call->getDirectCallee())
      return {};
    Calls.push_back(Call);
  }
  return Calls;
}

AwaitStatement nestedAwaitShape(const Expr *Await) {
  AwaitStatement Shape;
  Shape.Statement = Await;
  Shape.Kind = AwaitStatementKind::Discarded;
  Shape.Await = Await;
  Shape.Operand = awaitOperand(Await);
  Shape.ResultType = Await->getType();
  return Shape;
}

/// An lvalue an await result may be assigned to and a fix-it may name
/// again: a local variable, or members and elements of one or of *this.
static bool isAssignableTarget(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  while (true) {
    if (isa<CXXThisExpr>(E))
      return true;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      return Var && Var->hasLocalStorage();
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (!isa<FieldDecl>(Member->getMemberDecl()))
        return false;
      E = Member->getBase()->IgnoreParenImpCasts();
      continue;
    }
    return false;
  }
}

static const VarDecl *localVariable(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!Ref)
    return nullptr;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
    return nullptr;
  return Var;
}

std::optional<AwaitStatement> matchConditionalAwait(const Stmt *S) {
  const auto *If = dyn_cast<IfStmt>(S);
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable() ||
      If->isConsteval() || If->isConstexpr())
    return std::nullopt;
  const Stmt *Branch = If->getThen();
  if (const auto *Block = dyn_cast<CompoundStmt>(Branch)) {
    if (Block->size() != 1)
      return std::nullopt;
    Branch = Block->body_front();
  }
  std::optional<AwaitStatement> Inner = matchAwaitStatement(Branch);
  if (!Inner || Inner->Kind != AwaitStatementKind::Discarded)
    return std::nullopt;
  return Inner;
}

std::optional<AwaitStatement>
matchCandidateAwait(const Stmt *S, bool ConditionalAwaits, bool &UnderIf) {
  UnderIf = false;
  if (std::optional<AwaitStatement> Shape = matchAwaitStatement(S))
    return Shape;
  if (!ConditionalAwaits)
    return std::nullopt;
  std::optional<AwaitStatement> Inner = matchConditionalAwait(S);
  UnderIf = Inner.has_value();
  return Inner;
}

std::optional<AwaitStatement> matchAwaitStatement(const Stmt *S) {
  AwaitStatement Result;
  Result.Statement = S;
  if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
    if (!Decls->isSingleDecl())
      return std::nullopt;
    const auto *Var = dyn_cast<VarDecl>(Decls->getSingleDecl());
    if (!Var || !Var->hasInit() || !Var->hasLocalStorage())
      return std::nullopt;
    Result.Await = asExplicitAwait(Var->getInit());
    Result.Kind = isa<DecompositionDecl>(Var)
                      ? AwaitStatementKind::StructuredBinding
                      : AwaitStatementKind::Declaration;
    Result.Declared = Var;
  } else if (const auto *E = dyn_cast<Expr>(S)) {
    E = E->IgnoreImplicit()->IgnoreParens();
    const Expr *LHS = nullptr, *RHS = nullptr;
    if (const auto *Assign = dyn_cast<BinaryOperator>(E);
        Assign && Assign->getOpcode() == BO_Assign) {
      LHS = Assign->getLHS();
      RHS = Assign->getRHS();
    } else if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E);
               Call && Call->getOperator() == OO_Equal &&
               Call->getNumArgs() == 2) {
      LHS = Call->getArg(0);
      RHS = Call->getArg(1);
    }
    if (LHS) {
      if (!isAssignableTarget(LHS))
        return std::nullopt;
      Result.Kind = AwaitStatementKind::Assignment;
      Result.Target = LHS->IgnoreParenImpCasts();
      Result.Assigned = localVariable(LHS);
      Result.Await = asExplicitAwait(RHS);
    } else {
      if (const auto *Cast = dyn_cast<CStyleCastExpr>(E);
          Cast && Cast->getType()->isVoidType())
        E = Cast->getSubExpr();
      Result.Await = asExplicitAwait(E);
      Result.Kind = AwaitStatementKind::Discarded;
    }
  }
  if (!Result.Await)
    return std::nullopt;
  Result.Operand = awaitOperand(Result.Await);
  Result.ResultType = Result.Await->getType();
  return Result;
}

bool OwnCodeVisitor::TraverseLambdaExpr(const LambdaExpr *Lambda) {
  for (const Expr *Init : Lambda->capture_inits())
    if (Init && !TraverseStmt(Init))
      return false;
  if (!LambdaBodies)
    return true;
  // Traversed here, not queued, so that the depth holds while it is.
  ++LambdaDepth;
  bool Continue = TraverseStmt(Lambda->getBody());
  --LambdaDepth;
  return Continue;
}

namespace {

class AwaitCollector : public OwnCodeVisitor {
public:
  llvm::SmallVector<const Expr *, 4> Awaits;
  bool VisitCoawaitExpr(const CoawaitExpr *E) override {
    if (!E->isImplicit())
      Awaits.push_back(E);
    return true;
  }
  bool VisitDependentCoawaitExpr(const DependentCoawaitExpr *E) override {
    Awaits.push_back(E);
    return true;
  }
};

class SuspensionFinder : public OwnCodeVisitor {
public:
  bool Found = false;
  bool VisitCoawaitExpr(const CoawaitExpr *E) override {
    Found |= !E->isImplicit();
    return !Found;
  }
  bool VisitDependentCoawaitExpr(const DependentCoawaitExpr *) override {
    return !(Found = true);
  }
  bool VisitCoyieldExpr(const CoyieldExpr *) override {
    return !(Found = true);
  }
  bool VisitCoreturnStmt(const CoreturnStmt *) override {
    return !(Found = true);
  }
};

class LeaveFinder : public OwnCodeVisitor {
public:
  explicit LeaveFinder(bool ContinueStays) : ContinueDepth(ContinueStays) {}
  bool Leaves = false;
  // A nested loop owns the break and continue inside it; a nested switch
  // only the break (a continue in it continues the enclosing loop).
  bool TraverseForStmt(const ForStmt *S) override { return nested(S, true); }
  bool TraverseCXXForRangeStmt(const CXXForRangeStmt *S) override {
    return nested(S, true);
  }
  bool TraverseWhileStmt(const WhileStmt *S) override {
    return nested(S, true);
  }
  bool TraverseDoStmt(const DoStmt *S) override { return nested(S, true); }
  bool TraverseSwitchStmt(const SwitchStmt *S) override {
    return nested(S, false);
  }
  bool VisitReturnStmt(const ReturnStmt *) override { return leave(); }
  bool VisitCoreturnStmt(const CoreturnStmt *) override { return leave(); }
  bool VisitCXXThrowExpr(const CXXThrowExpr *) override { return leave(); }
  bool VisitBreakStmt(const BreakStmt *) override {
    return BreakDepth ? true : leave();
  }
  bool VisitContinueStmt(const ContinueStmt *) override {
    return ContinueDepth ? true : leave();
  }
  bool VisitGotoStmt(const GotoStmt *) override { return leave(); }
  bool VisitIndirectGotoStmt(const IndirectGotoStmt *) override {
    return leave();
  }

private:
  template <typename T> bool nested(const T *S, bool IsLoop) {
    ++BreakDepth;
    ContinueDepth += IsLoop;
    bool Continue = OwnCodeVisitor::TraverseStmt(S->getBody());
    --BreakDepth;
    ContinueDepth -= IsLoop;
    // The header may still leave (a throw in the condition).
    for (const Stmt *Child : S->children())
      if (Child != S->getBody() && Continue)
        Continue = TraverseStmt(Child);
    return Continue;
  }
  bool leave() {
    Leaves = true;
    return false;
  }
  unsigned BreakDepth = 0;
  unsigned ContinueDepth = 0;
};

class BlockFinder : public OwnCodeVisitor {
public:
  explicit BlockFinder(llvm::function_ref<void(const CompoundStmt *)> Visit)
      : Visit(Visit) {}
  bool VisitCompoundStmt(const CompoundStmt *Block) override {
    Visit(Block);
    return true;
  }

private:
  llvm::function_ref<void(const CompoundStmt *)> Visit;
};

} // namespace

namespace {

/// Code that may have an effect or take time: a call, a construction that
/// is not trivial, an allocation, a write, an await, a lambda, a throw.
class EffectFinder : public OwnCodeVisitor {
public:
  bool Found = false;
  bool VisitStmt(const Stmt *S) override {
    if (isa<CallExpr, CXXNewExpr, CXXDeleteExpr, CoawaitExpr,
            DependentCoawaitExpr, CoyieldExpr, LambdaExpr, CXXThrowExpr,
            StmtExpr>(S))
      Found = true;
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
      Found |= !Construct->getConstructor()->isTrivial();
    else if (const auto *Binary = dyn_cast<BinaryOperator>(S))
      Found |= Binary->isAssignmentOp();
    else if (const auto *Unary = dyn_cast<UnaryOperator>(S))
      Found |= Unary->isIncrementDecrementOp();
    return !Found;
  }
};

bool mayHaveEffect(const Stmt *S) {
  EffectFinder Finder;
  Finder.TraverseStmt(S);
  return Finder.Found;
}

bool contains(const Stmt *Haystack, const Stmt *Needle) {
  if (Haystack == Needle)
    return true;
  for (const Stmt *Child : Haystack->children())
    if (Child && contains(Child, Needle))
      return true;
  return false;
}

} // namespace

std::optional<AwaitStatement> leadingNestedAwait(const AwaitStatement &Outer) {
  if (!Outer.Operand)
    return std::nullopt;
  llvm::SmallVector<const Expr *, 4> Inner = explicitAwaitsIn(Outer.Operand);
  if (Inner.empty() || !isa<CoawaitExpr>(Inner.front()))
    return std::nullopt;
  const Expr *Leading = Inner.front();
  const Expr *LeadingOperand = awaitOperand(Leading);
  if (containsSuspensionPoint(LeadingOperand))
    return std::nullopt;
  // Walk down from the operand to the leading await: every node on the way
  // passes a value on, and what it may evaluate first has no effect.
  const Stmt *Node = Outer.Operand;
  while (Node != Leading) {
    const Stmt *Next = nullptr;
    for (const Stmt *Child : Node->children())
      if (Child && contains(Child, Leading)) {
        Next = Child;
        break;
      }
    if (!Next)
      return std::nullopt;
    if (isa<CXXOperatorCallExpr>(Node))
      return std::nullopt;
    if (const auto *Call = dyn_cast<CallExpr>(Node)) {
      // The callee (with the object of a member call) is evaluated before
      // every argument (C++17); arguments in any order.
      if (Next != Call->getCallee())
        for (const Stmt *Child : Call->children())
          if (Child && Child != Next && mayHaveEffect(Child))
            return std::nullopt;
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Node)) {
      for (const Expr *Arg : Construct->arguments())
        if (Arg != Next && mayHaveEffect(Arg))
          return std::nullopt;
    } else if (!isa<MemberExpr, ImplicitCastExpr, ParenExpr,
                    MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                    ExprWithCleanups, CXXFunctionalCastExpr, CXXStaticCastExpr>(
                   Node)) {
      return std::nullopt;
    }
    Node = Next;
  }
  AwaitStatement Result = nestedAwaitShape(Leading);
  Result.FeedsEnclosingAwait = true;
  return Result;
}

llvm::SmallVector<const Expr *, 4> explicitAwaitsIn(const Stmt *S) {
  AwaitCollector Collector;
  Collector.TraverseStmt(S);
  return std::move(Collector.Awaits);
}

bool containsSuspensionPoint(const Stmt *S) {
  SuspensionFinder Finder;
  Finder.TraverseStmt(S);
  return Finder.Found;
}

bool mayLeave(const Stmt *S, bool ContinueStays) {
  LeaveFinder Finder(ContinueStays);
  Finder.TraverseStmt(S);
  return Finder.Leaves;
}

const FunctionDecl *calleeOf(const Expr *Operand) {
  const Expr *E = bare(Operand);
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return Call->getDirectCallee();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getConstructor();
  return nullptr;
}

const VarDecl *awaitedVariable(const Expr *Operand) {
  const Expr *E = Operand->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
        Callee->getName() == "move" && Call->getNumArgs() == 1)
      E = Call->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

void forEachBlock(const Stmt *Body,
                  llvm::function_ref<void(const CompoundStmt *)> Visit) {
  BlockFinder Finder(Visit);
  Finder.TraverseStmt(Body);
}

ast_matchers::DeclarationMatcher coroutineDefinition() {
  using namespace ast_matchers;
  return functionDecl(isDefinition(),
                      hasBody(coroutineBodyStmt().bind("coroutine")),
                      unless(isExpansionInSystemHeader()))
      .bind("function");
}

bool isInInstantiation(const FunctionDecl *Function) {
  for (const DeclContext *DC = Function; DC; DC = DC->getParent()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DC);
        FD && FD->isTemplateInstantiation())
      return true;
    if (const auto *RD = dyn_cast<CXXRecordDecl>(DC);
        RD && isTemplateInstantiation(RD->getTemplateSpecializationKind()))
      return true;
  }
  return false;
}

} // namespace clang::tidy::async::analysis
