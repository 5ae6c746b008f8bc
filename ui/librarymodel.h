#pragma once

#include "store/historytypes.h"

#include <QAbstractListModel>
#include <QFuture>
#include <QPointer>

#include <functional>

class HistoryStore;

// Every final image across conversations, newest first, loaded page by page as the grid scrolls
// (canFetchMore/fetchMore), under the current LibraryFilter. Pages come from a PageSource, which
// is HistoryStore::libraryImages once setHistoryStore() is called; tests give their own.
class LibraryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ImageRole = Qt::UserRole + 1, // QVariant<LibraryImage>
        FilePathRole,
        PixelSizeRole,
        FavouriteRole,
        ConversationIdRole,
        TurnIdRole,
    };
    using PageSource
        = std::function<QFuture<QList<LibraryImage>>(const LibraryFilter &, int offset, int limit)>;
    using FavouriteSink = std::function<void(const QString &hash, bool favourite)>;
    // How many images a filter selects in all; -1 when it cannot say.
    using CountSource = std::function<QFuture<int>(const LibraryFilter &)>;

    explicit LibraryModel(QObject *parent = nullptr);

    void setHistoryStore(HistoryStore *store); // not owned; sets both the source and the sink
    void setPageSource(PageSource source) { m_source = std::move(source); }
    void setFavouriteSink(FavouriteSink sink) { m_sink = std::move(sink); }
    void setCountSource(CountSource source) { m_countSource = std::move(source); }
    void setPageSize(int size) { m_pageSize = size; }
    int pageSize() const { return m_pageSize; }

    // Drops what is loaded and loads the first page under `filter`.
    void setFilter(const LibraryFilter &filter);
    const LibraryFilter &filter() const { return m_filter; }
    void reload() { setFilter(m_filter); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    LibraryImage imageAt(int row) const { return m_rows.value(row); }
    bool isLoading() const { return m_loading; }
    bool isAtEnd() const { return m_atEnd; }
    // How many images the filter selects in all, loaded or not; -1 until counted (or without a
    // CountSource). totalCounted() says when it is known.
    int totalCount() const { return m_total; }
    // Marks (or unmarks) an image as a favourite here and in the store.
    void setFavourite(int row, bool favourite);

Q_SIGNALS:
    void pageLoaded(int offset, int count);
    void totalCounted(int total);

private:
    void requestPage();
    void requestCount();

    PageSource m_source;
    FavouriteSink m_sink;
    CountSource m_countSource;
    QPointer<HistoryStore> m_store;
    LibraryFilter m_filter;
    QList<LibraryImage> m_rows;
    int m_pageSize = 60;
    int m_total = -1;
    bool m_loading = false;
    bool m_atEnd = true;
    quint64 m_generation = 0;
};
