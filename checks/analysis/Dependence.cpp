//===--- Dependence.cpp - awaitlint -----------------------------*- C++ -*-===//

#include "Dependence.h"
#include "Options.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::analysis {

namespace {

ObjectSet plainReads(const AccessSummary &S) {
  ObjectSet Result;
  for (ObjectKey Key : S.Reads)
    if (!S.CallWrites.contains(Key) && !S.Writes.contains(Key))
      Result.insert(Key);
  return Result;
}

/// The first element of \p A that is in \p B.
std::optional<ObjectKey> common(const ObjectSet &A, const ObjectSet &B) {
  return firstCommon(A, B);
}

/// Global state (or an object it cannot name) the code writes, if any.
std::optional<ObjectKey> writtenGlobal(const AccessSummary &S) {
  for (ObjectKey Key : S.modified())
    if (Key == UnknownObject || isGlobalState(Key))
      return Key;
  return std::nullopt;
}

/// The local error codes \p Operand names only as the error slot of a
/// redirection (see redirectedErrorArgument): every reference to them in
/// the operand is one.
ObjectSet errorSlotsOf(const Expr *Operand, const DeclContext *Function) {
  struct Finder : ConstDynamicRecursiveASTVisitor {
    llvm::SmallPtrSet<const DeclRefExpr *, 4> SlotRefs;
    llvm::SmallVector<const DeclRefExpr *, 8> Refs;
    bool VisitExpr(const Expr *E) override {
      if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
              isa<CallExpr, CXXConstructExpr>(E) ? redirectedErrorArgument(E)
                                                 : nullptr))
        SlotRefs.insert(Ref);
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
        Refs.push_back(Ref);
      return true;
    }
  } Find;
  Find.TraverseStmt(Operand);
  ObjectSet Slots;
  for (const DeclRefExpr *Ref : Find.SlotRefs) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (Var && isLocalObject(Var, Function) && isErrorCode(Var->getType()))
      Slots.insert(Var);
  }
  for (const DeclRefExpr *Ref : Find.Refs)
    if (!Find.SlotRefs.contains(Ref))
      Slots.erase(Ref->getDecl());
  return Slots;
}

const FunctionDecl *templateOrSelf(const FunctionDecl *F) {
  if (const FunctionDecl *Pattern = F->getTemplateInstantiationPattern())
    F = Pattern;
  return F->getCanonicalDecl();
}

} // namespace

bool sameOperation(const FunctionDecl *A, const FunctionDecl *B) {
  if (!A || !B)
    return false;
  if (templateOrSelf(A) == templateOrSelf(B))
    return true;
  // One operation on two objects of different classes (the game database's
  // Disconnect, the player database's Disconnect).
  return isa<CXXMethodDecl>(A) && isa<CXXMethodDecl>(B) && A->getIdentifier() &&
         B->getIdentifier() && A->getName() == B->getName();
}

std::string AwaitSite::calleeName() const {
  return Callee ? "'" + qualifiedName(Callee) + "'"
                : std::string("the awaited task");
}

std::string AwaitAnalysis::nameOf(ObjectKey Key) const {
  if (Key == ThisObject)
    return "'*this'";
  if (Key == UnknownObject)
    return "an object it cannot name";
  if (Key == DatabaseObject)
    return "the database";
  if (Key == OtherUnitState)
    return "state of another file";
  if (isForeignState(Key))
    return describeForeignState(Key);
  if (const auto *D = dyn_cast<NamedDecl>(static_cast<const Decl *>(Key));
      D && D->getIdentifier())
    return "'" + D->getName().str() + "'";
  return "an object";
}

const std::variant<AwaitSite, std::string> &
AwaitAnalysis::site(const AwaitStatement &Statement) {
  auto It = Sites.find(Statement.Statement);
  if (It == Sites.end())
    It = Sites.try_emplace(Statement.Statement, makeSite(Statement)).first;
  return It->second;
}

