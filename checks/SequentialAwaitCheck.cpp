//===--- SequentialAwaitCheck.cpp - awaitlint -------------------*- C++ -*-===//
//
// Groups consecutive await statements of one block that do not depend on
// one another (analysis/Dependence.h decides), and awaits side by side in
// one expression, and proposes one combined await (when_all).
//
// A statement between two grouped awaits must be a local computation: it is
// hoisted before the combined await. Labels, and statements that may leave,
// suspend or touch anything outside the coroutine, end a group.
//
//===----------------------------------------------------------------------===//

#include "SequentialAwaitCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

using analysis::AccessSummary;
using analysis::AwaitSite;
using analysis::AwaitStatement;
using analysis::AwaitStatementKind;
using analysis::ObjectSet;

namespace {

/// `if (!user) co_return;`, `if (r.is_error()) { log(r); co_return; }`: an
/// if without else whose branch ends the coroutine after local code,
/// awaiting nothing but, with \p Answers, an answer to the event
/// (`co_await event.co_send("not found"); co_return;`). Its pieces: the
/// condition, the code before the return (of an answer, its operand) and
/// the return's operand; the answers' calls, in \p AnswerCalls.
std::optional<llvm::SmallVector<const Stmt *, 4>>
returnGuardPieces(const Stmt *S, const analysis::NameList &Answers,
                  llvm::SmallVectorImpl<const CallExpr *> &AnswerCalls) {
  const auto *If = dyn_cast<IfStmt>(S);
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable() ||
      If->isConsteval() || analysis::containsSuspensionPoint(If->getCond()))
    return std::nullopt;
  llvm::SmallVector<const Stmt *, 4> Pieces = {If->getCond()};
  const Stmt *Last = If->getThen();
  if (const auto *Block = dyn_cast<CompoundStmt>(Last)) {
    if (Block->body_empty())
      return std::nullopt;
    for (const Stmt *Inner : Block->body()) {
      if (Inner == Block->body_back())
        break;
      if (analysis::mayLeave(Inner))
        return std::nullopt;
      if (analysis::containsSuspensionPoint(Inner)) {
        // The handler answers the event, then ends: whether a read started
        // before the guard ran changes nothing it does.
        std::optional<AwaitStatement> Shape =
            analysis::matchAwaitStatement(Inner);
        if (!Shape || Shape->Kind != AwaitStatementKind::Discarded)
          return std::nullopt;
        const auto *Await = dyn_cast_or_null<CoawaitExpr>(Shape->Await);
        if (!Await)
          return std::nullopt;
        const auto *Call = dyn_cast<CallExpr>(analysis::awaitOperand(Await));
        const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
        if (!Callee || !Answers.matches(Callee) ||
            analysis::containsSuspensionPoint(Call))
          return std::nullopt;
        AnswerCalls.push_back(Call);
        Pieces.push_back(Call);
        continue;
      }
      Pieces.push_back(Inner);
    }
    Last = Block->body_back();
  }
  const Expr *Value = nullptr;
  if (const auto *Return = dyn_cast<CoreturnStmt>(Last))
    Value = Return->getOperand();
  else if (const auto *Return = dyn_cast<ReturnStmt>(Last))
    Value = Return->getRetValue();
  else
    return std::nullopt;
  if (Value) {
    if (analysis::containsSuspensionPoint(Value))
      return std::nullopt;
    Pieces.push_back(Value);
  }
  return Pieces;
}

bool isStdTuple(QualType T) {
  const auto *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && analysis::qualifiedName(Record) == "std::tuple";
}

/// Source text between two locations of one file.
std::string textBetween(SourceLocation From, SourceLocation To,
                        const SourceManager &SM, const LangOptions &LangOpts) {
  return Lexer::getSourceText(CharSourceRange::getCharRange(From, To), SM,
                              LangOpts)
      .str();
}

/// A declaration's written type is the awaited type itself (or auto), so
/// a structured binding may stand for it.
bool bindsDirectly(const VarDecl *Var, QualType Result,
                   const analysis::CoroutineFacts &Facts) {
  // A returned binding is copied, not moved: only cheap for trivially
  // copyable values.
  if (Var->getInitStyle() != VarDecl::CInit || Var->hasAttrs() ||
      isa<DecompositionDecl>(Var) ||
      (Facts.isReturned(Var) &&
       !Var->getType().isTriviallyCopyableType(Var->getASTContext())))
    return false;
  QualType Declared = Var->getType();
  if (Declared->isReferenceType()) {
    // `const T &x = co_await f();` binds a temporary: a const binding
    // behaves alike; a non-const lvalue reference cannot bind at all.
    if (Declared->isLValueReferenceType() &&
        !Declared.getNonReferenceType().isConstQualified())
      return false;
    Declared = Declared.getNonReferenceType();
  }
  if (Declared.isVolatileQualified())
    return false;
  return Declared.getUnqualifiedType().getCanonicalType() ==
         Result.getNonReferenceType().getUnqualifiedType().getCanonicalType();
}

/// How the combinator reports a failure, for the notes.
std::string failureTiming(const std::optional<analysis::Combiner> &With) {
  return With && !With->FailsFast
             ? " and reports a failure after all of them finished"
             : " and fails fast";
}

bool declaredConst(const VarDecl *Var) {
  return Var->getType().getNonReferenceType().isConstQualified();
}

} // namespace

