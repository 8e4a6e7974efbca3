//===--- Coroutine.cpp - awaitlint ------------------------------*- C++ -*-===//

#include "Coroutine.h"
#include "AwaitDiscovery.h"
#include "Effects.h"
#include "Frameworks.h"
#include "Options.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include <optional>

namespace clang::tidy::async::analysis {

namespace {

/// Names, uses and returned variables of a function (lambdas included: a
/// fresh name must not shadow what they use either).
class FactCollector : public ConstDynamicRecursiveASTVisitor {
public:
  llvm::StringSet<> &Names;
  llvm::DenseMap<const Decl *, unsigned> &Uses;
  llvm::SmallPtrSet<const VarDecl *, 8> &Returned;

  FactCollector(llvm::StringSet<> &Names,
                llvm::DenseMap<const Decl *, unsigned> &Uses,
                llvm::SmallPtrSet<const VarDecl *, 8> &Returned)
      : Names(Names), Uses(Uses), Returned(Returned) {}

  bool VisitNamedDecl(const NamedDecl *D) override {
    if (D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  bool VisitDeclRefExpr(const DeclRefExpr *Ref) override {
    const ValueDecl *D = Ref->getDecl();
    if (D->getIdentifier())
      Names.insert(D->getName());
    ++Uses[D];
    if (const auto *Binding = dyn_cast<BindingDecl>(D))
      if (const ValueDecl *Decomposed = Binding->getDecomposedDecl())
        ++Uses[Decomposed];
    return true;
  }
  bool VisitReturnStmt(const ReturnStmt *Return) override {
    noteReturned(Return->getRetValue());
    return true;
  }
  bool VisitCoreturnStmt(const CoreturnStmt *Return) override {
    noteReturned(Return->getOperand());
    return true;
  }

private:
  void noteReturned(const Expr *E) {
    if (!E)
      return;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        Returned.insert(Var);
  }
};

/// The outermost call \p S makes: the awaited call of an await statement,
/// or the call an expression statement or initializer is.
const CallExpr *leadingCall(const Stmt *S) {
  const Expr *E = nullptr;
  if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
    if (!Decls->isSingleDecl())
      return nullptr;
    const auto *Var = dyn_cast<VarDecl>(Decls->getSingleDecl());
    E = Var ? Var->getInit() : nullptr;
  } else {
    E = dyn_cast<Expr>(S);
  }
  if (!E)
    return nullptr;
  if (const Expr *Await = asExplicitAwait(E))
    E = awaitOperand(Await);
  return dyn_cast<CallExpr>(ignoreValueCarriers(E));
}

/// The objects a call acts on: its receiver and the objects its arguments
/// name.
ObjectSet objectsOf(const CallExpr *Call) {
  ObjectSet Objects;
  auto Add = [&](const Expr *E) {
    bool Indirect = false;
    ObjectKey Key = rootObject(E, Indirect);
    if (Key && Key != UnknownObject)
      Objects.insert(Key);
  };
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    Add(Member->getImplicitObjectArgument());
  for (const Expr *Arg : Call->arguments())
    Add(Arg);
  return Objects;
}

/// Finds a call of \p Closers acting on one of \p Objects (or on anything
/// when \p Objects is empty).
class CloserFinder : public OwnCodeVisitor {
public:
  CloserFinder(const NameList &Closers, const ObjectSet &Objects)
      : Closers(Closers), Objects(Objects) {}
  bool Found = false;
  bool VisitCallExpr(const CallExpr *Call) override {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Closers.matches(Callee))
      return true;
    Found = Objects.empty() || intersects(objectsOf(Call), Objects);
    return !Found;
  }

private:
  const NameList &Closers;
  const ObjectSet &Objects;
};

std::string typeName(QualType T) {
  const CXXRecordDecl *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record)
    return "";
  return qualifiedName(Record);
}

bool hasNonTrivialDestructor(QualType T) {
  const CXXRecordDecl *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && Record->hasDefinition() && !Record->hasTrivialDestructor();
}

} // namespace

