//===--- DetachedWork.cpp - awaitlint ---------------------------*- C++ -*-===//
//
// async-unhandled-rejection, detached work: tasks handed to a library's
// detach or spawn call whose failure no code will see.
//
//   asio::co_spawn(io, session(), asio::detached);   // session may throw
//   lazy().start([](auto &&) {});                     // the Try is ignored
//   job().via(&ex).detach();
//   pool.spawn_detached(job());
//
// Precision first: the spawned coroutine's body must be visible and must
// let an exception out (a statement that may throw outside a try that
// catches everything); a task in a parameter, a call without a visible
// definition or anything else the check cannot see into is left alone.
//
//===----------------------------------------------------------------------===//

#include "UnhandledRejectionCheck.h"
#include "analysis/ExceptionSummaries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

/// How a detach call reports the task's outcome, if at all.
enum class DetachShape : unsigned char {
  Token,    ///< co_spawn(ex, task, token): the token gets the exception.
  Callback, ///< task.start(callback): the callback gets a Try.
  Plain     ///< detach(), spawn_detached(task): nothing gets it.
};

/// What the token or callback of a detach call does with the outcome.
enum class OutcomeUse : unsigned char {
  Unknown, ///< Cannot tell, or observed: quiet.
  Dropped, ///< asio::detached: dropped by design.
  Ignored  ///< A handler that never reads its exception_ptr / Try.
};

/// The coroutine a detach call runs.
struct SpawnedCoroutine {
  const FunctionDecl *Function = nullptr; ///< Its definition.
  std::string Name;                       ///< "'session'", "the lambda".
};

constexpr unsigned MaxDepth = 4;

const Expr *strip(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1 &&
        Construct->getConstructor()->isCopyOrMoveConstructor()) {
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E);
        Call && Call->isCallToStdMove() && Call->getNumArgs() == 1) {
      E = Call->getArg(0);
      continue;
    }
    break;
  }
  return E;
}

/// \p T is std::exception (caught by value or reference, any cv).
bool isStdException(QualType T) {
  const auto *Record =
      T.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         Record->getName() == "exception" &&
         Record->getDeclContext()->isStdNamespace();
}

bool isExceptionPtr(QualType T) {
  const auto *Record =
      T.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         Record->getName() == "exception_ptr" && analysis::isInStd(Record);
}

/// A throw expression or a call of std::rethrow_exception in \p S (lambda
/// bodies aside).
bool rethrows(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<CXXThrowExpr>(S))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->getIdentifier() &&
        Callee->getName() == "rethrow_exception" && analysis::isInStd(Callee))
      return true;
  for (const Stmt *Child : S->children())
    if (rethrows(Child))
      return true;
  return false;
}

/// What the handlers of a try statement take care of.
enum class Handles : unsigned char {
  Nothing,
  /// A handler of a class type declared outside namespace std (`catch
  /// (const DbError &)`, the program's or a library's own error): its
  /// author expects the operations in the try block to fail that way and
  /// handles it. Exceptions of other types (bad_alloc, a logic error) are
  /// not an operation's failure that nobody observes. (A standard type
  /// such as std::out_of_range is a guess about one kind of failure, not
  /// the operations' own error type.)
  OwnErrors,
  /// `catch (...)` or `catch (const std::exception &)`.
  Everything
};

/// What \p Try's handlers take care of; Nothing if one of them throws again.
Handles handledBy(const CXXTryStmt *Try) {
  Handles Result = Handles::Nothing;
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
    const CXXCatchStmt *Handler = Try->getHandler(I);
    if (rethrows(Handler->getHandlerBlock()))
      return Handles::Nothing;
    QualType Caught = Handler->getCaughtType();
    if (!Handler->getExceptionDecl() || isStdException(Caught)) {
      Result = Handles::Everything;
    } else if (const CXXRecordDecl *Record =
                   Caught.getNonReferenceType()->getAsCXXRecordDecl();
               Record && !analysis::isInStd(Record) &&
               Result == Handles::Nothing) {
      Result = Handles::OwnErrors;
    }
  }
  return Result;
}

