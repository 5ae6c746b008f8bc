#include "demo/demoimagepainter.h"

#include "demo/demotheme.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>
#include <QtMath>

#include <algorithm>
#include <functional>
#include <vector>

namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return DemoTheme::mix(a, b, t);
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

struct Detail
{
    int ridges, ridgePoints, stars, clouds, trees, windows, particles, birds;
    bool grass;
};

Detail detailFor(const QString &quality)
{
    if (quality == QLatin1String("low"))
        return { 3, 33, 60, 3, 14, 20, 20, 3, false };
    if (quality == QLatin1String("high"))
        return { 7, 257, 320, 9, 90, 160, 140, 7, true };
    return { 5, 129, 160, 6, 40, 70, 60, 5, false }; // medium and auto
}

// Fractal ridge heights in [-1, 1] by midpoint displacement; `points` is 2^k + 1.
std::vector<double> ridgeHeights(QRandomGenerator &rng, int points, double roughness)
{
    std::vector<double> h(size_t(points), 0.0);
    h.front() = rng.generateDouble() * 2 - 1;
    h.back() = rng.generateDouble() * 2 - 1;
    double spread = 1.0;
    for (int step = points - 1; step > 1; step /= 2) {
        for (int i = step / 2; i < points; i += step) {
            const double middle = (h[size_t(i - step / 2)] + h[size_t(i + step / 2)]) / 2;
            h[size_t(i)] = middle + (rng.generateDouble() * 2 - 1) * spread;
        }
        spread *= roughness;
    }
    const auto [lowest, highest] = std::minmax_element(h.begin(), h.end());
    const double low = *lowest, range = std::max(1e-6, *highest - low); // copies: h changes below
    for (double &v : h)
        v = (v - low) / range * 2 - 1;
    return h;
}

class Scene
{
public:
    Scene(QPainter &painter, QSizeF size, const DemoTheme &theme, const Detail &detail)
        : p(painter)
        , w(size.width())
        , h(size.height())
        , m(std::min(w, h))
        , theme(theme)
        , detail(detail)
    {
        horizon = theme.water ? 0.6 * h : 0.62 * h;
    }

    // The layers in painting order; a preview paints only the first few.
    std::vector<std::function<void(QRandomGenerator &)>> layers()
    {
        std::vector<std::function<void(QRandomGenerator &)>> out;
        out.push_back([this](QRandomGenerator &) { sky(); });
        if (theme.nebula)
            out.push_back([this](QRandomGenerator &r) { nebula(r); });
        if (theme.stars)
            out.push_back([this](QRandomGenerator &r) { stars(r); });
        out.push_back([this](QRandomGenerator &r) { sun(r); });
        out.push_back([this](QRandomGenerator &r) { clouds(r); });
        for (int i = 0; i < detail.ridges; ++i)
            out.push_back([this, i](QRandomGenerator &r) { ridge(r, i); });
        if (theme.city)
            out.push_back([this](QRandomGenerator &r) { skyline(r); });
        out.push_back([this](QRandomGenerator &r) { motif(r); });
        if (theme.water)
            out.push_back([this](QRandomGenerator &r) { water(r); });
        if (theme.trees)
            out.push_back([this](QRandomGenerator &r) { trees(r); });
        out.push_back([this](QRandomGenerator &r) { birds(r); });
        out.push_back([this](QRandomGenerator &r) { foreground(r); });
        out.push_back([this](QRandomGenerator &r) { particles(r); });
        return out;
    }

    void sky()
    {
        QLinearGradient g(0, 0, 0, horizon);
        g.setColorAt(0, theme.skyTop);
        g.setColorAt(0.6, theme.skyMid);
        g.setColorAt(1, theme.skyBottom);
        p.fillRect(QRectF(0, 0, w, horizon + 1), g);
        p.fillRect(QRectF(0, horizon, w, h - horizon), theme.skyBottom);
    }

