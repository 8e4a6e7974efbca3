// Mock of drogon/HttpRequest.h (just what a client request needs).
#pragma once
#include "HttpTypes.h"
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace drogon {
class HttpRequest;
using HttpRequestPtr = std::shared_ptr<HttpRequest>;
class HttpRequest {
public:
  static HttpRequestPtr newHttpRequest() { return std::make_shared<HttpRequest>(); }
  void setPath(const std::string &path) { path_ = path; }
  const std::string &path() const { return path_; }
  const std::string &getPath() const { return path_; }
  void setMethod(HttpMethod method) { method_ = method; }
  HttpMethod method() const { return method_; }
  HttpMethod getMethod() const { return method_; }
  void setBody(const std::string &body) { body_ = body; }
  std::string_view body() const { return body_; }
  void setParameter(const std::string &key, const std::string &value) { params_[key] = value; }
  const std::string &getParameter(const std::string &key) const {
    static const std::string empty;
    auto it = params_.find(key);
    return it == params_.end() ? empty : it->second;
  }

private:
  std::string path_ = "/";
  HttpMethod method_ = Get;
  std::string body_;
  std::map<std::string, std::string> params_;
};
} // namespace drogon
