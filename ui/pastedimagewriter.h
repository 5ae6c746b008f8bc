#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QList>
#include <QObject>

#include <memory>

class QTemporaryDir;

// Writes pasted bitmaps (a screenshot, a browser's Copy Image) as PNG files on a worker thread:
// encoding a 6000×4000 paste takes well over a second, which the window must not freeze for.
// Pastes are written one after another, so they are attached in the order they were pasted.
//
// They go to the folder the window gives, which outlives the composer (a sent turn keeps their
// paths), or else to a temporary folder removed with the writer.
class PastedImageWriter : public QObject
{
    Q_OBJECT
public:
    explicit PastedImageWriter(QObject *parent = nullptr);
    ~PastedImageWriter() override; // waits for the file being written, which it owns

    void setFolder(const QString &folder) { m_folder = folder; }
    QString folder() const { return m_folder; }
    void write(const QImage &image);
    // A paste is waiting or being written.
    bool isBusy() const { return m_writing || !m_queue.isEmpty(); }

Q_SIGNALS:
    void written(const QString &path);
    void failed(const QString &problem); // a whole sentence
    void busyChanged(bool busy);

private:
    void startNext();
    void onWritten();
    // Where the next paste goes; "" with the reason in `problem` when there is nowhere.
    QString nextPath(QString *problem);

    QList<QImage> m_queue;
    QFutureWatcher<bool> m_watcher;
    bool m_writing = false;
    QString m_path; // of the paste being written
    QString m_folder;
    std::unique_ptr<QTemporaryDir> m_tempDir; // made on the first paste without a folder
    int m_count = 0;
};
