#include "dismissbutton.h"

#include <QToolButton>

QToolButton *makeDismissButton(QWidget *parent, const QString &objectName)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(QStringLiteral("✕"));
    button->setToolTip(QToolButton::tr("Dismiss"));
    button->setAccessibleName(QToolButton::tr("Dismiss"));
    button->setAutoRaise(true);
    return button;
}
