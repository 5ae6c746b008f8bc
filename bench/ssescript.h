#pragma once

#include <QByteArray>
#include <QList>

// What the loopback server sends after the response headers: the SSE body in segments, each
// written in one go after an optional pause, or held until the benchmark releases it.
struct SseSegment
{
    QByteArray bytes;
    int delayMs = 0; // pause before writing it (a server thinking between events)
    bool held = false; // written only after LoopbackSseServer::release()
    bool stamp = false; // note when its last byte was handed to the socket
};

using SseScript = QList<SseSegment>;
