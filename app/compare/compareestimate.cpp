#include "compareestimate.h"

#include <QLocale>

#include <algorithm>

namespace {

QString count(int n, const char *singular, const char *plural)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? singular : plural);
}

} // namespace

QString CompareEstimate::formatUsd(double usd)
{
    if (usd == 0.0)
        return QStringLiteral("$0");
    if (usd >= 0.1)
        return QLatin1Char('$') + QLocale::c().toString(usd, 'f', 2);
    if (usd < 0.00005)
        return QStringLiteral("under $0.0001");
    QString digits = QLocale::c().toString(usd, 'f', 4);
    while (digits.endsWith(QLatin1Char('0')))
        digits.chop(1);
    return QLatin1Char('$') + digits;
}

QString CompareEstimate::summary() const
{
    const QString imagesText = count(images, "image", "images");
    if (images > 0 && freeImages == images)
        return imagesText + QStringLiteral(", free.");

    const int unpriced = int(unpricedCells.size());
    const QString models = unpricedModels.join(QStringLiteral(", "));
    const QString unpricedText = count(unpriced, "cell uses", "cells use")
        + QStringLiteral(" a model without a price (%1)").arg(models);
    const bool anyEstimated
        = std::any_of(cellCosts.cbegin(), cellCosts.cend(),
                      [](const Cost &cost) { return cost.basis == Cost::Basis::Estimated; });
    QString text = imagesText;
    if (freeImages > 0)
        text += QStringLiteral(" (%1 of them free)").arg(freeImages);
    if (unpriced > 0 && !anyEstimated)
        return text + QStringLiteral("; the cost cannot be estimated: ") + unpricedText
            + QLatin1Char('.');
    text += QStringLiteral(", about %1 estimated (chat tokens not included).").arg(formatUsd(usd));
    if (unpriced > 0)
        text += QLatin1Char(' ') + unpricedText + QStringLiteral(": the total is a lower bound.");
    return text;
}
