// Stub of libcontemporary's twindowtabberbutton.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QWidget>
class tWindowTabber;
class tStackedWidget;
class tWindowTabberButton : public QWidget {
        Q_OBJECT
    public:
        tWindowTabberButton(tWindowTabber* parent = nullptr);
        tWindowTabberButton(const QIcon& icon, const QString& text);
        tWindowTabberButton(const QIcon& icon, const QString& text, tStackedWidget* toTrack, QWidget* widgetToTrack);
        void syncWithStackedWidget(tStackedWidget* stackedWidget, QWidget* widget);
};
