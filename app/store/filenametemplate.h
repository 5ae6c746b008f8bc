#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

// Expands a file-name template such as "{date}_{time}_{model}_{quality}_{size}_{n}.{ext}" for
// saved images. Known fields: date (yyyy-MM-dd), time (HHmmss), model, quality, size, n (1-based
// image number, zero-padded to two digits), ext, prompt (first 40 characters), turn, hash (first
// 12 hex digits). An unknown {field} is kept as written so a typo stays visible. Characters that
// are illegal in file names on any of Windows, macOS or Linux are replaced by '_', and the result
// is never empty, never "." or "..", never a path.
class FileNameTemplate
{
public:
    static constexpr const char *defaultTemplate
        = "{date}_{time}_{model}_{quality}_{size}_{n}.{ext}";

    struct Fields
    {
        QDateTime when;
        QString model;
        QString quality;
        QString size;
        int n = 1;
        QString ext;
        QString prompt;
        QString turnId;
        QString hash;
    };

    static QString expand(const QString &pattern, const Fields &fields);
    // Replaces characters illegal in file names (and control characters) by '_', trims trailing
    // dots and spaces (Windows drops them), and falls back to "image" when nothing is left.
    static QString sanitize(const QString &name);
};
