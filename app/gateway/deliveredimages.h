#pragma once

#include "streamevent.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

// Internal to the gateway decoders: the images one response delivered so far, so that an image
// that arrives twice (as an output item or a `message.images` entry, and again as a markdown link
// in the assistant's text) is shown once. Images are known by URL and, for those that came as
// bytes, by a hash of the bytes (a data: URL in the text is compared by its decoded bytes).
class DeliveredImages
{
public:
    // Record an image delivered by the gateway itself; false when that image was delivered before.
    bool addUrl(const QString &url);
    bool addBytes(const QByteArray &bytes);

    // Collects the image links of one message's COMPLETE text (never a partial delta: a link cut
    // in two would be a wrong URL). They are delivered by takeLinkedImages().
    void collectLinks(const QString &messageText);
    bool hasCollectedLinks() const { return !m_links.isEmpty(); }
    // One ImageFinal per collected link not delivered yet (ids "link-img-0", "link-img-1", …):
    // an https link as imageUrl, a data: link as decoded bytes. The collection is emptied.
    StreamEvents takeLinkedImages();

private:
    static QByteArray fingerprint(const QByteArray &bytes);

    QSet<QString> m_urls;
    QSet<QByteArray> m_fingerprints;
    QStringList m_links;
    int m_nextLinkId = 0;
};
