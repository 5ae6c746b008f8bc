#include "imageparams.h"

#include <QRegularExpression>
#include <QStringList>
#include <cmath>

namespace {

bool isGptImage2(const QString &model)
{
    // Gateways prefix the vendor ("openai/gpt-image-2"); snapshots add a date suffix.
    const QString base = model.section(QLatin1Char('/'), -1);
    return base.startsWith(QLatin1String("gpt-image-2"));
}

// Parses "16:9" into a positive ratio width / height; 0 when unparsable.
double parseRatio(const QString &ratio)
{
    const QStringList parts = ratio.split(QLatin1Char(':'));
    if (parts.size() != 2)
        return 0;
    bool okW = false;
    bool okH = false;
    const double w = parts.at(0).trimmed().toDouble(&okW);
    const double h = parts.at(1).trimmed().toDouble(&okH);
    // "nan:1" parses as a number, and a NaN ratio became a 16x16 size.
    if (!okW || !okH || !std::isfinite(w) || !std::isfinite(h) || w <= 0 || h <= 0)
        return 0;
    return w / h;
}

int roundTo16(double value)
{
    return std::max(16, int(std::lround(value / 16.0)) * 16);
}

} // namespace

QString ImageParams::effectiveSize() const
{
    if (!size.isEmpty() && size != QLatin1String("auto"))
        return size;
    if (!aspectRatio.isEmpty()) {
        const QString derived = sizeForAspectRatio(imageModel, aspectRatio);
        if (!derived.isEmpty())
            return derived;
    }
    return QStringLiteral("auto");
}

QString ImageParams::sizeForAspectRatio(const QString &model, const QString &ratio)
{
    const double r = parseRatio(ratio);
    if (r <= 0)
        return {};
    if (isGptImage2(model)) {
        // About one megapixel at the exact ratio, sides multiples of 16, inside 1:3..3:1.
        const double clamped = std::clamp(r, 1.0 / 3.0, 3.0);
        const double height = std::sqrt(1024.0 * 1024.0 / clamped);
        const int w = roundTo16(height * clamped);
        const int h = roundTo16(height);
        return QStringLiteral("%1x%2").arg(w).arg(h);
    }
    // GPT image 1.x: square, portrait or landscape, whichever is nearest.
    if (r > 1.2)
        return QStringLiteral("1536x1024");
    if (r < 1.0 / 1.2)
        return QStringLiteral("1024x1536");
    return QStringLiteral("1024x1024");
}

QSize ImageParams::parseSize(const QString &size)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d{1,9})\\s*[xX×]\\s*(\\d{1,9})\\s*$"));
    const QRegularExpressionMatch match = pattern.match(size);
    if (!match.hasMatch())
        return {};
    return QSize(match.captured(1).toInt(), match.captured(2).toInt());
}

QString ImageParams::validateSize(const QString &model, const QString &size)
{
    if (size == QLatin1String("auto"))
        return {};
    const QSize s = parseSize(size);
    if (!s.isValid() || s.isEmpty())
        return tr("Write the size as width x height, for example 1536x1024.");
    if (!isGptImage2(model)) {
        static const QStringList known = { QStringLiteral("1024x1024"), QStringLiteral("1024x1536"),
                                           QStringLiteral("1536x1024") };
        const QString normalized = QStringLiteral("%1x%2").arg(s.width()).arg(s.height());
        if (!known.contains(normalized))
            return tr("%1 only makes 1024x1024, 1024x1536 or 1536x1024 (or auto).")
                .arg(model.isEmpty() ? tr("This model") : model);
        return {};
    }
    if (s.width() % 16 != 0 || s.height() % 16 != 0)
        return tr("Both sides must be multiples of 16.");
    const double ratio = double(s.width()) / s.height();
    if (ratio > 3.0 || ratio < 1.0 / 3.0)
        return tr("The aspect ratio must be between 1:3 and 3:1.");
    if (qint64(s.width()) * s.height() > qint64(3840) * 2160
        || std::max(s.width(), s.height()) > 3840)
        return tr("The size can be at most 3840x2160.");
    return {};
}

bool ImageParams::compressionApplies() const
{
    return outputFormat == QLatin1String("jpeg") || outputFormat == QLatin1String("webp");
}

QJsonObject ImageParams::toJson() const
{
    return QJsonObject {
        { QStringLiteral("image_model"), imageModel },
        { QStringLiteral("quality"), quality },
        { QStringLiteral("size"), size },
        { QStringLiteral("aspect_ratio"), aspectRatio },
        { QStringLiteral("background"), background },
        { QStringLiteral("output_format"), outputFormat },
        { QStringLiteral("output_compression"), outputCompression },
        { QStringLiteral("moderation"), moderation },
        { QStringLiteral("partial_images"), partialImages },
        { QStringLiteral("action"), action },
        { QStringLiteral("input_fidelity"), inputFidelity },
        { QStringLiteral("image_only"), imageOnly },
    };
}

ImageParams ImageParams::fromJson(const QJsonObject &object)
{
    ImageParams p;
    auto text = [&object](const char *key, const QString &fallback) {
        const QJsonValue v = object.value(QLatin1String(key));
        return v.isString() ? v.toString() : fallback;
    };
    p.imageModel = text("image_model", p.imageModel);
    p.quality = text("quality", p.quality);
    p.size = text("size", p.size);
    p.aspectRatio = text("aspect_ratio", p.aspectRatio);
    p.background = text("background", p.background);
    p.outputFormat = text("output_format", p.outputFormat);
    p.outputCompression = std::clamp(
        object.value(QLatin1String("output_compression")).toInt(p.outputCompression), 0, 100);
    p.moderation = text("moderation", p.moderation);
    p.partialImages
        = std::clamp(object.value(QLatin1String("partial_images")).toInt(p.partialImages), 0, 3);
    p.action = text("action", p.action);
    p.inputFidelity = text("input_fidelity", p.inputFidelity);
    p.imageOnly = object.value(QLatin1String("image_only")).toBool(p.imageOnly);
    return p;
}
