//===--- DependenceAnalysis.cpp - awaitlint
//--------------------------------===//

#include "Accesses.h"
#include "Frameworks.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::analysis {

static const char ThisObjectTag = 0;
static const char UnknownObjectTag = 0;
const ObjectKey ThisObject = &ThisObjectTag;
const ObjectKey UnknownObject = &UnknownObjectTag;

ObjectSet AccessSummary::touched() const {
  ObjectSet All = Reads;
  All.insert_range(Writes);
  All.insert_range(CallWrites);
  return All;
}

bool intersects(const ObjectSet &A, const ObjectSet &B) {
  const ObjectSet &Small = A.size() <= B.size() ? A : B;
  const ObjectSet &Large = A.size() <= B.size() ? B : A;
  for (ObjectKey Key : Small)
    if (Large.contains(Key))
      return true;
  return false;
}

bool isLocalObject(ObjectKey Key, const DeclContext *Function) {
  if (Key == ThisObject || Key == UnknownObject)
    return false;
  const auto *D = static_cast<const Decl *>(Key);
  if (const auto *Binding = dyn_cast<BindingDecl>(D)) {
    D = Binding->getDecomposedDecl();
    if (!D)
      return false;
  }
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
    return false;
  // Parameters of the coroutine are copied into its frame: local.
  return Var->getParentFunctionOrMethod() == Function;
}

namespace {

/// The object an lvalue (or pointer) expression designates. Sets
/// \p Indirect when the path goes through a pointer or reference, so a write
/// may land outside the function.
ObjectKey rootObject(const Expr *E, bool &Indirect) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const ValueDecl *D = Ref->getDecl();
      if (isa<FunctionDecl, EnumConstantDecl>(D))
        return nullptr;
      if (D->getType()->isReferenceType())
        Indirect = true;
      return D;
    }
    if (isa<CXXThisExpr>(E)) {
      Indirect = true;
      return ThisObject;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow())
        Indirect = true;
      E = Member->getBase();
      continue;
    }
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      if (Subscript->getBase()->getType()->isPointerType())
        Indirect = true;
      E = Subscript->getBase();
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() == UO_Deref)
        Indirect = true;
      if (Unary->getOpcode() == UO_Deref || Unary->getOpcode() == UO_AddrOf) {
        E = Unary->getSubExpr();
        continue;
      }
      return UnknownObject;
    }
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = Temporary->getSubExpr();
      continue;
    }
    if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E)) {
      switch (Call->getOperator()) {
      case OO_Subscript:
      case OO_Star:
      case OO_Arrow:
        Indirect = true;
        E = Call->getArg(0);
        continue;
      default:
        break;
      }
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      // std::move(x), std::ref(x) and friends name the object they wrap.
      if (const FunctionDecl *Callee = Call->getDirectCallee();
          Callee && Callee->isInStdNamespace() && Call->getNumArgs() == 1 &&
          Callee->getIdentifier() &&
          llvm::is_contained(
              {"move", "forward", "ref", "cref", "as_const", "addressof"},
              Callee->getName())) {
        E = Call->getArg(0);
        continue;
      }
      // A call returning a reference or pointer: unknown object; returning
      // a value: a fresh temporary nobody else sees.
      QualType T = Call->getType();
      return (Call->isGLValue() || T->isPointerType()) ? UnknownObject
                                                       : nullptr;
    }
    if (isa<CXXTemporaryObjectExpr, CXXConstructExpr, CXXFunctionalCastExpr,
            IntegerLiteral, FloatingLiteral, StringLiteral, CharacterLiteral,
            CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, LambdaExpr, InitListExpr,
            CXXDefaultArgExpr>(E))
      return nullptr;
    return (E->isGLValue() || E->getType()->isPointerType()) ? UnknownObject
                                                             : nullptr;
  }
  return nullptr;
}

bool isPureCallee(const FunctionDecl *Callee) {
  if (!Callee)
    return false;
  // A constexpr function cannot touch static state; what it may modify
  // through its arguments is recorded as a call write.
  if (Callee->isConstexpr())
    return true;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
    if (Method->isTrivial())
      return true;
  return false;
}

/// True when binding an argument to \p Param lets the callee modify it.
bool mayModifyThrough(QualType Param) {
  if (Param.isNull() || Param->isDependentType())
    return true;
  if (const auto *Ref = Param->getAs<ReferenceType>())
    return !Ref->getPointeeType().isConstQualified() ||
           Param->isRValueReferenceType();
  if (const auto *Pointer = Param->getAs<PointerType>())
    return !Pointer->getPointeeType().isConstQualified();
  return false;
}

class AccessCollector : public RecursiveASTVisitor<AccessCollector> {
public:
  AccessCollector(AccessSummary &Out, const DeclContext *Function,
                  const FunctionDecl *Ignore)
      : Out(Out), Function(Function), Ignore(Ignore) {}

