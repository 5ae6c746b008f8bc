#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <utility>

class QIODevice;

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// Writes one HTTP/1.1 response to a socket. The body is framed by Content-Length, by chunked
// transfer coding (for streams of unknown length: the end of the stream is explicit, so a client
// can tell a finished stream from a dropped connection) or by closing the connection.
// Every response says "Connection: close": the loopback servers do not keep connections alive.
class HttpResponseWriter
{
public:
    enum class Framing { ContentLength, Chunked, CloseDelimited };

    explicit HttpResponseWriter(QIODevice *device);

    // `contentLength` is only used with Framing::ContentLength.
    void writeHead(int status, const HttpHeaders &headers, Framing framing,
                   qint64 contentLength = 0);
    void writeBody(QByteArrayView data); // one chunk when chunked
    void finish(); // the last chunk when chunked
    // A whole response with a Content-Length body.
    void writeComplete(int status, const QByteArray &contentType, const QByteArray &body,
                       const HttpHeaders &extraHeaders = {});

    bool headWritten() const { return m_headWritten; }
    bool finished() const { return m_finished; }
    qint64 bodyBytesWritten() const { return m_bodyBytes; }

    static QByteArray reasonPhrase(int status);
    static QByteArray head(int status, const HttpHeaders &headers, Framing framing,
                           qint64 contentLength = 0);

private:
    QIODevice *m_device = nullptr;
    Framing m_framing = Framing::ContentLength;
    bool m_headWritten = false;
    bool m_finished = false;
    qint64 m_bodyBytes = 0;
};
