#include "historydatabase.h"

#include "datafolder.h"
#include "historyschema.h"
#include "historystatement.h"
#include "imagestore.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMap>
#include <QUuid>
#include <QVariant>

using HistoryStatement::fromMs;
using HistoryStatement::Statement;
using HistoryStatement::toMs;

namespace {

QString formatOf(const ImageAsset &image)
{
    if (!image.report.outputFormat.isEmpty())
        return image.report.outputFormat;
    const QString subtype = image.mimeType.section(QLatin1Char('/'), 1);
    return subtype;
}

// Written into the turn when it is found unfinished, in the language Easel has then.
QString interruptedMessage()
{
    return HistoryDatabase::tr(
        "Easel was closed before this turn finished; what had arrived is kept.");
}

} // namespace

HistoryDatabase::HistoryDatabase(const QString &path)
    : m_path(path)
    , m_connectionName(QStringLiteral("easel-history-%1").arg(quintptr(this)))
{
}

HistoryDatabase::~HistoryDatabase()
{
    closeConnection();
}

void HistoryDatabase::logError(const char *what, const QString &error) const
{
    qWarning("History: %s failed: %s", what, qPrintable(error));
}

bool HistoryDatabase::openConnection(QString *error)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    if (!m_db.open()) {
        // SQLite's own words ("unable to open database file"), without the driver's
        // "Error opening database" that text() adds.
        const QSqlError failure = m_db.lastError();
        *error = failure.databaseText().isEmpty() ? failure.text() : failure.databaseText();
        return false;
    }
    return true;
}

void HistoryDatabase::closeConnection()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
}

bool HistoryDatabase::isHealthy(QString *reason)
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA quick_check"))) {
        *reason = query.lastError().text();
        return false;
    }
    if (!query.next()) {
        *reason = tr("no answer to the integrity check");
        return false;
    }
    const QString verdict = query.value(0).toString();
    if (verdict != QLatin1String("ok")) {
        *reason = verdict;
        return false;
    }
    return true;
}

QString HistoryDatabase::corruptName(const QString &path, const QDateTime &when)
{
    const QFileInfo info(path);
    return info.absoluteDir().filePath(
        QStringLiteral("%1.corrupt-%2.sqlite")
            .arg(info.completeBaseName(), when.toString(QStringLiteral("yyyyMMdd-HHmmss"))));
}

QString HistoryDatabase::moveAside(QString *error)
{
    QString target = corruptName(m_path, QDateTime::currentDateTime());
    for (int n = 2; QFile::exists(target); ++n)
        target = target.chopped(7) + QStringLiteral("-%1.sqlite").arg(n);
    if (!QFile::rename(m_path, target)) {
        *error = tr("The history database %1 is damaged and could not be moved "
                    "aside.")
                     .arg(m_path);
        return {};
    }
    // The journal files belong to the damaged file: they go with it, never into the new one.
    for (const char *suffix : { "-wal", "-shm" }) {
        const QString journal = m_path + QLatin1String(suffix);
        if (QFile::exists(journal) && !QFile::rename(journal, target + QLatin1String(suffix)))
            QFile::remove(journal);
    }
    return target;
}

