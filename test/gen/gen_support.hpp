// Helpers for the generated awl programs (test/gen). Each helper prints or
// computes exactly what its JavaScript twin in js_runner.js does, so the two
// logs compare line for line.
#pragma once

#include <awl/awl.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace awl_gen {

// Where log() writes: the current program's buffer (gen_main.cpp), or
// stdout when no buffer is set (a program pasted into a test/diff case).
inline std::string*& log_buffer() {
  static std::string* buffer = nullptr;
  return buffer;
}

namespace detail {
inline void append(std::string& out, std::string_view text) { out += text; }
inline void append(std::string& out, const char* text) { out += text; }
inline void append(std::string& out, const std::string& text) { out += text; }
inline void append(std::string& out, int value) { out += std::to_string(value); }
inline void append(std::string& out, std::size_t value) { out += std::to_string(value); }
}  // namespace detail

// console.log(a, b, ...) for strings and integers: joined by single spaces.
template <class... Args>
void log(const Args&... args) {
  std::string line;
  bool first = true;
  ((line += first ? "" : " ", first = false, detail::append(line, args)), ...);
  line += '\n';
  if (std::string* buffer = log_buffer())
    *buffer += line;
  else
    std::fwrite(line.data(), 1, line.size(), stdout);
}

// JS: e instanceof AggregateError ? `Agg(${e.errors.map(desc).join(',')})` : e.message
inline std::string desc(const std::exception_ptr& reason) {
  try {
    std::rethrow_exception(reason);
  } catch (const awl::AggregateError& aggregate) {
    std::string text = "Agg(";
    bool first = true;
    for (const auto& error : aggregate.errors()) {
      if (!first) text += ',';
      first = false;
      text += desc(error);
    }
    return text + ")";
  } catch (const std::exception& error) {
    return error.what();
  } catch (...) {
    return "(not a std::exception)";
  }
}

// JS: `return failing(message)`, a return expression that throws: converting
// to int throws, after the co_return's operand was made.
struct Failing {
  const char* message;
  operator int() const { throw std::runtime_error(message); }  // NOLINT(google-explicit-constructor)
};

// JS: vs.join(' ') and sum(vs) (undefined, a void promise's value, prints as
// '' and counts as 0) for when_all's vector or tuple of int / std::monostate.
inline std::string item(int value) { return std::to_string(value); }
inline std::string item(std::monostate) { return ""; }
inline int number(int value) { return value; }
inline int number(std::monostate) { return 0; }
template <class T>
std::string join(const std::vector<T>& values) {
  std::string text;
  for (std::size_t i = 0; i < values.size(); ++i) text += (i ? " " : "") + item(values[i]);
  return text;
}
template <class... Ts>
std::string join(const std::tuple<Ts...>& values) {
  return std::apply(
      [](const auto&... v) {
        std::string text;
        bool first = true;
        ((text += first ? "" : " ", first = false, text += item(v)), ...);
        return text;
      },
      values);
}
template <class T>
int sum(const std::vector<T>& values) {
  int total = 0;
  for (const auto& v : values) total += number(v);
  return total;
}
template <class... Ts>
int sum(const std::tuple<Ts...>& values) {
  return std::apply([](const auto&... v) { return (0 + ... + number(v)); }, values);
}

// JS: rs.map((r) => r.status === 'fulfilled' ? `F${r.value ?? ''}` : `R${desc(r.reason)}`).join(' ')
template <class T>
std::string settled_one(const awl::Settled<T>& r) {
  if (r.rejected()) return "R" + desc(r.reason);
  if constexpr (std::is_void_v<T>)
    return "F";
  else
    return "F" + item(*r.value);
}
template <class T>
std::string settled_str(const std::vector<awl::Settled<T>>& rs) {
  std::string text;
  for (std::size_t i = 0; i < rs.size(); ++i) text += (i ? " " : "") + settled_one(rs[i]);
  return text;
}
template <class... Ts>
std::string settled_str(const std::tuple<Ts...>& rs) {
  return std::apply(
      [](const auto&... r) {
        std::string text;
        bool first = true;
        ((text += first ? "" : " ", first = false, text += settled_one(r)), ...);
        return text;
      },
      rs);
}
template <class T>
int fulfilled_count(const std::vector<awl::Settled<T>>& rs) {
  int count = 0;
  for (const auto& r : rs) count += r.fulfilled() ? 1 : 0;
  return count;
}
template <class... Ts>
int fulfilled_count(const std::tuple<Ts...>& rs) {
  return std::apply([](const auto&... r) { return (0 + ... + (r.fulfilled() ? 1 : 0)); }, rs);
}

