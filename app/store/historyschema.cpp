#include "historyschema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace {

// Version 1: conversations, turns (indexed columns plus the whole Turn as JSON, where the
// requested and actual parameters, usage and cost live), final images by reference (never their
// bytes), and a full-text index over prompts, revised prompts and replies.
const char *const version1[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE conversations ("
    " id TEXT PRIMARY KEY,"
    " title TEXT NOT NULL DEFAULT '',"
    " provider_id TEXT NOT NULL DEFAULT '',"
    " chat_model TEXT NOT NULL DEFAULT '',"
    " image_model TEXT NOT NULL DEFAULT '',"
    " created_at INTEGER NOT NULL," // ms since the epoch, UTC
    " updated_at INTEGER NOT NULL,"
    " deleted INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE turns ("
    " id TEXT PRIMARY KEY,"
    " conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " status TEXT NOT NULL,"
    " created_at INTEGER NOT NULL,"
    " prompt TEXT NOT NULL DEFAULT '',"
    " text TEXT NOT NULL DEFAULT '',"
    " cost_usd REAL NOT NULL DEFAULT 0,"
    " cost_basis TEXT NOT NULL DEFAULT 'unknown',"
    " data TEXT NOT NULL)", // Turn::toJson(): references only, never base64
    "CREATE INDEX turns_by_conversation ON turns(conversation_id, position)",
    "CREATE INDEX turns_by_status ON turns(status)",
    "CREATE TABLE images ("
    " turn_id TEXT NOT NULL REFERENCES turns(id) ON DELETE CASCADE,"
    " item_id TEXT NOT NULL,"
    " hash TEXT NOT NULL,"
    " file_path TEXT NOT NULL,"
    " mime_type TEXT NOT NULL DEFAULT '',"
    " width INTEGER NOT NULL DEFAULT 0,"
    " height INTEGER NOT NULL DEFAULT 0,"
    " byte_size INTEGER NOT NULL DEFAULT 0,"
    " revised_prompt TEXT NOT NULL DEFAULT '',"
    " source_url TEXT NOT NULL DEFAULT '',"
    " favourite INTEGER NOT NULL DEFAULT 0,"
    " image_model TEXT NOT NULL DEFAULT '',"
    " quality TEXT NOT NULL DEFAULT '',"
    " size TEXT NOT NULL DEFAULT '',"
    " format TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (turn_id, item_id))",
    "CREATE INDEX images_by_hash ON images(hash)",
    // rowid = turns.rowid, kept in step by the store on every save.
    "CREATE VIRTUAL TABLE turns_fts USING fts5(prompt, revised, reply)",
    "INSERT INTO meta (key, value) VALUES ('schema_version', '1')",
};

// Version 2: images remember when they arrived (the library sorts and filters by it rather than
// by the turn's start), back-filled from their turn.
const char *const version2[] = {
    "ALTER TABLE images ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0",
    "UPDATE images SET created_at ="
    " (SELECT turns.created_at FROM turns WHERE turns.id = images.turn_id)",
    "CREATE INDEX images_by_created ON images(created_at)",
    "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
};

// Version 3: compare runs are stored as conversations of their own kind, with the spec of what
// was compared; their cells are turns.
const char *const version3[] = {
    "ALTER TABLE conversations ADD COLUMN kind TEXT NOT NULL DEFAULT 'chat'",
    "ALTER TABLE conversations ADD COLUMN compare_spec TEXT NOT NULL DEFAULT ''",
    "UPDATE meta SET value = '3' WHERE key = 'schema_version'",
};

} // namespace

int HistorySchema::currentVersion()
{
    return 3;
}

bool HistorySchema::exec(QSqlDatabase &db, const QString &statement, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    *error = tr("The history database could not be set up (%1).").arg(query.lastError().text());
    return false;
}

int HistorySchema::versionOf(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"))
        || !query.next()) {
        *error = tr("The history database could not be read (%1).").arg(query.lastError().text());
        return -1;
    }
    if (query.value(0).toInt() == 0)
        return 0;
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"))
        || !query.next()) {
        *error = tr("The history database has no schema version.");
        return -1;
    }
    return query.value(0).toInt();
}

bool HistorySchema::createVersion1(QSqlDatabase &db, QString *error)
{
    for (const char *statement : version1) {
        if (!exec(db, QString::fromLatin1(statement), error))
            return false;
    }
    return true;
}

bool HistorySchema::upgradeToVersion2(QSqlDatabase &db, QString *error)
{
    for (const char *statement : version2) {
        if (!exec(db, QString::fromLatin1(statement), error))
            return false;
    }
    return true;
}

bool HistorySchema::upgradeToVersion3(QSqlDatabase &db, QString *error)
{
    for (const char *statement : version3) {
        if (!exec(db, QString::fromLatin1(statement), error))
            return false;
    }
    return true;
}

bool HistorySchema::migrate(QSqlDatabase &db, QString *error)
{
    const int version = versionOf(db, error);
    if (version < 0)
        return false;
    if (version > currentVersion()) {
        *error = tr("The history was written by a newer Easel (schema version %1); "
                    "this one knows up to version %2.")
                     .arg(version)
                     .arg(currentVersion());
        return false;
    }
    if (version == currentVersion())
        return true;
    // One transaction for all steps: a failed upgrade leaves the file as it was.
    if (!db.transaction()) {
        *error = tr("The history database could not be upgraded (%1).").arg(db.lastError().text());
        return false;
    }
    bool ok = true;
    if (version < 1)
        ok = createVersion1(db, error);
    if (ok && version < 2)
        ok = upgradeToVersion2(db, error);
    if (ok && version < 3)
        ok = upgradeToVersion3(db, error);
    if (!ok || !db.commit()) {
        if (ok)
            *error
                = tr("The history database could not be upgraded (%1).").arg(db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}
