#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QSize>
#include <QString>

// Content-addressed image store: every image is written exactly as received (same bytes, no
// re-encoding) under <root>/<first two hex digits>/<sha256>.<ext>, before it is shown.
// Thread-safe: put() is called from the stream worker thread, never from the GUI thread.
class ImageStore
{
    Q_DECLARE_TR_FUNCTIONS(ImageStore)

public:
    struct Stored
    {
        bool ok = false;
        QString hash; // sha256 hex
        QString filePath; // absolute
        QString mimeType; // sniffed from the magic bytes
        QSize pixelSize; // from the image header (no full decode)
        qint64 byteSize = 0;
        QString error; // plain sentence when !ok
    };

    explicit ImageStore(const QString &rootDirectory);

    QString root() const { return m_root; }

    // Sniffs the type, reads the header size, checks limits (16384 px a side, 256 MB decoded),
    // then writes the bytes (atomically) unless a file with that hash already exists.
    Stored put(const QByteArray &bytes) const;
    // The checks of put() without hashing or writing: type, header size and limits.
    static Stored inspect(const QByteArray &bytes);
    QString pathFor(const QString &hash, const QString &mimeType) const;

    static QString sniffMimeType(const QByteArray &bytes); // empty when not PNG/JPEG/WebP/GIF
    static QString extensionFor(const QString &mimeType);
    static QString defaultRoot(); // <AppDataLocation>/images

private:
    QString m_root;
};
