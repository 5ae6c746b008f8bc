#pragma once

#include "model/imageasset.h"
#include "model/turn.h"
#include "store/imageexporter.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

class QMimeData;
class QWidget;
class Settings;

// Everything that writes images out of the window: Save As, Save All of a turn or of the
// conversation, auto-save after a turn, and the file behind a drag. Every file carries Easel's
// settings (ImageMetadata) next to the untouched original bytes (ImageExporter), unless the
// designer chose files exactly as generated (Settings::embedSettingsInImages). Failures end as a
// plain sentence in saveFailed() and a non-blocking message box: nothing already stored is touched.
class ImageSaver : public QObject
{
    Q_OBJECT
public:
    ImageSaver(QWidget *window, Settings *settings);
    ~ImageSaver() override;

    void saveAs(const Turn &turn, const ImageAsset &image);
    void saveTurn(const Turn &turn);
    void saveConversation(const QList<Turn> &turns);
    // Off the GUI thread; does nothing unless auto-save is on and a folder is set (Settings).
    void autoSave(const Turn &turn);
    bool isAutoSaving() const { return m_autoSavesRunning > 0; }

    // A drag or copy of an image: a temporary copy WITH the metadata (kept until Easel quits, as
    // a file manager may read it after the drop), its pixels and its URL. Falls back to the
    // stored file when the copy cannot be written.
    QMimeData *mimeDataFor(const Turn &turn, const ImageAsset &image);
    // Puts `image` on the clipboard, with the settings of its turn among `turns` when it has one
    // there (a reference image has none: its pixels and URL only). Says so in statusMessage().
    void copyToClipboard(const QList<Turn> &turns, const ImageAsset &image);
    // Set false in tests so a failure does not open a (non-blocking) message box.
    void setShowsMessageBoxes(bool shows) { m_showsMessageBoxes = shows; }

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    void saveFailed(const QString &message);
    void saved(const QStringList &files);

private:
    void saveAllInto(const QList<Turn> &turns, const QString &caption);
    // What a save did, in the status bar (and a box for errors): `unchanged` counts images
    // that were already in the folder.
    void report(const QStringList &files, const QStringList &errors,
                const QStringList &unchanged = {});
    QString templatePattern() const;
    // Whether the files written carry Easel's settings (Settings::embedSettingsInImages).
    ImageExporter::Record record() const;

    QWidget *m_window;
    Settings *m_settings;
    std::unique_ptr<QTemporaryDir> m_dragDir;
    int m_autoSavesRunning = 0;
    bool m_showsMessageBoxes = true;
};