HistoryStore::OpenResult HistoryDatabase::open()
{
    HistoryStore::OpenResult result;
    closeConnection();
    QString error;
    // A fresh --data-dir has no folder yet.
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder)) {
        const QString why = DataFolder::problem(folder);
        result.error = tr("The history database %1 could not be opened: %2")
                           .arg(m_path, why.isEmpty() ? tr("its folder cannot be made.") : why);
        return result;
    }
    // Only a file is moved aside as damaged: a folder in its place is not a database of ours.
    const QFileInfo file(m_path);
    const bool existed = file.isFile() && file.size() > 0;
    bool healthy = openConnection(&error);
    if (healthy && existed)
        healthy = isHealthy(&error);
    if (!healthy && existed) {
        closeConnection();
        qWarning("History: %s is damaged (%s); moving it aside", qPrintable(m_path),
                 qPrintable(error));
        result.movedAsideTo = moveAside(&result.error);
        if (result.movedAsideTo.isEmpty())
            return result;
        healthy = openConnection(&error);
    }
    if (!healthy) {
        closeConnection();
        result.error = tr("The history database %1 could not be opened: %2.").arg(m_path, error);
        return result;
    }

    QSqlQuery pragma(m_db);
    pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    pragma.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    pragma.exec(QStringLiteral("PRAGMA busy_timeout = 5000"));

    if (!HistorySchema::migrate(m_db, &result.error)) {
        closeConnection();
        return result;
    }
    m_open = true;
    result.ok = true;
    result.schemaVersion = HistorySchema::currentVersion();
    result.interruptedTurns = markInterrupted();
    return result;
}

int HistoryDatabase::markInterrupted()
{
    Statement select(
        m_db, QStringLiteral("SELECT id, data FROM turns WHERE status IN (?, ?)"),
        { Turn::statusName(Turn::Status::Pending), Turn::statusName(Turn::Status::Streaming) });
    if (!select.exec()) {
        logError("finding interrupted turns", select.error());
        return 0;
    }
    QList<std::pair<QString, Turn>> found;
    while (select.query().next()) {
        const QJsonObject object
            = QJsonDocument::fromJson(select.query().value(1).toString().toUtf8()).object();
        found.append({ select.query().value(0).toString(), Turn::fromJson(object) });
    }
    m_db.transaction();
    for (auto &[id, turn] : found) {
        turn.status = Turn::Status::Interrupted;
        if (turn.errorMessage.isEmpty())
            turn.errorMessage = interruptedMessage();
        Statement update(
            m_db, QStringLiteral("UPDATE turns SET status = ?, data = ? WHERE id = ?"),
            { Turn::statusName(turn.status),
              QString::fromUtf8(QJsonDocument(turn.toJson()).toJson(QJsonDocument::Compact)), id });
        if (!update.exec())
            logError("marking a turn interrupted", update.error());
    }
    m_db.commit();
    return int(found.size());
}

QList<ConversationSummary> HistoryDatabase::conversations()
{
    QList<ConversationSummary> list;
    if (!m_open)
        return list;
    Statement select(
        m_db,
        QStringLiteral(
            "SELECT c.id, c.title, c.provider_id, c.chat_model, c.image_model, c.created_at,"
            " c.updated_at, c.kind, c.compare_spec,"
            " (SELECT count(*) FROM turns t WHERE t.conversation_id = c.id),"
            " (SELECT count(*) FROM images i JOIN turns t ON t.id = i.turn_id"
            "   WHERE t.conversation_id = c.id)"
            " FROM conversations c WHERE c.deleted = 0"
            " ORDER BY c.updated_at DESC, c.created_at DESC, c.rowid DESC"));
    if (!select.exec()) {
        logError("listing conversations", select.error());
        return list;
    }
    QMap<QString, qsizetype> rowOf;
    while (select.query().next()) {
        const QSqlQuery &q = select.query();
        ConversationSummary c;
        c.id = q.value(0).toString();
        c.title = q.value(1).toString();
        c.providerId = q.value(2).toString();
        c.chatModel = q.value(3).toString();
        c.imageModel = q.value(4).toString();
        c.createdAt = fromMs(q.value(5));
        c.updatedAt = fromMs(q.value(6));
        c.kind = q.value(7).toString() == QLatin1String("compare")
            ? ConversationSummary::Kind::Compare
            : ConversationSummary::Kind::Chat;
        c.compareSpec = q.value(8).toString().toUtf8();
        c.turnCount = q.value(9).toInt();
        c.imageCount = q.value(10).toInt();
        rowOf.insert(c.id, list.size());
        list.append(c);
    }
    Statement costs(m_db,
                    QStringLiteral("SELECT conversation_id, cost_basis, sum(cost_usd) FROM turns"
                                   " GROUP BY conversation_id, cost_basis"));
    if (costs.exec()) {
        while (costs.query().next()) {
            const auto row = rowOf.constFind(costs.query().value(0).toString());
            if (row == rowOf.constEnd())
                continue;
            Cost part;
            part.basis = Cost::basisFromLabel(costs.query().value(1).toString());
            part.usd = costs.query().value(2).toDouble();
            list[*row].totalCost += part;
        }
    }
    return list;
}

