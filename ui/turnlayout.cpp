#include "turnlayout.h"

#include "gateway/imagelinks.h"
#include "model/turntext.h"

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

constexpr int listIndent = 22;

std::shared_ptr<QTextDocument> makeDocument(const QFont &font)
{
    auto document = std::make_shared<QTextDocument>();
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    document->setIndentWidth(listIndent); // Qt's 40 px looks lost in a chat column
    // Long URLs and file names in prompts must wrap instead of running out of the bubble.
    QTextOption option = document->defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document->setDefaultTextOption(option);
    return document;
}

// Whether `text` holds a run of more than `limit` characters without a space or line break.
bool hasLongRun(const QString &text, qsizetype limit)
{
    qsizetype run = 0;
    for (const QChar c : text) {
        run = c.isSpace() ? 0 : run + 1;
        if (run > limit)
            return true;
    }
    return false;
}

int lineHeight(const QFont &font)
{
    return QFontMetrics(font).height();
}

// Text sizes guessed from the text's length at the font's average character width, for rows not
// shown yet. The rules follow what QTextDocument does with the same text, so that a typical
// answer comes out exact or within a line: wrapped lines lose some width at word breaks; Markdown
// paragraphs and list items are blocks separated by a margin, soft line breaks join lines,
// headings are taller and code lines do not join.
class TextEstimate
{
public:
    explicit TextEstimate(const QFont &font)
        : m_lineHeight(lineHeight(font))
        , m_charWidth(std::max(QFontMetrics(font).averageCharWidth(), 1))
        // QTextMarkdownImporter's block margin: two thirds of the point size, taken as pixels.
        , m_blockMargin(int((font.pointSizeF() > 0 ? font.pointSizeF() : 10.0) * 2 / 3))
    {
    }

    // The plain text's height at `maxWidth`, and the width it hugs (at most `maxWidth`).
    QSize plain(const QString &text, int maxWidth) const
    {
        int lines = 0;
        int widest = 0;
        for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
            const int advance = int(line.size()) * m_charWidth;
            widest = std::max(widest, advance);
            lines += wrappedLines(advance, maxWidth);
        }
        return { std::min(widest, maxWidth), lines * m_lineHeight };
    }

    int markdown(const QString &text, int width) const
    {
        int height = 0;
        int blocks = 0; // blocks with margins laid so far
        int paragraph = 0; // characters of the paragraph being joined
        int paragraphWidth = width;
        bool inCode = false;
        int codeHeight = 0; // of the fenced code block being read: one block, lines not joined
        const auto addBlock = [&](int blockHeight, bool margin) {
            if (margin && blocks > 0)
                height += m_blockMargin;
            height += blockHeight;
            if (margin)
                ++blocks;
        };
        const auto endParagraph = [&] {
            if (paragraph > 0)
                addBlock(wrappedLines(paragraph * m_charWidth, paragraphWidth) * m_lineHeight,
                         true);
            paragraph = 0;
            paragraphWidth = width;
        };
        for (const QStringView raw : QStringView(text).split(QLatin1Char('\n'))) {
            const QStringView line = raw.trimmed();
            if (line.startsWith(u"```") || line.startsWith(u"~~~")) {
                endParagraph();
                if (inCode)
                    addBlock(codeHeight, true);
                inCode = !inCode;
                codeHeight = 0;
                continue;
            }
            if (inCode) {
                codeHeight += wrappedLines(int(raw.size()) * m_charWidth, width) * m_lineHeight;
                continue;
            }
            if (line.isEmpty()) {
                endParagraph();
                continue;
            }
            if (line.startsWith(QLatin1Char('#'))) {
                endParagraph();
                const qsizetype level = line.indexOf(QLatin1Char(' '));
                const double scale = level == 1 ? 2.0 : level == 2 ? 1.5 : level == 3 ? 1.2 : 1.0;
                addBlock(int(m_lineHeight * scale), true);
                continue;
            }
            if (isListItem(line)) {
                endParagraph();
                paragraph = visibleLength(line);
                paragraphWidth = std::max(width - listIndent, 1);
                continue;
            }
            paragraph += visibleLength(line) + (paragraph > 0 ? 1 : 0);
        }
        endParagraph();
        if (inCode) // an unclosed fence runs to the end
            addBlock(codeHeight, true);
        return height;
    }

