// Mock of boost/cobalt/this_thread.hpp: the thread's default executor.
#pragma once
#include "config.hpp"

namespace boost::cobalt::this_thread {
inline executor &get_executor() {
  static executor e;
  return e;
}
inline bool has_executor() { return true; }
inline void set_executor(executor) noexcept {}
inline pmr::polymorphic_allocator<void> get_allocator() { return {}; }
} // namespace boost::cobalt::this_thread
