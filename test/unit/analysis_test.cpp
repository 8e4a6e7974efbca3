// Unit tests of the shared analysis layer (checks/analysis/): what every
// async- check builds on, tested apart from the checks' diagnostics.
//  - fix rendering: the combined await's text for each statement shape;
//  - names: collections named after the operation;
//  - options: value validation by key, Extra lists, name lists;
//  - framework profiles and the task classifier on parsed code;
//  - callee effects: what a visible function reads and writes, transitively
//    and within CalleeDepth (the basis of "login writes what fetch reads");
//  - database statements: what a statement handed to a call reads or writes;
//  - await discovery: operands without parentheses, the calls an awaitable
//    operator combines;
//  - exception summaries: keys across files, and the settling of what other
//    files' coroutines let out (cycles, unknown callees, overrides).

#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>
#include "analysis/AwaitDiscovery.h"
#include "analysis/Coroutine.h"
#include "analysis/Effects.h"
#include "analysis/ExceptionSummaries.h"
#include "analysis/FixRendering.h"
#include "analysis/Frameworks.h"
#include "analysis/Options.h"
#include "analysis/Statements.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

namespace clang::tidy::async::analysis {
namespace {

// --- Fix rendering -------------------------------------------------------

AwaitForRendering declaration(std::string Name, std::string Operand) {
  AwaitForRendering A;
  A.Kind = AwaitStatementKind::Declaration;
  A.Name = std::move(Name);
  A.Operand = std::move(Operand);
  A.DeclarationPrefix = "auto " + A.Name + " = ";
  A.BindsDirectly = true;
  A.TriviallyCopyable = true;
  return A;
}

AwaitForRendering discarded(std::string Operand, bool Void) {
  AwaitForRendering A;
  A.Kind = AwaitStatementKind::Discarded;
  A.Operand = std::move(Operand);
  A.ResultIsVoid = Void;
  return A;
}

Combiner awlWhenAll() {
  Combiner C;
  C.Function = "awl::when_all";
  C.Header = "<awl/when_all.hpp>";
  return C;
}

std::string render(llvm::ArrayRef<AwaitForRendering> Awaits, const Combiner& With) {
  std::optional<RenderedAwait> R =
      renderCombinedAwait(Awaits, With, "\n  ", [](llvm::StringRef Base) { return Base.str(); });
  return R ? R->Text : "<none>";
}

TEST(FixRendering, DeclarationsBecomeOneStructuredBinding) {
  EXPECT_EQ(render({declaration("a", "f()"), declaration("b", "g(1)")}, awlWhenAll()),
            "auto [a, b] = co_await awl::when_all(f(), g(1));");
}

TEST(FixRendering, ConstDeclarationsStayConst) {
  AwaitForRendering A = declaration("a", "f()"), B = declaration("b", "g()");
  A.IsConst = B.IsConst = true;
  EXPECT_EQ(render({A, B}, awlWhenAll()), "const auto [a, b] = co_await awl::when_all(f(), g());");
}

TEST(FixRendering, DiscardedResultsNeedNoBinding) {
  EXPECT_EQ(render({discarded("f()", true), discarded("g()", true)}, awlWhenAll()),
            "co_await awl::when_all(f(), g());");
}

TEST(FixRendering, AssignmentsUseStdTie) {
  AwaitForRendering A = declaration("a", "f()"), B = declaration("b", "g()");
  A.Kind = B.Kind = AwaitStatementKind::Assignment;
  std::optional<RenderedAwait> R =
      renderCombinedAwait({A, B}, awlWhenAll(), "\n  ", [](llvm::StringRef Base) { return Base.str(); });
  ASSERT_TRUE(R);
  EXPECT_EQ(R->Text, "std::tie(a, b) = co_await awl::when_all(f(), g());");
  EXPECT_TRUE(R->UsesStdTie);
}

TEST(FixRendering, AsioOperatorsHaveNoSlotForVoid) {
  Combiner And;
  And.Form = Combiner::Style::AsioAnd;
  And.VoidHasSlot = false;
  And.SingleSlotUnwrapped = true;
  EXPECT_EQ(render({discarded("send()", true), declaration("n", "read()")}, And),
            "auto n = co_await (send() && read());");
}

TEST(FixRendering, ADifferentDeclaredTypeKeepsItsOwnDeclaration) {
  AwaitForRendering A = declaration("a", "f()");
  AwaitForRendering B = declaration("b", "g()");
  B.BindsDirectly = false;  // declared `long b` while g() yields int
  B.DeclarationPrefix = "long b = ";
  std::string Text = render({A, B}, awlWhenAll());
  EXPECT_NE(Text.find("auto [a, b_value] = co_await awl::when_all(f(), g());"), std::string::npos) << Text;
  EXPECT_NE(Text.find("long b = b_value;"), std::string::npos) << Text;
  EXPECT_EQ(Text.find("std::move"), std::string::npos) << "a trivially copyable value is never moved: " << Text;
}

TEST(FixRendering, StatementsAreSeparatedByTheBreakGiven) {
  AwaitForRendering A = declaration("a", "f()");
  AwaitForRendering B = declaration("b", "g()");
  B.BindsDirectly = false;
  B.DeclarationPrefix = "long b = ";
  for (llvm::StringRef Break : {"\r\n  ", " "}) {
    std::optional<RenderedAwait> R =
        renderCombinedAwait({A, B}, awlWhenAll(), Break, [](llvm::StringRef Base) { return Base.str(); });
    ASSERT_TRUE(R);
    EXPECT_NE(R->Text.find((";" + Break + "long b = b_value;").str()), std::string::npos) << R->Text;
  }
}

TEST(Names, CollectionsAreNamedAfterTheOperation) {
  EXPECT_EQ(nameForOperation("fetch_page", "tasks"), "page_tasks");
  EXPECT_EQ(nameForOperation("load_user", "results"), "user_results");
}

// --- Options ---------------------------------------------------------------

const OptionSpec& spec(llvm::StringRef Name) {
  for (const OptionSpec& S : optionSpecs())
    if (S.Name == Name) return S;
  ADD_FAILURE() << "no option " << Name.str();
  return optionSpecs().front();
}

TEST(Options, BooleansAcceptWhatUpstreamAccepts) {
  for (const char* Value : {"true", "false", "yes", "No", "ON", "off", "1", "0"})
    EXPECT_FALSE(validateOptionValue(spec("Brackets"), Value)) << Value;
  EXPECT_TRUE(validateOptionValue(spec("Brackets"), "maybe"));
}

TEST(Options, InvalidValuesAreReportedByKey) {
  ClangTidyOptions::OptionMap Map;
  Map["async-sequential-await.CalleeDepth"] = "deep";
  Map["async-await-in-loop.ExtraGuardTypes"] = "Hold;(broken";
  Map["CalleeDepth"] = "3";                  // a valid global value
  Map["readability-foo.CalleeDepth"] = "x";  // another module's business
  std::vector<std::string> Problems = invalidOptionValues(Map);
  ASSERT_EQ(Problems.size(), 2u);
  EXPECT_NE(Problems[0].find("'async-await-in-loop.ExtraGuardTypes'"), std::string::npos) << Problems[0];
  EXPECT_NE(Problems[1].find("'async-sequential-await.CalleeDepth'; "
                             "expected a non-negative integer"),
            std::string::npos)
      << Problems[1];
}

TEST(Options, NameListsMatchWholeQualifiedNames) {
  NameList List("awl::sleep;(.*::)?yield_now");
  EXPECT_TRUE(List.matches("awl::sleep"));
  EXPECT_TRUE(List.matches("::awl::sleep"));
  EXPECT_TRUE(List.matches("yield_now"));
  EXPECT_TRUE(List.matches("app::sched::yield_now"));
  EXPECT_FALSE(List.matches("awl::sleep_until"));
  EXPECT_FALSE(List.matches("app::yield_now_later"));
  List.append("awl::sleep_until");
  EXPECT_TRUE(List.matches("awl::sleep_until"));
  EXPECT_TRUE(NameList("a;(b").errors().size() == 1);
}

// --- Frameworks -------------------------------------------------------------

TEST(Frameworks, ProfilesNameTheirCombinators) {
  const FrameworkProfile* Awl = profileOf(Framework::Awl);
  ASSERT_TRUE(Awl);
  ASSERT_TRUE(Awl->WhenAll);
  EXPECT_EQ(Awl->WhenAll->Function, "awl::when_all");
  // A loop whose await is in a try block needs a settled combinator over a
  // std::vector: awl's when_all_settled has that overload.
  ASSERT_TRUE(Awl->Settled);
  EXPECT_TRUE(Awl->Settled->TakesRange);
  EXPECT_EQ(frameworkOfName("seastar::future"), Framework::Seastar);
  EXPECT_EQ(frameworkOfName("coro::task"), Framework::Libcoro);
  EXPECT_EQ(frameworkOfName("mylib::Job"), Framework::Unknown);
  for (const FrameworkProfile& P : frameworkProfiles()) {
    EXPECT_FALSE(P.TaskTypes.empty()) << P.Name;
    EXPECT_TRUE(NameList(P.Barriers).errors().empty()) << P.Name;
  }
}

// A parsed translation unit and its first function named Name.
struct Parsed {
  std::unique_ptr<ASTUnit> Unit;
  const FunctionDecl* function(llvm::StringRef Name) const {
    using namespace ast_matchers;
    auto Found = match(functionDecl(hasName(Name), isDefinition()).bind("f"), Unit->getASTContext());
    return Found.empty() ? nullptr : Found.front().getNodeAs<FunctionDecl>("f");
  }
  // Its first declaration, with or without a body.
  const FunctionDecl* declared(llvm::StringRef Name) const {
    using namespace ast_matchers;
    auto Found = match(functionDecl(hasName(Name)).bind("f"), Unit->getASTContext());
    return Found.empty() ? nullptr : Found.front().getNodeAs<FunctionDecl>("f");
  }
  QualType returnTypeOf(llvm::StringRef Name) const {
    const FunctionDecl* F = function(Name);
    return F ? F->getReturnType() : QualType();
  }
};

Parsed parse(llvm::StringRef Code) {
  // Self-contained: the few std:: names the classifier reads are declared
  // here, so the test needs no standard library headers.
  static const char Prelude[] = R"(
namespace std {
struct suspend_always { bool await_ready() const noexcept { return false; } };
struct suspend_never { bool await_ready() const noexcept { return true; } };
}
)";
  return Parsed{tooling::buildASTFromCodeWithArgs((llvm::Twine(Prelude) + Code).str(), {"-std=c++20", "-fsyntax-only"},
                                                  "input.cpp")};
}

// The statements of the body of function Name.
std::vector<const Stmt*> bodyOf(const Parsed& P, llvm::StringRef Name) {
  const FunctionDecl* F = P.function(Name);
  std::vector<const Stmt*> Out;
  if (const auto* Body = F ? dyn_cast<CompoundStmt>(F->getBody()) : nullptr)
    Out.assign(Body->body_begin(), Body->body_end());
  return Out;
}

TEST(FixRendering, ABreakFollowsTheLineOfTheStatement) {
  Parsed P = parse(
      "void a(); void b();\n"
      "void one_line() { a(); b(); }\n"
      "void own_lines() {\n"
      "    a();\n"
      "\tb();\n"
      "}\r\n"
      "void crlf() {\r\n"
      "  a();\r\n"
      "  b();\r\n"
      "}\r\n");
  const SourceManager& SM = P.Unit->getSourceManager();
  auto BreakBefore = [&](llvm::StringRef Function, size_t Index) {
    std::vector<const Stmt*> Body = bodyOf(P, Function);
    if (Index >= Body.size()) return std::string("<no statement>");
    SourceLocation Loc = Body[Index]->getBeginLoc();
    return statementBreak(Loc, SM, CodeStyle::at(Loc, SM));
  };
  // Code before it on its line: a space, never the blank in front of it.
  EXPECT_EQ(BreakBefore("one_line", 0), " ");
  EXPECT_EQ(BreakBefore("one_line", 1), " ");
  // Alone at the start of its line: its own indentation, tabs included.
  EXPECT_EQ(BreakBefore("own_lines", 0), "\n    ");
  EXPECT_EQ(BreakBefore("own_lines", 1), "\n\t");
  EXPECT_EQ(BreakBefore("crlf", 1), "\r\n  ");
}

TEST(FixRendering, RemovingAStatementThatSharesItsLineLeavesOneSpace) {
  Parsed P = parse(
      "void a(); void b(); void c();\n"
      "void f() { a(); b(); c(); }\n"
      "void g() {\n"
      "  a();\n"
      "  b();\n"
      "}\n");
  const SourceManager& SM = P.Unit->getSourceManager();
  const LangOptions& LangOpts = P.Unit->getLangOpts();
  auto TextAfterRemoving = [&](llvm::StringRef Function, size_t Index) {
    std::vector<const Stmt*> Body = bodyOf(P, Function);
    if (Index >= Body.size()) return std::string("<no statement>");
    CharSourceRange Removed = wholeLines(statementRange(Body[Index], SM, LangOpts), SM);
    const FunctionDecl* F = P.function(Function);
    CharSourceRange Whole = CharSourceRange::getTokenRange(F->getSourceRange());
    unsigned Begin = SM.getFileOffset(Whole.getBegin());
    unsigned End = SM.getFileOffset(Whole.getEnd()) + 1;
    unsigned From = SM.getFileOffset(Removed.getBegin());
    unsigned To = SM.getFileOffset(Removed.getEnd()) + (Removed.isTokenRange() ? 1 : 0);
    llvm::StringRef Buffer = SM.getBufferData(SM.getMainFileID());
    return (Buffer.slice(Begin, From) + Buffer.slice(To, End)).str();
  };
  EXPECT_EQ(TextAfterRemoving("f", 0), "void f() { b(); c(); }");
  EXPECT_EQ(TextAfterRemoving("f", 1), "void f() { a(); c(); }");
  EXPECT_EQ(TextAfterRemoving("f", 2), "void f() { a(); b(); }");
  EXPECT_EQ(TextAfterRemoving("g", 0), "void g() {\n  b();\n}");
}

TEST(TaskClassifier, EagerOrLazyFromInitialSuspend) {
  Parsed P = parse(R"(
template <class T> struct Eager {
  struct promise_type { std::suspend_never initial_suspend(); };
};
template <class T> struct Lazy {
  struct promise_type { std::suspend_always initial_suspend(); };
};
struct Awaiter {
  bool await_ready(); void await_suspend(void *); int await_resume();
};
struct Plain { int value; };
Eager<int> eager();
Lazy<int> lazy();
Awaiter awaiter();
Plain plain();
void use() { eager(); lazy(); awaiter(); plain(); }
)");
  ASSERT_TRUE(P.Unit);
  NameList None;
  TaskClassifier Classifier(None);
  auto Classify = [&](const char* Name) {
    using namespace ast_matchers;
    auto Found = match(functionDecl(hasName(Name)).bind("f"), P.Unit->getASTContext());
    EXPECT_FALSE(Found.empty()) << Name;
    return Classifier.classify(Found.front().getNodeAs<FunctionDecl>("f")->getReturnType());
  };
  std::optional<TaskTypeInfo> E = Classify("eager"), L = Classify("lazy"), A = Classify("awaiter"),
                              N = Classify("plain");
  ASSERT_TRUE(E && L && A);
  EXPECT_EQ(E->Start, StartPolicy::Eager);
  EXPECT_EQ(L->Start, StartPolicy::Lazy);
  EXPECT_FALSE(E->Known) << "recognised by its shape, not by a profile";
  EXPECT_FALSE(N) << "a plain struct is not a task";
}

TEST(TaskClassifier, GeneratorsAreThoseWhosePromiseYields) {
  Parsed P = parse(R"(
template <class T> struct Generator {
  struct promise_type { std::suspend_never initial_suspend(); std::suspend_always yield_value(T); };
};
template <class T> struct Task {
  struct promise_type { std::suspend_never initial_suspend(); void return_value(T); };
};
struct Yielding { std::suspend_always yield_value(int); };
template <class T> struct AliasedGenerator { using promise_type = Yielding; };
Generator<int> generator();
Task<int> task();
AliasedGenerator<int> aliased();
void use() { generator(); task(); aliased(); }
)");
  ASSERT_TRUE(P.Unit);
  auto RecordOf = [&](const char* Name) {
    using namespace ast_matchers;
    auto Found = match(functionDecl(hasName(Name)).bind("f"), P.Unit->getASTContext());
    EXPECT_FALSE(Found.empty()) << Name;
    return Found.front().getNodeAs<FunctionDecl>("f")->getReturnType()->getAsCXXRecordDecl();
  };
  EXPECT_TRUE(yieldsValues(RecordOf("generator")));
  EXPECT_TRUE(yieldsValues(RecordOf("aliased")));
  EXPECT_FALSE(yieldsValues(RecordOf("task")));
  EXPECT_FALSE(yieldsValues(nullptr));
}

// --- Callee effects ---------------------------------------------------------

/// EffectAnalysis with the checks' default options (CalleeDepth aside).
struct DefaultEffects {
  static ClangTidyOptions::OptionMap withDepth(unsigned Depth) {
    ClangTidyOptions::OptionMap Map;
    Map["async-sequential-await.CalleeDepth"] = ClangTidyOptions::ClangTidyValue(std::to_string(Depth));
    return Map;
  }
  explicit DefaultEffects(unsigned Depth = 4) : Map(withDepth(Depth)) {}

