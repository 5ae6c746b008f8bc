#pragma once

#include "ssescript.h"

#include <QObject>
#include <QPointer>

#include <atomic>

class QTcpServer;
class QTcpSocket;

// A one-connection HTTP/1.1 server that answers any request with `200 text/event-stream` and a
// prepared SSE body (chunked, as gateways send it). It lives on its own thread, like a remote
// gateway would, so its writes never count against the GUI thread being measured; the benchmark
// drives it through LoopbackSseServer.
class SseStreamServer : public QObject
{
    Q_OBJECT
public:
    explicit SseStreamServer(QObject *parent = nullptr);

    // On the server's thread. Returns the port, 0 when it cannot listen.
    quint16 listen();
    void setScript(const SseScript &script);
    void release(); // lets the next held segment go

    // When the last byte of the stamped segment went to the socket (benchNowNs), 0 until then.
    qint64 stampNs() const { return m_stampNs.load(); }
    int requestCount() const { return m_requests.load(); }
    bool finishedWriting() const { return m_finished.load(); }

private:
    void onNewConnection();
    void onReadyRead();
    void onBytesWritten(qint64 bytes);
    void writeNext();

    QTcpServer *m_server = nullptr;
    QPointer<QTcpSocket> m_socket;
    QByteArray m_request;
    bool m_answered = false;
    SseScript m_script;
    qsizetype m_next = 0;
    int m_releases = 0; // release() calls not used yet
    bool m_waitingForRelease = false;
    qint64 m_queued = 0; // bytes given to the socket
    qint64 m_written = 0; // bytes the socket reported written to the OS
    qint64 m_stampOffset = -1;
    std::atomic<qint64> m_stampNs = 0;
    std::atomic<int> m_requests = 0;
    std::atomic<bool> m_finished = false;
};
