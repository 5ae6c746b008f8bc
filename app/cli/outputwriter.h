#pragma once

#include "compare/comparecell.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Writes the results of a run into the --out folder: the images as the exact bytes the store
// holds (a byte-for-byte copy, never re-encoded), grid.png and results.csv. Nothing is ever
// overwritten: when a name is taken the file gets "-2", "-3"... before its extension, and each
// file is created exclusively, so not even another process writing the same name at the same time
// is overwritten.
class OutputWriter
{
    Q_DECLARE_TR_FUNCTIONS(OutputWriter)

public:
    explicit OutputWriter(const QString &directory);

    // Creates the folder if missing and checks that a file can be created in it; false with a
    // plain sentence otherwise. Called before anything is sent.
    bool prepare(QString *error);
    QString directory() const { return m_directory; } // absolute

    // Writes `bytes` as `fileName` (or its first free variant); the path written, or "" with a
    // plain sentence in *error.
    QString write(const QByteArray &bytes, const QString &fileName, QString *error) const;
    // Copies the file at `sourcePath` byte for byte, as write() does.
    QString copy(const QString &sourcePath, const QString &fileName, QString *error) const;

    // "name.png", then "name-2.png", "name-3.png": the n-th candidate (n from 1).
    static QString candidateName(const QString &fileName, int n);

    // Names of the images of a cell, without extension:
    // compare: "01_low_gpt-image-1" (the cell's number, padded to the run's size, and its axis
    //          values), with "_2"... per image when a cell makes several;
    // generate (no axes): "image-1", "image-2"...
    static QString imageBaseName(const CompareCell &cell, int cellCount, int imageNumber,
                                 int imagesInCell);
    // A value made safe for a file name on every system: letters, digits, '.', '-' and '_' kept,
    // ':' (in ratios) and spaces become '-', the rest dropped, at most `maxLength` characters.
    static QString safeName(const QString &value, int maxLength = 40);

private:
    QString m_directory;
};
