// Stub of libcontemporary's libcontemporary_global.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>
#include <QSettings>
#include <QStyle>
#include <functional>
#define LIBCONTEMPORARY_EXPORT
class libContemporaryCommon : public QObject {
    public:
        static double getDPIScaling();
        static double getDPIScaling(const QPaintDevice* paintDevice);
};
#define SC_DPI(pixels) static_cast<int>(pixels * libContemporaryCommon::getDPIScaling())
#define SC_DPI_T(value, type) static_cast<type>(value * libContemporaryCommon::getDPIScaling())
#define SC_DPI_W(pixels, widget) static_cast<int>(pixels * libContemporaryCommon::getDPIScaling(widget))
#define SC_DPI_WT(value, type, widget) static_cast<type>(value * libContemporaryCommon::getDPIScaling(widget))
