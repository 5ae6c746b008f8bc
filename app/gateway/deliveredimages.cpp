#include "deliveredimages.h"

#include "decoderjson.h"
#include "imagelinks.h"

#include <QHash>

bool DeliveredImages::addUrl(const QString &url)
{
    if (url.isEmpty() || m_urls.contains(url))
        return false;
    m_urls.insert(url);
    return true;
}

bool DeliveredImages::addBytes(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return false;
    const QByteArray key = fingerprint(bytes);
    if (m_fingerprints.contains(key))
        return false;
    m_fingerprints.insert(key);
    return true;
}

void DeliveredImages::collectLinks(const QString &messageText)
{
    // Past the length a turn keeps, the text is dropped: a link there would have no place in
    // the answer, and searching a runaway 20 MB answer took the stream thread seconds.
    const QString kept = messageText.size() > StreamEvent::maxAnswerLength
        ? messageText.left(StreamEvent::maxAnswerLength)
        : messageText;
    for (const QString &url : ImageLinks::find(kept)) {
        if (!m_links.contains(url))
            m_links.append(url);
    }
}

StreamEvents DeliveredImages::takeLinkedImages()
{
    StreamEvents out;
    const QStringList links = std::exchange(m_links, {});
    for (const QString &url : links) {
        StreamEvent image;
        image.kind = StreamEvent::Kind::ImageFinal;
        if (url.startsWith(QLatin1String("data:"), Qt::CaseInsensitive)) {
            // Damaged base64 in prose is the model's typing, not a delivery: it stays text.
            if (!DecoderJson::decodeBase64(DecoderJson::stripDataUrl(url), &image.imageBytes)
                || !addBytes(image.imageBytes))
                continue;
        } else {
            if (!addUrl(url))
                continue;
            image.imageUrl = url;
        }
        image.itemId = QStringLiteral("link-img-") + QString::number(m_nextLinkId++);
        out.append(image);
    }
    return out;
}

QByteArray DeliveredImages::fingerprint(const QByteArray &bytes)
{
    // qHash runs at gigabytes a second (a cryptographic hash would cost milliseconds per image on
    // the stream thread); with the length beside it, two different images of one response never
    // share a key in practice. The fixed seed keeps keys comparable within the process.
    const quint64 length = quint64(bytes.size());
    const quint64 hash = quint64(qHash(QByteArrayView(bytes), size_t(0x45617365)));
    QByteArray key;
    key.append(reinterpret_cast<const char *>(&length), sizeof length);
    key.append(reinterpret_cast<const char *>(&hash), sizeof hash);
    return key;
}
