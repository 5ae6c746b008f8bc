#pragma once

#include "ssescript.h"

#include <QThread>

class SseStreamServer;

// Owns an SseStreamServer and the thread it runs on; every call is safe from the GUI thread.
class LoopbackSseServer
{
public:
    LoopbackSseServer();
    ~LoopbackSseServer();
    LoopbackSseServer(const LoopbackSseServer &) = delete;
    LoopbackSseServer &operator=(const LoopbackSseServer &) = delete;

    quint16 port() const { return m_port; } // 0 when it could not listen
    // The body of the next response. Call before the request is sent.
    void setScript(const SseScript &script);
    void release();
    qint64 stampNs() const;
    int requestCount() const;
    bool finishedWriting() const;

private:
    QThread m_thread;
    SseStreamServer *m_server;
    quint16 m_port = 0;
};
