#pragma once

#include "comparecell.h"
#include "comparespec.h"
#include "model/turn.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// results.csv of a compare run: a header, then one row per cell in cell order, for spreadsheets
// and scripts. RFC 4180: UTF-8 without a byte order mark, CRLF after every record, a field quoted
// when it holds a comma, a quote, a line break or edge spaces (quotes doubled). Text inside a field
// (a prompt's own line breaks) is written exactly as it is.
//
// Columns: one per axis (headed by its display name, the value asked for), then Prompt used,
// Provider used, Image model used, Quality used, Size used, Format used (quality, size and format
// as the gateway reported them when it did, else as asked), Seconds, Input tokens, Output tokens
// (chat and image tool together), Cost (USD), Cost basis (estimated, billed, demo or unknown),
// Status (done, failed, cancelled, ... or "not run"), Error, File (the saved images, joined by
// ";").
class CompareResultsCsv
{
    Q_DECLARE_TR_FUNCTIONS(CompareResultsCsv)

public:
    // `turns` and `files` are indexed like `cells`; a cell without a turn was never run ("not
    // run"), a cell without files saved none.
    static QByteArray toCsv(const CompareSpec &spec, const QList<CompareCell> &cells,
                            const QList<Turn> &turns, const QList<QStringList> &files);
    static QStringList header(const CompareSpec &spec);
    static QString quoteField(const QString &field);
    // "0.011", "0.26928": the cost without the trailing zeros, "" when unknown.
    static QString formatUsd(const Cost &cost);

    // Writes atomically (QSaveFile); false with a plain sentence naming the file on failure.
    static bool save(const QString &path, const QByteArray &csv, QString *error);
};
