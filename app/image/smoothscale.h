#pragma once

#include <QImage>
#include <QSize>

// QImage::scaled() with Qt::SmoothTransformation, for images of any format. Qt 6.4 scales a
// 1-bit (Format_Mono) image as bits, without filtering or its colour table: a flat red PNG as
// ImageMagick writes it (two-colour palette) came out as black-and-white noise in thumbnails, and
// would have been sent so as a scaled reference. Palette images are made true colour first.
QImage smoothlyScaled(const QImage &image, QSize size,
                      Qt::AspectRatioMode mode = Qt::IgnoreAspectRatio);
