#include "smoothscale.h"

QImage smoothlyScaled(const QImage &image, QSize size, Qt::AspectRatioMode mode)
{
    switch (image.format()) {
    case QImage::Format_Mono:
    case QImage::Format_MonoLSB:
    case QImage::Format_Indexed8: {
        const QImage trueColour = image.convertToFormat(
            image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
        return trueColour.scaled(size, mode, Qt::SmoothTransformation);
    }
    default:
        return image.scaled(size, mode, Qt::SmoothTransformation);
    }
}
