#include "costestimator.h"

#include <QSize>

#include <algorithm>

namespace {

constexpr double perMillion = 1.0e-6;

const QStringList &standardSizes()
{
    static const QStringList sizes
        = { QStringLiteral("1024x1024"), QStringLiteral("1024x1536"), QStringLiteral("1536x1024") };
    return sizes;
}

bool isConcreteQuality(const QString &quality)
{
    return quality == QLatin1String("low") || quality == QLatin1String("medium")
        || quality == QLatin1String("high");
}

// "WxH" with both sides positive, normalized to lower case "x"; empty otherwise ("auto", junk).
QString concreteSize(const QString &size)
{
    const QSize parsed = ImageParams::parseSize(size);
    if (!parsed.isValid() || parsed.isEmpty())
        return {};
    return QStringLiteral("%1x%2").arg(parsed.width()).arg(parsed.height());
}

void addNote(QStringList &notes, const QString &note)
{
    if (!notes.contains(note))
        notes.append(note);
}

QString joinNotes(const QStringList &notes)
{
    QString text = notes.join(QLatin1String("; "));
    if (!text.isEmpty()) {
        text[0] = text.at(0).toUpper();
        text.append(QLatin1Char('.'));
    }
    return text;
}

QString quoted(const QString &model)
{
    return QLatin1Char('"') + model + QLatin1Char('"');
}

} // namespace

CostEstimator::CostEstimator(const PriceBook &book)
    : m_book(book)
{
}

qint64 CostEstimator::gptImage2OutputTokens(int width, int height, const QString &quality)
{
    qint64 factor = 0;
    if (quality == QLatin1String("low"))
        factor = 16;
    else if (quality == QLatin1String("medium"))
        factor = 48;
    else if (quality == QLatin1String("high"))
        factor = 96;
    if (factor == 0 || width <= 0 || height <= 0)
        return -1;
    // Integer arithmetic exactly as the published calculator, so the results match to the token.
    const qint64 w = width;
    const qint64 h = height;
    const qint64 longSide = std::max(w, h);
    const qint64 shortSide = std::min(w, h);
    const qint64 s = (2 * factor * shortSide + longSide) / (2 * longSide);
    return (factor * s * (2'000'000 + w * h) + 3'999'999) / 4'000'000;
}

std::optional<double> CostEstimator::imageCost(const PriceBook::ImagePrice &price,
                                               const QString &quality, const QString &size,
                                               QStringList &notes) const
{
    const QSize pixels = ImageParams::parseSize(size);
    if (price.tokenRule == PriceBook::ImagePrice::TokenRule::GptImage2Formula) {
        const qint64 tokens = gptImage2OutputTokens(pixels.width(), pixels.height(), quality);
        if (tokens < 0)
            return std::nullopt;
        return tokens * price.imageOutputPerMillion * perMillion;
    }

    if (const auto usd = price.perImage(quality, size))
        return *usd;
    if (const auto tokens = price.outputTokensFor(quality, size))
        return *tokens * price.imageOutputPerMillion * perMillion;

    // A size the tables do not list (a gateway that resizes, a future size): the output tokens of
    // these models grow roughly with the pixel count, so the square price scaled by area is the
    // closest guess that needs no formula.
    const QString square = standardSizes().constFirst();
    std::optional<double> squareUsd = price.perImage(quality, square);
    if (!squareUsd) {
        if (const auto tokens = price.outputTokensFor(quality, square))
            squareUsd = *tokens * price.imageOutputPerMillion * perMillion;
    }
    if (!squareUsd) {
        addNote(notes,
                CostEstimator::tr("no %1-quality price for image model %2")
                    .arg(quality, quoted(price.model)));
        return std::nullopt;
    }
    addNote(notes,
            CostEstimator::tr("%1 is not in the price table of %2, so the 1024x1024 price was "
                              "scaled by pixel area")
                .arg(size, price.model));
    return *squareUsd * (double(pixels.width()) * pixels.height()) / (1024.0 * 1024.0);
}

std::optional<double> CostEstimator::resolvedImageCost(const PriceBook::ImagePrice &price,
                                                       const QString &quality, const QString &size,
                                                       const QString &autoQualityNote,
                                                       QStringList &notes) const
{
    QString usedQuality = quality;
    if (!isConcreteQuality(usedQuality)) {
        // Over-estimating is the safer mistake for someone watching a budget.
        usedQuality = QStringLiteral("high");
        addNote(notes, autoQualityNote);
    }
    const QString usedSize = concreteSize(size);
    if (!usedSize.isEmpty())
        return imageCost(price, usedQuality, usedSize, notes);

    // Size unknown: the dearest of the standard sizes (for gpt-image-2 that is the square one).
    std::optional<double> dearest;
    QString dearestSize;
    QStringList ignored;
    for (const QString &candidate : standardSizes()) {
        const std::optional<double> usd = imageCost(price, usedQuality, candidate, ignored);
        if (usd && (!dearest || *usd > *dearest)) {
            dearest = usd;
            dearestSize = candidate;
        }
    }
    if (!dearest) {
        addNote(notes,
                CostEstimator::tr("no %1-quality price for image model %2")
                    .arg(usedQuality, quoted(price.model)));
        return std::nullopt;
    }
    addNote(notes,
            CostEstimator::tr("size not known, priced as %1, the dearest standard size")
                .arg(dearestSize));
    return dearest;
}

