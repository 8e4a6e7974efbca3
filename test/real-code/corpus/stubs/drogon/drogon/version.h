#pragma once
// Stand-in for drogon's generated version.h (cmake/templates/version.h.in); see ../README.
#define MAJOR 1
#define MINOR 9
#define PATCH 13
#define DROGON_VERSION "1.9.13"
#define DROGON_VERSION_SHA1 "74fc004c8dc8244fe3b6c56628601053b5a15c37"
