// Stub of libcontemporary's tpaintcalculator.h for the awaitlint corpus (theFrisbee): declarations only, as much as the
// TUs of tus.txt use. Written for this corpus; not the library's code.
#pragma once
#include "libcontemporary_global.h"
#include <QPainter>
#include <QRectF>
#include <functional>
// The one TU that includes it uses it only in comments.
class tPaintCalculator;