SequentialAwaitCheck::SequentialAwaitCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : AsyncCheck(Name, Context) {}

void SequentialAwaitCheck::registerMoreMatchers(MatchFinder *Finder) {
  Finder->addMatcher(usingDirectiveDecl().bind("using"), this);
}

void SequentialAwaitCheck::checkOther(const MatchFinder::MatchResult &Result) {
  if (const auto *Directive =
          Result.Nodes.getNodeAs<UsingDirectiveDecl>("using"))
    if (const NamespaceDecl *Nominated = Directive->getNominatedNamespace())
      UsingDirectives.push_back({analysis::qualifiedName(Nominated),
                                 Directive->getDeclContext(),
                                 Directive->getLocation()});
}

void SequentialAwaitCheck::checkCoroutine(CoroutineUnderAnalysis &C) {
  analysis::forEachBlock(C.Body, [&](const CompoundStmt *Block) {
    groupStatements(C, Block);
    for (const Stmt *S : Block->body())
      groupExpression(C, S);
    groupTryBlocks(C, Block);
  });
  if (Opts.ReportUnknownTaskTypes)
    noteTaskTypes(C);
}

// --- Consecutive await statements
// ---------------------------------------------

/// The range of a statement that moves as a whole: an expression or
/// declaration with its ';', or a statement ending in a block's '}'.
static CharSourceRange movableRange(const Stmt *S, const SourceManager &SM,
                                    const LangOptions &LangOpts) {
  if (isa<Expr, DeclStmt>(S))
    return analysis::statementRange(S, SM, LangOpts);
  SourceLocation Begin = S->getBeginLoc(), End = S->getEndLoc();
  if (Begin.isInvalid() || End.isInvalid() || Begin.isMacroID() ||
      End.isMacroID() || !SM.isWrittenInSameFile(Begin, End))
    return {};
  bool Invalid = false;
  const char *Last = SM.getCharacterData(End, &Invalid);
  if (Invalid || *Last != '}')
    return {};
  return CharSourceRange::getTokenRange(Begin, End);
}