Cost CostEstimator::turnCost(const Usage &usage, const QString &chatModel,
                             const QString &imageModel, const QList<ImageReport> &finalImages,
                             const ImageParams &requested) const
{
    if (usage.billedCostUsd)
        return Cost { *usage.billedCostUsd, Cost::Basis::Billed, QString() };

    QStringList notes;
    double usd = 0.0;
    bool priced = false;

    const bool chatUsed
        = usage.inputTokens > 0 || usage.cachedInputTokens > 0 || usage.outputTokens > 0;
    if (chatUsed) {
        if (const auto price = m_book.chatPrice(chatModel)) {
            const qint64 cached = std::min(usage.cachedInputTokens, usage.inputTokens);
            const qint64 uncached = usage.inputTokens - cached;
            usd += (uncached * price->inputPerMillion + cached * price->cachedInputPerMillion
                    + usage.outputTokens * price->outputPerMillion)
                * perMillion;
            priced = true;
        } else {
            addNote(notes,
                    chatModel.isEmpty()
                        ? CostEstimator::tr("the chat model was not named, so its tokens are "
                                            "not priced")
                        : CostEstimator::tr("no price for chat model %1").arg(quoted(chatModel)));
        }
    }

    const QString imageModelName = imageModel.isEmpty() ? requested.imageModel : imageModel;
    const bool imagesMade = usage.hasImageTokens || !finalImages.isEmpty();
    const std::optional<PriceBook::ImagePrice> imagePrice
        = imagesMade ? m_book.imagePrice(imageModelName) : std::nullopt;
    if (imagesMade && !imagePrice)
        addNote(notes,
                CostEstimator::tr("no price for image model %1").arg(quoted(imageModelName)));

    if (imagePrice && usage.hasImageTokens) {
        // The gateway counted the image tool's tokens (tool_usage.image_gen): exact rates apply.
        usd += (usage.imageInputTextTokens * imagePrice->textInputPerMillion
                + usage.imageInputImageTokens * imagePrice->imageInputPerMillion
                + usage.imageOutputTokens * imagePrice->imageOutputPerMillion)
            * perMillion;
        priced = true;
    } else if (imagePrice) {
        const QString autoNote
            = CostEstimator::tr("image quality not reported, priced as high (an upper bound)");
        for (const ImageReport &report : finalImages) {
            // The report says what "auto" became; the request is the fallback.
            const QString quality
                = isConcreteQuality(report.quality) ? report.quality : requested.quality;
            const QString size
                = concreteSize(report.size).isEmpty() ? requested.effectiveSize() : report.size;
            if (const auto cost = resolvedImageCost(*imagePrice, quality, size, autoNote, notes)) {
                usd += *cost;
                priced = true;
            }
        }
        if (!finalImages.isEmpty())
            addNote(notes,
                    CostEstimator::tr("image tokens not reported, estimated from quality "
                                      "and size"));
    }

    if (!chatUsed && !imagesMade) {
        addNote(notes, CostEstimator::tr("the gateway reported no usage"));
        return Cost { 0.0, Cost::Basis::Unknown, joinNotes(notes) };
    }
    return Cost { usd, priced ? Cost::Basis::Estimated : Cost::Basis::Unknown, joinNotes(notes) };
}

Cost CostEstimator::preflight(const QString &chatModel, const ImageParams &params, int images) const
{
    QStringList notes;
    const std::optional<PriceBook::ImagePrice> price = m_book.imagePrice(params.imageModel);
    if (!price) {
        addNote(notes,
                CostEstimator::tr("no price for image model %1").arg(quoted(params.imageModel)));
        return Cost { 0.0, Cost::Basis::Unknown, joinNotes(notes) };
    }
    const std::optional<double> perImage = resolvedImageCost(
        *price, params.quality, params.effectiveSize(),
        CostEstimator::tr("quality auto is priced as high, the most it can cost"), notes);
    addNote(
        notes,
        chatModel.isEmpty()
            ? CostEstimator::tr("image part only; the chat model's tokens come on top")
            : CostEstimator::tr("image part only; the tokens of %1 come on top").arg(chatModel));
    if (!perImage)
        return Cost { 0.0, Cost::Basis::Unknown, joinNotes(notes) };
    return Cost { *perImage * std::max(images, 0), Cost::Basis::Estimated, joinNotes(notes) };
}
