#pragma once

#include "demo/httprequest.h"
#include "demo/httpresponsewriter.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

class FakeConnection;

// One scripted answer of the fake gateway.
struct FakeResponse
{
    struct Chunk
    {
        QByteArray data;
        int delayMs = 0; // pause before this chunk goes out
        bool waitForRelease = false; // hold before this chunk until FakeGateway::release()
    };
    using Framing = HttpResponseWriter::Framing;
    // How the body ends: normally, or after `endAfterBytes` body bytes by stalling (the
    // connection stays open and silent), closing (FIN) or resetting it (RST).
    enum class Ending { Complete, Stall, Close, Reset };

    int status = 200;
    HttpHeaders headers;
    QList<Chunk> chunks;
    Framing framing = Framing::ContentLength; // Content-Length counts all chunks
    int headDelayMs = 0; // before the status line; -1: never answer
    Ending ending = Ending::Complete;
    qint64 endAfterBytes = -1; // -1: after the whole body

    static FakeResponse json(int status, const QByteArray &body, const HttpHeaders &headers = {});
    static FakeResponse text(int status, const QByteArray &contentType, const QByteArray &body,
                             const HttpHeaders &headers = {});
    // A text/event-stream with chunked framing, one chunk per event, `delayMs` apart.
    static FakeResponse sse(const QList<QByteArray> &events, int delayMs = 0);
    static FakeResponse silent(); // accepts the request and never answers
    // A redirect to `location` (absolute, or relative to the request) with an empty body.
    static FakeResponse redirect(const QByteArray &location, int status = 302);
    // An HTML page, what servers send instead of an image (a login page, a CDN notice).
    static FakeResponse html(int status = 200, const QByteArray &body = {});
    // A body of `size` bytes that starts with `prefix` (e.g. an image signature) and goes out in
    // 64 KB chunks. With Framing::Chunked no length is announced, so a client must count while
    // reading; with ContentLength the size is announced up front.
    static FakeResponse bulk(qint64 size, const QByteArray &prefix = {},
                             const QByteArray &contentType = "application/octet-stream",
                             Framing framing = Framing::ContentLength);

    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value);
    FakeResponse &addChunk(const QByteArray &data, int delayMs = 0, bool waitForRelease = false);
    FakeResponse &stallAfter(qint64 bodyBytes);
    FakeResponse &closeAfter(qint64 bodyBytes);
    FakeResponse &resetAfter(qint64 bodyBytes);
    qint64 bodySize() const;
};

// A loopback HTTP/1.1 server for tests whose answers are scripted: status, headers, a body in
// chunks with pauses, stalls, dropped or reset connections, fixed answers for paths such as image
// URLs. It records every request and counts the requests in flight (received and not yet fully
// answered), so tests can check retries and concurrency limits.
class FakeGateway : public QObject
{
    Q_OBJECT
public:
    explicit FakeGateway(QObject *parent = nullptr);
    ~FakeGateway() override;

    bool listen(); // 127.0.0.1, a free port
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path = QStringLiteral("/")) const;

    // Answers for the next requests, in order (routes take precedence).
    void enqueue(const FakeResponse &response);
    // The answer to every request for `path` (the query is ignored).
    void setRoute(const QByteArray &path, const FakeResponse &response);
    // Routes `prefix`/1 ... `prefix`/`hops`, each redirecting to the next and the last one to
    // `target` (a path or an absolute URL). Returns the path of the first hop.
    QByteArray addRedirectChain(const QByteArray &prefix, int hops, const QByteArray &target);
    // The answer when no route matches and the queue is empty (by default a 500 saying so).
    void setFallback(const FakeResponse &response);
    // Lets every held connection go past its waitForRelease chunk.
    void release();
    // Drops every open connection (a server crash).
    void closeAll();

    QList<HttpRequest> requests() const { return m_requests; }
    QList<HttpRequest> requestsFor(const QByteArray &path) const; // by path, query ignored
    int requestCount() const { return int(m_requests.size()); }
    int inFlight() const { return m_inFlight; }
    int maxInFlight() const { return m_maxInFlight; }
    int heldConnections() const;
    // Every socket still open, including the idle ones Qt's connection pool opened ahead of a
    // request and keeps for later.
    int openConnections() const;
    // The open sockets that carried a request: what a cancelled download must have closed.
    int requestConnections() const;

Q_SIGNALS:
    void requestReceived(const HttpRequest &request);
    void inFlightChanged(int count);
    void held(); // a connection paused at a waitForRelease chunk

private:
    friend class FakeConnection;
    FakeResponse responseFor(const HttpRequest &request);
    void requestStarted(const HttpRequest &request);
    void requestEnded();
    void onNewConnection();

    QTcpServer m_server;
    QList<FakeResponse> m_queue;
    QHash<QByteArray, FakeResponse> m_routes;
    FakeResponse m_fallback;
    QList<HttpRequest> m_requests;
    QList<QPointer<FakeConnection>> m_connections;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
};
