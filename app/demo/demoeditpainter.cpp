#include "demo/demoeditpainter.h"

#include "demo/demoimagepainter.h"
#include "demo/demotheme.h"
#include "model/imageflatten.h"

#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

// A colour grade as a lookup by luminance: dark pixels go toward a shade of the prompt's sky,
// light ones toward its glow, both pulled to the accent. The ramp rises with luminance, so what
// was darker stays darker: the picture keeps its structure and takes the prompt's colours.
QImage graded(const QImage &source, const DemoTheme &theme, double strength)
{
    const QColor shadow
        = DemoTheme::mix(DemoTheme::mix(theme.skyTop, theme.accent, 0.35), QColor(0, 0, 0), 0.25);
    const QColor highlight = DemoTheme::mix(DemoTheme::mix(theme.glow, theme.accent, 0.35),
                                            QColor(255, 255, 255), 0.25);
    std::array<QRgb, 256> ramp {};
    for (int l = 0; l < 256; ++l)
        ramp[size_t(l)] = DemoTheme::mix(shadow, highlight, l / 255.0).rgb();
    const int weight = int(std::lround(std::clamp(strength, 0.0, 1.0) * 256));
    const auto blend = [weight](int from, int to) {
        return from + ((to - from) * weight) / 256;
    };

    QImage out = source.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < out.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < out.width(); ++x) {
            const QRgb pixel = line[x];
            const QRgb target = ramp[size_t(qGray(pixel))];
            line[x] = qRgba(blend(qRed(pixel), qRed(target)), blend(qGreen(pixel), qGreen(target)),
                            blend(qBlue(pixel), qBlue(target)), qAlpha(pixel));
        }
    }
    return out;
}

// The bounding box of the pixels the mask lets change; empty when there are none.
QRect editableBounds(const QImage &mask)
{
    int left = mask.width(), top = mask.height(), right = -1, bottom = -1;
    for (int y = 0; y < mask.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(mask.constScanLine(y));
        for (int x = 0; x < mask.width(); ++x) {
            if (!DemoEditPainter::editable(line[x]))
                continue;
            left = std::min(left, x), right = std::max(right, x);
            top = std::min(top, y), bottom = std::max(bottom, y);
        }
    }
    return right < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}

int sparklesFor(const QString &quality)
{
    if (quality == QLatin1String("low"))
        return 8;
    if (quality == QLatin1String("high"))
        return 40;
    return 20;
}

// The demo's subject where the edit happens: an aura of the accent colour, the motif (a ring
// portal, or a cluster of crystals for the other motifs) and sparkles, sized to `area`.
void drawFocus(QPainter &p, const DemoTheme &theme, const QRectF &area, quint32 seed, int sparkles)
{
    QRandomGenerator rng(seed);
    const double m = std::max(8.0, std::min(area.width(), area.height()));
    const QPointF centre = area.center()
        + QPointF((rng.bounded(0.2) - 0.1) * area.width(),
                  (rng.bounded(0.2) - 0.1) * area.height());
    QRadialGradient aura(centre, 0.6 * m);
    aura.setColorAt(0, withAlpha(theme.accent, 110));
    aura.setColorAt(1, withAlpha(theme.accent, 0));
    p.fillRect(area, aura);

    const QColor light = DemoTheme::mix(theme.accent, QColor(255, 255, 255), 0.5);
    if (theme.motif == DemoMotif::Ring) {
        const double radius = 0.22 * m;
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(withAlpha(theme.accent, 90), radius * 0.35));
        p.drawEllipse(centre, radius, radius * 1.08);
        p.setPen(QPen(light, radius * 0.12));
        p.drawEllipse(centre, radius, radius * 1.08);
    } else {
        p.setPen(QPen(withAlpha(QColor(255, 255, 255), 140), std::max(1.0, 0.004 * m)));
        for (int k = 0; k < 3; ++k) {
            const double x = centre.x() + (k - 1) * 0.14 * m;
            const double h = (0.25 + rng.bounded(0.2)) * m, w = 0.06 * m;
            const double ground = centre.y() + 0.2 * m;
            p.setBrush(withAlpha(light, 200));
            p.drawPolygon(QPolygonF(
                { QPointF(x - w, ground), QPointF(x, ground - h), QPointF(x + w, ground) }));
        }
    }
    p.setPen(Qt::NoPen);
    for (int i = 0; i < sparkles; ++i) {
        const QPointF at(area.left() + rng.bounded(1.0) * area.width(),
                         area.top() + rng.bounded(1.0) * area.height());
        const double r = (0.004 + rng.bounded(0.01)) * m;
        QPainterPath star;
        star.moveTo(at + QPointF(0, -3 * r));
        star.lineTo(at + QPointF(r * 0.6, 0));
        star.lineTo(at + QPointF(0, 3 * r));
        star.lineTo(at + QPointF(-r * 0.6, 0));
        star.closeSubpath();
        star.moveTo(at + QPointF(-3 * r, 0));
        star.lineTo(at + QPointF(0, r * 0.6));
        star.lineTo(at + QPointF(3 * r, 0));
        star.lineTo(at + QPointF(0, -r * 0.6));
        star.closeSubpath();
        p.setBrush(withAlpha(QColor(255, 252, 235), 120 + rng.bounded(120)));
        p.drawPath(star);
    }
}

} // namespace

