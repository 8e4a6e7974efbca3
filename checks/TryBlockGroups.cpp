//===--- TryBlockGroups.cpp - awaitlint -------------------------*- C++ -*-===//
//
// async-sequential-await, awaits in separate try blocks:
//
//   try { a = co_await f(); } catch (...) { a = -1; }
//   try { b = co_await g(); log_b(b); } catch (...) { b = -1; }
// becomes
//   auto [a_settled, b_settled] = co_await when_all_settled(f(), g());
//   try { a = std::move(a_settled).get(); } catch (...) { a = -1; }
//   try { b = std::move(b_settled).get(); log_b(b); } catch (...) { b = -1; }
//
// Each handler still sees exactly its own await's exception. What moves is
// the start of g() (before f's handler and the rest of f's try block ran),
// so that code may only compute locally, must not write what a later call
// reads, and only the last try statement may leave the block.
//
//===----------------------------------------------------------------------===//

#include "SequentialAwaitCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async {

using analysis::AccessSummary;
using analysis::AwaitSite;
using analysis::AwaitStatement;

namespace {

struct GuardedAwait {
  const CXXTryStmt *Try = nullptr;
  const AwaitSite *Site = nullptr;
  /// The handlers and the rest of the try block: code that runs after the
  /// await finished, and so after the later calls started.
  AccessSummary After;
  bool AfterLeaves = false;
};

std::optional<GuardedAwait> asGuarded(analysis::AwaitAnalysis &Awaits,
                                      const Stmt *S) {
  const auto *Try = dyn_cast<CXXTryStmt>(S);
  if (!Try)
    return std::nullopt;
  const CompoundStmt *Body = Try->getTryBlock();
  if (!Body || Body->body_empty())
    return std::nullopt;
  // The await comes first: code before it would run after the call started.
  std::optional<AwaitStatement> Shape =
      analysis::matchAwaitStatement(Body->body_front());
  if (!Shape)
    return std::nullopt;
  const auto *Site = std::get_if<AwaitSite>(&Awaits.site(*Shape));
  if (!Site || Site->AwaitsTaskObject)
    return std::nullopt;
  GuardedAwait Guarded;
  Guarded.Try = Try;
  Guarded.Site = Site;
  auto AddAfter = [&](const Stmt *Code) {
    AccessSummary Summary = Awaits.summarize(Code);
    // Code that touches anything but locals could observe the new order.
    if (analysis::containsSuspensionPoint(Code) || Summary.hasUnknownCall() ||
        Summary.WritesNonLocal)
      return false;
    Guarded.After.merge(Summary);
    Guarded.AfterLeaves |= analysis::mayLeave(Code);
    return true;
  };
  for (const Stmt *Rest : llvm::drop_begin(Body->body()))
    if (!AddAfter(Rest))
      return std::nullopt;
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
    if (!AddAfter(Try->getHandler(I)->getHandlerBlock()))
      return std::nullopt;
  return Guarded;
}

bool guardedDepends(analysis::AwaitAnalysis &Awaits,
                    llvm::ArrayRef<GuardedAwait> Run,
                    const GuardedAwait &Next) {
  // Only the last may leave: the sequential code would not start the next
  // call after an earlier handler returned or rethrew.
  if (Run.back().AfterLeaves)
    return true;
  for (const GuardedAwait &Earlier : Run) {
    if (Awaits.dependence(*Earlier.Site, *Next.Site))
      return true;
    // The earlier handlers now run after the later call started.
    if (Awaits.conflict(Earlier.After, *Next.Site))
      return true;
  }
  return false;
}

} // namespace

