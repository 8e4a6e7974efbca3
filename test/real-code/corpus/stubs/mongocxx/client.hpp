// Minimal stand-in for the MongoDB C++ driver's mongocxx (not packaged by
// Debian): declarations only, enough for the corpus to compile
// (CominAtYou/Hildabot). Written for the awaitlint corpus, not the real API.
// The driver is synchronous: every call blocks the calling thread.
#pragma once
#include <bsoncxx/builder/basic/document.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mongocxx {
class uri {
 public:
  explicit uri(std::string_view);
};
namespace options {
class find {
 public:
  find& sort(bsoncxx::document::view);
  find& limit(std::int64_t);
  find& projection(bsoncxx::document::view);
};
}  // namespace options
namespace result {
struct insert_one {};
struct update {
  std::int32_t matched_count() const;
  std::int32_t modified_count() const;
};
struct delete_result {};
}  // namespace result
class cursor {
 public:
  using iterator = const bsoncxx::document::view*;
  iterator begin();
  iterator end();
};
class collection {
 public:
  std::optional<bsoncxx::document::value> find_one(bsoncxx::document::view filter, const options::find& = {});
  cursor find(bsoncxx::document::view filter, const options::find& = {});
  std::optional<result::insert_one> insert_one(bsoncxx::document::view doc);
  std::optional<result::update> update_one(bsoncxx::document::view filter, bsoncxx::document::view update);
  std::optional<result::update> update_many(bsoncxx::document::view filter, bsoncxx::document::view update);
  std::optional<result::delete_result> delete_one(bsoncxx::document::view filter);
  std::int64_t estimated_document_count() const;
  std::int64_t count_documents(bsoncxx::document::view filter);
};
class database {
 public:
  collection operator[](std::string_view name) const;
};
class client {
 public:
  explicit client(const mongocxx::uri&);
  database operator[](std::string_view name) const;
};
}  // namespace mongocxx
