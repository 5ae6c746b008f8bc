#include "titlebarstyle.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace {

class TitleBarIconEngine : public QIconEngine
{
public:
    enum class Glyph { Close, Float };

    explicit TitleBarIconEngine(Glyph glyph)
        : m_glyph(glyph)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        // A cross, or two overlapping windows, half the icon's side, at any size.
        const qreal side = std::min(rect.width(), rect.height());
        const QRectF box(rect.x() + (rect.width() - side) / 2.0 + side * 0.25,
                         rect.y() + (rect.height() - side) / 2.0 + side * 0.25, side * 0.5,
                         side * 0.5);
        const QPalette::ColorGroup group
            = mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active;
        QPen pen(QGuiApplication::palette().color(group, QPalette::WindowText),
                 std::max<qreal>(1.0, side / 12.0));
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        if (m_glyph == Glyph::Close) {
            painter->drawLine(box.topLeft(), box.bottomRight());
            painter->drawLine(box.topRight(), box.bottomLeft());
        } else {
            const qreal w = box.width() * 0.72;
            const QRectF back(box.right() - w, box.top(), w, w);
            const QRectF front(box.left(), box.bottom() - w, w, w);
            QPainterPath hidden; // the back window's lines behind the front one are not drawn
            hidden.addRect(QRectF(box.topLeft(), box.bottomRight()));
            hidden.addRect(
                front.adjusted(-pen.widthF(), -pen.widthF(), pen.widthF(), pen.widthF()));
            painter->setClipPath(hidden);
            painter->drawRect(back);
            painter->setClipping(false);
            painter->drawRect(front);
        }
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new TitleBarIconEngine(m_glyph); }
    QString key() const override { return QStringLiteral("TitleBarIconEngine"); }

private:
    Glyph m_glyph;
};

} // namespace

TitleBarStyle::TitleBarStyle(QStyle *base)
    : QProxyStyle(base)
{
}

QIcon TitleBarStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                  const QWidget *widget) const
{
    if (baseStyle()->name() == QLatin1String("fusion")) {
        switch (standardIcon) {
        case SP_TitleBarCloseButton:
        case SP_DockWidgetCloseButton:
            return QIcon(new TitleBarIconEngine(TitleBarIconEngine::Glyph::Close));
        case SP_TitleBarNormalButton:
            return QIcon(new TitleBarIconEngine(TitleBarIconEngine::Glyph::Float));
        default:
            break;
        }
    }
    return QProxyStyle::standardIcon(standardIcon, option, widget);
}