/// Whether the printed type of \p E names one of asio's completion tokens
/// that turn an error into a value (as_tuple, as_single, redirect_error,
/// and `use_awaitable[ec]`, which is redirect_error).
bool errorAsValueToken(const Expr *E) {
  if (!E)
    return false;
  std::string Type = E->getType().getCanonicalType().getAsString();
  // as_tuple_t<T>, and the bare `as_tuple` token (partial_as_tuple).
  return Type.find("as_tuple") != std::string::npos ||
         Type.find("as_single") != std::string::npos ||
         Type.find("redirect_error") != std::string::npos;
}

/// An awaited asynchronous operation that reports its errors as values: a
/// token argument of that kind, or an I/O object whose default token is one
/// (`as_tuple_t<...>::as_default_on(socket)`).
bool reportsErrorsAsValues(const Expr *Operand) {
  const auto *Call = dyn_cast_or_null<CallExpr>(Operand);
  if (!Call)
    return false;
  for (const Expr *Arg : Call->arguments())
    if (errorAsValueToken(Arg))
      return true;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const Expr *Object = Member->getImplicitObjectArgument();
    if (errorAsValueToken(Object))
      return true;
    // A timer's wait fails only when it is cancelled, which is how its
    // owner stops it.
    const FunctionDecl *Callee = Member->getDirectCallee();
    return Callee && Callee->getIdentifier() &&
           Callee->getName() == "async_wait" &&
           Object->getType().getAsString().find("timer") != std::string::npos;
  }
  return false;
}

const FunctionDecl *coroutineDefinition(const FunctionDecl *F);

/// `co_await this_coro::executor` (asio, Boost.Asio, Cobalt) and the like:
/// a question to the coroutine's own promise, which does not fail.
bool asksTheCoroutine(const Expr *Operand) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Operand);
  if (!Ref)
    return false;
  const auto *Namespace =
      dyn_cast<NamespaceDecl>(Ref->getDecl()->getDeclContext());
  return Namespace && Namespace->getIdentifier() &&
         Namespace->getName() == "this_coro";
}

/// `co_await asio::post(ex, use_awaitable)` (also dispatch, defer; asio and
/// Boost.Asio): a hop to an executor, which completes without an error.
bool hopsExecutor(const Expr *Operand) {
  const auto *Call = dyn_cast_or_null<CallExpr>(Operand);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier() ||
      !llvm::is_contained({llvm::StringRef("post"), llvm::StringRef("dispatch"),
                           llvm::StringRef("defer")},
                          Callee->getName()))
    return false;
  const auto *Namespace = dyn_cast<NamespaceDecl>(Callee->getDeclContext());
  return Namespace && Namespace->getIdentifier() &&
         Namespace->getName() == "asio";
}

/// What mayThrow knows of other files' coroutines, and, while a summary is
/// being written, where it records the ones a verdict rests on.
struct EscapeContext {
  const analysis::ExceptionSummaries *Known = nullptr;
  std::vector<std::string> *Needs = nullptr;
};

/// The work of `co_await QtConcurrent::run(lambda, args...)` (QCoro awaits
/// the QFuture): the future fails only with what the lambda throws.
const LambdaExpr *concurrentRunWork(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || Callee->getName() != "run")
    return nullptr;
  const auto *Namespace = dyn_cast<NamespaceDecl>(Callee->getDeclContext());
  if (!Namespace || !Namespace->getIdentifier() ||
      Namespace->getName() != "QtConcurrent")
    return nullptr;
  for (const Expr *Arg : Call->arguments())
    if (const auto *Lambda = dyn_cast<LambdaExpr>(strip(Arg)))
      return Lambda;
  return nullptr;
}

/// A throw expression in \p S, outside lambdas.
bool containsThrow(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<CXXThrowExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsThrow(Child))
      return true;
  return false;
}

