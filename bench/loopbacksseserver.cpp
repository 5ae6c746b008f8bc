#include "loopbacksseserver.h"

#include "ssestreamserver.h"

LoopbackSseServer::LoopbackSseServer()
    : m_server(new SseStreamServer)
{
    m_thread.setObjectName(QStringLiteral("bench-sse-server"));
    m_server->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_server, [this] { return m_server->listen(); }, Qt::BlockingQueuedConnection, &m_port);
}

LoopbackSseServer::~LoopbackSseServer()
{
    m_thread.quit();
    m_thread.wait();
}

void LoopbackSseServer::setScript(const SseScript &script)
{
    SseStreamServer *server = m_server;
    QMetaObject::invokeMethod(
        server, [server, script] { server->setScript(script); }, Qt::BlockingQueuedConnection);
}

void LoopbackSseServer::release()
{
    SseStreamServer *server = m_server;
    QMetaObject::invokeMethod(
        server, [server] { server->release(); }, Qt::QueuedConnection);
}

qint64 LoopbackSseServer::stampNs() const
{
    return m_server->stampNs();
}

int LoopbackSseServer::requestCount() const
{
    return m_server->requestCount();
}

bool LoopbackSseServer::finishedWriting() const
{
    return m_server->finishedWriting();
}
