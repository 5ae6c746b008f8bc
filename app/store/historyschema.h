#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

// The versioned schema of the history database. Version 1 is the first one shipped; each later
// version is one upgrade step run inside a transaction, so an old file is brought forward in
// place and keeps its data. The version lives in the `meta` table (key "schema_version").
class HistorySchema
{
    Q_DECLARE_TR_FUNCTIONS(HistorySchema)

public:
    static int currentVersion();

    // The version stored in `db`: 0 for an empty file (no tables yet).
    static int versionOf(QSqlDatabase &db, QString *error);

    // Creates the current schema in an empty file or upgrades an older one. False with a plain
    // sentence in *error when it fails (the file is then left as it was) or when the file comes
    // from a newer Easel.
    static bool migrate(QSqlDatabase &db, QString *error);

    // The version 1 schema exactly as it shipped: tests build old files with it.
    static bool createVersion1(QSqlDatabase &db, QString *error);

private:
    static bool upgradeToVersion2(QSqlDatabase &db, QString *error);
    static bool upgradeToVersion3(QSqlDatabase &db, QString *error);
    static bool exec(QSqlDatabase &db, const QString &statement, QString *error);
};