CoroutineFacts::CoroutineFacts(const FunctionDecl *Function, const Stmt *Body,
                               const SharedOptions &Opts,
                               const SourceManager &SM)
    : Function(Function), Body(Body), SM(SM) {
  FactCollector Collector(Names, Uses, Returned);
  Collector.TraverseStmt(Body);
  if (Opts.Brackets)
    findRegions(Opts);
}

std::string CoroutineFacts::unusedName(llvm::StringRef Base) const {
  std::string Name = Base.str();
  for (unsigned Suffix = 2; Names.contains(Name); ++Suffix)
    Name = Base.str() + std::to_string(Suffix);
  return Name;
}

std::string CoroutineFacts::freshName(llvm::StringRef Base) {
  std::string Name = unusedName(Base);
  Names.insert(Name);
  return Name;
}

const OrderedRegion *CoroutineFacts::regionAt(SourceLocation Loc) const {
  for (const OrderedRegion &Region : Regions)
    if (!SM.isBeforeInTranslationUnit(Loc, Region.Begin) &&
        SM.isBeforeInTranslationUnit(Loc, Region.End))
      return &Region;
  return nullptr;
}

void CoroutineFacts::findRegions(const SharedOptions &Opts) {
  forEachBlock(Body, [&](const CompoundStmt *Block) {
    llvm::SmallVector<const Stmt *, 16> Children(Block->body());
    for (size_t I = 0; I < Children.size(); ++I) {
      const Stmt *S = Children[I];
      std::optional<std::string> Reason;
      bool UntilBlockEnd = false;
      ObjectSet Objects;
      if (const auto *Decls = dyn_cast<DeclStmt>(S);
          Decls && Decls->isSingleDecl()) {
        if (const auto *Var = dyn_cast<VarDecl>(Decls->getSingleDecl());
            Var && Var->getIdentifier()) {
          std::string Type = typeName(Var->getType());
          if (!Type.empty() && Opts.Guards.matches(Type)) {
            Reason = "the guard '" + Var->getName().str() + "' is held";
            UntilBlockEnd = true;
          } else if (Var->hasInit() && asExplicitAwait(Var->getInit()) &&
                     usesOf(Var) == 0 &&
                     hasNonTrivialDestructor(Var->getType())) {
            Reason = "'" + Var->getName().str() +
                     "' holds an awaited object until the end of the block";
            UntilBlockEnd = true;
          }
        }
      }
      // A primitive awaited on an object that a later call closes:
      // co_await sem.wait(1); ... sem.signal(1);
      bool NeedsCloser = false;
      if (!Reason)
        if (const CallExpr *Call = leadingCall(S))
          if (const FunctionDecl *Callee = Call->getDirectCallee()) {
            if (Opts.BracketOpen.matches(Callee)) {
              Reason = "'" + qualifiedName(Callee) + "' opens a section";
              Objects = objectsOf(Call);
            } else if (Opts.Barriers.matches(Callee) &&
                       isa<CXXMemberCallExpr>(Call)) {
              Reason = "'" + qualifiedName(Callee) + "' opens a section";
              Objects = objectsOf(Call);
              NeedsCloser = !Objects.empty();
            }
          }
      if (!Reason)
        continue;
      SourceLocation End = Block->getRBracLoc();
      bool Closed = false;
      if (!UntilBlockEnd)
        for (size_t J = I + 1; J < Children.size(); ++J) {
          CloserFinder Finder(Opts.BracketClose, Objects);
          Finder.TraverseStmt(Children[J]);
          if (Finder.Found) {
            End = Children[J]->getBeginLoc();
            Closed = true;
            break;
          }
        }
      if (NeedsCloser && !Closed)
        continue;
      SourceLocation Begin = S->getEndLoc();
      if (Begin.isValid() && End.isValid())
        Regions.push_back({Begin, End, std::move(*Reason)});
    }
  });
}

