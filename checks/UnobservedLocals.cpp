//===--- UnobservedLocals.cpp - awaitlint -----------------------*- C++ -*-===//
//
// async-unhandled-rejection, locals: a started promise or a task held in a
// local variable that some path leaves without observing.
//
//   auto user = fetch_user(id);   // started here
//   if (!valid) co_return -1;     // this path never looks at it again
//   co_await user;
//
// Any use of the variable counts as observing it (awaited, returned, moved,
// passed on, captured, a handler attached): only a path on which the
// variable is not mentioned at all, from its declaration to the end of the
// function (or to its own declaration again, in a loop), loses it. Paths
// come from clang's CFG, built only for functions that declare such a
// variable.
//
// Started early, lost late: two promises started before either is awaited,
// then awaited one after the other. If the first await throws, the
// coroutine leaves and the second promise's failure is never observed;
// under awl (as in Node) its rejection is reported even while the coroutine
// merely waits on the first.
//
//===----------------------------------------------------------------------===//

#include "UnhandledRejectionCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <deque>

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

/// The call that creates the value \p Init initialises a variable with (a
/// new task), or nullptr when the variable copies or refers to another
/// (`auto q = p;` shares p's promise).
const CallExpr *creatingCall(const Expr *Init) {
  const Expr *E = Init->IgnoreImplicit()->IgnoreParens();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1)
    E = Construct->getArg(0)->IgnoreImplicit()->IgnoreParens();
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return nullptr;
  // Function objects (lambdas) make tasks; other operators combine them.
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
      Operator && Operator->getOperator() != OO_Call)
    return nullptr;
  if (const FunctionDecl *Callee = Call->getDirectCallee();
      Callee && Callee->getReturnType()->isReferenceType())
    return nullptr;
  return Call;
}

/// Whether \p S mentions \p Var (lambdas and their captures included).
bool mentions(const Stmt *S, const VarDecl *Var) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Ref->getDecl() == Var;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable() && Capture.getCapturedVar() == Var)
        return true;
  }
  if (const auto *Opaque = dyn_cast<OpaqueValueExpr>(S))
    return mentions(Opaque->getSourceExpr(), Var);
  for (const Stmt *Child : S->children())
    if (mentions(Child, Var))
      return true;
  return false;
}

/// The variable a co_await in \p S awaits (`co_await p`,
/// `co_await std::move(p)`), for every co_await in S.
void awaitedVariables(
    const Stmt *S,
    llvm::SmallVectorImpl<std::pair<const VarDecl *, const CoawaitExpr *>>
        &Out) {
  if (!S)
    return;
  if (const auto *Await = dyn_cast<CoawaitExpr>(S))
    if (const VarDecl *Var = analysis::awaitedVariable(Await->getOperand()))
      Out.emplace_back(Var, Await);
  if (isa<LambdaExpr>(S))
    return; // another coroutine's awaits
  for (const Stmt *Child : S->children())
    awaitedVariables(Child, Out);
}

const Stmt *statementOf(const CFGElement &Element) {
  if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>())
    return S->getStmt();
  return nullptr;
}

/// Where a path that loses the variable goes.
struct LosingExit {
  enum class Kind : unsigned char {
    EndOfFunction,
    Return,
    Throw,
    Jump,
    NextIteration
  } How = Kind::EndOfFunction;
  SourceLocation Loc;
};

/// The result of following every path from a variable's declaration.
struct PathFacts {
  bool Lost = false;
  LosingExit Exit;
  /// Awaits of another started variable reached before this one is
  /// observed.
  llvm::SmallVector<std::pair<const VarDecl *, const CoawaitExpr *>, 2>
      AwaitsBefore;
};

/// Follows the CFG from the element declaring \p Var.
class PathWalker {
public:
  PathWalker(const CFG &Graph, const VarDecl *Var) : Graph(Graph), Var(Var) {}

