#include "demo/demoresultmemory.h"

#include <QMutexLocker>

void DemoResultMemory::remember(const QString &responseId, const QByteArray &imageBytes)
{
    if (responseId.isEmpty() || imageBytes.isEmpty() || imageBytes.size() > maxBytes)
        return;
    QMutexLocker locker(&m_mutex);
    for (qsizetype index = 0; index < m_entries.size(); ++index) {
        if (m_entries.at(index).first == responseId) {
            m_bytes -= m_entries.at(index).second.size();
            m_entries.removeAt(index);
            break;
        }
    }
    m_entries.append({ responseId, imageBytes });
    m_bytes += imageBytes.size();
    while (m_entries.size() > maxResponses || m_bytes > maxBytes) {
        m_bytes -= m_entries.constFirst().second.size();
        m_entries.removeFirst();
    }
}

QByteArray DemoResultMemory::image(const QString &responseId) const
{
    QMutexLocker locker(&m_mutex);
    for (const auto &[id, bytes] : m_entries) {
        if (id == responseId)
            return bytes;
    }
    return {};
}

int DemoResultMemory::size() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_entries.size());
}
