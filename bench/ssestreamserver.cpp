#include "ssestreamserver.h"

#include "benchclock.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

SseStreamServer::SseStreamServer(QObject *parent)
    : QObject(parent)
{
}

quint16 SseStreamServer::listen()
{
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &SseStreamServer::onNewConnection);
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return 0;
    return m_server->serverPort();
}

void SseStreamServer::setScript(const SseScript &script)
{
    m_script = script;
    m_next = 0;
    m_releases = 0;
    m_answered = false;
    m_request.clear();
    m_queued = 0;
    m_written = 0;
    m_stampOffset = -1;
    m_stampNs = 0;
    m_finished = false;
}

void SseStreamServer::release()
{
    ++m_releases;
    if (m_waitingForRelease) {
        m_waitingForRelease = false;
        writeNext();
    }
}

void SseStreamServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_socket) { // one turn at a time: a second connection is refused
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_socket = socket;
        connect(socket, &QTcpSocket::readyRead, this, &SseStreamServer::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, &SseStreamServer::onBytesWritten);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void SseStreamServer::onReadyRead()
{
    m_request += m_socket->readAll();
    if (m_answered)
        return;
    const qsizetype headerEnd = m_request.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    qint64 contentLength = 0;
    for (const QByteArray &line : m_request.left(headerEnd).split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            contentLength = line.mid(15).trimmed().toLongLong();
    }
    if (m_request.size() < headerEnd + 4 + contentLength)
        return; // the body is still coming
    m_answered = true;
    ++m_requests;
    const QByteArray head = QByteArrayLiteral("HTTP/1.1 200 OK\r\n"
                                              "Content-Type: text/event-stream; charset=utf-8\r\n"
                                              "Cache-Control: no-cache\r\n"
                                              "Transfer-Encoding: chunked\r\n"
                                              "Connection: close\r\n\r\n");
    m_queued += m_socket->write(head);
    writeNext();
}

void SseStreamServer::writeNext()
{
    if (!m_socket)
        return;
    if (m_next >= m_script.size()) {
        m_queued += m_socket->write("0\r\n\r\n");
        m_socket->disconnectFromHost(); // after what is queued has been written
        m_finished = true;
        return;
    }
    SseSegment &segment = m_script[m_next];
    if (segment.held) {
        if (m_releases == 0) {
            m_waitingForRelease = true;
            return;
        }
        --m_releases;
        segment.held = false;
    }
    if (segment.delayMs > 0) {
        const int delay = segment.delayMs;
        segment.delayMs = 0; // paused once
        QTimer::singleShot(delay, Qt::PreciseTimer, this, &SseStreamServer::writeNext);
        return;
    }
    // Chunked framing: one chunk per segment, as a gateway flushing each event group.
    const QByteArray size = QByteArray::number(segment.bytes.size(), 16) + "\r\n";
    m_queued += m_socket->write(size);
    m_queued += m_socket->write(segment.bytes);
    if (segment.stamp)
        m_stampOffset = m_queued;
    m_queued += m_socket->write("\r\n");
    ++m_next;
    writeNext();
}

void SseStreamServer::onBytesWritten(qint64 bytes)
{
    m_written += bytes;
    if (m_stampOffset >= 0 && m_written >= m_stampOffset && m_stampNs.load() == 0)
        m_stampNs = benchNowNs();
}
