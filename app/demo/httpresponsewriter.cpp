#include "demo/httpresponsewriter.h"

#include <QIODevice>

HttpResponseWriter::HttpResponseWriter(QIODevice *device)
    : m_device(device)
{
}

QByteArray HttpResponseWriter::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

QByteArray HttpResponseWriter::head(int status, const HttpHeaders &headers, Framing framing,
                                    qint64 contentLength)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (framing == Framing::ContentLength)
        out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    else if (framing == Framing::Chunked)
        out += "Transfer-Encoding: chunked\r\n";
    out += "Connection: close\r\n\r\n";
    return out;
}

void HttpResponseWriter::writeHead(int status, const HttpHeaders &headers, Framing framing,
                                   qint64 contentLength)
{
    if (m_headWritten)
        return;
    m_headWritten = true;
    m_framing = framing;
    m_device->write(head(status, headers, framing, contentLength));
}

void HttpResponseWriter::writeBody(QByteArrayView data)
{
    if (!m_headWritten || m_finished || data.isEmpty())
        return;
    m_bodyBytes += data.size();
    if (m_framing == Framing::Chunked) {
        m_device->write(QByteArray::number(data.size(), 16) + "\r\n");
        m_device->write(data.data(), data.size());
        m_device->write("\r\n", 2);
        return;
    }
    m_device->write(data.data(), data.size());
}

void HttpResponseWriter::finish()
{
    if (!m_headWritten || m_finished)
        return;
    m_finished = true;
    if (m_framing == Framing::Chunked)
        m_device->write("0\r\n\r\n", 5);
}

void HttpResponseWriter::writeComplete(int status, const QByteArray &contentType,
                                       const QByteArray &body, const HttpHeaders &extraHeaders)
{
    HttpHeaders headers = extraHeaders;
    headers.prepend({ "Content-Type", contentType });
    writeHead(status, headers, Framing::ContentLength, body.size());
    writeBody(body);
    finish();
}
