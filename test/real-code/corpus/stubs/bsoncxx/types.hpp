// Minimal stand-in for the MongoDB C++ driver's bsoncxx (not packaged by
// Debian): declarations only, enough for the corpus to compile
// (CominAtYou/Hildabot). Written for the awaitlint corpus, not the real API.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bsoncxx {
enum class type { k_double, k_string, k_document, k_array, k_bool, k_null, k_int32, k_int64 };
namespace document { class element; class view; class value; }
namespace array { class view; class value; using element = document::element; }
namespace types {
struct b_null {};
struct b_int32 { std::int32_t value; operator std::int32_t() const { return value; } };
struct b_int64 { std::int64_t value; operator std::int64_t() const { return value; } };
struct b_double { double value; operator double() const { return value; } };
struct b_bool { bool value; operator bool() const { return value; } };
struct b_string { std::string_view value; operator std::string_view() const { return value; } };
struct b_document;
struct b_array;
}  // namespace types

namespace document {
class element {
 public:
  bsoncxx::type type() const;
  explicit operator bool() const;
  element operator[](std::string_view key) const;
  types::b_int32 get_int32() const;
  types::b_int64 get_int64() const;
  types::b_double get_double() const;
  types::b_bool get_bool() const;
  types::b_string get_string() const;
  types::b_document get_document() const;
  types::b_array get_array() const;
};
class view {
 public:
  using const_iterator = const element*;
  element operator[](std::string_view key) const;
  const_iterator find(std::string_view key) const;
  const_iterator begin() const;
  const_iterator end() const;
};
class value {
 public:
  document::view view() const;
  operator document::view() const;
  element operator[](std::string_view key) const;
};
}  // namespace document

namespace array {
class view {
 public:
  using const_iterator = const element*;
  element operator[](std::size_t i) const;
  const_iterator begin() const;
  const_iterator end() const;
};
class value {
 public:
  array::view view() const;
  operator array::view() const;
};
}  // namespace array

namespace types {
struct b_document { document::view value; document::view view() const { return value; } };
struct b_array { array::view value; };
}  // namespace types
}  // namespace bsoncxx
