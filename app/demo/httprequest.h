#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <utility>

// One HTTP/1.1 request as a loopback server received it.
struct HttpRequest
{
    QByteArray method; // "POST"
    QByteArray target; // as sent: "/v1/responses?x=1"
    QByteArray path; // the target without its query: "/v1/responses"
    QByteArray version; // "HTTP/1.1"
    QList<std::pair<QByteArray, QByteArray>> headers; // in order, names as sent
    QByteArray body;

    // The first header of that name (compared without case), or an empty array.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto &header : headers) {
            if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};
