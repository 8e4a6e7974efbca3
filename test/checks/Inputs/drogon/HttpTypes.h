// Mock of the parts of drogon/HttpTypes.h the HttpClient mock needs.
#pragma once
namespace drogon {
enum HttpStatusCode { kUnknown = 0, k200OK = 200, k404NotFound = 404, k500InternalServerError = 500 };
enum HttpMethod { Get = 0, Post, Head, Put, Delete, Options, Patch, Invalid };
enum class ReqResult {
  Ok = 0,
  BadResponse,
  NetworkFailure,
  BadServerAddress,
  Timeout,
  HandshakeError,
  InvalidCertificate,
  EncryptionFailure,
};
inline const char *to_string_view(HttpMethod m) {
  static const char *names[] = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "INVALID"};
  return names[m];
}
} // namespace drogon
