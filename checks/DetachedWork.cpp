//===--- DetachedWork.cpp - awaitlint ---------------------------*- C++ -*-===//
//
// async-unhandled-rejection, detached work: tasks handed to a library's
// detach or spawn call whose failure no code will see.
//
//===----------------------------------------------------------------------===//

#include "UnhandledRejectionCheck.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

void UnhandledRejectionCheck::registerDetachMatchers(MatchFinder *) {}

void UnhandledRejectionCheck::checkDetached(const MatchFinder::MatchResult &) {}

} // namespace clang::tidy::async
