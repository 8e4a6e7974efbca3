//===--- SequentialAwaitCheck.cpp - awaitlint
//------------------------------===//
//
// Groups consecutive await statements of one block whose operands do not
// depend on one another, and proposes one combined await (when_all).
//
// The analysis is deliberately conservative: a statement between two awaits
// stops the group unless it is a local computation (constexpr calls, writes
// to local variables only); awaits on scheduling and synchronisation
// primitives are barriers; labels, branches, loops and try blocks are
// barriers (awaits in different blocks are never grouped).
//
//===----------------------------------------------------------------------===//

#include "SequentialAwaitCheck.h"
#include "analysis/AwaitDiscovery.h"
#include "analysis/Accesses.h"
#include "analysis/FixRendering.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include <variant>

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

using analysis::AccessSummary;
using analysis::AwaitStatement;
using analysis::AwaitStatementKind;
using analysis::ObjectSet;

/// One await statement of a group.
struct GroupMember {
  AwaitStatement Site;
  AccessSummary Operand;
  analysis::TaskTypeInfo Task;
  /// The variables the statement gives a value (declared or assigned).
  ObjectSet Results;
  /// Awaits an existing (lazy) task object rather than a call.
  bool AwaitsTaskObject = false;
};

/// A statement between two members, hoisted before the combined await.
struct InBetween {
  const Stmt *Statement;
  AccessSummary Summary;
};

struct AwaitGroup {
  std::vector<GroupMember> Members;
  std::vector<InBetween> Between;
};

ObjectSet plainReads(const AccessSummary &S) {
  ObjectSet Result;
  for (analysis::ObjectKey Key : S.Reads)
    if (!S.CallWrites.contains(Key) && !S.Writes.contains(Key))
      Result.insert(Key);
  return Result;
}

ObjectSet modifiedOrDeclared(const AccessSummary &S) {
  ObjectSet Result = S.Writes;
  Result.insert_range(S.CallWrites);
  Result.insert_range(S.Declared);
  return Result;
}

bool sharesName(const llvm::StringSet<> &A, const llvm::StringSet<> &B) {
  for (const auto &Entry : A)
    if (B.contains(Entry.getKey()))
      return true;
  return false;
}

/// Collects every name used or declared in a function (fresh names must not
/// shadow any of them) and the variables it returns (a structured binding
/// cannot be implicitly moved by `return`/`co_return`).
class FunctionFacts : public RecursiveASTVisitor<FunctionFacts> {
public:
  llvm::StringSet<> Names;
  llvm::SmallPtrSet<const VarDecl *, 8> Returned;

  bool VisitNamedDecl(NamedDecl *D) {
    if (D->getIdentifier())
      Names.insert(D->getName());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl()->getIdentifier())
      Names.insert(Ref->getDecl()->getName());
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *Return) {
    noteReturned(Return->getRetValue());
    return true;
  }
  bool VisitCoreturnStmt(CoreturnStmt *Return) {
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

bool isStdTuple(QualType T) {
  const auto *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && analysis::qualifiedName(Record) == "std::tuple";
}

/// `co_await std::move(task)` or `co_await task`: the awaited task variable.
const VarDecl *awaitedTaskVariable(const Expr *Operand) {
  const Expr *E = Operand->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
        Callee->getName() == "move" && Call->getNumArgs() == 1)
      E = Call->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

/// True when \p QualifiedName ("awl::when_all", "asio::experimental") names a
/// declaration the translation unit already has: its header is included.
bool isDeclared(ASTContext &Context, llvm::StringRef QualifiedName) {
  QualifiedName.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  QualifiedName.split(Parts, "::");
  const DeclContext *Scope = Context.getTranslationUnitDecl();
  for (size_t I = 0; I < Parts.size(); ++I) {
    auto Found = Scope->lookup(&Context.Idents.get(Parts[I]));
    if (Found.empty())
      return false;
    if (I + 1 == Parts.size())
      return true;
    const auto *Next = dyn_cast<DeclContext>(Found.front());
    if (!Next)
      return false;
    Scope = Next->getPrimaryContext();
  }
  return false;
}

void mergeInto(AccessSummary &Into, const AccessSummary &From) {
  Into.Reads.insert_range(From.Reads);
  Into.Writes.insert_range(From.Writes);
  Into.CallWrites.insert_range(From.CallWrites);
  Into.Declared.insert_range(From.Declared);
  for (const auto &Name : From.DeclaredNames)
    Into.DeclaredNames.insert(Name.getKey());
  for (const auto &Name : From.ReferencedNames)
    Into.ReferencedNames.insert(Name.getKey());
  if (From.HasImpureCall && !Into.HasImpureCall)
    Into.FirstImpureCall = From.FirstImpureCall;
  Into.HasImpureCall |= From.HasImpureCall;
  Into.WritesNonLocal |= From.WritesNonLocal;
  Into.HasControlFlow |= From.HasControlFlow;
}

/// True when \p S may leave the enclosing block other than by falling
/// through: return, co_return, throw (a rethrow too), break, continue, goto.
class LeavesBlock : public RecursiveASTVisitor<LeavesBlock> {
public:
  bool Leaves = false;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitReturnStmt(ReturnStmt *) { return leave(); }
  bool VisitCoreturnStmt(CoreturnStmt *) { return leave(); }
  bool VisitCXXThrowExpr(CXXThrowExpr *) { return leave(); }
  bool VisitBreakStmt(BreakStmt *) { return leave(); }
  bool VisitContinueStmt(ContinueStmt *) { return leave(); }
  bool VisitGotoStmt(GotoStmt *) { return leave(); }
  bool VisitIndirectGotoStmt(IndirectGotoStmt *) { return leave(); }

private:
  bool leave() {
    Leaves = true;
    return false;
  }
};

bool mayLeave(const Stmt *S) {
  LeavesBlock Visitor;
  Visitor.TraverseStmt(const_cast<Stmt *>(S));
  return Visitor.Leaves;
}

/// True when \p S mentions \p Var (lambda bodies included).
class Mentions : public RecursiveASTVisitor<Mentions> {
public:
  explicit Mentions(const VarDecl *Var) : Var(Var) {}
  bool Found = false;
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    Found |= Ref->getDecl() == Var;
    return !Found;
  }

private:
  const VarDecl *Var;
};

