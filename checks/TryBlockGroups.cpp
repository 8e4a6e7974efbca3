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
#include <variant>

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

/// A try block whose first statement awaits, or why it is not one that
/// may join a group (empty when it is no try block around an await).
using GuardedOrWhy = std::variant<GuardedAwait, std::string>;

GuardedOrWhy asGuarded(analysis::AwaitAnalysis &Awaits, const Stmt *S) {
  const auto *Try = dyn_cast<CXXTryStmt>(S);
  if (!Try)
    return std::string();
  const CompoundStmt *Body = Try->getTryBlock();
  if (!Body || Body->body_empty())
    return std::string();
  // The await comes first: code before it would run after the call started.
  std::optional<AwaitStatement> Shape =
      analysis::matchAwaitStatement(Body->body_front());
  if (!Shape)
    return std::string();
  const auto &Made = Awaits.site(*Shape);
  const auto *Site = std::get_if<AwaitSite>(&Made);
  if (!Site)
    return std::get<std::string>(Made);
  if (Site->AwaitsTaskObject)
    return std::string("it awaits a task object started earlier");
  GuardedAwait Guarded;
  Guarded.Try = Try;
  Guarded.Site = Site;
  auto AddAfter = [&](const Stmt *Code) -> std::optional<std::string> {
    AccessSummary Summary = Awaits.summarize(Code);
    // Code that touches anything but locals could observe the new order.
    if (analysis::containsSuspensionPoint(Code))
      return std::string("code after its await or in a handler suspends");
    if (Summary.hasUnknownCall())
      return std::string("code after its await or in a handler calls a "
                         "function of unknown effect");
    if (Summary.WritesNonLocal)
      return std::string("code after its await or in a handler writes "
                         "beyond the coroutine's locals");
    Guarded.After.merge(Summary);
    Guarded.AfterLeaves |= analysis::mayLeave(Code);
    return std::nullopt;
  };
  for (const Stmt *Rest : llvm::drop_begin(Body->body()))
    if (std::optional<std::string> Why = AddAfter(Rest))
      return *Why;
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
    if (std::optional<std::string> Why =
            AddAfter(Try->getHandler(I)->getHandlerBlock()))
      return *Why;
  return Guarded;
}

std::optional<std::string> guardedDepends(analysis::AwaitAnalysis &Awaits,
                                          llvm::ArrayRef<GuardedAwait> Run,
                                          const GuardedAwait &Next) {
  // Only the last may leave: the sequential code would not start the next
  // call after an earlier handler returned or rethrew.
  if (Run.back().AfterLeaves)
    return std::string("the try block before it may leave the coroutine");
  for (const GuardedAwait &Earlier : Run) {
    if (std::optional<std::string> Why =
            Awaits.dependence(*Earlier.Site, *Next.Site))
      return Why;
    // The earlier handlers now run after the later call started.
    if (std::optional<std::string> Why =
            Awaits.conflict(Earlier.After, *Next.Site))
      return "an earlier handler or the code after its await: " + *Why;
  }
  return std::nullopt;
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
    if (!firstReport(Loc))
      return;
    std::vector<const AwaitSite *> Members;
    Members.reserve(Run.size());
    for (const GuardedAwait &Guarded : Run)
      Members.push_back(Guarded.Site);
    std::string Warning =
        std::to_string(Members.size()) +
        " independent co_await expressions in separate try blocks run one "
        "after another; start them together ";
    std::optional<analysis::SettledCombiner> With =
        Opts.settledCombinerFor(First.Task.Library);
    bool StartAll = !With && First.Task.Start == analysis::StartPolicy::Eager;
    if (!With && !StartAll) {
      // Lazy tasks start only when awaited: without a combinator that keeps
      // each outcome apart, nothing rewrites this mechanically (and so no
      // fix needs to say what it could change).
      Fix None =
          "no settled combinator is known for '" + First.Task.Name + "'" +
          (First.Task.Start == analysis::StartPolicy::Lazy
               ? " (its tasks are lazy: they start only when awaited)"
               : " (and it is not known whether its tasks start when called)") +
          "; set the WhenAllSettledFunction and SettledValueMethod options";
      reportFinding(Loc, Warning + "with a settled combinator", None,
                    std::nullopt, "", Members);
      return;
    }
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
    if (StartAll) {
      // Eager tasks started before the first try block, each awaited in its
      // own: every handler still sees exactly its own await's exception.
      Fix Fixes = buildStartAllFix(C, Members, Run.front().Try);
      reportFinding(Loc, Warning + "by starting each before awaiting the first",
                    Fixes, Change,
                    "the fix starts every task before the first try block, "
                    "while the sequential awaits start a call only after the "
                    "previous one finished",
                    Members);
      return;
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
    reportFinding(Loc, Warning + "with " + With->DisplayName, Fixes, Change,
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
    GuardedOrWhy Made = asGuarded(C.Awaits, S);
    auto *Guarded = std::get_if<GuardedAwait>(&Made);
    if (!Guarded) {
      const std::string &Why = std::get<std::string>(Made);
      if (explaining() && !Why.empty())
        explain(S->getBeginLoc(), "try block not grouped with others: " + Why);
      Flush();
      continue;
    }
    if (!Run.empty())
      if (std::optional<std::string> Why =
              guardedDepends(C.Awaits, Run, *Guarded)) {
        if (explaining())
          explain(S->getBeginLoc(), "try block starts a new group: " + *Why);
        Flush();
      }
    Run.push_back(std::move(*Guarded));
  }
  Flush();
}

} // namespace clang::tidy::async
