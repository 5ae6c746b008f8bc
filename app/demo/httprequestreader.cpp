#include "demo/httprequestreader.h"

#include <QList>

#include <algorithm>

HttpRequestReader::State HttpRequestReader::feed(QByteArrayView bytes)
{
    if (m_state != State::Incomplete)
        return m_state;
    m_buffer.append(bytes);

    if (!m_headComplete) {
        // A method is a run of capital letters; anything else up front (a TLS ClientHello sent
        // to a plain-HTTP port starts with 0x16) is answered at once instead of waiting forever
        // for a blank line that will never come.
        // Blank lines before the request line are ignored (RFC 9112 2.2). They are dropped here,
        // before the search for the blank line that ends the head, which would otherwise take
        // two of them for that end, depending on how the bytes were split into reads.
        qsizetype i = 0;
        while (i < m_buffer.size() && (m_buffer.at(i) == '\r' || m_buffer.at(i) == '\n'))
            ++i;
        if (i > 0) {
            m_buffer.remove(0, i);
            m_searchFrom = std::max<qsizetype>(0, m_searchFrom - i);
            i = 0;
        }
        for (const qsizetype methodStart = i; i < m_buffer.size() && m_buffer.at(i) != ' '; ++i) {
            const char c = m_buffer.at(i);
            if (c < 'A' || c > 'Z')
                return fail(400, QStringLiteral("This is not an HTTP request."));
            if (i - methodStart >= 16)
                return fail(400, QStringLiteral("The request method is too long."));
        }
        // Look for the blank line that ends the head: "\r\n\r\n", or "\n\n" from lax clients.
        qsizetype headEnd = -1;
        qsizetype pos = m_searchFrom;
        while (true) {
            const qsizetype lf = m_buffer.indexOf('\n', pos);
            if (lf < 0) {
                m_searchFrom = m_buffer.size();
                break;
            }
            if (lf + 1 >= m_buffer.size()
                || (m_buffer.at(lf + 1) == '\r' && lf + 2 >= m_buffer.size())) {
                m_searchFrom = lf; // the next bytes decide whether this line ends the head
                break;
            }
            if (m_buffer.at(lf + 1) == '\n') {
                headEnd = lf + 2;
                break;
            }
            if (m_buffer.at(lf + 1) == '\r' && m_buffer.at(lf + 2) == '\n') {
                headEnd = lf + 3;
                break;
            }
            pos = lf + 1;
        }
        if (headEnd < 0) {
            if (m_buffer.size() > maxHeaderBytes)
                return fail(431, QStringLiteral("The request headers are larger than 64 KB."));
            return m_state;
        }
        if (headEnd > maxHeaderBytes)
            return fail(431, QStringLiteral("The request headers are larger than 64 KB."));
        if (!parseHead(QByteArrayView(m_buffer).first(headEnd)))
            return m_state;
        m_buffer.remove(0, headEnd);
        m_headComplete = true;
    }
    return takeBody();
}

bool HttpRequestReader::parseHead(QByteArrayView head)
{
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < head.size()) {
        qsizetype lf = head.indexOf('\n', start);
        if (lf < 0)
            lf = head.size();
        QByteArrayView line = head.sliced(start, lf - start);
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
        start = lf + 1;
    }
    while (!lines.isEmpty() && lines.first().isEmpty()) // RFC 9112 2.2: ignore leading blank lines
        lines.removeFirst();
    if (lines.isEmpty()) {
        fail(400, QStringLiteral("The request line is missing."));
        return false;
    }

    const QList<QByteArray> parts = lines.first().toByteArray().split(' ');
    if (parts.size() != 3 || parts.at(0).isEmpty() || !parts.at(1).startsWith('/')) {
        fail(400, QStringLiteral("The request line is malformed."));
        return false;
    }
    if (!parts.at(2).startsWith("HTTP/1.")) {
        fail(505, QStringLiteral("Only HTTP/1.x is spoken here."));
        return false;
    }
    m_request.method = parts.at(0);
    m_request.target = parts.at(1);
    m_request.version = parts.at(2);
    const qsizetype query = m_request.target.indexOf('?');
    m_request.path = query < 0 ? m_request.target : m_request.target.left(query);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, QStringLiteral("A request header line has no name."));
            return false;
        }
        m_request.headers.append({ line.first(colon).trimmed().toByteArray(),
                                   line.sliced(colon + 1).trimmed().toByteArray() });
    }

    if (!m_request.header("Transfer-Encoding").isEmpty()) {
        fail(411, QStringLiteral("Chunked request bodies are not supported; send Content-Length."));
        return false;
    }
    const QByteArray length = m_request.header("Content-Length");
    if (!length.isEmpty()) {
        bool ok = false;
        m_contentLength = length.toLongLong(&ok);
        if (!ok || m_contentLength < 0) {
            fail(400, QStringLiteral("The Content-Length header is not a number."));
            return false;
        }
        if (m_contentLength > m_maxBodyBytes) {
            fail(413,
                 QStringLiteral("The request body is larger than %1 MB.")
                     .arg(m_maxBodyBytes / (1024 * 1024)));
            return false;
        }
    }
    return true;
}

HttpRequestReader::State HttpRequestReader::takeBody()
{
    if (m_buffer.size() < m_contentLength)
        return m_state;
    m_request.body = m_buffer.left(m_contentLength);
    m_buffer.remove(0, m_contentLength); // pipelined bytes stay for a later request
    m_state = State::Complete;
    return m_state;
}

bool HttpRequestReader::expectsContinue() const
{
    return m_headComplete && m_state == State::Incomplete
        && m_request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0;
}

HttpRequest HttpRequestReader::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = {};
    return request;
}

HttpRequestReader::State HttpRequestReader::fail(int status, const QString &message)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    return m_state;
}

void HttpRequestReader::reset()
{
    const qint64 maxBodyBytes = m_maxBodyBytes;
    *this = HttpRequestReader();
    m_maxBodyBytes = maxBodyBytes;
}
