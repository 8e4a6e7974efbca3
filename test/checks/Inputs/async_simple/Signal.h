// Mock of the part of async_simple/Signal.h that collectAll's signature
// names (cancellation itself is not mocked).
#pragma once
#include <cstdint>
namespace async_simple {
enum SignalType : uint64_t {
  None = 0,
  Terminate = 1,
  All = UINT64_MAX,
};
} // namespace async_simple
