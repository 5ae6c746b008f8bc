#include "compareaxis.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace {

struct ParameterNames
{
    CompareAxis::Parameter parameter;
    const char *name;
    const char *displayName;
};

constexpr ParameterNames parameterNames[] = {
    { CompareAxis::Parameter::ImageModel, "image-model",
      QT_TRANSLATE_NOOP("CompareAxis", "Image model") },
    { CompareAxis::Parameter::Quality, "quality", QT_TRANSLATE_NOOP("CompareAxis", "Quality") },
    { CompareAxis::Parameter::Size, "size", QT_TRANSLATE_NOOP("CompareAxis", "Size") },
    { CompareAxis::Parameter::AspectRatio, "aspect-ratio",
      QT_TRANSLATE_NOOP("CompareAxis", "Aspect ratio") },
    { CompareAxis::Parameter::Background, "background",
      QT_TRANSLATE_NOOP("CompareAxis", "Background") },
    { CompareAxis::Parameter::OutputFormat, "format", QT_TRANSLATE_NOOP("CompareAxis", "Format") },
    { CompareAxis::Parameter::Compression, "compression",
      QT_TRANSLATE_NOOP("CompareAxis", "Compression") },
    { CompareAxis::Parameter::Moderation, "moderation",
      QT_TRANSLATE_NOOP("CompareAxis", "Moderation") },
    { CompareAxis::Parameter::Provider, "provider", QT_TRANSLATE_NOOP("CompareAxis", "Provider") },
    { CompareAxis::Parameter::Prompt, "prompt", QT_TRANSLATE_NOOP("CompareAxis", "Prompt") },
};

const ParameterNames &namesOf(CompareAxis::Parameter parameter)
{
    for (const ParameterNames &names : parameterNames) {
        if (names.parameter == parameter)
            return names;
    }
    return parameterNames[0]; // unreachable: every enumerator is in the table
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// "a, b or c", for the lists of accepted words in messages.
QString alternatives(const QStringList &words)
{
    if (words.size() < 2)
        return words.join(QString());
    return CompareAxis::tr("%1 or %2")
        .arg(QStringList(words.mid(0, words.size() - 1)).join(QStringLiteral(", ")),
             words.constLast());
}

QString checkWord(const QString &value, const QStringList &allowed, const QString &what)
{
    if (allowed.contains(value))
        return {};
    return CompareAxis::tr("%1 is not %2: use %3.").arg(quoted(value), what, alternatives(allowed));
}

bool isAspectRatio(const QString &value)
{
    // Whole or decimal sides, as people write them: 16:9, 1:1, 2.39:1.
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{1,4}(?:\\.\\d{1,3})?):(\\d{1,4}(?:\\.\\d{1,3})?)$"));
    const QRegularExpressionMatch match = pattern.match(value);
    return match.hasMatch() && match.captured(1).toDouble() > 0 && match.captured(2).toDouble() > 0;
}

} // namespace

QList<CompareAxis::Parameter> CompareAxis::parameters()
{
    QList<Parameter> all;
    for (const ParameterNames &names : parameterNames)
        all.append(names.parameter);
    return all;
}

QString CompareAxis::name(Parameter parameter)
{
    return QLatin1String(namesOf(parameter).name);
}

QString CompareAxis::displayName(Parameter parameter)
{
    return tr(namesOf(parameter).displayName);
}

QString CompareAxis::headerName(Parameter parameter)
{
    return QLatin1String(namesOf(parameter).displayName);
}

std::optional<CompareAxis::Parameter> CompareAxis::parameterFromName(const QString &name)
{
    const QString wanted = name.trimmed().toLower();
    for (const ParameterNames &names : parameterNames) {
        if (wanted == QLatin1String(names.name))
            return names.parameter;
    }
    return std::nullopt;
}

QChar CompareAxis::separator(Parameter parameter)
{
    return parameter == Parameter::Prompt ? QLatin1Char('|') : QLatin1Char(',');
}

QString CompareAxis::normalizedValue(Parameter parameter, const QString &value)
{
    const QString trimmed = value.trimmed();
    switch (parameter) {
    case Parameter::Quality:
    case Parameter::Background:
    case Parameter::Moderation:
        return trimmed.toLower();
    case Parameter::OutputFormat: {
        const QString lower = trimmed.toLower();
        return lower == QLatin1String("jpg") ? QStringLiteral("jpeg") : lower;
    }
    case Parameter::Size: {
        if (trimmed.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0)
            return QStringLiteral("auto");
        const QSize size = ImageParams::parseSize(trimmed);
        if (!size.isValid())
            return trimmed;
        return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
    }
    case Parameter::AspectRatio:
        return trimmed.simplified().remove(QLatin1Char(' '));
    case Parameter::Compression: {
        bool ok = false;
        const int number = trimmed.toInt(&ok);
        return ok ? QString::number(number) : trimmed;
    }
    case Parameter::ImageModel:
    case Parameter::Provider:
    case Parameter::Prompt:
        break;
    }
    return trimmed;
}

