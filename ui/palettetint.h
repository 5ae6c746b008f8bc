#pragma once

#include <QList>
#include <QObject>
#include <QPalette>

#include <functional>

class QWidget;

// Gives a widget's text a colour made from the palette (an error red, a secondary grey) and makes
// it again whenever the palette changes, as when the desktop switches between light and dark. A
// colour set once with setPalette() stays the old theme's: black-ish grey on a dark window. A
// style sheet is no answer either: a widget with one keeps its whole palette through a switch.
//
// The colour is made from the palette the widget inherits (its parent's), so that the roles it
// overrides do not feed back into it.
class PaletteTint : public QObject
{
    Q_OBJECT
public:
    using Colour = std::function<QColor(const QPalette &)>;

    // Sets `roles` of `widget`'s palette to `colour` now and after every palette change; a later
    // call replaces the colour. The tint is a child of `widget`.
    static void apply(QWidget *widget, Colour colour,
                      QList<QPalette::ColorRole> roles = { QPalette::WindowText });

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit PaletteTint(QWidget *widget);
    void update();

    QWidget *m_widget;
    Colour m_colour;
    QList<QPalette::ColorRole> m_roles;
};
