#include "conversationlistmodel.h"

#include "timetext.h"

#include <QLocale>

#include <algorithm>
#include <iterator>

namespace {

bool newerFirst(const ConversationSummary &a, const ConversationSummary &b)
{
    const QDateTime at = a.updatedAt.isValid() ? a.updatedAt : a.createdAt;
    const QDateTime bt = b.updatedAt.isValid() ? b.updatedAt : b.createdAt;
    return at > bt;
}

} // namespace

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString ConversationListModel::listedCost(const Cost &cost)
{
    // The digits the turns and the status bar show (found by QA: "$0.071 estimated" there read
    // "≈ $0.07" here); an estimate marked as one, the demo's figure as not money. A total of
    // an unknown basis still shows its figure.
    return cost.isKnown() ? cost.compact() : Cost::formatUsd(cost.usd);
}

QString ConversationListModel::subtitle(const ConversationSummary &c)
{
    const QDateTime when = (c.updatedAt.isValid() ? c.updatedAt : c.createdAt).toLocalTime();
    QStringList parts;
    if (when.isValid())
        parts << (when.date() == QDate::currentDate()
                      ? TimeText::shortTime(when.time()) // 2:05 PM
                      : QLocale().toString(when.date(), QLocale::ShortFormat));
    if (c.kind == ConversationSummary::Kind::Compare)
        parts << tr("%n cell(s)", nullptr, c.turnCount);
    parts << tr("%n image(s)", nullptr, c.imageCount);
    if (c.totalCost.isKnown())
        parts << listedCost(c.totalCost);
    return parts.join(QStringLiteral(" · "));
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ConversationSummary &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return c.title.isEmpty() ? tr("Untitled") : c.title;
    case Qt::EditRole:
        return c.title;
    case Qt::ToolTipRole:
        return QString(c.title + QLatin1Char('\n') + subtitle(c) + QLatin1Char('\n')
                       + tr("%n turn(s) · %1", nullptr, c.turnCount).arg(c.totalCost.formatted()));
    case IdRole:
        return c.id;
    case SubtitleRole:
        return subtitle(c);
    case SummaryRole:
        return QVariant::fromValue(c);
    default:
        return {};
    }
}

bool ConversationListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= m_rows.size())
        return false;
    const QString title = value.toString().simplified();
    ConversationSummary &c = m_rows[index.row()];
    if (title.isEmpty() || title == c.title)
        return false;
    c.title = title;
    for (ConversationSummary &known : m_all) {
        if (known.id == c.id)
            known.title = title;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT renameRequested(c.id, title);
    return true;
}

Qt::ItemFlags ConversationListModel::flags(const QModelIndex &index) const
{
    return QAbstractListModel::flags(index)
        | (index.isValid() ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

void ConversationListModel::setConversations(const QList<ConversationSummary> &conversations)
{
    m_all = conversations;
    std::stable_sort(m_all.begin(), m_all.end(), newerFirst);
    relist();
}

void ConversationListModel::setShown(Shown shown)
{
    if (shown == m_shown)
        return;
    m_shown = shown;
    relist();
}

int ConversationListModel::count(Shown kind) const
{
    if (kind == Shown::All)
        return int(m_all.size());
    const auto wanted = kind == Shown::Chats ? ConversationSummary::Kind::Chat
                                             : ConversationSummary::Kind::Compare;
    return int(std::count_if(m_all.cbegin(), m_all.cend(),
                             [wanted](const auto &c) { return c.kind == wanted; }));
}

bool ConversationListModel::isListed(const ConversationSummary &conversation) const
{
    switch (m_shown) {
    case Shown::All:
        return true;
    case Shown::Chats:
        return conversation.kind == ConversationSummary::Kind::Chat;
    case Shown::Comparisons:
        return conversation.kind == ConversationSummary::Kind::Compare;
    }
    return true;
}

bool ConversationListModel::isListed(const QString &id) const
{
    const auto known = std::find_if(m_all.cbegin(), m_all.cend(),
                                    [&id](const ConversationSummary &c) { return c.id == id; });
    return known == m_all.cend() || isListed(*known);
}

void ConversationListModel::relist()
{
    beginResetModel();
    m_rows.clear();
    std::copy_if(m_all.cbegin(), m_all.cend(), std::back_inserter(m_rows),
                 [this](const ConversationSummary &c) { return isListed(c); });
    endResetModel();
}

int ConversationListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

ConversationSummary ConversationListModel::take(const QString &id)
{
    const auto known = std::find_if(m_all.begin(), m_all.end(),
                                    [&id](const ConversationSummary &c) { return c.id == id; });
    if (known == m_all.end())
        return {};
    ConversationSummary taken = *known;
    m_all.erase(known);
    if (const int row = rowOf(id); row >= 0) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    return taken;
}

void ConversationListModel::insert(const ConversationSummary &conversation)
{
    take(conversation.id);
    m_all.insert(std::upper_bound(m_all.begin(), m_all.end(), conversation, newerFirst),
                 conversation);
    if (!isListed(conversation))
        return;
    const auto it = std::upper_bound(m_rows.begin(), m_rows.end(), conversation, newerFirst);
    const int row = int(it - m_rows.begin());
    beginInsertRows({}, row, row);
    m_rows.insert(row, conversation);
    endInsertRows();
}
