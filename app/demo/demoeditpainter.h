#pragma once

#include <QImage>
#include <QString>

// Draws the offline demo's answer to an edit: the input picture (already scaled and cropped to
// the output size) colour-graded toward the prompt's palette (DemoTheme), with the demo's motif
// glowing where the edit happens and its "DEMO" mark, so the change is plain to see and still
// follows the prompt. With a mask, only the pixels where the mask is transparent (alpha < 128)
// change; every other pixel is the input's, exactly. Deterministic, and safe on any thread.
class DemoEditPainter
{
public:
    // `base` and `mask` have the output size (DemoImageDecoder::cover); a null mask edits
    // everything. `transparent` keeps the input's alpha (otherwise it is flattened on white
    // and the result is opaque). `completeness` below 1 gives a preview: a weaker grade,
    // blurred, as partial images of a generation are.
    static QImage paint(const QImage &base, const QImage &mask, const QString &prompt,
                        const QString &quality, bool transparent, double completeness);

    // Whether a pixel of the (scaled) mask lets the edit change the pixel under it.
    static bool editable(QRgb maskPixel) { return qAlpha(maskPixel) < 128; }

    // What paint() does for this prompt, in words (the demo's revised prompt for an edit).
    static QString describe(const QString &prompt, bool masked);
};
