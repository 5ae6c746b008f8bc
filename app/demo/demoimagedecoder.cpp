#include "demo/demoimagedecoder.h"

#include <QBuffer>
#include <QImageReader>
#include <QJsonObject>
#include <QUrl>

namespace {

QImage fail(DemoImageDecoder::Problem *problem, const QString &message, const char *code)
{
    if (problem)
        *problem = { message, QLatin1String(code) };
    return {};
}

// A URL as a message may quote it: long data or query strings are cut.
QString quoted(const QString &url)
{
    return url.size() > 80 ? url.left(77) + QStringLiteral("...") : url;
}

} // namespace

QImage DemoImageDecoder::fromImageUrl(const QJsonValue &imageUrl, const QString &param,
                                      Problem *problem)
{
    // Chat Completions nests the URL ({"url": …}); Responses sends the string. Take both.
    const QJsonValue url
        = imageUrl.isObject() ? imageUrl.toObject().value(QLatin1String("url")) : imageUrl;
    if (!url.isString() || url.toString().trimmed().isEmpty())
        return fail(problem,
                    QStringLiteral("Missing required parameter: '%1' (a data URL such as "
                                   "data:image/png;base64,…).")
                        .arg(param),
                    "missing_required_parameter");
    return fromDataUrl(url.toString().trimmed(), param, problem);
}

QImage DemoImageDecoder::fromDataUrl(const QString &url, const QString &param, Problem *problem)
{
    if (!url.startsWith(QLatin1String("data:"), Qt::CaseInsensitive)) {
        const QString scheme = QUrl(url).scheme().toLower();
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
            return fail(problem,
                        QStringLiteral("The offline demo cannot fetch %1; send the image inline "
                                       "(a data:image/png;base64,… URL in '%2').")
                            .arg(quoted(url), param),
                        "invalid_image_url");
        return fail(problem,
                    QStringLiteral("Invalid image URL in '%1': expected a data URL such as "
                                   "data:image/png;base64,…, got '%2'.")
                        .arg(param, quoted(url)),
                    "invalid_image_url");
    }
    const qsizetype comma = url.indexOf(QLatin1Char(','));
    if (comma < 0)
        return fail(problem,
                    QStringLiteral("Invalid data URL in '%1': there is no ',' before the image "
                                   "data.")
                        .arg(param),
                    "invalid_image_url");
    const QString header = url.mid(5, comma - 5).toLower();
    const QByteArray payload = url.mid(comma + 1).toLatin1();
    QByteArray bytes;
    if (header.endsWith(QLatin1String(";base64"))) {
        // Whitespace (line-wrapped base64) is tolerated; anything else outside the alphabet is
        // refused rather than skipped, so a damaged upload is not drawn as half a picture.
        QByteArray compact = payload;
        compact.replace(' ', QByteArray()).replace('\n', QByteArray()).replace('\r', QByteArray());
        const auto result = QByteArray::fromBase64Encoding(
            compact, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!result)
            return fail(problem,
                        QStringLiteral("Invalid base64 image data in '%1': the data URL's payload "
                                       "is not valid base64.")
                            .arg(param),
                        "invalid_base64_image");
        bytes = result.decoded;
    } else {
        bytes = QByteArray::fromPercentEncoding(payload);
    }
    return decode(bytes, param, problem);
}

QImage DemoImageDecoder::decode(const QByteArray &bytes, const QString &param, Problem *problem)
{
    if (bytes.isEmpty())
        return fail(problem, QStringLiteral("The image in '%1' is empty.").arg(param),
                    "empty_image_file");
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QByteArray format = reader.format();
    static const QList<QByteArray> accepted { "png", "jpeg", "jpg", "webp", "gif" };
    if (!accepted.contains(format))
        return fail(problem,
                    QStringLiteral("The data in '%1' is not an image the offline demo can read "
                                   "(PNG, JPEG, WebP or GIF).")
                        .arg(param),
                    "invalid_image");
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > maxPixels)
        return fail(problem,
                    QStringLiteral("The image in '%1' is %2x%3 pixels; the offline demo takes at "
                                   "most %4 megapixels.")
                        .arg(param)
                        .arg(size.width())
                        .arg(size.height())
                        .arg(maxPixels / 1'000'000),
                    "image_too_large");
    // A header can lie about the size (or not tell it): the reader itself refuses to allocate
    // more than the largest picture allowed takes at 4 bytes a pixel.
    reader.setAllocationLimit(int(maxPixels * 4 / (1024 * 1024)) + 1);
    QImage image = reader.read();
    if (image.isNull())
        return fail(problem,
                    QStringLiteral("The image in '%1' could not be decoded (%2).")
                        .arg(param, reader.errorString()),
                    "invalid_image");
    if (qint64(image.width()) * image.height() > maxPixels)
        return fail(problem,
                    QStringLiteral("The image in '%1' is larger than %2 megapixels.")
                        .arg(param)
                        .arg(maxPixels / 1'000'000),
                    "image_too_large");
    return image;
}

QImage DemoImageDecoder::cover(const QImage &image, QSize size)
{
    if (image.isNull() || size.isEmpty())
        return {};
    const QImage source = image.convertToFormat(QImage::Format_ARGB32);
    if (source.size() == size)
        return source;
    QImage scaled = source.scaled(size, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    const QRect crop(QPoint(qMax(0, (scaled.width() - size.width()) / 2),
                            qMax(0, (scaled.height() - size.height()) / 2)),
                     size);
    QImage cropped = scaled.copy(crop);
    if (cropped.size() != size) // rounding left a side short: stretch the last pixel's worth
        cropped = source.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return cropped.convertToFormat(QImage::Format_ARGB32);
}
