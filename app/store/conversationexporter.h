#pragma once

#include "model/turn.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// Writes a conversation out for people and other tools: Markdown beside an images/ folder holding
// every final image with its original bytes (named <hash>.<ext>), or one self-contained HTML file
// with the images inline as data URLs. Text the designer or the gateway wrote is escaped, so a
// prompt such as "<script>" or "**not bold**" reads back exactly as typed.
//
// An image whose file is gone does not fail the export: it becomes a note in the document and a
// warning in the result. Only what stops the document itself (a folder or file that cannot be
// written) fails it.
class ConversationExporter
{
    Q_DECLARE_TR_FUNCTIONS(ConversationExporter)

public:
    struct Result
    {
        bool ok = false;
        QString error; // plain sentence when !ok
        QStringList warnings; // one per image that could not be included
        int imagesExported = 0;
    };

    // The Markdown document alone; images are referenced as images/<hash>.<ext>. An image whose
    // file is missing is written as a note.
    static QString markdown(const QString &title, const QList<Turn> &turns);
    // Writes `markdownPath` and copies the images into the images/ folder beside it.
    static Result writeMarkdown(const QString &title, const QList<Turn> &turns,
                                const QString &markdownPath);

    // The HTML document alone, images inline as data URLs (their bytes read from disk).
    static QString html(const QString &title, const QList<Turn> &turns,
                        QStringList *warnings = nullptr, int *imagesInlined = nullptr);
    static Result writeHtml(const QString &title, const QList<Turn> &turns,
                            const QString &htmlPath);

    // The file name an image gets in an export: <hash>.<ext>, ext from its type.
    static QString exportFileName(const ImageAsset &image);
    // Backslash-escapes what Markdown would read as markup or raw HTML.
    static QString escapeMarkdown(const QString &text);
    // The assistant's reply is Markdown and stays so, but raw HTML in it is neutralized (outside
    // code spans and fences) so an exported file never runs a script.
    static QString neutralizeHtml(const QString &markdownText);
};