    void nebula(QRandomGenerator &r)
    {
        for (int i = 0; i < 4; ++i) {
            const QPointF c(r.bounded(1.0) * w, r.bounded(0.5) * h);
            const double radius = (0.2 + r.bounded(0.3)) * m;
            QRadialGradient g(c, radius);
            const QColor color = i % 2 ? theme.accent : theme.glow;
            g.setColorAt(0, withAlpha(color, 70));
            g.setColorAt(1, withAlpha(color, 0));
            p.fillRect(QRectF(0, 0, w, h), g);
        }
    }

    void stars(QRandomGenerator &r)
    {
        p.setPen(Qt::NoPen);
        for (int i = 0; i < detail.stars; ++i) {
            const QPointF c(r.bounded(1.0) * w, std::pow(r.bounded(1.0), 1.6) * horizon * 0.9);
            const double radius = (0.4 + r.bounded(1.2)) * m / 1024.0;
            p.setBrush(withAlpha(QColor(255, 250, 235), 80 + r.bounded(175)));
            p.drawEllipse(c, radius, radius);
        }
    }

    void sun(QRandomGenerator &r)
    {
        const QPointF c((0.22 + r.bounded(0.56)) * w, theme.sunHeight * h);
        const double radius = (theme.moon ? 0.05 : 0.065) * m;
        sunCenter = c;
        QRadialGradient glow(c, radius * 6);
        glow.setColorAt(0, withAlpha(theme.glow, 150));
        glow.setColorAt(0.3, withAlpha(theme.glow, 60));
        glow.setColorAt(1, withAlpha(theme.glow, 0));
        p.fillRect(QRectF(0, 0, w, h), glow);
        p.setPen(Qt::NoPen);
        p.setBrush(theme.sun);
        p.drawEllipse(c, radius, radius);
        if (theme.moon) { // a few soft craters make the disc read as a moon
            p.setBrush(withAlpha(theme.skyMid, 22));
            for (int i = 0; i < 5; ++i) {
                const double a = r.bounded(2 * M_PI), d = r.bounded(0.65) * radius;
                const double cr = (0.08 + r.bounded(0.12)) * radius;
                p.drawEllipse(c + QPointF(std::cos(a) * d, std::sin(a) * d), cr, cr);
            }
        }
    }

    void clouds(QRandomGenerator &r)
    {
        p.setPen(Qt::NoPen);
        const QColor base = mix(theme.skyMid, QColor(255, 255, 255), theme.stars ? 0.2 : 0.55);
        for (int i = 0; i < detail.clouds; ++i) {
            const QPointF c(r.bounded(1.2) * w - 0.1 * w, (0.08 + r.bounded(0.4)) * horizon);
            const double width = (0.12 + r.bounded(0.18)) * w;
            const int puffs = 5 + r.bounded(5);
            for (int j = 0; j < puffs; ++j) {
                const double x = c.x() + (r.bounded(1.0) - 0.5) * width;
                const double y = c.y() + (r.bounded(1.0) - 0.5) * width * 0.12;
                const double rx = width * (0.12 + r.bounded(0.15)), ry = rx * 0.38;
                p.setBrush(withAlpha(base, 25 + r.bounded(35)));
                p.drawEllipse(QPointF(x, y), rx, ry);
            }
        }
    }

    double ridgeT(int i) const
    {
        return detail.ridges == 1 ? 1.0 : double(i) / (detail.ridges - 1);
    }

