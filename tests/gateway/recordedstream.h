#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// Access to the recorded real payloads in EASEL_FIXTURES_DIR (never copied into the repository).
namespace RecordedStream {

inline QString fixturesDir()
{
    return QStringLiteral(EASEL_FIXTURES_DIR);
}

inline bool available()
{
    return QDir(fixturesDir()).exists();
}

inline QByteArray read(const QString &name)
{
    QFile file(fixturesDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The bytes of the first image in a recorded Responses body (an image_generation_call's result).
inline QByteArray image(const QString &responseName)
{
    const QJsonArray output = QJsonDocument::fromJson(read(responseName))
                                  .object()
                                  .value(QLatin1String("output"))
                                  .toArray();
    for (const QJsonValue &item : output) {
        if (item.toObject().value(QLatin1String("type")).toString()
            == QLatin1String("image_generation_call"))
            return QByteArray::fromBase64(
                item.toObject().value(QLatin1String("result")).toString().toLatin1());
    }
    return {};
}

// A `.chunks.txt` file holds one JSON event per line without SSE framing; the wire sends each as
// `event: <type>\ndata: <line>\n\n` (the fixtures README).
inline QByteArray frameAsSse(const QByteArray &chunksFile)
{
    QByteArray framed;
    const QList<QByteArray> lines = chunksFile.split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        QByteArray type;
        const qsizetype key = line.indexOf("\"type\":\"");
        if (key >= 0) {
            const qsizetype start = key + 8;
            type = line.mid(start, line.indexOf('"', start) - start);
        }
        framed += "event: " + type + "\ndata: " + line + "\n\n";
    }
    return framed;
}

} // namespace RecordedStream

#define EASEL_REQUIRE_FIXTURES()                                                                   \
    do {                                                                                           \
        if (!RecordedStream::available())                                                          \
            QSKIP(qPrintable(QStringLiteral("Recorded fixtures not found at %1; this test needs "  \
                                            "the shared folder beside the repository.")            \
                                 .arg(RecordedStream::fixturesDir())));                            \
    } while (false)
