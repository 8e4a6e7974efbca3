// Stub of libcontemporary's taboutdialog.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QDialog>
class tAboutDialog : public QDialog {
        Q_OBJECT
    public:
        explicit tAboutDialog(QWidget* parent = nullptr);
};
