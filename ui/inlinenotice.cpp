#include "inlinenotice.h"

#include "dismissbutton.h"
#include "palettetint.h"
#include "viewpalette.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

InlineNotice::InlineNotice(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_close(makeDismissButton(this, QStringLiteral("noticeDismissButton")))
{
    m_label->setObjectName(QStringLiteral("noticeText"));
    m_label->setTextFormat(Qt::PlainText); // file names are not markup
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    PaletteTint::apply(m_label, ViewPalette::error);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_close, &QToolButton::clicked, this, [this] {
        dismiss();
        Q_EMIT dismissed();
    });
    hide();
}

void InlineNotice::setText(const QString &text)
{
    m_label->setText(text);
    setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        // A screen reader says it as it appears, as it would a message box.
        QAccessibleEvent event(m_label, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
    }
}

QString InlineNotice::text() const
{
    return m_label->text();
}