std::variant<AwaitSite, std::string>
AwaitAnalysis::makeSite(const AwaitStatement &S) {
  const Expr *Operand = S.Operand;
  if (!isa<CoawaitExpr>(S.Await) || Operand->isTypeDependent() ||
      Operand->isValueDependent())
    return std::string("what it awaits depends on a template parameter");
  if (containsSuspensionPoint(Operand))
    return std::string("its operand awaits too");
  std::optional<TaskTypeInfo> Task = Classifier.classify(Operand->getType());
  if (!Task)
    return std::string("it awaits no task");
  if (neverSuspends(Operand->getType()))
    return std::string("it never suspends");
  const FunctionDecl *Callee = calleeOf(Operand);
  // `co_await (fetch(a) && fetch(b))`: the operation is what the operator
  // combines. Only one operation repeated is followed; different ones
  // would each need their own name, state and ordering rules.
  llvm::SmallVector<const CallExpr *, 4> Combined = combinedCalls(Operand);
  if (!Combined.empty()) {
    Callee = Combined.front()->getDirectCallee();
    for (const CallExpr *Call : Combined)
      if (!sameOperation(Callee, Call->getDirectCallee()))
        return std::string("it awaits a combination of different operations");
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Operand);
             Op && Op->isInfixBinaryOp()) {
    return std::string("it awaits something other than a call");
  }
  if (Callee && Opts.Barriers.matches(Callee))
    return "'" + qualifiedName(Callee) +
           "' is a scheduling or synchronisation step";
  if (const OrderedRegion *Region = Facts.regionAt(S.Statement->getBeginLoc()))
    return "it is in an ordered section: " + Region->Reason;

  AwaitSite Site;
  Site.Shape = S;
  Site.Task = *Task;
  if (const VarDecl *TaskObject = awaitedVariable(Operand)) {
    if (Opts.Barriers.matches(TaskObject))
      return "'" + TaskObject->getName().str() +
             "' is a scheduling or synchronisation step";
    // An eager task object is already running: awaiting it later does not
    // delay it. A lazy one starts only here, so the order matters.
    if (Task->Start != StartPolicy::Lazy)
      return std::string("the task it awaits may already be running");
    Site.AwaitsTaskObject = true;
  } else if (!isa<CallExpr>(Operand)) {
    return std::string("it awaits something other than a call");
  }
  Site.Callee = Callee;
  Site.Kind = Callee ? Effects.kindOf(Callee) : CalleeKind::Unknown;
  if (Callee && Site.Kind == CalleeKind::Summarised &&
      Effects.effectsOf(Callee).neverSuspends())
    return "'" + qualifiedName(Callee) + "' never suspends";
  // Its task is complete when it returns: started together, it saves
  // nothing.
  if (Callee && Site.Kind == CalleeKind::Summarised && returnsReadyTask(Callee))
    return "'" + qualifiedName(Callee) +
           "' returns a task that is already complete";

  Site.Operand = summarizeOperand(Operand);
  Site.ErrorSlots = errorSlotsOf(Operand, Facts.function());
  llvm::SmallVector<const CallExpr *, 4> Calls(Combined);
  if (const auto *Call = dyn_cast<CallExpr>(Operand); Call && Combined.empty())
    Calls.push_back(Call);
  for (const CallExpr *Call : Calls) {
    llvm::SmallVector<const Expr *, 8> Inputs(Call->arguments());
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      Inputs.push_back(Member->getImplicitObjectArgument());
    for (const Expr *Input : Inputs) {
      AccessSummary Evaluated = Effects.summarize(Input, Facts.function());
      if (Evaluated.hasUnknownCall()) {
        Site.ArgumentUnknownCall = Evaluated.UnknownCall;
        break;
      }
    }
  }
  Site.CalleeHarmless = Effects.isHarmlessCall(Callee, Site.Operand);

  if (S.Declared) {
    Site.Results.insert(S.Declared);
    if (const auto *Decomposition = dyn_cast<DecompositionDecl>(S.Declared))
      for (const BindingDecl *Binding : Decomposition->bindings())
        Site.Results.insert(Binding);
  }
  if (S.Assigned)
    Site.Results.insert(S.Assigned);
  Site.ResultRoots = Site.Results;
  if (S.Target && !S.Assigned) {
    bool Indirect = false;
    ObjectKey Root = rootObject(S.Target, Indirect);
    if (Root)
      Site.ResultRoots.insert(Root);
    // item.roles = ...: the member is what is assigned; item.perms is
    // another.
    const auto *Member = dyn_cast<MemberExpr>(S.Target->IgnoreParenImpCasts());
    if (Member && isa<FieldDecl>(Member->getMemberDecl()))
      Site.Results.insert(Member->getMemberDecl());
    else if (Root)
      Site.Results.insert(Root);
    Site.ResultRoots.insert_range(Site.Results);
  }
  if (S.ResultType.isNull() || S.ResultType->isVoidType() ||
      S.Kind == AwaitStatementKind::Discarded)
    Site.ResultUsed = false;
  else if (S.Declared)
    Site.ResultUsed = Facts.usesOf(S.Declared) > 0;
  else if (S.Assigned)
    Site.ResultUsed = Facts.usesOf(S.Assigned) > 1; // beyond this assignment
  else
    Site.ResultUsed = true; // stored in a member or element
  return Site;
}

AccessSummary AwaitAnalysis::summarizeOperand(const Expr *Operand) {
  return Effects.summarizeOperation(Operand, Facts.function());
}

