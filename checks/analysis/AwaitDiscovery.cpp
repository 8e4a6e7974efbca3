//===--- AwaitDiscovery.cpp - awaitlint
//------------------------------------===//

#include "AwaitDiscovery.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
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

static const Expr *operandOf(const Expr *Await) {
  if (const auto *Known = dyn_cast<CoawaitExpr>(Await))
    return Known->getOperand()->IgnoreImplicit();
  return cast<DependentCoawaitExpr>(Await)->getOperand()->IgnoreImplicit();
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
    if (const auto *Assign = dyn_cast<BinaryOperator>(E);
        Assign && Assign->getOpcode() == BO_Assign) {
      Result.Assigned = localVariable(Assign->getLHS());
      Result.Await = asExplicitAwait(Assign->getRHS());
      Result.Kind = AwaitStatementKind::Assignment;
    } else if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E);
               Call && Call->getOperator() == OO_Equal &&
               Call->getNumArgs() == 2) {
      Result.Assigned = localVariable(Call->getArg(0));
      Result.Await = asExplicitAwait(Call->getArg(1));
      Result.Kind = AwaitStatementKind::Assignment;
    } else {
      if (const auto *Cast = dyn_cast<CStyleCastExpr>(E);
          Cast && Cast->getType()->isVoidType())
        E = Cast->getSubExpr();
      Result.Await = asExplicitAwait(E);
      Result.Kind = AwaitStatementKind::Discarded;
    }
    if (Result.Kind == AwaitStatementKind::Assignment && !Result.Assigned)
      return std::nullopt;
  }
  if (!Result.Await)
    return std::nullopt;
  Result.Operand = operandOf(Result.Await);
  Result.ResultType = Result.Await->getType();
  return Result;
}

namespace {
class SuspensionFinder : public RecursiveASTVisitor<SuspensionFinder> {
public:
  bool Found = false;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCoawaitExpr(CoawaitExpr *) { return !(Found = true); }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *) {
    return !(Found = true);
  }
  bool VisitCoyieldExpr(CoyieldExpr *) { return !(Found = true); }
  bool VisitCoreturnStmt(CoreturnStmt *) { return !(Found = true); }
};

class BlockFinder : public RecursiveASTVisitor<BlockFinder> {
public:
  explicit BlockFinder(llvm::function_ref<void(const CompoundStmt *)> Visit)
      : Visit(Visit) {}
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCompoundStmt(CompoundStmt *Block) {
    Visit(Block);
    return true;
  }

private:
  llvm::function_ref<void(const CompoundStmt *)> Visit;
};
} // namespace

bool containsSuspensionPoint(const Stmt *S) {
  SuspensionFinder Finder;
  Finder.TraverseStmt(const_cast<Stmt *>(S));
  return Finder.Found;
}

const FunctionDecl *calleeOf(const Expr *Operand) {
  const Expr *E = Operand->IgnoreImplicit()->IgnoreParens();
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return Call->getDirectCallee();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getConstructor();
  return nullptr;
}

void forEachBlock(const Stmt *Body,
                  llvm::function_ref<void(const CompoundStmt *)> Visit) {
  BlockFinder Finder(Visit);
  Finder.TraverseStmt(const_cast<Stmt *>(Body));
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
