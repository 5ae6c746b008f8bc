#include "fakes/fakegateway.h"

#include "demo/httprequestreader.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

// FakeResponse -------------------------------------------------------------------------------

FakeResponse FakeResponse::json(int status, const QByteArray &body, const HttpHeaders &headers)
{
    return text(status, "application/json", body, headers);
}

FakeResponse FakeResponse::text(int status, const QByteArray &contentType, const QByteArray &body,
                                const HttpHeaders &headers)
{
    FakeResponse response;
    response.status = status;
    response.headers = headers;
    response.headers.prepend({ "Content-Type", contentType });
    if (!body.isEmpty())
        response.chunks.append({ body });
    return response;
}

FakeResponse FakeResponse::sse(const QList<QByteArray> &events, int delayMs)
{
    FakeResponse response;
    response.headers = { { "Content-Type", "text/event-stream" }, { "Cache-Control", "no-cache" } };
    response.framing = Framing::Chunked;
    for (const QByteArray &event : events)
        response.chunks.append({ event, response.chunks.isEmpty() ? 0 : delayMs });
    return response;
}

FakeResponse FakeResponse::silent()
{
    FakeResponse response;
    response.headDelayMs = -1;
    return response;
}

FakeResponse FakeResponse::redirect(const QByteArray &location, int status)
{
    FakeResponse response;
    response.status = status;
    response.headers = { { "Location", location } };
    return response;
}

FakeResponse FakeResponse::html(int status, const QByteArray &body)
{
    return text(status, "text/html; charset=utf-8",
                body.isEmpty() ? QByteArray("<!DOCTYPE html>\n<html><head><title>Sign in</title>"
                                            "</head><body><h1>Please sign in</h1></body></html>\n")
                               : body);
}

FakeResponse FakeResponse::bulk(qint64 size, const QByteArray &prefix,
                                const QByteArray &contentType, Framing framing)
{
    constexpr qint64 chunkSize = 64 * 1024;
    FakeResponse response;
    response.headers = { { "Content-Type", contentType } };
    response.framing = framing;
    QByteArray body = prefix.left(size);
    body.append(QByteArray(size - body.size(), 'x'));
    for (qint64 offset = 0; offset < size; offset += chunkSize)
        response.chunks.append({ body.mid(offset, chunkSize) });
    return response;
}

FakeResponse &FakeResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({ name, value });
    return *this;
}

FakeResponse &FakeResponse::addChunk(const QByteArray &data, int delayMs, bool waitForRelease)
{
    chunks.append({ data, delayMs, waitForRelease });
    return *this;
}

FakeResponse &FakeResponse::stallAfter(qint64 bodyBytes)
{
    ending = Ending::Stall;
    endAfterBytes = bodyBytes;
    return *this;
}

FakeResponse &FakeResponse::closeAfter(qint64 bodyBytes)
{
    ending = Ending::Close;
    endAfterBytes = bodyBytes;
    return *this;
}

FakeResponse &FakeResponse::resetAfter(qint64 bodyBytes)
{
    ending = Ending::Reset;
    endAfterBytes = bodyBytes;
    return *this;
}

qint64 FakeResponse::bodySize() const
{
    qint64 size = 0;
    for (const Chunk &chunk : chunks)
        size += chunk.data.size();
    return size;
}

// FakeConnection: plays one scripted response on one socket ------------------------------------

class FakeConnection : public QObject
{
public:
    FakeConnection(QTcpSocket *socket, FakeGateway *gateway)
        : QObject(gateway)
        , m_gateway(gateway)
        , m_socket(socket)
        , m_writer(socket)
    {
        socket->setParent(this);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { m_next(); });
        connect(socket, &QTcpSocket::readyRead, this, &FakeConnection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            m_timer.stop();
            endRequest();
            deleteLater();
        });
    }

    bool isHeld() const { return m_held; }
    bool carriedRequest() const { return m_started; }

    void release()
    {
        m_released = true;
        if (m_held && m_socket->state() == QAbstractSocket::ConnectedState) {
            m_held = false;
            sendChunks();
        }
    }

    void drop() { m_socket->abort(); }

