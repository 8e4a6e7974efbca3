//===--- UnhandledRejectionCheck.cpp - awaitlint ----------------*- C++ -*-===//

#include "UnhandledRejectionCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

UnhandledRejectionCheck::UnhandledRejectionCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : AsyncCheck(Name, Context),
      AllowCastToVoid(Reader.boolean("AllowCastToVoid", true)),
      AllowedCallsOption(Reader, "AllowedCalls", ""),
      AllowedCalls(AllowedCallsOption.Spec),
      ExportDirectory(Reader.string("ExportSummaries", "")) {
  AllowedCalls.append(AllowedCallsOption.Extra);
  // The driver's --summaries gives it for the whole run.
  if (ExportDirectory.empty())
    ExportDirectory = analysis::summarySettings().ExportDirectory;
  for (const analysis::FrameworkProfile &Profile :
       analysis::frameworkProfiles())
    FireAndForget.append(Profile.FireAndForgetTypes);
}

void UnhandledRejectionCheck::storeOptions(
    ClangTidyOptions::OptionMap &OptionMap) {
  AsyncCheck::storeOptions(OptionMap);
  analysis::storeBoolOption(Options, OptionMap, "AllowCastToVoid",
                            AllowCastToVoid);
  Options.store(OptionMap, "ExportSummaries", ExportDirectory);
  AllowedCallsOption.store(Options, OptionMap);
  storeDetachOptions(OptionMap);
}

void UnhandledRejectionCheck::registerMoreMatchers(MatchFinder *Finder) {
  collectDetachCalls();
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()))
          .bind("rejection-function"),
      this);
}

namespace {

/// What the statement drops: the call, and whether it was cast to void.
struct DroppedCall {
  const CallExpr *Call = nullptr;
  bool CastToVoid = false;
};

DroppedCall droppedCall(const Expr *E) {
  DroppedCall D;
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Cast = dyn_cast<CStyleCastExpr>(E);
      Cast && Cast->getType()->isVoidType()) {
    D.CastToVoid = true;
    E = Cast->getSubExpr()->IgnoreImplicit()->IgnoreParens();
  } else if (const auto *Static = dyn_cast<CXXStaticCastExpr>(E);
             Static && Static->getType()->isVoidType()) {
    D.CastToVoid = true;
    E = Static->getSubExpr()->IgnoreImplicit()->IgnoreParens();
  }
  D.Call = dyn_cast<CallExpr>(E->IgnoreImplicit());
  return D;
}

/// "'fetch_user'", "the lambda", "the call".
std::string calleeText(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return "the call";
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      Method && Method->getParent()->isLambda())
    return "the lambda";
  return "'" + Callee->getNameAsString() + "'";
}

/// Calls whose result handles the rejection of the promise they are called
/// on: `p.catch_(h)`, `p.then(f, h)`, and the frameworks' own: Seastar's
/// handle_exception(_type) and then_wrapped (its callback gets the failed
/// future), folly's thenError/thenTry/onError.
bool attachesRejectionHandler(const CallExpr *Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Member || !Callee || !Callee->getIdentifier())
    return false;
  llvm::StringRef Name = Callee->getName();
  return llvm::is_contained(
             {llvm::StringRef("catch_"), llvm::StringRef("catchError"),
              llvm::StringRef("handle_exception"),
              llvm::StringRef("handle_exception_type"),
              llvm::StringRef("then_wrapped"), llvm::StringRef("thenError"),
              llvm::StringRef("thenTry"), llvm::StringRef("onError")},
             Name) ||
         (Name == "then" && Member->getNumArgs() >= 2);
}

} // namespace

void UnhandledRejectionCheck::checkOther(
    const MatchFinder::MatchResult &Result) {
  const auto *Function =
      Result.Nodes.getNodeAs<FunctionDecl>("rejection-function");
  // Templates are analysed, their instantiations not: in a template the
  // calls are often dependent, and firstReport keeps one report per place.
  if (!Function || !Function->getBody() ||
      analysis::isInInstantiation(Function))
    return;
  if (!ExportDirectory.empty())
    summarise(Function);
  checkFunction(Function, *Result.Context);
}

namespace {

/// Visits the statements of one function body, not entering lambdas (each
/// lambda's call operator is a function definition of its own). Of an
/// await only the operand as written: the rest (await_ready,
/// await_suspend, await_resume on a copy of it) is the compiler's, and
/// walking it cost more than the rest of the body on await-dense code.
template <typename Visitor> void walkBody(const Stmt *S, const Visitor &Visit) {
  if (!S || isa<LambdaExpr>(S))
    return;
  Visit(S);
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S)) {
    walkBody(Suspend->getOperand(), Visit);
    return;
  }
  for (const Stmt *Child : S->children())
    walkBody(Child, Visit);
}

} // namespace

/// Whether \p S is a test framework's failure macro (BOOST_FAIL, FAIL,
/// ADD_FAILURE, …): a declaration followed by it expects its initialiser to
/// throw.
static bool failsTheTest(const Stmt *S, ASTContext &Context) {
  SourceLocation Loc = S->getBeginLoc();
  if (!Loc.isMacroID())
    return false;
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  llvm::StringRef Macro =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Expansion, Expansion),
                           SM, Context.getLangOpts());
  return Macro.contains("FAIL");
}