  ClangTidyOptions::OptionMap Map;
  ClangTidyContext Context{std::make_unique<DefaultOptionsProvider>(ClangTidyGlobalOptions(), ClangTidyOptions())};
  ClangTidyCheck::OptionsView View{"async-sequential-await", Map, &Context};
  OptionReader Reader{View, "async-sequential-await", [](const std::string& M) { ADD_FAILURE() << M; }};
  SharedOptions Opts{Reader};
  EffectAnalysis Effects{Opts};
};

const VarDecl* global(const Parsed& P, llvm::StringRef Name) {
  using namespace ast_matchers;
  auto Found = match(varDecl(hasName(Name), hasGlobalStorage()).bind("v"), P.Unit->getASTContext());
  return Found.empty() ? nullptr : Found.front().getNodeAs<VarDecl>("v");
}

constexpr const char* SessionCode = R"(
bool logged_in = false;
int audit_count = 0;
void mark() { logged_in = true; }
void login() { mark(); }
int fetch_secret() { return logged_in ? 42 : 0; }
int pure_sum(int a, int b) { return a + b; }
void fill(int &out) { out = 1; }
)";

TEST(CalleeEffects, WritesAndReadsOfGlobalsAreSeenTransitively) {
  Parsed P = parse(SessionCode);
  ASSERT_TRUE(P.Unit);
  DefaultEffects D;
  const VarDecl* LoggedIn = global(P, "logged_in");
  ASSERT_TRUE(LoggedIn);
  const CalleeEffects& Login = D.Effects.effectsOf(P.function("login"));
  const CalleeEffects& Fetch = D.Effects.effectsOf(P.function("fetch_secret"));
  EXPECT_TRUE(Login.Visible);
  EXPECT_TRUE(Login.GlobalWrites.contains(LoggedIn)) << "login writes logged_in through mark()";
  EXPECT_TRUE(Fetch.GlobalReads.contains(LoggedIn));
  EXPECT_FALSE(Fetch.GlobalWrites.contains(LoggedIn));
  EXPECT_FALSE(Login.isHarmless());
  EXPECT_TRUE(D.Effects.effectsOf(P.function("pure_sum")).isHarmless());
}

