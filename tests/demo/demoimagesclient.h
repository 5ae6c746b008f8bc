#pragma once

// A client of the offline demo's images endpoint for the demo tests: it posts over a real
// QNetworkAccessManager and keeps the answer as it came, in the reads it arrived in, with the SSE
// events parsed on the way; plus the checks the images tests share.
#include "demo/demogateway.h"
#include "gateway/sseparser.h"
#include "gateway/streamevent.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

#include <memory>

namespace DemoImagesClient {

// One request as it went over the wire: the body in the reads it arrived in.
struct Exchange
{
    QNetworkReply *reply = nullptr;
    QByteArray body;
    QList<SseEvent> events; // parsed as the bytes came in
    QList<int> readOfEvent; // which read completed each event
    int reads = 0;
    bool finished = false;

    int status() const
    {
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    QString contentType() const
    {
        return reply->header(QNetworkRequest::ContentTypeHeader).toString();
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

inline QImage decodeImage(const QByteArray &bytes, QByteArray *format = nullptr)
{
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    if (format)
        *format = reader.format();
    return reader.read();
}

inline QByteArray fromBase64(const QJsonObject &object)
{
    return QByteArray::fromBase64(object.value(QLatin1String("b64_json")).toString().toLatin1(),
                                  QByteArray::AbortOnBase64DecodingErrors);
}

inline QString sizeText(QSize size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

inline QList<StreamEvent> ofKind(const StreamEvents &events, StreamEvent::Kind kind)
{
    QList<StreamEvent> out;
    for (const StreamEvent &event : events) {
        if (event.kind == kind)
            out << event;
    }
    return out;
}

// Sends `body` to `path` below the demo's base URL (or to `path` as it is when it starts with
// /v1/); the reply belongs to `manager`.
inline std::unique_ptr<Exchange> send(QNetworkAccessManager *manager, const DemoGateway &demo,
                                      const QByteArray &body,
                                      const QString &path = QStringLiteral("/images/generations"),
                                      const QByteArray &method = "POST")
{
    auto exchange = std::make_unique<Exchange>();
    QUrl url = demo.baseUrl();
    url.setPath(path.startsWith(QLatin1String("/v1/")) ? path : url.path() + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer demo");
    exchange->reply = method == "POST" ? manager->post(request, body)
                                       : manager->sendCustomRequest(request, method);
    Exchange *x = exchange.get();
    auto parser = std::make_shared<SseParser>();
    QObject::connect(x->reply, &QNetworkReply::readyRead, x->reply, [x, parser] {
        const QByteArray chunk = x->reply->readAll();
        ++x->reads;
        x->body += chunk;
        const qsizetype before = x->events.size();
        parser->feed(chunk, x->events);
        for (qsizetype i = before; i < x->events.size(); ++i)
            x->readOfEvent << x->reads;
    });
    QObject::connect(x->reply, &QNetworkReply::finished, x->reply, [x, parser] {
        if (x->reply->isOpen()) // an aborted reply is closed already
            x->body += x->reply->readAll();
        parser->finish(x->events);
        x->finished = true;
    });
    return exchange;
}

inline bool waitFor(Exchange &exchange, int timeoutMs = 60000)
{
    return QTest::qWaitFor([&] { return exchange.finished; }, timeoutMs);
}

} // namespace DemoImagesClient
