// Stub of libcontemporary's twindowtabber.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QWidget>
class tWindowTabberButton;
class tWindowTabber : public QWidget {
        Q_OBJECT
    public:
        explicit tWindowTabber(QWidget* parent = nullptr);
        void addButton(tWindowTabberButton* button);
        void removeButton(tWindowTabberButton* button);
        void setCurrent(tWindowTabberButton* button);
};