std::optional<std::string> AwaitAnalysis::dependence(const AwaitSite &E,
                                                     const AwaitSite &L) const {
  if (E.Task.Library != L.Task.Library)
    return std::string("they await tasks of different libraries");
  if (auto Key = common(L.Operand.touched(), E.ResultRoots))
    return L.calleeName() + " uses " + nameOf(*Key) + ", the result of " +
           E.calleeName();
  if (auto Key = common(L.Results, E.Results))
    return "both assign " + nameOf(*Key);
  // Writes by the code itself (assignments in the operands, lambdas).
  if (auto Key = common(E.Operand.Writes, L.Operand.touched()))
    return E.calleeName() + " writes " + nameOf(*Key) + ", which " +
           L.calleeName() + " uses";
  if (auto Key = common(L.Operand.Writes, E.Operand.touched()))
    return L.calleeName() + " writes " + nameOf(*Key) + ", which " +
           E.calleeName() + " uses";
  // One call may modify what the other reads: data flows between them.
  if (auto Key = common(E.Operand.CallWrites, plainReads(L.Operand)))
    return E.calleeName() + " may modify " + nameOf(*Key) + ", which " +
           L.calleeName() + " reads";
  if (auto Key = common(L.Operand.CallWrites, plainReads(E.Operand)))
    return L.calleeName() + " may modify " + nameOf(*Key) + ", which " +
           E.calleeName() + " reads";
  // An error code both only store their error in, which nothing reads
  // after the later one, holds no order: whichever ends last writes it,
  // and nobody looks.
  ObjectSet EarlierWrites = E.Operand.CallWrites;
  for (ObjectKey Slot : E.ErrorSlots)
    if (L.ErrorSlots.contains(Slot) &&
        Facts.unreadAfter(L.Shape.Statement,
                          cast<VarDecl>(static_cast<const Decl *>(Slot))))
      EarlierWrites.erase(Slot);
  if (auto Key = common(EarlierWrites, L.Operand.CallWrites)) {
    if (E.ErrorSlots.contains(*Key) && L.ErrorSlots.contains(*Key))
      return "both store their error in " + nameOf(*Key) +
             ", which code may read after them";
    // Global state written by both: their order shows.
    if (isGlobalState(*Key))
      return "both modify " + nameOf(*Key);
    // One object both may modify (a socket, a connection): most such
    // objects do not support concurrent operations.
    if (Opts.SameObjectIsDependent)
      return "both act on " + nameOf(*Key);
  }
  // A call whose reads are not known (its effects unknown, or only assumed
  // from its name) may read what the other writes outside the coroutine.
  auto Unread = [](const AwaitSite &S) {
    return S.Operand.hasUnknownCall() ? S.Operand.UnknownCall
                                      : S.Operand.AssumedCall;
  };
  // (It reaches globals, and what it is handed: the latter is decided above.)
  // An answer to an event (AcknowledgementCalls) whose body is elsewhere is
  // taken to act on what it is handed only, as everywhere else.
  auto MayReadGlobals = [this](const AwaitSite &S) {
    return !S.effectsKnown() && !isAcknowledgement(S);
  };
  if (auto Key = writtenGlobal(L.Operand); Key && MayReadGlobals(E))
    return "'" + Unread(E) + "' may read " + nameOf(*Key) + ", which " +
           L.calleeName() + " writes";
  if (auto Key = writtenGlobal(E.Operand); Key && MayReadGlobals(L))
    return "'" + Unread(L) + "' may read " + nameOf(*Key) + ", which " +
           E.calleeName() + " writes";
  // An await done for its effect orders the different operations around it,
  // unless every effect of both is known (then the checks above decided);
  // one that waits on a barrier (a helper that sleeps, locks, ...) orders
  // them anyway: its effect is the wait.
  if (Opts.OrderingSteps && !sameOperation(E.Callee, L.Callee)) {
    bool BothKnown = E.effectsKnown() && L.effectsKnown();
    for (const AwaitSite *Step : {&E, &L}) {
      if (!Step->isStep() || (BothKnown && !Step->Operand.AwaitsBarrier))
        continue;
      const AwaitSite &Other = Step == &E ? L : E;
      // An answer to an event (an acknowledgement first, or a second answer
      // after one) does not order a different operation that leaves both
      // the event and the program's state alone.
      if ((Step == &E || isAcknowledgement(E)) && isAcknowledgement(*Step) &&
          !actsAfterAcknowledgement(*Step, Other))
        continue;
      return Step->calleeName() +
             (Step->Operand.AwaitsBarrier
                  ? " waits on a timer or lock and its result is unused"
                  : " is awaited for its effect (its result is unused)") +
             ", and " + Other.calleeName() + " is a different operation";
    }
  }
  // Two different operations that change state, by their names, with
  // effects the analysis cannot see: their order may be a business rule
  // (reserve the stock, then charge the card).
  if (E.Callee && L.Callee && !sameOperation(E.Callee, L.Callee) &&
      !(E.effectsKnown() && L.effectsKnown()) &&
      Opts.StateChanging.matches(E.Callee) &&
      Opts.StateChanging.matches(L.Callee))
    return E.calleeName() + " and " + L.calleeName() +
           " are different operations that change state (by their names: "
           "StateChangingCalls), and their order may be a rule of the program";
  return std::nullopt;
}