private:
    void onReadyRead()
    {
        const QByteArray bytes = m_socket->readAll();
        if (m_started)
            return;
        const HttpRequestReader::State state = m_reader.feed(bytes);
        if (state == HttpRequestReader::State::Failed) {
            m_started = true;
            m_writer.writeComplete(m_reader.errorStatus(), "text/plain",
                                   m_reader.errorMessage().toUtf8());
            m_socket->disconnectFromHost();
            return;
        }
        if (state != HttpRequestReader::State::Complete)
            return;
        m_started = true;
        const HttpRequest request = m_reader.takeRequest();
        m_response = m_gateway->responseFor(request);
        m_inFlight = true;
        m_gateway->requestStarted(request);
        if (m_response.headDelayMs < 0)
            return; // never answers
        after(m_response.headDelayMs, [this] { sendHead(); });
    }

    void after(int delayMs, std::function<void()> next)
    {
        m_next = std::move(next);
        if (delayMs > 0)
            m_timer.start(delayMs);
        else
            m_next();
    }

    void sendHead()
    {
        m_writer.writeHead(m_response.status, m_response.headers, m_response.framing,
                           m_response.bodySize());
        sendChunks();
    }

    void sendChunks()
    {
        while (m_chunkIndex < m_response.chunks.size()) {
            const FakeResponse::Chunk &chunk = m_response.chunks.at(m_chunkIndex);
            if (chunk.waitForRelease && !m_released) {
                m_held = true;
                Q_EMIT m_gateway->held();
                return;
            }
            if (chunk.delayMs > 0 && !m_delayDone) {
                m_delayDone = true;
                after(chunk.delayMs, [this] { sendChunks(); });
                return;
            }
            m_delayDone = false;
            QByteArray data = chunk.data;
            const qint64 limit = m_response.ending == FakeResponse::Ending::Complete
                ? -1
                : m_response.endAfterBytes;
            if (limit >= 0 && m_sent + data.size() > limit) {
                data.truncate(limit - m_sent);
                m_writer.writeBody(data);
                m_sent += data.size();
                end();
                return;
            }
            m_writer.writeBody(data);
            m_sent += data.size();
            ++m_chunkIndex;
            m_socket->flush(); // each chunk leaves as its own write
        }
        if (m_response.ending != FakeResponse::Ending::Complete) {
            end();
            return;
        }
        m_writer.finish();
        endRequest();
        m_socket->disconnectFromHost();
    }

    void end()
    {
        switch (m_response.ending) {
        case FakeResponse::Ending::Complete:
        case FakeResponse::Ending::Stall:
            return; // silent, open: the client has to time out
        case FakeResponse::Ending::Close:
            endRequest();
            m_socket->disconnectFromHost(); // FIN after the buffered bytes
            return;
        case FakeResponse::Ending::Reset:
            m_socket->flush();
            // Let the bytes already written reach the client before the reset destroys them.
            after(50, [this] {
#ifdef Q_OS_UNIX
                const linger hard { 1, 0 }; // close() then sends RST instead of FIN
                ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard,
                             sizeof hard);
#endif
                endRequest();
                m_socket->abort();
            });
            return;
        }
    }

    void endRequest()
    {
        if (!m_inFlight)
            return;
        m_inFlight = false;
        m_gateway->requestEnded();
    }

    FakeGateway *m_gateway;
    QTcpSocket *m_socket;
    HttpRequestReader m_reader;
    HttpResponseWriter m_writer;
    FakeResponse m_response;
    QTimer m_timer;
    std::function<void()> m_next;
    qsizetype m_chunkIndex = 0;
    qint64 m_sent = 0;
    bool m_started = false;
    bool m_inFlight = false;
    bool m_delayDone = false;
    bool m_held = false;
    bool m_released = false;
};

// FakeGateway ----------------------------------------------------------------------------------

FakeGateway::FakeGateway(QObject *parent)
    : QObject(parent)
    , m_fallback(FakeResponse::json(
          500, R"({"error":{"message":"The fake gateway has no scripted response left."}})"))
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeGateway::onNewConnection);
}

FakeGateway::~FakeGateway() = default;

bool FakeGateway::listen()
{
    return m_server.isListening() || m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeGateway::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    url.setPath(path);
    return url;
}

void FakeGateway::enqueue(const FakeResponse &response)
{
    m_queue.append(response);
}

void FakeGateway::setRoute(const QByteArray &path, const FakeResponse &response)
{
    m_routes.insert(path, response);
}

QByteArray FakeGateway::addRedirectChain(const QByteArray &prefix, int hops,
                                         const QByteArray &target)
{
    for (int hop = 1; hop <= hops; ++hop) {
        const QByteArray next = hop == hops ? target : prefix + '/' + QByteArray::number(hop + 1);
        setRoute(prefix + '/' + QByteArray::number(hop), FakeResponse::redirect(next));
    }
    return hops > 0 ? prefix + "/1" : target;
}

QList<HttpRequest> FakeGateway::requestsFor(const QByteArray &path) const
{
    QList<HttpRequest> matching;
    for (const HttpRequest &request : m_requests) {
        if (request.path == path)
            matching.append(request);
    }
    return matching;
}

void FakeGateway::setFallback(const FakeResponse &response)
{
    m_fallback = response;
}

void FakeGateway::release()
{
    for (const QPointer<FakeConnection> &connection : std::as_const(m_connections)) {
        if (connection)
            connection->release();
    }
}

void FakeGateway::closeAll()
{
    for (const QPointer<FakeConnection> &connection : std::as_const(m_connections)) {
        if (connection)
            connection->drop();
    }
}

int FakeGateway::heldConnections() const
{
    int count = 0;
    for (const QPointer<FakeConnection> &connection : m_connections)
        count += connection && connection->isHeld() ? 1 : 0;
    return count;
}

int FakeGateway::openConnections() const
{
    int count = 0;
    for (const QPointer<FakeConnection> &connection : m_connections)
        count += connection ? 1 : 0;
    return count;
}

int FakeGateway::requestConnections() const
{
    int count = 0;
    for (const QPointer<FakeConnection> &connection : m_connections)
        count += connection && connection->carriedRequest() ? 1 : 0;
    return count;
}

FakeResponse FakeGateway::responseFor(const HttpRequest &request)
{
    const auto route = m_routes.constFind(request.path);
    if (route != m_routes.cend())
        return route.value();
    if (!m_queue.isEmpty())
        return m_queue.takeFirst();
    return m_fallback;
}

void FakeGateway::requestStarted(const HttpRequest &request)
{
    m_requests.append(request);
    ++m_inFlight;
    m_maxInFlight = qMax(m_maxInFlight, m_inFlight);
    Q_EMIT requestReceived(request);
    Q_EMIT inFlightChanged(m_inFlight);
}

void FakeGateway::requestEnded()
{
    --m_inFlight;
    Q_EMIT inFlightChanged(m_inFlight);
}

void FakeGateway::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_connections.removeAll(nullptr);
        m_connections.append(new FakeConnection(socket, this));
    }
}
