#pragma once

#include <QCoreApplication>

#include "model/turn.h"

#include <QDateTime>
#include <QFont>
#include <QList>
#include <QPoint>
#include <QRect>
#include <QSize>
#include <QString>

#include <memory>

class QTextDocument;

// The geometry of one turn at one width: where the prompt bubble, the answer text, each image and
// the status and usage lines go. sizeHint(), paint() and hit-testing all read the same layout, so
// what is clicked is what was drawn. Rects are relative to the row's top-left corner.
//
// Images get their rect from ImageAsset::pixelSize (or the requested size while nothing is known)
// before any pixel is decoded, so a row does not change height when its images arrive.
//
// The references of a turn are laid out the same way: the reference images sent with the prompt
// as a row of square thumbnails under the bubble (a fixed size, so no file is read to lay them
// out), and for an edit the image it edits ("Original", sized from its parent ImageAsset's
// pixelSize) at the start of the image area, an arrow, then the results beside it.
//
// A layout can also be an estimate: the same geometry for everything but the two texts, whose
// heights are guessed from their length and the width instead of laying out a QTextDocument.
// The view gives rows it has not shown yet an estimated height, which costs a small fraction of
// an exact layout; an estimate is never painted or hit-tested.
class TurnLayout
{
    Q_DECLARE_TR_FUNCTIONS(TurnLayout)

public:
    // Spacing, in logical pixels. The column is centred and capped so lines stay readable.
    static constexpr int sideMargin = 24;
    static constexpr int maxColumnWidth = 860;
    static constexpr int topPadding = 14;
    static constexpr int bottomPadding = 22;
    static constexpr int bubblePaddingX = 14;
    static constexpr int bubblePaddingY = 9;
    static constexpr int bubbleRadius = 16;
    static constexpr int imageRadius = 12;
    // Images are shown at most this tall, and taller on a tall window (imageHeightFor()).
    static constexpr int maxImageHeight = 512;
    static constexpr int failedCardHeight = 84;
    static constexpr int failedCardWidth = 440;
    // A linked image whose download failed also shows its link and a Retry button.
    static constexpr int failedLinkCardHeight = 112;
    static constexpr int smallGap = 6;
    static constexpr int gap = 12;
    // Reference thumbnails: at most this many, then a "+N" tile for the rest.
    static constexpr int thumbnailSide = 48;
    static constexpr int thumbnailRadius = 8;
    static constexpr int maxThumbnails = 6;
    // The Original tile of an edit: a share of the result's width, within these bounds.
    static constexpr int parentSharePercent = 40;
    static constexpr int minParentWidth = 64;
    static constexpr int maxParentSide = 220;
    static constexpr int arrowWidth = 36;

    struct ImageSlot
    {
        int index = -1; // into Turn::images
        QRect rect;
        QRect retry; // the Retry button of a failed linked image; null otherwise
    };

    struct Thumbnail
    {
        int index = -1; // into Turn::attachments
        QRect rect;
    };

    enum class Measure { Exact, Estimate };
    // What an edit turn's Original tile shows: nothing (not an edit), the parent image, or a note
    // that the parent is no longer in the conversation.
    enum class Parent { None, Found, Missing };

    TurnLayout() = default;
    // Lays out `turn` for a row `width` logical pixels wide, with `font` as the body font.
    // `parent` is the image an edit turn edits (Turn::editOf looked up in the conversation);
    // null when it is not there any more, ignored for a turn that edits nothing.
    // `previous`, an earlier layout of the same turn, lends its answer document when the answer,
    // the font and the width are unchanged: a running turn changes its status, usage and images
    // far more often than its text, and shaping a long answer again took tens of milliseconds.
    // `imageHeightLimit` is how tall an image may be shown (imageHeightFor() the viewport).
    TurnLayout(const Turn &turn, int width, const QFont &font, Measure measure = Measure::Exact,
               const ImageAsset *parent = nullptr, const TurnLayout *previous = nullptr,
               int imageHeightLimit = maxImageHeight);

    bool isValid() const { return m_width > 0; }
    bool isEstimate() const { return m_estimate; }
    int width() const { return m_width; }
    int imageHeightLimit() const { return m_imageHeightLimit; }
    // How tall images may be shown in a viewport this tall: maxImageHeight, and up to 3/5 of a
    // taller viewport, at most maxColumnWidth (a square as wide as the column). On a large monitor
    // a concept fills more of the screen; on a laptop it stays whole in view with its text.
    static int imageHeightFor(int viewportHeight);
    QSize size() const { return { m_width, m_height }; }

