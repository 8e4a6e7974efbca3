// A small stand-in for D++ (dpp), the Discord library, for the checks'
// tests: its task types (dpp::task starts when called, dpp::async is the
// awaitable of one REST request) and a few of dpp::cluster's coroutine
// REST calls, shaped as in D++'s public headers. Nothing here runs.
#pragma once

#include <coroutine>
#include <cstdint>
#include <exception>
#include <string>
#include <utility>

namespace dpp {

using snowflake = std::uint64_t;

struct error_info {
  std::string message;
};

// What a REST call completes with: a value or an error, never an exception.
struct confirmation_callback_t {
  bool failed = false;
  bool is_error() const { return failed; }
  error_info get_error() const { return {}; }
  template <class T>
  T get() const {
    return T{};
  }
};

// One request in flight; awaiting it gives its confirmation.
template <class R = confirmation_callback_t>
class async {
 public:
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  R await_resume() { return R{}; }
};

// A coroutine that starts when called (its initial_suspend never suspends).
template <class T>
class task {
 public:
  struct promise_type {
    T value{};
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T v) { value = std::move(v); }
    void unhandled_exception() { std::terminate(); }
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() { return T{}; }
};

template <>
class task<void> {
 public:
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};

struct user {
  snowflake id = 0;
  std::string username;
  bool is_bot() const { return false; }
};

class cluster;

// An event handed to a handler: the bot it came through, and what happened.
struct message_reaction_remove_t {
  cluster* owner = nullptr;
  snowflake reacting_user_id = 0;
  snowflake message_id = 0;
  snowflake channel_id = 0;
};
// A message in a channel the bot reads: co_send answers in that channel,
// co_reply answers the message itself.
struct message_create_t {
  cluster* owner = nullptr;
  snowflake channel_id = 0;
  async<> co_send(const std::string& text) const;
  async<> co_reply(const std::string& text) const;
};
// Data classes: their members change the object only (D++ defines them in
// its library, so no body is visible).
struct guild_member {
  snowflake user_id = 0;
  guild_member& add_role(snowflake role_id);
  guild_member& remove_role(snowflake role_id);
};
struct message {
  snowflake channel_id = 0;
  std::string content;
  message() = default;
  message(snowflake channel, std::string text) : channel_id(channel), content(std::move(text)) {}
  message& set_content(const std::string& text);
};

// The bot: a REST client whose calls may all be in flight at once.
class cluster {
 public:
  async<> co_user_get_cached(snowflake user_id);
  async<> co_guild_get_member(snowflake guild_id, snowflake user_id);
  async<> co_direct_message_create(snowflake user_id, const message& m);
  async<> co_message_create(const message& m);
  async<> co_guild_edit_member(const guild_member& m);
  async<> co_message_get(snowflake message_id, snowflake channel_id);
};

}  // namespace dpp
