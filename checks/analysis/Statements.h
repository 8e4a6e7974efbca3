//===--- Statements.h - awaitlint -------------------------------*- C++ -*-===//
//
// Database and cache statements handed to a call as text: a query client
// made for concurrent use (a pool, drogon's DbClient) runs two statements
// in any order once both are started, so an INSERT and the SELECT that
// counts its rows must stay in turn although they share no variable.
//
// A call runs a statement when its name says it executes one
// (StatementCalls: execSqlCoro, async_execute, query, execCommand, ...) or
// when a string literal among its arguments has an unmistakable SQL form
// (INSERT INTO, DELETE FROM, UPDATE t SET, SELECT ... FROM, BEGIN, ...).
// The statement's first word decides what it does: SELECT, SHOW, EXPLAIN
// and the read commands of Redis (GET, HGETALL, ...) read; anything else
// handed to an executing call writes, and so does a statement whose text
// the analysis cannot see (a string variable, a string built at run time;
// a call handed no string-like argument, query(id), runs none). A read
// that locks or advances something (SELECT ... FOR UPDATE, nextval(),
// pg_advisory_lock(), SLEEP()) writes too.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_STATEMENTS_H
#define AWAITLINT_CHECKS_ANALYSIS_STATEMENTS_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang::tidy::async::analysis {

class NameList;

enum class StatementAccess { None, Reads, Writes };

/// What the statement \p Text does. \p Executing: it is handed to a call
/// that executes statements, so any text that is not a known read writes;
/// otherwise only unmistakable SQL counts as a statement.
StatementAccess classifyStatement(llvm::StringRef Text, bool Executing);

/// The text a string argument holds when the code spells it out: a
/// literal, through conversions and string constructors, a constant
/// variable's initializer, or the format string of a formatting call
/// (std::format, fmt::format, boost::mysql::with_params).
std::optional<std::string> statementText(const Expr *Argument);

struct CallStatement {
  StatementAccess Access = StatementAccess::None;
  /// The statement's text, empty when the code does not spell it out.
  std::string Text;
};

/// The statement \p Call runs, if it runs one: \p Callee named in
/// \p Executors, or a literal argument of SQL form.
CallStatement statementOfCall(const CallExpr *Call, const FunctionDecl *Callee,
                              const NameList &Executors);

} // namespace clang::tidy::async::analysis

#endif // AWAITLINT_CHECKS_ANALYSIS_STATEMENTS_H
