#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
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