TEST(CalleeEffects, ReferenceParametersThatAreWrittenAreKnown) {
  Parsed P = parse(SessionCode);
  ASSERT_TRUE(P.Unit);
  DefaultEffects D;
  const CalleeEffects& Fill = D.Effects.effectsOf(P.function("fill"));
  ASSERT_EQ(Fill.ParamWrites.size(), 1u);
  EXPECT_TRUE(Fill.ParamWrites[0]);
  EXPECT_FALSE(Fill.isHarmless());
}

TEST(CalleeEffects, BeyondCalleeDepthNothingIsAssumedHarmless) {
  Parsed P = parse(SessionCode);
  ASSERT_TRUE(P.Unit);
  DefaultEffects Shallow(0);
  const CalleeEffects& Login = Shallow.Effects.effectsOf(P.function("login"));
  // Without looking into mark(), login's effects are not known to be
  // harmless: the analysis must not call it free of effects.
  EXPECT_FALSE(Login.isHarmless());
  EXPECT_FALSE(Login.Known);
  // With the default depth the same call is fully known.
  DefaultEffects Deep;
  EXPECT_TRUE(Deep.Effects.effectsOf(P.function("login")).Known);
}

// --- Database statements ----------------------------------------------------

TEST(Statements, TheFirstWordDecidesAndReadsThatLockWrite) {
  auto Executed = [](llvm::StringRef Text) { return classifyStatement(Text, true); };
  EXPECT_EQ(Executed("SELECT * FROM users WHERE id = $1"), StatementAccess::Reads);
  EXPECT_EQ(Executed("  -- comment\n (select count(*) from t)"), StatementAccess::Reads);
  EXPECT_EQ(Executed("WITH recent AS (SELECT * FROM t) SELECT * FROM recent"), StatementAccess::Reads);
  EXPECT_EQ(Executed("get %s"), StatementAccess::Reads) << "a Redis read";
  EXPECT_EQ(Executed("HGETALL user:1"), StatementAccess::Reads);
  for (llvm::StringRef Write :
       {"INSERT INTO t VALUES (1)", "update t set a = 1", "DELETE FROM t", "BEGIN", "COMMIT", "CREATE TABLE t (a int)",
        "SET k v", "INCR hits", "BLPOP queue 0", "", "SELECT * FROM accounts WHERE id = 1 FOR UPDATE",
        "SELECT nextval('ids')", "SELECT pg_advisory_lock(7)", "select sleep(1)", "SELECT * INTO copy FROM t",
        "WITH moved AS (DELETE FROM t RETURNING *) SELECT * FROM moved", "XREAD BLOCK 0 STREAMS s $",
        "some text a query call was handed"})
    EXPECT_EQ(Executed(Write), StatementAccess::Writes) << Write.str();
  // Quoted text is data: a column value that reads "for update" locks nothing.
  EXPECT_EQ(Executed("SELECT * FROM notes WHERE body = 'for update'"), StatementAccess::Reads);
}

