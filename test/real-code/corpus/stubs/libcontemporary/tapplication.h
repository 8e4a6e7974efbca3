// Stub of libcontemporary's tapplication.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QApplication>
#include <QJsonObject>
#include <QUrl>
class tApplication : public QApplication {
        Q_OBJECT
    public:
        explicit tApplication(int& argc, char** argv);
        static QIcon applicationIcon();
        static QStringList shareDirs();
};