ConversationSummary HistoryDatabase::createConversation(const ConversationSummary &conversation)
{
    ConversationSummary c = conversation;
    if (!m_open)
        return {};
    if (c.id.isEmpty())
        c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!c.createdAt.isValid())
        c.createdAt = QDateTime::currentDateTime();
    if (!c.updatedAt.isValid())
        c.updatedAt = c.createdAt;
    Statement insert(m_db,
                     QStringLiteral("INSERT INTO conversations (id, title, provider_id, chat_model,"
                                    " image_model, created_at, updated_at, kind, compare_spec)"
                                    " VALUES (?,?,?,?,?,?,?,?,?)"),
                     { c.id, c.title, c.providerId, c.chatModel, c.imageModel, toMs(c.createdAt),
                       toMs(c.updatedAt),
                       c.kind == ConversationSummary::Kind::Compare ? QStringLiteral("compare")
                                                                    : QStringLiteral("chat"),
                       QString::fromUtf8(c.compareSpec) });
    if (!insert.exec()) {
        logError("creating a conversation", insert.error());
        return {};
    }
    c.turnCount = 0;
    c.imageCount = 0;
    c.totalCost = Cost();
    return c;
}

bool HistoryDatabase::renameConversation(const QString &id, const QString &title)
{
    if (!m_open)
        return false;
    Statement update(m_db, QStringLiteral("UPDATE conversations SET title = ? WHERE id = ?"),
                     { title, id });
    return update.exec() && update.query().numRowsAffected() > 0;
}

bool HistoryDatabase::setConversationDeleted(const QString &id, bool deleted)
{
    if (!m_open)
        return false;
    Statement update(m_db, QStringLiteral("UPDATE conversations SET deleted = ? WHERE id = ?"),
                     { deleted ? 1 : 0, id });
    return update.exec() && update.query().numRowsAffected() > 0;
}

bool HistoryDatabase::purgeDeletedConversations()
{
    return purgeDeleted({}) >= 0;
}

int HistoryDatabase::purgeDeleted(const QString &id)
{
    if (!m_open || !m_db.transaction())
        return -1;
    // "" = every deleted conversation, else only `id` (and only when it is marked deleted).
    const QVariantList values { id, id };
    // The FTS rows share the turns' rowids and have no foreign key: they go first, by hand.
    Statement fts(m_db,
                  QStringLiteral("DELETE FROM turns_fts WHERE rowid IN (SELECT t.rowid FROM"
                                 " turns t JOIN conversations c ON c.id = t.conversation_id"
                                 " WHERE c.deleted = 1 AND (? = '' OR c.id = ?))"),
                  values);
    Statement purge(m_db,
                    QStringLiteral("DELETE FROM conversations"
                                   " WHERE deleted = 1 AND (? = '' OR id = ?)"),
                    values);
    if (!fts.exec() || !purge.exec()) {
        logError("purging deleted conversations", fts.error() + purge.error());
        m_db.rollback();
        return -1;
    }
    const int purged = purge.query().numRowsAffected();
    if (!m_db.commit()) {
        logError("purging deleted conversations", m_db.lastError().text());
        m_db.rollback();
        return -1;
    }
    return purged;
}

