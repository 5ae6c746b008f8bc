#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

// Expands a file-name template such as "{date}_{time}_{prompt}_{model}_{quality}_{n}.{ext}" for
// saved images. Known fields: date (yyyy-MM-dd), time (HHmmss), model, quality, size, n (1-based
// image number, zero-padded to two digits), ext, prompt (its first words: promptWords()), turn,
// hash (first 12 hex digits). An unknown {field} is kept as written so a typo stays visible. An
// empty field takes one separator ('_', '-' or ' ') next to it along, so no name gets "__" or a
// leading or trailing '_'. Characters that are illegal in file names on any of Windows, macOS or
// Linux are replaced by '_', and the result is never empty, never "." or "..", never a path and
// never a name Windows reserves for a device.
class FileNameTemplate
{
public:
    // The prompt's first words come early so that a saved image can be found by what it shows in
    // Finder, Explorer or a file manager's search; date and time first so that names sort in the
    // order the images were made.
    static constexpr const char *defaultTemplate
        = "{date}_{time}_{prompt}_{model}_{quality}_{n}.{ext}";
    // The default of earlier versions, without the prompt. The auto-save dialog stored whatever
    // it showed, so a setting holding exactly this was the default, not a choice:
    // patternOrDefault() gives today's default for it.
    static constexpr const char *earlierDefaultTemplate
        = "{date}_{time}_{model}_{quality}_{size}_{n}.{ext}";
    // The most of the prompt {prompt} gives, in characters.
    static constexpr qsizetype maxPromptLength = 40;

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
    // The pattern to name files with from the stored setting: the default when the setting is
    // empty or holds earlierDefaultTemplate, else the setting as the designer wrote it.
    static QString patternOrDefault(const QString &stored);
    // What {prompt} gives: the prompt's first words on one line, at most maxPromptLength
    // characters, cut at a word boundary (inside a first word longer than that), characters
    // illegal in file names taken for spaces, and no punctuation or separator at either end.
    static QString promptWords(const QString &prompt);
    // Replaces characters illegal in file names (and control characters) by '_', trims trailing
    // dots and spaces (Windows drops them), puts a '_' before a name Windows reserves (CON,
    // NUL.png, COM1, ...), and falls back to "image" when nothing is left.
    static QString sanitize(const QString &name);
};