  PathFacts walk() {
    PathFacts Facts;
    const CFGBlock *DeclBlock = nullptr;
    unsigned DeclIndex = 0;
    for (const CFGBlock *Block : Graph) {
      for (unsigned I = 0; I < Block->size(); ++I) {
        const auto *Decl = dyn_cast_or_null<DeclStmt>(statementOf((*Block)[I]));
        if (Decl && llvm::is_contained(Decl->decls(), Var)) {
          DeclBlock = Block;
          DeclIndex = I;
          break;
        }
      }
      if (DeclBlock)
        break;
    }
    if (!DeclBlock)
      return Facts; // not in the graph (unreachable code): say nothing
    // Blocks entered from their first element; the parent of each, to
    // describe the losing exit.
    llvm::DenseMap<const CFGBlock *, const CFGBlock *> Parent;
    std::deque<const CFGBlock *> Work;
    auto Enter = [&](const CFGBlock *From, const CFGBlock *To) {
      if (!To || Parent.count(To))
        return;
      Parent[To] = From;
      Work.push_back(To);
    };
    if (!scan(*DeclBlock, DeclIndex + 1, Facts) &&
        !mentions(DeclBlock->getTerminatorCondition(), Var)) {
      for (const CFGBlock *Next : DeclBlock->succs())
        Enter(DeclBlock, Next);
    }
    while (!Work.empty() && !Facts.Lost) {
      const CFGBlock *Block = Work.front();
      Work.pop_front();
      if (Block == &Graph.getExit()) {
        Facts.Lost = true;
        Facts.Exit = describeExit(Parent.lookup(Block));
        if (Facts.Exit.How == LosingExit::Kind::EndOfFunction)
          if (const Stmt *Jump = jumpOnPath(Parent, Parent.lookup(Block))) {
            Facts.Exit.How = LosingExit::Kind::Jump;
            Facts.Exit.Loc = Jump->getBeginLoc();
          }
        break;
      }
      if (Block == DeclBlock) {
        // Back at the declaration before a use: the next iteration
        // replaces the variable.
        if (!scan(*Block, 0, Facts, DeclIndex)) {
          Facts.Lost = true;
          Facts.Exit.How = LosingExit::Kind::NextIteration;
          Facts.Exit.Loc = loopOf(Parent.lookup(Block));
          if (const Stmt *Jump = jumpOnPath(Parent, Parent.lookup(Block))) {
            Facts.Exit.How = LosingExit::Kind::Jump;
            Facts.Exit.Loc = Jump->getBeginLoc();
          }
        }
        continue;
      }
      if (scan(*Block, 0, Facts))
        continue; // observed here
      // A loop's or branch's condition (not the whole statement).
      if (mentions(Block->getTerminatorCondition(), Var))
        continue;
      for (const CFGBlock *Next : Block->succs())
        Enter(Block, Next);
    }
    return Facts;
  }

private:
  /// Scans \p Block from \p From up to \p To (exclusive): true when an
  /// element mentions the variable. Awaits of other variables seen before
  /// are recorded.
  bool scan(const CFGBlock &Block, unsigned From, PathFacts &Facts,
            unsigned To = ~0U) const {
    for (unsigned I = From; I < Block.size() && I < To; ++I) {
      const Stmt *S = statementOf(Block[I]);
      if (!S)
        continue;
      if (mentions(S, Var))
        return true;
      llvm::SmallVector<std::pair<const VarDecl *, const CoawaitExpr *>, 2>
          Awaited;
      awaitedVariables(S, Awaited);
      for (const auto &Item : Awaited)
        if (Item.first != Var && !llvm::is_contained(Facts.AwaitsBefore, Item))
          Facts.AwaitsBefore.push_back(Item);
    }
    return false;
  }

  /// The statement that leads from \p Last to the exit.
  static LosingExit describeExit(const CFGBlock *Last) {
    LosingExit Exit;
    if (!Last)
      return Exit;
    for (auto It = Last->rbegin(); It != Last->rend(); ++It) {
      const Stmt *S = statementOf(*It);
      if (!S)
        continue;
      if (isa<ReturnStmt, CoreturnStmt>(S)) {
        Exit.How = LosingExit::Kind::Return;
        Exit.Loc = S->getBeginLoc();
      } else if (isa<CXXThrowExpr>(S)) {
        Exit.How = LosingExit::Kind::Throw;
        Exit.Loc = S->getBeginLoc();
      }
      break;
    }
    if (const Stmt *Terminator = Last->getTerminatorStmt();
        Terminator && isa<CXXThrowExpr>(Terminator)) {
      Exit.How = LosingExit::Kind::Throw;
      Exit.Loc = Terminator->getBeginLoc();
    }
    return Exit;
  }

  /// The last break, continue or goto on the path that ends in \p Last.
  static const Stmt *
  jumpOnPath(const llvm::DenseMap<const CFGBlock *, const CFGBlock *> &Parent,
             const CFGBlock *Last) {
    llvm::SmallPtrSet<const CFGBlock *, 16> Seen;
    for (const CFGBlock *Block = Last; Block && Seen.insert(Block).second;
         Block = Parent.lookup(Block))
      if (const Stmt *Terminator = Block->getTerminatorStmt();
          Terminator && isa<BreakStmt, ContinueStmt, GotoStmt>(Terminator))
        return Terminator;
    return nullptr;
  }

