//===--- Frameworks.h - awaitlint
//------------------------------------------===//
//
// What the checks know about coroutine libraries: which types are tasks,
// whether a task starts eagerly, how to start several together.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_FRAMEWORKS_H
#define AWAITLINT_CHECKS_ANALYSIS_FRAMEWORKS_H

#include "clang/AST/Type.h"
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
  explicit NameList(llvm::StringRef Spec);
  bool matches(llvm::StringRef QualifiedName) const;
  /// Remembers the answer per declaration: printing a qualified name and
  /// running the patterns is most of the cost of a lookup. (Checks, and so
  /// their lists, live for one translation unit.)
  bool matches(const NamedDecl *D) const;
  bool empty() const { return Exact.empty() && Patterns.empty(); }

private:
  std::vector<std::string> Exact;
  std::vector<std::shared_ptr<llvm::Regex>> Patterns;
  mutable llvm::DenseMap<const NamedDecl *, bool> Answers;
};

/// The qualified name of \p D without a leading "::" and without inline
/// namespaces (std::__cxx11 prints as std).
std::string qualifiedName(const NamedDecl *D);

enum class Framework { Unknown, Awl, Asio, BoostAsio, Cppcoro, Folly, QCoro };

/// When the body of a coroutine starts running.
enum class StartPolicy {
  Unknown,
  Eager, ///< initial_suspend returns std::suspend_never: runs when called.
  Lazy   ///< initial_suspend returns std::suspend_always: runs when awaited.
};

struct TaskTypeInfo {
  const CXXRecordDecl *Record = nullptr;
  std::string Name; ///< Qualified name of the task template / class.
  Framework Library = Framework::Unknown;
  StartPolicy Start = StartPolicy::Unknown;
};

/// Recognises \p T (after references and cv-qualifiers) as a task type when
/// its class (or class template) is named in \p TaskTypes.
std::optional<TaskTypeInfo> classifyTaskType(QualType T,
                                             const NameList &TaskTypes);

/// classifyTaskType, remembered per canonical type (one translation unit).
class TaskTypeCache {
public:
  std::optional<TaskTypeInfo> classify(QualType T, const NameList &TaskTypes);

private:
  llvm::DenseMap<const Type *, std::optional<TaskTypeInfo>> Answers;
};

/// Looks at promise_type::initial_suspend of \p Task (or at the framework's
/// known policy when the promise comes from coroutine_traits).
StartPolicy startPolicyOf(const CXXRecordDecl *Task, Framework Library);

Framework frameworkOfTaskName(llvm::StringRef QualifiedTaskName);

/// How a group of awaitables is combined into one.
struct Combiner {
  enum class Style {
    FunctionCall, ///< co_await when_all(a, b): one tuple slot per operand.
    AsioAnd       ///< co_await (a && b): void operands have no slot.
  };
  Style Form = Style::FunctionCall;
  std::string Function;       ///< e.g. "awl::when_all" (FunctionCall).
  std::string Header;         ///< e.g. "<awl/when_all.hpp>"; may be empty.
  std::string UsingNamespace; ///< Namespace the operator lives in (AsioAnd).
  std::string DisplayName;    ///< For messages.
};

/// The default combiner of \p Library, if the checks know one.
std::optional<Combiner> defaultCombiner(Framework Library);

/// How awaits whose failures are handled one by one are started together:
/// `auto [s1, s2] = co_await Function(f(), g());` never fails, and
/// `std::move(s1).ValueMethod()` gives f's value or throws f's exception.
struct SettledCombiner {
  std::string Function;    ///< e.g. "awl::when_all_settled".
  std::string Header;      ///< e.g. "<awl/when_all_settled.hpp>".
  std::string ValueMethod; ///< e.g. "get".
  std::string DisplayName; ///< For messages.
};

/// The default settled combiner of \p Library, if the checks know one.
std::optional<SettledCombiner> defaultSettledCombiner(Framework Library);

/// True when \p T is a class whose copy constructor is deleted (awl's
/// combinators copy each value out of its input promise, which other code
/// may still hold, as JavaScript shares values).
bool isMoveOnly(QualType T);

/// The default of the TaskTypes option.
extern const char DefaultTaskTypes[];
/// The default of the IgnoredAwaitables option: scheduling and
/// synchronisation primitives whose order is their purpose.
extern const char DefaultIgnoredAwaitables[];
/// The default of the SideEffectFreeCalls option.
extern const char DefaultSideEffectFreeCalls[];

} // namespace tidy::async::analysis
} // namespace clang

#endif // AWAITLINT_CHECKS_ANALYSIS_FRAMEWORKS_H
