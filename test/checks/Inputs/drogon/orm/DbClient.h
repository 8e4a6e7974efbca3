// Mock of drogon/orm/DbClient.h (drogonframework/drogon), runnable:
//   auto db = drogon::orm::DbClient::newPgClient("...", 1);
//   drogon::orm::Result r = co_await db->execSqlCoro("select ...", args...);
// execSqlCoro returns internal::SqlAwaiter, a CallbackAwaiter<Result>
// (co_await gives const Result&); a failed query throws (catch
// const drogon::orm::DrogonDbException &e, e.base().what()).
// The mock's "database" answers after DbClient::mockLatency seconds of
// virtual time (mock-only knob, default 0.1) with one row whose fields are
// the bound arguments, as text; a statement starting with "FAIL" fails.
#pragma once
#include "../utils/coroutine.h"
#include <trantor/net/EventLoop.h>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace drogon::orm {
class DrogonDbException {
public:
  virtual ~DrogonDbException() noexcept = default;
  virtual const std::exception &base() const noexcept = 0;
};
class Failure : public DrogonDbException, public std::runtime_error {
public:
  explicit Failure(const std::string &what) : std::runtime_error(what) {}
  const std::exception &base() const noexcept override { return *this; }
};

class Field {
public:
  explicit Field(std::string text) : text_(std::move(text)) {}
  template <typename T> T as() const {
    if constexpr (std::is_same_v<T, std::string>) {
      return text_;
    } else {
      T value{};
      std::istringstream(text_) >> value;
      return value;
    }
  }
  const char *c_str() const { return text_.c_str(); }
  bool isNull() const { return false; }

private:
  std::string text_;
};

class Row {
public:
  using SizeType = size_t;
  explicit Row(std::vector<std::string> fields) : fields_(std::move(fields)) {}
  Field operator[](SizeType index) const { return Field(fields_.at(index)); }
  Field operator[](int index) const { return Field(fields_.at(static_cast<size_t>(index))); }
  Field at(SizeType index) const { return (*this)[index]; }
  SizeType size() const { return fields_.size(); }

private:
  std::vector<std::string> fields_;
};

class Result {
public:
  using SizeType = size_t;
  explicit Result(std::vector<std::vector<std::string>> rows = {}) : rows_(std::move(rows)) {}
  SizeType size() const noexcept { return rows_.size(); }
  bool empty() const noexcept { return rows_.empty(); }
  Row operator[](SizeType index) const noexcept { return Row(rows_[index]); }
  Row operator[](int index) const noexcept { return Row(rows_[static_cast<size_t>(index)]); }
  Row at(SizeType index) const { return Row(rows_.at(index)); }
  SizeType affectedRows() const noexcept { return rows_.size(); }

private:
  std::vector<std::vector<std::string>> rows_;
};

namespace internal {
struct [[nodiscard]] SqlAwaiter : public CallbackAwaiter<Result> {
  explicit SqlAwaiter(std::string sql, std::vector<std::string> args, double latency)
      : sql_(std::move(sql)), args_(std::move(args)), latency_(latency) {}
  void await_suspend(std::coroutine_handle<> handle) {
    trantor::EventLoop loop;
    loop.runAfter(latency_, [handle, this] {
      if (sql_.rfind("FAIL", 0) == 0)
        setException(std::make_exception_ptr(Failure("mock query failed: " + sql_)));
      else
        setValue(Result({args_}));
      handle.resume();
    });
  }

private:
  std::string sql_;
  std::vector<std::string> args_;
  double latency_;
};

template <typename T> std::string toText(const T &v) {
  if constexpr (std::is_convertible_v<const T &, std::string>) {
    return std::string(v);
  } else {
    std::ostringstream os;
    os << v;
    return os.str();
  }
}
} // namespace internal

class DbClient : public trantor::NonCopyable {
public:
  /// Mock-only: how long the mock database takes to answer, in seconds.
  static inline double mockLatency = 0.1;

  virtual ~DbClient() = default;
  static std::shared_ptr<DbClient> newPgClient(const std::string &, size_t, bool = false) {
    return std::make_shared<DbClient>();
  }
  static std::shared_ptr<DbClient> newMysqlClient(const std::string &, size_t) {
    return std::make_shared<DbClient>();
  }
  static std::shared_ptr<DbClient> newSqlite3Client(const std::string &, size_t) {
    return std::make_shared<DbClient>();
  }

  template <typename... Arguments>
  internal::SqlAwaiter execSqlCoro(const std::string &sql, Arguments &&...args) noexcept {
    return internal::SqlAwaiter(sql, {internal::toText(args)...}, mockLatency);
  }
  template <typename T>
  internal::SqlAwaiter execSqlCoro(const std::string &sql, const std::vector<T> &args) noexcept {
    std::vector<std::string> text;
    for (const auto &a : args)
      text.push_back(internal::toText(a));
    return internal::SqlAwaiter(sql, std::move(text), mockLatency);
  }
};
using DbClientPtr = std::shared_ptr<DbClient>;
} // namespace drogon::orm