/// Whether \p S may let an exception out: an await (unless the operation
/// reports errors as values, or is a coroutine of this file, or of another
/// file the summaries know, whose own body lets nothing out) or a throw,
/// outside a try that catches everything. Ordinary calls are not counted:
/// the check is about failures of asynchronous work, and counting every
/// call that is not noexcept would flag coroutines that handle all their
/// I/O errors.
bool mayThrow(const Stmt *S, unsigned Depth, const EscapeContext &Escape) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    switch (handledBy(Try)) {
    case Handles::Everything:
      return false;
    case Handles::OwnErrors:
      // The awaits of the block are handled; a throw written there may be
      // of another type, and the handlers themselves run unprotected.
      if (containsThrow(Try->getTryBlock()))
        return true;
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
        if (mayThrow(Try->getHandler(I)->getHandlerBlock(), Depth, Escape))
          return true;
      return false;
    case Handles::Nothing:
      break;
    }
  }
  if (isa<CXXThrowExpr, DependentCoawaitExpr, CoyieldExpr>(S))
    return true;
  if (const auto *Await = dyn_cast<CoawaitExpr>(S)) {
    const Expr *Operand = analysis::awaitOperand(Await);
    if (reportsErrorsAsValues(Operand) || asksTheCoroutine(Operand) ||
        hopsExecutor(Operand))
      return false;
    if (const auto *Call = dyn_cast<CallExpr>(Operand)) {
      if (const FunctionDecl *Callee =
              coroutineDefinition(Call->getDirectCallee())) {
        // A coroutine declared noexcept: the author's word that it handles
        // its failures, taken here as for a spawned one (letsExceptionsOut).
        if (analysis::isDeclaredNothrow(Callee))
          return mayThrow(Call, Depth, Escape); // its arguments still might
        const auto *Body = dyn_cast<CoroutineBodyStmt>(Callee->getBody());
        if (Depth < MaxDepth && Body &&
            !mayThrow(Body->getBody(), Depth + 1, Escape))
          return mayThrow(Call, Depth, Escape);
        return true;
      }
      if (const LambdaExpr *Work = concurrentRunWork(Call))
        return mayThrow(Work->getBody(), Depth, Escape) ||
               mayThrow(Call, Depth, Escape);
      // A coroutine of another file: the summaries know it, or, while
      // they are being written, the verdict rests on it.
      if (std::optional<std::string> Need = analysis::crossUnitNeed(Call)) {
        if (Escape.Known && Escape.Known->cannotReject(*Need))
          return mayThrow(Call, Depth, Escape);
        if (Escape.Needs) {
          Escape.Needs->push_back(*Need);
          return mayThrow(Call, Depth, Escape);
        }
      }
    }
    return true;
  }
  // The promise's return_value call is the library's, not the body's.
  if (const auto *Return = dyn_cast<CoreturnStmt>(S))
    return mayThrow(Return->getOperand(), Depth, Escape);
  for (const Stmt *Child : S->children())
    if (mayThrow(Child, Depth, Escape))
      return true;
  return false;
}

/// The body of \p Coroutine as written lets an exception out.
bool letsExceptionsOut(const FunctionDecl *Coroutine,
                       const EscapeContext &Escape) {
  // A coroutine declared noexcept: its author states that its failures are
  // handled inside (real code that reports errors as values does this).
  if (analysis::isDeclaredNothrow(Coroutine))
    return false;
  const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(Coroutine->getBody());
  return Body && mayThrow(Body->getBody(), 0, Escape);
}

/// The definition of \p F if it is a coroutine.
const FunctionDecl *coroutineDefinition(const FunctionDecl *F) {
  if (!F)
    return nullptr;
  const FunctionDecl *Definition = nullptr;
  if (!F->hasBody(Definition) || !Definition)
    return nullptr;
  return isa_and_nonnull<CoroutineBodyStmt>(Definition->getBody()) ? Definition
                                                                   : nullptr;
}

std::string nameOf(const FunctionDecl *F) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(F);
      Method && Method->getParent()->isLambda())
    return "the lambda";
  return "'" + F->getNameAsString() + "'";
}

/// The local \p Var was assigned after its initialisation.
bool isReassigned(const VarDecl *Var, ASTContext &Context) {
  const auto *Function =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  if (!Function || !Function->getBody())
    return true;
  auto ToVar = ignoringParenImpCasts(declRefExpr(to(varDecl(equalsNode(Var)))));
  return !match(findAll(expr(anyOf(
                    cxxOperatorCallExpr(isAssignmentOperator(),
                                        hasArgument(0, ToVar)),
                    binaryOperator(isAssignmentOperator(), hasLHS(ToVar))))),
                *Function->getBody(), Context)
              .empty();
}

/// The parameter of \p Handler (a lambda or a function) that receives the
/// outcome: its first.
const ParmVarDecl *outcomeParameter(const FunctionDecl *Handler) {
  if (!Handler || Handler->getNumParams() == 0)
    return nullptr;
  return Handler->getParamDecl(0);
}