TEST(Statements, OutsideAnExecutingCallOnlyUnmistakableSqlCounts) {
  auto Elsewhere = [](llvm::StringRef Text) { return classifyStatement(Text, false); };
  EXPECT_EQ(Elsewhere("INSERT INTO t VALUES (1)"), StatementAccess::Writes);
  EXPECT_EQ(Elsewhere("UPDATE users SET name = $1"), StatementAccess::Writes);
  EXPECT_EQ(Elsewhere("delete from t where id = 1"), StatementAccess::Writes);
  EXPECT_EQ(Elsewhere("BEGIN TRANSACTION"), StatementAccess::Writes);
  EXPECT_EQ(Elsewhere("SELECT name FROM users"), StatementAccess::Reads);
  for (llvm::StringRef Prose :
       {"Update complete", "Select an option", "Set your name", "Delete this message?", "Begin the game", "hello"})
    EXPECT_EQ(Elsewhere(Prose), StatementAccess::None) << Prose.str();
}

constexpr const char* StatementCode = R"(
namespace std {
class string {
public:
  string(const char *text);
};
}
struct Db {
  int execSql(const std::string &statement);
  int query(int key);
};
constexpr const char *kPurge = "DELETE FROM sessions";
const std::string kCount = "SELECT count(*) FROM sessions";
int purge(Db &db) { return db.execSql(kPurge); }
int count(Db &db) { return db.execSql(kCount); }
int unseen(Db &db, const std::string &text) { return db.execSql(text); }
int by_key(Db &db) { return db.query(7); }
template <char... Digits> constexpr int operator""_key() { return 7; }
int by_literal_key(Db &db) { return db.query(7_key); }
int log_line(void (*print)(const char *)) { print("UPDATE complete"); return 0; }
)";