void SequentialAwaitCheck::groupTryBlocks(CoroutineUnderAnalysis &C,
                                          const CompoundStmt *Block) {
  const SourceManager &SM = C.Context.getSourceManager();
  const LangOptions &LangOpts = C.Context.getLangOpts();
  std::vector<GuardedAwait> Run;
  auto Report = [&] {
    const AwaitSite &First = *Run.front().Site;
    SourceLocation Loc = First.Shape.Await->getBeginLoc();
    // Without a settled combinator the handlers cannot keep their meaning:
    // leave the try blocks alone.
    std::optional<analysis::SettledCombiner> With =
        Opts.settledCombinerFor(First.Task.Library);
    if (!With || !firstReport(Loc))
      return;
    std::vector<const AwaitSite *> Members;
    Members.reserve(Run.size());
    for (const GuardedAwait &Guarded : Run)
      Members.push_back(Guarded.Site);
    std::optional<std::string> Change = C.Awaits.behaviourChange(Members);
    if (!Change)
      for (const AwaitSite *Site : Members)
        if (Site->Callee && !analysis::throwsOnlyThroughItsTask(Site->Callee)) {
          Change = Site->calleeName() +
                   " may throw before it returns its task, which would no "
                   "longer be caught by its try block";
          break;
        }
    if (!Change)
      for (const GuardedAwait &Guarded : Run)
        if (Guarded.After.Logs) {
          Change = std::string("a handler or the code after an await logs, "
                               "and its lines may come out in another order");
          break;
        }
    Fix Fixes = [&]() -> Fix {
      SourceLocation Start = Run.front().Try->getBeginLoc();
      if (Start.isMacroID())
        return std::string("the try blocks come from a macro expansion");
      if (std::optional<std::string> Problem =
              fixProblem(C, Members, With->Function))
        return *Problem;
      analysis::CodeStyle Style = analysis::CodeStyle::at(Start, SM);
      Edits Made;
      std::vector<std::string> Names;
      std::string Operands;
      for (const AwaitSite *Site : Members) {
        const AwaitStatement &Shape = Site->Shape;
        CharSourceRange AwaitRange =
            CharSourceRange::getTokenRange(Shape.Await->getSourceRange());
        std::optional<std::string> Operand =
            analysis::operandText(Shape.Operand, SM, LangOpts);
        if (!Operand || AwaitRange.getBegin().isMacroID() ||
            AwaitRange.getEnd().isMacroID() ||
            SM.getFileID(AwaitRange.getBegin()) != SM.getFileID(Start))
          return std::string("the awaits come from a macro expansion");
        const VarDecl *Named = Shape.Declared ? Shape.Declared : Shape.Assigned;
        Names.push_back(
            C.Facts.freshName(Named && Named->getIdentifier()
                                  ? Named->getName().str() + "_settled"
                              : Site->Callee && Site->Callee->getIdentifier()
                                  ? Site->Callee->getName().str() + "_settled"
                                  : std::string("settled")));
        Operands += (Operands.empty() ? "" : ", ") + *Operand;
        Made.Hints.push_back(FixItHint::CreateReplacement(
            AwaitRange,
            "std::move(" + Names.back() + ")." + With->ValueMethod + "()"));
      }
      std::string Declaration = "auto [" + llvm::join(Names, ", ") +
                                "] = co_await " + With->Function + "(" +
                                Operands + ");" +
                                analysis::statementBreak(Start, SM, Style);
      Made.Hints.insert(Made.Hints.begin(),
                        FixItHint::CreateInsertion(Start, Declaration));
      FileID File = SM.getFileID(Start);
      includeUnlessDeclared(Made, C.Context, File, With->Function,
                            With->Header);
      includeUnlessDeclared(Made, C.Context, File, "std::move", "<utility>");
      return Made;
    }();
    std::string Warning =
        std::to_string(Members.size()) +
        " independent co_await expressions in separate try blocks run one "
        "after another; start them together with " +
        With->DisplayName;
    reportFinding(Loc, Warning, Fixes, Change,
                  With->DisplayName +
                      " starts every call at once, while the "
                      "sequential awaits start a call only after the "
                      "previous one finished",
                  Members);
  };
  auto Flush = [&] {
    if (Run.size() >= 2)
      Report();
    Run.clear();
  };
  for (const Stmt *S : Block->body()) {
    std::optional<GuardedAwait> Guarded = asGuarded(C.Awaits, S);
    if (!Guarded) {
      Flush();
      continue;
    }
    if (!Run.empty() && guardedDepends(C.Awaits, Run, *Guarded))
      Flush();
    Run.push_back(std::move(*Guarded));
  }
  Flush();
}

} // namespace clang::tidy::async
