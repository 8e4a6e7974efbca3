//===--- UnobservedLocals.cpp - awaitlint -----------------------*- C++ -*-===//
//
// async-unhandled-rejection, locals: a started promise or a task held in a
// local variable that some path leaves without observing.
//
//===----------------------------------------------------------------------===//

#include "UnhandledRejectionCheck.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

void UnhandledRejectionCheck::registerLocalMatchers(MatchFinder *) {}

void UnhandledRejectionCheck::checkLocals(const MatchFinder::MatchResult &) {}

} // namespace clang::tidy::async
