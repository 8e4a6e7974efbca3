// Stub of libcontemporary's tcsdtools.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QAbstractNativeEventFilter>
#include <QWidget>
class tCsdGlobal : public QObject {
        Q_OBJECT
    public:
        enum WindowControlSide { Left, Right };
        static WindowControlSide windowControlsEdge();
};
class tCsdTools : public QObject, public QAbstractNativeEventFilter {
        Q_OBJECT
    public:
        explicit tCsdTools(QObject* parent = nullptr);
        QWidget* csdBoxForWidget(QWidget* widget);
        void installMoveAction(QWidget* widget);
        void installResizeAction(QWidget* widget);
        bool nativeEventFilter(const QByteArray& eventType, void* message, qintptr* result) override;
};