    void ridge(QRandomGenerator &r, int i)
    {
        const double t = ridgeT(i);
        const double base = theme.water ? horizon - 0.16 * h * (1 - t) - 0.01 * h
                                        : horizon - 0.2 * h * (1 - t) + 0.2 * h * t * t;
        const double amplitude = (0.05 + 0.07 * (1 - t * 0.5)) * h * (theme.dunes ? 0.6 : 1.0);
        const std::vector<double> heights = ridgeHeights(r, detail.ridgePoints, theme.roughness);
        QPainterPath path;
        path.moveTo(0, h);
        const int n = int(heights.size());
        for (int k = 0; k < n; ++k)
            path.lineTo(w * k / (n - 1), base - amplitude * (heights[size_t(k)] + 1) / 2);
        path.lineTo(w, h);
        path.closeSubpath();
        ridgeTops.push_back({ heights, base, amplitude });

        // Atmospheric perspective: far ridges melt into the haze, near ones keep their color.
        const QColor color = mix(theme.haze, theme.ridge, 0.15 + 0.85 * std::pow(t, 1.2));
        QLinearGradient fill(0, base - amplitude, 0, base + 0.15 * h);
        fill.setColorAt(0, mix(color, theme.glow, 0.18 * (1 - t)));
        fill.setColorAt(1, mix(color, theme.ridge, 0.5));
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawPath(path);
        if (theme.snow && t < 0.7) {
            // Snow hugs the peaks: a band under the ridge line that is deep on high points and
            // vanishes on low ones.
            QPainterPath snow;
            QList<QPointF> lower;
            for (int k = 0; k < n; ++k) {
                const double v = (heights[size_t(k)] + 1) / 2;
                const double x = w * k / (n - 1), y = base - amplitude * v;
                if (k == 0)
                    snow.moveTo(x, y);
                else
                    snow.lineTo(x, y);
                lower.prepend(QPointF(x, y + amplitude * 0.55 * std::max(0.0, v - 0.45)));
            }
            for (const QPointF &point : lower)
                snow.lineTo(point);
            snow.closeSubpath();
            p.setBrush(withAlpha(mix(QColor(250, 252, 255), theme.haze, 0.45 * (1 - t)), 230));
            p.drawPath(snow);
        }
        if (theme.fog || t < 0.5) { // a band of mist at the foot of the far ridges
            const double top = base - amplitude * 0.4, bottom = base + 0.08 * h;
            QLinearGradient mist(0, top, 0, bottom);
            mist.setColorAt(0, withAlpha(theme.haze, 0));
            mist.setColorAt(0.6, withAlpha(theme.haze, theme.fog ? 170 : 90));
            mist.setColorAt(1, withAlpha(theme.haze, 0));
            p.fillRect(QRectF(0, top, w, bottom - top), mist);
        }
    }

    double ridgeY(size_t index, double x) const
    {
        const RidgeTop &top = ridgeTops[index];
        const int n = int(top.heights.size());
        const double pos = std::clamp(x / w, 0.0, 1.0) * (n - 1);
        const int k = std::min(int(pos), n - 2);
        const double f = pos - k;
        const double v = top.heights[size_t(k)] * (1 - f) + top.heights[size_t(k + 1)] * f;
        return top.base - top.amplitude * (v + 1) / 2;
    }

    void skyline(QRandomGenerator &r)
    {
        const size_t mid = ridgeTops.empty() ? 0 : ridgeTops.size() / 2;
        const QColor body = mix(theme.haze, theme.ridge, 0.6);
        double x = r.bounded(0.05) * w;
        p.setPen(Qt::NoPen);
        while (x < w) {
            const double bw = (0.02 + r.bounded(0.04)) * w;
            const double ground = ridgeTops.empty() ? horizon : ridgeY(mid, x + bw / 2) + 0.02 * h;
            const double bh = (0.05 + r.bounded(0.16)) * h;
            p.setBrush(body);
            p.drawRect(QRectF(x, ground - bh, bw, bh + 0.05 * h));
            const int windows = detail.windows / 12;
            p.setBrush(withAlpha(theme.accent, 200));
            for (int k = 0; k < windows; ++k) {
                if (r.bounded(3) == 0)
                    continue;
                const double wx = x + bw * (0.15 + r.bounded(0.7));
                const double wy = ground - bh * (0.1 + r.bounded(0.85));
                p.drawRect(QRectF(wx, wy, bw * 0.08, bh * 0.025));
            }
            x += bw + r.bounded(0.015) * w;
        }
    }

