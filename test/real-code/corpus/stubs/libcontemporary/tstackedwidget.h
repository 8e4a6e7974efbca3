// Stub of libcontemporary's tstackedwidget.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include <QApplication>
#include <QSettings>
#include <QStackedWidget>
class tStackedWidget : public QStackedWidget {
        Q_OBJECT
    public:
        explicit tStackedWidget(QWidget* parent = nullptr);
        enum Animation { None, SlideHorizontal, SlideVertical, Fade, Lift, DefaultAnimation };
        Animation CurrentAnimation();
        int addWidget(QWidget* w);
        int insertWidget(int index, QWidget* w);
        void removeWidget(QWidget* w);
    public Q_SLOTS:
        void setCurrentIndex(int index, bool doAnimation = true);
        void setCurrentIndex(int index, Animation animation);
        void setCurrentWidget(QWidget* w, bool doAnimation = true);
        void setCurrentWidget(QWidget* w, Animation animation);
        void setCurrentAnimation(Animation animation);
};