TEST(CalleeEffects, StatementsReadOrWriteTheDatabase) {
  Parsed P = parse(StatementCode);
  ASSERT_TRUE(P.Unit);
  DefaultEffects D;
  const CalleeEffects& Purge = D.Effects.effectsOf(P.declared("purge"));
  EXPECT_TRUE(Purge.GlobalWrites.contains(DatabaseObject)) << "a constant's text is spelled out";
  const CalleeEffects& Count = D.Effects.effectsOf(P.function("count"));
  EXPECT_TRUE(Count.GlobalReads.contains(DatabaseObject));
  EXPECT_FALSE(Count.GlobalWrites.contains(DatabaseObject));
  EXPECT_TRUE(D.Effects.effectsOf(P.function("unseen")).GlobalWrites.contains(DatabaseObject))
      << "a statement the code does not spell out may write";
  const CalleeEffects& ByKey = D.Effects.effectsOf(P.function("by_key"));
  EXPECT_FALSE(ByKey.GlobalReads.contains(DatabaseObject)) << "query(7) is handed no text";
  EXPECT_FALSE(ByKey.GlobalWrites.contains(DatabaseObject));
  // A literal of a template operator has no cooked string (this crashed).
  EXPECT_FALSE(D.Effects.effectsOf(P.function("by_literal_key")).GlobalWrites.contains(DatabaseObject));
  const CalleeEffects& Log = D.Effects.effectsOf(P.function("log_line"));
  EXPECT_FALSE(Log.GlobalWrites.contains(DatabaseObject)) << "prose handed to a non-query call";
}
// --- Lambdas and throws in code between awaits ------------------------------

constexpr const char* ThrowingCode = R"(
struct Bad {};
int g_total = 0;
int checked(int v) { if (v < 0) throw Bad{}; return v; }
int checked_or_abort(int v) noexcept { if (v < 0) throw Bad{}; return v; }
int calls_checked(int v) { return checked(v) + 1; }
void body(int id) {
  int a = [id] { if (id < 0) throw Bad{}; return id; }();
  int b = [id] { return id * 2; }();
  int c = checked_or_abort(id);
  int d = calls_checked(id);
  [] { g_total = 1; return 0; }();
}
)";

TEST(AccessSummary, ALambdasReturnIsItsOwnButItsThrowsAndWritesCount) {
  Parsed P = parse(ThrowingCode);
  ASSERT_TRUE(P.Unit);
  DefaultEffects D;
  const FunctionDecl* Body = P.function("body");
  ASSERT_TRUE(Body);
  const auto* Statements = cast<CompoundStmt>(Body->getBody());
  ASSERT_EQ(Statements->size(), 5u);
  auto Summary = [&](unsigned I) { return D.Effects.summarize(Statements->body_begin()[I], Body); };
  AccessSummary Throwing = Summary(0), Returning = Summary(1), Aborting = Summary(2), Transitive = Summary(3),
                Writing = Summary(4);
  EXPECT_FALSE(Throwing.HasControlFlow) << "the throw leaves the lambda, as a throwing call would";
  EXPECT_TRUE(Throwing.Throws);
  EXPECT_FALSE(Returning.HasControlFlow) << "the return is the lambda's";
  EXPECT_FALSE(Returning.Throws);
  EXPECT_FALSE(Aborting.Throws) << "a throw out of a noexcept function terminates";
  EXPECT_TRUE(Transitive.Throws) << "through calls_checked to checked";
  EXPECT_TRUE(Writing.WritesNonLocal) << "what a lambda's body writes still counts";
}

// --- What an awaited operation acts on ---------------------------------------

constexpr const char* TokenCode = R"(
struct Sink { int *code; };
struct Token { Sink operator[](int &code) const { return Sink{&code}; } };
constexpr Token token{};
struct Socket { int fd; };
int send(Socket &s, Sink &&sink); // by reference, as a forwarding template takes it
void use(Socket &a) { int ec = 0; int other = 0; send(a, token[ec]); send(a, token[other]); }
)";

TEST(OperationEffects, ATokenKeepsTheReferencesItWasMadeFrom) {
  Parsed P = parse(TokenCode);
  ASSERT_TRUE(P.Unit);
  DefaultEffects D;
  using namespace ast_matchers;
  ASTContext& Context = P.Unit->getASTContext();
  auto Sends = match(callExpr(callee(functionDecl(hasName("send")))).bind("c"), Context);
  auto Locals = match(varDecl(hasName("ec")).bind("v"), Context);
  ASSERT_EQ(Sends.size(), 2u);
  ASSERT_EQ(Locals.size(), 1u);
  const auto* First = Sends.front().getNodeAs<CallExpr>("c");
  const auto* Ec = Locals.front().getNodeAs<VarDecl>("v");
  const VarDecl* Token = global(P, "token");
  ASSERT_TRUE(First && Ec && Token);
  AccessSummary Operation = D.Effects.summarizeOperation(First, P.function("use"));
  // token[ec] returns a Sink holding &ec: the operation writes ec, although
  // operator[]'s own body only takes an address.
  EXPECT_TRUE(Operation.modified().contains(Ec));
  // A constexpr token is never written, and token[ec] is a new object.
  EXPECT_FALSE(Operation.modified().contains(Token));
}

// --- What code may read after a statement ----------------------------------

