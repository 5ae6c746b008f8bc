#pragma once

#include "store/historytypes.h"

#include <QAbstractListModel>
#include <QList>

// The conversations of the sidebar, newest first (by last update). Renaming through setData()
// changes the row at once and asks for the store to follow with renameRequested().
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SubtitleRole, // "21 Nov 2026 · 3 images · $0.12"
        SummaryRole,
    };

    explicit ConversationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void setConversations(const QList<ConversationSummary> &conversations);
    const QList<ConversationSummary> &conversations() const { return m_rows; }
    ConversationSummary summaryAt(int row) const { return m_rows.value(row); }
    int rowOf(const QString &id) const; // -1 when absent
    // Takes a conversation out (e.g. deleted) and returns it so that an undo can put it back.
    ConversationSummary take(const QString &id);
    // Puts a conversation in at its place by date (replacing a row with the same id).
    void insert(const ConversationSummary &conversation);

    static QString subtitle(const ConversationSummary &conversation);
    // A conversation's total as the list shows it: "$0.12" billed, "≈ $0.12" estimated,
    // "$0.00 demo".
    static QString listedCost(const Cost &cost);

Q_SIGNALS:
    void renameRequested(const QString &id, const QString &title);

private:
    QList<ConversationSummary> m_rows;
};
