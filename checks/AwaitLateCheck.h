//===--- AwaitLateCheck.h - awaitlint ---------------------------*- C++ -*-===//
//
// async-await-late: an eager task awaited long before its result is needed,
// while the code in between waits for other things:
//
//   const int config = co_await fetch_config(id);  // waits here...
//   extra = co_await fetch_extra(id);              // ...then here
//   use(config);
//
// An eager task runs from its call; calling it in place and awaiting it just
// before its result is used overlaps it with the waiting in between.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_AWAITLATECHECK_H
#define AWAITLINT_CHECKS_AWAITLATECHECK_H

#include "AsyncCheck.h"

namespace clang::tidy::async {

class AwaitLateCheck : public AsyncCheck {
public:
  AwaitLateCheck(StringRef Name, ClangTidyContext *Context)
      : AsyncCheck(Name, Context) {}

protected:
  void checkCoroutine(CoroutineUnderAnalysis &Coroutine) override;

private:
  void checkBlock(CoroutineUnderAnalysis &C, const CompoundStmt *Block);
  void reportLate(CoroutineUnderAnalysis &C, const analysis::AwaitSite &Site,
                  const Stmt *Before, unsigned Awaits);
};

} // namespace clang::tidy::async

#endif // AWAITLINT_CHECKS_AWAITLATECHECK_H
