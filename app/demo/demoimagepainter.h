#pragma once

#include <QImage>
#include <QSize>
#include <QString>

class QPainter;

// Draws the offline demo's pictures: a layered concept-art landscape (gradient sky, sun or moon,
// ridges fading into the haze, a stylized subject, a "DEMO" mark in a corner) whose palette and
// features follow words of the prompt (sunset, night, forest, ocean, red, …). The same prompt
// always gives the same picture. Safe to call from any thread: it only touches QImage/QPainter
// and draws its text as vector strokes, without fonts.
class DemoImagePainter
{
public:
    // `quality` sets the level of detail (low draws few shapes and is fastest, high many).
    // `transparent` leaves everything outside a round badge fully transparent.
    // `completeness` below 1 gives a preview: fewer layers, blurred, as a partial image.
    // `variant` picks one of the prompt's pictures (the n images of one request): the palette
    // stays the prompt's, the shapes differ. Variant 0 is the picture the Responses path draws.
    static QImage paint(const QString &prompt, QSize size, const QString &quality, bool transparent,
                        double completeness, quint32 variant = 0);

    // What paint() draws for this prompt, in words, e.g. "a sunset palette, forest ridges and a
    // ring portal" (used as the demo's revised prompt).
    static QString describe(const QString &prompt);

    // The "DEMO" mark of the bottom right corner, in strokes (no font needed); edits carry it too.
    static void drawMark(QPainter &painter, QSizeF size);

    // The seed of a prompt's picture: stable across runs and platforms (unlike qHash).
    static quint32 seedFor(const QString &prompt);
};