namespace {

/// The statements from \p From down to \p Target (both included), lambdas
/// left out.
bool findPath(const Stmt *From, const Stmt *Target,
              llvm::SmallVectorImpl<const Stmt *> &Path) {
  if (!From || isa<LambdaExpr>(From))
    return false;
  Path.push_back(From);
  if (From == Target)
    return true;
  for (const Stmt *Child : From->children())
    if (findPath(Child, Target, Path))
      return true;
  Path.pop_back();
  return false;
}

/// What a later statement does that matters to unreadAfter.
/// A lambda's own break, continue or goto stays in the lambda; its use of
/// the variable still counts (it may be called later).
struct LaterCode : OwnCodeVisitor {
  LaterCode() : OwnCodeVisitor(/*LambdaBodies=*/true) {}
  const VarDecl *Var = nullptr;
  bool Names = false;
  bool Jumps = false; // break, continue or goto
  bool VisitDeclRefExpr(const DeclRefExpr *Ref) override {
    Names |= Ref->getDecl() == Var;
    return true;
  }
  bool VisitBreakStmt(const BreakStmt *) override { return jump(); }
  bool VisitContinueStmt(const ContinueStmt *) override { return jump(); }
  bool VisitGotoStmt(const GotoStmt *) override { return jump(); }
  bool VisitIndirectGotoStmt(const IndirectGotoStmt *) override {
    return jump();
  }
  bool jump() {
    Jumps |= !insideLambda();
    return true;
  }
};

LaterCode scan(const Stmt *S, const VarDecl *Var) {
  LaterCode Code;
  Code.Var = Var;
  Code.TraverseStmt(S);
  return Code;
}

bool isLoop(const Stmt *S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

} // namespace

bool CoroutineFacts::unreadAfter(const Stmt *S, const VarDecl *Var) const {
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!Var || !findPath(Body, S, Path))
    return false;
  // An exception may reach a handler around S: it must not read Var.
  for (size_t I = 0; I + 1 < Path.size(); ++I)
    if (const auto *Try = dyn_cast<CXXTryStmt>(Path[I]);
        Try && Path[I + 1] == Try->getTryBlock())
      for (unsigned H = 0; H < Try->getNumHandlers(); ++H)
        if (scan(Try->getHandler(H), Var).Names)
          return false;
  size_t I = Path.size() - 1;
  while (I > 0) {
    const Stmt *Current = Path[I];
    const Stmt *Parent = Path[I - 1];
    if (isLoop(Parent))
      return false; // the loop may come back to code that reads it
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent)) {
      const auto *It = llvm::find(Block->body(), Current);
      std::optional<size_t> BreakTo;
      for (++It; It != Block->body_end() && !BreakTo; ++It) {
        const Stmt *Later = *It;
        if (isa<BreakStmt>(Later)) {
          // On after the innermost loop or switch around the block.
          for (size_t J = I - 1; J-- > 0;)
            if (isLoop(Path[J]) || isa<SwitchStmt>(Path[J])) {
              BreakTo = J;
              break;
            }
          if (!BreakTo)
            return false;
          continue;
        }
        LaterCode Code = scan(Later, Var);
        if (Code.Names || Code.Jumps)
          return false;
        if (isa<ReturnStmt, CoreturnStmt>(Later))
          return true;
        if (isa<CXXThrowExpr>(Later))
          return false;
      }
      if (BreakTo) {
        I = *BreakTo;
        continue;
      }
    }
    --I;
  }
  return true;
}

const CXXTryStmt *functionTryBlock(const Stmt *Body) {
  if (const auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = Coroutine->getBody();
  if (const auto *Try = dyn_cast_or_null<CXXTryStmt>(Body))
    return Try;
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  if (!Block || Block->getLBracLoc().isValid() || Block->size() != 1)
    return nullptr;
  return dyn_cast<CXXTryStmt>(Block->body_front());
}

} // namespace clang::tidy::async::analysis
