// Stub of libcontemporary's thelpmenu.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QMenu>
class tCommandPaletteController;
class tHelpMenu : public QMenu {
        Q_OBJECT
    public:
        explicit tHelpMenu(QWidget* parent, tCommandPaletteController* commandPaletteController = nullptr);
};