bool HistoryDatabase::referencedFileNames(QSet<QString> *names)
{
    if (!m_open)
        return false;
    // The image rows, and the turns' own record of every image and attachment they show: a
    // stopped turn keeps its last partial preview, which has no image row.
    Statement select(m_db,
                     QStringLiteral("SELECT file_path FROM images"
                                    " UNION SELECT json_extract(j.value, '$.file')"
                                    " FROM turns, json_each(turns.data, '$.images') j"
                                    " UNION SELECT json_extract(j.value, '$.file')"
                                    " FROM turns, json_each(turns.data, '$.attachments') j"));
    Statement hashes(m_db, QStringLiteral("SELECT DISTINCT hash, mime_type FROM images"));
    if (!select.exec() || !hashes.exec()) {
        logError("listing the files in use", select.error() + hashes.error());
        return false;
    }
    while (select.query().next()) {
        const QString path = select.query().value(0).toString();
        if (!path.isEmpty())
            names->insert(QFileInfo(path).fileName());
    }
    // The name the store gives the content, whatever path the row remembers.
    while (hashes.query().next())
        names->insert(hashes.query().value(0).toString() + QLatin1Char('.')
                      + ImageStore::extensionFor(hashes.query().value(1).toString()));
    return true;
}

QList<Turn> HistoryDatabase::turns(const QString &conversationId)
{
    QList<Turn> list;
    if (!m_open)
        return list;
    Statement select(m_db,
                     QStringLiteral("SELECT data FROM turns WHERE conversation_id = ?"
                                    " ORDER BY position"),
                     { conversationId });
    if (!select.exec()) {
        logError("reading turns", select.error());
        return list;
    }
    while (select.query().next())
        list.append(Turn::fromJson(
            QJsonDocument::fromJson(select.query().value(0).toString().toUtf8()).object()));
    return list;
}

