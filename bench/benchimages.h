#pragma once

#include "responsesstreamwriter.h"

#include <QSize>
#include <QString>

// The pictures of the GUI figures: real encoded files of the sizes and formats the image tool
// returns, as noisy as generated concept art so that decoding them costs what it costs in use.
class BenchImages
{
public:
    BenchImages();

    // A final image (detail 1) or a preview (detail below 1: fewer noisy pixels, a smaller file),
    // in png, jpeg or webp. `seed` makes each picture different bytes, so each is a new file.
    ResponsesStreamWriter::Image make(QSize size, const QString &format, quint32 seed,
                                      double detail = 1.0) const;

private:
    int m_noise; // the amplitude that makes a 1536x1024 PNG about 2.6 MB (3.5 MB of base64)
};
