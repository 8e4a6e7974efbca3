// Mock of drogon/HttpResponse.h (just what a client reads).
#pragma once
#include "HttpTypes.h"
#include <memory>
#include <string>
#include <string_view>

namespace drogon {
class HttpResponse;
using HttpResponsePtr = std::shared_ptr<HttpResponse>;
class HttpResponse {
public:
  static HttpResponsePtr newHttpResponse() { return std::make_shared<HttpResponse>(); }
  HttpStatusCode statusCode() const { return code_; }
  HttpStatusCode getStatusCode() const { return code_; }
  void setStatusCode(HttpStatusCode code) { code_ = code; }
  std::string_view body() const { return body_; }
  std::string_view getBody() const { return body_; }
  void setBody(const std::string &body) { body_ = body; }

private:
  HttpStatusCode code_ = k200OK;
  std::string body_;
};
} // namespace drogon
