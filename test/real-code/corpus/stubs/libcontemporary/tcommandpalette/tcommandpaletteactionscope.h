// Stub of libcontemporary's tcommandpalette/tcommandpaletteactionscope.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QObject>
class QMenuBar;
// The real class derives from tCommandPaletteScope, a QAbstractListModel.
class tCommandPaletteActionScope : public QObject {
        Q_OBJECT
    public:
        void addMenuBar(QMenuBar* menuBar);
};
