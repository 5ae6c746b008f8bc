#include "conversationmodel.h"

#include "gateway/imagelinks.h"
#include "model/turntext.h"

#include <QSet>
#include <QStringList>
#include <QTextDocument>

#include <algorithm>

namespace {

// A reply's Markdown as the view shows it, without its marks: a screen reader should say
// "Palette: teal", not "hash hash Palette: star star teal star star" (found by a helper's
// review). Parsed as the view parses it (GitHub dialect, raw HTML as text).
QString withoutMarkdown(const QString &markdown)
{
    QTextDocument document;
    document.setMarkdown(markdown,
                         QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                         | QTextDocument::MarkdownNoHTML));
    QString text = document.toPlainText();
    text.remove(QChar::ObjectReplacementCharacter); // an image the view shows as a link
    return text;
}

// The answer's first words as a screen reader should hear them: without Markdown marks and the
// links of images shown inline (the view leaves them out too), on one line, cut at a word.
QString answerHead(const Turn &turn)
{
    QSet<QString> shown;
    for (const ImageAsset &image : turn.images) {
        if (!image.sourceUrl.isEmpty())
            shown.insert(image.sourceUrl);
    }
    const qsizetype limit = ConversationModel::describedAnswerLength;
    QString text = shown.isEmpty() ? turn.text : ImageLinks::stripImageLinks(turn.text, shown);
    // Only the head is read: a long reply is not parsed whole for its first 300 characters
    // (marks and links take room, hence the margin).
    const qsizetype parsed = limit * 4;
    const bool longer = text.size() > parsed;
    text = withoutMarkdown(text.left(parsed)).simplified();
    if (text.size() <= limit)
        return longer ? text + QStringLiteral("…") : text;
    qsizetype cut = text.lastIndexOf(QLatin1Char(' '), limit);
    if (cut < limit / 2) // one very long word: cut inside it, but not inside a surrogate pair
        cut = text.at(limit - 1).isHighSurrogate() ? limit - 1 : limit;
    return text.left(cut) + QStringLiteral("…");
}

// "2 images, 1024 × 1024" (or each size when they differ); empty without final images.
QString imagesLine(const Turn &turn)
{
    QStringList sizes;
    for (const ImageAsset &image : turn.images) {
        if (image.state != ImageAsset::State::Final || !image.pixelSize.isValid())
            continue;
        const QString size = TurnText::pixelSize(image.pixelSize);
        if (!sizes.contains(size))
            sizes << size;
    }
    const int count = turn.finalImageCount();
    if (count == 0)
        return {};
    if (sizes.isEmpty())
        return ConversationModel::tr("%n image(s)", nullptr, count);
    return ConversationModel::tr("%n image(s), %1", nullptr, count)
        .arg(TurnText::numberLocale().createSeparatedList(sizes)); // "a, b and c", even in "C"
}

} // namespace

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
    case Qt::AccessibleDescriptionRole:
        return accessibleDescription(turn);
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

QString ConversationModel::accessibleDescription(const Turn &turn)
{
    QStringList lines;
    // The status line as the view writes it. A finished turn has none (its usage line says it
    // ended), so the description says "done" first, before any warning.
    if (turn.status == Turn::Status::Done)
        lines << Turn::statusText(turn.status);
    // Without a clock: the description must not change every second while the turn runs.
    lines << TurnText::statusLine(turn, QDateTime());
    lines << answerHead(turn);
    lines << imagesLine(turn);
    lines << TurnText::usageLine(turn);
    lines.removeAll(QString());
    return lines.join(QLatin1Char('\n'));
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