/// What \p Handler does with the outcome in its first parameter: ignored
/// when the parameter is unnamed or never named in the body.
OutcomeUse useOfOutcome(const FunctionDecl *Handler, ASTContext &Context,
                        bool NeedExceptionPtr) {
  const ParmVarDecl *Param = outcomeParameter(Handler);
  const FunctionDecl *Definition = nullptr;
  if (!Param || Param->isParameterPack() || !Handler->hasBody(Definition) ||
      !Definition)
    return OutcomeUse::Unknown;
  Param = Definition->getParamDecl(0);
  QualType T = Param->getType();
  const bool Generic = T->isDependentType();
  if (NeedExceptionPtr && !Generic && !isExceptionPtr(T))
    return OutcomeUse::Unknown;
  if (!Param->getIdentifier())
    return OutcomeUse::Ignored;
  const bool Named =
      !match(findAll(declRefExpr(to(parmVarDecl(equalsNode(Param))))),
             *Definition->getBody(), Context)
           .empty();
  return Named ? OutcomeUse::Unknown : OutcomeUse::Ignored;
}

/// The handler \p E names: a lambda, or a function.
const FunctionDecl *handlerOf(const Expr *E) {
  E = strip(E);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return Lambda->getCallOperator();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<FunctionDecl>(Ref->getDecl());
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf)
    return handlerOf(Unary->getSubExpr());
  return nullptr;
}

/// asio::detached or boost::asio::detached.
bool isAsioDetached(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(strip(E));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->getIdentifier() || Var->getName() != "detached")
    return false;
  std::string Name = analysis::qualifiedName(Var);
  return Name == "asio::detached" || Name == "boost::asio::detached";
}

/// T of awaitable<T> / task<T>, if \p TaskType is a specialisation.
std::optional<QualType> valueTypeOf(QualType TaskType) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      TaskType.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  return Spec->getTemplateArgs()[0].getAsType();
}

} // namespace

/// The coroutine \p E runs, when the check can see it: a call of (or a
/// lambda that is) a coroutine defined in the translation unit, through
/// std::move, adapters called on a task (via, scheduleOn), a library's
/// executor binder (co_withExecutor) and locals initialised once.
static std::optional<SpawnedCoroutine> spawnedCoroutine(
    const Expr *E, ASTContext &Context, analysis::TaskClassifier &Classifier,
    llvm::ArrayRef<std::pair<analysis::Framework, analysis::NameList>> Lists,
    unsigned Depth = 0) {
  if (!E || Depth > MaxDepth)
    return std::nullopt;
  E = strip(E);
  auto Recurse = [&](const Expr *Next) {
    return spawnedCoroutine(Next, Context, Classifier, Lists, Depth + 1);
  };
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    if (const FunctionDecl *Coroutine =
            coroutineDefinition(Lambda->getCallOperator()))
      return SpawnedCoroutine{Coroutine, "the lambda"};
    return std::nullopt;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !Var->isLocalVarDecl() || Var->isStaticLocal() ||
        Var->getType()->isReferenceType() || !Var->getInit() ||
        isReassigned(Var, Context))
      return std::nullopt;
    return Recurse(Var->getInit());
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return std::nullopt;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (const FunctionDecl *Coroutine = coroutineDefinition(Callee))
    return SpawnedCoroutine{Coroutine, nameOf(Coroutine)};
  // An immediately invoked coroutine lambda.
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
      Operator && Operator->getOperator() == OO_Call)
    if (const auto *Lambda = dyn_cast<LambdaExpr>(strip(Operator->getArg(0))))
      return Recurse(Lambda);
  if (!Callee || !Classifier.classify(Call->getType()))
    return std::nullopt;
  // An adapter on a task: lazy().via(ex), task().scheduleOn(ex).
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const Expr *Object = Member->getImplicitObjectArgument();
    if (Object && Classifier.classify(Object->getType()))
      return Recurse(Object);
    return std::nullopt;
  }
  // A library binder: co_withExecutor(ex, task()).
  bool Binder = false;
  for (const auto &[Library, Names] : Lists)
    Binder = Binder ||
             (Library != analysis::Framework::Unknown && Names.matches(Callee));
  if (!Binder)
    return std::nullopt;
  // The argument that is a task and resolves (an executor handle may look
  // like one).
  for (const Expr *Arg : Call->arguments())
    if (Classifier.classify(Arg->getType()))
      if (std::optional<SpawnedCoroutine> Found = Recurse(Arg))
        return Found;
  return std::nullopt;
}

