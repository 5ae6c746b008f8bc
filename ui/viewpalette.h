#pragma once

#include <QColor>
#include <QPalette>

// Colours of the conversation view, derived from the palette so they work in light and dark
// themes: every tint is a mix of palette roles, never a fixed colour on an assumed background.
namespace ViewPalette {

inline QColor mix(const QColor &from, const QColor &to, qreal amount)
{
    const qreal keep = 1.0 - amount;
    return QColor::fromRgbF(float(from.redF() * keep + to.redF() * amount),
                            float(from.greenF() * keep + to.greenF() * amount),
                            float(from.blueF() * keep + to.blueF() * amount),
                            float(from.alphaF() * keep + to.alphaF() * amount));
}

inline bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

inline QColor secondaryText(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.42);
}

inline QColor hairline(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.12);
}

inline QColor cardFill(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.045);
}

inline QColor accent(const QPalette &palette)
{
    return palette.color(QPalette::Highlight);
}

// The designer's own words: a light tint of the accent, stronger on dark backgrounds.
inline QColor bubbleFill(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight),
               isDark(palette) ? 0.26 : 0.11);
}

inline QColor focusFill(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight),
               isDark(palette) ? 0.10 : 0.05);
}

inline QColor progress(const QPalette &palette)
{
    return mix(palette.color(QPalette::Highlight), palette.color(QPalette::Text), 0.25);
}

inline QColor error(const QPalette &palette)
{
    const QColor red = isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    return mix(red, palette.color(QPalette::Text), 0.12);
}

inline QColor warning(const QPalette &palette)
{
    const QColor amber = isDark(palette) ? QColor(0xf0, 0xb4, 0x29) : QColor(0xa0, 0x5a, 0x00);
    return mix(amber, palette.color(QPalette::Text), 0.12);
}

} // namespace ViewPalette
