// Stub of libcontemporary's tnotification.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QCoreApplication>
#include <QMap>
#include <QObject>
#include <QVariant>
class tNotification : public QObject {
        Q_OBJECT
    public:
        enum Urgency { Low, Normal, Critical };
        explicit tNotification(QString summary = "", QString text = "", QObject* parent = nullptr);
        void setTransient(bool transient);
        void setTimeout(int timeout);
        void setSummary(QString summary);
        void setText(QString text);
        void setCategory(QString category);
        void setSound(QString sound);
        void setSoundOn(bool soundOn);
        void setUrgency(Urgency urgency);
        void setAppName(QString appName);
        void setAppIcon(QString appIcon);
        void insertAction(QString key, QString text);
        void removeAction(QString key);
        void clearActions();
        void insertHint(QString key, QVariant hint);
        void post(bool deleteWhenDone = true);
        void dismiss();
    Q_SIGNALS:
        void actionClicked(QString key);
        void dismissed();
};
