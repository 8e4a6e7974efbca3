// awl::sleep — a promise fulfilled after `ms` milliseconds (a timer).
#pragma once

#include <chrono>

#include <awl/event_loop.hpp>
#include <awl/promise.hpp>

namespace awl {

inline Promise<void> sleep(double ms) {
  return Promise<void>([ms](Resolver<void> resolve, const Rejecter<void>&) {
    set_timeout([resolve = std::move(resolve)] { resolve(); }, ms);
  });
}
// The same for any std::chrono duration: awl::sleep(std::chrono::milliseconds(100)).
template <class Rep, class Period>
Promise<void> sleep(std::chrono::duration<Rep, Period> delay) {
  return sleep(Milliseconds(delay).count());
}

}  // namespace awl