/// Adds the last component of each item of the NameList spec \p Spec to
/// \p Names; sets \p AnyName when one is a pattern rather than a name.
static void collectLastNames(llvm::StringRef Spec, llvm::StringSet<> &Names,
                             bool &AnyName) {
  llvm::SmallVector<llvm::StringRef, 8> Items;
  Spec.split(Items, ';', -1, false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    llvm::StringRef Last = Item.rsplit("::").second;
    if (Last.empty())
      Last = Item;
    const bool Plain = !Last.empty() && llvm::all_of(Last, [](char C) {
      return llvm::isAlnum(C) || C == '_';
    });
    if (!Plain) {
      AnyName = true;
      continue;
    }
    Names.insert(Last);
  }
}

void UnhandledRejectionCheck::collectDetachCalls() {
  DetachLists.clear();
  for (const analysis::FrameworkProfile &Profile :
       analysis::frameworkProfiles())
    if (!Profile.DetachCalls.empty())
      DetachLists.emplace_back(Profile.Id,
                               analysis::NameList(Profile.DetachCalls));
  // Boost.Cobalt's `+p` is its explicit detach, written as deliberately as
  // `(void)`: it is accepted, like a cast to void.
  analysis::NameList Custom(DetachFunctionsOption.Spec);
  Custom.append(DetachFunctionsOption.Extra);
  DetachLists.emplace_back(analysis::Framework::Unknown, std::move(Custom));

  // Only calls whose name can be a detach call are looked at: the last
  // component of every listed name, unless one is a pattern there.
  DetachNames.clear();
  AnyDetachName = false;
  for (llvm::StringRef Spec : {llvm::StringRef(DetachFunctionsOption.Spec),
                               llvm::StringRef(DetachFunctionsOption.Extra)})
    collectLastNames(Spec, DetachNames, AnyDetachName);
  for (const analysis::FrameworkProfile &Profile :
       analysis::frameworkProfiles())
    collectLastNames(Profile.DetachCalls, DetachNames, AnyDetachName);
}

bool UnhandledRejectionCheck::mayDetach(const CallExpr *Call) const {
  if (AnyDetachName)
    return true;
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && Callee->getIdentifier() &&
         DetachNames.contains(Callee->getName());
}

void UnhandledRejectionCheck::storeDetachOptions(
    ClangTidyOptions::OptionMap &OptionMap) const {
  DetachFunctionsOption.store(Options, OptionMap);
}

