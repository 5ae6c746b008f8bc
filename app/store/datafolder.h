#pragma once

#include <QCoreApplication>
#include <QString>

// The folder given to --data-dir (the window's and `easel generate`'s): checked before anything
// is opened in it, so that a file in its place, or a folder that cannot be written, is refused
// with one plain sentence instead of failing later in each of its parts (settings, history,
// images).
class DataFolder
{
    Q_DECLARE_TR_FUNCTIONS(DataFolder)

public:
    // Empty when `path` is a writable folder, or when the nearest existing folder above it can
    // be written (it is made there when first used). Otherwise why not, without the flag's name:
    // "this is a file, not a folder." Nothing is created.
    static QString problem(const QString &path);
};
