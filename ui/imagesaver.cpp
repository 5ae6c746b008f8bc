#include "imagesaver.h"

#include "filedialogs.h"
#include "store/filenametemplate.h"
#include "store/imageexporter.h"
#include "store/imagemetadata.h"
#include "store/settings.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QImage>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QUrl>
#include <QWidget>
#include <QtConcurrent>

ImageSaver::ImageSaver(QWidget *window, Settings *settings)
    : QObject(window)
    , m_window(window)
    , m_settings(settings)
{
}

ImageSaver::~ImageSaver() = default;

QString ImageSaver::templatePattern() const
{
    return FileNameTemplate::patternOrDefault(
        m_settings ? m_settings->value(Settings::autoSaveTemplate) : QString());
}

ImageExporter::Record ImageSaver::record() const
{
    return !m_settings || m_settings->value(Settings::embedSettingsInImages)
        ? ImageExporter::Record::Embedded
        : ImageExporter::Record::LeftOut;
}

void ImageSaver::saveAs(const Turn &turn, const ImageAsset &image)
{
    const int n = qMax(1, int(turn.images.indexOf(image)) + 1);
    const QString name = ImageExporter::fileNameFor(turn, image, n, templatePattern());
    const QString suggested = QDir(FileDialogs::saveFolder()).filePath(name);
    // The original format first: picking another extension is the only way to convert.
    const QString original = QFileInfo(name).suffix().toLower();
    QStringList filters { tr("PNG image (*.png)"), tr("JPEG image (*.jpg *.jpeg)"),
                          tr("WebP image (*.webp)") };
    for (qsizetype i = 0; i < filters.size(); ++i) {
        if (filters.at(i).contains(QLatin1String("*.") + original)) {
            filters.move(i, 0);
            break;
        }
    }
    // The chosen file type names the format: a name typed without its extension gets it.
    const QString target = FileDialogs::getSaveFileName(
        m_window, tr("Save Image As"), suggested, filters.join(QLatin1String(";;")),
        original.isEmpty() ? QStringLiteral("png") : original);
    if (target.isEmpty())
        return;
    const ImageExporter::Result r = ImageExporter::saveAsset(turn, image, target, record());
    if (r.ok)
        report({ r.filePath }, {});
    else
        report({}, { r.error });
}

void ImageSaver::saveTurn(const Turn &turn)
{
    saveAllInto({ turn }, tr("Save All Images of This Turn"));
}

void ImageSaver::saveConversation(const QList<Turn> &turns)
{
    saveAllInto(turns, tr("Save All Images of This Conversation"));
}

void ImageSaver::saveAllInto(const QList<Turn> &turns, const QString &caption)
{
    int count = 0;
    for (const Turn &turn : turns)
        count += turn.finalImageCount();
    if (count == 0) {
        Q_EMIT statusMessage(tr("There are no finished images to save."), 5000);
        return;
    }
    const QString folder
        = FileDialogs::getExistingDirectory(m_window, caption, FileDialogs::saveFolder());
    if (folder.isEmpty())
        return;
    const ImageExporter::BatchResult batch
        = ImageExporter::saveAll(turns, folder, templatePattern(), record());
    report(batch.files, batch.errors, batch.unchanged);
}

void ImageSaver::autoSave(const Turn &turn)
{
    if (!m_settings || !m_settings->value(Settings::autoSaveEnabled) || turn.finalImageCount() == 0)
        return;
    const QString folder = m_settings->value(Settings::autoSaveFolder);
    if (folder.isEmpty()) {
        Q_EMIT saveFailed(tr("Auto-save is on but no folder is chosen, so nothing was saved."));
        return;
    }
    const QString pattern = templatePattern();
    const ImageExporter::Record embedding = record();
    ++m_autoSavesRunning;
    auto *watcher = new QFutureWatcher<ImageExporter::BatchResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        --m_autoSavesRunning;
        const ImageExporter::BatchResult batch = watcher->result();
        watcher->deleteLater();
        report(batch.files, batch.errors, batch.unchanged);
    });
    // Reading the stored files, embedding and writing never block the GUI thread.
    watcher->setFuture(QtConcurrent::run([turn, folder, pattern, embedding] {
        return ImageExporter::saveAll({ turn }, folder, pattern, embedding);
    }));
}

