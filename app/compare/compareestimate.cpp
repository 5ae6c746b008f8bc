#include "compareestimate.h"

#include <QLocale>

#include <algorithm>

QString CompareEstimate::formatUsd(double usd)
{
    if (usd == 0.0)
        return QStringLiteral("$0");
    if (usd >= 0.1)
        return QLatin1Char('$') + QLocale::c().toString(usd, 'f', 2);
    if (usd < 0.00005)
        return tr("under $0.0001");
    QString digits = QLocale::c().toString(usd, 'f', 4);
    while (digits.endsWith(QLatin1Char('0')))
        digits.chop(1);
    return QLatin1Char('$') + digits;
}

QString CompareEstimate::summary() const
{
    // Whole phrases, so that a translation can order them; the English counts say "1 image".
    const QString imagesText = images == 1 ? tr("1 image") : tr("%1 images").arg(images);
    if (images > 0 && freeImages == images)
        return tr("%1, free.").arg(imagesText);

    const int unpriced = int(unpricedCells.size());
    const QString models = unpricedModels.join(QStringLiteral(", "));
    const QString unpricedText = unpriced == 1
        ? tr("1 cell uses a model without a price (%1)").arg(models)
        : tr("%1 cells use a model without a price (%2)").arg(QString::number(unpriced), models);
    const bool anyEstimated
        = std::any_of(cellCosts.cbegin(), cellCosts.cend(),
                      [](const Cost &cost) { return cost.basis == Cost::Basis::Estimated; });
    QString text = imagesText;
    if (freeImages > 0)
        text = tr("%1 (%2 of them free)").arg(imagesText, QString::number(freeImages));
    if (unpriced > 0 && !anyEstimated) {
        text = tr("%1; the cost cannot be estimated: %2.").arg(text, unpricedText);
    } else {
        text = tr("%1, about %2 estimated (chat tokens not included).").arg(text, formatUsd(usd));
        if (unpriced > 0)
            text += QLatin1Char(' ') + tr("%1: the total is a lower bound.").arg(unpricedText);
    }
    if (referenceImages > 0)
        text += QLatin1Char(' ')
            + tr("Each cell also sends %n reference image(s): their input tokens are the "
                 "gateway's to count and are not included.",
                 nullptr, referenceImages);
    return text;
}
