// Stub of libcontemporary's ttitlelabel.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QLabel>
class tTitleLabel : public QLabel {
        Q_OBJECT
    public:
        explicit tTitleLabel(QWidget* parent = nullptr);
        bool backButtonShown();
        void setBackButtonShown(bool backButtonShown);
        bool backButtonIsMenu();
        void setBackButtonIsMenu(bool backButtonIsMenu);
    Q_SIGNALS:
        void backButtonClicked();
};