void ImageSaver::report(const QStringList &files, const QStringList &errors,
                        const QStringList &unchanged)
{
    const QString folder = QDir::toNativeSeparators(
        QFileInfo((files.isEmpty() ? unchanged : files).value(0)).absolutePath());
    // "; 3 were already there": a second Save All into a folder writes only what is new.
    const QString already = unchanged.isEmpty()
        ? QString()
        : tr("; %n image(s) were already there", nullptr, int(unchanged.size()));
    if (!files.isEmpty()) {
        Q_EMIT saved(files);
        Q_EMIT statusMessage(
            (files.size() == 1 && unchanged.isEmpty()
                 ? tr("Saved %1").arg(QFileInfo(files.first()).fileName())
                 : tr("Saved %n image(s) to %1", nullptr, int(files.size())).arg(folder))
                + already,
            6000);
    } else if (errors.isEmpty() && !unchanged.isEmpty()) {
        Q_EMIT statusMessage(tr("Nothing new to save: %n image(s) were already in %1", nullptr,
                                int(unchanged.size()))
                                 .arg(folder),
                             6000);
    }
    if (errors.isEmpty())
        return;
    QString message = errors.size() == 1
        ? errors.first()
        : tr("%n images could not be saved. %1", nullptr, int(errors.size())).arg(errors.first());
    // The ones that were saved are not forgotten behind the error (found by QA).
    if (!files.isEmpty())
        message += u' '
            + tr("The other %n image(s) were saved to %1.", nullptr, int(files.size())).arg(folder);
    Q_EMIT saveFailed(message);
    Q_EMIT statusMessage(message, 10000);
    if (m_showsMessageBoxes && m_window) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Image not saved"), message,
                                    QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open(); // non-blocking
    }
}

QMimeData *ImageSaver::mimeDataFor(const Turn &turn, const ImageAsset &image)
{
    auto *mime = new QMimeData;
    QString path = image.filePath;
    QByteArray bytes;
    if (!m_dragDir)
        m_dragDir = std::make_unique<QTemporaryDir>();
    if (m_dragDir->isValid() && ImageExporter::withMetadata(turn, image, bytes, record()).ok) {
        const int n = qMax(1, int(turn.images.indexOf(image)) + 1);
        const QString candidate = ImageExporter::uniquePath(
            m_dragDir->filePath(ImageExporter::fileNameFor(turn, image, n, templatePattern())));
        QSaveFile file(candidate);
        if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.flush()
            && file.commit())
            path = candidate;
    }
    const QImage pixels(path);
    if (!pixels.isNull())
        mime->setImageData(pixels);
    mime->setUrls({ QUrl::fromLocalFile(path) });
    return mime;
}

void ImageSaver::copyToClipboard(const QList<Turn> &turns, const ImageAsset &image)
{
    // The turn the image belongs to, so that the copied file carries the settings too.
    for (const Turn &turn : turns) {
        if (!image.filePath.isEmpty() && turn.images.contains(image)) {
            QMimeData *data = mimeDataFor(turn, image);
            if (data->hasImage()) {
                QApplication::clipboard()->setMimeData(data);
                Q_EMIT statusMessage(tr("Image copied"), 3000);
                return;
            }
            delete data;
            break;
        }
    }
    QImage pixels(image.filePath);
    if (pixels.isNull()) {
        Q_EMIT statusMessage(tr("The image file could not be read, so nothing was copied."), 6000);
        return;
    }
    auto *data = new QMimeData;
    data->setImageData(pixels);
    data->setUrls({ QUrl::fromLocalFile(image.filePath) });
    QApplication::clipboard()->setMimeData(data);
    Q_EMIT statusMessage(tr("Image copied"), 3000);
}