private:
    static int wrappedLines(int advance, int width)
    {
        // Word wrapping leaves the end of most lines unused.
        const int usable = std::max(width * 15 / 16, 1);
        return std::max((advance + usable - 1) / usable, 1);
    }

    static bool isListItem(QStringView line)
    {
        if (line.startsWith(u"- ") || line.startsWith(u"* ") || line.startsWith(u"+ "))
            return true;
        qsizetype digits = 0;
        while (digits < line.size() && line.at(digits).isDigit())
            ++digits;
        return digits > 0 && digits + 1 < line.size()
            && (line.at(digits) == QLatin1Char('.') || line.at(digits) == QLatin1Char(')'));
    }

    // Characters that show: emphasis marks and link targets do not.
    static int visibleLength(QStringView line)
    {
        int length = 0;
        bool inTarget = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (inTarget) {
                inTarget = c != QLatin1Char(')');
                continue;
            }
            if (c == QLatin1Char('(') && i > 0 && line.at(i - 1) == QLatin1Char(']')) {
                inTarget = true;
                continue;
            }
            if (c != QLatin1Char('*') && c != QLatin1Char('_') && c != QLatin1Char('`')
                && c != QLatin1Char('[') && c != QLatin1Char(']'))
                ++length;
        }
        return length;
    }

    int m_lineHeight;
    int m_charWidth;
    int m_blockMargin;
};

} // namespace

int TurnLayout::imageHeightFor(int viewportHeight)
{
    return std::clamp(viewportHeight * 3 / 5, int(maxImageHeight), int(maxColumnWidth));
}

QRect TurnLayout::column(int width)
{
    const int columnWidth = std::max(std::min(width - 2 * sideMargin, maxColumnWidth), 120);
    return { (width - columnWidth) / 2, 0, columnWidth, 0 };
}