void SequentialAwaitCheck::groupStatements(CoroutineUnderAnalysis &C,
                                           const CompoundStmt *Block) {
  analysis::AwaitAnalysis &Awaits = C.Awaits;
  const SourceManager &SM = C.Context.getSourceManager();
  const LangOptions &LangOpts = C.Context.getLangOpts();
  // Code between grouped awaits is hoisted before the combined await when
  // it needs no result of theirs; otherwise, and for code that only logs,
  // it moves after it (where every result is there), in its order.
  struct Between {
    const Stmt *Statement;
    AccessSummary Summary;
    bool Deferred;
    size_t MembersBefore; // members of the group before this statement
  };
  std::vector<const AwaitSite *> Members;
  std::vector<Between> Code;
  std::deque<AwaitSite> Nested;    // sites of leading nested awaits
  bool Conditional = false;        // a member runs under an if
  const Stmt *GuardedBy = nullptr; // a guard that returns, between members
  auto Flush = [&] {
    if (Members.size() >= 2) {
      std::vector<const Stmt *> Deferred;
      const Stmt *Throwing = nullptr;
      for (const Between &B : Code) {
        if (B.Deferred)
          Deferred.push_back(B.Statement);
        if (!Throwing && B.Summary.Throws && B.MembersBefore < Members.size())
          Throwing = B.Statement;
      }
      reportGroup(C, Members, Deferred, Conditional, Throwing, GuardedBy);
    }
    Members.clear();
    Code.clear();
    Conditional = false;
    GuardedBy = nullptr;
  };
  auto DependsOnGroup =
      [&](const AwaitSite &Next) -> std::optional<std::string> {
    for (const AwaitSite *Member : Members)
      if (auto Why = Awaits.dependence(*Member, Next))
        return Why;
    // Code after an earlier member now runs after (deferred) or before
    // (hoisted) the later call starts, which must not see its effects.
    for (const Between &B : Code)
      if (auto Why = Awaits.conflict(B.Summary, Next))
        return Why;
    return std::nullopt;
  };
  auto Touches = [](const AccessSummary &A, const AccessSummary &B) {
    ObjectSet Changed = A.modified();
    Changed.insert_range(A.Declared);
    return analysis::intersects(Changed, B.touched());
  };
  // Code that must keep its order with code already moved after the group.
  auto TouchesDeferred = [&](const AccessSummary &S) {
    return llvm::any_of(Code, [&](const Between &B) {
      return B.Deferred && (Touches(B.Summary, S) || Touches(S, B.Summary));
    });
  };
  for (const Stmt *S : Block->body()) {
    // A jump target: code may enter here without running the awaits above.
    if (isa<SwitchCase, LabelStmt>(S)) {
      Flush();
      continue;
    }
    bool UnderIf = false;
    std::optional<AwaitStatement> Shape =
        analysis::matchCandidateAwait(S, Opts.ConditionalAwaits, UnderIf);
    // `if (c) co_await f();`: its condition runs where the group starts
    // when it is not the first member, so it must be code that could move
    // there.
    const IfStmt *Guard = UnderIf ? cast<IfStmt>(S) : nullptr;
    if (Guard && !Members.empty()) {
      const Expr *Condition = Guard->getCond();
      AccessSummary Checked = Awaits.summarize(Condition);
      std::optional<std::string> Why =
          analysis::containsSuspensionPoint(Condition)
              ? std::optional<std::string>("its condition suspends")
              : Awaits.immovable(Checked);
      for (const AwaitSite *Member : Members)
        if (!Why)
          Why = Awaits.conflict(Checked, *Member);
      if (!Why && TouchesDeferred(Checked))
        Why = std::string("its condition uses code moved after the group");
      if (Why) {
        if (explaining())
          explain(S->getBeginLoc(), "ends the group: the condition of the "
                                    "await under it: " +
                                        *Why);
        Flush();
      }
    }
    if (Shape) {
      const auto &Made = Awaits.site(*Shape);
      const auto *Site = std::get_if<AwaitSite>(&Made);
      // `co_await Dao(co_await open()).get(k)`: the await evaluated first
      // may join the group, as its last member (the rest of the statement
      // waits for it).
      if (!Site && !Guard && !Members.empty()) {
        if (const AwaitSite *Leading = leadingNestedSite(C, *Shape, Nested)) {
          if (auto Why = DependsOnGroup(*Leading)) {
            if (explaining())
              explain(Leading->Shape.Await->getBeginLoc(),
                      "not grouped: " + *Why);
          } else {
            Members.push_back(Leading);
          }
        }
      }
      if (!Site) {
        if (explaining())
          explain(Shape->Await->getBeginLoc(),
                  "not grouped: " + std::get<std::string>(Made));
        Flush();
        continue;
      }
      std::optional<std::string> Why;
      if (!Members.empty())
        Why = DependsOnGroup(*Site);
      if (Members.empty() || Why) {
        if (Why && explaining())
          explain(Site->Shape.Await->getBeginLoc(),
                  "starts a new group: " + *Why);
        Flush();
        Members.push_back(Site);
        Conditional = Guard != nullptr;
        continue;
      }
      // Past a guard that returns, the call would also run when the guard
      // returns: only a call that only reads may start before it.
      if (GuardedBy && !onlyReads(*Site)) {
        if (explaining())
          explain(Site->Shape.Await->getBeginLoc(),
                  "starts a new group: a guard that returns lies before it, "
                  "and " +
                      Site->calleeName() + " may do more than read");
        Flush();
        Members.push_back(Site);
        Conditional = Guard != nullptr;
        continue;
      }
      Members.push_back(Site);
      Conditional |= Guard != nullptr;
      continue;
    }
    if (Members.empty())
      continue;
    // Only local computations may sit between grouped awaits: anything else
    // could observe the new order.
    AccessSummary Summary = Awaits.summarize(S);
    std::optional<std::string> Why;
    if (analysis::containsSuspensionPoint(S) || analysis::mayLeave(S)) {
      Why = "code between them may leave or suspend";
      // `if (!user) co_return;`: the group goes on, reported without a
      // fix-it, if every later member only reads.
      llvm::SmallVector<const CallExpr *, 2> Answers;
      if (std::optional<llvm::SmallVector<const Stmt *, 4>> Pieces =
              Opts.GuardedReads
                  ? returnGuardPieces(S, Opts.Acknowledgements, Answers)
                  : std::nullopt) {
        // An answer acts on what it is handed (a reply on its event) by its
        // name, also when its body is elsewhere: a later member touching
        // what it may modify still depends on it.
        AccessSummary Guarding;
        for (const Stmt *Piece : *Pieces)
          Guarding.merge(Effects.summarize(Piece, C.Facts.function(), Answers));
        // (Nothing moves: a group with a guard gets no fix-it, so the guard
        // may use what code before it computed from a result.)
        std::optional<std::string> Stuck = Awaits.immovable(Guarding);
        if (!Stuck) {
          if (explaining())
            explain(S->getBeginLoc(),
                    "a guard that returns: the group may go on past it with "
                    "calls that only read (no fix-it)");
          if (!GuardedBy)
            GuardedBy = S;
          Code.push_back({S, std::move(Guarding), false, Members.size()});
          continue;
        }
        Why =
            "code between them may leave: a guard that returns, and " + *Stuck;
      }
    } else {
      Why = Awaits.immovable(Summary);
    }
    if (Why) {
      if (explaining())
        explain(S->getBeginLoc(), "ends the group: " + *Why);
      Flush();
      continue;
    }
    bool Defer =
        Summary.Logs && Summary.Declared.empty() && Summary.modified().empty();
    for (const AwaitSite *Member : Members)
      Defer |= Awaits.conflict(Summary, *Member).has_value();
    // Keep the order with code already moved after.
    Defer |= TouchesDeferred(Summary);
    if (Defer && !GuardedBy && movableRange(S, SM, LangOpts).isInvalid()) {
      if (explaining())
        explain(S->getBeginLoc(),
                "ends the group: code between them uses a result and cannot "
                "be moved after the combined await");
      Flush();
      continue;
    }
    Code.push_back({S, std::move(Summary), Defer, Members.size()});
  }
  Flush();
}

const AwaitSite *
SequentialAwaitCheck::leadingNestedSite(CoroutineUnderAnalysis &C,
                                        const AwaitStatement &Outer,
                                        std::deque<AwaitSite> &Storage) {
  std::optional<AwaitStatement> Shape = analysis::leadingNestedAwait(Outer);
  if (!Shape)
    return nullptr;
  std::optional<AwaitSite> Site = nestedSite(C, *Shape);
  return Site ? &Storage.emplace_back(std::move(*Site)) : nullptr;
}

