#pragma once

#include <QCoreApplication>
#include <QString>

class QSaveFile;

// Why a write failed, in words a designer can act on. A full disk is named as such: the volume is
// asked how much room it has (an error text cannot be trusted for that: it is translated, and a
// buffered write may only fail at commit). Every other failure keeps the system's own reason.
class DiskSpace
{
    Q_DECLARE_TR_FUNCTIONS(DiskSpace)

public:
    // True when the volume that holds `path` (or would hold it: the nearest existing folder
    // above it is asked) has less than `bytes` free.
    static bool tooFullFor(const QString &path, qint64 bytes);
    // "the disk is full (12 KB free, 40 KB needed)" when tooFullFor(), else `systemError`.
    static QString reason(const QString &path, qint64 bytes, const QString &systemError);
    // reason() for a QSaveFile that failed while writing `bytes`: its temporary file is removed
    // first, so that the room it held is counted as free (found by QA: "0 bytes free" was said
    // of a disk with 64 KB left).
    static QString saveFailure(QSaveFile &file, qint64 bytes);
};
