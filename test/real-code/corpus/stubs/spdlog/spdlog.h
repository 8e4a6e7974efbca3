// Stub of spdlog (coro_socks/asiomp vendor it as a submodule that is not
// fetched): coro_socks' TU only uses SPDLOG_DEBUG. The arguments are still
// type-checked.
#pragma once
namespace spdlog {
template <class... Args> void debug(Args &&...) {}
} // namespace spdlog
#define SPDLOG_DEBUG(...) ::spdlog::debug(__VA_ARGS__)