std::optional<AwaitSite>
SequentialAwaitCheck::nestedSite(CoroutineUnderAnalysis &C,
                                 const AwaitStatement &Shape) {
  const auto *Site = std::get_if<AwaitSite>(&C.Awaits.site(Shape));
  if (!Site)
    return std::nullopt;
  AwaitSite Used = *Site;
  Used.ResultUsed = !Shape.ResultType->isVoidType();
  return Used;
}

bool SequentialAwaitCheck::onlyReads(const analysis::AwaitSite &Site) const {
  if (!Site.Callee || !Site.Operand.CallWrites.empty() ||
      Site.Operand.WritesNonLocal || Site.Operand.AwaitsBarrier ||
      Opts.StateChanging.matches(Site.Callee))
    return false;
  return Opts.SideEffectFree.matches(Site.Callee) ||
         (Site.Kind == analysis::CalleeKind::Summarised && Site.CalleeHarmless);
}

void SequentialAwaitCheck::reportGroup(CoroutineUnderAnalysis &C, Sites Members,
                                       llvm::ArrayRef<const Stmt *> Deferred,
                                       bool Conditional, const Stmt *Throwing,
                                       const Stmt *Guard) {
  const AwaitSite &First = *Members.front();
  SourceLocation Loc = First.Shape.Await->getBeginLoc();
  if (!firstReport(Loc))
    return;
  std::optional<analysis::Combiner> With = Opts.combinerFor(First.Task.Library);
  bool StartAll = !With && First.Task.Start == analysis::StartPolicy::Eager;
  bool LastIsNested = Members.back()->Shape.FeedsEnclosingAwait;
  const SourceManager &SM = C.Context.getSourceManager();
  Fix Fixes =
      Guard
          ? Fix("a guard at line " +
                std::to_string(SM.getPresumedLineNumber(Guard->getBeginLoc())) +
                " returns between them; started together, the later calls "
                "also run when it returns, and as they only read, nothing "
                "else changes: start them before the first await if that is "
                "worth it")
      : Conditional
          ? Fix(std::string("one of them runs only under its if; start each "
                            "task under its condition, then await them"))
      : LastIsNested
          ? Fix(std::string("the last one is nested in the operand of another "
                            "co_await; give it a statement of its own first"))
      : StartAll ? buildStartAllFix(C, Members)
                 : buildGroupFix(C, Members, With, Deferred);
  std::optional<std::string> Change = C.Awaits.behaviourChange(Members);
  // The fix moves code between the calls before or after all of them: if
  // it throws, a different set of the calls has run.
  if (Throwing) {
    std::string Throws =
        "the code between them at line " +
        std::to_string(C.Context.getSourceManager().getPresumedLineNumber(
            Throwing->getBeginLoc())) +
        " may throw, and which of the calls have run when it does changes";
    Change = Change ? *Change + ", and " + Throws : Throws;
  }
  if (StartAll && !Change)
    Change = "the task type '" + First.Task.Name +
             "' has no when_all, so if one co_await throws, the tasks "
             "started after it run on unobserved";
  std::string Using = With ? With->DisplayName : "a when_all combinator";
  std::string Warning =
      std::to_string(Members.size()) +
      " independent co_await expressions run one after another; start them "
      "together " +
      (StartAll ? std::string("by starting each before awaiting the first")
                : "with " + Using);
  std::string ChangeNote =
      (StartAll ? "the fix starts every task before awaiting the first"
                : Using + " starts every call at once" + failureTiming(With)) +
      std::string(", while the sequential awaits start a call only after the "
                  "previous one succeeded");
  reportFinding(Loc, Warning, Fixes, Change, ChangeNote, Members);
}

void SequentialAwaitCheck::reportFinding(
    SourceLocation Loc, const std::string &Warning, Fix &Fixes,
    const std::optional<std::string> &Change, const std::string &ChangeNote,
    Sites Members) {
  Finding F;
  F.Loc = Loc;
  F.Message = Warning;
  if (auto *Made = std::get_if<Edits>(&Fixes)) {
    F.Fix = std::move(*Made);
    if (Change)
      F.FixNote = ChangeNote + ", and " + *Change;
  } else {
    F.NoFix = std::get<std::string>(Fixes);
  }
  for (size_t I = 0; I < Members.size(); ++I)
    F.Notes.emplace_back(Members[I]->Shape.Await->getBeginLoc(),
                         "independent co_await " + std::to_string(I + 1) +
                             " of " + std::to_string(Members.size()));
  report(std::move(F));
}

std::optional<std::string>
SequentialAwaitCheck::fixProblem(CoroutineUnderAnalysis &C, Sites Members,
                                 llvm::StringRef Function,
                                 bool NeedsCoAwaitOperator) const {
  for (const AwaitSite *Site : Members) {
    if (std::optional<std::string> Problem = analysis::bareAwaiterProblem(
            Function, "tasks (operands with an operator co_await)",
            NeedsCoAwaitOperator, Site->Shape.Operand->getType(),
            C.Context.getPrintingPolicy()))
      return Problem;
    if (C.Pattern &&
        dependsOnTemplate(C.Pattern, Site->Shape.Await->getBeginLoc()))
      return std::string("the awaited type depends on a template parameter");
    // awl's combinators copy each value (other code may hold the input
    // promise too): a move-only result cannot go through them.
    if (Function.starts_with("awl::") &&
        analysis::isMoveOnly(Site->Shape.ResultType))
      return "'" + Function.str() + "' copies each value, and '" +
             Site->Shape.ResultType.getAsString(C.Context.getPrintingPolicy()) +
             "' cannot be copied";
  }
  return std::nullopt;
}