    void motif(QRandomGenerator &r)
    {
        const double cx = (0.3 + r.bounded(0.4)) * w;
        const double ground = ridgeTops.empty() ? horizon : ridgeY(ridgeTops.size() / 2, cx);
        const QColor accent = theme.accent;
        QRadialGradient aura(QPointF(cx, ground - 0.15 * h), 0.3 * m);
        aura.setColorAt(0, withAlpha(accent, 90));
        aura.setColorAt(1, withAlpha(accent, 0));
        p.fillRect(QRectF(0, 0, w, h), aura);
        switch (theme.motif) {
        case DemoMotif::Ring: {
            const double radius = 0.14 * m;
            const QPointF c(cx, ground - radius * 0.9);
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(withAlpha(accent, 90), radius * 0.35));
            p.drawEllipse(c, radius, radius * 1.08);
            p.setPen(QPen(mix(accent, QColor(255, 255, 255), 0.5), radius * 0.12));
            p.drawEllipse(c, radius, radius * 1.08);
            break;
        }
        case DemoMotif::Monolith: {
            const double mw = 0.045 * m, mh = 0.3 * m;
            QPainterPath slab;
            slab.addPolygon(QPolygonF({ QPointF(cx - mw, ground + 0.02 * h),
                                        QPointF(cx - mw * 0.8, ground - mh),
                                        QPointF(cx + mw * 0.7, ground - mh * 0.96),
                                        QPointF(cx + mw, ground + 0.02 * h) }));
            p.setPen(QPen(mix(accent, QColor(255, 255, 255), 0.4), 0.004 * m));
            p.setBrush(mix(theme.ridge, QColor(0, 0, 0), 0.4));
            p.drawPath(slab);
            break;
        }
        case DemoMotif::Crystals: {
            p.setPen(QPen(withAlpha(QColor(255, 255, 255), 140), 0.002 * m));
            for (int k = 0; k < 5; ++k) {
                const double x = cx + (k - 2) * 0.035 * m + r.bounded(0.02) * m;
                const double ch = (0.12 + r.bounded(0.2)) * m, cw = 0.02 * m + r.bounded(0.02) * m;
                QLinearGradient g(x, ground - ch, x, ground);
                g.setColorAt(0, mix(accent, QColor(255, 255, 255), 0.6));
                g.setColorAt(1, withAlpha(accent, 170));
                p.setBrush(g);
                p.drawPolygon(
                    QPolygonF({ QPointF(x - cw, ground), QPointF(x - cw * 0.7, ground - ch * 0.8),
                                QPointF(x, ground - ch), QPointF(x + cw * 0.7, ground - ch * 0.8),
                                QPointF(x + cw, ground) }));
            }
            break;
        }
        case DemoMotif::Island: {
            const QPointF c(cx, 0.2 * h);
            const double iw = 0.14 * m;
            QPolygonF rock; // a jagged underside hanging from a flat top
            rock << QPointF(c.x() - iw, c.y());
            for (int k = 1; k < 8; ++k) {
                const double f = k / 8.0;
                const double depth = std::sin(f * M_PI) * iw * (0.8 + r.bounded(0.5));
                rock << QPointF(c.x() - iw + 2 * iw * f, c.y() + depth);
            }
            rock << QPointF(c.x() + iw, c.y());
            QLinearGradient stone(0, c.y(), 0, c.y() + iw * 1.2);
            stone.setColorAt(0, mix(theme.ridge, theme.glow, 0.25));
            stone.setColorAt(1, mix(theme.ridge, QColor(0, 0, 0), 0.4));
            p.setPen(Qt::NoPen);
            p.setBrush(stone);
            p.drawPolygon(rock);
            const QColor grass = mix(accent, QColor(50, 150, 80), 0.6);
            p.setBrush(grass);
            p.drawEllipse(QPointF(c.x(), c.y()), iw * 1.02, iw * 0.09);
            p.setBrush(mix(grass, QColor(0, 0, 0), 0.35));
            for (int k = 0; k < 4; ++k) { // a few trees on top
                const double x = c.x() + (r.bounded(1.6) - 0.8) * iw,
                             th = iw * (0.2 + r.bounded(0.2));
                p.drawPolygon(QPolygonF({ QPointF(x - th * 0.3, c.y()), QPointF(x, c.y() - th),
                                          QPointF(x + th * 0.3, c.y()) }));
            }
            QLinearGradient fall(0, c.y(), 0, c.y() + iw * 1.8);
            fall.setColorAt(0, withAlpha(QColor(225, 240, 255), 190));
            fall.setColorAt(1, withAlpha(QColor(225, 240, 255), 0));
            p.setBrush(fall);
            p.drawRect(QRectF(c.x() + iw * 0.55, c.y(), iw * 0.05, iw * 1.8));
            break;
        }
        }
        p.setPen(Qt::NoPen);
    }

    void water(QRandomGenerator &r)
    {
        QLinearGradient g(0, horizon, 0, h);
        g.setColorAt(0, mix(theme.skyBottom, theme.skyMid, 0.4));
        g.setColorAt(1, mix(theme.skyTop, theme.ridge, 0.5));
        p.fillRect(QRectF(0, horizon, w, h - horizon), g);
        // The sun's reflection: short strokes that widen and fade towards the viewer.
        p.setPen(Qt::NoPen);
        const int strokes = 12 + detail.particles / 3;
        for (int i = 0; i < strokes; ++i) {
            const double t = r.bounded(1.0);
            const double y = horizon + t * (h - horizon);
            const double half = (0.01 + t * 0.06) * w * (0.5 + r.bounded(1.0));
            p.setBrush(withAlpha(theme.glow, int(150 * (1 - t * 0.7))));
            p.drawRect(QRectF(sunCenter.x() - half + (r.bounded(1.0) - 0.5) * 0.03 * w, y, half * 2,
                              std::max(1.0, 0.003 * h)));
        }
        p.setBrush(withAlpha(QColor(255, 255, 255), 30));
        for (int i = 0; i < strokes; ++i) {
            const double y = horizon + r.bounded(1.0) * (h - horizon);
            p.drawRect(QRectF(r.bounded(1.0) * w, y, (0.03 + r.bounded(0.1)) * w,
                              std::max(1.0, 0.002 * h)));
        }
    }

    void trees(QRandomGenerator &r)
    {
        if (ridgeTops.size() < 2)
            return;
        p.setPen(Qt::NoPen);
        for (size_t index = ridgeTops.size() - 2; index < ridgeTops.size(); ++index) {
            const double t = ridgeT(int(index));
            const QColor color = mix(mix(theme.haze, theme.ridge, 0.85), QColor(0, 0, 0), 0.3 * t);
            p.setBrush(color);
            for (int i = 0; i < detail.trees / 2; ++i) {
                const double x = r.bounded(1.0) * w;
                const double y = ridgeY(index, x) + 0.01 * h;
                const double th = (0.03 + r.bounded(0.05)) * h * (0.6 + 0.4 * t), tw = th * 0.28;
                p.drawPolygon(
                    QPolygonF({ QPointF(x - tw, y), QPointF(x, y - th), QPointF(x + tw, y) }));
            }
        }
    }

    void birds(QRandomGenerator &r)
    {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(withAlpha(mix(theme.ridge, QColor(0, 0, 0), 0.5), 170), 0.0022 * m,
                      Qt::SolidLine, Qt::RoundCap));
        for (int i = 0; i < detail.birds; ++i) {
            const QPointF c((0.1 + r.bounded(0.8)) * w, (0.15 + r.bounded(0.3)) * h);
            const double s = (0.008 + r.bounded(0.01)) * m;
            QPainterPath wing;
            wing.moveTo(c - QPointF(s, s * 0.4));
            wing.quadTo(c - QPointF(s * 0.4, s * 0.6), c);
            wing.quadTo(c + QPointF(s * 0.4, -s * 0.6), c + QPointF(s, -s * 0.4));
            p.drawPath(wing);
        }
    }

    void foreground(QRandomGenerator &r)
    {
        const std::vector<double> heights = ridgeHeights(r, 17, 0.4);
        QPainterPath path;
        path.moveTo(0, h);
        for (size_t k = 0; k < heights.size(); ++k)
            path.lineTo(w * double(k) / 16, 0.93 * h - 0.04 * h * (heights[k] + 1) / 2);
        path.lineTo(w, h);
        path.closeSubpath();
        const QColor dark = mix(theme.ridge, QColor(0, 0, 0), 0.55);
        p.setPen(Qt::NoPen);
        p.setBrush(dark);
        p.drawPath(path);
        if (!detail.grass)
            return;
        p.setPen(QPen(dark, 0.0015 * m));
        for (int i = 0; i < 260; ++i) {
            const double x = r.bounded(1.0) * w, y = 0.9 * h + r.bounded(0.1) * h;
            p.drawLine(
                QPointF(x, y),
                QPointF(x + (r.bounded(1.0) - 0.5) * 0.01 * w, y - (0.01 + r.bounded(0.03)) * h));
        }
    }

    void particles(QRandomGenerator &r)
    {
        if (!theme.embers && !theme.snow && !theme.trees && !theme.nebula)
            return;
        const QColor color = theme.embers ? QColor(255, 170, 60)
            : theme.snow                  ? QColor(255, 255, 255)
                                          : mix(theme.accent, QColor(255, 255, 180), 0.6);
        p.setPen(Qt::NoPen);
        for (int i = 0; i < detail.particles; ++i) {
            const double radius = (1 + r.bounded(2.5)) * m / 1024.0;
            p.setBrush(withAlpha(color, 90 + r.bounded(150)));
            p.drawEllipse(QPointF(r.bounded(1.0) * w, r.bounded(1.0) * h), radius, radius);
        }
    }

    void vignette()
    {
        QRadialGradient g(QPointF(w / 2, h / 2), std::hypot(w, h) / 2);
        g.setColorAt(0.6, QColor(0, 0, 0, 0));
        g.setColorAt(1, QColor(0, 0, 0, 95));
        p.fillRect(QRectF(0, 0, w, h), g);
    }

