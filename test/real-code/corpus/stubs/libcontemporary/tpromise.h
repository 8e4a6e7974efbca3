// Stub of libcontemporary's tpromise.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
// The real header declares tPromise<T> (unused by theFrisbee) and brings these in.
#include <QFuture>
#include <QObject>
#include <QTimer>
#include <QtConcurrent>
#include <functional>
#include <libcontemporary_global.h>
