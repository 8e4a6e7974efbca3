//===--- AwaitLateCheck.cpp - awaitlint -------------------------*- C++ -*-===//

#include "AwaitLateCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::async {

using analysis::AwaitSite;
using analysis::AwaitStatement;

namespace {

/// True when \p S mentions \p Var (lambda bodies included).
bool mentions(const Stmt *S, const VarDecl *Var) {
  struct Finder : ConstDynamicRecursiveASTVisitor {
    const VarDecl *Var = nullptr;
    bool Found = false;
    bool VisitDeclRefExpr(const DeclRefExpr *Ref) override {
      Found |= Ref->getDecl() == Var;
      return !Found;
    }
  } F;
  F.Var = Var;
  F.TraverseStmt(S);
  return F.Found;
}

/// The awaits of a statement an await would move past, if every one of
/// them is a side-effect-free call (timers, locks and channels are placed
/// where they are on purpose).
std::optional<llvm::SmallVector<const CallExpr *, 4>>
crossableAwaits(const Stmt *S, const analysis::SharedOptions &Opts,
                analysis::EffectAnalysis &Effects) {
  llvm::SmallVector<const CallExpr *, 4> Calls;
  for (const Expr *Await : analysis::explicitAwaitsIn(S)) {
    if (!isa<CoawaitExpr>(Await))
      return std::nullopt;
    const auto *Call = dyn_cast<CallExpr>(analysis::awaitOperand(Await));
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || Opts.Barriers.matches(Callee))
      return std::nullopt;
    bool ReadsOnly =
        Opts.SideEffectFree.matches(Callee) ||
        (Effects.kindOf(Callee) == analysis::CalleeKind::Summarised &&
         Effects.effectsOf(Callee).isHarmless());
    if (!ReadsOnly)
      return std::nullopt;
    Calls.push_back(Call);
  }
  return Calls;
}

/// Yields and try blocks are not moved across.
bool hasYieldOrTry(const Stmt *S) {
  struct Finder : analysis::OwnCodeVisitor {
    bool Found = false;
    bool VisitCoyieldExpr(const CoyieldExpr *) override {
      return !(Found = true);
    }
    bool VisitCXXTryStmt(const CXXTryStmt *) override {
      return !(Found = true);
    }
  } F;
  F.TraverseStmt(S);
  return F.Found;
}

/// Whether async-sequential-await starts \p Site together with the next
/// await of the block instead (its fix then already overlaps them): the
/// next await follows after local computations only and is independent.
bool groupedWithNext(CoroutineUnderAnalysis &C, const AwaitSite &Site,
                     llvm::ArrayRef<const Stmt *> Rest) {
  for (const Stmt *S : Rest) {
    if (std::optional<AwaitStatement> Shape =
            analysis::matchAwaitStatement(S)) {
      const auto *Next = std::get_if<AwaitSite>(&C.Awaits.site(*Shape));
      return Next && !C.Awaits.dependence(Site, *Next);
    }
    if (isa<SwitchCase, LabelStmt>(S) || analysis::containsSuspensionPoint(S) ||
        analysis::mayLeave(S))
      return false;
    analysis::AccessSummary Between = C.Awaits.summarize(S);
    if (C.Awaits.immovable(Between) || C.Awaits.conflict(Between, Site))
      return false;
  }
  return false;
}

} // namespace

void AwaitLateCheck::checkCoroutine(CoroutineUnderAnalysis &C) {
  analysis::forEachBlock(
      C.Body, [&](const CompoundStmt *Block) { checkBlock(C, Block); });
}

