// Stub of libcontemporary's terrorflash.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QObject>
class tErrorFlash : public QObject {
        Q_OBJECT
    public:
        static void flashError(QWidget* flash);
        static void flashError(QWidget* flash, QString description);
};
