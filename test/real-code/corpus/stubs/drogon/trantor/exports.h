#pragma once
// Stand-in for trantor's exports.h (CMake generate_export_header, static build); see ../README.
#define TRANTOR_EXPORT
#define TRANTOR_NO_EXPORT
#define TRANTOR_DEPRECATED [[deprecated]]
#define TRANTOR_DEPRECATED_EXPORT TRANTOR_EXPORT TRANTOR_DEPRECATED
#define TRANTOR_DEPRECATED_NO_EXPORT TRANTOR_NO_EXPORT TRANTOR_DEPRECATED