std::variant<analysis::AwaitForRendering, std::string>
SequentialAwaitCheck::renderingOf(CoroutineUnderAnalysis &C,
                                  const AwaitSite &Site) {
  const SourceManager &SM = C.Context.getSourceManager();
  const LangOptions &LangOpts = C.Context.getLangOpts();
  const AwaitStatement &Shape = Site.Shape;
  analysis::AwaitForRendering Out;
  Out.Kind = Shape.Kind;
  std::optional<std::string> Operand =
      analysis::operandText(Shape.Operand, SM, LangOpts);
  if (!Operand)
    return std::string("the awaits come from a macro expansion");
  Out.Operand = *Operand;
  Out.ResultIsVoid = Shape.ResultType->isVoidType();
  Out.ResultIsTuple = isStdTuple(Shape.ResultType);
  Out.TriviallyCopyable = Shape.ResultType.isTriviallyCopyableType(C.Context);
  if (Site.Callee && Site.Callee->getIdentifier())
    Out.OperationName = Site.Callee->getName().str();
  if (const VarDecl *Var = Shape.Declared) {
    QualType T = Var->getType();
    if (Var->getInitStyle() != VarDecl::CInit ||
        (T->isLValueReferenceType() &&
         !T.getNonReferenceType().isConstQualified()))
      return std::string(
          "a declaration cannot take its value from a combined await");
    Out.Name = Var->getName().str();
    Out.DeclarationPrefix =
        textBetween(Shape.Statement->getBeginLoc(), Shape.Await->getBeginLoc(),
                    SM, LangOpts);
    Out.BindsDirectly = Shape.Kind == AwaitStatementKind::Declaration &&
                        bindsDirectly(Var, Shape.ResultType, C.Facts);
    Out.IsConst = declaredConst(Var);
  }
  if (Shape.Target) {
    CharSourceRange Range =
        CharSourceRange::getTokenRange(Shape.Target->getSourceRange());
    if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
      return std::string("the awaits come from a macro expansion");
    Out.Name = Lexer::getSourceText(Range, SM, LangOpts).str();
  }
  return Out;
}

/// A using-directive for \p Namespace in a block of \p Body, before \p Loc
/// and in scope there. (The matcher sees such a directive only after the
/// coroutine it sits in, so UsingDirectives does not hold it yet.)
static bool hasBlockUsingDirective(const Stmt *Body, llvm::StringRef Namespace,
                                   SourceLocation Loc,
                                   const SourceManager &SM) {
  bool Found = false;
  analysis::forEachBlock(Body, [&](const CompoundStmt *Block) {
    if (Found ||
        !SM.isPointWithin(Loc, Block->getLBracLoc(), Block->getRBracLoc()))
      return;
    for (const Stmt *S : Block->body())
      if (const auto *Declaration = dyn_cast<DeclStmt>(S))
        for (const Decl *D : Declaration->decls())
          if (const auto *Directive = dyn_cast<UsingDirectiveDecl>(D);
              Directive && Directive->getNominatedNamespace() &&
              analysis::qualifiedName(Directive->getNominatedNamespace()) ==
                  Namespace &&
              SM.isBeforeInTranslationUnit(Directive->getLocation(), Loc))
            Found = true;
  });
  return Found;
}

void SequentialAwaitCheck::addUsingDirective(CoroutineUnderAnalysis &C,
                                             Edits &Fixes,
                                             const analysis::Combiner &With,
                                             SourceLocation Loc,
                                             std::string &StatementPrefix) {
  if (With.UsingNamespace.empty())
    return;
  const SourceManager &SM = C.Context.getSourceManager();
  for (const UsingDirective &Directive : UsingDirectives) {
    if (Directive.Namespace != With.UsingNamespace ||
        !SM.isBeforeInTranslationUnit(Directive.Loc, Loc))
      continue;
    for (const DeclContext *DC = C.Function; DC; DC = DC->getLexicalParent())
      if (DC == Directive.Context)
        return;
  }
  if (hasBlockUsingDirective(C.Body, With.UsingNamespace, Loc, SM))
    return;
  std::string Directive = "using namespace " + With.UsingNamespace + ";";
  analysis::CodeStyle Style = analysis::CodeStyle::at(Loc, SM);
  FileID File = SM.getFileID(Loc);
  // In a header the directive would reach every includer: keep it in the
  // function. In the main file it goes once after the last #include.
  if (File == SM.getMainFileID()) {
    llvm::StringRef Buffer = SM.getBufferData(File);
    size_t Limit = SM.getFileOffset(C.Function->getBeginLoc());
    size_t After = llvm::StringRef::npos, Pos = 0;
    while (Pos < Limit) {
      size_t LineEnd = Buffer.find('\n', Pos);
      if (LineEnd == llvm::StringRef::npos)
        break;
      if (Buffer.substr(Pos, LineEnd - Pos).ltrim().starts_with("#include"))
        After = LineEnd + 1;
      Pos = LineEnd + 1;
    }
    if (After != llvm::StringRef::npos && After <= Limit) {
      FileEdit Insert;
      Insert.File = File;
      Insert.InsertAt = SM.getLocForStartOfFile(File).getLocWithOffset(
          static_cast<int>(After));
      Insert.Text = Style.Newline + Directive + Style.Newline;
      Fixes.Needs.push_back(std::move(Insert));
      return;
    }
  }
  StatementPrefix = Directive + analysis::statementBreak(Loc, SM, Style);
}

