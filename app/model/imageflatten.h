#pragma once

#include <QImage>
#include <QPainter>

// JPEG has no transparency; Qt's writer would turn transparent pixels black. Every place that
// encodes JPEG flattens onto white first, through this one function.
inline QImage flattenedOnWhite(const QImage &image)
{
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter painter(&flat);
    painter.drawImage(0, 0, image);
    painter.end();
    return flat;
}