TurnLayout::TurnLayout(const Turn &turn, int width, const QFont &font, Measure measure,
                       const ImageAsset *parent, const TurnLayout *previous, int imageHeightLimit)
    : m_width(std::max(width, 1))
    , m_estimate(measure == Measure::Estimate)
    , m_imageHeightLimit(std::max(imageHeightLimit, 1))
    , m_bodyFont(font)
    , m_smallFont(font)
    , m_labelFont(font)
{
    const qreal pointSize = font.pointSizeF() > 0 ? font.pointSizeF() : 10.0;
    m_smallFont.setPointSizeF(pointSize * 0.88);
    m_labelFont.setPointSizeF(pointSize * 0.88);
    m_labelFont.setWeight(QFont::DemiBold);

    m_column = column(m_width);
    const int columnWidth = m_column.width();
    const int left = m_column.left();
    const int right = m_column.left() + columnWidth; // one past the last pixel
    int y = topPadding;

    // The designer's prompt: a bubble hugging its text, right-aligned, at most ~3/4 of the column.
    if (!turn.prompt.isEmpty()) {
        const int maxTextWidth = std::max(columnWidth * 3 / 4 - 2 * bubblePaddingX, 60);
        int textWidth = 0;
        int textHeight = 0;
        if (m_estimate) {
            const QSize size = TextEstimate(m_bodyFont).plain(turn.prompt, maxTextWidth);
            textWidth = size.width();
            textHeight = size.height();
        } else {
            m_promptDocument = makeDocument(m_bodyFont);
            m_promptDocument->setPlainText(turn.prompt);
            m_promptDocument->setTextWidth(maxTextWidth);
            textWidth = std::min(int(std::ceil(m_promptDocument->idealWidth())), maxTextWidth);
            m_promptDocument->setTextWidth(textWidth);
            textHeight = int(std::ceil(m_promptDocument->size().height()));
        }
        const int bubbleWidth = textWidth + 2 * bubblePaddingX;
        m_promptBubble
            = QRect(right - bubbleWidth, y, bubbleWidth, textHeight + 2 * bubblePaddingY);
        m_promptText = QRect(m_promptBubble.left() + bubblePaddingX,
                             m_promptBubble.top() + bubblePaddingY, textWidth, textHeight);
        y += m_promptBubble.height();
    }
    if (!turn.attachments.isEmpty()) {
        y += smallGap;
        y += layOutThumbnails(turn, y);
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
        int h = 0;
        if (m_estimate) {
            h = TextEstimate(m_bodyFont).markdown(answer, columnWidth);
        } else if (previous && previous->m_textDocument && previous->m_text.width() == columnWidth
                   && previous->m_bodyFont == m_bodyFont && previous->m_answer == answer) {
            m_textDocument = previous->m_textDocument; // laid out already: shared, not copied
            m_answer = previous->m_answer;
            h = previous->m_text.height();
        } else {
            m_answer = answer;
            m_textDocument = makeDocument(m_bodyFont);
            if (hasLongRun(answer, 2000)) {
                // Qt looks for a word boundary from each line's start to the end of the word, so
                // a long run without one (base64, a runaway token) lays out in quadratic time:
                // 256 KB took seconds on the GUI thread. Such a run breaks anywhere instead.
                QTextOption option = m_textDocument->defaultTextOption();
                option.setWrapMode(QTextOption::WrapAnywhere);
                m_textDocument->setDefaultTextOption(option);
            }
            // Markdown without raw HTML: a reply's "<subject>" or "a < b" is text to show, and
            // as HTML it would swallow the rest of the reply.
            m_textDocument->setMarkdown(
                answer,
                QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                | QTextDocument::MarkdownNoHTML));
            m_textDocument->setTextWidth(columnWidth);
            h = int(std::ceil(m_textDocument->size().height()));
        }
        m_text = QRect(left, y, columnWidth, h);
        y += h + gap;
    }
    // An edit's results go right of its Original tile, which takes what the results leave.
    const int imagesWidth = turn.editOf.isNull() ? columnWidth : layOutParent(turn, parent, y);
    const int imagesLeft = right - imagesWidth;
    const int parentBottom = m_parentTile.isNull() ? y : m_parentLabel.bottom() + 1 + gap;
    for (int i = 0; i < turn.images.size(); ++i) {
        const ImageAsset &image = turn.images.at(i);
        const bool failed = image.state == ImageAsset::State::Failed;
        const bool retryable = failed && !image.sourceUrl.isEmpty();
        const QSize size = failed
            ? QSize(std::min(imagesWidth, failedCardWidth),
                    retryable ? failedLinkCardHeight : failedCardHeight)
            : imageDisplaySize(image, turn.requested, imagesWidth, m_imageHeightLimit);
        const QRect rect(QPoint(imagesLeft, y), size);
        m_images.append({ i, rect, retryable ? retryButtonRect(rect, m_smallFont) : QRect() });
        y += size.height() + gap;
    }
    y = std::max(y, parentBottom);

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

int TurnLayout::layOutThumbnails(const Turn &turn, int top)
{
    // As many tiles as the column holds, at most maxThumbnails + 1: when some attachments are
    // left over, the last tile says "+N" for them.
    const int count = int(turn.attachments.size());
    const int fit = std::max((m_column.width() + smallGap) / (thumbnailSide + smallGap), 1);
    const int tiles = std::min({ count, maxThumbnails + 1, fit });
    const int shown = tiles < count ? tiles - 1 : tiles;
    const int stripWidth = tiles * thumbnailSide + (tiles - 1) * smallGap;
    m_attachments
        = QRect(m_column.left() + m_column.width() - stripWidth, top, stripWidth, thumbnailSide);
    int x = m_attachments.left();
    for (int i = 0; i < shown; ++i) {
        m_thumbnails.append({ i, QRect(x, top, thumbnailSide, thumbnailSide) });
        x += thumbnailSide + smallGap;
    }
    if (shown < count) {
        m_moreThumbnails = QRect(x, top, thumbnailSide, thumbnailSide);
        m_moreCount = count - shown;
    }
    return thumbnailSide;
}

