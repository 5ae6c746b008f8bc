#include "conversationmodel.h"

#include <algorithm>

ConversationModel::ConversationModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_turns.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Turn &turn = m_turns.at(index.row());
    switch (role) {
    case TurnRole:
        return QVariant::fromValue(turn);
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
    case PromptRole:
        return turn.prompt;
    case TextRole:
        return turn.text;
    case StatusRole:
        return int(turn.status);
    case ImageCountRole:
        return turn.finalImageCount();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TurnRole, "turn");
    names.insert(PromptRole, "prompt");
    names.insert(TextRole, "text");
    names.insert(StatusRole, "status");
    names.insert(ImageCountRole, "imageCount");
    return names;
}

const Turn &ConversationModel::turnAt(int row) const
{
    return m_turns.at(row);
}

int ConversationModel::rowOfTurn(const QString &turnId) const
{
    // Searched from the end: the turn being updated is almost always the newest one.
    for (qsizetype row = m_turns.size() - 1; row >= 0; --row) {
        if (m_turns.at(row).id == turnId)
            return int(row);
    }
    return -1;
}

std::optional<ImageAsset> ConversationModel::findImage(const ImageRef &ref) const
{
    if (ref.isNull())
        return std::nullopt;
    const int row = rowOfTurn(ref.turnId);
    if (row < 0)
        return std::nullopt;
    for (const ImageAsset &image : m_turns.at(row).images) {
        if (image.itemId == ref.itemId)
            return image;
    }
    return std::nullopt;
}

void ConversationModel::appendTurn(const Turn &turn)
{
    const int row = int(m_turns.size());
    beginInsertRows({}, row, row);
    m_turns.append(turn);
    endInsertRows();
    Q_EMIT totalsChanged();
}

void ConversationModel::updateTurn(const Turn &turn)
{
    const int row = rowOfTurn(turn.id);
    if (row < 0)
        return;
    m_turns[row] = turn;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
    Q_EMIT totalsChanged();
}

void ConversationModel::clear()
{
    beginResetModel();
    m_turns.clear();
    endResetModel();
    Q_EMIT totalsChanged();
}

void ConversationModel::setTurns(const QList<Turn> &turns)
{
    beginResetModel();
    m_turns = turns;
    endResetModel();
    Q_EMIT totalsChanged();
}

Cost ConversationModel::totalCost() const
{
    Cost total;
    for (const Turn &turn : m_turns)
        total += turn.cost;
    return total;
}

int ConversationModel::unpricedTurns() const
{
    return int(std::count_if(m_turns.cbegin(), m_turns.cend(), [](const Turn &turn) {
        return !turn.cost.isKnown() && turn.mayBeBilled();
    }));
}

Usage ConversationModel::totalUsage() const
{
    Usage total;
    for (const Turn &turn : m_turns)
        total += turn.usage;
    return total;
}

int ConversationModel::totalImages() const
{
    int count = 0;
    for (const Turn &turn : m_turns)
        count += turn.finalImageCount();
    return count;
}
