// awl::sleep — a promise fulfilled after `ms` milliseconds (a timer).
#pragma once

#include "event_loop.hpp"
#include "promise.hpp"

namespace awl {

inline Promise<void> sleep(double ms) {
  return Promise<void>([ms](Resolver<void> resolve, const Rejecter<void>&) {
    set_timeout([resolve = std::move(resolve)] { resolve(); }, ms);
  });
}

}  // namespace awl