bool HistoryDatabase::saveTurn(const QString &conversationId, const Turn &turn)
{
    if (!m_open || turn.id.isEmpty() || !m_db.transaction())
        return false;
    const auto fail = [this](const char *what, const QString &error) {
        logError(what, error);
        m_db.rollback();
        return false;
    };

    Statement position(m_db,
                       QStringLiteral("SELECT coalesce((SELECT position FROM turns WHERE id = ?),"
                                      " (SELECT coalesce(max(position), -1) + 1 FROM turns"
                                      "  WHERE conversation_id = ?))"),
                       { turn.id, conversationId });
    if (!position.exec() || !position.query().next())
        return fail("placing a turn", position.error());
    const qint64 pos = position.query().value(0).toLongLong();
    // A query read only in part is still reading at the commit below, and a reader at commit
    // keeps SQLite from folding the write-ahead log back into the database: it grew by each
    // save's size, 0.85 MB a turn, until quit (QA). So each is finished once read.
    position.query().finish();

    // An upsert, not a replace: the row keeps its rowid, which the FTS rows are keyed on.
    const QString data
        = QString::fromUtf8(QJsonDocument(turn.toJson()).toJson(QJsonDocument::Compact));
    Statement upsert(
        m_db,
        QStringLiteral(
            "INSERT INTO turns (id, conversation_id, position, status, created_at, prompt, text,"
            " cost_usd, cost_basis, data) VALUES (?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET status = excluded.status, prompt = excluded.prompt,"
            " text = excluded.text, cost_usd = excluded.cost_usd,"
            " cost_basis = excluded.cost_basis, data = excluded.data"),
        { turn.id, conversationId, pos, Turn::statusName(turn.status), toMs(turn.startedAt),
          turn.prompt, turn.text, turn.cost.usd, Cost::basisLabel(turn.cost.basis), data });
    if (!upsert.exec())
        return fail("saving a turn", upsert.error());

    Statement rowid(m_db, QStringLiteral("SELECT rowid FROM turns WHERE id = ?"), { turn.id });
    if (!rowid.exec() || !rowid.query().next())
        return fail("saving a turn", rowid.error());
    const qint64 row = rowid.query().value(0).toLongLong();
    rowid.query().finish();

    QStringList revised;
    QStringList kept;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype i = 0; i < turn.images.size(); ++i) {
        const ImageAsset &image = turn.images.at(i);
        if (!image.report.revisedPrompt.isEmpty() && !revised.contains(image.report.revisedPrompt))
            revised.append(image.report.revisedPrompt);
        if (image.state != ImageAsset::State::Final || image.hash.isEmpty())
            continue;
        const QString itemId = image.itemId.isEmpty() ? QStringLiteral("#%1").arg(i) : image.itemId;
        kept.append(itemId);
        const QString quality
            = image.report.quality.isEmpty() ? turn.requested.quality : image.report.quality;
        const QString size
            = image.report.size.isEmpty() ? turn.requested.effectiveSize() : image.report.size;
        // favourite and created_at belong to the row once it exists: a later save keeps them.
        Statement image_(
            m_db,
            QStringLiteral(
                "INSERT INTO images (turn_id, item_id, hash, file_path, mime_type, width, height,"
                " byte_size, revised_prompt, source_url, image_model, quality, size, format,"
                " created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT(turn_id, item_id) DO UPDATE SET hash = excluded.hash,"
                " file_path = excluded.file_path, mime_type = excluded.mime_type,"
                " width = excluded.width, height = excluded.height,"
                " byte_size = excluded.byte_size, revised_prompt = excluded.revised_prompt,"
                " source_url = excluded.source_url, image_model = excluded.image_model,"
                " quality = excluded.quality, size = excluded.size, format = excluded.format"),
            { turn.id, itemId, image.hash, image.filePath, image.mimeType,
              image.pixelSize.width() > 0 ? image.pixelSize.width() : 0,
              image.pixelSize.height() > 0 ? image.pixelSize.height() : 0, image.byteSize,
              image.report.revisedPrompt, image.sourceUrl, turn.requested.imageModel, quality, size,
              formatOf(image), now });
        if (!image_.exec())
            return fail("saving an image", image_.error());
    }
    // Images the turn no longer has (none in practice, but a save is the whole truth).
    Statement images(m_db, QStringLiteral("SELECT item_id FROM images WHERE turn_id = ?"),
                     { turn.id });
    if (!images.exec())
        return fail("saving images", images.error());
    QStringList stale;
    while (images.query().next()) {
        const QString itemId = images.query().value(0).toString();
        if (!kept.contains(itemId))
            stale.append(itemId);
    }
    for (const QString &itemId : std::as_const(stale)) {
        Statement remove(m_db,
                         QStringLiteral("DELETE FROM images WHERE turn_id = ? AND item_id = ?"),
                         { turn.id, itemId });
        if (!remove.exec())
            return fail("saving images", remove.error());
    }

    Statement ftsDelete(m_db, QStringLiteral("DELETE FROM turns_fts WHERE rowid = ?"), { row });
    Statement ftsInsert(m_db,
                        QStringLiteral("INSERT INTO turns_fts (rowid, prompt, revised, reply)"
                                       " VALUES (?,?,?,?)"),
                        { row, turn.prompt, revised.join(QLatin1Char('\n')), turn.text });
    if (!ftsDelete.exec() || !ftsInsert.exec())
        return fail("indexing a turn", ftsDelete.error() + ftsInsert.error());

    // The conversation just written to is the most recent one, even when another was created
    // within the same millisecond: the sidebar's order must not depend on the clock's grain.
    Statement touch(m_db,
                    QStringLiteral("UPDATE conversations SET updated_at = MAX(?, (SELECT"
                                   " COALESCE(MAX(updated_at), 0) + 1 FROM conversations))"
                                   " WHERE id = ?"),
                    { now, conversationId });
    if (!touch.exec())
        return fail("saving a turn", touch.error());
    if (!m_db.commit())
        return fail("saving a turn", m_db.lastError().text());
    return true;
}
