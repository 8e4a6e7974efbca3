// Stub of libcontemporary's tjob.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QObject>
class tJob : public QObject {
        Q_OBJECT
    public:
        explicit tJob(QObject* parent = nullptr);
        enum State { Processing, Finished, Failed, RequiresAttention };
        virtual quint64 progress() = 0;
        virtual quint64 totalProgress() = 0;
        virtual State state() = 0;
        virtual QWidget* makeProgressWidget() = 0;
        virtual QString titleString();
        virtual QString statusString();
        virtual bool isTransient();
    Q_SIGNALS:
        void progressChanged(quint64 progress);
        void totalProgressChanged(quint64 totalProgress);
        void stateChanged(tJob::State state);
        void titleStringChanged(QString titleString);
        void statusStringChanged(QString statusString);
};