/// Moves the statements that only log after \p After, in their order.
static bool moveAfter(llvm::ArrayRef<const Stmt *> Deferred, std::string &After,
                      std::vector<FixItHint> &Fixes, const std::string &Break,
                      const SourceManager &SM, const LangOptions &LangOpts) {
  for (const Stmt *S : Deferred) {
    CharSourceRange Range = movableRange(S, SM, LangOpts);
    if (Range.isInvalid())
      return false;
    After += Break + Lexer::getSourceText(Range, SM, LangOpts).str();
    Fixes.push_back(FixItHint::CreateRemoval(analysis::wholeLines(Range, SM)));
  }
  return true;
}

SequentialAwaitCheck::Fix SequentialAwaitCheck::buildGroupFix(
    CoroutineUnderAnalysis &C, Sites Members,
    const std::optional<analysis::Combiner> &With,
    llvm::ArrayRef<const Stmt *> Deferred) {
  const SourceManager &SM = C.Context.getSourceManager();
  const LangOptions &LangOpts = C.Context.getLangOpts();
  if (!With)
    return "no when_all is known for '" + Members.front()->Task.Name +
           "'; set the WhenAllFunction option";
  if (std::optional<std::string> Problem =
          fixProblem(C, Members, With->Function, With->NeedsCoAwaitOperator))
    return *Problem;
  std::vector<analysis::AwaitForRendering> Awaits;
  std::vector<CharSourceRange> Ranges;
  for (const AwaitSite *Site : Members) {
    if (Site->AwaitsTaskObject)
      return std::string("it awaits existing task objects; start them with "
                         "a combined await by hand");
    CharSourceRange Range =
        analysis::statementRange(Site->Shape.Statement, SM, LangOpts);
    if (Range.isInvalid() || Site->Shape.Await->getBeginLoc().isMacroID() ||
        (!Ranges.empty() &&
         SM.getFileID(Range.getBegin()) != SM.getFileID(Ranges[0].getBegin())))
      return std::string("the awaits come from a macro expansion");
    Ranges.push_back(Range);
    auto Rendering = renderingOf(C, *Site);
    if (auto *Why = std::get_if<std::string>(&Rendering))
      return *Why;
    Awaits.push_back(std::get<analysis::AwaitForRendering>(Rendering));
  }
  SourceLocation LastLoc = Members.back()->Shape.Statement->getBeginLoc();
  analysis::CodeStyle Style = analysis::CodeStyle::at(LastLoc, SM);
  std::optional<analysis::RenderedAwait> Rendered =
      analysis::renderCombinedAwait(
          Awaits, *With, analysis::statementBreak(LastLoc, SM, Style),
          [&](llvm::StringRef Base) { return C.Facts.freshName(Base); });
  if (!Rendered)
    return std::string("the results do not fit one combined await");

  Edits Fixes;
  std::string Prefix;
  addUsingDirective(C, Fixes, *With, LastLoc, Prefix);
  for (size_t I = 0; I + 1 < Ranges.size(); ++I)
    Fixes.Hints.push_back(
        FixItHint::CreateRemoval(analysis::wholeLines(Ranges[I], SM)));
  std::string After;
  if (!moveAfter(Deferred, After, Fixes.Hints,
                 analysis::statementBreak(LastLoc, SM, Style), SM, LangOpts))
    return std::string("the code between the awaits comes from a macro "
                       "expansion");
  Fixes.Hints.push_back(FixItHint::CreateReplacement(
      Ranges.back(), Prefix + Rendered->Text + After));
  FileID File = SM.getFileID(Ranges[0].getBegin());
  llvm::StringRef Provided = With->Form == analysis::Combiner::Style::AsioAnd
                                 ? llvm::StringRef(With->UsingNamespace)
                                 : llvm::StringRef(With->Function);
  includeUnlessDeclared(Fixes, C.Context, File, Provided, With->Header);
  if (Rendered->UsesStdTie)
    includeUnlessDeclared(Fixes, C.Context, File, "std::tie", "<tuple>");
  if (Rendered->UsesStdMove)
    includeUnlessDeclared(Fixes, C.Context, File, "std::move", "<utility>");
  return Fixes;
}