void UnhandledRejectionCheck::onEndOfTranslationUnit() {
  AsyncCheck::onEndOfTranslationUnit();
  if (ExportDirectory.empty() || !sources())
    return;
  const SourceManager &SM = *sources();
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return;
  // Written even when empty: it replaces what an earlier run wrote for a
  // file that has since lost its coroutines.
  // One name per file however it was named on the command line.
  std::string MainFile = Main->getFileEntry().tryGetRealPathName().str();
  if (MainFile.empty())
    MainFile = Main->getName().str();
  std::string Error;
  if (!analysis::writeUnitSummary(Exported, ExportDirectory, MainFile, Error))
    Reader.reportError("cannot export the exception summary of " + MainFile +
                       " (" + Reader.keyOf("ExportSummaries") + "): " + Error);
  Exported = {};
  ExportedKeys.clear();
}

void UnhandledRejectionCheck::checkFunction(const FunctionDecl *Function,
                                            ASTContext &Context) {
  ExpectedToThrow.clear();
  const Stmt *Body = Function->getBody();
  if (const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Body))
    Body = Coroutine->getBody();
  walkBody(Body, [&](const Stmt *S) {
    if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
      const Stmt *Previous = nullptr;
      for (const Stmt *Child : Block->body()) {
        // An expression statement: the value of the full expression is
        // dropped.
        if (const auto *Statement = dyn_cast<Expr>(Child))
          checkDiscarded(Statement, Function, Context);
        if (const auto *Declaration = dyn_cast_or_null<DeclStmt>(Previous);
            Declaration && failsTheTest(Child, Context))
          for (const Decl *D : Declaration->decls())
            if (const auto *Var = dyn_cast<VarDecl>(D))
              ExpectedToThrow.insert(Var);
        Previous = Child;
      }
    } else if (const auto *Declaration = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
            Var->hasInit())
          checkLocal(Var, Function, Context);
    } else if (const auto *Call = dyn_cast<CallExpr>(S);
               Call && mayDetach(Call)) {
      checkDetached(Call, Context);
    }
  });
}

void UnhandledRejectionCheck::checkDiscarded(const Expr *Statement,
                                             const FunctionDecl *In,
                                             ASTContext &Context) {
  DroppedCall Dropped = droppedCall(Statement);
  if (!Dropped.Call || Dropped.Call->isTypeDependent() ||
      Dropped.Call->getBeginLoc().isMacroID())
    return;
  if (Dropped.CastToVoid && AllowCastToVoid)
    return;
  // A reference (operator=, a getter) names a promise someone else holds.
  if (Dropped.Call->getCallReturnType(Context)->isReferenceType())
    return;
  std::optional<analysis::TaskTypeInfo> Task =
      Classifier.classify(Dropped.Call->getType());
  if (!Task || Task->Start == analysis::StartPolicy::Unknown ||
      FireAndForget.matches(Task->Name))
    return; // not a task, or not known whether it runs: stay quiet
  if (const FunctionDecl *Callee = Dropped.Call->getDirectCallee();
      Callee && AllowedCalls.matches(Callee))
    return;
  if (attachesRejectionHandler(Dropped.Call))
    return;
  // An eager coroutine of this file that lets nothing out cannot reject:
  // dropping it loses no failure. (A lazy one would never run at all.)
  if (Task->Start != analysis::StartPolicy::Lazy && cannotReject(Dropped.Call))
    return;
  SourceLocation Loc = Dropped.Call->getExprLoc();
  if (isSuppressedAt(Statement->getBeginLoc()) || !firstReport(Loc))
    return;

  const bool InCoroutine =
      In->getBody() && isa<CoroutineBodyStmt>(In->getBody());
  const bool Lazy = Task->Start == analysis::StartPolicy::Lazy;
  Finding F;
  F.Loc = Loc;
  const std::string Callee = calleeText(Dropped.Call);
  if (Lazy)
    F.Message = "the task returned by " + Callee +
                " is discarded: it is never started, and nothing observes "
                "whether it would fail";
  else if (isa<CXXMemberCallExpr>(Dropped.Call) &&
           (Callee == "'then'" || Callee == "'finally'"))
    F.Message = "the promise chain ending in " + Callee +
                " is discarded without a rejection handler: if it rejects, "
                "no code observes the exception";
  else
    F.Message = "the promise returned by " + Callee +
                " is discarded: if it rejects, no code observes the "
                "exception";
  if (Dropped.CastToVoid)
    F.Message += " (cast to void; AllowCastToVoid is off)";

  SourceLocation Start = Dropped.CastToVoid ? Dropped.Call->getBeginLoc()
                                            : Statement->getBeginLoc();
  if (InCoroutine) {
    Edits Fix;
    if (Dropped.CastToVoid) {
      // (void)f();  ->  co_await f();
      Fix.Hints.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getCharRange(Statement->getBeginLoc(), Start),
          "co_await "));
    } else {
      Fix.Hints.push_back(FixItHint::CreateInsertion(Start, "co_await "));
    }
    F.Fix = std::move(Fix);
    F.FixNote = Lazy ? "awaiting it runs the task here, and this coroutine "
                       "waits for it and rethrows its exception"
                     : "awaiting it makes this coroutine wait for it and "
                       "rethrow its exception";
  } else if (!Lazy && !Dropped.CastToVoid) {
    Edits Fix;
    Fix.Hints.push_back(FixItHint::CreateInsertion(Start, "(void)"));
    F.Fix = std::move(Fix);
    F.FixNote = "'(void)' only documents an intentional detach: a rejection "
                "still goes unobserved unless the task handles it";
  } else {
    F.NoFix = Lazy ? "outside a coroutine a lazy task must be started by "
                     "its library's spawn or run call"
                   : "outside a coroutine the promise needs a rejection "
                     "handler of its own";
  }
  report(std::move(F));
}

} // namespace clang::tidy::async
