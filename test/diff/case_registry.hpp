// Registry of the differential cases compiled into awl_diff_cases. Each
// cases/<name>.cpp puts its code in its own namespace and defines its entry
// point with AWL_DIFF_CASE(<name>) { ... return 0; }; a static registrar adds
// it to the registry before main runs. The helpers mirror console.log.
#pragma once

#include <awl/awl.hpp>

#include <concepts>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace awl_diff {

using CaseFunction = int (*)();

inline std::map<std::string, CaseFunction, std::less<>>& registry() {
  static std::map<std::string, CaseFunction, std::less<>> cases;
  return cases;
}

struct Registrar {
  Registrar(const char* name, CaseFunction function) {
    if (!registry().emplace(name, function).second) {
      std::fprintf(stderr, "awl_diff_cases: case '%s' registered twice\n", name);
      std::abort();
    }
  }
};

namespace detail {
inline void append(std::string& out, std::string_view text) { out += text; }
inline void append(std::string& out, const char* text) { out += text; }
inline void append(std::string& out, const std::string& text) { out += text; }
inline void append(std::string& out, bool value) { out += value ? "true" : "false"; }
template <std::integral I>
  requires(!std::is_same_v<I, bool> && !std::is_same_v<I, char>)
void append(std::string& out, I value) {
  out += std::to_string(value);
}
}  // namespace detail

// log(a, b, c) prints like console.log(a, b, c) for strings, integers and
// booleans: the arguments joined by single spaces, then a newline.
template <class... Args>
void log(const Args&... args) {
  std::string line;
  bool first = true;
  ((line += first ? "" : " ", first = false, detail::append(line, args)), ...);
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stdout);
}

// The message of a rejection reason (JS: e.message).
inline std::string message(const std::exception_ptr& reason) { return awl::describe(reason); }

// ticker(n, name): a chain Promise.resolve().then(log 'name 1').then(log 'name 2')...
// logging "<name> i" in microtask tick i after the current one.
inline void ticker(int count, std::string name = "tick") {
  awl::Promise<void> chain = awl::Promise<void>::resolve();
  for (int i = 1; i <= count; ++i) chain = chain.then([i, name] { log(name, i); });
}

// An exception_ptr holding std::runtime_error(text) (JS: new Error(text)).
inline std::exception_ptr error(const std::string& text) { return std::make_exception_ptr(std::runtime_error(text)); }

// A promise with its resolve and reject functions exposed (JS: let resolve;
// new Promise((res, rej) => { resolve = res; ... })). Copies share the promise.
template <class T>
class Deferred {
 public:
  Deferred()
      : promise_([this](awl::Resolver<T> resolve, awl::Rejecter<T> reject) {
          resolver_.emplace(std::move(resolve));
          rejecter_.emplace(std::move(reject));
        }) {}

  const awl::Promise<T>& promise() const noexcept { return promise_; }
  template <class... V>
  void resolve(V&&... value) const {
    (*resolver_)(std::forward<V>(value)...);
  }
  void reject(const std::string& text) const { (*rejecter_)(error(text)); }
  void reject(std::exception_ptr reason) const { (*rejecter_)(std::move(reason)); }

 private:
  std::optional<awl::Resolver<T>> resolver_;
  std::optional<awl::Rejecter<T>> rejecter_;
  awl::Promise<T> promise_;
};

}  // namespace awl_diff

// Defines the entry point of the case `name` (must equal the file's base name).
#define AWL_DIFF_CASE(name)                                                       \
  int run_case();                                                                 \
  static const ::awl_diff::Registrar awl_diff_registrar_##name{#name, &run_case}; \
  int run_case()
