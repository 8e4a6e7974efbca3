// Stub of libcontemporary's tpopover.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include <QObject>
#include <libcontemporary_global.h>
class tPopover : public QObject {
        Q_OBJECT
    public:
        explicit tPopover(QWidget* popoverWidget, QObject* parent = nullptr);
        enum PopoverSide { Leading, Trailing, Bottom };
        void setPopoverWidth(int width);
        void setPopoverSide(PopoverSide side);
        void setPerformBlanking(bool performBlanking);
        void setDismissable(bool dismissable);
        static tPopover* popoverForWidget(QWidget* popoverWidget);
    Q_SIGNALS:
        void dismissed();
    public Q_SLOTS:
        void show(QWidget* parent);
        void dismiss();
};
