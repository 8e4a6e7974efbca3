//===--- AwaitInLoopCheck.h - awaitlint -------------------------*- C++ -*-===//
//
// async-await-in-loop: a co_await in a loop whose iterations do not depend on
// one another runs the iterations one after another (total time: the sum of
// their durations); started together and awaited once with when_all they
// take as long as the slowest one.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_AWAITINLOOPCHECK_H
#define AWAITLINT_CHECKS_AWAITINLOOPCHECK_H

#include "AsyncCheck.h"

namespace clang::tidy::async {

class AwaitInLoopCheck : public AsyncCheck {
public:
  AwaitInLoopCheck(StringRef Name, ClangTidyContext *Context)
      : AsyncCheck(Name, Context) {}

protected:
  void checkCoroutine(CoroutineUnderAnalysis &Coroutine) override;

private:
  class LoopAnalyzer;
};

} // namespace clang::tidy::async

#endif // AWAITLINT_CHECKS_AWAITINLOOPCHECK_H
