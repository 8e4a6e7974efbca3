// Mock of the umbrella header drogon/drogon.h (the parts mocked here).
#pragma once
#include <drogon/HttpAppFramework.h>
#include <drogon/HttpClient.h>
#include <drogon/orm/DbClient.h>
#include <drogon/utils/coroutine.h>