void UnhandledRejectionCheck::checkDetached(const CallExpr *Call,
                                            ASTContext &Context) {
  if (Call->isTypeDependent() || Call->isValueDependent() ||
      Call->getBeginLoc().isMacroID())
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || (!Callee->getDeclName().isIdentifier() &&
                  !isa<CXXOperatorCallExpr>(Call)))
    return;

  // Which list names the call: the callee, or (for members a class inherits,
  // async_simple's Lazy::start) the receiver's class and the member's name.
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
  const Expr *Receiver = Member ? Member->getImplicitObjectArgument()
                         : Operator && isa<CXXMethodDecl>(Callee)
                             ? Operator->getArg(0)
                             : nullptr;
  // The receiver as written: a member a class inherits is called on an
  // implicit cast to its base.
  if (Receiver)
    Receiver = Receiver->IgnoreImplicit()->IgnoreParens();
  std::string ReceiverName;
  if (Receiver)
    if (const CXXRecordDecl *Record =
            Receiver->getType()->getAsCXXRecordDecl()) {
      const NamedDecl *Class = Record;
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
        Class = Spec->getSpecializedTemplate();
      ReceiverName =
          analysis::qualifiedName(Class) + "::" + Callee->getNameAsString();
    }
  std::optional<analysis::Framework> Library;
  for (const auto &[Id, Names] : DetachLists)
    if (Names.matches(Callee) ||
        (!ReceiverName.empty() && Names.matches(ReceiverName))) {
      Library = Id;
      break;
    }
  if (!Library)
    return;
  // A call that gives a task back (co_withExecutor, folly's start() with
  // its SemiFuture) binds or hands on the task: it detaches nothing here.
  if (!Call->getType()->isDependentType() &&
      Classifier.classify(Call->getType()))
    return;
  if (Operator &&
      (Operator->getOperator() != OO_Plus || Operator->getNumArgs() != 1))
    return;

  const std::string CalleeName =
      Operator ? "'operator+'" : "'" + Callee->getNameAsString() + "'";
  const bool TokenForm = (*Library == analysis::Framework::Asio ||
                          *Library == analysis::Framework::BoostAsio ||
                          *Library == analysis::Framework::Cobalt) &&
                         !Member && !Operator && Call->getNumArgs() >= 3;
  const bool CallbackForm = (*Library == analysis::Framework::AsyncSimple ||
                             *Library == analysis::Framework::Folly) &&
                            Member && Callee->getName() == "start";
  DetachShape Shape = TokenForm      ? DetachShape::Token
                      : CallbackForm ? DetachShape::Callback
                                     : DetachShape::Plain;

  // The task, and what the token or callback does with its outcome.
  const Expr *TaskExpr = nullptr;
  OutcomeUse Use = OutcomeUse::Dropped;
  const Expr *Token = nullptr;
  switch (Shape) {
  case DetachShape::Token:
    TaskExpr = Call->getArg(1);
    Token = Call->getArg(2);
    if (isAsioDetached(Token))
      Use = OutcomeUse::Dropped;
    else
      Use = useOfOutcome(handlerOf(Token), Context,
                         /*NeedExceptionPtr=*/true);
    break;
  case DetachShape::Callback:
    TaskExpr = Receiver;
    if (Call->getNumArgs() == 0 || isa<CXXDefaultArgExpr>(Call->getArg(0)))
      return;
    Use = useOfOutcome(handlerOf(Call->getArg(0)), Context,
                       /*NeedExceptionPtr=*/false);
    break;
  case DetachShape::Plain:
    break;
  }
  if (Use == OutcomeUse::Unknown)
    return;
  std::optional<SpawnedCoroutine> Task;
  if (Shape != DetachShape::Plain) {
    Task = spawnedCoroutine(TaskExpr, Context, Classifier, DetachLists);
  } else {
    // The task argument (pool.spawn_detached(t())), else the receiver
    // (t().via(ex).detach()): a task_group, an executor may look like a
    // task too, so the first that resolves.
    llvm::SmallVector<const Expr *, 4> Candidates;
    for (const Expr *Arg : Call->arguments())
      if (isa<LambdaExpr>(strip(Arg)) || Classifier.classify(Arg->getType()))
        Candidates.push_back(Arg);
    if (Receiver && Classifier.classify(Receiver->getType()))
      Candidates.push_back(Receiver);
    for (const Expr *Candidate : Candidates) {
      Task = spawnedCoroutine(Candidate, Context, Classifier, DetachLists);
      if (Task) {
        TaskExpr = Candidate;
        break;
      }
    }
  }
  if (!Task || !letsExceptionsOut(Task->Function, EscapeContext{Summaries}))
    return;

  SourceLocation Loc = Call->getExprLoc();
  if (isSuppressedAt(Call->getBeginLoc()) || isSuppressedAt(Loc) ||
      !firstReport(Loc))
    return;

  Finding F;
  F.Loc = Loc;
  const std::string &TaskName = Task->Name;
  const std::string Lost =
      " does not catch its exceptions: if it throws, no code observes the "
      "exception";
  if (Shape == DetachShape::Callback) {
    F.Message = "the callback passed to " + CalleeName +
                " ignores the task's Try: if " + TaskName +
                " throws, no code observes the exception";
    F.NoFix = "the callback must check the Try (hasError(), or value(), "
              "which rethrows) and handle the exception";
  } else if (Use == OutcomeUse::Ignored) {
    F.Message = "the completion handler passed to " + CalleeName +
                " ignores its std::exception_ptr, and " + TaskName + Lost;
    F.NoFix = "what to do with the exception (log it, rethrow it) is for "
              "the handler to decide";
  } else {
    F.Message =
        CalleeName + " runs " + TaskName + " detached, and " + TaskName + Lost;
    F.NoFix = "the task must catch its exceptions, or be run by a call "
              "that reports them";
  }

  // asio's detached: a completion handler that rethrows instead.
  if (Shape == DetachShape::Token && Use == OutcomeUse::Dropped && Token &&
      Token->getSourceRange().isValid() && !Token->getBeginLoc().isMacroID() &&
      !Token->getEndLoc().isMacroID()) {
    // The handler is called with (exception_ptr) for a void task, with
    // (exception_ptr, T) otherwise.
    QualType TaskType = TaskExpr->getType();
    if (const auto *Lambda = dyn_cast<LambdaExpr>(strip(TaskExpr)))
      TaskType = Lambda->getCallOperator()->getReturnType();
    std::optional<QualType> Value = valueTypeOf(TaskType);
    const bool Void = Value && (*Value)->isVoidType();
    Edits Fix;
    Fix.Hints.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Token->getSourceRange()),
        Void ? "[](std::exception_ptr e) { if (e) std::rethrow_exception(e); }"
             : "[](std::exception_ptr e, auto &&...) { if (e) "
               "std::rethrow_exception(e); }"));
    includeUnlessDeclared(
        Fix, Context,
        Context.getSourceManager().getFileID(
            Context.getSourceManager().getExpansionLoc(Call->getBeginLoc())),
        "std::rethrow_exception", "<exception>");
    F.Fix = std::move(Fix);
    F.FixNote = "a completion handler that rethrows makes the exception "
                "leave the io_context's run(): this changes behaviour, the "
                "caller of run() must now catch it or the program ends";
  }
  report(std::move(F));
}