constexpr const char* LaterReadsCode = R"(
void mark();
void use(int);
void returns_after() { int ec = 0; mark(); return; }
void reads_after() { int ec = 0; mark(); use(ec); }
void ends_after_if(bool c) { int ec = 0; if (c) { mark(); } }
void breaks_then_returns() { int ec = 0; for (;;) { mark(); break; } return; }
void breaks_then_reads() { int ec = 0; for (;;) { mark(); break; } use(ec); }
void loops_back(bool c) { int ec = 0; while (c) { use(ec); mark(); } }
void may_continue(bool c) { int ec = 0; for (;;) { use(ec); mark(); if (c) continue; return; } }
void handler_reads() { int ec = 0; try { mark(); } catch (...) { use(ec); } }
void handler_ignores() { int ec = 0; try { mark(); } catch (...) { } }
void lambda_jumps_after() { int ec = 0; mark(); auto f = [] { for (;;) break; }; f(); }
void lambda_reads_after() { int ec = 0; mark(); auto f = [&] { use(ec); }; f(); }
)";

TEST(CoroutineFacts, UnreadAfterFollowsReturnsBreaksLoopsAndHandlers) {
  Parsed P = parse(LaterReadsCode);
  ASSERT_TRUE(P.Unit);
  DefaultEffects D;
  using namespace ast_matchers;
  ASTContext& Context = P.Unit->getASTContext();
  auto UnreadAfterMark = [&](const char* Name) {
    const FunctionDecl* F = P.function(Name);
    auto Marks = match(
        callExpr(callee(functionDecl(hasName("mark"))), hasAncestor(functionDecl(hasName(Name)))).bind("m"), Context);
    auto Vars = match(varDecl(hasName("ec"), hasAncestor(functionDecl(hasName(Name)))).bind("v"), Context);
    EXPECT_TRUE(F && Marks.size() == 1 && Vars.size() == 1) << Name;
    CoroutineFacts Facts(F, F->getBody(), D.Opts, Context.getSourceManager());
    return Facts.unreadAfter(Marks.front().getNodeAs<CallExpr>("m"), Vars.front().getNodeAs<VarDecl>("v"));
  };
  EXPECT_TRUE(UnreadAfterMark("returns_after"));
  EXPECT_FALSE(UnreadAfterMark("reads_after"));
  EXPECT_TRUE(UnreadAfterMark("ends_after_if"));
  EXPECT_TRUE(UnreadAfterMark("breaks_then_returns"));
  EXPECT_FALSE(UnreadAfterMark("breaks_then_reads"));
  EXPECT_FALSE(UnreadAfterMark("loops_back"));
  EXPECT_FALSE(UnreadAfterMark("may_continue"));
  EXPECT_FALSE(UnreadAfterMark("handler_reads"));
  EXPECT_TRUE(UnreadAfterMark("handler_ignores"));
  EXPECT_TRUE(UnreadAfterMark("lambda_jumps_after")) << "a lambda's break is its own";
  EXPECT_FALSE(UnreadAfterMark("lambda_reads_after")) << "a lambda reading the variable does";
}

// --- Await discovery --------------------------------------------------------

// A minimal coroutine setup (no standard headers) and a coroutine whose
// awaits are parenthesised, combined with && and ||, or added.
constexpr const char* CombinedCode = R"(
namespace std {
template <class R, class...> struct coroutine_traits { using promise_type = typename R::promise_type; };
template <class P = void> struct coroutine_handle {
  static coroutine_handle from_address(void*);
  operator coroutine_handle<>() const;
};
template <> struct coroutine_handle<void> { static coroutine_handle from_address(void*); };
}
struct Task {
  bool await_ready(); void await_suspend(std::coroutine_handle<>); int await_resume();
};
Task operator&&(Task, Task);
Task operator||(Task, Task);
Task operator+(Task, Task);
Task fetch(int);
Task other(int);
struct Step {
  bool await_ready() const noexcept; void await_suspend(std::coroutine_handle<>) const noexcept; void await_resume() const noexcept;
};
struct Coro {
  struct promise_type {
    Step initial_suspend(); Step final_suspend() noexcept;
    Coro get_return_object(); void return_void(); void unhandled_exception();
  };
};
Coro use() {
  co_await (fetch(1));
  co_await (fetch(1) && (fetch(2) || other(3)));
  co_await (fetch(1) + fetch(2));
}
)";

/// The operands of use()'s awaits, in source order.
std::vector<const Expr*> awaitOperands(const Parsed& P) {
  std::vector<const Expr*> Operands;
  for (const Expr* Await : explicitAwaitsIn(P.function("use")->getBody())) Operands.push_back(awaitOperand(Await));
  return Operands;
}

TEST(AwaitDiscovery, ParenthesesAroundTheOperandAreStripped) {
  Parsed P = parse(CombinedCode);
  ASSERT_TRUE(P.Unit && P.function("use"));
  std::vector<const Expr*> Operands = awaitOperands(P);
  ASSERT_EQ(Operands.size(), 3u);
  const auto* Call = dyn_cast<CallExpr>(Operands[0]);
  ASSERT_TRUE(Call) << "co_await (fetch(1)) awaits the call itself";
  EXPECT_EQ(Call->getDirectCallee()->getName(), "fetch");
  EXPECT_TRUE(combinedCalls(Operands[0]).empty()) << "a plain call combines nothing";
}

TEST(AwaitDiscovery, AwaitableOperatorsCombineTheirCallsLeftToRight) {
  Parsed P = parse(CombinedCode);
  ASSERT_TRUE(P.Unit && P.function("use"));
  std::vector<const Expr*> Operands = awaitOperands(P);
  ASSERT_EQ(Operands.size(), 3u);
  llvm::SmallVector<const CallExpr*, 4> Calls = combinedCalls(Operands[1]);
  ASSERT_EQ(Calls.size(), 3u);
  EXPECT_EQ(Calls[0]->getDirectCallee()->getName(), "fetch");
  EXPECT_EQ(Calls[1]->getDirectCallee()->getName(), "fetch");
  EXPECT_EQ(Calls[2]->getDirectCallee()->getName(), "other");
  EXPECT_TRUE(combinedCalls(Operands[2]).empty()) << "+ is not a combinator of tasks";
}

