#pragma once

#include <QObject>
#include <QString>

class ConversationView;

// Watches a ConversationView for the moment the final image of its last turn is on screen: the
// model's turn holds a Final image, the view's ImageCache delivered that file (imageReady, or
// it already held the pixels the stream worker decoded when the row changed), and
// then the viewport painted over the image's rect, so the delegate drew the decoded pixels and
// not a placeholder or the preview it keeps until then.
//
// Also notes the steps on the way (the model row got the final image, the cache delivered it),
// so that a slow figure says where its time went. All stamps are benchNowNs(), 0 until seen.
class PaintProbe : public QObject
{
    Q_OBJECT
public:
    explicit PaintProbe(ConversationView *view, QObject *parent = nullptr);

    qint64 finalInModelNs() const { return m_finalInModelNs; }
    qint64 deliveredNs() const { return m_deliveredNs; }
    qint64 paintStartNs() const { return m_paintStartNs; }
    qint64 paintedNs() const { return m_paintedNs; }
    QString finalPath() const { return m_finalPath; }
    int finalImageIndex() const { return m_finalIndex; }
    int paintCount() const { return m_paints; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onRowsChanged();
    void onImageReady(const QString &filePath);

    ConversationView *m_view;
    QString m_finalPath;
    int m_finalIndex = -1;
    bool m_dispatching = false;
    int m_paints = 0;
    qint64 m_finalInModelNs = 0;
    qint64 m_deliveredNs = 0;
    qint64 m_paintStartNs = 0;
    qint64 m_paintedNs = 0;
};
