#include "pastedimagewriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImageWriter>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

namespace {

bool writePng(const QString &path, const QImage &image)
{
    // All or nothing: a half-written file is never attached, nor left under the pasted name.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QImageWriter writer(&file, "PNG");
    if (!writer.write(image)) {
        file.cancelWriting();
        return false;
    }
    return file.commit();
}

} // namespace

PastedImageWriter::PastedImageWriter(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<bool>::finished, this, &PastedImageWriter::onWritten);
}

PastedImageWriter::~PastedImageWriter()
{
    m_watcher.waitForFinished();
}

void PastedImageWriter::write(const QImage &image)
{
    const bool wasBusy = isBusy();
    m_queue << image;
    if (!m_writing)
        startNext();
    if (!wasBusy && isBusy())
        Q_EMIT busyChanged(true);
}

void PastedImageWriter::startNext()
{
    while (!m_queue.isEmpty()) {
        const QImage image = m_queue.takeFirst();
        QString problem;
        m_path = nextPath(&problem);
        if (m_path.isEmpty()) {
            Q_EMIT failed(problem);
            continue;
        }
        m_writing = true;
        m_watcher.setFuture(
            QtConcurrent::run([path = m_path, image] { return writePng(path, image); }));
        return;
    }
}

void PastedImageWriter::onWritten()
{
    m_writing = false;
    const QString path = m_path;
    if (m_watcher.result()) {
        Q_EMIT written(path);
    } else {
        Q_EMIT failed(tr("The pasted image cannot be attached: it cannot be saved in %1.")
                          .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
    }
    startNext();
    if (!isBusy())
        Q_EMIT busyChanged(false);
}

QString PastedImageWriter::nextPath(QString *problem)
{
    if (!m_folder.isEmpty()) {
        const QDir folder(m_folder);
        const QString name
            = QStringLiteral("pasted-%1-%2.png")
                  .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
                  .arg(++m_count);
        const QString path = folder.filePath(name);
        if (!folder.mkpath(QStringLiteral(".")) || QFile::exists(path)) {
            *problem = tr("The pasted image cannot be attached: it cannot be saved in %1.")
                           .arg(QDir::toNativeSeparators(m_folder));
            return {};
        }
        return path;
    }
    if (!m_tempDir) {
        m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath()
                                                    + QStringLiteral("/easel-pasted-XXXXXX"));
    }
    if (!m_tempDir->isValid()) {
        *problem = tr("The pasted image cannot be attached: no temporary folder can be made (%1).")
                       .arg(m_tempDir->errorString());
        m_tempDir.reset(); // the next paste tries again
        return {};
    }
    return m_tempDir->filePath(QStringLiteral("pasted-%1.png").arg(++m_count));
}
