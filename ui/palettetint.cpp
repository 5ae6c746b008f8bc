#include "palettetint.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

PaletteTint::PaletteTint(QWidget *widget)
    : QObject(widget)
    , m_widget(widget)
{
    widget->installEventFilter(this);
}

void PaletteTint::apply(QWidget *widget, Colour colour, QList<QPalette::ColorRole> roles)
{
    auto *tint = widget->findChild<PaletteTint *>(QString(), Qt::FindDirectChildrenOnly);
    if (!tint)
        tint = new PaletteTint(widget);
    tint->m_colour = std::move(colour);
    tint->m_roles = std::move(roles);
    tint->update();
}

bool PaletteTint::eventFilter(QObject *watched, QEvent *event)
{
    // Also sent when the widget moves to a parent with another palette.
    if (watched == m_widget && event->type() == QEvent::PaletteChange)
        update();
    return QObject::eventFilter(watched, event);
}

void PaletteTint::update()
{
    const QWidget *parent = m_widget->parentWidget();
    const QPalette inherited = parent ? parent->palette() : QApplication::palette(m_widget);
    const QColor colour = m_colour(inherited);
    QPalette palette = m_widget->palette();
    bool changed = false;
    for (const QPalette::ColorRole role : std::as_const(m_roles)) {
        for (const auto group : { QPalette::Active, QPalette::Inactive }) {
            if (palette.color(group, role) != colour) {
                palette.setColor(group, role, colour);
                changed = true;
            }
        }
    }
    // Only when something changed: setPalette() sends the PaletteChange this answers.
    if (changed)
        m_widget->setPalette(palette);
}
