//===--- Statements.cpp - awaitlint -----------------------------*- C++ -*-===//

#include "Statements.h"
#include "Frameworks.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <cctype>

namespace clang::tidy::async::analysis {

namespace {

/// Enough words to see a statement's shape and its locking clauses.
constexpr size_t MaxWords = 512;

/// The words of \p Text in upper case, without comments and quoted parts
/// (string constants, quoted names): "select * from t -- x" gives SELECT,
/// FROM, T.
llvm::SmallVector<std::string, 16> wordsOf(llvm::StringRef Text) {
  llvm::SmallVector<std::string, 16> Words;
  size_t I = 0;
  const size_t N = Text.size();
  auto IsWordChar = [](char C) {
    return std::isalnum(static_cast<unsigned char>(C)) || C == '_' ||
           C == '$' || C == '.';
  };
  while (I < N && Words.size() < MaxWords) {
    char C = Text[I];
    if (C == '-' && I + 1 < N && Text[I + 1] == '-') {
      I = Text.find('\n', I);
      if (I == llvm::StringRef::npos)
        break;
      continue;
    }
    if (C == '/' && I + 1 < N && Text[I + 1] == '*') {
      I = Text.find("*/", I + 2);
      if (I == llvm::StringRef::npos)
        break;
      I += 2;
      continue;
    }
    if (C == '\'' || C == '"' || C == '`') {
      I = Text.find(C, I + 1);
      if (I == llvm::StringRef::npos)
        break;
      ++I;
      continue;
    }
    if (!IsWordChar(C)) {
      ++I;
      continue;
    }
    size_t Start = I;
    while (I < N && IsWordChar(Text[I]))
      ++I;
    Words.push_back(Text.slice(Start, I).upper());
  }
  return Words;
}

bool isOneOf(llvm::StringRef Word, std::initializer_list<llvm::StringRef> Set) {
  return llvm::is_contained(Set, Word);
}

/// SQL statements that read, by their first word.
bool startsRead(llvm::StringRef First) {
  return isOneOf(First, {"SELECT", "WITH", "SHOW", "EXPLAIN", "DESCRIBE",
                         "DESC", "VALUES", "TABLE"});
}

/// Redis commands that only read (a blocking read waits for a writer, so
/// BLPOP and friends are not here).
bool isRedisRead(llvm::StringRef First) {
  return isOneOf(
      First, {"GET",         "MGET",       "GETRANGE",      "SUBSTR",
              "STRLEN",      "GETBIT",     "BITCOUNT",      "BITPOS",
              "EXISTS",      "TTL",        "PTTL",          "EXPIRETIME",
              "TYPE",        "KEYS",       "SCAN",          "RANDOMKEY",
              "DBSIZE",      "HGET",       "HMGET",         "HGETALL",
              "HKEYS",       "HVALS",      "HLEN",          "HEXISTS",
              "HSTRLEN",     "HSCAN",      "HRANDFIELD",    "LRANGE",
              "LLEN",        "LINDEX",     "LPOS",          "SMEMBERS",
              "SISMEMBER",   "SMISMEMBER", "SCARD",         "SSCAN",
              "SRANDMEMBER", "SINTER",     "SUNION",        "SDIFF",
              "ZRANGE",      "ZREVRANGE",  "ZRANGEBYSCORE", "ZREVRANGEBYSCORE",
              "ZRANGEBYLEX", "ZSCORE",     "ZMSCORE",       "ZRANK",
              "ZREVRANK",    "ZCARD",      "ZCOUNT",        "ZLEXCOUNT",
              "ZSCAN",       "XRANGE",     "XREVRANGE",     "XLEN",
              "PFCOUNT",     "GEOPOS",     "GEODIST",       "GEOHASH",
              "GEOSEARCH",   "PING",       "ECHO",          "TIME",
              "INFO",        "JSON.GET",   "JSON.MGET",     "JSON.TYPE"});
}

/// A statement that starts like a read but locks, reserves or changes
/// something: SELECT ... FOR UPDATE, a data-modifying WITH, SELECT ... INTO,
/// nextval(), pg_advisory_lock(), GET_LOCK(), SLEEP().
bool readWrites(llvm::ArrayRef<std::string> Words) {
  for (llvm::StringRef Word : Words) {
    if (isOneOf(Word, {"INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "INTO",
                       "TRUNCATE", "DROP", "CREATE", "ALTER", "CALL", "SHARE"}))
      return true;
    for (llvm::StringRef Part : {"LOCK", "NEXTVAL", "SETVAL", "SLEEP"})
      if (Word.contains(Part))
        return true;
  }
  return false;
}

/// SQL no other text looks like: INSERT INTO, DELETE FROM, UPDATE t SET,
/// CREATE TABLE, a lone BEGIN or COMMIT, ...
bool unmistakableWrite(llvm::ArrayRef<std::string> Words) {
  llvm::StringRef First = Words[0];
  llvm::StringRef Second =
      Words.size() > 1 ? llvm::StringRef(Words[1]) : llvm::StringRef();
  if (First == "INSERT")
    return isOneOf(Second, {"INTO", "OR", "IGNORE"});
  if (isOneOf(First, {"REPLACE", "MERGE", "UPSERT"}))
    return Second == "INTO";
  if (First == "DELETE")
    return Second == "FROM";
  if (First == "UPDATE")
    return llvm::is_contained(Words.take_front(5), "SET");
  if (isOneOf(First, {"CREATE", "DROP", "ALTER"}))
    return isOneOf(Second, {"TABLE", "INDEX", "VIEW", "SCHEMA", "DATABASE",
                            "SEQUENCE", "TRIGGER", "FUNCTION", "PROCEDURE",
                            "TYPE", "UNIQUE", "TEMP", "TEMPORARY", "OR",
                            "MATERIALIZED", "EXTENSION", "ROLE", "USER"});
  if (isOneOf(First, {"TRUNCATE", "LOCK"}))
    return isOneOf(Second, {"TABLE", "TABLES"});
  if (First == "PRAGMA")
    return true;
  // Transaction control: the whole text is the statement.
  if (Words.size() <= 2 &&
      isOneOf(First, {"BEGIN", "COMMIT", "ROLLBACK", "START", "END"}))
    return Words.size() == 1 ? First != "START" && First != "END"
                             : isOneOf(Second, {"TRANSACTION", "WORK"});
  return false;
}

/// The function a formatting call is, whose first argument is the format:
/// std::format, fmt::format, boost::mysql::with_params, absl::StrFormat.
bool isFormatting(const FunctionDecl *Callee) {
  if (!Callee || !Callee->getIdentifier())
    return false;
  return isOneOf(Callee->getName(),
                 {"format", "vformat", "with_params", "StrFormat", "sformat"});
}

/// A statement can be handed over as this type: a character pointer, a
/// string or string view, or a class named for a statement or query
/// (an SQL builder's result).
bool mayHoldStatement(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *Pointer = T->getAs<PointerType>())
    return Pointer->getPointeeType()->isAnyCharacterType();
  const auto *Record = T->getAsRecordDecl();
  if (!Record || !Record->getIdentifier())
    return false;
  std::string Name = Record->getName().lower();
  return llvm::any_of(
      std::initializer_list<llvm::StringRef>{"string", "sql", "query",
                                             "statement", "command"},
      [&](llvm::StringRef Part) {
        return llvm::StringRef(Name).contains(Part);
      });
}

const Expr *strip(const Expr *E) {
  const Expr *Last = nullptr;
  while (E && E != Last) {
    Last = E;
    E = E->IgnoreImplicit()->IgnoreParens();
  }
  return E;
}

} // namespace

