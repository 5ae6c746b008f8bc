#pragma once

#include <QFrame>
#include <QJsonObject>

class QLabel;
class QPushButton;

// The small non-modal bar shown when an image saved by Easel is dropped on the window:
// "Restore these settings" fills the composer and the parameter panel from the image's record.
class RestoreBar : public QFrame
{
    Q_OBJECT
public:
    explicit RestoreBar(QWidget *parent = nullptr);

    void offer(const QJsonObject &record, const QString &fileName);
    QJsonObject record() const { return m_record; }

Q_SIGNALS:
    void restoreRequested(const QJsonObject &record);

private:
    QJsonObject m_record;
    QLabel *m_label;
    QPushButton *m_restore;
};
