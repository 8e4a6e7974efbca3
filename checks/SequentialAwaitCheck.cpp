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
#include "utils/AwaitDiscovery.h"
#include "utils/DependenceAnalysis.h"
#include "utils/FixItRendering.h"
#include "utils/OptionHelpers.h"
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

using utils::AccessSummary;
using utils::AwaitStatement;
using utils::AwaitStatementKind;
using utils::ObjectSet;

/// One await statement of a group.
struct GroupMember {
  AwaitStatement Site;
  AccessSummary Operand;
  utils::TaskTypeInfo Task;
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
  for (utils::ObjectKey Key : S.Reads)
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

const DeclContext *functionOf(const Stmt *Body, ASTContext &Context) {
  for (const DynTypedNode &Parent : Context.getParents(*Body)) {
    if (const auto *Function = Parent.get<FunctionDecl>())
      return Function;
    if (const auto *Lambda = Parent.get<LambdaExpr>())
      return Lambda->getCallOperator();
  }
  return nullptr;
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
  return Record && utils::qualifiedName(Record) == "std::tuple";
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
      if (std::optional<AwaitStatement> Site = utils::matchAwaitStatement(S)) {
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
      AccessSummary Summary = utils::summarizeAccesses(S, Function);
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
  }

private:
  std::optional<GroupMember> asCandidate(const AwaitStatement &Site) {
    const Expr *Operand = Site.Operand;
    if (!isa<CoawaitExpr>(Site.Await) || Operand->isTypeDependent() ||
        Operand->isValueDependent() || utils::containsSuspensionPoint(Operand))
      return std::nullopt;
    std::optional<utils::TaskTypeInfo> Task =
        utils::classifyTaskType(Operand->getType(), Check.TaskTypes);
    if (!Task)
      return std::nullopt;
    const FunctionDecl *Callee = utils::calleeOf(Operand);
    if (Callee && Check.IgnoredAwaitables.matches(Callee))
      return std::nullopt;
    GroupMember Member;
    Member.Site = Site;
    Member.Task = *Task;
    if (const VarDecl *TaskObject = awaitedTaskVariable(Operand)) {
      if (Check.IgnoredAwaitables.matches(TaskObject))
        return std::nullopt;
      // An eager task object is already running: awaiting it later does not
      // delay it. A lazy one starts only here, so the order matters.
      if (Task->Start != utils::StartPolicy::Lazy)
        return std::nullopt;
      Member.AwaitsTaskObject = true;
    } else if (!isa<CallExpr>(Operand->IgnoreParens())) {
      return std::nullopt;
    }
    Member.Operand = utils::summarizeAccesses(Operand, Function, Callee);
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
    if (utils::intersects(A.Writes, B.touched()) ||
        utils::intersects(B.Writes, A.touched()))
      return true;
    // One call may modify what the other reads: data flows between them.
    if (utils::intersects(A.CallWrites, plainReads(B)) ||
        utils::intersects(B.CallWrites, plainReads(A)))
      return true;
    // Both use the same object they may modify (one socket, one connection):
    // most such objects do not support concurrent operations.
    return Check.SameObjectIsDependent &&
           utils::intersects(A.CallWrites, B.CallWrites);
  }

  /// Whether statement \p Between (hoisted before the combined await) stays
  /// independent of member \p Member.
  static bool betweenConflicts(const InBetween &Between,
                               const GroupMember &Member) {
    const AccessSummary &B = Between.Summary;
    return utils::intersects(B.touched(), Member.Results) ||
           utils::intersects(B.touched(), Member.Operand.CallWrites) ||
           utils::intersects(modifiedOrDeclared(B), Member.Operand.touched()) ||
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
      if (utils::intersects(Next.Operand.touched(), Member.Results) ||
          utils::intersects(Next.Results, Member.Results) ||
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

  std::optional<utils::Combiner> combiner(const AwaitGroup &Group) const {
    if (!Check.WhenAllFunction.empty()) {
      utils::Combiner C;
      C.Function = Check.WhenAllFunction;
      C.Header = Check.WhenAllHeader;
      C.DisplayName = "'" + C.Function + "'";
      return C;
    }
    std::optional<utils::Combiner> C =
        utils::defaultCombiner(Group.Members.front().Task.Library);
    if (C && !Check.WhenAllHeader.empty())
      C->Header = Check.WhenAllHeader;
    return C;
  }

  /// Why the fix-it may change behaviour, if it may: when_all starts every
  /// call up front and fails fast, while the sequential code never starts
  /// a later call after an earlier one failed.
  std::optional<std::string> behaviourChange(const AwaitGroup &Group) const {
    for (const GroupMember &Member : Group.Members) {
      const FunctionDecl *Callee = utils::calleeOf(Member.Site.Operand);
      if (!Callee)
        return std::string("an awaited expression is not a plain call");
      std::string Name = "'" + utils::qualifiedName(Callee) + "'";
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
          Method && Method->isInstance() && !Method->isConst())
        return Name + " is a non-const member function";
      if (!Member.Operand.CallWrites.empty())
        return Name + " is passed an object it may modify";
      if (Member.Operand.HasImpureCall)
        return "the arguments of " + Name + " call '" +
               Member.Operand.FirstImpureCall +
               "', which may have side effects";
      if (!Check.SideEffectFreeCalls.matches(Callee))
        return Name + " is not known to be free of side effects";
    }
    return std::nullopt;
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
           const std::optional<utils::Combiner> &With) {
    const LangOptions &LangOpts = Context.getLangOpts();
    if (!With)
      return std::string("no when_all is known for '") +
             Group.Members.front().Task.Name +
             "'; set the WhenAllFunction option";
    std::vector<utils::AwaitForRendering> Awaits;
    std::vector<CharSourceRange> Ranges;
    for (const GroupMember &Member : Group.Members) {
      const AwaitStatement &Site = Member.Site;
      if (Member.AwaitsTaskObject)
        return std::string("it awaits existing task objects; start them with "
                           "a combined await by hand");
      CharSourceRange Range =
          utils::statementRange(Site.Statement, SM, LangOpts);
      if (Range.isInvalid() || Site.Await->getBeginLoc().isMacroID() ||
          (!Ranges.empty() && SM.getFileID(Range.getBegin()) !=
                                  SM.getFileID(Ranges[0].getBegin())))
        return std::string("the awaits come from a macro expansion");
      Ranges.push_back(Range);
      utils::AwaitForRendering Await;
      Await.Kind = Site.Kind;
      std::optional<std::string> Operand =
          utils::operandText(Site.Operand, SM, LangOpts);
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
    std::optional<utils::RenderedAwait> Rendered = utils::renderCombinedAwait(
        Awaits, *With, NeedUsing, utils::indentationAt(LastLoc, SM),
        [this](llvm::StringRef Base) { return freshName(Base); });
    if (!Rendered)
      return std::string("the results do not fit one combined await");

    std::vector<FixItHint> Fixes;
    for (size_t I = 0; I + 1 < Ranges.size(); ++I)
      Fixes.push_back(
          FixItHint::CreateRemoval(utils::wholeLines(Ranges[I], SM)));
    Fixes.push_back(
        FixItHint::CreateReplacement(Ranges.back(), Rendered->Text));
    FileID File = SM.getFileID(Ranges[0].getBegin());
    llvm::StringRef Provided = With->Form == utils::Combiner::Style::AsioAnd
                                   ? llvm::StringRef(With->UsingNamespace)
                                   : llvm::StringRef(With->Function);
    if (!With->Header.empty() && !isDeclared(Context, Provided))
      if (auto Include =
              Check.Inserter.createIncludeInsertion(File, With->Header))
        Fixes.push_back(std::move(*Include));
    if (Rendered->UsesStdTie && !isDeclared(Context, "std::tie"))
      if (auto Include = Check.Inserter.createIncludeInsertion(File, "<tuple>"))
        Fixes.push_back(std::move(*Include));
    return Fixes;
  }

  void report(const AwaitGroup &Group) {
    std::optional<utils::Combiner> With = combiner(Group);
    SourceLocation Loc = Group.Members.front().Site.Await->getBeginLoc();
    std::string Using = With ? With->DisplayName : "a when_all combinator";
    auto Fix = buildFix(Group, With);
    std::optional<std::string> Change = behaviourChange(Group);
    auto *Fixes = std::get_if<std::vector<FixItHint>>(&Fix);
    {
      auto Warning = Check.diag(Loc, "%0 independent co_await expressions run "
                                     "one after another; start them together "
                                     "with %1")
                     << static_cast<unsigned>(Group.Members.size()) << Using;
      if (Fixes && !Change)
        Warning << *Fixes;
    }
    if (!Fixes) {
      Check.diag(Loc, "no fix-it: %0", DiagnosticIDs::Note)
          << std::get<std::string>(Fix);
    } else if (Change) {
      Check.diag(Loc,
                 "fix-it on this note only (apply with --fix-notes): %0 "
                 "starts every call at once and fails fast, while the "
                 "sequential awaits start a call only after the previous one "
                 "succeeded, and %1",
                 DiagnosticIDs::Note)
          << Using << *Change << *Fixes;
    }
    for (size_t I = 0; I < Group.Members.size(); ++I)
      Check.diag(Group.Members[I].Site.Await->getBeginLoc(),
                 "independent co_await %0 of %1", DiagnosticIDs::Note)
          << static_cast<unsigned>(I + 1)
          << static_cast<unsigned>(Group.Members.size());
  }

  SequentialAwaitCheck &Check;
  ASTContext &Context;
  const SourceManager &SM;
  const DeclContext *Function;
  FunctionFacts &Facts;
};

SequentialAwaitCheck::SequentialAwaitCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      SameObjectIsDependent(
          utils::getBoolOption(Options, "SameObjectIsDependent", true)),
      IgnoredAwaitablesSpec(
          Options.get("IgnoredAwaitables", utils::DefaultIgnoredAwaitables)),
      TaskTypesSpec(Options.get("TaskTypes", utils::DefaultTaskTypes)),
      SideEffectFreeCallsSpec(Options.get("SideEffectFreeCalls",
                                          utils::DefaultSideEffectFreeCalls)),
      WhenAllFunction(Options.get("WhenAllFunction", "")),
      WhenAllHeader(Options.get("WhenAllHeader", "")),
      IgnoredAwaitables(IgnoredAwaitablesSpec), TaskTypes(TaskTypesSpec),
      SideEffectFreeCalls(SideEffectFreeCallsSpec),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void SequentialAwaitCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  utils::storeBoolOption(Options, Opts, "SameObjectIsDependent",
                         SameObjectIsDependent);
  Options.store(Opts, "IgnoredAwaitables", IgnoredAwaitablesSpec);
  Options.store(Opts, "TaskTypes", TaskTypesSpec);
  Options.store(Opts, "SideEffectFreeCalls", SideEffectFreeCallsSpec);
  Options.store(Opts, "WhenAllFunction", WhenAllFunction);
  Options.store(Opts, "WhenAllHeader", WhenAllHeader);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void SequentialAwaitCheck::registerPPCallbacks(
    const SourceManager & /*SM*/, Preprocessor *PP,
    Preprocessor * /*ModuleExpanderPP*/) {
  Inserter.registerPreprocessor(PP);
}

void SequentialAwaitCheck::registerMatchers(MatchFinder *Finder) {
  // Instantiations repeat the primary template's awaits: report those once.
  Finder->addMatcher(coroutineBodyStmt(unless(isInTemplateInstantiation()),
                                       unless(isExpansionInSystemHeader()))
                         .bind("coroutine"),
                     this);
  Finder->addMatcher(usingDirectiveDecl().bind("using"), this);
}

void SequentialAwaitCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Directive =
          Result.Nodes.getNodeAs<UsingDirectiveDecl>("using")) {
    if (const NamespaceDecl *Nominated = Directive->getNominatedNamespace())
      UsingDirectives.push_back({utils::qualifiedName(Nominated),
                                 Directive->getDeclContext(),
                                 Directive->getLocation()});
    return;
  }
  const auto *Coroutine =
      Result.Nodes.getNodeAs<CoroutineBodyStmt>("coroutine");
  if (!Coroutine || !Coroutine->getBody())
    return;
  const DeclContext *Function = functionOf(Coroutine, *Result.Context);
  if (!Function)
    return;
  FunctionFacts Facts;
  Facts.TraverseStmt(
      const_cast<Stmt *>(static_cast<const Stmt *>(Coroutine->getBody())));
  BlockAnalyzer Analyzer(*this, *Result.Context, Function, Facts);
  utils::forEachBlock(Coroutine->getBody(),
                      [&](const CompoundStmt *Block) { Analyzer.run(Block); });
}

} // namespace clang::tidy::async
