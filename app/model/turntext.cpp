#include "turntext.h"

#include <QStringList>

#include <algorithm>

QLocale TurnText::numberLocale()
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

QString TurnText::duration(qint64 ms, bool tenths)
{
    const QLocale locale = numberLocale();
    if (ms < 60'000) {
        if (tenths)
            return tr("%1 s").arg(locale.toString(double(ms) / 1000.0, 'f', 1));
        return tr("%1 s").arg(ms / 1000);
    }
    const qint64 seconds = ms / 1000;
    return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString TurnText::pixelSize(const QSize &size)
{
    return tr("%1 × %2").arg(size.width()).arg(size.height());
}

QString TurnText::statusLine(const Turn &turn, const QDateTime &now)
{
    switch (turn.status) {
    case Turn::Status::Pending:
    case Turn::Status::Streaming:
        if (turn.startedAt.isValid() && now.isValid()) {
            const qint64 ms = std::max<qint64>(turn.startedAt.msecsTo(now), 0);
            return tr("Generating… %1").arg(duration(ms, false));
        }
        return tr("Generating…");
    case Turn::Status::Failed:
        return turn.errorMessage.isEmpty() ? tr("The request failed") : turn.errorMessage;
    case Turn::Status::Cancelled:
        return tr("Stopped");
    case Turn::Status::Interrupted:
        return tr("Interrupted");
    case Turn::Status::Done:
        return turn.errorMessage; // a warning, e.g. an image that could not be fetched
    }
    return {};
}

QString TurnText::usageLine(const Turn &turn)
{
    if (turn.isRunning())
        return {};
    const QLocale locale = numberLocale();
    const Usage &usage = turn.usage;
    // One group of token counts, summed with "+" and named once ("1,889 in + 1,434 out + 196
    // image tokens"), so that "image" there cannot be read as the image count after it (QA).
    QStringList tokens;
    if (usage.inputTokens > 0) {
        QString in = tr("%1 in").arg(locale.toString(usage.inputTokens));
        if (usage.cachedInputTokens > 0)
            in += tr(" (%1 cached)").arg(locale.toString(usage.cachedInputTokens));
        tokens << in;
    }
    if (usage.outputTokens > 0) {
        QString out = tr("%1 out").arg(locale.toString(usage.outputTokens));
        if (usage.reasoningTokens > 0)
            out += tr(" (%1 reasoning)").arg(locale.toString(usage.reasoningTokens));
        tokens << out;
    }
    const qint64 imageTokens
        = usage.imageInputTextTokens + usage.imageInputImageTokens + usage.imageOutputTokens;
    if (usage.hasImageTokens && imageTokens > 0)
        tokens << tr("%1 image").arg(locale.toString(imageTokens));

    QStringList parts;
    if (!tokens.isEmpty())
        parts << tokens.join(QStringLiteral(" + ")) + tr(" tokens");
    const int images = turn.finalImageCount();
    if (images > 0)
        parts << (images == 1 ? tr("1 image") : tr("%1 images").arg(images));
    // A finished turn always says what it cost, even "cost unknown"; a stopped or failed one
    // when it is known, or when the gateway had begun answering and may bill it.
    if (turn.cost.isKnown() || turn.status == Turn::Status::Done)
        parts << turn.cost.formatted();
    else if (turn.mayBeBilled())
        parts << tr("cost unknown (it may be billed)");
    if (turn.durationMs >= 0 && !parts.isEmpty())
        parts << duration(turn.durationMs, true);
    return parts.join(QStringLiteral(" · "));
}
