#include "benchimages.h"

#include "testimage.h"

BenchImages::BenchImages()
    : m_noise(TestImage::noiseForPngBytes(QSize(1536, 1024), 3500 * 1000 * 3 / 4))
{
}

ResponsesStreamWriter::Image BenchImages::make(QSize size, const QString &format, quint32 seed,
                                               double detail) const
{
    const QImage image = TestImage::noisy(size, seed, m_noise, detail);
    // The Responses API's output_compression defaults to 100 for jpeg and webp; Qt's webp
    // writer would take 100 as lossless, which the API does not send, so 95 stands in for it.
    int quality = -1;
    if (format == QLatin1String("jpeg"))
        quality = 100;
    else if (format == QLatin1String("webp"))
        quality = 95;
    return { TestImage::encode(image, format, quality), format, size };
}
