#pragma once

// What the secrets tests look for, and where: the one fake API key of these tests, in every form
// it could take in a file or a line of output.

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>

namespace SecretScan {

// Distinctive, obviously fake, and deliberately not of the sk-… shape that secret scanners flag.
inline QString apiKey()
{
    return QStringLiteral("test-key-Z9Q7-not-a-real-secret-4f1e");
}

// Enough of the key to be a leak: a message elided in the middle of the key would keep this much.
inline QString keyPrefix()
{
    return apiKey().left(16);
}

// The part of base64(bytes) that stays the same wherever `bytes` sits in a longer text whose
// offset is `offset` modulo 3: without the first and last group of four, which also encode
// neighbouring bytes.
inline QByteArray base64Core(const QByteArray &bytes, int offset)
{
    QByteArray shifted(offset, '\0');
    shifted.append(bytes);
    const QByteArray encoded = shifted.toBase64();
    return encoded.mid(4, encoded.size() - 8);
}

// The forms of the key found in `bytes`: UTF-8 (a prefix is enough), UTF-16 either way round
// (QString in memory, SQLite's UTF-16 text), base64 at every alignment (a data URL, a Basic
// header, an embedded blob) and hex. Empty when there is none.
inline QStringList formsIn(const QByteArray &bytes)
{
    const QString prefix = keyPrefix();
    const QByteArray utf8 = prefix.toUtf8();
    QByteArray utf16le;
    QByteArray utf16be;
    for (const QChar c : prefix) {
        utf16le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        utf16be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    QStringList found;
    if (bytes.contains(utf8))
        found << QStringLiteral("UTF-8");
    if (bytes.contains(utf16le))
        found << QStringLiteral("UTF-16LE");
    if (bytes.contains(utf16be))
        found << QStringLiteral("UTF-16BE");
    for (int offset = 0; offset < 3; ++offset) {
        if (bytes.contains(base64Core(apiKey().toUtf8(), offset))) {
            found << QStringLiteral("base64");
            break;
        }
    }
    if (bytes.contains(utf8.toHex()) || bytes.contains(utf8.toHex().toUpper()))
        found << QStringLiteral("hex");
    return found;
}

inline bool holdsKey(const QString &text)
{
    return !formsIn(text.toUtf8()).isEmpty();
}

// Every file under `root` (hidden ones and SQLite's -wal and -shm included) that holds the key,
// as "path (forms)".
inline QStringList filesHoldingKey(const QString &root)
{
    QStringList leaks;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            leaks << path + QStringLiteral(" (unreadable)");
            continue;
        }
        const QStringList forms = formsIn(file.readAll());
        if (!forms.isEmpty())
            leaks << path + QStringLiteral(" (") + forms.join(QStringLiteral(", ")) + ')';
    }
    return leaks;
}

// How many files there are under `root`, so a scan of an empty folder cannot pass unnoticed.
inline int fileCount(const QString &root)
{
    int count = 0;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

} // namespace SecretScan