int TurnLayout::layOutParent(const Turn &turn, const ImageAsset *parent, int top)
{
    const int columnWidth = m_column.width();
    // A share of the first result's width: of what it would be given alone (a small result keeps
    // a small original), and of what the tile leaves it (2/7 of the room is 40% of the rest).
    const QSize alone
        = imageDisplaySize(turn.images.value(0), turn.requested, columnWidth, m_imageHeightLimit);
    const int room = columnWidth - arrowWidth;
    const int tileWidth
        = std::max(std::min({ maxParentSide, alone.width() * parentSharePercent / 100,
                              room * parentSharePercent / (100 + parentSharePercent) }),
                   std::min(minParentWidth, room / 2));
    QSize tile;
    if (parent) {
        m_parentState = Parent::Found;
        m_parentImage = *parent;
        QSize pixels = parent->pixelSize;
        if (!pixels.isValid() || pixels.isEmpty())
            pixels = QSize(1024, 1024);
        tile = pixels.scaled(QSize(std::max(tileWidth, 1), maxParentSide), Qt::KeepAspectRatio)
                   .expandedTo(QSize(1, 1));
    } else {
        m_parentState = Parent::Missing;
        // Room for "Original no longer in this conversation" on a few lines.
        tile = QSize(tileWidth, std::max(tileWidth * 2 / 3, 3 * lineHeight(m_smallFont) + 16));
    }
    m_parentTile = QRect(QPoint(m_column.left(), top), tile);
    m_parentLabel = QRect(m_column.left(), m_parentTile.bottom() + 1 + smallGap / 2, tile.width(),
                          lineHeight(m_smallFont));
    m_arrow = QRect(m_parentTile.right() + 1, top, arrowWidth, tile.height());
    return std::max(columnWidth - tile.width() - arrowWidth, 1);
}

bool TurnLayout::hasParent(const ImageAsset *parent) const
{
    switch (m_parentState) {
    case Parent::None:
        return true; // not an edit: the parent does not matter
    case Parent::Missing:
        return parent == nullptr;
    case Parent::Found:
        return parent && *parent == m_parentImage;
    }
    return false;
}

int TurnLayout::attachmentIndexAt(QPoint point) const
{
    for (const Thumbnail &thumbnail : m_thumbnails) {
        if (thumbnail.rect.contains(point))
            return thumbnail.index;
    }
    return -1;
}

bool TurnLayout::parentTileAt(QPoint point) const
{
    return m_parentState != Parent::None && m_parentTile.contains(point);
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
                                   int maxWidth, int maxHeight)
{
    QSize pixels = image.pixelSize;
    if (!pixels.isValid() || pixels.isEmpty())
        pixels = ImageParams::parseSize(requested.effectiveSize());
    if (!pixels.isValid() || pixels.isEmpty())
        pixels = QSize(1024, 1024); // what "auto" most often turns out to be
    const QSize box(std::max(maxWidth, 1), std::max(maxHeight, 1));
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
    QString text = shown.isEmpty() ? turn.text : ImageLinks::stripImageLinks(turn.text, shown);
    if (text.size() <= maxShownTextLength)
        return text;
    qsizetype kept = maxShownTextLength;
    if (text.at(kept - 1).isHighSurrogate())
        --kept;
    const qsizetype rest = text.size() - kept;
    text.truncate(kept);
    return text
        + tr("\n\n*… and %1 more characters, not shown here: Copy Answer copies the whole "
             "answer.*")
              .arg(TurnText::numberLocale().toString(rest));
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
    return TurnText::statusLine(turn, now);
}

TurnLayout::Tone TurnLayout::statusTone(const Turn &turn)
{
    if (turn.isRunning())
        return Tone::Progress;
    if (turn.status == Turn::Status::Cancelled)
        return Tone::Neutral;
    return turn.status == Turn::Status::Done ? Tone::Warning : Tone::Error;
}

QString TurnLayout::usageText(const Turn &turn)
{
    return TurnText::usageLine(turn);
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
    const QLocale locale = TurnText::numberLocale();
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