QString CompareAxis::checkValue(Parameter parameter, const QString &value)
{
    if (value.trimmed().isEmpty())
        return tr("The %1 axis has an empty value.").arg(name(parameter));
    switch (parameter) {
    case Parameter::Quality:
        return checkWord(value,
                         { QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                           QStringLiteral("auto") },
                         tr("a quality"));
    case Parameter::Background:
        return checkWord(
            value,
            { QStringLiteral("transparent"), QStringLiteral("opaque"), QStringLiteral("auto") },
            tr("a background"));
    case Parameter::OutputFormat:
        return checkWord(value,
                         { QStringLiteral("png"), QStringLiteral("jpeg"), QStringLiteral("webp") },
                         tr("an output format"));
    case Parameter::Moderation:
        return checkWord(value, { QStringLiteral("auto"), QStringLiteral("low") },
                         tr("a moderation level"));
    case Parameter::Size: {
        // Whether the size suits the image model is known only per cell (CompareSpec::validate).
        if (value == QLatin1String("auto"))
            return {};
        const QSize size = ImageParams::parseSize(value);
        if (!size.isValid() || size.isEmpty())
            return tr("%1 is not a size: write auto or width x height, for example "
                      "1536x1024.")
                .arg(quoted(value));
        return {};
    }
    case Parameter::AspectRatio:
        if (!isAspectRatio(value))
            return tr("%1 is not an aspect ratio: write width:height, for example "
                      "16:9.")
                .arg(quoted(value));
        return {};
    case Parameter::Compression: {
        bool ok = false;
        const int number = value.trimmed().toInt(&ok);
        if (!ok || number < 0 || number > 100)
            return tr("%1 is not a compression: use a whole number from 0 to 100.")
                .arg(quoted(value));
        return {};
    }
    case Parameter::ImageModel:
    case Parameter::Provider:
    case Parameter::Prompt:
        break; // free text; providers are checked against the known ones by CompareSpec
    }
    return {};
}

QString CompareAxis::validate() const
{
    if (values.isEmpty())
        return tr("The %1 axis has no values.").arg(name());
    QStringList seen;
    for (const QString &value : values) {
        const QString problem = checkValue(parameter, value);
        if (!problem.isEmpty())
            return problem;
        if (seen.contains(value))
            return tr("The %1 axis lists %2 twice.").arg(name(), quoted(value));
        seen.append(value);
    }
    return {};
}

bool CompareAxis::parse(const QString &text, CompareAxis *axis, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals < 0)
        return fail(tr("Write an axis as name=values, for example "
                       "quality=low,medium,high (got %1).")
                        .arg(quoted(text)));
    QStringList names;
    for (const ParameterNames &entry : parameterNames)
        names.append(QLatin1String(entry.name));
    const QString nameText = text.left(equals).trimmed();
    const std::optional<Parameter> parameter = parameterFromName(nameText);
    if (!parameter)
        return fail(
            tr("%1 is not an axis; the axes are %2.").arg(quoted(nameText), alternatives(names)));

    CompareAxis parsed;
    parsed.parameter = *parameter;
    const QChar sep = separator(*parameter);
    const QStringList parts = text.mid(equals + 1).split(sep);
    for (const QString &part : parts) {
        if (part.trimmed().isEmpty()) {
            if (parts.size() == 1)
                return fail(tr("The %1 axis has no values: write them after the "
                               "=, separated by %2 (%1=a%2b).")
                                .arg(parsed.name(), QString(sep)));
            return fail(tr("The %1 axis has an empty value: write the values "
                           "separated by %2 with nothing empty between them.")
                            .arg(parsed.name(), QString(sep)));
        }
        parsed.values.append(normalizedValue(*parameter, part));
    }
    const QString problem = parsed.validate();
    if (!problem.isEmpty())
        return fail(problem);
    if (axis)
        *axis = parsed;
    return true;
}

void CompareAxis::apply(const QString &value, ImageParams &params, QString *providerId,
                        QString *prompt) const
{
    switch (parameter) {
    case Parameter::ImageModel:
        params.imageModel = value;
        break;
    case Parameter::Quality:
        params.quality = value;
        break;
    case Parameter::Size:
        params.size = value;
        break;
    case Parameter::AspectRatio:
        params.aspectRatio = value;
        params.size = QStringLiteral("auto");
        break;
    case Parameter::Background:
        params.background = value;
        break;
    case Parameter::OutputFormat:
        params.outputFormat = value;
        break;
    case Parameter::Compression:
        params.outputCompression = std::clamp(value.toInt(), 0, 100);
        break;
    case Parameter::Moderation:
        params.moderation = value;
        break;
    case Parameter::Provider:
        if (providerId)
            *providerId = value;
        break;
    case Parameter::Prompt:
        if (prompt)
            *prompt = value;
        break;
    }
}

QJsonObject CompareAxis::toJson() const
{
    return QJsonObject {
        { QStringLiteral("parameter"), name() },
        { QStringLiteral("values"), QJsonArray::fromStringList(values) },
    };
}

bool CompareAxis::fromJson(const QJsonObject &object, CompareAxis *axis, QString *error)
{
    const QString nameText = object.value(QLatin1String("parameter")).toString();
    const std::optional<Parameter> parameter = parameterFromName(nameText);
    if (!parameter) {
        if (error)
            *error = tr("The stored compare run has an unknown axis %1.").arg(quoted(nameText));
        return false;
    }
    const QJsonValue valuesJson = object.value(QLatin1String("values"));
    CompareAxis read;
    read.parameter = *parameter;
    const QJsonArray array = valuesJson.toArray();
    for (const QJsonValue &value : array) {
        if (!value.isString()) {
            read.values.clear();
            break;
        }
        read.values.append(value.toString());
    }
    if (!valuesJson.isArray() || read.values.size() != array.size()) {
        if (error)
            *error = tr("The %1 axis of the stored compare run has no list of values.")
                         .arg(read.name());
        return false;
    }
    if (axis)
        *axis = read;
    return true;
}