private:
    struct RidgeTop
    {
        std::vector<double> heights;
        double base, amplitude;
    };

    QPainter &p;
    double w, h, m;
    const DemoTheme &theme;
    const Detail &detail;
    double horizon = 0;
    QPointF sunCenter;
    std::vector<RidgeTop> ridgeTops;
};

// "DEMO" drawn as strokes, so that it needs no font (fonts are not safe off the GUI thread
// everywhere, and a headless machine may have none).
void drawDemoMark(QPainter &p, QSizeF size)
{
    const double letter = std::max(8.0, std::min(size.width(), size.height()) * 0.026);
    const double width = letter * 0.62, gap = letter * 0.32;
    const double total = 4 * width + 3 * gap;
    const QPointF origin(size.width() - total - letter * 0.9, size.height() - letter * 1.9);
    QPainterPath path;
    const auto at = [&](int index, double x, double y) {
        return origin + QPointF(index * (width + gap) + x * width, y * letter);
    };
    path.moveTo(at(0, 0, 0)); // D
    path.lineTo(at(0, 0, 1));
    path.lineTo(at(0, 0.45, 1));
    path.cubicTo(at(0, 1.05, 1), at(0, 1.05, 0), at(0, 0.45, 0));
    path.closeSubpath();
    path.moveTo(at(1, 1, 0)); // E
    path.lineTo(at(1, 0, 0));
    path.lineTo(at(1, 0, 1));
    path.lineTo(at(1, 1, 1));
    path.moveTo(at(1, 0, 0.5));
    path.lineTo(at(1, 0.8, 0.5));
    path.moveTo(at(2, 0, 1)); // M
    path.lineTo(at(2, 0, 0));
    path.lineTo(at(2, 0.5, 0.6));
    path.lineTo(at(2, 1, 0));
    path.lineTo(at(2, 1, 1));
    path.addEllipse(QRectF(at(3, 0, 0), QSizeF(width, letter))); // O
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0, 0, 0, 70), letter * 0.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(path.translated(letter * 0.06, letter * 0.06));
    p.setPen(QPen(QColor(255, 255, 255, 150), letter * 0.13, Qt::SolidLine, Qt::RoundCap,
                  Qt::RoundJoin));
    p.drawPath(path);
}

} // namespace