bool mentions(const Stmt *S, const VarDecl *Var) {
  Mentions Visitor(Var);
  Visitor.TraverseStmt(const_cast<Stmt *>(S));
  return Visitor.Found;
}

/// Whether \p Callee is a coroutine or cannot throw: then evaluating a call
/// to it outside its try block cannot throw there instead (only unknown
/// functions defined elsewhere are given the benefit of the doubt).
bool throwsOnlyThroughItsTask(const FunctionDecl *Callee) {
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition) || !Definition)
    return true;
  if (isa_and_nonnull<CoroutineBodyStmt>(Definition->getBody()))
    return true;
  const auto *Proto = Definition->getType()->getAs<FunctionProtoType>();
  return Proto && Proto->isNothrow();
}

/// Whether a call in code that now runs in a different order relative to
/// an awaited call could observe or cause the difference: constexpr
/// functions, calls named in SideEffectFreeCalls, the standard library
/// (non-local writes, e.g. to std::cout, are caught separately), and member
/// functions of the coroutine's own locals or of \p Own (a caught
/// exception) cannot.
bool isHarmlessCall(const CallExpr *Call, const analysis::SharedOptions &Opts,
                    const DeclContext *Function, const VarDecl *Own) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  if (Callee->isConstexpr() || Callee->isInStdNamespace() ||
      Opts.SideEffectFreeCalls.matches(Callee))
    return true;
  const Expr *Object = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    Object = Member->getImplicitObjectArgument();
  else if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee))
    Object = Call->getArg(0);
  const auto *Class = dyn_cast<CXXRecordDecl>(Callee->getParent());
  if (!Object || !Class || Class->isLambda())
    return false;
  const auto *Ref = dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts());
  return Ref && (Ref->getDecl() == Own ||
                 analysis::isLocalObject(Ref->getDecl(), Function));
}

/// Finds a call isHarmlessCall does not accept (lambda bodies aside).
class HarmfulCallFinder : public RecursiveASTVisitor<HarmfulCallFinder> {
public:
  HarmfulCallFinder(const analysis::SharedOptions &Opts,
                    const DeclContext *Function, const VarDecl *Own)
      : Opts(Opts), Function(Function), Own(Own) {}
  bool Found = false;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCallExpr(CallExpr *Call) {
    Found = !isHarmlessCall(Call, Opts, Function, Own);
    return !Found;
  }

private:
  const analysis::SharedOptions &Opts;
  const DeclContext *Function;
  const VarDecl *Own;
};

} // namespace

class SequentialAwaitCheck::BlockAnalyzer {
public:
  BlockAnalyzer(SequentialAwaitCheck &Check, ASTContext &Context,
                const DeclContext *Function, FunctionFacts &Facts)
      : Check(Check), Context(Context), SM(Context.getSourceManager()),
        Function(Function), Facts(Facts) {}

  void run(const CompoundStmt *Block) {
    AwaitGroup Group;
    std::vector<InBetween> Pending;
    auto Flush = [&] {
      if (Group.Members.size() >= 2)
        report(Group);
      Group = AwaitGroup();
      Pending.clear();
    };
    for (const Stmt *S : Block->body()) {
      // A jump target: code may enter here without running the awaits above.
      if (isa<SwitchCase, LabelStmt>(S)) {
        Flush();
        continue;
      }
      if (std::optional<AwaitStatement> Site = analysis::matchAwaitStatement(S)) {
        std::optional<GroupMember> Candidate = asCandidate(*Site);
        if (!Candidate) {
          Flush();
          continue;
        }
        if (!Group.Members.empty() &&
            !dependsOnGroup(Group, Pending, *Candidate)) {
          llvm::append_range(Group.Between, Pending);
          Pending.clear();
          Group.Members.push_back(std::move(*Candidate));
          continue;
        }
        Flush();
        Group.Members.push_back(std::move(*Candidate));
        continue;
      }
      if (Group.Members.empty())
        continue;
      AccessSummary Summary = analysis::summarizeAccesses(S, Function);
      // Only local computations may sit between grouped awaits: anything
      // with effects outside the function could observe the new order.
      if (Summary.HasControlFlow || Summary.HasImpureCall ||
          Summary.WritesNonLocal) {
        Flush();
        continue;
      }
      Pending.push_back({S, std::move(Summary)});
    }
    Flush();
    runGuarded(Block);
    if (Check.SuggestAwaitLate)
      runAwaitLate(Block);
  }

private:
  /// The group member \p Site makes, if it can be one (remembered: the
  /// passes after grouping ask again).
  std::optional<GroupMember> asCandidate(const AwaitStatement &Site) {
    auto [It, Inserted] = Candidates.try_emplace(Site.Statement);
    if (Inserted)
      It->second = classifyCandidate(Site);
    return It->second;
  }

