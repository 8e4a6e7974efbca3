// Stub of POCO's header (not installed here): adequate-api-cpp's
// POCOMultipartAdapter.h only names the type in a declaration.
#pragma once
namespace Poco::Net {
class MessageHeader;
}
