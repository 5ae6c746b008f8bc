#include "librarymodel.h"

#include "timetext.h"

#include "model/turntext.h"
#include "store/historystore.h"
#include "whenready.h"

#include <QLocale>

LibraryModel::LibraryModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void LibraryModel::setHistoryStore(HistoryStore *store)
{
    m_store = store;
    QPointer<HistoryStore> guard(store);
    m_source = [guard](const LibraryFilter &filter, int offset, int limit) {
        if (!guard)
            return QtFuture::makeReadyFuture(QList<LibraryImage>());
        return guard->libraryImages(filter, offset, limit);
    };
    m_countSource = [guard](const LibraryFilter &filter) {
        return guard ? guard->libraryImageCount(filter) : QtFuture::makeReadyFuture(-1);
    };
    m_sink = [guard](const QString &hash, bool favourite) {
        if (guard)
            guard->setFavourite(hash, favourite);
    };
}

void LibraryModel::setFilter(const LibraryFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_atEnd = false;
    m_loading = false;
    m_total = -1;
    ++m_generation; // pages of the previous filter still on their way are dropped
    endResetModel();
    requestPage();
    requestCount();
}

void LibraryModel::requestCount()
{
    if (!m_countSource)
        return;
    const quint64 generation = m_generation;
    whenReady(m_countSource(m_filter), this, [this, generation](int total) {
        if (generation != m_generation)
            return;
        m_total = total;
        Q_EMIT totalCounted(total);
    });
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const LibraryImage &image = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return image.revisedPrompt.isEmpty() ? image.prompt : image.revisedPrompt;
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << image.prompt;
        // The size the image has, written as everywhere else ("1536 × 1024"); the requested
        // one only when the file was never measured.
        lines << QStringLiteral("%1 · %2 · %3 · %4")
                     .arg(image.imageModel,
                          image.quality.isEmpty() ? QStringLiteral("?") : image.quality,
                          image.pixelSize.isValid() ? TurnText::pixelSize(image.pixelSize)
                                                    : image.size,
                          image.format);
        const QString when = TimeText::shortDateTime(image.createdAt.toLocalTime());
        lines << (image.conversationTitle.isEmpty()
                      ? when
                      : image.conversationTitle + QStringLiteral(" · ") + when);
        return lines.join(QLatin1Char('\n'));
    }
    case ImageRole:
        return QVariant::fromValue(image);
    case FilePathRole:
        return image.filePath;
    case PixelSizeRole:
        return image.pixelSize;
    case FavouriteRole:
        return image.favourite;
    case ConversationIdRole:
        return image.conversationId;
    case TurnIdRole:
        return image.turnId;
    default:
        return {};
    }
}

bool LibraryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != FavouriteRole || !index.isValid() || index.row() >= m_rows.size())
        return false;
    setFavourite(index.row(), value.toBool());
    return true;
}

void LibraryModel::setFavourite(int row, bool favourite)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).favourite == favourite)
        return;
    m_rows[row].favourite = favourite;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, { FavouriteRole });
    if (m_sink)
        m_sink(m_rows.at(row).hash, favourite);
}

bool LibraryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading && m_source;
}

void LibraryModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void LibraryModel::requestPage()
{
    if (!m_source || m_loading || m_atEnd)
        return;
    m_loading = true;
    const quint64 generation = m_generation;
    const int offset = int(m_rows.size());
    const int limit = m_pageSize;
    whenReady(m_source(m_filter, offset, limit), this,
              [this, generation, offset, limit](const QList<LibraryImage> &page) {
                  if (generation != m_generation)
                      return;
                  m_loading = false;
                  m_atEnd = page.size() < limit;
                  if (!page.isEmpty()) {
                      beginInsertRows({}, offset, offset + int(page.size()) - 1);
                      m_rows.append(page);
                      endInsertRows();
                  }
                  Q_EMIT pageLoaded(offset, int(page.size()));
              });
}