  std::optional<GroupMember> classifyCandidate(const AwaitStatement &Site) {
    const Expr *Operand = Site.Operand;
    if (!isa<CoawaitExpr>(Site.Await) || Operand->isTypeDependent() ||
        Operand->isValueDependent() || analysis::containsSuspensionPoint(Operand))
      return std::nullopt;
    std::optional<analysis::TaskTypeInfo> Task =
        Check.TaskTypeCache.classify(Operand->getType(), Check.Opts.TaskTypes);
    if (!Task)
      return std::nullopt;
    const FunctionDecl *Callee = analysis::calleeOf(Operand);
    if (Callee && Check.Opts.IgnoredAwaitables.matches(Callee))
      return std::nullopt;
    GroupMember Member;
    Member.Site = Site;
    Member.Task = *Task;
    if (const VarDecl *TaskObject = awaitedTaskVariable(Operand)) {
      if (Check.Opts.IgnoredAwaitables.matches(TaskObject))
        return std::nullopt;
      // An eager task object is already running: awaiting it later does not
      // delay it. A lazy one starts only here, so the order matters.
      if (Task->Start != analysis::StartPolicy::Lazy)
        return std::nullopt;
      Member.AwaitsTaskObject = true;
    } else if (!isa<CallExpr>(Operand->IgnoreParens())) {
      return std::nullopt;
    }
    Member.Operand = analysis::summarizeAccesses(Operand, Function, Callee);
    if (Site.Declared) {
      Member.Results.insert(Site.Declared);
      if (const auto *Decomposition =
              dyn_cast<DecompositionDecl>(Site.Declared))
        for (const BindingDecl *Binding : Decomposition->bindings())
          Member.Results.insert(Binding);
    }
    if (Site.Assigned)
      Member.Results.insert(Site.Assigned);
    return Member;
  }

  /// Conflicts between two awaited operands evaluated concurrently.
  bool operandsConflict(const AccessSummary &A, const AccessSummary &B) const {
    if (analysis::intersects(A.Writes, B.touched()) ||
        analysis::intersects(B.Writes, A.touched()))
      return true;
    // One call may modify what the other reads: data flows between them.
    if (analysis::intersects(A.CallWrites, plainReads(B)) ||
        analysis::intersects(B.CallWrites, plainReads(A)))
      return true;
    // Both use the same object they may modify (one socket, one connection):
    // most such objects do not support concurrent operations.
    return Check.Opts.SameObjectIsDependent &&
           analysis::intersects(A.CallWrites, B.CallWrites);
  }

  /// Whether statement \p Between (hoisted before the combined await) stays
  /// independent of member \p Member.
  static bool betweenConflicts(const InBetween &Between,
                               const GroupMember &Member) {
    const AccessSummary &B = Between.Summary;
    return analysis::intersects(B.touched(), Member.Results) ||
           analysis::intersects(B.touched(), Member.Operand.CallWrites) ||
           analysis::intersects(modifiedOrDeclared(B), Member.Operand.touched()) ||
           sharesName(B.DeclaredNames, Member.Operand.ReferencedNames);
  }

  bool dependsOnGroup(const AwaitGroup &Group,
                      const std::vector<InBetween> &Pending,
                      const GroupMember &Next) const {
    if (Next.Task.Library != Group.Members.front().Task.Library)
      return true;
    for (const GroupMember &Member : Group.Members) {
      // The result of an earlier await used by the later operand (directly,
      // through a reference, a member, a binding or a lambda capture), or
      // both assigning one variable.
      if (analysis::intersects(Next.Operand.touched(), Member.Results) ||
          analysis::intersects(Next.Results, Member.Results) ||
          operandsConflict(Member.Operand, Next.Operand))
        return true;
      for (const InBetween &Between : Pending)
        if (betweenConflicts(Between, Member))
          return true;
    }
    for (const std::vector<InBetween> *List : {&Group.Between, &Pending})
      for (const InBetween &Between : *List)
        if (betweenConflicts(Between, Next))
          return true;
    return false;
  }

  std::optional<analysis::Combiner> combiner(const AwaitGroup &Group) const {
    return Check.Opts.combinerFor(Group.Members.front().Task.Library);
  }

