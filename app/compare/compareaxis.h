#pragma once

#include "model/imageparams.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// One axis of a compare run: a parameter and the values to try for it. The same names serve the
// command line (`--axis quality=low,medium,high`), the Compare view and the stored history, so a
// run written in one place reads the same in the others.
//
// Values are separated by commas, except prompt variants, which are separated by "|" because
// prompts are full of commas (`prompt=a fox, watercolour|a fox, ink`). A prompt variant cannot
// contain "|" on the command line; the Compare view takes variants one per line instead.
//
// What an axis can check alone (a quality is one of four words, a size is "auto" or WxH) is
// checked here. What depends on the other settings of a cell (whether that size suits that image
// model, transparent with jpeg) is checked per cell by CompareSpec::validate, after every axis
// has been applied.
struct CompareAxis
{
    Q_DECLARE_TR_FUNCTIONS(CompareAxis)

public:
    enum class Parameter {
        ImageModel,
        Quality,
        Size,
        AspectRatio,
        Background,
        OutputFormat,
        Compression,
        Moderation,
        Provider,
        Prompt,
    };

    Parameter parameter = Parameter::Quality;
    QStringList values;

    static QList<Parameter> parameters(); // in the order above
    static QString name(Parameter parameter); // "image-model", "quality", ... "format" ...
    static QString displayName(Parameter parameter); // "Image model", "Quality", ... translated
    // The display name in English, whatever the language: for CSV headers that tools read.
    static QString headerName(Parameter parameter);
    static std::optional<Parameter> parameterFromName(const QString &name); // case-insensitive
    static QChar separator(Parameter parameter); // '|' for prompts, ',' otherwise

    QString name() const { return name(parameter); }
    QString displayName() const { return displayName(parameter); }
    QString headerName() const { return headerName(parameter); }

    // Parses "quality=low,medium,high". Values are trimmed and normalized ("High" -> "high",
    // "jpg" -> "jpeg", "1024X1024" -> "1024x1024") before duplicates are looked for. Returns false
    // with a plain sentence in *error for anything it refuses; *axis is then left untouched.
    static bool parse(const QString &text, CompareAxis *axis, QString *error);

    // The value as parse() would store it; returns `value` trimmed when there is nothing to fix.
    static QString normalizedValue(Parameter parameter, const QString &value);
    // Checks one value on its own. Empty when fine, otherwise a plain sentence.
    static QString checkValue(Parameter parameter, const QString &value);
    // Checks the whole axis: at least one value, no empty value, no value twice, each value fine.
    QString validate() const;

    // Sets the field of a cell this axis varies. An aspect ratio also sets the size to "auto",
    // because an explicit size would otherwise win over it (ImageParams::effectiveSize).
    void apply(const QString &value, ImageParams &params, QString *providerId,
               QString *prompt) const;

    QJsonObject toJson() const; // {"parameter": "quality", "values": [...]}
    // Reads what toJson() wrote; false with a plain sentence for an unknown parameter or values
    // that are not a list of strings.
    static bool fromJson(const QJsonObject &object, CompareAxis *axis, QString *error);

    bool operator==(const CompareAxis &other) const = default;
};
