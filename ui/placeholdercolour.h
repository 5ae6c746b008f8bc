#pragma once

#include <QObject>
#include <QPalette>

// Keeps the placeholder text of every field readable. A desktop's dark palette that does not set
// QPalette::PlaceholderText leaves Qt's light default, black at half opacity: 1.15:1 on a dark
// field, so the composer looked like an empty black box (found by QA with a KDE dark scheme).
// Where the application palette's placeholder colour is below 4.5:1 on its field, it becomes the
// secondary text grey of the conversation view; a palette that sets a readable one is left alone.
// Watches the application, so a switch between light and dark is followed.
class PlaceholderColour : public QObject
{
    Q_OBJECT
public:
    // Installs the one watcher on the application (once, however often it is called) and mends
    // the palette now.
    static void ensureInstalled();
    // The contrast ratio (WCAG) of the placeholder colour, composited on the field, against it.
    static double contrast(const QPalette &palette, QPalette::ColorGroup group);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
    static void mend();
};
