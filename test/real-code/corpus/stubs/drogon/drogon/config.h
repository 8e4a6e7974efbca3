#pragma once
// Stand-in for drogon's generated config.h (cmake/templates/config.h.in); see ../README.
#define USE_POSTGRESQL 1
#define LIBPQ_SUPPORTS_BATCH_MODE 0
#define USE_MYSQL 0
#define USE_SQLITE3 0
#define HAS_STD_FILESYSTEM_PATH 1
#define OpenSSL_FOUND
#define COMPILATION_FLAGS "-std=c++20"
#define COMPILER_COMMAND "clang++"
#define COMPILER_ID "Clang"
#define INCLUDING_DIRS ""