  static SourceLocation loopOf(const CFGBlock *Back) {
    if (!Back)
      return {};
    if (const Stmt *Loop = Back->getLoopTarget())
      return Loop->getBeginLoc();
    if (const Stmt *Terminator = Back->getTerminatorStmt())
      return Terminator->getBeginLoc();
    return {};
  }

  const CFG &Graph;
  const VarDecl *Var;
};

/// Whether \p S is inside the try block of a try statement (of the same
/// function: the walk stops at a lambda or a function).
bool insideTryBlock(const Stmt *S, ASTContext &Context) {
  DynTypedNode Node = DynTypedNode::create(*S);
  while (true) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty())
      return false;
    const DynTypedNode &Parent = Parents[0];
    if ((Parent.get<Decl>() && !Parent.get<VarDecl>()) ||
        Parent.get<LambdaExpr>())
      return false;
    if (const auto *Try = Parent.get<CXXTryStmt>())
      return Node.get<Stmt>() == Try->getTryBlock();
    Node = Parent;
  }
}

/// The statement of a compound statement that holds \p S.
const Stmt *statementIn(const Stmt *S, ASTContext &Context,
                        const CompoundStmt *&Block) {
  DynTypedNode Node = DynTypedNode::create(*S);
  while (true) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty() ||
        (Parents[0].get<Decl>() && !Parents[0].get<VarDecl>()))
      return nullptr;
    if (const auto *Compound = Parents[0].get<CompoundStmt>()) {
      Block = Compound;
      return Node.get<Stmt>();
    }
    Node = Parents[0];
  }
}

/// "line 12"
std::string lineOf(const SourceManager &SM, SourceLocation Loc) {
  return "line " + std::to_string(SM.getExpansionLineNumber(Loc));
}

} // namespace

