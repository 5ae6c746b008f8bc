#pragma once

#include "benchoptions.h"
#include "figurereport.h"

#include <QList>

// Figure 1 of issue #2: the protocol core's throughput on a 5 MB Responses stream fed in 16 KB
// chunks through SseParser + ResponsesDecoder, against memcpy of the same chunks and
// QJsonDocument::fromJson of the big event alone; and QByteArray::fromBase64Encoding's throughput
// on the final image's base64.
class SseDecodeBench
{
public:
    explicit SseDecodeBench(const BenchOptions &options);

    // Returns the figures asked for: sse_decode, base64_decode (or one of them with --only).
    QList<FigureReport> run();

private:
    void buildStream();
    FigureReport sseDecode();
    FigureReport base64Decode();

    BenchOptions m_options;
    QByteArray m_stream; // the whole SSE body
    QByteArray m_bigEventData; // the JSON of the output_item.done event that carries the image
    QByteArray m_finalBase64;
    QByteArray m_finalImage; // the encoded PNG
    int m_partialCount = 0;
    QString m_text;
};