QImage DemoEditPainter::paint(const QImage &base, const QImage &mask, const QString &prompt,
                              const QString &quality, bool transparent, double completeness)
{
    if (base.isNull())
        return {};
    completeness = std::clamp(completeness, 0.0, 1.0);
    const QSize size = base.size();
    QImage original = base.convertToFormat(QImage::Format_ARGB32);
    if (!transparent && original.hasAlphaChannel())
        original = flattenedOnWhite(original).convertToFormat(QImage::Format_ARGB32);
    const QImage maskImage = mask.isNull() || mask.size() != size
        ? QImage()
        : mask.convertToFormat(QImage::Format_ARGB32);
    const QRect area = maskImage.isNull() ? QRect(QPoint(0, 0), size) : editableBounds(maskImage);
    if (area.isEmpty()) // the mask protects every pixel: nothing may change
        return transparent ? original : original.convertToFormat(QImage::Format_RGB32);

    const quint32 seed = DemoImagePainter::seedFor(prompt);
    const DemoTheme theme = DemoTheme::forPrompt(prompt, seed);
    // A preview grades less: the edit is still "forming", as generation previews are.
    QImage edited = graded(original, theme, 0.5 * (0.4 + 0.6 * completeness));
    {
        QImage canvas = edited.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&canvas);
        painter.setRenderHint(QPainter::Antialiasing);
        drawFocus(painter, theme, QRectF(area), seed,
                  int(sparklesFor(quality) * std::max(0.25, completeness)));
        DemoImagePainter::drawMark(painter, QSizeF(size));
        painter.end();
        edited = canvas.convertToFormat(QImage::Format_ARGB32);
    }
    if (completeness < 1.0) {
        const int smallWidth = std::max(12, int(size.width() * (0.02 + 0.2 * completeness)));
        edited = edited.scaledToWidth(smallWidth, Qt::SmoothTransformation)
                     .scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                     .convertToFormat(QImage::Format_ARGB32);
    }
    if (!maskImage.isNull()) {
        // Where the mask is opaque the input shows through untouched, previews included.
        for (int y = 0; y < size.height(); ++y) {
            const auto *keep = reinterpret_cast<const QRgb *>(maskImage.constScanLine(y));
            const auto *from = reinterpret_cast<const QRgb *>(original.constScanLine(y));
            auto *to = reinterpret_cast<QRgb *>(edited.scanLine(y));
            for (int x = 0; x < size.width(); ++x) {
                if (!editable(keep[x]))
                    to[x] = from[x];
            }
        }
    }
    return transparent ? edited : edited.convertToFormat(QImage::Format_RGB32);
}

QString DemoEditPainter::describe(const QString &prompt, bool masked)
{
    const DemoTheme theme = DemoTheme::forPrompt(prompt, DemoImagePainter::seedFor(prompt));
    const QString palette = theme.names.isEmpty() ? QStringLiteral("the prompt's palette")
                                                  : QStringLiteral("a ")
            + theme.names.join(QStringLiteral(", ")) + QStringLiteral(" palette");
    const QString motif = theme.motif == DemoMotif::Ring ? QStringLiteral("a glowing ring portal")
                                                         : QStringLiteral("glowing crystals");
    return QStringLiteral("An edit of the input image for \u201c") + prompt.simplified()
        + QStringLiteral("\u201d: colours graded toward ") + palette + QStringLiteral(", with ")
        + motif
        + (masked ? QStringLiteral(", only inside the mask's transparent area")
                  : QStringLiteral(" over the whole picture"))
        + QStringLiteral(". Drawn locally by Easel's offline demo.");
}
