#pragma once

#include "model/turn.h"

#include <QPointer>
#include <QWidget>

class ImageCache;
class QLabel;
class QPushButton;
class QToolButton;

// Above the prompt while the next turn edits a generated image ("Edit this image"): a thumbnail
// of the image, what it is, its mask (if one is drawn) and the ways out. Hidden when there is no
// edit. The bar only shows state; the composer owns it.
//
// Object names, for tests: "editTargetBar", "editTargetThumbnail", "editTargetLabel",
// "maskButton", "removeMaskButton", "cancelEditButton".
class EditTargetBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int thumbnailSide = 44; // logical pixels

    explicit EditTargetBar(QWidget *parent = nullptr);

    void setImageCache(ImageCache *cache);
    // `label` says which image, e.g. "image 2 of “a lighthouse at dusk”".
    void setTarget(const QString &filePath, const QString &label);
    void clearTarget();
    // `summary` is shown after "Mask:", e.g. "12% may change"; empty summary: no mask.
    void setMaskSummary(const QString &summary);
    // A word about what the edit will give, e.g. that the result's shape differs from the
    // image's; empty: none.
    void setNote(const QString &note);

    QString labelText() const;

Q_SIGNALS:
    void maskRequested();
    void maskRemoved();
    void cancelled();

private:
    void refreshThumbnail();
    void updateTexts();

    QPointer<ImageCache> m_cache;
    QLabel *m_thumbnail;
    QLabel *m_label;
    QPushButton *m_mask;
    QPushButton *m_removeMask;
    QToolButton *m_cancel;
    QString m_filePath;
    QString m_targetLabel;
    QString m_maskSummary;
    QString m_note;
};