const CFG *UnhandledRejectionCheck::graphOf(const FunctionDecl *Function,
                                            ASTContext &Context) {
  auto [It, Inserted] = Graphs.try_emplace(Function);
  if (!Inserted)
    return It->second.get();
  const Stmt *Body = Function->getBody();
  if (const auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = Coroutine->getBody();
  if (!Body)
    return nullptr;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = false;
  Options.AddLifetime = false;
  It->second =
      CFG::buildCFG(Function, const_cast<Stmt *>(Body), &Context, Options);
  return It->second.get();
}

void UnhandledRejectionCheck::checkLocal(const VarDecl *Var,
                                         const FunctionDecl *In,
                                         ASTContext &Context) {
  if (Var->getType()->isReferenceType() || Var->isStaticLocal() ||
      Var->getLocation().isMacroID() || Var->getType()->isDependentType())
    return;
  const CallExpr *Creating = creatingCall(Var->getInit());
  if (!Creating || Creating->isTypeDependent())
    return;
  std::optional<analysis::TaskTypeInfo> Task =
      Classifier.classify(Var->getType());
  if (!Task || Task->Start == analysis::StartPolicy::Unknown ||
      FireAndForget.matches(Task->Name))
    return;
  if (const FunctionDecl *Callee = Creating->getDirectCallee();
      Callee && AllowedCalls.matches(Callee))
    return;
  const CFG *Graph = graphOf(In, Context);
  if (!Graph)
    return;
  PathFacts Facts = PathWalker(*Graph, Var).walk();
  const SourceManager &SM = Context.getSourceManager();
  const bool Lazy = Task->Start == analysis::StartPolicy::Lazy;
  const std::string Name = "'" + Var->getNameAsString() + "'";

  if (Facts.Lost) {
    const Stmt *Body = In->getBody();
    const bool NeverUsed = Body && !mentions(Body, Var);
    // A lazy task left on some paths only never ran there: nothing failed
    // unseen (`auto work = job(); if (wanted) co_await work;`). A generator
    // read on some paths is a stream whose reads decide how much of it runs:
    // one left unread after the last read (a reader loop that ends when its
    // socket closes) is torn down, not lost (Boost.Cobalt cancels it).
    if ((Lazy || analysis::yieldsValues(Task->Record)) && !NeverUsed)
      return;
    // `try { auto t = make(); FAIL(); } catch (...) {}`: the test is about
    // the call throwing before any promise exists.
    if (NeverUsed && ExpectedToThrow.contains(Var))
      return;
    if (isSuppressedAt(Var->getBeginLoc()) || !firstReport(Var->getLocation()))
      return;
    Finding F;
    F.Loc = Var->getLocation();
    if (NeverUsed)
      F.Message = Lazy ? "the task in " + Name +
                             " is never awaited or passed on: it never starts"
                       : "the promise in " + Name +
                             " is never awaited or passed on: if it rejects, "
                             "no code observes the exception";
    else
      F.Message = "the promise in " + Name +
                  " is not awaited or passed on along every path: if it "
                  "rejects there, no code observes the exception";
    if (!NeverUsed) {
      std::string Where;
      SourceLocation At = Facts.Exit.Loc;
      switch (Facts.Exit.How) {
      case LosingExit::Kind::Return:
        Where = "this return leaves " + Name + " unobserved";
        break;
      case LosingExit::Kind::Throw:
        Where = "this throw leaves " + Name + " unobserved";
        break;
      case LosingExit::Kind::Jump:
        Where = "the path through this jump leaves " + Name + " unobserved";
        break;
      case LosingExit::Kind::NextIteration:
        Where = "the loop's next iteration replaces " + Name +
                " before it is observed";
        break;
      case LosingExit::Kind::EndOfFunction:
        Where =
            "a path reaches the end of the function without observing " + Name;
        // A function-try-block's body has no end location of its own: the
        // function ends after its last handler.
        if (const CXXTryStmt *Try = analysis::functionTryBlock(Body))
          At = Try->getEndLoc();
        else if (Body)
          At = Body->getEndLoc();
        break;
      }
      if (At.isValid())
        F.Notes.emplace_back(At, Where);
    }
    F.NoFix = "where to await it depends on what the function should do "
              "when it fails";
    report(std::move(F));
    return;
  }

  // Started early, lost late: only eager promises run while another is
  // awaited.
  if (Lazy || Facts.AwaitsBefore.empty())
    return;
  const auto &[Other, OtherAwait] = Facts.AwaitsBefore.front();
  std::optional<analysis::TaskTypeInfo> OtherTask =
      Classifier.classify(Other->getType());
  if (!OtherTask || OtherTask->Start != analysis::StartPolicy::Eager ||
      !Other->hasLocalStorage() || isa<ParmVarDecl>(Other))
    return;
  // Awaiting a timer or another primitive that does not fail loses nothing;
  // nor does an await whose failure a try in this function catches.
  const CallExpr *OtherCreating =
      Other->getInit() ? creatingCall(Other->getInit()) : nullptr;
  if (!OtherCreating)
    return;
  if (const FunctionDecl *Callee = OtherCreating->getDirectCallee();
      Callee && Opts.Barriers.matches(Callee))
    return;
  if (insideTryBlock(OtherAwait, Context))
    return;
  if (isSuppressedAt(Var->getBeginLoc()) || !firstReport(Var->getLocation()))
    return;
  Finding F;
  F.Loc = Var->getLocation();
  const std::string OtherName = "'" + Other->getNameAsString() + "'";
  F.Message = "the promise in " + Name + " runs while " + OtherName +
              " is awaited (" + lineOf(SM, OtherAwait->getBeginLoc()) +
              "): if " + OtherName +
              " throws first, the coroutine leaves "
              "and no code observes a failure of " +
              Name + "; await them together";
  F.Notes.emplace_back(OtherAwait->getBeginLoc(),
                       "if this await throws, " + Name + " is never awaited");
  std::optional<analysis::Combiner> With = Opts.combinerFor(Task->Library);
  std::string Why;
  std::optional<Edits> Fix = lostLateFix(OtherAwait, Var, With, Context, Why);
  if (Fix && With) {
    F.Fix = std::move(Fix);
    F.FixNote = "awaiting both at once with " + With->DisplayName +
                " observes both failures; the coroutine" +
                (With->FailsFast ? " still fails as soon as either fails"
                                 : " fails once both finished");
  } else {
    F.NoFix = Why;
  }
  report(std::move(F));
}

std::optional<Edits> UnhandledRejectionCheck::lostLateFix(
    const CoawaitExpr *FirstAwait, const VarDecl *Second,
    const std::optional<analysis::Combiner> &With, ASTContext &Context,
    std::string &Why) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LangOpts = Context.getLangOpts();
  if (!With) {
    Why = "no when_all is known for this task type; set the WhenAllFunction "
          "option";
    return std::nullopt;
  }
  Why = "the two awaits are not consecutive statements of one block";
  const CompoundStmt *Block = nullptr;
  const Stmt *FirstStatement = statementIn(FirstAwait, Context, Block);
  if (!FirstStatement || !Block)
    return std::nullopt;
  const Stmt *SecondStatement = nullptr;
  for (auto It = Block->body_begin(); It != Block->body_end(); ++It)
    if (*It == FirstStatement && std::next(It) != Block->body_end()) {
      SecondStatement = *std::next(It);
      break;
    }
  if (!SecondStatement)
    return std::nullopt;
  std::optional<analysis::AwaitStatement> First =
      analysis::matchAwaitStatement(FirstStatement);
  std::optional<analysis::AwaitStatement> Next =
      analysis::matchAwaitStatement(SecondStatement);
  if (!First || !Next || First->Await != FirstAwait ||
      analysis::awaitedVariable(Next->Operand) != Second)
    return std::nullopt;
  std::vector<analysis::AwaitForRendering> Awaits;
  for (const analysis::AwaitStatement *Shape : {&*First, &*Next}) {
    if (Shape->Kind == analysis::AwaitStatementKind::StructuredBinding ||
        Shape->Kind == analysis::AwaitStatementKind::Assignment) {
      Why = "only declarations and discarded results are rewritten";
      return std::nullopt;
    }
    if (With->Function.rfind("awl::", 0) == 0 &&
        analysis::isMoveOnly(Shape->ResultType)) {
      Why = "'" + With->Function +
            "' copies each value, which this type "
            "does not allow";
      return std::nullopt;
    }
    analysis::AwaitForRendering R;
    R.Kind = Shape->Kind;
    std::optional<std::string> Operand =
        analysis::operandText(Shape->Operand, SM, LangOpts);
    CharSourceRange Range =
        analysis::statementRange(Shape->Statement, SM, LangOpts);
    if (!Operand || Range.isInvalid()) {
      Why = "the awaits come from a macro expansion";
      return std::nullopt;
    }
    R.Operand = *Operand;
    R.ResultIsVoid = Shape->ResultType->isVoidType();
    R.TriviallyCopyable = Shape->ResultType.isTriviallyCopyableType(Context);
    if (const VarDecl *Declared = Shape->Declared) {
      QualType T = Declared->getType();
      if (Declared->getInitStyle() != VarDecl::CInit || T->isReferenceType() ||
          Declared->hasAttrs()) {
        Why = "a declaration cannot take its value from a combined await";
        return std::nullopt;
      }
      R.Name = Declared->getName().str();
      R.DeclarationPrefix =
          Lexer::getSourceText(
              CharSourceRange::getCharRange(Shape->Statement->getBeginLoc(),
                                            Shape->Await->getBeginLoc()),
              SM, LangOpts)
              .str();
      R.IsConst = T.isConstQualified();
      R.BindsDirectly = T.getUnqualifiedType().getCanonicalType() ==
                        Shape->ResultType.getNonReferenceType()
                            .getUnqualifiedType()
                            .getCanonicalType();
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Shape->Operand))
      R.OperationName = Ref->getDecl()->getName().str();
    Awaits.push_back(std::move(R));
  }
  SourceLocation Loc = SecondStatement->getBeginLoc();
  analysis::CodeStyle Style = analysis::CodeStyle::at(Loc, SM);
  std::optional<analysis::RenderedAwait> Rendered =
      analysis::renderCombinedAwait(
          Awaits, *With, analysis::statementBreak(Loc, SM, Style),
          [](llvm::StringRef Base) { return (Base + "_value").str(); });
  if (!Rendered || !With->UsingNamespace.empty()) {
    Why = "the results do not fit one combined await";
    return std::nullopt;
  }
  Edits Fix;
  Fix.Hints.push_back(FixItHint::CreateRemoval(analysis::wholeLines(
      analysis::statementRange(FirstStatement, SM, LangOpts), SM)));
  Fix.Hints.push_back(FixItHint::CreateReplacement(
      analysis::statementRange(SecondStatement, SM, LangOpts), Rendered->Text));
  FileID File = SM.getFileID(Loc);
  if (!With->Header.empty())
    includeUnlessDeclared(Fix, Context, File, With->Function, With->Header);
  if (Rendered->UsesStdTie)
    includeUnlessDeclared(Fix, Context, File, "std::tie", "<tuple>");
  if (Rendered->UsesStdMove)
    includeUnlessDeclared(Fix, Context, File, "std::move", "<utility>");
  return Fix;
}

} // namespace clang::tidy::async