// --- Exception summaries ---------------------------------------------------

// Why a fresh ExceptionSummaries refuses Text (Origin names it), or none.
std::optional<std::string> rejection(llvm::StringRef Text, llvm::StringRef Origin) {
  ExceptionSummaries S;
  std::string Error;
  if (S.add(Text, Origin, Error)) return std::nullopt;
  return Error;
}

ExceptionSummaries settled(std::initializer_list<llvm::StringRef> Files) {
  ExceptionSummaries S;
  std::string Error;
  for (llvm::StringRef File : Files) EXPECT_TRUE(S.add(File, "test", Error)) << Error;
  S.resolve();
  return S;
}

TEST(ExceptionSummaries, NeedsAreSettledAcrossFilesAndCyclesCannotFail) {
  ExceptionSummaries S = settled({
      "awaitlint exception summary 1\n"
      "C\tping(int)\tclean\tF:pong(int)\n"
      "C\tlock()\tclean\n"
      "C\tsync()\tclean\tF:lock()\tF:refresh()\n",
      "awaitlint exception summary 1\n"
      "C\tpong(int)\tclean\tF:ping(int)\n"
      "C\trefresh()\tclean\tF:device_call(int)\n"
      "C\tunmount()\tlets-out\n"
      "C\tcopy()\tclean\tF:sync()\n",
  });
  EXPECT_TRUE(S.cannotReject("F:ping(int)"));
  EXPECT_TRUE(S.cannotReject("F:pong(int)"));
  EXPECT_TRUE(S.cannotReject("F:lock()"));
  EXPECT_FALSE(S.cannotReject("F:unmount()"));
  EXPECT_FALSE(S.cannotReject("F:refresh()")) << "device_call is in no summary";
  EXPECT_FALSE(S.cannotReject("F:sync()")) << "it needs refresh";
  EXPECT_FALSE(S.cannotReject("F:copy()")) << "through sync, two files away";
  EXPECT_FALSE(S.cannotReject("F:device_call(int)"));
  EXPECT_FALSE(S.cannotReject(""));
}

TEST(ExceptionSummaries, AVirtualCallNeedsEveryOverride) {
  ExceptionSummaries S = settled({
      "awaitlint exception summary 1\n"
      "C\tCopy::start()\tclean\n"
      "C\tErase::start()\tlets-out\n"
      "C\tDisk::begin()\tclean\n"
      "C\tOptical::begin()\tclean\n"
      "C\tBase::run()\tclean\n"
      "O\tCopy::start()\tJob::start()\n"
      "O\tErase::start()\tJob::start()\n"
      "O\tDisk::begin()\tRestore::begin()\n"
      "O\tOptical::begin()\tRestore::begin()\n"
      "O\tDerived::run()\tBase::run()\n",
  });
  EXPECT_FALSE(S.cannotReject("P:Job::start()")) << "Erase::start may fail";
  EXPECT_TRUE(S.cannotReject("F:Copy::start()"));
  EXPECT_TRUE(S.cannotReject("P:Restore::begin()"));
  EXPECT_TRUE(S.cannotReject("V:Copy::start()")) << "no override of it";
  EXPECT_FALSE(S.cannotReject("V:Base::run()")) << "Derived::run overrides it and is no coroutine of a summary";
  EXPECT_TRUE(S.cannotReject("F:Base::run()")) << "Base::run() named";
  EXPECT_FALSE(S.cannotReject("P:Unknown::f()")) << "nobody implements it";
}

TEST(ExceptionSummaries, FilesThatDisagreeLetOutAndBadTextIsAnError) {
  ExceptionSummaries S = settled({
      "awaitlint exception summary 1\nC\tinline_job()\tclean\n",
      "# b.cpp\nawaitlint exception summary 1\r\nC\tinline_job()\tlets-out\n",
  });
  EXPECT_FALSE(S.cannotReject("F:inline_job()"));
  EXPECT_EQ(rejection("C\tx()\tclean\n", "a.awlsum"), "a.awlsum: not an awaitlint exception summary");
  EXPECT_EQ(rejection("awaitlint exception summary 1\nC\tx()\tmaybe\n", "b.awlsum"), "b.awlsum:2: malformed line");
}

TEST(ExceptionSummaries, EffectsRoundTripAndVirtualCallsJoinEveryOverride) {
  UnitSummary Unit;
  FunctionEffects Next;
  Next.Key = "next_ticket()";
  Next.Known = Next.Coroutine = Next.Suspends = true;
  Next.GlobalReads = {"ticket_counter"};
  Next.GlobalWrites = {"ticket_counter", "*"};
  Next.ParamWrites = {1};
  Next.Assumed = "peek";
  Unit.Functions.push_back(Next);
  FunctionEffects Memory;
  Memory.Key = "MemoryStore::purge(int)";
  Memory.Known = Memory.Coroutine = true;
  Unit.Functions.push_back(Memory);
  FunctionEffects Disk;
  Disk.Key = "DiskStore::purge(int)";
  Disk.Coroutine = Disk.Suspends = true;  // unknown: calls into a library
  Disk.WritesThis = true;
  Unit.Functions.push_back(Disk);
  Unit.Overrides = {{"MemoryStore::purge(int)", "Store::purge(int)"}};
  std::string Text = Unit.render();
  EXPECT_NE(Text.find("E\tnext_ticket()\tknown,coroutine,suspends\tR:ticket_counter\t"
                      "W:ticket_counter\tW:*\tw:1\tA:peek\n"),
            std::string::npos)
      << Text;

  ExceptionSummaries S = settled({Text});
  std::optional<FunctionEffects> Read = S.effectsOf("F:next_ticket()");
  ASSERT_TRUE(Read);
  EXPECT_TRUE(Read->Known && Read->Coroutine && Read->Suspends);
  EXPECT_EQ(Read->GlobalWrites, (std::vector<std::string>{"ticket_counter", "*"}));
  EXPECT_EQ(Read->ParamWrites, (std::vector<unsigned>{1}));
  EXPECT_EQ(Read->Assumed, "peek");
  EXPECT_FALSE(S.effectsOf("F:nowhere()"));

  // The only override never suspends: neither does the call.
  std::optional<FunctionEffects> Purge = S.effectsOf("P:Store::purge(int)");
  ASSERT_TRUE(Purge);
  EXPECT_TRUE(Purge->Coroutine && !Purge->Suspends && Purge->Known);
  // A second override joins in: it suspends, and its effects are unknown.
  ExceptionSummaries Both = settled({Text, "awaitlint summary 2\nO\tDiskStore::purge(int)\tStore::purge(int)\n"});
  Purge = Both.effectsOf("P:Store::purge(int)");
  ASSERT_TRUE(Purge);
  EXPECT_TRUE(Purge->Suspends && Purge->WritesThis && !Purge->Known);
  // An override in no summary, or a pure virtual nobody implements: none.
  ExceptionSummaries Missing = settled({Text, "awaitlint summary 2\nO\tTapeStore::purge(int)\tStore::purge(int)\n"});
  EXPECT_FALSE(Missing.effectsOf("P:Store::purge(int)"));
  EXPECT_FALSE(S.effectsOf("P:Feed::pull(int)"));
  // A virtual method runs itself or an override: it must be summarised too.
  EXPECT_FALSE(S.effectsOf("V:Store::purge(int)"));

  EXPECT_EQ(rejection("awaitlint summary 2\nE\tf()\tknown,fast\n", "c.awlsum"), "c.awlsum:2: malformed line");
  EXPECT_EQ(rejection("awaitlint summary 2\nE\tf()\t-\tw:x\n", "d.awlsum"), "d.awlsum:2: malformed line");
}

