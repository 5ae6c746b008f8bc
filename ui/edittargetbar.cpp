#include "edittargetbar.h"

#include "image/imagecache.h"
#include "imagedrawing.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QtMath>

EditTargetBar::EditTargetBar(QWidget *parent)
    : QWidget(parent)
    , m_thumbnail(new QLabel(this))
    , m_label(new QLabel(this))
    , m_mask(new QPushButton(this))
    , m_removeMask(new QPushButton(tr("Remove Mask"), this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("editTargetBar"));
    setAccessibleName(tr("Image being edited"));
    m_thumbnail->setObjectName(QStringLiteral("editTargetThumbnail"));
    m_thumbnail->setFixedSize(thumbnailSide, thumbnailSide);
    m_thumbnail->setAlignment(Qt::AlignCenter);
    m_label->setObjectName(QStringLiteral("editTargetLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);

    m_mask->setObjectName(QStringLiteral("maskButton"));
    m_mask->setToolTip(tr("Paint the part of the image that may change; the rest is kept"));
    m_removeMask->setObjectName(QStringLiteral("removeMaskButton"));
    m_removeMask->setAccessibleName(tr("Remove mask"));
    m_removeMask->setToolTip(tr("Let the edit change the whole image again"));
    m_cancel->setObjectName(QStringLiteral("cancelEditButton"));
    m_cancel->setText(QStringLiteral("×"));
    m_cancel->setAccessibleName(tr("Stop editing this image"));
    m_cancel->setToolTip(tr("Stop editing this image: the next prompt makes a new one"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_thumbnail);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_mask);
    layout->addWidget(m_removeMask);
    layout->addWidget(m_cancel);

    connect(m_mask, &QPushButton::clicked, this, &EditTargetBar::maskRequested);
    connect(m_removeMask, &QPushButton::clicked, this, &EditTargetBar::maskRemoved);
    connect(m_cancel, &QToolButton::clicked, this, &EditTargetBar::cancelled);
    updateTexts();
    hide();
}

void EditTargetBar::setImageCache(ImageCache *cache)
{
    if (m_cache)
        m_cache->disconnect(this);
    m_cache = cache;
    if (!cache)
        return;
    auto refreshFor = [this](const QString &filePath) {
        if (filePath == m_filePath)
            refreshThumbnail();
    };
    connect(cache, &ImageCache::imageReady, this, refreshFor);
    connect(cache, &ImageCache::imageFailed, this, refreshFor);
    refreshThumbnail();
}

void EditTargetBar::setTarget(const QString &filePath, const QString &label)
{
    m_filePath = filePath;
    m_targetLabel = label;
    m_maskSummary.clear();
    refreshThumbnail();
    updateTexts();
    show();
}

void EditTargetBar::clearTarget()
{
    m_filePath.clear();
    m_targetLabel.clear();
    m_maskSummary.clear();
    m_thumbnail->clear();
    hide();
}

void EditTargetBar::setMaskSummary(const QString &summary)
{
    m_maskSummary = summary;
    updateTexts();
}

QString EditTargetBar::labelText() const
{
    return m_label->text();
}

void EditTargetBar::setNote(const QString &note)
{
    if (note == m_note)
        return;
    m_note = note;
    updateTexts();
}

void EditTargetBar::updateTexts()
{
    const bool masked = !m_maskSummary.isEmpty();
    QString text = tr("Editing %1").arg(m_targetLabel);
    if (masked)
        text += QStringLiteral(" · ") + tr("Mask: %1").arg(m_maskSummary);
    if (!m_note.isEmpty())
        text += QStringLiteral(" · ") + m_note;
    m_label->setText(text);
    m_mask->setText(masked ? tr("Edit Mask…") : tr("Draw Mask…"));
    m_mask->setAccessibleName(masked ? tr("Edit mask") : tr("Draw mask"));
    m_removeMask->setVisible(masked);
}

void EditTargetBar::refreshThumbnail()
{
    if (m_filePath.isEmpty() || !m_cache)
        return;
    // Decoded small on the cache's worker threads; imageReady brings us back.
    const int side = qCeil(thumbnailSide * devicePixelRatioF());
    const QImage image = m_cache->image(m_filePath, QSize(side, side));
    if (!image.isNull()) {
        QPixmap pixmap = QPixmap::fromImage(image);
        pixmap.setDevicePixelRatio(devicePixelRatioF());
        m_thumbnail->setPixmap(pixmap);
        m_thumbnail->setToolTip(m_filePath);
        return;
    }
    m_thumbnail->setPixmap(
        ImageDrawing::placeholderTile(thumbnailSide, devicePixelRatioF(), palette()));
    const QString error = m_cache->errorFor(m_filePath);
    m_thumbnail->setToolTip(error.isEmpty() ? m_filePath : tr("No preview: %1").arg(error));
}