/// The fix for eager tasks with no combinator: call every operand first,
/// keeping each task in a variable, then await them where they were.
SequentialAwaitCheck::Fix
SequentialAwaitCheck::buildStartAllFix(CoroutineUnderAnalysis &C, Sites Members,
                                       const Stmt *StartBefore) {
  const SourceManager &SM = C.Context.getSourceManager();
  const LangOptions &LangOpts = C.Context.getLangOpts();
  if (std::optional<std::string> Problem = fixProblem(C, Members, ""))
    return *Problem;
  const Stmt *First =
      StartBefore ? StartBefore : Members.front()->Shape.Statement;
  if (First->getBeginLoc().isMacroID())
    return std::string("the statements come from a macro expansion");
  analysis::CodeStyle Style = analysis::CodeStyle::at(First->getBeginLoc(), SM);
  std::string Break = analysis::statementBreak(First->getBeginLoc(), SM, Style);
  std::string Started;
  Edits Fixes;
  for (const AwaitSite *Site : Members) {
    const AwaitStatement &Shape = Site->Shape;
    if (Site->AwaitsTaskObject)
      return std::string("it awaits existing task objects");
    if (!Site->Callee || analysis::keepsReferences(Site->Callee))
      return std::string("a task started early could outlive or observe "
                         "changes to an argument it refers to");
    CharSourceRange OperandRange =
        CharSourceRange::getTokenRange(Shape.Operand->getSourceRange());
    std::optional<std::string> Operand =
        analysis::operandText(Shape.Operand, SM, LangOpts);
    if (!Operand || OperandRange.getBegin().isMacroID() ||
        OperandRange.getEnd().isMacroID() ||
        SM.getFileID(OperandRange.getBegin()) !=
            SM.getFileID(First->getBeginLoc()))
      return std::string("the awaits come from a macro expansion");
    const VarDecl *Named = Shape.Declared ? Shape.Declared : Shape.Assigned;
    std::string Name = C.Facts.freshName(
        Named && Named->getIdentifier()
            ? Named->getName().str() + "_task"
            : analysis::nameForOperation(Site->Callee->getName(), "task"));
    Started += "auto " + Name + " = ";
    Started += *Operand;
    Started += ";" + Break;
    Fixes.Hints.push_back(
        FixItHint::CreateReplacement(OperandRange, "std::move(" + Name + ")"));
  }
  Fixes.Hints.insert(Fixes.Hints.begin(),
                     FixItHint::CreateInsertion(First->getBeginLoc(), Started));
  includeUnlessDeclared(Fixes, C.Context, SM.getFileID(First->getBeginLoc()),
                        "std::move", "<utility>");
  return Fixes;
}

// --- Awaits side by side in one expression -----------------------------------
//
//   int total = co_await fetch_a() + co_await fetch_b();
// becomes
//   auto [a, b] = co_await awl::when_all(fetch_a(), fetch_b());
//   int total = a + b;
// The operands of + and of a call are unsequenced: starting them together
// changes no order the program relied on. Awaits behind &&, || or ?: run
// only on some paths and are left alone.

namespace {
class SideBySideAwaits : public analysis::OwnCodeVisitor {
public:
  llvm::SmallVector<const Expr *, 4> Awaits;
  bool Conditional = false;

  bool TraverseBinaryOperator(const BinaryOperator *Op) override {
    if (!Op->isLogicalOp())
      return ConstDynamicRecursiveASTVisitor::TraverseBinaryOperator(Op);
    TraverseStmt(Op->getLHS());
    return guarded(Op->getRHS());
  }
  bool TraverseConditionalOperator(const ConditionalOperator *Op) override {
    TraverseStmt(Op->getCond());
    guarded(Op->getTrueExpr());
    return guarded(Op->getFalseExpr());
  }
  bool VisitCoawaitExpr(const CoawaitExpr *E) override {
    if (!E->isImplicit())
      Awaits.push_back(E);
    return true;
  }
  bool VisitDependentCoawaitExpr(const DependentCoawaitExpr *E) override {
    Awaits.push_back(E);
    return true;
  }
  bool VisitCoyieldExpr(const CoyieldExpr *) override {
    Conditional = true; // a yield between them orders them
    return true;
  }

private:
  bool guarded(const Expr *E) {
    Conditional |= analysis::containsSuspensionPoint(E);
    return true;
  }
};
} // namespace

