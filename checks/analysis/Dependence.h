//===--- Dependence.h - awaitlint -------------------------------*- C++ -*-===//
//
// Decides which awaits may start together: what each awaited call is and
// touches, and why one await has to wait for another.
//
// Two awaits are dependent (the later may not start before the earlier one
// finished) when
//   - the later one uses the earlier one's result, or both assign one place;
//   - one writes what the other reads or writes (variables, globals, the
//     receiver, objects passed by reference), as far as the code and the
//     bodies of the callees in the translation unit show;
//   - one may read or write anything (its callee is unknown) and the other
//     writes something outside the coroutine;
//   - one is an ordering step - awaited for its effect, its result unused,
//     its effects not shown to be harmless - and the other is a different
//     operation (flush then read, login then fetch, wait_ready then fetch),
//     except an answer to an event (defer, reply: AcknowledgementCalls)
//     followed by an operation that changes no state and touches nothing
//     the answer touches;
//   - both are different operations that change state by their names
//     (StateChangingCalls) and their effects are not all known;
//   - both act on one object they may modify (a connection), unless
//     SameObjectIsDependent is off.
// An await is never grouped when it awaits a barrier (sleep, yield, lock,
// channel, ...), sits in an ordered section (a guard, lock ... unlock), or
// awaits something that never suspends.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_DEPENDENCE_H
#define AWAITLINT_CHECKS_ANALYSIS_DEPENDENCE_H

#include "AwaitDiscovery.h"
#include "Coroutine.h"
#include "Effects.h"
#include "Frameworks.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>
#include <variant>

namespace clang::tidy::async::analysis {

struct SharedOptions;

/// One await statement the checks may move.
struct AwaitSite {
  AwaitStatement Shape;
  TaskTypeInfo Task;
  /// The awaited call's callee (null when a task object is awaited).
  const FunctionDecl *Callee = nullptr;
  CalleeKind Kind = CalleeKind::Unknown;
  /// Evaluating the operand and running the awaited call.
  AccessSummary Operand;
  /// The first call of unknown effect among the operand's arguments and
  /// receiver (not the awaited call itself), if any.
  std::string ArgumentUnknownCall;
  /// What the statement gives a value: variables, bindings, or the member
  /// assigned (item.roles: the field).
  ObjectSet Results;
  /// Results and the objects they are part of (item.roles: item too): code
  /// that uses any of these uses the result.
  ObjectSet ResultRoots;
  bool ResultUsed = false;
  /// Awaits an existing (lazy) task object rather than a call.
  bool AwaitsTaskObject = false;
  /// The awaited call changes nothing other code could see and waits on no
  /// barrier.
  bool CalleeHarmless = false;
  /// Local error codes the operand names only to have the operation store
  /// its error in (asio's redirect_error): written, never read by it.
  ObjectSet ErrorSlots;

  /// Awaited for its effect: the result is unused and the call is not
  /// known to be harmless.
  bool isStep() const { return !ResultUsed && !CalleeHarmless; }
  /// Everything the operand does is known (not merely assumed from a
  /// callee's name).
  bool effectsKnown() const {
    return !Operand.hasUnknownCall() && Operand.AssumedCall.empty();
  }
  std::string calleeName() const;
};

class AwaitAnalysis {
public:
  AwaitAnalysis(const SharedOptions &Opts, TaskClassifier &Classifier,
                EffectAnalysis &Effects, CoroutineFacts &Facts)
      : Opts(Opts), Classifier(Classifier), Effects(Effects), Facts(Facts) {}

  /// The site \p Statement makes, or why it is not one (remembered per
  /// statement).
  const std::variant<AwaitSite, std::string> &
  site(const AwaitStatement &Statement);

  /// Why \p Later cannot start before \p Earlier finished, if it cannot.
  std::optional<std::string> dependence(const AwaitSite &Earlier,
                                        const AwaitSite &Later) const;

  /// Why code (\p Between) cannot move before a combined await, if it
  /// cannot: anything but a local computation could see the new order.
  std::optional<std::string> immovable(const AccessSummary &Between) const;
  /// Why code moved before the combined await conflicts with \p Member.
  std::optional<std::string> conflict(const AccessSummary &Between,
                                      const AwaitSite &Member) const;

  /// Why starting \p Sites together could change what the program does:
  /// when_all starts every call up front and fails fast, while awaits in
  /// turn start a call only after the previous one succeeded.
  std::optional<std::string>
  behaviourChange(llvm::ArrayRef<const AwaitSite *> Sites) const;

  /// What evaluating an awaited operand does, with what the operation it
  /// starts acts on: a non-coroutine function returning an operation (asio's
  /// async_* members) acts on its receiver and reference arguments after
  /// its own body returned. \p Operand: bare, as awaitOperand gives it.
  AccessSummary summarizeOperand(const Expr *Operand);
  AccessSummary summarize(const Stmt *S) {
    return Effects.summarize(S, Facts.function());
  }
  /// How messages name \p Key: "'user'", "'*this'", ...
  std::string nameOf(ObjectKey Key) const;
  CoroutineFacts &facts() { return Facts; }
  const SharedOptions &options() const { return Opts; }
  TaskClassifier &classifier() { return Classifier; }
  EffectAnalysis &effects() { return Effects; }

private:
  /// \p S answers an event (AcknowledgementCalls) and waits on no barrier.
  bool isAcknowledgement(const AwaitSite &S) const;
  /// \p Other must stay after the answer \p Ack: it changes state, or
  /// touches something the answer does.
  bool actsAfterAcknowledgement(const AwaitSite &Ack,
                                const AwaitSite &Other) const;

  std::variant<AwaitSite, std::string> makeSite(const AwaitStatement &S);

  const SharedOptions &Opts;
  TaskClassifier &Classifier;
  EffectAnalysis &Effects;
  CoroutineFacts &Facts;
  llvm::DenseMap<const Stmt *, std::variant<AwaitSite, std::string>> Sites;
};

/// Same callee (function or function template), different arguments.
bool sameOperation(const FunctionDecl *A, const FunctionDecl *B);

} // namespace clang::tidy::async::analysis

#endif // AWAITLINT_CHECKS_ANALYSIS_DEPENDENCE_H
