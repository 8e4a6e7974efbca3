// Stub of libcontemporary's tcommandpalette/tcommandpalettecontroller.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QObject>
class QAction;
class tCommandPaletteActionScope;
class tCommandPaletteController : public QObject {
        Q_OBJECT
    public:
        static tCommandPaletteController* defaultController(QWidget* parent, tCommandPaletteActionScope** actionScope);
        QAction* commandPaletteAction();
};
