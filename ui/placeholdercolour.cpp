#include "placeholdercolour.h"

#include "viewpalette.h"

#include <QApplication>
#include <QEvent>
#include <QPalette>

#include <cmath>

namespace {

constexpr double readable = 4.5; // WCAG AA for text

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &colour)
{
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF());
}

} // namespace

double PlaceholderColour::contrast(const QPalette &palette, QPalette::ColorGroup group)
{
    const QColor base = palette.color(group, QPalette::Base);
    const QColor placeholder = palette.color(group, QPalette::PlaceholderText);
    // As painted: the placeholder's alpha blends it into the field.
    const QColor shown = ViewPalette::mix(base, QColor(placeholder.rgb()), placeholder.alphaF());
    const double a = luminance(shown);
    const double b = luminance(base);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

void PlaceholderColour::ensureInstalled()
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app)
        return;
    if (!app->findChild<PlaceholderColour *>(QString(), Qt::FindDirectChildrenOnly))
        app->installEventFilter(new PlaceholderColour(app));
    mend();
}

void PlaceholderColour::mend()
{
    QPalette palette = QApplication::palette();
    bool changed = false;
    // Disabled text need not be readable (WCAG exempts it), and is meant to look faded.
    for (auto group : { QPalette::Active, QPalette::Inactive }) {
        if (contrast(palette, group) >= readable)
            continue;
        QPalette groupPalette = palette;
        groupPalette.setCurrentColorGroup(group);
        palette.setColor(group, QPalette::PlaceholderText,
                         ViewPalette::secondaryText(groupPalette));
        changed = true;
    }
    if (changed) // setPalette() sends the change this answers; the second time nothing changes
        QApplication::setPalette(palette);
}

bool PlaceholderColour::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance()
        && event->type() == QEvent::ApplicationPaletteChange)
        mend();
    return QObject::eventFilter(watched, event);
}
