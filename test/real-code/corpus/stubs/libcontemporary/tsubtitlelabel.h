// Stub of libcontemporary's tsubtitlelabel.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QLabel>
// The real class derives from tStandardLabel, a QLabel.
class tSubtitleLabel : public QLabel {
        Q_OBJECT
    public:
        explicit tSubtitleLabel(QWidget* parent);
};
