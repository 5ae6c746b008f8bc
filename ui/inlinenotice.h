#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

// A short warning shown where the designer is working, not in the status bar across the window:
// red text with a ✕ to dismiss it. It stays until it is dismissed or replaced, because a message
// that fades out before it is read tells nothing. Hidden while empty.
class InlineNotice : public QFrame
{
    Q_OBJECT
public:
    explicit InlineNotice(QWidget *parent = nullptr);

    void setText(const QString &text); // "" hides it
    QString text() const;
    void dismiss() { setText({}); }

Q_SIGNALS:
    void dismissed(); // by its ✕

private:
    QLabel *m_label;
    QToolButton *m_close;
};
