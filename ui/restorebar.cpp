#include "restorebar.h"

#include "dismissbutton.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

RestoreBar::RestoreBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_restore(new QPushButton(tr("Restore these settings"), this))
{
    setObjectName(QStringLiteral("restoreBar"));
    setFrameShape(QFrame::StyledPanel);
    m_label->setObjectName(QStringLiteral("restoreLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_restore->setObjectName(QStringLiteral("restoreSettingsButton"));
    QToolButton *dismiss = makeDismissButton(this, QStringLiteral("restoreDismissButton"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_restore);
    layout->addWidget(dismiss);

    connect(m_restore, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT restoreRequested(m_record);
    });
    connect(dismiss, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void RestoreBar::offer(const QJsonObject &record, const QString &fileName)
{
    m_record = record;
    const QString prompt = record.value(QLatin1String("prompt")).toString().simplified();
    m_label->setText(
        tr("%1 was made with Easel: “%2”")
            .arg(fileName, prompt.size() > 80 ? prompt.left(79) + QChar(0x2026) : prompt));
    show();
}
