#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

// Real encoded pictures for the benchmark, made in memory: a smooth gradient scene with per-pixel
// noise. The noise is what makes the files as large as generated concept art (a flat picture
// would compress to a few KB and flatter every figure); its amplitude sets the file size.
class TestImage
{
public:
    // Deterministic for a given seed. `noise` is the amplitude of the noise per channel (0-127);
    // `density` the share of pixels that get it (less detail, a smaller file).
    static QImage noisy(QSize size, quint32 seed, int noise, double density = 1.0);
    // Encodes with QImageWriter: "png", "jpeg" or "webp"; quality as QImageWriter takes it (-1 for
    // the default). Returns empty bytes when this Qt cannot write the format.
    static QByteArray encode(const QImage &image, const QString &format, int quality = -1);
    // The amplitude that makes a PNG of `size` come closest to `targetBytes` (a few trial
    // encodings of a strip of the picture, scaled up).
    static int noiseForPngBytes(QSize size, qint64 targetBytes);
    // The density that makes a PNG with noise `noise` come closest to `targetBytes`.
    static double densityForPngBytes(QSize size, int noise, qint64 targetBytes);
};