void UnhandledRejectionCheck::summarise(const FunctionDecl *Function) {
  const auto *Body = dyn_cast<CoroutineBodyStmt>(Function->getBody());
  std::string Key = analysis::crossUnitKey(Function);
  if (Key.empty())
    return;
  if (!ExportedKeys.insert(Key).second)
    return;
  // Overrides first: a call through the base may run them, coroutines or
  // not, and one that is in no summary leaves the call unknown.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
    for (std::string &Base : analysis::overriddenKeys(Method))
      Exported.Overrides.emplace_back(Key, std::move(Base));
  // What it does, for the sequential checks of other files. A function
  // defined in a header is read where it is called.
  const SourceManager &SM = Function->getASTContext().getSourceManager();
  if (SM.isInMainFile(SM.getExpansionLoc(Function->getLocation()))) {
    analysis::FunctionEffects Effects = this->Effects.exportEffects(Function);
    Effects.Key = Key;
    Exported.Functions.push_back(std::move(Effects));
  }
  if (!Body)
    return;
  analysis::UnitSummary::Coroutine Entry;
  Entry.Key = std::move(Key);
  // Only this file's knowledge: the summaries of other files are settled
  // together when they are read.
  Entry.LetsOut =
      letsExceptionsOut(Function, EscapeContext{nullptr, &Entry.Needs});
  llvm::sort(Entry.Needs);
  Entry.Needs.erase(llvm::unique(Entry.Needs), Entry.Needs.end());
  Exported.Coroutines.push_back(std::move(Entry));
}

bool UnhandledRejectionCheck::cannotReject(const CallExpr *Call) const {
  if (!Call)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  const EscapeContext Escape{Summaries};
  // `task.then(continuation)`: the chain fails when the task does or the
  // continuation throws (a continuation returning a task may hand on its
  // failure, and is not followed).
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
      Member && Callee && Callee->getIdentifier() &&
      Callee->getName() == "then" && Member->getNumArgs() == 1) {
    const auto *Continuation = dyn_cast<LambdaExpr>(strip(Member->getArg(0)));
    if (!Continuation ||
        !Continuation->getCallOperator()->getReturnType()->isVoidType() ||
        mayThrow(Continuation->getBody(), 0, Escape))
      return false;
    return cannotReject(
        dyn_cast<CallExpr>(strip(Member->getImplicitObjectArgument())));
  }
  // A coroutine of this file; a virtual call may run an override whose
  // body is elsewhere, which only the summaries know.
  if (const FunctionDecl *Coroutine = coroutineDefinition(Callee);
      Coroutine && !analysis::mayBeOverridden(Callee))
    return !letsExceptionsOut(Coroutine, Escape);
  std::optional<std::string> Need = analysis::crossUnitNeed(Call);
  return Summaries && Need && Summaries->cannotReject(*Need);
}

} // namespace clang::tidy::async
