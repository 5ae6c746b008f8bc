#include "turnlayout.h"

#include "gateway/imagelinks.h"

#include <QSet>

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFontMetrics>
#include <QLocale>
#include <QStringList>
#include <QTextDocument>
#include <QTextOption>

#include <algorithm>
#include <cmath>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TurnLayout", text);
}

// Token counts read best with group separators; the "C" locale of a bare environment has none.
QLocale numberLocale()
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

QString formatDuration(qint64 ms, bool tenths)
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

std::shared_ptr<QTextDocument> makeDocument(const QFont &font)
{
    auto document = std::make_shared<QTextDocument>();
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    document->setIndentWidth(22); // Qt's 40 px list indent looks lost in a chat column
    // Long URLs and file names in prompts must wrap instead of running out of the bubble.
    QTextOption option = document->defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document->setDefaultTextOption(option);
    return document;
}

int lineHeight(const QFont &font)
{
    return QFontMetrics(font).height();
}

} // namespace

TurnLayout::TurnLayout(const Turn &turn, int width, const QFont &font)
    : m_width(std::max(width, 1))
    , m_bodyFont(font)
    , m_smallFont(font)
    , m_labelFont(font)
{
    const qreal pointSize = font.pointSizeF() > 0 ? font.pointSizeF() : 10.0;
    m_smallFont.setPointSizeF(pointSize * 0.88);
    m_labelFont.setPointSizeF(pointSize * 0.88);
    m_labelFont.setWeight(QFont::DemiBold);

    const int columnWidth = std::max(std::min(m_width - 2 * sideMargin, maxColumnWidth), 120);
    m_column = QRect((m_width - columnWidth) / 2, 0, columnWidth, 0);
    const int left = m_column.left();
    const int right = m_column.left() + columnWidth; // one past the last pixel
    int y = topPadding;

    // The designer's prompt: a bubble hugging its text, right-aligned, at most ~3/4 of the column.
    const QString attachments = attachmentText(turn);
    if (!turn.prompt.isEmpty()) {
        m_promptDocument = makeDocument(m_bodyFont);
        m_promptDocument->setPlainText(turn.prompt);
        const int maxTextWidth = std::max(columnWidth * 3 / 4 - 2 * bubblePaddingX, 60);
        m_promptDocument->setTextWidth(maxTextWidth);
        const int textWidth
            = std::min(int(std::ceil(m_promptDocument->idealWidth())), maxTextWidth);
        m_promptDocument->setTextWidth(textWidth);
        const int textHeight = int(std::ceil(m_promptDocument->size().height()));
        const int bubbleWidth = textWidth + 2 * bubblePaddingX;
        m_promptBubble
            = QRect(right - bubbleWidth, y, bubbleWidth, textHeight + 2 * bubblePaddingY);
        m_promptText = QRect(m_promptBubble.left() + bubblePaddingX,
                             m_promptBubble.top() + bubblePaddingY, textWidth, textHeight);
        y += m_promptBubble.height();
    }
    if (!attachments.isEmpty()) {
        y += smallGap;
        const int h = lineHeight(m_smallFont);
        m_attachments = QRect(left, y, columnWidth, h);
        y += h;
    }
    if (!m_promptBubble.isNull() || !m_attachments.isNull())
        y += gap + smallGap;

    // The answer.
    if (!headerText(turn).isEmpty()) {
        const int h = lineHeight(m_labelFont);
        m_header = QRect(left, y, columnWidth, h);
        y += h + smallGap;
    }
    const QString answer = displayedText(turn);
    if (!answer.trimmed().isEmpty()) {
        m_textDocument = makeDocument(m_bodyFont);
        m_textDocument->setMarkdown(answer, QTextDocument::MarkdownDialectGitHub);
        m_textDocument->setTextWidth(columnWidth);
        const int h = int(std::ceil(m_textDocument->size().height()));
        m_text = QRect(left, y, columnWidth, h);
        y += h + gap;
    }
    for (int i = 0; i < turn.images.size(); ++i) {
        const ImageAsset &image = turn.images.at(i);
        const bool failed = image.state == ImageAsset::State::Failed;
        const bool retryable = failed && !image.sourceUrl.isEmpty();
        const QSize size = failed ? QSize(std::min(columnWidth, failedCardWidth),
                                          retryable ? failedLinkCardHeight : failedCardHeight)
                                  : imageDisplaySize(image, turn.requested, columnWidth);
        const QRect rect(QPoint(left, y), size);
        m_images.append({ i, rect, retryable ? retryButtonRect(rect, m_smallFont) : QRect() });
        y += size.height() + gap;
    }

    // The status line reserves its height whenever there is one, so a ticking "Generating… n s"
    // never changes the row height; only the transition to the usage line does.
    if (!statusText(turn, turn.startedAt).isEmpty()) {
        const int h = lineHeight(m_smallFont);
        m_status = QRect(left, y, columnWidth, h);
        y += h + smallGap;
    }
    if (!usageText(turn).isEmpty()) {
        const int h = lineHeight(m_smallFont);
        m_usage = QRect(left, y, columnWidth, h);
        y += h + smallGap;
    }
    // The last part's trailing gap becomes part of the bottom padding.
    m_height = y + bottomPadding - smallGap;
    m_column.setHeight(m_height);
}

int TurnLayout::imageIndexAt(QPoint point) const
{
    for (const ImageSlot &slot : m_images) {
        if (slot.rect.contains(point))
            return slot.index;
    }
    return -1;
}

