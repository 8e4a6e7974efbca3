// Stub of libcontemporary's tcontentsizer.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QWidget>
class tContentSizer : public QObject {
        Q_OBJECT
    public:
        explicit tContentSizer(QWidget* parent = nullptr);
};