void AwaitLateCheck::checkBlock(CoroutineUnderAnalysis &C,
                                const CompoundStmt *Block) {
  llvm::SmallVector<const Stmt *, 16> Body(Block->body());
  for (size_t I = 0; I < Body.size(); ++I) {
    std::optional<AwaitStatement> Shape =
        analysis::matchAwaitStatement(Body[I]);
    if (!Shape || Shape->Kind != analysis::AwaitStatementKind::Declaration)
      continue;
    const auto *Site = std::get_if<AwaitSite>(&C.Awaits.site(*Shape));
    if (!Site || Site->AwaitsTaskObject ||
        Site->Task.Start != analysis::StartPolicy::Eager ||
        groupedWithNext(C, *Site, llvm::ArrayRef(Body).drop_front(I + 1)))
      continue;
    const FunctionDecl *Callee = Site->Callee;
    // The task must own its inputs: the code in between may change or end
    // what a reference parameter refers to while the task runs.
    if (!Callee || !Opts.SideEffectFree.matches(Callee) ||
        analysis::keepsReferences(Callee) || Site->Operand.hasUnknownCall() ||
        !Site->ArgumentUnknownCall.empty() || !Site->Operand.CallWrites.empty())
      continue;
    unsigned Awaits = 0;
    size_t Use = I + 1;
    for (; Use < Body.size(); ++Use) {
      const Stmt *Next = Body[Use];
      if (isa<SwitchCase, LabelStmt>(Next) ||
          mentions(Next, Site->Shape.Declared) || analysis::mayLeave(Next) ||
          hasYieldOrTry(Next))
        break;
      auto Crossed = crossableAwaits(Next, Opts, Effects);
      if (!Crossed)
        break;
      analysis::AccessSummary Summary =
          Effects.summarize(Next, C.Function, *Crossed);
      // Output stays in its order relative to the awaited call's own.
      if (Summary.hasUnknownCall() || Summary.WritesNonLocal || Summary.Logs)
        break;
      Awaits += Crossed->size();
    }
    if (Awaits == 0 || Use == Body.size())
      continue;
    reportLate(C, *Site, Body[Use], Awaits);
  }
}

void AwaitLateCheck::reportLate(CoroutineUnderAnalysis &C,
                                const AwaitSite &Site, const Stmt *Before,
                                unsigned Awaits) {
  const SourceManager &SM = C.Context.getSourceManager();
  const LangOptions &LangOpts = C.Context.getLangOpts();
  const AwaitStatement &Shape = Site.Shape;
  SourceLocation Loc = Shape.Await->getBeginLoc();
  if (!firstReport(Loc))
    return;
  std::string CalleeName = analysis::qualifiedName(Site.Callee);
  Finding F;
  F.Loc = Loc;
  F.Message = "co_await of '" + CalleeName + "' waits before " +
              std::to_string(Awaits) + " later co_await expression" +
              (Awaits != 1 ? "s that do" : " that does") +
              " not need its result; start it here and await it when '" +
              Shape.Declared->getName().str() + "' is needed";
  CharSourceRange Statement =
      analysis::statementRange(Shape.Statement, SM, LangOpts);
  CharSourceRange OperandRange =
      CharSourceRange::getTokenRange(Shape.Operand->getSourceRange());
  std::optional<std::string> Operand =
      analysis::operandText(Shape.Operand, SM, LangOpts);
  SourceLocation InsertAt = Before->getBeginLoc();
  if (Statement.isInvalid() || !Operand ||
      OperandRange.getBegin().isMacroID() ||
      OperandRange.getEnd().isMacroID() || InsertAt.isMacroID()) {
    F.NoFix = "the code comes from a macro expansion";
    report(std::move(F));
    return;
  }
  if (C.Pattern && dependsOnTemplate(C.Pattern, Loc)) {
    F.NoFix = "the awaited type depends on a template parameter";
    report(std::move(F));
    return;
  }
  std::string Name =
      C.Facts.freshName(Shape.Declared->getName().str() + "_task");
  analysis::CodeStyle Style = analysis::CodeStyle::at(InsertAt, SM);
  // The declaration as written, awaiting the started task instead.
  auto Text = [&](SourceLocation From, SourceLocation To) {
    return Lexer::getSourceText(CharSourceRange::getCharRange(From, To), SM,
                                LangOpts)
        .str();
  };
  SourceLocation OperandEnd =
      Lexer::getLocForEndOfToken(Shape.Operand->getEndLoc(), 0, SM, LangOpts);
  std::string Moved = Text(Statement.getBegin(), Shape.Operand->getBeginLoc()) +
                      "std::move(" + Name + ")" +
                      Text(OperandEnd, Statement.getEnd()) + ";" +
                      analysis::statementBreak(InsertAt, SM, Style);
  Edits Fixes;
  Fixes.Hints.push_back(FixItHint::CreateReplacement(
      Statement, "auto " + Name + " = " + *Operand + ";"));
  Fixes.Hints.push_back(FixItHint::CreateInsertion(InsertAt, Moved));
  includeUnlessDeclared(Fixes, C.Context, SM.getFileID(InsertAt), "std::move",
                        "<utility>");
  F.Fix = std::move(Fixes);
  F.FixNote = "the code in between then runs while '" + CalleeName +
              "' is in flight; if that code throws, '" + CalleeName +
              "' is left running and a failure of it goes unobserved";
  report(std::move(F));
}

} // namespace clang::tidy::async