StatementAccess classifyStatement(llvm::StringRef Text, bool Executing) {
  llvm::SmallVector<std::string, 16> Words = wordsOf(Text);
  if (Words.empty())
    return Executing ? StatementAccess::Writes : StatementAccess::None;
  llvm::StringRef First = Words[0];
  if (startsRead(First)) {
    // Outside a call that executes it, only a query's own shape says it is
    // one ("Select an option" is not).
    bool Query = Executing ||
                 (First == "SELECT" && llvm::is_contained(Words, "FROM")) ||
                 (First == "WITH" && llvm::is_contained(Words, "SELECT"));
    if (!Query)
      return StatementAccess::None;
    return readWrites(Words) ? StatementAccess::Writes : StatementAccess::Reads;
  }
  if (Executing) {
    if (isRedisRead(First) &&
        !(First == "XREAD" && llvm::is_contained(Words, "BLOCK")))
      return StatementAccess::Reads;
    return StatementAccess::Writes;
  }
  return unmistakableWrite(Words) ? StatementAccess::Writes
                                  : StatementAccess::None;
}

std::optional<std::string> statementText(const Expr *Argument) {
  const Expr *E = Argument;
  for (unsigned Step = 0; E && Step < 8; ++Step) {
    E = strip(E);
    if (const auto *Literal = dyn_cast<StringLiteral>(E)) {
      if (Literal->getCharByteWidth() != 1)
        return std::nullopt;
      return Literal->getString().str();
    }
    if (const auto *UDL = dyn_cast<UserDefinedLiteral>(E)) {
      // "..."s, "..."sv (only a string literal operator has a cooked string;
      // a template one has no argument at all)
      if (UDL->getLiteralOperatorKind() != UserDefinedLiteral::LOK_String)
        return std::nullopt;
      E = UDL->getCookedLiteral();
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() == 0)
        return std::nullopt;
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      // A constant whose value the code spells out where it is declared.
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      const Expr *Init = Var ? Var->getAnyInitializer() : nullptr;
      if (!Init ||
          !(Var->isConstexpr() || (Var->getType().isConstQualified() &&
                                   !Var->getType()->isReferenceType())))
        return std::nullopt;
      E = Init;
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      // "SELECT ... WHERE id = " + id: the beginning says what it does.
      if (Op->getOperator() != OO_Plus || Op->getNumArgs() != 2)
        return std::nullopt;
      E = Op->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (!isFormatting(Call->getDirectCallee()) || Call->getNumArgs() == 0)
        return std::nullopt;
      E = Call->getArg(0);
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

CallStatement statementOfCall(const CallExpr *Call, const FunctionDecl *Callee,
                              const NameList &Executors) {
  bool Executing = Callee && Executors.matches(Callee);
  llvm::SmallVector<std::string, 4> Texts;
  for (const Expr *Arg : Call->arguments())
    if (std::optional<std::string> Text = statementText(Arg))
      Texts.push_back(std::move(*Text));
  // An unmistakable statement among the arguments, wherever it is.
  for (const std::string &Text : Texts)
    if (StatementAccess Access = classifyStatement(Text, false);
        Access != StatementAccess::None)
      return {Access, Text};
  if (!Executing)
    return {};
  // The call executes a statement: its first spelled-out text, else one the
  // analysis cannot read (which may write anything).
  if (!Texts.empty())
    return {classifyStatement(Texts.front(), true), Texts.front()};
  // Nothing it is handed can hold a statement (query(id) on a key-value
  // client): it runs none the analysis could tell.
  if (llvm::none_of(Call->arguments(), [](const Expr *Arg) {
        return mayHoldStatement(Arg->getType());
      }))
    return {};
  return {StatementAccess::Writes, ""};
}

} // namespace clang::tidy::async::analysis
