#include "testimage.h"

#include <QBuffer>
#include <QImageWriter>

#include <random>

QImage TestImage::noisy(QSize size, quint32 seed, int noise, double density)
{
    QImage image(size, QImage::Format_RGB32);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> offset(-noise, noise);
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    const bool everyPixel = density >= 1.0;
    const int width = size.width();
    const int height = size.height();
    const int hue = int(seed % 97);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            if (!everyPixel && chance(random) >= density) {
                line[x] = qRgb((x * 200) / width + 30 + hue / 2, (y * 180) / height + 40,
                               ((x + y) * 160) / (width + height) + 60 + hue / 3);
                continue;
            }
            const int r = (x * 200) / width + 30 + hue / 2;
            const int g = (y * 180) / height + 40;
            const int b = ((x + y) * 160) / (width + height) + 60 + hue / 3;
            line[x] = qRgb(qBound(0, r + offset(random), 255), qBound(0, g + offset(random), 255),
                           qBound(0, b + offset(random), 255));
        }
    }
    return image;
}

QByteArray TestImage::encode(const QImage &image, const QString &format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format.toLatin1());
    writer.setQuality(quality);
    if (!writer.write(image))
        return {};
    return bytes;
}

namespace {

// Encoding a full 1536x1024 picture takes a few hundred ms: searches encode a strip instead.
QSize stripOf(QSize size)
{
    return { size.width(), qMax(16, size.height() / 8) };
}

} // namespace

int TestImage::noiseForPngBytes(QSize size, qint64 targetBytes)
{
    const QSize strip = stripOf(size);
    const double scale = double(size.height()) / strip.height();
    int best = 0;
    double bestError = 1e300;
    int low = 0;
    int high = 127;
    while (low <= high) {
        const int middle = (low + high) / 2;
        const qint64 bytes
            = qint64(encode(noisy(strip, 1, middle), QStringLiteral("png")).size() * scale);
        const double error = qAbs(double(bytes - targetBytes));
        if (error < bestError) {
            bestError = error;
            best = middle;
        }
        if (bytes < targetBytes)
            low = middle + 1;
        else
            high = middle - 1;
    }
    return best;
}

double TestImage::densityForPngBytes(QSize size, int noise, qint64 targetBytes)
{
    const QSize strip = stripOf(size);
    const double scale = double(size.height()) / strip.height();
    double low = 0.0;
    double high = 1.0;
    for (int i = 0; i < 10; ++i) {
        const double middle = (low + high) / 2;
        const qint64 bytes
            = qint64(encode(noisy(strip, 1, noise, middle), QStringLiteral("png")).size() * scale);
        if (bytes < targetBytes)
            low = middle;
        else
            high = middle;
    }
    return (low + high) / 2;
}
