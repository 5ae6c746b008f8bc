#include "imagefilecheck.h"

#include "model/imagesniff.h"

#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

QString ImageFileCheck::mimeType(const QString &path, QString *reason)
{
    const QFileInfo info(path);
    QString problem;
    QString type;
    if (!info.exists()) {
        problem = tr("the file does not exist");
    } else if (!info.isFile()) {
        problem = tr("it is not a file");
    } else if (info.size() == 0) {
        problem = tr("the file is empty");
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            problem = file.errorString();
        } else {
            type = ImageSniff::mimeType(file.read(ImageSniff::bytesNeeded));
            if (type.isEmpty())
                problem = tr("it is not a PNG, JPEG, WebP or GIF image");
        }
    }
    if (reason)
        *reason = problem;
    return type;
}

QStringList ImageFileCheck::localFiles(const QMimeData *data)
{
    QStringList files;
    if (!data || !data->hasUrls())
        return files;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    return files;
}

QStringList ImageFileCheck::localImageFiles(const QMimeData *data)
{
    QStringList images;
    for (const QString &path : localFiles(data)) {
        if (isImageFile(path))
            images << path;
    }
    return images;
}

QStringList ImageFileCheck::acceptLocalFiles(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return files;
    if (event->possibleActions() & Qt::CopyAction) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
    } else {
        event->acceptProposedAction();
    }
    return files;
}
