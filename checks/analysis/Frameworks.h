//===--- Frameworks.h - awaitlint -------------------------------*- C++ -*-===//
//
// What the checks know about coroutine libraries: which awaited values are
// tasks, whether a task starts when called (eager) or when awaited (lazy),
// which awaits are scheduling or synchronisation primitives, and how several
// tasks are started together (the combinator a fix-it calls).
//
// Every framework the checks know has a profile; a type no profile names is
// still a task when it looks like one (a coroutine return type, or an
// awaiter), with what is known of it read from its promise type.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_FRAMEWORKS_H
#define AWAITLINT_CHECKS_ANALYSIS_FRAMEWORKS_H

#include "clang/AST/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CXXRecordDecl;
class NamedDecl;
namespace tidy::async::analysis {

/// A ';'-separated list of qualified names ("::awl::sleep", "awl::sleep") or
/// regular expressions matched against the whole qualified name
/// ("::asio::this_coro::.*", ".*::async_wait"). A leading "::" is optional.
class NameList {
public:
  NameList() = default;
  explicit NameList(llvm::StringRef Spec) { append(Spec); }
  /// Adds the items of \p Spec; invalid regular expressions are remembered
  /// in errors() and otherwise ignored.
  void append(llvm::StringRef Spec);
  bool matches(llvm::StringRef QualifiedName) const;
  /// Remembers the answer per declaration: printing a qualified name and
  /// running the patterns is most of the cost of a lookup. (Checks, and so
  /// their lists, live for one translation unit.)
  bool matches(const NamedDecl *D) const;
  bool empty() const { return Exact.empty() && Patterns.empty(); }
  /// "'item': reason" for every item that is not a valid regular expression.
  llvm::ArrayRef<std::string> errors() const { return Errors; }

private:
  std::vector<std::string> Exact;
  std::vector<std::shared_ptr<llvm::Regex>> Patterns;
  std::vector<std::string> Errors;
  mutable llvm::DenseMap<const NamedDecl *, bool> Answers;
};

/// True when \p D is declared in namespace std, directly or as a member of
/// a class there (std::vector<T>::push_back, std::runtime_error's
/// constructor).
bool isInStd(const Decl *D);

/// The qualified name of \p D without a leading "::" and without inline
/// namespaces (std::__cxx11 prints as std).
std::string qualifiedName(const NamedDecl *D);

/// True when \p F is declared noexcept (or throw()).
bool isDeclaredNothrow(const FunctionDecl *F);

/// True when \p F is a virtual member function that neither it nor its
/// class declares final: a call through it may reach an override.
bool mayBeOverridden(const FunctionDecl *F);

/// Whether a call of \p Callee can throw only through the task it returns:
/// a coroutine (its exceptions go into its task) or a noexcept function.
/// Only functions defined elsewhere are given the benefit of the doubt.
bool throwsOnlyThroughItsTask(const FunctionDecl *Callee);

enum class Framework : unsigned char {
  Unknown,
  Awl,
  Asio,
  BoostAsio,
  Cobalt,
  Libcoro,
  AsyncSimple,
  Seastar,
  Cppcoro,
  Folly,
  QCoro,
  Drogon,
  DPP
};

/// When the body of a coroutine starts running.
enum class StartPolicy : unsigned char {
  Unknown,
  Eager, ///< initial_suspend does not suspend: it runs when called.
  Lazy   ///< initial_suspend suspends: it runs when awaited.
};

/// How a group of awaitables is combined into one await.
struct Combiner {
  enum class Style : unsigned char {
    FunctionCall, ///< co_await when_all(a, b)
    AsioAnd       ///< co_await (a && b) (asio's awaitable operators)
  };
  Style Form = Style::FunctionCall;
  std::string Function;       ///< e.g. "awl::when_all" (FunctionCall).
  std::string Header;         ///< e.g. "<awl/when_all.hpp>"; may be empty.
  std::string UsingNamespace; ///< Namespace the operator lives in (AsioAnd).
  std::string DisplayName;    ///< For messages.
  /// A void operand has a slot in the result (a placeholder value such as
  /// std::monostate); otherwise it has none (asio's &&, Seastar's
  /// when_all_succeed).
  bool VoidHasSlot = true;
  /// A result with a single slot is that value, not a one-element tuple.
  bool SingleSlotUnwrapped = false;
  /// Each slot holds an outcome rather than a value (async_simple's Try);
  /// `std::move(slot).<ValueMethod>()` gives the value or rethrows.
  std::string ValueMethod;
  /// What such a slot is called after its value: count_try, count_result.
  std::string SlotSuffix = "try";
  /// It rethrows the first failure at once (instead of after every
  /// operand finished).
  bool FailsFast = true;
  /// It reaches an operand's awaiter only through operator co_await
  /// (drogon's when_all): a bare awaiter (await_ready, await_suspend,
  /// await_resume) cannot be an operand.
  bool NeedsCoAwaitOperator = false;
};

/// How a range of tasks (a std::vector) is awaited at once, for loops.
struct RangeCombiner {
  std::string Function; ///< e.g. "awl::when_all"
  std::string Header;
  std::string DisplayName;
  /// As in Combiner: each element holds an outcome unwrapped with this.
  std::string ValueMethod;
  /// The combined result of void tasks is void (cppcoro, folly) rather than
  /// a range of placeholders.
  bool VoidResultIsVoid = false;
  /// As in Combiner.
  bool FailsFast = true;
  /// As in Combiner: the elements need an operator co_await.
  bool NeedsCoAwaitOperator = false;
};

/// How awaits whose failures are handled one by one are started together:
/// `auto [s1, s2] = co_await Function(f(), g());` never fails, and
/// `std::move(s1).ValueMethod()` gives f's value or throws f's exception.
struct SettledCombiner {
  std::string Function;    ///< e.g. "awl::when_all_settled".
  std::string Header;      ///< e.g. "<awl/when_all_settled.hpp>".
  std::string ValueMethod; ///< e.g. "get".
  std::string DisplayName; ///< For messages.
  /// Function also takes a std::vector of tasks and gives a vector of
  /// outcomes (what a loop's rewrite needs).
  bool TakesRange = false;
};

/// Everything the checks know about one library.
struct FrameworkProfile {
  struct TaskType {
    std::string Name; ///< Qualified name of the task class (template).
    StartPolicy Start;
  };
  Framework Id = Framework::Unknown;
  std::string Name; ///< For messages, e.g. "Seastar".
  /// The library's namespaces.
  std::vector<std::string> Namespaces;
  /// The library's functions act only on their arguments and receiver (its
  /// machinery: timers, queues, combinators, sockets handed to it); false
  /// for application frameworks whose functions reach databases and peers.
  bool ActsOnArgumentsOnly = true;
  std::vector<TaskType> TaskTypes;
  /// Awaits of these calls are scheduling or synchronisation primitives:
  /// their place in the order is their purpose (a NameList spec).
  std::string Barriers;
  std::optional<Combiner> WhenAll;
  std::optional<RangeCombiner> RangeWhenAll;
  std::optional<SettledCombiner> Settled;
  /// Calls that run a task detached, its failure reported to nobody unless
  /// the task handles it (a NameList spec).
  std::string DetachCalls;
  /// Task types made to be dropped: nothing can await them, and their
  /// promise handles a failure itself (drogon::AsyncTask terminates). A
  /// NameList spec.
  std::string FireAndForgetTypes;
};

/// The profiles of every library the checks know.
llvm::ArrayRef<FrameworkProfile> frameworkProfiles();
/// The profile of \p Library (nullptr for Unknown).
const FrameworkProfile *profileOf(Framework Library);
/// The library whose namespace \p QualifiedName is in, if any.
Framework frameworkOfName(llvm::StringRef QualifiedName);

struct TaskTypeInfo {
  const CXXRecordDecl *Record = nullptr;
  std::string Name; ///< Qualified name of the task template / class.
  Framework Library = Framework::Unknown;
  StartPolicy Start = StartPolicy::Unknown;
  /// Named by a profile or by the TaskTypes option (as opposed to
  /// recognised by its shape).
  bool Known = false;
};

/// Decides which awaited types are tasks: a class named by a framework
/// profile or by \p CustomTaskTypes, a coroutine return type (it has a
/// promise_type), or an awaitable class (operator co_await, or
/// await_ready/await_suspend/await_resume); eager or lazy from the profile,
/// else from promise_type::initial_suspend, else unknown. Answers are
/// remembered per canonical type (one translation unit).
class TaskClassifier {
public:
  explicit TaskClassifier(const NameList &CustomTaskTypes)
      : CustomTaskTypes(CustomTaskTypes) {}
  std::optional<TaskTypeInfo> classify(QualType T);

private:
  std::optional<TaskTypeInfo> classifyUncached(QualType T) const;
  const NameList &CustomTaskTypes;
  llvm::DenseMap<const Type *, std::optional<TaskTypeInfo>> Answers;
};

/// Reads promise_type::initial_suspend of \p Task (nested, inherited, or
/// from a std::coroutine_traits specialisation is not looked at).
StartPolicy startPolicyOf(const CXXRecordDecl *Task);

/// Whether \p Task is a generator: its promise_type has yield_value, so one
/// coroutine produces many values, each handed out by a read.
bool yieldsValues(const CXXRecordDecl *Task);

/// True when awaiting a \p T never suspends: an awaiter (no promise type)
/// whose await_ready() returns `true` as written.
bool neverSuspends(QualType T);

/// True when \p F is no coroutine and its whole body returns a task made
/// from an awaitable that never suspends (`return cobalt::noop(42);`, which
/// Cobalt's promise and generator take to be complete without a coroutine).
bool returnsReadyTask(const FunctionDecl *F);

/// True when \p T is a class with an operator co_await of its own or of a
/// base (Task<T>), as opposed to a bare awaiter.
bool hasCoAwaitOperator(QualType T);

/// Why a combinator \p Function that \p Takes (as the message says it:
/// "tasks", "a range of tasks") cannot be handed \p Operand, if it cannot:
/// with \p NeedsCoAwaitOperator, a bare awaiter is no operand.
std::optional<std::string> bareAwaiterProblem(llvm::StringRef Function,
                                              llvm::StringRef Takes,
                                              bool NeedsCoAwaitOperator,
                                              QualType Operand,
                                              const PrintingPolicy &Policy);

/// True when \p T is a class whose copy constructor is deleted (awl's
/// combinators copy each value out of its input promise, which other code
/// may still hold, as JavaScript shares values).
bool isMoveOnly(QualType T);

/// The argument an error-code redirection stores the operation's error in:
/// asio's `redirect_error(token, ec)` (boost::asio too, the function or a
/// `redirect_error_t` constructed directly), or a call to a function whose
/// whole body returns such a redirection of one of its parameters (a
/// project's `token[ec]`). The operation assigns that error code when it
/// completes and never reads it. Null when \p E is none of these.
const Expr *redirectedErrorArgument(const Expr *E);

/// True when \p T is an error code value (std::error_code,
/// boost::system::error_code, asio::error_code).
bool isErrorCode(QualType T);

} // namespace tidy::async::analysis
} // namespace clang

#endif // AWAITLINT_CHECKS_ANALYSIS_FRAMEWORKS_H
