#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

struct Turn;
struct ImageAsset;

// Saving images out of Easel. The stored bytes are written as they are, with Easel's settings
// embedded (ImageMetadata) unless the designer turned that off (Record::LeftOut: the file as
// generated, byte for byte, whose C2PA Content Credentials, a hash over the whole file, still
// verify); an image is re-encoded only when the target extension names another format. Files are
// written through QSaveFile: a full disk or an unwritable folder gives a plain error and never
// leaves a half-written file, and nothing in the image store is ever touched. Every function here
// is safe to call off the GUI thread (auto-save does).
class ImageExporter
{
    Q_DECLARE_TR_FUNCTIONS(ImageExporter)

public:
    struct Result
    {
        bool ok = false;
        QString filePath;
        QString error; // plain sentence when !ok
    };
    struct BatchResult
    {
        QStringList files; // written, in order
        QStringList errors; // one sentence per image that could not be saved
        // Already in the folder under their names, byte for byte (a second Save All into the
        // same folder): not written again as "name (2).png".
        QStringList unchanged;
        bool ok() const { return errors.isEmpty(); }
    };

    // Whether Easel's settings go into the saved file (Settings::embedSettingsInImages).
    enum class Record { Embedded, LeftOut };

    // "png", "jpeg" or "webp" from a file name's extension; empty when none of those.
    static QString formatForPath(const QString &path);
    static QString extensionFor(const QString &format); // "png", "jpg", "webp"

    // `original` with `record` embedded (unless `embedding` leaves it out), converted to
    // `format` first when that differs.
    static Result encode(const QByteArray &original, const QJsonObject &record,
                         const QString &format, QByteArray &out,
                         Record embedding = Record::Embedded);
    // Writes `original` + record to `targetPath`. A path without an extension gets the original's.
    static Result save(const QByteArray &original, const QJsonObject &record,
                       const QString &targetPath, Record embedding = Record::Embedded);
    // Reads the asset's stored file and saves it with ImageMetadata::describe(turn, image).
    static Result saveAsset(const Turn &turn, const ImageAsset &image, const QString &targetPath,
                            Record embedding = Record::Embedded);
    // The stored bytes of an asset as a save writes them (for a drag or a copy).
    static Result withMetadata(const Turn &turn, const ImageAsset &image, QByteArray &out,
                               Record embedding = Record::Embedded);

    // A file name from the template for image `n` (1-based) of `turn`.
    static QString fileNameFor(const Turn &turn, const ImageAsset &image, int n,
                               const QString &pattern);
    // Every final image of the turns into `folder`, names from `pattern`, never overwriting an
    // existing file (a " (2)" suffix is added instead).
    static BatchResult saveAll(const QList<Turn> &turns, const QString &folder,
                               const QString &pattern, Record embedding = Record::Embedded);

    static QString uniquePath(const QString &path);
};