  /// Why the fix-it may change behaviour, if it may: when_all starts every
  /// call up front and fails fast, while the sequential code never starts
  /// a later call after an earlier one failed.
  std::optional<std::string>
  behaviourChange(llvm::ArrayRef<GroupMember> Members) const {
    for (const GroupMember &Member : Members) {
      const FunctionDecl *Callee = analysis::calleeOf(Member.Site.Operand);
      if (!Callee)
        return std::string("an awaited expression is not a plain call");
      std::string Name = "'" + analysis::qualifiedName(Callee) + "'";
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
          Method && Method->isInstance() && !Method->isConst())
        return Name + " is a non-const member function";
      if (!Member.Operand.CallWrites.empty())
        return Name + " is passed an object it may modify";
      if (Member.Operand.HasImpureCall)
        return "the arguments of " + Name + " call '" +
               Member.Operand.FirstImpureCall +
               "', which may have side effects";
      if (!Check.Opts.SideEffectFreeCalls.matches(Callee))
        return Name + " is not known to be free of side effects";
    }
    return std::nullopt;
  }

  /// awl's combinators copy each value (other code may hold the input
  /// promise too): a move-only result cannot go through them.
  std::optional<std::string> moveOnlyResult(llvm::ArrayRef<GroupMember> Members,
                                            llvm::StringRef Function) const {
    if (!llvm::StringRef(Function).starts_with("awl::"))
      return std::nullopt;
    for (const GroupMember &Member : Members)
      if (analysis::isMoveOnly(Member.Site.ResultType))
        return "'" + Function.str() + "' copies each value, and '" +
               Member.Site.ResultType.getAsString(Context.getPrintingPolicy()) +
               "' cannot be copied";
    return std::nullopt;
  }

  /// Adds the include of \p Header to \p Fixes unless \p Declared (a
  /// qualified name) is already declared, i.e. its header is included.
  void includeUnlessDeclared(std::vector<FixItHint> &Fixes, FileID File,
                             llvm::StringRef Declared, llvm::StringRef Header) {
    if (Header.empty() || isDeclared(Context, Declared))
      return;
    if (auto Include = Check.Inserter.createIncludeInsertion(File, Header))
      Fixes.push_back(std::move(*Include));
  }

  bool usingDirectiveVisible(llvm::StringRef Namespace,
                             SourceLocation Loc) const {
    for (const UsingDirective &Directive : Check.UsingDirectives) {
      if (Directive.Namespace != Namespace ||
          !SM.isBeforeInTranslationUnit(Directive.Loc, Loc))
        continue;
      for (const DeclContext *DC = Function; DC; DC = DC->getLexicalParent())
        if (DC == Directive.Context)
          return true;
    }
    return false;
  }

  std::string freshName(llvm::StringRef Base) {
    std::string Name = Base.str();
    for (unsigned Suffix = 1; Facts.Names.contains(Name); ++Suffix)
      Name = Base.str() + std::to_string(Suffix);
    Facts.Names.insert(Name);
    return Name;
  }

  /// The edits replacing the group, or the reason there are none.
  std::variant<std::vector<FixItHint>, std::string>
  buildFix(const AwaitGroup &Group,
           const std::optional<analysis::Combiner> &With) {
    const LangOptions &LangOpts = Context.getLangOpts();
    if (!With && Group.Members.front().Task.Start == analysis::StartPolicy::Eager)
      return buildStartAllFix(Group);
    if (!With)
      return std::string("no when_all is known for '") +
             Group.Members.front().Task.Name +
             "'; set the WhenAllFunction option";
    if (std::optional<std::string> Problem =
            moveOnlyResult(Group.Members, With->Function))
      return *Problem;
    std::vector<analysis::AwaitForRendering> Awaits;
    std::vector<CharSourceRange> Ranges;
    for (const GroupMember &Member : Group.Members) {
      const AwaitStatement &Site = Member.Site;
      if (Member.AwaitsTaskObject)
        return std::string("it awaits existing task objects; start them with "
                           "a combined await by hand");
      CharSourceRange Range =
          analysis::statementRange(Site.Statement, SM, LangOpts);
      if (Range.isInvalid() || Site.Await->getBeginLoc().isMacroID() ||
          (!Ranges.empty() && SM.getFileID(Range.getBegin()) !=
                                  SM.getFileID(Ranges[0].getBegin())))
        return std::string("the awaits come from a macro expansion");
      Ranges.push_back(Range);
      analysis::AwaitForRendering Await;
      Await.Kind = Site.Kind;
      std::optional<std::string> Operand =
          analysis::operandText(Site.Operand, SM, LangOpts);
      if (!Operand)
        return std::string("the awaits come from a macro expansion");
      Await.Operand = *Operand;
      Await.ResultIsVoid = Site.ResultType->isVoidType();
      Await.ResultIsTuple = isStdTuple(Site.ResultType);
      if (const VarDecl *Var = Site.Declared) {
        QualType T = Var->getType();
        if (Var->getInitStyle() != VarDecl::CInit ||
            (T->isLValueReferenceType() &&
             !T.getNonReferenceType().isConstQualified()))
          return std::string("a declaration cannot take its value from a "
                             "combined await");
        Await.Name = Var->getName().str();
        Await.DeclarationPrefix =
            Lexer::getSourceText(
                CharSourceRange::getCharRange(Site.Statement->getBeginLoc(),
                                              Site.Await->getBeginLoc()),
                SM, LangOpts)
                .str();
        const TypeSourceInfo *Written = Var->getTypeSourceInfo();
        const auto *Auto =
            Written ? dyn_cast<AutoType>(Written->getType().getTypePtr())
                    : nullptr;
        Await.PlainAuto = Site.Kind == AwaitStatementKind::Declaration &&
                          Auto && !Auto->isDecltypeAuto() &&
                          !Written->getType().hasLocalQualifiers() &&
                          !Var->hasAttrs() && !Facts.Returned.contains(Var);
      }
      if (Site.Assigned)
        Await.Name = Site.Assigned->getName().str();
      Awaits.push_back(std::move(Await));
    }

    const Stmt *Last = Group.Members.back().Site.Statement;
    SourceLocation LastLoc = Last->getBeginLoc();
    bool NeedUsing = !With->UsingNamespace.empty() &&
                     !usingDirectiveVisible(With->UsingNamespace, LastLoc);
    std::optional<analysis::RenderedAwait> Rendered = analysis::renderCombinedAwait(
        Awaits, *With, NeedUsing, analysis::indentationAt(LastLoc, SM),
        [this](llvm::StringRef Base) { return freshName(Base); });
    if (!Rendered)
      return std::string("the results do not fit one combined await");

    std::vector<FixItHint> Fixes;
    for (size_t I = 0; I + 1 < Ranges.size(); ++I)
      Fixes.push_back(
          FixItHint::CreateRemoval(analysis::wholeLines(Ranges[I], SM)));
    Fixes.push_back(
        FixItHint::CreateReplacement(Ranges.back(), Rendered->Text));
    FileID File = SM.getFileID(Ranges[0].getBegin());
    llvm::StringRef Provided = With->Form == analysis::Combiner::Style::AsioAnd
                                   ? llvm::StringRef(With->UsingNamespace)
                                   : llvm::StringRef(With->Function);
    includeUnlessDeclared(Fixes, File, Provided, With->Header);
    if (Rendered->UsesStdTie)
      includeUnlessDeclared(Fixes, File, "std::tie", "<tuple>");
    return Fixes;
  }

  void report(const AwaitGroup &Group) {
    for (const GroupMember &Member : Group.Members)
      Reported.insert(Member.Site.Statement);
    std::optional<analysis::Combiner> With = combiner(Group);
    SourceLocation Loc = Group.Members.front().Site.Await->getBeginLoc();
    bool StartAll =
        !With && Group.Members.front().Task.Start == analysis::StartPolicy::Eager;
    std::string Using = With ? With->DisplayName : "a when_all combinator";
    auto Fix = buildFix(Group, With);
    std::optional<std::string> Change = behaviourChange(Group.Members);
    if (StartAll && !Change)
      Change = "the task type '" + Group.Members.front().Task.Name +
               "' has no when_all, so if one co_await throws, the tasks "
               "started after it run on unobserved";
    auto *Fixes = std::get_if<std::vector<FixItHint>>(&Fix);
    {
      auto Warning = Check.diag(Loc, "%0 independent co_await expressions run "
                                     "one after another; start them together "
                                     "%select{with %1|by starting each before "
                                     "awaiting the first}2")
                     << static_cast<unsigned>(Group.Members.size()) << Using
                     << StartAll;
      if (Fixes && !Change)
        Warning << *Fixes;
    }
    if (!Fixes) {
      Check.diag(Loc, "no fix-it: %0", DiagnosticIDs::Note)
          << std::get<std::string>(Fix);
    } else if (Change) {
      Check.diag(Loc,
                 "fix-it on this note only (apply with --fix-notes): %select{"
                 "%0 starts every call at once and fails fast|the fix starts "
                 "every task before awaiting the first}2, while the "
                 "sequential awaits start a call only after the previous one "
                 "succeeded, and %1",
                 DiagnosticIDs::Note)
          << Using << *Change << StartAll << *Fixes;
    }
    noteEachAwait(Group.Members);
  }

  /// "independent co_await I of N" at each grouped await.
  void noteEachAwait(llvm::ArrayRef<GroupMember> Members) {
    for (size_t I = 0; I < Members.size(); ++I)
      Check.diag(Members[I].Site.Await->getBeginLoc(),
                 "independent co_await %0 of %1", DiagnosticIDs::Note)
          << static_cast<unsigned>(I + 1)
          << static_cast<unsigned>(Members.size());
  }

  /// The fix for eager tasks with no combinator: call every operand first,
  /// keeping each task in a variable, then await them where they were.
  std::variant<std::vector<FixItHint>, std::string>
  buildStartAllFix(const AwaitGroup &Group) {
    const LangOptions &LangOpts = Context.getLangOpts();
    const Stmt *First = Group.Members.front().Site.Statement;
    std::string Indent = analysis::indentationAt(First->getBeginLoc(), SM);
    std::string Started;
    std::vector<FixItHint> Fixes;
    for (const GroupMember &Member : Group.Members) {
      const AwaitStatement &Site = Member.Site;
      if (Member.AwaitsTaskObject)
        return std::string("it awaits existing task objects");
      if (const FunctionDecl *Callee = analysis::calleeOf(Site.Operand);
          !Callee || analysis::keepsReferences(Callee))
        return std::string("a task started early could outlive or observe "
                           "changes to an argument it refers to");
      CharSourceRange OperandRange =
          CharSourceRange::getTokenRange(Site.Operand->getSourceRange());
      std::optional<std::string> Operand =
          analysis::operandText(Site.Operand, SM, LangOpts);
      if (!Operand || OperandRange.getBegin().isMacroID() ||
          OperandRange.getEnd().isMacroID() ||
          SM.getFileID(OperandRange.getBegin()) !=
              SM.getFileID(First->getBeginLoc()))
        return std::string("the awaits come from a macro expansion");
      const VarDecl *Named = Site.Declared ? Site.Declared : Site.Assigned;
      std::string Name = freshName(Named && Named->getIdentifier()
                                       ? Named->getName().str() + "_task"
                                       : std::string("task"));
      Started.append("auto ").append(Name).append(" = ").append(*Operand);
      Started.append(";\n").append(Indent);
      Fixes.push_back(FixItHint::CreateReplacement(OperandRange,
                                                   "std::move(" + Name + ")"));
    }
    Fixes.insert(Fixes.begin(),
                 FixItHint::CreateInsertion(First->getBeginLoc(), Started));
    includeUnlessDeclared(Fixes, SM.getFileID(First->getBeginLoc()),
                          "std::move", "<utility>");
    return Fixes;
  }

  // --- Awaits in separate try blocks -----------------------------------------
  //
  //   try { a = co_await f(); } catch (...) { a = -1; }
  //   try { b = co_await g(); } catch (...) { b = -1; }
  // becomes
  //   auto [a_settled, b_settled] = co_await when_all_settled(f(), g());
  //   try { a = std::move(a_settled).get(); } catch (...) { a = -1; }
  //   try { b = std::move(b_settled).get(); } catch (...) { b = -1; }
  // Each handler still sees exactly its own await's exception. What moves is
  // the start of g() (before f's handler ran), so a handler may only compute
  // locally, and only the last may leave the block.

  struct GuardedAwait {
    const CXXTryStmt *Try = nullptr;
    GroupMember Member;
    /// All handlers of the try statement together.
    AccessSummary Handlers;
    bool HandlersLeave = false;
  };

  std::optional<GuardedAwait> asGuarded(const Stmt *S) {
    const auto *Try = dyn_cast<CXXTryStmt>(S);
    if (!Try)
      return std::nullopt;
    const CompoundStmt *Body = Try->getTryBlock();
    if (!Body || Body->size() != 1)
      return std::nullopt;
    std::optional<AwaitStatement> Site =
        analysis::matchAwaitStatement(Body->body_front());
    if (!Site)
      return std::nullopt;
    std::optional<GroupMember> Member = asCandidate(*Site);
    if (!Member || Member->AwaitsTaskObject)
      return std::nullopt;
    GuardedAwait Guarded;
    Guarded.Try = Try;
    Guarded.Member = std::move(*Member);
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
      const CXXCatchStmt *Catch = Try->getHandler(I);
      const Stmt *Handler = Catch->getHandlerBlock();
      // Handlers that touch anything but locals and their exception could
      // observe the new order.
      HarmfulCallFinder Harmful(Check.Opts, Function,
                                Catch->getExceptionDecl());
      Harmful.TraverseStmt(const_cast<Stmt *>(Handler));
      AccessSummary Summary = analysis::summarizeAccesses(Handler, Function);
      if (Harmful.Found || Summary.WritesNonLocal)
        return std::nullopt;
      mergeInto(Guarded.Handlers, Summary);
      Guarded.HandlersLeave |= mayLeave(Handler);
    }
    return Guarded;
  }

  bool guardedDepends(llvm::ArrayRef<GuardedAwait> Run,
                      const GuardedAwait &Next) const {
    // Only the last handler may leave: the sequential code would not start
    // the next call after an earlier handler returned or rethrew.
    if (Run.back().HandlersLeave)
      return true;
    const GroupMember &N = Next.Member;
    if (N.Task.Library != Run.front().Member.Task.Library)
      return true;
    for (const GuardedAwait &Earlier : Run) {
      const GroupMember &M = Earlier.Member;
      if (analysis::intersects(N.Operand.touched(), M.Results) ||
          analysis::intersects(N.Results, M.Results) ||
          operandsConflict(M.Operand, N.Operand))
        return true;
      // The earlier handlers now run after the later call started.
      const AccessSummary &H = Earlier.Handlers;
      if (analysis::intersects(H.Writes, N.Operand.touched()) ||
          analysis::intersects(H.CallWrites, N.Operand.touched()) ||
          analysis::intersects(H.touched(), N.Operand.CallWrites))
        return true;
    }
    return false;
  }

  void runGuarded(const CompoundStmt *Block) {
    std::vector<GuardedAwait> Run;
    auto Flush = [&] {
      if (Run.size() >= 2)
        reportGuarded(Run);
      Run.clear();
    };
    for (const Stmt *S : Block->body()) {
      std::optional<GuardedAwait> Guarded = asGuarded(S);
      if (!Guarded) {
        Flush();
        continue;
      }
      if (!Run.empty() && guardedDepends(Run, *Guarded))
        Flush();
      Run.push_back(std::move(*Guarded));
    }
    Flush();
  }

  std::variant<std::vector<FixItHint>, std::string>
  buildGuardedFix(llvm::ArrayRef<GuardedAwait> Run,
                  llvm::ArrayRef<GroupMember> Members,
                  const analysis::SettledCombiner &With) {
    const LangOptions &LangOpts = Context.getLangOpts();
    SourceLocation Start = Run.front().Try->getBeginLoc();
    if (Start.isMacroID())
      return std::string("the try blocks come from a macro expansion");
    if (std::optional<std::string> Problem =
            moveOnlyResult(Members, With.Function))
      return *Problem;
    std::vector<FixItHint> Fixes;
    std::vector<std::string> Names;
    std::string Operands;
    for (const GuardedAwait &Guarded : Run) {
      const AwaitStatement &Site = Guarded.Member.Site;
      CharSourceRange AwaitRange =
          CharSourceRange::getTokenRange(Site.Await->getSourceRange());
      std::optional<std::string> Operand =
          analysis::operandText(Site.Operand, SM, LangOpts);
      if (!Operand || AwaitRange.getBegin().isMacroID() ||
          AwaitRange.getEnd().isMacroID() ||
          SM.getFileID(AwaitRange.getBegin()) != SM.getFileID(Start))
        return std::string("the awaits come from a macro expansion");
      const VarDecl *Named = Site.Declared ? Site.Declared : Site.Assigned;
      Names.push_back(freshName(Named && Named->getIdentifier()
                                    ? Named->getName().str() + "_settled"
                                    : std::string("settled")));
      Operands += (Operands.empty() ? "" : ", ") + *Operand;
      Fixes.push_back(FixItHint::CreateReplacement(
          AwaitRange,
          "std::move(" + Names.back() + ")." + With.ValueMethod + "()"));
    }
    std::string Declaration = "auto [";
    for (size_t I = 0; I < Names.size(); ++I)
      Declaration += (I ? ", " : "") + Names[I];
    Declaration += "] = co_await " + With.Function + "(" + Operands + ");\n" +
                   analysis::indentationAt(Start, SM);
    Fixes.insert(Fixes.begin(), FixItHint::CreateInsertion(Start, Declaration));
    includeUnlessDeclared(Fixes, SM.getFileID(Start), With.Function,
                          With.Header);
    return Fixes;
  }

  void reportGuarded(llvm::ArrayRef<GuardedAwait> Run) {
    // Without a settled combinator the handlers cannot keep their meaning:
    // leave the try blocks alone.
    std::optional<analysis::SettledCombiner> With =
        Check.Settled.combinerFor(Run.front().Member.Task.Library);
    if (!With)
      return;
    std::vector<GroupMember> Members;
    for (const GuardedAwait &Guarded : Run)
      Members.push_back(Guarded.Member);
    std::optional<std::string> Change = behaviourChange(Members);
    if (!Change)
      for (const GroupMember &Member : Members)
        if (const FunctionDecl *Callee = analysis::calleeOf(Member.Site.Operand);
            Callee && !throwsOnlyThroughItsTask(Callee)) {
          Change = "'" + analysis::qualifiedName(Callee) +
                   "' may throw before it returns its task, which would no "
                   "longer be caught by its try block";
          break;
        }
    auto Fix = buildGuardedFix(Run, Members, *With);
    auto *Fixes = std::get_if<std::vector<FixItHint>>(&Fix);
    SourceLocation Loc = Members.front().Site.Await->getBeginLoc();
    {
      auto Warning =
          Check.diag(Loc, "%0 independent co_await expressions in separate "
                          "try blocks run one after another; start them "
                          "together with %1")
          << static_cast<unsigned>(Members.size()) << With->DisplayName;
      if (Fixes && !Change)
        Warning << *Fixes;
    }
    if (!Fixes)
      Check.diag(Loc, "no fix-it: %0", DiagnosticIDs::Note)
          << std::get<std::string>(Fix);
    else if (Change)
      Check.diag(Loc,
                 "fix-it on this note only (apply with --fix-notes): %0 "
                 "starts every call at once, while the sequential awaits "
                 "start a call only after the previous one finished, and %1",
                 DiagnosticIDs::Note)
          << With->DisplayName << *Change << *Fixes;
    noteEachAwait(Members);
  }

  // --- Await late
  // --------------------------------------------------------------
  //
  //   auto config = co_await load_config();   // waits here...
  //   co_await awl::sleep(100);               // ...before unrelated waiting
  //   use(config);
  // An eager task runs from its call: calling it here and awaiting it just
  // before its result is needed overlaps it with the waiting in between.

  /// What a statement an await would move past does, as far as it matters.
  class CrossedCode : public RecursiveASTVisitor<CrossedCode> {
  public:
    CrossedCode(const analysis::SharedOptions &Opts, const DeclContext *Function)
        : Opts(Opts), Function(Function) {}
    /// Suspension points crossed.
    unsigned Awaits = 0;
    /// False when the code may suspend on something with side effects, call
    /// something that is not known to be harmless, or write anything but a
    /// local variable.
    bool Crossable = true;

    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    // Leaving the block is checked apart (mayLeave).
    bool VisitCoyieldExpr(CoyieldExpr *) { return stop(); }
    bool VisitCXXTryStmt(CXXTryStmt *) { return stop(); }
    bool VisitDependentCoawaitExpr(DependentCoawaitExpr *) { return stop(); }
    bool VisitCoawaitExpr(CoawaitExpr *Await) {
      ++Awaits;
      const Expr *Operand = Await->getOperand()->IgnoreImplicit();
      // Timers, locks, channels: their place in the order is their purpose.
      const FunctionDecl *Callee = analysis::calleeOf(Operand);
      if (!Callee || !Opts.SideEffectFreeCalls.matches(Callee) ||
          Opts.IgnoredAwaitables.matches(Callee))
        return stop();
      if (const auto *Call = dyn_cast<CallExpr>(Operand->IgnoreParens()))
        AwaitedCalls.insert(Call);
      return true;
    }
    bool VisitCallExpr(CallExpr *Call) {
      if (AwaitedCalls.contains(Call) ||
          isHarmlessCall(Call, Opts, Function, nullptr))
        return true;
      return stop();
    }
    bool VisitBinaryOperator(BinaryOperator *Op) {
      return Op->isAssignmentOp() && !isLocal(Op->getLHS()) ? stop() : true;
    }
    bool VisitUnaryOperator(UnaryOperator *Op) {
      return Op->isIncrementDecrementOp() && !isLocal(Op->getSubExpr()) ? stop()
                                                                        : true;
    }

  private:
    bool stop() {
      Crossable = false;
      return false;
    }
    bool isLocal(const Expr *E) const {
      const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      return Ref && analysis::isLocalObject(Ref->getDecl(), Function);
    }
    const analysis::SharedOptions &Opts;
    const DeclContext *Function;
    llvm::SmallPtrSet<const CallExpr *, 4> AwaitedCalls;
  };

  void runAwaitLate(const CompoundStmt *Block) {
    llvm::SmallVector<const Stmt *, 16> Body(Block->body());
    for (size_t I = 0; I < Body.size(); ++I) {
      if (Reported.contains(Body[I]))
        continue;
      std::optional<AwaitStatement> Site = analysis::matchAwaitStatement(Body[I]);
      if (!Site || Site->Kind != AwaitStatementKind::Declaration)
        continue;
      std::optional<GroupMember> Member = asCandidate(*Site);
      if (!Member || Member->AwaitsTaskObject ||
          Member->Task.Start != analysis::StartPolicy::Eager)
        continue;
      const FunctionDecl *Callee = analysis::calleeOf(Site->Operand);
      // The task must own its inputs: the code in between may change or
      // end what a reference parameter refers to while the task runs.
      if (!Callee || !Check.Opts.SideEffectFreeCalls.matches(Callee) ||
          analysis::keepsReferences(Callee) || Member->Operand.HasImpureCall ||
          !Member->Operand.CallWrites.empty())
        continue;
      unsigned Awaits = 0;
      size_t Use = I + 1;
      for (; Use < Body.size(); ++Use) {
        const Stmt *Next = Body[Use];
        if (isa<SwitchCase, LabelStmt>(Next) || mentions(Next, Site->Declared))
          break;
        CrossedCode Crossed(Check.Opts, Function);
        Crossed.TraverseStmt(const_cast<Stmt *>(Next));
        if (!Crossed.Crossable || mayLeave(Next))
          break;
        Awaits += Crossed.Awaits;
      }
      if (Awaits == 0 || Use == Body.size())
        continue;
      reportAwaitLate(*Site, Callee, Body[Use], Awaits);
    }
  }

  void reportAwaitLate(const AwaitStatement &Site, const FunctionDecl *Callee,
                       const Stmt *Before, unsigned Awaits) {
    const LangOptions &LangOpts = Context.getLangOpts();
    std::string CalleeName = analysis::qualifiedName(Callee);
    SourceLocation Loc = Site.Await->getBeginLoc();
    Check.diag(Loc, "co_await of '%0' waits before %1 later co_await "
                    "expression%s1 that do%select{es|}2 not need its result; "
                    "start it here and await it when '%3' is needed")
        << CalleeName << Awaits << (Awaits != 1) << Site.Declared->getName();
    CharSourceRange Statement =
        analysis::statementRange(Site.Statement, SM, LangOpts);
    CharSourceRange OperandRange =
        CharSourceRange::getTokenRange(Site.Operand->getSourceRange());
    std::optional<std::string> Operand =
        analysis::operandText(Site.Operand, SM, LangOpts);
    SourceLocation InsertAt = Before->getBeginLoc();
    if (Statement.isInvalid() || !Operand ||
        OperandRange.getBegin().isMacroID() ||
        OperandRange.getEnd().isMacroID() || InsertAt.isMacroID()) {
      Check.diag(Loc, "no fix-it: the code comes from a macro expansion",
                 DiagnosticIDs::Note);
      return;
    }
    std::string Name = freshName(Site.Declared->getName().str() + "_task");
    // The declaration as written, awaiting the started task instead.
    auto Text = [&](SourceLocation From, SourceLocation To) {
      return Lexer::getSourceText(CharSourceRange::getCharRange(From, To), SM,
                                  LangOpts)
          .str();
    };
    SourceLocation OperandEnd =
        Lexer::getLocForEndOfToken(Site.Operand->getEndLoc(), 0, SM, LangOpts);
    std::string Moved =
        Text(Statement.getBegin(), Site.Operand->getBeginLoc()) + "std::move(" +
        Name + ")" + Text(OperandEnd, Statement.getEnd()) + ";\n" +
        analysis::indentationAt(InsertAt, SM);
    std::vector<FixItHint> Fixes;
    Fixes.push_back(FixItHint::CreateReplacement(
        Statement, "auto " + Name + " = " + *Operand + ";"));
    Fixes.push_back(FixItHint::CreateInsertion(InsertAt, Moved));
    includeUnlessDeclared(Fixes, SM.getFileID(InsertAt), "std::move",
                          "<utility>");
    Check.diag(Loc,
               "fix-it on this note only (apply with --fix-notes): the code "
               "in between then runs while '%0' is in flight; if that code "
               "throws, '%0' is left running and a failure of it goes "
               "unobserved",
               DiagnosticIDs::Note)
        << CalleeName << Fixes;
  }

  SequentialAwaitCheck &Check;
  ASTContext &Context;
  const SourceManager &SM;
  const DeclContext *Function;
  FunctionFacts &Facts;
  /// Await statements already reported as members of a group.
  llvm::SmallPtrSet<const Stmt *, 16> Reported;
  llvm::DenseMap<const Stmt *, std::optional<GroupMember>> Candidates;
};

