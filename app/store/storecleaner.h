#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QSet>
#include <QString>

// Deletes the files Easel no longer needs: files of the content-addressed image store that no
// stored turn refers to any more (their conversations were purged), and partial previews past
// their week in the cache. It looks only at the store's own layout, <root>/<two hex digits>/
// <sha256>..., so a folder named wrongly can never cost a designer a file of their own.
// Synchronous: HistoryStore runs it on its worker thread, never on the GUI thread.
class StoreCleaner
{
    Q_DECLARE_TR_FUNCTIONS(StoreCleaner)

public:
    struct Sweep
    {
        int filesDeleted = 0;
        qint64 bytesFreed = 0;
        int failures = 0; // could not be deleted: left for the next run, not the user's problem
    };
    // What one clean-up did (logged; a Settings page can show it).
    struct Report
    {
        bool ran = false; // false when the history could not say what it refers to
        int conversationsPurged = 0;
        Sweep images;
        Sweep previews;
        qint64 bytesFreed() const { return images.bytesFreed + previews.bytesFreed; }
        QString summary() const; // "Freed 2.1 MB: 3 unused images, 12 old previews."
    };

    // A turn that is streaming writes its file a moment before the row naming it is saved, and a
    // second Easel may be doing the same on this data folder: an unreferenced image file is only
    // deleted once it is older than this.
    static constexpr qint64 imageGraceSeconds = 60 * 60;
    static constexpr qint64 previewMaxAgeSeconds = 7 * 24 * 60 * 60;

    // Deletes every file of the store layout under `root` whose name is not in `keep` and that
    // was last modified before `olderThan`. A missing root is an empty sweep.
    static Sweep sweep(const QString &root, const QSet<QString> &keep, const QDateTime &olderThan);
};

Q_DECLARE_METATYPE(StoreCleaner::Report)
