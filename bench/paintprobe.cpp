#include "paintprobe.h"

#include "benchclock.h"

#include "chat/conversationmodel.h"
#include "conversationview.h"
#include "image/imagecache.h"

#include <QCoreApplication>
#include <QPaintEvent>

PaintProbe::PaintProbe(ConversationView *view, QObject *parent)
    : QObject(parent)
    , m_view(view)
{
    view->viewport()->installEventFilter(this);
    // Connected after the view's own slot, so the view has already asked for the repaint when
    // this notes the delivery; the paint that follows is the one that shows the pixels.
    connect(view->imageCache(), &ImageCache::imageReady, this, &PaintProbe::onImageReady);
    connect(view->model(), &QAbstractItemModel::dataChanged, this, &PaintProbe::onRowsChanged);
    connect(view->model(), &QAbstractItemModel::rowsInserted, this, &PaintProbe::onRowsChanged);
}

void PaintProbe::onRowsChanged()
{
    if (m_finalInModelNs != 0)
        return;
    const auto *model = qobject_cast<const ConversationModel *>(m_view->model());
    if (!model || model->rowCount() == 0)
        return;
    const Turn &turn = model->turnAt(model->rowCount() - 1);
    for (qsizetype i = 0; i < turn.images.size(); ++i) {
        const ImageAsset &image = turn.images.at(i);
        if (image.state == ImageAsset::State::Final && !image.filePath.isEmpty()) {
            m_finalInModelNs = benchNowNs();
            m_finalPath = image.filePath;
            m_finalIndex = int(i);
            // The stream worker may have handed the decoded pixels to the cache already (as
            // ChatSession does when it has a cache): then they are delivered with the row.
            if (!m_view->imageCache()->earlierDecode(image.filePath).isNull())
                m_deliveredNs = m_finalInModelNs;
            return;
        }
    }
}

void PaintProbe::onImageReady(const QString &filePath)
{
    if (m_deliveredNs == 0 && !m_finalPath.isEmpty() && filePath == m_finalPath)
        m_deliveredNs = benchNowNs();
}

bool PaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Paint || m_dispatching)
        return false;
    ++m_paints;
    if (m_deliveredNs == 0 || m_paintedNs != 0)
        return false;
    const QModelIndex row = m_view->model()->index(m_view->model()->rowCount() - 1, 0);
    const QRect imageRect = m_view->imageRect(row, m_finalIndex);
    if (!static_cast<QPaintEvent *>(event)->region().intersects(imageRect))
        return false;
    // The view paints through its own filter on the viewport, which runs after this one. To stamp
    // the end of the paint and not its start, deliver the event now (this filter lets the nested
    // delivery through) and swallow the original.
    m_paintStartNs = benchNowNs();
    m_dispatching = true;
    QCoreApplication::sendEvent(watched, event);
    m_dispatching = false;
    m_paintedNs = benchNowNs();
    return true;
}
