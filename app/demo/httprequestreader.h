#pragma once

#include "demo/httprequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Reads one HTTP/1.1 request from bytes that arrive in pieces of any size (a header line can be
// split across reads, the body can come long after the head). Bodies are framed by Content-Length;
// chunked request bodies are refused with 411, which is what a small loopback server may do.
// The header section is searched once, from where the last search stopped, so a slow client
// costs linear time.
class HttpRequestReader
{
public:
    enum class State { Incomplete, Complete, Failed };

    static constexpr qsizetype maxHeaderBytes = 64 * 1024;
    static constexpr qint64 defaultMaxBodyBytes = 64 * 1024 * 1024;

    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    State feed(QByteArrayView bytes);
    State state() const { return m_state; }

    // True once the request line and headers are in (the body may still be missing).
    bool headComplete() const { return m_headComplete; }
    // The head is in, the body is not, and the client waits for "100 Continue" before sending it.
    bool expectsContinue() const;

    // The request so far; complete once state() is Complete.
    const HttpRequest &request() const { return m_request; }
    HttpRequest takeRequest();

    // When Failed: the status to answer with (400, 411, 413, 431, 505) and why.
    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }

    void reset();

private:
    State fail(int status, const QString &message);
    bool parseHead(QByteArrayView head);
    State takeBody();

    QByteArray m_buffer;
    qsizetype m_searchFrom = 0;
    bool m_headComplete = false;
    qint64 m_contentLength = 0;
    qint64 m_maxBodyBytes = defaultMaxBodyBytes;
    State m_state = State::Incomplete;
    HttpRequest m_request;
    int m_errorStatus = 0;
    QString m_errorMessage;
};
