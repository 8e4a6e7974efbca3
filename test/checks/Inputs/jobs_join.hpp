#pragma once
#include "jobs.hpp"
#include <tuple>

namespace mylib {
template <typename... T> Job<std::tuple<T...>> join_all(Job<T>... jobs);
} // namespace mylib
