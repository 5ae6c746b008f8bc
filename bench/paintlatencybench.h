#pragma once

#include "benchoptions.h"
#include "figurereport.h"

#include <QSize>

class BenchImages;

// Figure 2 of issue #2: from the moment the loopback server hands the last byte of the final
// image event to its socket, to the moment the conversation view has painted that image's decoded
// pixels. A real turn runs through ChatSession and a shown ConversationView; a partial preview
// comes first (as with partial_images: 1) and the final event is held until the view is quiet,
// so the figure is the final image's own latency.
class PaintLatencyBench
{
public:
    explicit PaintLatencyBench(const BenchOptions &options);

    FigureReport run();

private:
    struct Case
    {
        QString format;
        QSize size;
        QString name() const;
    };
    // Measures one case; returns an empty string, or why it could not be measured.
    QString runCase(const Case &spec, const BenchImages &images, QJsonObject *result,
                    Samples *latency, Samples *decodeOnly);

    BenchOptions m_options;
};
