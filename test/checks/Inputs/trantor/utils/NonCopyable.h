// Mock of trantor/utils/NonCopyable.h (an-tao/trantor, drogon's network
// library).
#pragma once
namespace trantor {
class NonCopyable {
protected:
  NonCopyable() = default;
  ~NonCopyable() = default;
  NonCopyable(const NonCopyable &) = delete;
  NonCopyable &operator=(const NonCopyable &) = delete;
  NonCopyable(NonCopyable &&) noexcept(true) = default;
  NonCopyable &operator=(NonCopyable &&) noexcept(true) = default;
};
} // namespace trantor