int TurnLayout::retryIndexAt(QPoint point) const
{
    for (const ImageSlot &slot : m_images) {
        if (!slot.retry.isNull() && slot.retry.contains(point))
            return slot.index;
    }
    return -1;
}

QString TurnLayout::anchorAt(QPoint point) const
{
    if (!m_textDocument || !m_text.contains(point))
        return {};
    return m_textDocument->documentLayout()->anchorAt(point - m_text.topLeft());
}

QSize TurnLayout::imageDisplaySize(const ImageAsset &image, const ImageParams &requested,
                                   int maxWidth)
{
    QSize pixels = image.pixelSize;
    if (!pixels.isValid() || pixels.isEmpty())
        pixels = ImageParams::parseSize(requested.effectiveSize());
    if (!pixels.isValid() || pixels.isEmpty())
        pixels = QSize(1024, 1024); // what "auto" most often turns out to be
    const QSize box(std::max(maxWidth, 1), maxImageHeight);
    if (pixels.width() <= box.width() && pixels.height() <= box.height())
        return pixels;
    return pixels.scaled(box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

QString TurnLayout::displayedText(const Turn &turn)
{
    // Gateways that return images as links also put them in the text as Markdown images. The
    // image is shown inline from its downloaded bytes, so its link would only show it twice (and
    // QTextDocument would try to load the remote URL itself).
    QSet<QString> shown;
    for (const ImageAsset &image : turn.images) {
        if (!image.sourceUrl.isEmpty())
            shown.insert(image.sourceUrl);
    }
    return shown.isEmpty() ? turn.text : ImageLinks::stripImageLinks(turn.text, shown);
}

QString TurnLayout::headerText(const Turn &turn)
{
    QStringList parts;
    if (!turn.chatModel.isEmpty())
        parts << turn.chatModel;
    if (!turn.images.isEmpty() && !turn.requested.imageModel.isEmpty())
        parts << turn.requested.imageModel;
    return parts.join(QStringLiteral(" · "));
}

QString TurnLayout::statusText(const Turn &turn, const QDateTime &now)
{
    switch (turn.status) {
    case Turn::Status::Pending:
    case Turn::Status::Streaming:
        if (turn.startedAt.isValid() && now.isValid()) {
            const qint64 ms = std::max<qint64>(turn.startedAt.msecsTo(now), 0);
            return tr("Generating… %1").arg(formatDuration(ms, false));
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

TurnLayout::Tone TurnLayout::statusTone(const Turn &turn)
{
    if (turn.isRunning())
        return Tone::Progress;
    return turn.status == Turn::Status::Done ? Tone::Warning : Tone::Error;
}

QString TurnLayout::usageText(const Turn &turn)
{
    if (turn.isRunning())
        return {};
    const QLocale locale = numberLocale();
    const Usage &usage = turn.usage;
    QStringList tokens;
    if (usage.inputTokens > 0)
        tokens << tr("in %1").arg(locale.toString(usage.inputTokens));
    if (usage.cachedInputTokens > 0)
        tokens << tr("cached %1").arg(locale.toString(usage.cachedInputTokens));
    if (usage.outputTokens > 0) {
        QString out = tr("out %1").arg(locale.toString(usage.outputTokens));
        if (usage.reasoningTokens > 0)
            out += tr(" (reasoning %1)").arg(locale.toString(usage.reasoningTokens));
        tokens << out;
    }
    const qint64 imageTokens
        = usage.imageInputTextTokens + usage.imageInputImageTokens + usage.imageOutputTokens;
    if (usage.hasImageTokens && imageTokens > 0)
        tokens << tr("image %1").arg(locale.toString(imageTokens));

    QStringList parts;
    if (!tokens.isEmpty()) {
        tokens.last() += tr(" tokens");
        parts << tokens;
    }
    const int images = turn.finalImageCount();
    if (images > 0)
        parts << (images == 1 ? tr("1 image") : tr("%1 images").arg(images));
    // A finished turn always says what it cost, even "cost unknown"; a failed one only when known.
    if (turn.cost.isKnown() || turn.status == Turn::Status::Done)
        parts << turn.cost.formatted();
    if (turn.durationMs >= 0 && !parts.isEmpty())
        parts << formatDuration(turn.durationMs, true);
    return parts.join(QStringLiteral(" · "));
}

QString TurnLayout::attachmentText(const Turn &turn)
{
    const int count = int(turn.attachments.size());
    if (count == 0)
        return {};
    return count == 1 ? tr("1 reference image") : tr("%1 reference images").arg(count);
}

QString TurnLayout::downloadText(const ImageAsset &image)
{
    if (image.downloadedBytes <= 0)
        return tr("Downloading…");
    const QLocale locale = numberLocale();
    const auto size = [&locale](qint64 bytes) {
        return locale.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    };
    if (image.downloadTotal > 0)
        return tr("Downloading… %1 of %2")
            .arg(size(image.downloadedBytes), size(image.downloadTotal));
    return tr("Downloading… %1").arg(size(image.downloadedBytes));
}

QRect TurnLayout::retryButtonRect(const QRect &card, const QFont &font)
{
    // A pill in the card's top-right corner, on the title's line.
    QFont bold = font;
    bold.setWeight(QFont::DemiBold);
    const QFontMetrics metrics(bold);
    const QSize size(metrics.horizontalAdvance(tr("Retry")) + 24, metrics.height() + 10);
    return QRect(QPoint(card.right() - 12 - size.width() + 1, card.top() + 10), size);
}
