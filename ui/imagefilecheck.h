#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QDropEvent;
class QMimeData;

// Whether a file the designer picked, dropped or pasted can be a reference image, judged the same
// way wherever reference images are taken (the composer, the Compare window): it exists, is a
// file, opens, and starts like a PNG, JPEG, WebP or GIF image. Only the first bytes are read; the
// pixels are ReferenceImages' to check when the images are prepared for sending.
class ImageFileCheck
{
    Q_DECLARE_TR_FUNCTIONS(ImageFileCheck)

public:
    // The image type of the file at `path` ("image/png"), told from its first bytes; "" when it
    // cannot be one, with why in `reason` as the end of a sentence: "the file does not exist",
    // "it is not a file", "the file is empty", the system's reason it cannot be opened, "it is not
    // a PNG, JPEG, WebP or GIF image".
    static QString mimeType(const QString &path, QString *reason = nullptr);
    static bool isImageFile(const QString &path) { return !mimeType(path).isEmpty(); }

    // The local files among `data`'s URLs (a drag from a file manager, a copied file), in order.
    static QStringList localFiles(const QMimeData *data);
    // Those of them that are image files.
    static QStringList localImageFiles(const QMimeData *data);

    // For a drag entering or moving over a widget, and for the drop: when the event carries local
    // files it is accepted as a copy (never a move: a file manager would delete a file whose move
    // was accepted) and the files are returned; otherwise the event is left alone and the list is
    // empty. Every local file is taken, so that a file that is not an image can be refused by
    // name on the drop instead of silently bouncing off.
    static QStringList acceptLocalFiles(QDropEvent *event);
};
