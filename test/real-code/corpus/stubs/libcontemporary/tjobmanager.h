// Stub of libcontemporary's tjobmanager.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QObject>
class tJob;
class tJobManager : public QObject {
        Q_OBJECT
    public:
        static tJobManager* instance();
        static void trackJob(tJob* job);
        static void trackJobDelayed(tJob* job, quint64 delay = 1000);
        static QList<tJob*> jobs();
        static QWidget* makeJobButton();
};
