// Stub of libcontemporary's tlogger.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QDateTime>
#include <QDebug>
#include <QObject>
class tLogWriter {
    public:
        tLogWriter(QString context, QtMsgType severity, QString file, int line, QString function);
        ~tLogWriter();
        tLogWriter& operator<<(const char* str);
        tLogWriter& operator<<(QString str);
        tLogWriter& operator<<(QStringList str);
        tLogWriter& operator<<(int str);
        tLogWriter& operator<<(uint str);
        tLogWriter& operator<<(qint64 str);
        tLogWriter& operator<<(quint64 str);
        tLogWriter& operator<<(float str);
        tLogWriter& operator<<(double str);
        tLogWriter& operator<<(bool str);
};
#define tDebug(context) (tLogWriter(context, QtDebugMsg, __FILE__, __LINE__, Q_FUNC_INFO))
#define tInfo(context) (tLogWriter(context, QtInfoMsg, __FILE__, __LINE__, Q_FUNC_INFO))
#define tWarn(context) (tLogWriter(context, QtWarningMsg, __FILE__, __LINE__, Q_FUNC_INFO))
#define tCritical(context) (tLogWriter(context, QtCriticalMsg, __FILE__, __LINE__, Q_FUNC_INFO))
