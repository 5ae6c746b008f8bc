#include "comparehistory.h"

#include "comparerun.h"
#include "store/historystore.h"

#include <QJsonDocument>
#include <QUuid>

namespace {

// What makes a save of a cell due: its status and its images' states (previews included).
// Elapsed-time repaints change nothing here and save nothing.
QString signatureOf(int state, const Turn &turn)
{
    QString signature = QString::number(state) + Turn::statusName(turn.status);
    for (const ImageAsset &image : turn.images)
        signature += QStringLiteral("|%1:%2:%3:%4")
                         .arg(image.itemId)
                         .arg(int(image.state))
                         .arg(image.hash)
                         .arg(image.downloadedBytes < 0 ? 0 : 1);
    return signature;
}

} // namespace

CompareHistory::CompareHistory(HistoryStore *store, CompareRun *run, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_run(run)
{
    connect(run, &CompareRun::cellChanged, this, &CompareHistory::onCellChanged);
}

QString CompareHistory::titleFor(const CompareSpec &spec)
{
    QString prompt = spec.prompt.simplified();
    if (prompt.isEmpty()) {
        // Every prompt comes from a prompt axis: they name the run together.
        for (const CompareAxis &axis : spec.axes) {
            if (axis.parameter == CompareAxis::Parameter::Prompt)
                prompt = axis.values.join(QStringLiteral(" / ")).simplified();
        }
    }
    if (prompt.isEmpty())
        return tr("Compare");
    if (prompt.size() > 50)
        prompt = prompt.left(49) + QChar(0x2026);
    // A run without axes compares nothing (`easel generate` makes those): named by its prompt,
    // as a conversation is (found by QA: "Compare · a fox" with one cell).
    if (spec.axes.isEmpty())
        return prompt;
    return tr("Compare · %1").arg(prompt);
}

ConversationSummary CompareHistory::summaryFor(const CompareSpec &spec)
{
    ConversationSummary summary;
    summary.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    summary.kind = ConversationSummary::Kind::Compare;
    summary.compareSpec = QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact);
    summary.title = titleFor(spec);
    summary.providerId = spec.providerId;
    summary.chatModel = spec.chatModel;
    summary.imageModel = spec.base.imageModel;
    return summary;
}

void CompareHistory::onCellChanged(int index)
{
    if (!m_store)
        return;
    const CompareRun::Cell &cell = m_run->cell(index);
    if (cell.state == CompareRun::CellState::Queued && !m_run->wasCancelled())
        return; // nothing to keep yet
    if (m_conversationId.isEmpty()) {
        const ConversationSummary summary = summaryFor(m_run->spec());
        m_conversationId = summary.id;
        m_store->createConversation(summary); // queued before the first cell's save
        m_savedSignatures.resize(m_run->cells().size());
    }
    const QString signature = signatureOf(int(cell.state), cell.turn);
    if (m_savedSignatures.at(index) == signature)
        return;
    m_savedSignatures[index] = signature;
    Turn turn = cell.turn;
    turn.compareCell = index;
    m_store->saveTurn(m_conversationId, turn);
}

bool CompareHistory::fromStored(const ConversationSummary &summary, const QList<Turn> &turns,
                                StoredRun *run, QString *error)
{
    if (summary.kind != ConversationSummary::Kind::Compare) {
        *error = tr("\"%1\" is a conversation, not a comparison.").arg(summary.title);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(summary.compareSpec, &parseError);
    CompareSpec spec;
    QString specError;
    if (!document.isObject() || !CompareSpec::fromJson(document.object(), &spec, &specError)) {
        *error
            = tr("The comparison \"%1\" cannot be read back: %2")
                  .arg(summary.title, specError.isEmpty() ? parseError.errorString() : specError);
        return false;
    }
    StoredRun stored;
    stored.conversationId = summary.id;
    stored.spec = spec;
    const QList<CompareCell> cells = spec.cells();
    stored.cells.resize(cells.size());
    for (qsizetype i = 0; i < cells.size(); ++i) {
        Turn &turn = stored.cells[i];
        turn.compareCell = int(i);
        turn.prompt = cells.at(i).prompt;
        turn.providerId = cells.at(i).providerId;
        turn.requested = cells.at(i).params;
        turn.status = Turn::Status::Cancelled;
        turn.errorMessage = tr("Not run: Easel was closed before this cell started.");
    }
    for (const Turn &turn : turns) {
        if (turn.compareCell >= 0 && turn.compareCell < stored.cells.size())
            stored.cells[turn.compareCell] = turn;
    }
    *run = stored;
    return true;
}
