// Mock of async_simple/Unit.h (alibaba/async_simple).
#pragma once
namespace async_simple {
struct Unit {
  constexpr bool operator==(const Unit &) const { return true; }
};
} // namespace async_simple
