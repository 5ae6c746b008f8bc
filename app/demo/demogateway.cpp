#include "demo/demogateway.h"

#include "demo/demoresultmemory.h"
#include "demo/demosession.h"

#include <QHostAddress>
#include <QTcpSocket>

DemoGateway::DemoGateway(QObject *parent)
    : QObject(parent)
    , m_memory(std::make_shared<DemoResultMemory>())
{
    connect(&m_server, &QTcpServer::newConnection, this, &DemoGateway::onNewConnection);
}

DemoGateway::~DemoGateway() = default;

bool DemoGateway::start()
{
    if (m_server.isListening())
        return true;
    // Loopback only: the demo must never be reachable from the network.
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void DemoGateway::stop()
{
    m_server.close();
}

QUrl DemoGateway::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    url.setPath(QStringLiteral("/v1"));
    return url;
}

void DemoGateway::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *session = new DemoSession(socket, m_pacingMs, m_memory, this);
        connect(session, &DemoSession::served, this, [this] {
            ++m_served;
            Q_EMIT requestServed();
        });
    }
}