bool AwaitAnalysis::isAcknowledgement(const AwaitSite &S) const {
  return S.Callee && !S.Operand.AwaitsBarrier &&
         Opts.Acknowledgements.matches(S.Callee);
}

bool AwaitAnalysis::actsAfterAcknowledgement(const AwaitSite &Ack,
                                             const AwaitSite &Other) const {
  // A task object, or an operation that changes state: if the answer
  // fails, the original never performs it, a group would.
  if (!Other.Callee ||
      (!isAcknowledgement(Other) && Opts.StateChanging.matches(Other.Callee)))
    return true;
  // Anything both touch (the event, the bot, *this) may be what the answer
  // must reach first: an edit of the deferred reply, a follow-up.
  return common(Ack.Operand.touched(), Other.Operand.touched()).has_value();
}

std::optional<std::string>
AwaitAnalysis::immovable(const AccessSummary &Between) const {
  if (Between.HasControlFlow)
    return std::string("code between them may leave or suspend");
  if (Between.hasUnknownCall())
    return "code between them calls '" + Between.UnknownCall +
           "', which may have side effects";
  if (Between.WritesNonLocal)
    return std::string("code between them writes outside the coroutine");
  return std::nullopt;
}

std::optional<std::string> AwaitAnalysis::conflict(const AccessSummary &B,
                                                   const AwaitSite &M) const {
  if (auto Key = common(B.touched(), M.ResultRoots))
    return "code between them uses " + nameOf(*Key) + ", the result of " +
           M.calleeName();
  if (auto Key = common(B.touched(), M.Operand.CallWrites))
    return "code between them uses " + nameOf(*Key) + ", which " +
           M.calleeName() + " may modify";
  ObjectSet Changed = B.modified();
  Changed.insert_range(B.Declared);
  if (auto Key = common(Changed, M.Operand.touched()))
    return "code between them changes " + nameOf(*Key) + ", which " +
           M.calleeName() + " uses";
  for (const auto &Entry : B.DeclaredNames)
    if (M.Operand.ReferencedNames.contains(Entry.getKey()))
      return "code between them declares '" + Entry.getKey().str() +
             "', a name " + M.calleeName() + " uses";
  return std::nullopt;
}

std::optional<std::string>
AwaitAnalysis::behaviourChange(llvm::ArrayRef<const AwaitSite *> Sites) const {
  for (const AwaitSite *Site : Sites) {
    const FunctionDecl *Callee = Site->Callee;
    if (!Callee)
      return std::string("an awaited expression is not a plain call");
    std::string Name = Site->calleeName();
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
        Method && Method->isInstance() && !Method->isConst())
      return Name + " is a non-const member function";
    if (!Site->Operand.CallWrites.empty() &&
        Site->Kind != CalleeKind::Summarised)
      return Name + " is passed an object it may modify";
    if (!Site->ArgumentUnknownCall.empty())
      return "the arguments of " + Name + " call '" +
             Site->ArgumentUnknownCall + "', which may have side effects";
    if (Site->Kind == CalleeKind::Unknown)
      return Name + " is not known to be free of side effects";
    if (std::optional<std::string> Caveat = Effects.summaryCaveat(Callee))
      return Caveat;
    if (Site->Operand.UnknownCall == qualifiedName(Callee))
      return Name + " writes through a pointer or reference to something "
                    "the analysis cannot name";
    if (Site->Operand.hasUnknownCall())
      return Name + " calls '" + Site->Operand.UnknownCall +
             "', which may have side effects";
    if (Site->Kind == CalleeKind::Summarised &&
        !Site->Operand.AssumedCall.empty() &&
        !Opts.SideEffectFree.matches(Callee))
      return Name + " calls '" + Site->Operand.AssumedCall +
             "', which is only assumed to be free of side effects";
    if (Site->Operand.WritesNonLocal)
      return Name + " writes state outside the coroutine";
    if (Site->Operand.Logs)
      return Name + " writes to a log or console, whose lines may come out "
                    "in another order";
  }
  return std::nullopt;
}

} // namespace clang::tidy::async::analysis
