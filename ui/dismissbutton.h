#pragma once

class QString;
class QToolButton;
class QWidget;

// The small flat ✕ that closes a notice or bar inside the window, named "Dismiss" for the
// tooltip and for screen readers.
QToolButton *makeDismissButton(QWidget *parent, const QString &objectName);
