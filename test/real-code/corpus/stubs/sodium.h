// Stub of libsodium's header (not installed here): only what
// adequate-api-cpp's SodiumPasswordHasher.h names.
#pragma once
#include <cstddef>
#define crypto_pwhash_STRBYTES 128U
#define crypto_pwhash_OPSLIMIT_MIN 1U
#define crypto_pwhash_MEMLIMIT_MIN 8192U
#define crypto_pwhash_OPSLIMIT_INTERACTIVE 2U
#define crypto_pwhash_MEMLIMIT_INTERACTIVE 67108864U
#define crypto_pwhash_OPSLIMIT_MODERATE 3U
#define crypto_pwhash_MEMLIMIT_MODERATE 268435456U
#define crypto_pwhash_OPSLIMIT_SENSITIVE 4U
#define crypto_pwhash_MEMLIMIT_SENSITIVE 1073741824U
int crypto_pwhash_str(char *out, const char *passwd, unsigned long long passwdlen,
                      unsigned long long opslimit, std::size_t memlimit);
int crypto_pwhash_str_verify(const char *str, const char *passwd, unsigned long long passwdlen);
int crypto_pwhash_str_needs_rehash(const char *str, unsigned long long opslimit, std::size_t memlimit);