SequentialAwaitCheck::SequentialAwaitCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Opts(Options), Settled(Options),
      SuggestAwaitLate(analysis::getBoolOption(Options, "SuggestAwaitLate", true)),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void SequentialAwaitCheck::storeOptions(
    ClangTidyOptions::OptionMap &OptionMap) {
  Opts.store(Options, OptionMap);
  Settled.store(Options, OptionMap);
  analysis::storeBoolOption(Options, OptionMap, "SuggestAwaitLate",
                         SuggestAwaitLate);
  Options.store(OptionMap, "IncludeStyle", Inserter.getStyle());
}

void SequentialAwaitCheck::registerPPCallbacks(
    const SourceManager & /*SM*/, Preprocessor *PP,
    Preprocessor * /*ModuleExpanderPP*/) {
  Inserter.registerPreprocessor(PP);
}

void SequentialAwaitCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(analysis::coroutineDefinition(), this);
  Finder->addMatcher(usingDirectiveDecl().bind("using"), this);
}

void SequentialAwaitCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Directive =
          Result.Nodes.getNodeAs<UsingDirectiveDecl>("using")) {
    if (const NamespaceDecl *Nominated = Directive->getNominatedNamespace())
      UsingDirectives.push_back({analysis::qualifiedName(Nominated),
                                 Directive->getDeclContext(),
                                 Directive->getLocation()});
    return;
  }
  const auto *Coroutine =
      Result.Nodes.getNodeAs<CoroutineBodyStmt>("coroutine");
  if (!Coroutine || !Coroutine->getBody())
    return;
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  // Instantiations repeat the primary template's awaits: report those once.
  if (!Function || analysis::isInInstantiation(Function))
    return;
  FunctionFacts Facts;
  Facts.TraverseStmt(
      const_cast<Stmt *>(static_cast<const Stmt *>(Coroutine->getBody())));
  BlockAnalyzer Analyzer(*this, *Result.Context, Function, Facts);
  analysis::forEachBlock(Coroutine->getBody(),
                      [&](const CompoundStmt *Block) { Analyzer.run(Block); });
}

} // namespace clang::tidy::async
