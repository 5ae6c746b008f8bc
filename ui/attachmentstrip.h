#pragma once

#include "model/turn.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class FlowLayout;
class ImageCache;
class QLabel;

// The reference images waiting to go with the next prompt, as small thumbnails above the prompt
// editor: each shows its file name as tooltip and has a remove (×) button. Hidden when empty.
// Thumbnails are decoded small on the image cache's worker threads, so a big file never stalls
// typing; a file that cannot be decoded shows a placeholder whose tooltip says why. The strip
// does not judge files (the composer checks them before adding).
//
// Object names, for tests: "attachmentStrip", each tile "attachmentTile" holding an
// "attachmentThumbnail" label and a "removeAttachmentButton".
class AttachmentStrip : public QWidget
{
    Q_OBJECT
public:
    static constexpr int thumbnailSide = 56; // logical pixels

    explicit AttachmentStrip(QWidget *parent = nullptr);

    // Shares the conversation view's decoded images. Without one the strip makes its own.
    void setImageCache(ImageCache *cache);

    QList<Attachment> attachments() const;
    int count() const { return int(m_tiles.size()); }
    bool contains(const QString &filePath) const;
    // Appends a tile; false (and nothing changes) when this file is already attached.
    bool add(const Attachment &attachment);
    void removeAt(int index);
    void clear();

    // Why the thumbnail of `index` could not be shown; empty while decoding or once shown.
    QString errorAt(int index) const;
    bool isThumbnailReady(int index) const;

    // The attachment a mask was drawn on shows a "Mask" badge (and `summary` in its tooltip);
    // "" for none. Tiles offer "Draw Mask…" in their context menu while masking is enabled.
    void setMaskedFile(const QString &filePath, const QString &summary);
    QString maskedFile() const { return m_maskedFile; }
    void setMaskingEnabled(bool enabled) { m_maskingEnabled = enabled; }
    // Where no mask can be drawn (the Compare window shows a stored run's), the tiles' menu
    // offers only removal (and Remove Mask on the masked one).
    void setMaskDrawingOffered(bool offered) { m_maskDrawingOffered = offered; }
    // Whether the designer may remove tiles (the × and the menu's Remove): not while what they
    // go with is being sent.
    void setRemovable(bool removable);

Q_SIGNALS:
    void attachmentsChanged();
    void maskRequested(const QString &filePath);
    void maskRemoved();

private:
    struct Tile
    {
        Attachment attachment;
        QWidget *frame = nullptr;
        QLabel *thumbnail = nullptr;
        QLabel *maskBadge = nullptr;
        QString error;
        bool ready = false;
    };

    ImageCache *cache();
    QSize targetPixels() const;
    void refresh(Tile &tile);
    void refreshPath(const QString &filePath);
    void removeFrame(QWidget *frame);
    QPixmap placeholder(bool failed) const;
    void updateVisibility();
    void showTileMenu(QWidget *frame, const QPoint &pos);

    FlowLayout *m_layout;
    QPointer<ImageCache> m_cache;
    QList<Tile> m_tiles;
    QString m_maskedFile;
    bool m_maskingEnabled = true;
    bool m_maskDrawingOffered = true;
    bool m_removable = true;
};
