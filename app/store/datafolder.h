#pragma once

#include <QCoreApplication>
#include <QString>

// Whether a folder can be used to write into, checked without creating anything (a dialog's
// Cancel, or a refused --data-dir, must leave no trace). One walk serves every place that takes
// a folder from the user; each words the answer for where it is shown.
class DataFolder
{
    Q_DECLARE_TR_FUNCTIONS(DataFolder)

public:
    struct Check
    {
        enum Verdict {
            Usable, // a writable folder, or one that can be made where it is named
            IsFile, // the path itself is a file
            NotWritable, // the path is a folder that cannot be written
            UnderFile, // the nearest existing thing above the path is a file
            UnderUnwritable, // the nearest existing folder above the path cannot be written
        };
        Verdict verdict = Usable;
        QString where; // the absolute path the verdict is about (the path itself, or above it)
    };

    static Check check(const QString &path);

    // For --data-dir: empty when usable, otherwise why not, without the flag's name: "this is a
    // file, not a folder."
    static QString problem(const QString &path);
};
