// Minimal bsoncxx builder stand-in, see bsoncxx/types.hpp.
#pragma once
#include <bsoncxx/types.hpp>
#include <tuple>
#include <utility>

namespace bsoncxx::builder::basic {
template <typename K, typename V>
std::tuple<K&&, V&&> kvp(K&& key, V&& value) { return {std::forward<K>(key), std::forward<V>(value)}; }
class document {
 public:
  template <typename... Args> void append(Args&&...);
  bsoncxx::document::view view() const;
  bsoncxx::document::value extract();
};
class array {
 public:
  template <typename... Args> void append(Args&&...);
  bsoncxx::array::view view() const;
  bsoncxx::array::value extract();
};
template <typename... Args> bsoncxx::document::value make_document(Args&&...);
template <typename... Args> bsoncxx::array::value make_array(Args&&...);
}  // namespace bsoncxx::builder::basic
