// Mock of drogon/nosql/RedisClient.h (drogonframework/drogon), runnable:
//   auto redis = drogon::nosql::RedisClient::newRedisClient(addr);
//   drogon::nosql::RedisResult r =
//       co_await redis->execCommandCoro("get %s", key);
//   r.asString(), r.asInteger(), r.isNil()
// execCommandCoro returns internal::RedisAwaiter, a CallbackAwaiter of the
// result. The mock keeps one in-memory store per process and answers after
// RedisClient::mockLatency seconds of virtual time (mock-only knob, default
// 0.1); it knows GET, SET, DEL and INCR (any case), with %s and %d
// replaced by the arguments in order; other commands fail.
#pragma once
#include "../utils/coroutine.h"
#include <trantor/net/EventLoop.h>
#include <cctype>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace drogon::nosql {
class RedisException : public std::runtime_error {
public:
  explicit RedisException(const std::string &what) : std::runtime_error(what) {}
};

class RedisResult {
public:
  RedisResult() = default;
  explicit RedisResult(std::string text) : text_(std::move(text)), nil_(false) {}
  std::string asString() const noexcept(false) {
    if (nil_)
      throw RedisException("nil result");
    return text_;
  }
  long long asInteger() const noexcept(false) { return std::stoll(asString()); }
  bool isNil() const noexcept { return nil_; }

private:
  std::string text_;
  bool nil_ = true;
};

namespace internal {
inline std::map<std::string, std::string> &mockStore() {
  static std::map<std::string, std::string> store;
  return store;
}

template <typename T> std::string argText(const T &v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

/// The command with its %s/%d placeholders filled, split into words.
inline std::vector<std::string> words(std::string_view format,
                                      const std::vector<std::string> &args) {
  std::string text;
  size_t next = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '%' && i + 1 < format.size() &&
        (format[i + 1] == 's' || format[i + 1] == 'd') && next < args.size()) {
      text += args[next++];
      ++i;
    } else {
      text += format[i];
    }
  }
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;)
    out.push_back(w);
  return out;
}

inline RedisResult execute(const std::vector<std::string> &w) {
  auto upper = [](std::string s) {
    for (char &c : s)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  };
  auto &store = mockStore();
  std::string cmd = w.empty() ? "" : upper(w[0]);
  if (cmd == "GET" && w.size() == 2) {
    auto it = store.find(w[1]);
    return it == store.end() ? RedisResult() : RedisResult(it->second);
  }
  if (cmd == "SET" && w.size() == 3) {
    store[w[1]] = w[2];
    return RedisResult("OK");
  }
  if (cmd == "DEL" && w.size() == 2)
    return RedisResult(std::to_string(store.erase(w[1])));
  if (cmd == "INCR" && w.size() == 2) {
    auto &v = store[w[1]];
    v = std::to_string((v.empty() ? 0 : std::stoll(v)) + 1);
    return RedisResult(v);
  }
  throw RedisException("mock redis: unsupported command");
}

struct [[nodiscard]] RedisAwaiter : public CallbackAwaiter<RedisResult> {
  RedisAwaiter(std::vector<std::string> words, double latency)
      : words_(std::move(words)), latency_(latency) {}
  void await_suspend(std::coroutine_handle<> handle) {
    trantor::EventLoop loop;
    loop.runAfter(latency_, [handle, this] {
      try {
        setValue(execute(words_));
      } catch (...) {
        setException(std::current_exception());
      }
      handle.resume();
    });
  }

private:
  std::vector<std::string> words_;
  double latency_;
};
} // namespace internal

class RedisClient {
public:
  /// Mock-only: how long the mock server takes to answer, in seconds.
  static inline double mockLatency = 0.1;

  static std::shared_ptr<RedisClient> newRedisClient(const std::string & = "127.0.0.1",
                                                     size_t = 1) {
    return std::make_shared<RedisClient>();
  }

  template <typename... Arguments>
  internal::RedisAwaiter execCommandCoro(std::string_view command, Arguments... args) {
    return internal::RedisAwaiter(internal::words(command, {internal::argText(args)...}),
                                  mockLatency);
  }
};
using RedisClientPtr = std::shared_ptr<RedisClient>;
} // namespace drogon::nosql
