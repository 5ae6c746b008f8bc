#include "historydatabase.h"

#include "historystatement.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

// Full-text search and the Library's queries; the rest of HistoryDatabase is in
// historydatabase.cpp.

using HistoryStatement::fromMs;
using HistoryStatement::Statement;

QString HistoryDatabase::ftsQuery(const QString &text)
{
    // Split as FTS5's unicode61 tokenizer does (on anything not a letter, a digit or a mark), so
    // that punctuation neither reaches the query syntax nor becomes an empty phrase. A combining
    // accent belongs to its word: "e" + U+0301 split there found nothing (found by QA), so the
    // text is composed first and marks left over stay in the word.
    static const QRegularExpression separators(QStringLiteral("[^\\w\\p{M}]+|_"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    const QString composed = text.normalized(QString::NormalizationForm_C);
    for (const QString &word : composed.split(separators, Qt::SkipEmptyParts))
        terms.append(QLatin1Char('"') + word + QStringLiteral("\"*"));
    return terms.join(QLatin1Char(' '));
}

QList<SearchHit> HistoryDatabase::search(const QString &text, int limit)
{
    QList<SearchHit> hits;
    const QString match = ftsQuery(text);
    if (!m_open || match.isEmpty())
        return hits;
    Statement select(
        m_db,
        QStringLiteral("SELECT t.conversation_id, c.title, t.id,"
                       " snippet(turns_fts, -1, ?, ?, '\u2026', 12), t.created_at"
                       " FROM turns_fts JOIN turns t ON t.rowid = turns_fts.rowid"
                       " JOIN conversations c ON c.id = t.conversation_id"
                       " WHERE turns_fts MATCH ? AND c.deleted = 0 ORDER BY rank LIMIT ?"),
        { QString(QChar(SearchHit::matchStart)), QString(QChar(SearchHit::matchEnd)), match,
          limit });
    if (!select.exec()) {
        logError("searching", select.error());
        return hits;
    }
    while (select.query().next()) {
        const QSqlQuery &q = select.query();
        hits.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toString(), fromMs(q.value(4)) });
    }
    // The conversations best match first; within one, its hits in the order of its turns (QA:
    // 32 hits of one conversation came in an order that meant nothing to the reader).
    QHash<QString, qsizetype> firstHit;
    for (qsizetype i = 0; i < hits.size(); ++i) {
        if (!firstHit.contains(hits.at(i).conversationId))
            firstHit.insert(hits.at(i).conversationId, i);
    }
    std::stable_sort(hits.begin(), hits.end(), [&firstHit](const SearchHit &a, const SearchHit &b) {
        const qsizetype first = firstHit.value(a.conversationId);
        const qsizetype second = firstHit.value(b.conversationId);
        return first != second ? first < second : a.when < b.when;
    });
    return hits;
}

QString HistoryDatabase::libraryFromWhere(const LibraryFilter &filter, QVariantList *values)
{
    QString sql = QStringLiteral(" FROM images i JOIN turns t ON t.id = i.turn_id"
                                 " JOIN conversations c ON c.id = t.conversation_id"
                                 " WHERE c.deleted = 0");
    const auto equal = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        sql += QStringLiteral(" AND %1 = ?").arg(QLatin1String(column));
        values->append(value);
    };
    equal("i.image_model", filter.imageModel);
    equal("i.quality", filter.quality);
    equal("i.size", filter.size);
    equal("i.format", filter.format);
    equal("t.conversation_id", filter.conversationId);
    if (filter.from.isValid()) {
        sql += QStringLiteral(" AND i.created_at >= ?");
        values->append(filter.from.startOfDay().toMSecsSinceEpoch());
    }
    if (filter.to.isValid()) {
        sql += QStringLiteral(" AND i.created_at < ?");
        values->append(filter.to.addDays(1).startOfDay().toMSecsSinceEpoch());
    }
    if (filter.favouritesOnly)
        sql += QStringLiteral(" AND i.favourite = 1");
    const QString match = ftsQuery(filter.text);
    if (!match.isEmpty()) {
        sql += QStringLiteral(
            " AND t.rowid IN (SELECT rowid FROM turns_fts WHERE turns_fts MATCH ?)");
        values->append(QStringLiteral("{prompt revised} : (%1)").arg(match));
    }
    return sql;
}

int HistoryDatabase::libraryImageCount(const LibraryFilter &filter)
{
    if (!m_open)
        return -1;
    QVariantList values;
    const QString sql = QStringLiteral("SELECT COUNT(*)") + libraryFromWhere(filter, &values);
    Statement count(m_db, sql, values);
    if (!count.exec() || !count.query().next()) {
        logError("counting the library", count.error());
        return -1;
    }
    return count.query().value(0).toInt();
}

QList<LibraryImage> HistoryDatabase::libraryImages(const LibraryFilter &filter, int offset,
                                                   int limit)
{
    QList<LibraryImage> list;
    if (!m_open)
        return list;
    QVariantList values;
    const QString sql
        = QStringLiteral(
              "SELECT i.hash, i.file_path, i.mime_type, i.width, i.height, i.byte_size,"
              " t.conversation_id, c.title, i.turn_id, i.item_id, t.prompt, i.revised_prompt,"
              " json_extract(t.data, '$.provider'), i.image_model, i.quality, i.size, i.format,"
              " i.created_at, i.favourite")
        + libraryFromWhere(filter, &values)
        + QStringLiteral(" ORDER BY i.created_at DESC, i.rowid DESC LIMIT ? OFFSET ?");
    values.append(limit);
    values.append(offset);

    Statement select(m_db, sql, values);
    if (!select.exec()) {
        logError("listing the library", select.error());
        return list;
    }
    while (select.query().next()) {
        const QSqlQuery &q = select.query();
        LibraryImage image;
        image.hash = q.value(0).toString();
        image.filePath = q.value(1).toString();
        image.mimeType = q.value(2).toString();
        image.pixelSize = QSize(q.value(3).toInt(), q.value(4).toInt());
        image.byteSize = q.value(5).toLongLong();
        image.conversationId = q.value(6).toString();
        image.conversationTitle = q.value(7).toString();
        image.turnId = q.value(8).toString();
        image.itemId = q.value(9).toString();
        image.prompt = q.value(10).toString();
        image.revisedPrompt = q.value(11).toString();
        image.providerId = q.value(12).toString();
        image.imageModel = q.value(13).toString();
        image.quality = q.value(14).toString();
        image.size = q.value(15).toString();
        image.format = q.value(16).toString();
        image.createdAt = fromMs(q.value(17));
        image.favourite = q.value(18).toInt() != 0;
        list.append(image);
    }
    return list;
}

bool HistoryDatabase::setFavourite(const QString &imageHash, bool favourite)
{
    if (!m_open)
        return false;
    Statement update(m_db, QStringLiteral("UPDATE images SET favourite = ? WHERE hash = ?"),
                     { favourite ? 1 : 0, imageHash });
    return update.exec() && update.query().numRowsAffected() > 0;
}
