#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>

// The final picture of each of the demo's latest responses, by response id, so that an edit sent
// with previous_response_id (and no image) edits the picture that response returned, as the
// Responses API does for stored responses. Bounded in count and bytes: the oldest are forgotten.
// Shared by the gateway's sessions and their background parsing, hence the lock.
class DemoResultMemory
{
public:
    static constexpr int maxResponses = 50;
    static constexpr qint64 maxBytes = 256 * 1024 * 1024;

    // The encoded bytes of the final image of `responseId`.
    void remember(const QString &responseId, const QByteArray &imageBytes);
    // Empty for a response the demo does not know (never made, or forgotten).
    QByteArray image(const QString &responseId) const;
    int size() const;

private:
    mutable QMutex m_mutex;
    QList<QPair<QString, QByteArray>> m_entries; // oldest first
    qint64 m_bytes = 0;
};
