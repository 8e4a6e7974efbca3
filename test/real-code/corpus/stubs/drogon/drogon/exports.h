#pragma once
// Stand-in for drogon's exports.h (CMake generate_export_header, static build); see ../README.
#define DROGON_EXPORT
#define DROGON_NO_EXPORT
#define DROGON_DEPRECATED [[deprecated]]
#define DROGON_DEPRECATED_EXPORT DROGON_EXPORT DROGON_DEPRECATED
#define DROGON_DEPRECATED_NO_EXPORT DROGON_NO_EXPORT DROGON_DEPRECATED