  bool shouldVisitImplicitCode() const { return true; }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const ValueDecl *D = Ref->getDecl();
    if (D->getIdentifier())
      Out.ReferencedNames.insert(D->getName());
    if (isa<VarDecl, BindingDecl>(D))
      Out.Reads.insert(D);
    return true;
  }
  bool VisitCXXThisExpr(CXXThisExpr *) {
    Out.Reads.insert(ThisObject);
    return true;
  }
  bool VisitVarDecl(VarDecl *Var) {
    Out.Declared.insert(Var);
    Out.DeclaredNames.insert(Var->getName());
    if (!Var->hasLocalStorage()) {
      // A static local is initialised once, a side effect visible later.
      Out.WritesNonLocal = true;
      noteImpure(Var->getName());
    }
    return true;
  }
  bool VisitBindingDecl(BindingDecl *Binding) {
    Out.Declared.insert(Binding);
    Out.DeclaredNames.insert(Binding->getName());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->isAssignmentOp())
      write(Op->getLHS(), Out.Writes);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Op) {
    if (Op->isIncrementDecrementOp())
      write(Op->getSubExpr(), Out.Writes);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee != Ignore && !isPureCallee(Callee))
      noteImpure(Callee ? Callee->getNameAsString() : "an indirect call");
    unsigned FirstArg = 0;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      if (const CXXMethodDecl *Method = Member->getMethodDecl();
          !Method || !Method->isConst())
        write(Member->getImplicitObjectArgument(), Out.CallWrites);
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee)) {
        FirstArg = 1;
        if (Op->isAssignmentOp())
          write(Call->getArg(0), Out.Writes);
        else if (!Method->isConst())
          write(Call->getArg(0), Out.CallWrites);
      }
    }
    if (!Callee) {
      for (const Expr *Arg : Call->arguments())
        write(Arg, Out.CallWrites);
      return true;
    }
    for (unsigned I = FirstArg; I < Call->getNumArgs(); ++I) {
      unsigned ParamIndex = I - FirstArg;
      QualType Param = ParamIndex < Callee->getNumParams()
                           ? Callee->getParamDecl(ParamIndex)->getType()
                           : QualType();
      if (Param.isNull() ? Callee->isVariadic() : mayModifyThrough(Param))
        if (!Param.isNull() || Call->getArg(I)->getType()->isPointerType())
          write(Call->getArg(I), Out.CallWrites);
    }
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor->isTrivial() && !Ctor->isConstexpr())
      noteImpure(Ctor->getParent()->getName());
    for (unsigned I = 0;
         I < Construct->getNumArgs() && I < Ctor->getNumParams(); ++I)
      if (mayModifyThrough(Ctor->getParamDecl(I)->getType()))
        write(Construct->getArg(I), Out.CallWrites);
    return true;
  }
  bool VisitCXXNewExpr(CXXNewExpr *) { return noteImpure("new"); }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *) { return noteImpure("delete"); }
  bool VisitCXXThrowExpr(CXXThrowExpr *) {
    Out.HasControlFlow = true;
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *) { return controlFlow(); }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *) {
    return controlFlow();
  }
  bool VisitCoyieldExpr(CoyieldExpr *) { return controlFlow(); }
  bool VisitCoreturnStmt(CoreturnStmt *) { return controlFlow(); }
  bool VisitReturnStmt(ReturnStmt *) { return controlFlow(); }
  bool VisitBreakStmt(BreakStmt *) { return controlFlow(); }
  bool VisitContinueStmt(ContinueStmt *) { return controlFlow(); }
  bool VisitGotoStmt(GotoStmt *) { return controlFlow(); }
  bool VisitAsmStmt(AsmStmt *) { return noteImpure("asm"); }

private:
  bool controlFlow() {
    Out.HasControlFlow = true;
    return true;
  }
  bool noteImpure(llvm::StringRef Name) {
    if (!Out.HasImpureCall)
      Out.FirstImpureCall = Name.str();
    Out.HasImpureCall = true;
    return true;
  }
  void write(const Expr *Target, ObjectSet &Into) {
    bool Indirect = false;
    ObjectKey Key = rootObject(Target, Indirect);
    if (!Key)
      return;
    Into.insert(Key);
    if (Indirect || !isLocalObject(Key, Function))
      Out.WritesNonLocal = true;
  }

  AccessSummary &Out;
  const DeclContext *Function;
  const FunctionDecl *Ignore;
};

} // namespace

AccessSummary summarizeAccesses(const Stmt *S, const DeclContext *Function,
                                const FunctionDecl *Ignore) {
  AccessSummary Summary;
  if (!isa<Expr, DeclStmt, NullStmt>(S))
    Summary.HasControlFlow = true;
  AccessCollector Collector(Summary, Function, Ignore);
  Collector.TraverseStmt(const_cast<Stmt *>(S));
  return Summary;
}

bool isReferenceLike(QualType T) {
  if (T.isNull() || T->isDependentType())
    return true;
  if (T->isReferenceType() || T->isPointerType() || T->isMemberPointerType())
    return true;
  if (const CXXRecordDecl *Record = T->getAsCXXRecordDecl()) {
    const NamedDecl *Named = Record;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
      Named = Spec->getSpecializedTemplate();
    std::string Name = qualifiedName(Named);
    return llvm::is_contained({"std::basic_string_view", "std::span",
                               "std::initializer_list",
                               "std::reference_wrapper", "std::function_ref"},
                              Name);
  }
  return false;
}

bool keepsReferences(const FunctionDecl *Callee) {
  if (Callee->isVariadic())
    return true;
  for (const ParmVarDecl *Param : Callee->parameters())
    if (isReferenceLike(Param->getType()))
      return true;
  return false;
}

} // namespace clang::tidy::async::analysis