void DemoImagePainter::drawMark(QPainter &painter, QSizeF size)
{
    drawDemoMark(painter, size);
}

quint32 DemoImagePainter::seedFor(const QString &prompt)
{
    quint32 hash = 2166136261u; // FNV-1a
    for (const char byte : prompt.trimmed().toLower().toUtf8()) {
        hash ^= quint8(byte);
        hash *= 16777619u;
    }
    return hash;
}

QImage DemoImagePainter::paint(const QString &prompt, QSize size, const QString &quality,
                               bool transparent, double completeness, quint32 variant)
{
    if (size.isEmpty())
        return {};
    const quint32 promptSeed = seedFor(prompt);
    const DemoTheme theme = DemoTheme::forPrompt(prompt, promptSeed);
    // A variant reseeds the layers only, so the n pictures of one prompt look related.
    const quint32 seed
        = variant == 0 ? promptSeed : promptSeed ^ (variant * 0x85EBCA6Bu + 0x2545F491u);
    const Detail detail = detailFor(quality);
    completeness = std::clamp(completeness, 0.0, 1.0);

    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        const QSizeF area(size);
        if (transparent) { // a round badge; everything around it keeps alpha 0
            const double d = std::min(area.width(), area.height()) * 0.92;
            QPainterPath badge;
            badge.addEllipse(
                QRectF(QPointF((area.width() - d) / 2, (area.height() - d) / 2), QSizeF(d, d)));
            painter.setClipPath(badge);
        }
        Scene scene(painter, area, theme, detail);
        const auto layers = scene.layers();
        const int count = std::max(1, int(std::ceil(completeness * double(layers.size()))));
        for (int i = 0; i < count && i < int(layers.size()); ++i) {
            // Each layer has its own random stream, so a preview that stops early draws exactly
            // what the final picture has underneath.
            QRandomGenerator rng(seed ^ quint32(0x9E3779B9u * quint32(i + 1)));
            painter.save();
            layers[size_t(i)](rng);
            painter.restore();
        }
        if (!transparent)
            scene.vignette();
    }
    if (completeness < 1.0) { // a preview is blurred: the picture is still "forming"
        const int smallWidth = std::max(12, int(size.width() * (0.02 + 0.2 * completeness)));
        image = image.scaledToWidth(smallWidth, Qt::SmoothTransformation)
                    .scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        drawDemoMark(painter, QSizeF(size));
    }
    // An opaque picture carries no alpha channel, so encoders write RGB files (smaller, and what
    // "background: opaque" promises).
    return transparent ? image : image.convertToFormat(QImage::Format_RGB32);
}

QString DemoImagePainter::describe(const QString &prompt)
{
    const DemoTheme theme = DemoTheme::forPrompt(prompt, seedFor(prompt));
    static const char *motifs[]
        = { "a glowing ring portal", "a dark monolith", "a crystal cluster", "a floating island" };
    QStringList parts;
    parts << (theme.names.isEmpty() ? QStringLiteral("a layered palette")
                                    : QStringLiteral("a ") + theme.names.join(QStringLiteral(", "))
                      + QStringLiteral(" palette"));
    parts << (theme.moon ? QStringLiteral("a moon") : QStringLiteral("a low sun"));
    parts << QStringLiteral("mountain ridges fading into the haze");
    parts << QLatin1String(motifs[int(theme.motif)]);
    return QStringLiteral("A concept-art landscape for \u201c") + prompt.simplified()
        + QStringLiteral("\u201d: ") + parts.join(QStringLiteral(", "))
        + QStringLiteral(". Drawn locally by Easel's offline demo.");
}
