// Stub of libcontemporary's ranges/trange.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "../tlogger.h" // as the real header does
#include <QList>
#include <functional>
template<typename T> class tRange {
    public:
        tRange(QList<T> list);
        tRange<T> filter(std::function<bool(T)> predicate);
        template<typename U> tRange<U> map(std::function<U(T)> function);
        T first(std::function<bool(T)> predicate, T defaultValue);
        QList<T> toList();
};