    QRect columnRect() const { return m_column; }
    // The column of a conversation laid out `width` pixels wide: centred, at most maxColumnWidth,
    // sideMargin from each side. Its height is 0.
    static QRect column(int width);
    QRect promptBubbleRect() const { return m_promptBubble; }
    QRect promptTextRect() const { return m_promptText; }
    // The thumbnails' strip, right-aligned under the prompt bubble.
    QRect attachmentRect() const { return m_attachments; }
    const QList<Thumbnail> &thumbnails() const { return m_thumbnails; }
    // The "+N" tile standing for the attachments without a thumbnail; null when all have one.
    QRect moreThumbnailsRect() const { return m_moreThumbnails; }
    int moreThumbnailsCount() const { return m_moreCount; }
    Parent parentState() const { return m_parentState; }
    // The parent as it was laid out (default when None or Missing).
    const ImageAsset &parentImage() const { return m_parentImage; }
    QRect parentTileRect() const { return m_parentTile; }
    QRect parentLabelRect() const { return m_parentLabel; }
    QRect arrowRect() const { return m_arrow; }
    // Whether this layout was made with `parent` as the turn's parent (a cached layout is stale
    // once the parent changed or left the conversation).
    bool hasParent(const ImageAsset *parent) const;
    QRect headerRect() const { return m_header; }
    QRect textRect() const { return m_text; }
    const QList<ImageSlot> &images() const { return m_images; }
    QRect statusRect() const { return m_status; }
    QRect usageRect() const { return m_usage; }

    // Null when the turn has no such part.
    QTextDocument *promptDocument() const { return m_promptDocument.get(); }
    QTextDocument *textDocument() const { return m_textDocument.get(); }

    QFont bodyFont() const { return m_bodyFont; }
    QFont smallFont() const { return m_smallFont; }
    QFont labelFont() const { return m_labelFont; }

    // Index into Turn::images of the image under `point` (row coordinates), or -1.
    int imageIndexAt(QPoint point) const;
    // Index into Turn::attachments of the thumbnail under `point`, or -1 (also on "+N").
    int attachmentIndexAt(QPoint point) const;
    // Whether `point` is on the Original tile (found or missing: see parentState()).
    bool parentTileAt(QPoint point) const;
    // Index into Turn::images of the image whose Retry button is under `point`, or -1.
    int retryIndexAt(QPoint point) const;
    // The link under `point` in the answer text, or an empty string.
    QString anchorAt(QPoint point) const;

    // The size an image is shown at: its pixel size (or the requested size, or a square while
    // neither is known) scaled down to fit `maxWidth` x `maxHeight`, never enlarged.
    static QSize imageDisplaySize(const ImageAsset &image, const ImageParams &requested,
                                  int maxWidth, int maxHeight = maxImageHeight);
    // The answer as shown: Markdown image links to images already shown inline are removed, and
    // past maxShownTextLength characters a note stands for the rest (Copy Answer has it all).
    static QString displayedText(const Turn &turn);
    // The most of an answer a row lays out: QTextDocument lays out and shapes on the GUI thread,
    // some 100 ms for 64 KB of text without spaces.
    static constexpr qsizetype maxShownTextLength = 64 * 1024;
    // "gpt-5 · gpt-image-1.5", empty when neither is known.
    static QString headerText(const Turn &turn);
    // The line under a running or ended turn: "Generating… 12 s", the error, "Stopped", ...
    // Empty when there is nothing to say. The words are TurnText's, shared with the model's
    // accessible description.
    static QString statusText(const Turn &turn, const QDateTime &now);
    // Neutral: the designer's own Stop, which is no failure.
    enum class Tone { Progress, Error, Warning, Neutral };
    static Tone statusTone(const Turn &turn);
    // "in 1,889 · out 1,434 (reasoning 1,280) · image 196 tokens · 1 image · $0.04 estimated · 38.2
    // s" (TurnText::usageLine).
    static QString usageText(const Turn &turn);
    static QString attachmentText(const Turn &turn);
    // The placeholder of a linked image being downloaded: "Downloading… 1.2 MB of 3.4 MB".
    static QString downloadText(const ImageAsset &image);
    // Where a failed linked image's card puts its Retry button, `font` being the card's text font.
    static QRect retryButtonRect(const QRect &card, const QFont &font);

private:
    // Lays the thumbnails out right-aligned in the column from `top`; returns their height.
    int layOutThumbnails(const Turn &turn, int top);
    // Lays the Original tile and the arrow out at the start of the image area, from `top`.
    // Returns how much of the column's width the results are left with.
    int layOutParent(const Turn &turn, const ImageAsset *parent, int top);

    int m_width = 0;
    int m_height = 0;
    bool m_estimate = false;
    int m_imageHeightLimit = maxImageHeight;
    QRect m_column;
    QRect m_promptBubble;
    QRect m_promptText;
    QRect m_attachments;
    QList<Thumbnail> m_thumbnails;
    QRect m_moreThumbnails;
    int m_moreCount = 0;
    Parent m_parentState = Parent::None;
    ImageAsset m_parentImage;
    QRect m_parentTile;
    QRect m_parentLabel;
    QRect m_arrow;
    QRect m_header;
    QRect m_text;
    QList<ImageSlot> m_images;
    QRect m_status;
    QRect m_usage;
    QFont m_bodyFont;
    QFont m_smallFont;
    QFont m_labelFont;
    // Shared so that copies of a layout (the cache hands them out) stay cheap.
    std::shared_ptr<QTextDocument> m_promptDocument;
    std::shared_ptr<QTextDocument> m_textDocument;
    QString m_answer; // what m_textDocument holds (displayedText())
};