TEST(CalleeEffects, SummariesOfOtherFilesNameTheGlobalsDeclaredHere) {
  // counter is declared twice (extern, then defined): one object. bump and
  // peek have no body here; a summary says what they do.
  Parsed P = parse(R"(
extern int counter;
int counter = 0;
int bump();
int peek();
int elsewhere();
struct Store { virtual int purge() = 0; };
int local_read() { return counter; }
)");
  ASSERT_TRUE(P.Unit);
  ExceptionSummaries S =
      settled({"awaitlint summary 2\n"
               "E\tbump()\tknown\tW:counter\n"
               "E\tpeek()\tknown\tR:*a.cpp:hidden_static\tR:db\n"
               "E\tMem::purge()\tknown,coroutine\n"
               "O\tMem::purge()\tStore::purge()\n"});
  DefaultEffects D;
  D.Effects.useSummaries(&S);
  const VarDecl* Counter = global(P, "counter");
  ASSERT_TRUE(Counter);
  EXPECT_EQ(D.Effects.kindOf(P.declared("bump")), CalleeKind::Summarised);
  EXPECT_EQ(D.Effects.kindOf(P.declared("elsewhere")), CalleeKind::Unknown);
  const CalleeEffects& Bump = D.Effects.effectsOf(P.declared("bump"));
  EXPECT_TRUE(Bump.FromSummary && Bump.Known && !Bump.Visible);
  EXPECT_TRUE(Bump.GlobalWrites.contains(Counter->getCanonicalDecl()));
  const CalleeEffects& Read = D.Effects.effectsOf(P.function("local_read"));
  EXPECT_TRUE(intersects(Bump.GlobalWrites, Read.GlobalReads))
      << "the summary's counter and this file's are one object";
  const CalleeEffects& Peek = D.Effects.effectsOf(P.declared("peek"));
  EXPECT_TRUE(Peek.GlobalReads.contains(foreignState("*a.cpp:hidden_static")));
  EXPECT_TRUE(Peek.GlobalReads.contains(DatabaseObject));
  // One key per name, none a declaration of this file.
  EXPECT_EQ(foreignState("*a.cpp:hidden_static"), foreignState("*a.cpp:hidden_static"));
  EXPECT_NE(foreignState("*a.cpp:hidden_static"), foreignState("*b.cpp:hidden_static"));
  EXPECT_TRUE(isGlobalState(foreignState("*b.cpp:hidden_static")));
  EXPECT_TRUE(isSpecialObject(foreignState("*b.cpp:hidden_static")));
  EXPECT_EQ(foreignStateName(foreignState("*b.cpp:hidden_static")), "*b.cpp:hidden_static");
  EXPECT_FALSE(isForeignState(Counter));
  const CalleeEffects& Purge = D.Effects.effectsOf(P.declared("purge"));
  EXPECT_TRUE(Purge.FromSummary && Purge.Coroutine && !Purge.Suspends);
  // Without summaries: unknown, as before.
  DefaultEffects Plain;
  EXPECT_EQ(Plain.Effects.kindOf(P.declared("bump")), CalleeKind::Unknown);
}
TEST(ExceptionSummaries, KeysNameWhatOtherFilesCanCall) {
  Parsed P = parse(R"(
struct Disk {
  int lock(int timeout) const;
  virtual int start(const Disk &other, unsigned *count);
};
int Disk::lock(int) const { return 0; }
int Disk::start(const Disk &, unsigned *) { return 0; }
namespace store { int put(long key) { return 0; } }
namespace { int hidden() { return 0; } }
static int internal() { return 0; }
template <typename T> int generic(T) { return 0; }
int use() { return generic(1) + hidden() + internal(); }
)");
  ASSERT_TRUE(P.Unit);
  EXPECT_EQ(crossUnitKey(P.function("lock")), "Disk::lock(int) const");
  EXPECT_EQ(crossUnitKey(P.function("start")), "Disk::start(const Disk &, unsigned int *)");
  EXPECT_EQ(crossUnitKey(P.function("put")), "store::put(long)");
  EXPECT_EQ(crossUnitKey(P.function("hidden")), "");
  EXPECT_EQ(crossUnitKey(P.function("internal")), "");
  EXPECT_EQ(crossUnitKey(P.function("generic")), "");
}

}  // namespace
}  // namespace clang::tidy::async::analysis
