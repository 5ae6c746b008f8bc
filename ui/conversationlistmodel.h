#pragma once

#include "store/historytypes.h"

#include <QAbstractListModel>
#include <QList>

// The conversations of the sidebar, newest first (by last update). Renaming through setData()
// changes the row at once and asks for the store to follow with renameRequested().
// It can list only chats or only comparisons (setShown()): the rows are then those of that kind,
// while conversations() still holds every one it knows (found by QA: twenty `easel generate`
// runs pushed the day's chats off the first screen).
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SubtitleRole, // "21 Nov 2026 · 3 images · $0.12"
        SummaryRole,
    };

    enum class Shown { All, Chats, Comparisons };

    explicit ConversationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void setConversations(const QList<ConversationSummary> &conversations);
    // Every conversation known, listed or not, newest first.
    const QList<ConversationSummary> &conversations() const { return m_all; }
    ConversationSummary summaryAt(int row) const { return m_rows.value(row); }
    int rowOf(const QString &id) const; // -1 when absent or not listed
    // Whether the conversation with this id is of the kind listed; true for one not known yet
    // (e.g. created since the last load), which is never hidden.
    bool isListed(const QString &id) const;

    void setShown(Shown shown);
    Shown shown() const { return m_shown; }
    // How many conversations of each kind there are, listed or not.
    int count(Shown kind) const;
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
    bool isListed(const ConversationSummary &conversation) const;
    void relist();

    QList<ConversationSummary> m_all;
    QList<ConversationSummary> m_rows; // those of m_all that are listed, in the same order
    Shown m_shown = Shown::All;
};