void SequentialAwaitCheck::groupExpression(CoroutineUnderAnalysis &C,
                                           const Stmt *S) {
  // The statement shapes grouped as statements are not expressions here.
  if (!isa<Expr, DeclStmt, ReturnStmt, CoreturnStmt>(S))
    return;
  SideBySideAwaits Finder;
  Finder.TraverseStmt(S);
  if (Finder.Awaits.size() < 2 || Finder.Conditional)
    return;
  std::vector<AwaitSite> Owned;
  Owned.reserve(Finder.Awaits.size());
  for (const Expr *Await : Finder.Awaits) {
    AwaitStatement Shape = analysis::nestedAwaitShape(Await);
    std::optional<AwaitSite> Site = nestedSite(C, Shape);
    // An await nested in another's operand is ordered by it.
    if (!Site || analysis::containsSuspensionPoint(Shape.Operand))
      return;
    Owned.push_back(std::move(*Site));
  }
  std::vector<const AwaitSite *> Members;
  for (const AwaitSite &Site : Owned) {
    for (const AwaitSite *Earlier : Members)
      if (C.Awaits.dependence(*Earlier, Site))
        return;
    Members.push_back(&Site);
  }
  SourceLocation Loc = Members.front()->Shape.Await->getBeginLoc();
  if (!firstReport(Loc))
    return;
  const AwaitSite &First = *Members.front();
  std::optional<analysis::Combiner> With = Opts.combinerFor(First.Task.Library);
  std::string Using = With ? With->DisplayName : "a when_all combinator";

  // The fix: bind every result first, then use the names in the expression.
  const SourceManager &SM = C.Context.getSourceManager();
  const LangOptions &LangOpts = C.Context.getLangOpts();
  Fix Fixes = [&]() -> Fix {
    if (!With)
      return "no when_all is known for '" + First.Task.Name +
             "'; set the WhenAllFunction option";
    if (std::optional<std::string> Problem =
            fixProblem(C, Members, With->Function, With->NeedsCoAwaitOperator))
      return *Problem;
    if (S->getBeginLoc().isMacroID())
      return std::string("the expression comes from a macro expansion");
    std::vector<analysis::AwaitForRendering> Awaits;
    Edits Fixes;
    for (const AwaitSite *Site : Members) {
      auto Rendering = renderingOf(C, *Site);
      if (auto *Why = std::get_if<std::string>(&Rendering))
        return *Why;
      auto &A = std::get<analysis::AwaitForRendering>(Rendering);
      CharSourceRange AwaitRange =
          CharSourceRange::getTokenRange(Site->Shape.Await->getSourceRange());
      if (AwaitRange.getBegin().isMacroID() || AwaitRange.getEnd().isMacroID())
        return std::string("the awaits come from a macro expansion");
      if (A.ResultIsVoid)
        return std::string("a void await has no value to name");
      std::string Stem = analysis::nameForOperation(A.OperationName, "");
      Stem = llvm::StringRef(Stem).rtrim('_').str();
      if (Stem.empty() || Stem == A.OperationName)
        Stem = A.OperationName.empty() ? "value" : A.OperationName + "_result";
      A.Kind = AwaitStatementKind::Declaration;
      A.Name = C.Facts.freshName(Stem);
      A.DeclarationPrefix = "auto " + A.Name + " = ";
      A.BindsDirectly = true;
      A.IsConst = false;
      // The await was a prvalue: pass the named value on as an xvalue.
      Fixes.Hints.push_back(FixItHint::CreateReplacement(
          AwaitRange,
          A.TriviallyCopyable ? A.Name : "std::move(" + A.Name + ")"));
      Awaits.push_back(std::move(A));
    }
    analysis::CodeStyle Style = analysis::CodeStyle::at(S->getBeginLoc(), SM);
    std::string Break = analysis::statementBreak(S->getBeginLoc(), SM, Style);
    std::optional<analysis::RenderedAwait> Rendered =
        analysis::renderCombinedAwait(
            Awaits, *With, Break,
            [&](llvm::StringRef Base) { return C.Facts.freshName(Base); });
    if (!Rendered)
      return std::string("the results do not fit one combined await");
    std::string Prefix;
    addUsingDirective(C, Fixes, *With, S->getBeginLoc(), Prefix);
    Fixes.Hints.push_back(FixItHint::CreateInsertion(
        S->getBeginLoc(), Prefix + Rendered->Text + Break));
    FileID File = SM.getFileID(S->getBeginLoc());
    llvm::StringRef Provided = With->Form == analysis::Combiner::Style::AsioAnd
                                   ? llvm::StringRef(With->UsingNamespace)
                                   : llvm::StringRef(With->Function);
    includeUnlessDeclared(Fixes, C.Context, File, Provided, With->Header);
    bool Moves = llvm::any_of(Awaits, [](const analysis::AwaitForRendering &A) {
      return !A.TriviallyCopyable;
    });
    if (Moves || Rendered->UsesStdMove)
      includeUnlessDeclared(Fixes, C.Context, File, "std::move", "<utility>");
    (void)LangOpts;
    return Fixes;
  }();
  std::optional<std::string> Change = C.Awaits.behaviourChange(Members);
  std::string Warning =
      std::to_string(Members.size()) +
      " independent co_await expressions in one expression run one after "
      "another; start them together with " +
      Using;
  reportFinding(Loc, Warning, Fixes, Change,
                Using + " starts every call at once" + failureTiming(With) +
                    ", while the expression starts a call only after the "
                    "previous one succeeded",
                Members);
}

// --- Telling users what is not recognised
// --------------------------------------

void SequentialAwaitCheck::noteTaskTypes(CoroutineUnderAnalysis &C) {
  if (FirstCoroutine.isInvalid())
    FirstCoroutine = C.Function->getLocation();
  for (const Expr *Await : analysis::explicitAwaitsIn(C.Body)) {
    const Expr *Operand = analysis::awaitOperand(Await);
    if (Operand->isTypeDependent())
      continue;
    std::optional<analysis::TaskTypeInfo> Task =
        Classifier.classify(Operand->getType());
    if (Task && Task->Known) {
      SawKnownTask = true;
      return;
    }
    if (Task && UnknownTaskTypes.size() < 3 &&
        !llvm::is_contained(UnknownTaskTypes, Task->Name))
      UnknownTaskTypes.push_back(Task->Name);
  }
}

void SequentialAwaitCheck::onEndOfTranslationUnit() {
  AsyncCheck::onEndOfTranslationUnit();
  if (!Opts.ReportUnknownTaskTypes || SawKnownTask ||
      FirstCoroutine.isInvalid())
    return;
  std::string Names;
  for (const std::string &Name : UnknownTaskTypes)
    Names += (Names.empty() ? "'" : ", '") + Name + "'";
  diag(FirstCoroutine,
       "the coroutines here await no task type of a library the checks "
       "know%select{|; they await %1}0: name yours in the TaskTypes option "
       "and its combinator in WhenAllFunction")
      << !Names.empty() << Names;
}

} // namespace clang::tidy::async
