#include "conversationexporter.h"

#include "imagestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

namespace {

QString number(qint64 value)
{
    return QLocale::c().toString(value);
}

QString metaLine(const Turn &turn)
{
    QStringList parts;
    if (turn.startedAt.isValid())
        parts << turn.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (!turn.providerId.isEmpty())
        parts << turn.providerId;
    if (!turn.chatModel.isEmpty())
        parts << turn.chatModel;
    parts << Turn::statusText(turn.status);
    if (turn.durationMs >= 0)
        parts << ConversationExporter::tr("%1 s").arg(
            QLocale::c().toString(turn.durationMs / 1000.0, 'f', 1));
    return parts.join(QStringLiteral(" · "));
}

QString parametersLine(const ImageParams &p)
{
    QStringList parts;
    parts << ConversationExporter::tr("model %1").arg(p.imageModel)
          << ConversationExporter::tr("quality %1").arg(p.quality)
          << ConversationExporter::tr("size %1").arg(p.effectiveSize())
          << ConversationExporter::tr("background %1").arg(p.background)
          << ConversationExporter::tr("format %1").arg(p.outputFormat);
    if (p.compressionApplies())
        parts << ConversationExporter::tr("compression %1").arg(p.outputCompression);
    parts << ConversationExporter::tr("moderation %1").arg(p.moderation)
          << ConversationExporter::tr("action %1").arg(p.action);
    if (p.inputFidelity != QLatin1String("auto"))
        parts << ConversationExporter::tr("input fidelity %1").arg(p.inputFidelity);
    return parts.join(QStringLiteral(", "));
}

QString actualLine(const ImageAsset &image)
{
    QStringList parts;
    if (image.pixelSize.isValid())
        parts << QStringLiteral("%1×%2").arg(image.pixelSize.width()).arg(image.pixelSize.height());
    if (!image.mimeType.isEmpty())
        parts << ImageStore::extensionFor(image.mimeType).toUpper();
    if (image.byteSize > 0)
        parts << ConversationExporter::tr("%1 bytes").arg(number(image.byteSize));
    const ImageReport &r = image.report;
    if (!r.quality.isEmpty())
        parts << ConversationExporter::tr("quality %1").arg(r.quality);
    if (!r.background.isEmpty())
        parts << ConversationExporter::tr("background %1").arg(r.background);
    if (!r.action.isEmpty())
        parts << ConversationExporter::tr("action %1").arg(r.action);
    return parts.join(QStringLiteral(", "));
}

QString usageLine(const Usage &u)
{
    if (u.isEmpty())
        return ConversationExporter::tr("not reported");
    // "1,200 input (200 cached), 800 output (40 reasoning) tokens": each part a phrase of its own.
    QString input = ConversationExporter::tr("%1 input").arg(number(u.inputTokens));
    if (u.cachedInputTokens > 0)
        input += QLatin1Char(' ')
            + ConversationExporter::tr("(%1 cached)").arg(number(u.cachedInputTokens));
    QString output = ConversationExporter::tr("%1 output").arg(number(u.outputTokens));
    if (u.reasoningTokens > 0)
        output += QLatin1Char(' ')
            + ConversationExporter::tr("(%1 reasoning)").arg(number(u.reasoningTokens));
    QString line = ConversationExporter::tr("%1, %2 tokens").arg(input, output);
    if (u.hasImageTokens)
        line += QStringLiteral("; ")
            + ConversationExporter::tr("image tool: %1 text in, %2 image in, %3 out")
                  .arg(number(u.imageInputTextTokens), number(u.imageInputImageTokens),
                       number(u.imageOutputTokens));
    if (u.billedCostUsd)
        line += QStringLiteral("; ")
            + ConversationExporter::tr("billed %1").arg(Cost::formatUsd(*u.billedCostUsd));
    return line;
}

// Why an image cannot be part of the export, or empty when it can.
QString missingReason(const ImageAsset &image)
{
    if (image.state != ImageAsset::State::Final) {
        if (image.error.isEmpty())
            return ConversationExporter::tr("it was never received");
        // The reason goes inside a sentence of its own: without its final full stop.
        QString reason = image.error.trimmed();
        while (reason.endsWith(QLatin1Char('.')))
            reason.chop(1);
        return reason;
    }
    if (image.filePath.isEmpty() || !QFileInfo::exists(image.filePath))
        return ConversationExporter::tr("its file %1 is missing").arg(image.filePath);
    return {};
}

QString blockquote(const QString &escaped)
{
    QStringList lines = escaped.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.isEmpty() ? QStringLiteral(">") : QStringLiteral("> ") + line;
    return lines.join(QLatin1Char('\n'));
}

QString htmlText(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>\n"));
}

bool writeText(const QString &path, const QString &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = ConversationExporter::tr("Could not write %1: %2.").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = text.toUtf8();
    // Flushed before commit(): QSaveFile (Qt 6.4) overlooks a failure of its last flush.
    if (file.write(bytes) != bytes.size() || !file.flush() || !file.commit()) {
        *error = ConversationExporter::tr("Could not write %1: %2.").arg(path, file.errorString());
        return false;
    }
    return true;
}

const char *const styleSheet = R"css(
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
       color: #222; background: #fdfdfd; }
h1 { font-size: 1.6em; }
section.turn { border-top: 1px solid #ddd; padding: 1em 0; }
.meta { color: #777; font-size: 0.9em; }
.prompt { background: #eef3fb; border-left: 4px solid #6b8fd6; padding: 0.5em 1em; }
.reply { white-space: normal; }
figure { margin: 1em 0; }
figure img { max-width: 100%; height: auto; border-radius: 4px; }
figcaption, .facts { color: #555; font-size: 0.9em; }
.missing { color: #a33; font-style: italic; }
)css";

} // namespace

QString ConversationExporter::exportFileName(const ImageAsset &image)
{
    QString ext = image.mimeType.isEmpty() ? QFileInfo(image.filePath).suffix()
                                           : ImageStore::extensionFor(image.mimeType);
    if (ext.isEmpty())
        ext = QStringLiteral("bin");
    return image.hash + QLatin1Char('.') + ext;
}

QString ConversationExporter::escapeMarkdown(const QString &text)
{
    static const QString special = QStringLiteral("\\`*_{}[]()<>#|~!&");
    QString out;
    out.reserve(text.size() + text.size() / 8);
    bool lineStart = true;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (lineStart) {
            // List markers, headings underlines and ordered lists only count at a line start.
            if (c == QLatin1Char('-') || c == QLatin1Char('+') || c == QLatin1Char('='))
                out += QLatin1Char('\\');
            else if (c.isDigit()) {
                int j = i;
                while (j < text.size() && text.at(j).isDigit())
                    ++j;
                if (j < text.size()
                    && (text.at(j) == QLatin1Char('.') || text.at(j) == QLatin1Char(')'))) {
                    out += text.mid(i, j - i) + QLatin1Char('\\') + text.at(j);
                    i = j;
                    lineStart = false;
                    continue;
                }
            }
        }
        if (special.contains(c))
            out += QLatin1Char('\\');
        out += c;
        lineStart = c == QLatin1Char('\n');
    }
    return out;
}

QString ConversationExporter::neutralizeHtml(const QString &markdownText)
{
    QStringList lines = markdownText.split(QLatin1Char('\n'));
    bool inFence = false;
    for (QString &line : lines) {
        if (line.trimmed().startsWith(QLatin1String("```"))) {
            inFence = !inFence;
            continue;
        }
        if (inFence)
            continue;
        QString out;
        bool inCode = false;
        for (const QChar c : std::as_const(line)) {
            if (c == QLatin1Char('`'))
                inCode = !inCode;
            if (!inCode && c == QLatin1Char('<'))
                out += QStringLiteral("&lt;");
            else
                out += c;
        }
        line = out;
    }
    return lines.join(QLatin1Char('\n'));
}

QString ConversationExporter::markdown(const QString &title, const QList<Turn> &turns)
{
    QString md = QStringLiteral("# ") + escapeMarkdown(title) + QStringLiteral("\n");
    for (int t = 0; t < turns.size(); ++t) {
        const Turn &turn = turns.at(t);
        md += QStringLiteral("\n## ") + tr("Turn %1").arg(t + 1) + QStringLiteral("\n\n");
        md += QLatin1Char('*') + escapeMarkdown(metaLine(turn)) + QStringLiteral("*\n\n");
        md += QStringLiteral("**") + tr("Prompt") + QStringLiteral("**\n\n")
            + blockquote(escapeMarkdown(turn.prompt)) + QStringLiteral("\n");
        for (const Attachment &a : turn.attachments)
            md += QLatin1Char('\n')
                + tr("Attachment: %1").arg(escapeMarkdown(QFileInfo(a.filePath).fileName()))
                + QLatin1Char('\n');
        if (!turn.text.isEmpty())
            md += QStringLiteral("\n**") + tr("Reply") + QStringLiteral("**\n\n")
                + neutralizeHtml(turn.text.trimmed()) + QLatin1Char('\n');
        if (!turn.errorMessage.isEmpty())
            md += QStringLiteral("\n**") + tr("Note:") + QStringLiteral("** ")
                + escapeMarkdown(turn.errorMessage) + QLatin1Char('\n');
        for (int i = 0; i < turn.images.size(); ++i) {
            const ImageAsset &image = turn.images.at(i);
            const QString reason = missingReason(image);
            if (!reason.isEmpty()) {
                md += QStringLiteral("\n*")
                    + tr("Image %1 is not included: %2.")
                          .arg(QString::number(i + 1), escapeMarkdown(reason))
                    + QStringLiteral("*\n");
                continue;
            }
            md += QStringLiteral("\n![%1](images/%2)\n")
                      .arg(tr("Image %1").arg(i + 1), exportFileName(image));
            md += QStringLiteral("\n- ") + tr("Image: %1").arg(escapeMarkdown(actualLine(image)))
                + QLatin1Char('\n');
            if (!image.report.revisedPrompt.isEmpty())
                md += QStringLiteral("- ")
                    + tr("Revised prompt: %1")
                          .arg(escapeMarkdown(image.report.revisedPrompt)
                                   .replace(QLatin1Char('\n'), QLatin1Char(' ')))
                    + QLatin1Char('\n');
        }
        md += QStringLiteral("\n- ")
            + tr("Parameters: %1").arg(escapeMarkdown(parametersLine(turn.requested)))
            + QLatin1Char('\n');
        md += QStringLiteral("- ") + tr("Usage: %1").arg(escapeMarkdown(usageLine(turn.usage)))
            + QLatin1Char('\n');
        md += QStringLiteral("- ") + tr("Cost: %1").arg(escapeMarkdown(turn.cost.formatted()))
            + QLatin1Char('\n');
    }
    return md;
}

ConversationExporter::Result ConversationExporter::writeMarkdown(const QString &title,
                                                                 const QList<Turn> &turns,
                                                                 const QString &markdownPath)
{
    Result result;
    const QFileInfo target(markdownPath);
    QDir folder = target.absoluteDir();
    if (!folder.exists() && !QDir().mkpath(folder.absolutePath())) {
        result.error = tr("Could not create the folder %1.").arg(folder.absolutePath());
        return result;
    }
    const QString imagesPath = folder.absoluteFilePath(QStringLiteral("images"));
    bool hasImages = false;
    for (const Turn &turn : turns)
        hasImages = hasImages || turn.finalImageCount() > 0;
    if (hasImages && !QDir().mkpath(imagesPath)) {
        result.error = tr("Could not create the folder %1.").arg(imagesPath);
        return result;
    }
    for (int t = 0; t < turns.size(); ++t) {
        const Turn &turn = turns.at(t);
        for (int i = 0; i < turn.images.size(); ++i) {
            const ImageAsset &image = turn.images.at(i);
            if (image.state != ImageAsset::State::Final)
                continue;
            const QString reason = missingReason(image);
            if (!reason.isEmpty()) {
                result.warnings << tr("Turn %1, image %2: %3.")
                                       .arg(QString::number(t + 1), QString::number(i + 1), reason);
                continue;
            }
            const QString destination = imagesPath + QLatin1Char('/') + exportFileName(image);
            // Content-addressed names: a file already there with that name holds the same bytes.
            if (QFileInfo(destination).size() == QFileInfo(image.filePath).size()) {
                ++result.imagesExported;
                continue;
            }
            QFile::remove(destination);
            QFile source(image.filePath);
            if (!source.copy(destination)) {
                result.error = tr("Could not copy %1 to %2: %3.")
                                   .arg(image.filePath, destination, source.errorString());
                return result;
            }
            ++result.imagesExported;
        }
    }
    if (!writeText(markdownPath, markdown(title, turns), &result.error))
        return result;
    result.ok = true;
    return result;
}

QString ConversationExporter::html(const QString &title, const QList<Turn> &turns,
                                   QStringList *warnings, int *imagesInlined)
{
    int inlined = 0;
    QString doc
        = QStringLiteral(
              "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<title>%1</title>\n<style>%2</style>\n</head>\n<body>\n<h1 dir=\"auto\">%1</h1>\n")
              .arg(title.toHtmlEscaped(), QLatin1String(styleSheet));
    for (int t = 0; t < turns.size(); ++t) {
        const Turn &turn = turns.at(t);
        doc += QStringLiteral("<section class=\"turn\">\n<h2>%1</h2>\n")
                   .arg(tr("Turn %1").arg(t + 1).toHtmlEscaped());
        doc += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(metaLine(turn).toHtmlEscaped());
        // dir="auto": a prompt or reply in Arabic or Hebrew reads right to left, as in Easel.
        doc += QStringLiteral("<div class=\"prompt\" dir=\"auto\">%1</div>\n")
                   .arg(htmlText(turn.prompt));
        for (const Attachment &a : turn.attachments)
            doc += QStringLiteral("<p class=\"meta\">%1</p>\n")
                       .arg(tr("Attachment: %1")
                                .toHtmlEscaped()
                                .arg(QFileInfo(a.filePath).fileName().toHtmlEscaped()));
        if (!turn.text.isEmpty()) {
            doc += QStringLiteral("<div class=\"reply\">\n");
            const QStringList paragraphs = turn.text.trimmed().split(QStringLiteral("\n\n"));
            for (const QString &paragraph : paragraphs)
                doc += QStringLiteral("<p dir=\"auto\">%1</p>\n").arg(htmlText(paragraph));
            doc += QStringLiteral("</div>\n");
        }
        if (!turn.errorMessage.isEmpty())
            doc += QStringLiteral("<p class=\"missing\">%1</p>\n").arg(htmlText(turn.errorMessage));
        for (int i = 0; i < turn.images.size(); ++i) {
            const ImageAsset &image = turn.images.at(i);
            QString reason = missingReason(image);
            QByteArray bytes;
            if (reason.isEmpty()) {
                QFile file(image.filePath);
                if (file.open(QIODevice::ReadOnly))
                    bytes = file.readAll();
                else
                    reason = tr("its file %1 could not be read (%2)")
                                 .arg(image.filePath, file.errorString());
            }
            if (!reason.isEmpty()) {
                if (warnings && image.state == ImageAsset::State::Final)
                    *warnings << tr("Turn %1, image %2: %3.")
                                     .arg(QString::number(t + 1), QString::number(i + 1), reason);
                doc += QStringLiteral("<p class=\"missing\">%1</p>\n")
                           .arg(tr("Image %1 is not included: %2.")
                                    .toHtmlEscaped()
                                    .arg(QString::number(i + 1), reason.toHtmlEscaped()));
                continue;
            }
            ++inlined;
            const QString mime = image.mimeType.isEmpty()
                ? QStringLiteral("application/octet-stream")
                : image.mimeType;
            doc += QStringLiteral("<figure>\n<img alt=\"%1\" src=\"data:%2;base64,")
                       .arg(tr("Image %1").arg(i + 1).toHtmlEscaped(), mime.toHtmlEscaped());
            doc += QString::fromLatin1(bytes.toBase64());
            doc += QStringLiteral("\"");
            if (image.pixelSize.isValid())
                doc += QStringLiteral(" width=\"%1\" height=\"%2\"")
                           .arg(image.pixelSize.width())
                           .arg(image.pixelSize.height());
            doc += QStringLiteral(">\n<figcaption>%1").arg(actualLine(image).toHtmlEscaped());
            if (!image.report.revisedPrompt.isEmpty())
                doc += QStringLiteral("<br>\n")
                    + tr("Revised prompt: %1")
                          .toHtmlEscaped()
                          .arg(htmlText(image.report.revisedPrompt));
            doc += QStringLiteral("</figcaption>\n</figure>\n");
        }
        doc += QStringLiteral("<ul class=\"facts\">\n<li>%1</li>\n<li>%2</li>\n<li>%3</li>\n</ul>\n"
                              "</section>\n")
                   .arg(tr("Parameters: %1")
                            .toHtmlEscaped()
                            .arg(parametersLine(turn.requested).toHtmlEscaped()),
                        tr("Usage: %1").toHtmlEscaped().arg(usageLine(turn.usage).toHtmlEscaped()),
                        tr("Cost: %1").toHtmlEscaped().arg(turn.cost.formatted().toHtmlEscaped()));
    }
    doc += QStringLiteral("</body>\n</html>\n");
    if (imagesInlined)
        *imagesInlined = inlined;
    return doc;
}

ConversationExporter::Result ConversationExporter::writeHtml(const QString &title,
                                                             const QList<Turn> &turns,
                                                             const QString &htmlPath)
{
    Result result;
    const QDir folder = QFileInfo(htmlPath).absoluteDir();
    if (!folder.exists() && !QDir().mkpath(folder.absolutePath())) {
        result.error = tr("Could not create the folder %1.").arg(folder.absolutePath());
        return result;
    }
    const QString doc = html(title, turns, &result.warnings, &result.imagesExported);
    if (!writeText(htmlPath, doc, &result.error))
        return result;
    result.ok = true;
    return result;
}