// Labels promises and logs unhandled rejections and late handling the way
// js_runner.js logs Node's 'unhandledRejection' and 'rejectionHandled'.
class Tracker {
 public:
  explicit Tracker(awl::EventLoop& loop) {
    current() = this;
    loop.on_unhandled_rejection(
        [this](const awl::RejectionEvent& event) { log("unhandled", label(event.promise_id), desc(event.reason)); });
    loop.on_rejection_handled([this](const awl::RejectionEvent& event) { log("handled", label(event.promise_id)); });
  }
  ~Tracker() { current() = nullptr; }
  Tracker(const Tracker&) = delete;
  Tracker& operator=(const Tracker&) = delete;

  // The running program's tracker, for async functions (free functions).
  static Tracker*& current() {
    static Tracker* tracker = nullptr;
    return tracker;
  }

  template <class T>
  awl::Promise<T> reg(awl::Promise<T> promise, const char* name) {
    labels_[promise.id()] = name;  // the latest label wins, as in js_runner.js's Map
    if constexpr (std::is_void_v<T>)
      kept_void_.push_back(promise);
    else
      kept_int_.push_back(promise);
    return promise;
  }
  std::string label(std::uintptr_t id) const {
    const auto found = labels_.find(id);
    return found == labels_.end() ? "?" : found->second;
  }

 private:
  std::unordered_map<std::uintptr_t, std::string> labels_;
  // Holds every labelled promise until the program ends (as the label map
  // of js_runner.js does), so no id is reused by another promise meanwhile.
  std::vector<awl::Promise<int>> kept_int_;
  std::vector<awl::Promise<void>> kept_void_;
};

// reg(promise, label) inside an async function: labels with the program's tracker.
template <class T>
awl::Promise<T> reg(awl::Promise<T> promise, const char* name) {
  return Tracker::current()->reg(std::move(promise), name);
}

// new Promise((res, rej) => { dN_res = res; dN_rej = rej; }) with the two
// functions kept: resolve(value), resolve(promise) (adopted) or reject(text).
template <class T>
class Deferred {
 public:
  Deferred()
      : promise_([this](awl::Resolver<T> resolve, awl::Rejecter<T> reject) {
          resolver_.emplace(std::move(resolve));
          rejecter_.emplace(std::move(reject));
        }) {}
  Deferred(const Deferred&) = delete;
  Deferred& operator=(const Deferred&) = delete;

  const awl::Promise<T>& promise() const noexcept { return promise_; }
  template <class... V>
  void resolve(V&&... value) const {
    (*resolver_)(std::forward<V>(value)...);
  }
  void reject(const char* text) const { (*rejecter_)(std::runtime_error(text)); }

 private:
  std::optional<awl::Resolver<T>> resolver_;
  std::optional<awl::Rejecter<T>> rejecter_;
  awl::Promise<T> promise_;
};

// The programs of all generated translation units, by index.
using ProgramFunction = void (*)();
inline std::map<int, ProgramFunction>& programs() {
  static std::map<int, ProgramFunction> table;
  return table;
}
struct Registrar {
  Registrar(int index, ProgramFunction function) {
    if (!programs().emplace(index, function).second) {
      std::fprintf(stderr, "awl_gen: program %d registered twice\n", index);
      std::abort();
    }
  }
};

}  // namespace awl_gen
