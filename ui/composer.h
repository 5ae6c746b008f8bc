#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

// Where the designer writes the prompt. Ctrl+Enter sends; while a turn runs, Send becomes Stop.
class Composer : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    void clear();
    void setBusy(bool busy);
    void setHint(const QString &hint); // e.g. the estimated price of the next image
    void focusEditor();

Q_SIGNALS:
    void sendRequested(const QString &prompt);
    void stopRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void requestSend();
    void updateSendEnabled();

    QPlainTextEdit *m_editor;
    QPushButton *m_send;
    QPushButton *m_stop;
    QLabel *m_hint;
    bool m_busy = false;
};
