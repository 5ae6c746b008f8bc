#include "comparespec.h"

#include <QJsonArray>

#include <algorithm>

namespace {

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

bool hasAxis(const QList<CompareAxis> &axes, CompareAxis::Parameter parameter)
{
    return std::any_of(axes.cbegin(), axes.cend(), [parameter](const CompareAxis &axis) {
        return axis.parameter == parameter;
    });
}

QString unknownProvider(const QString &id, const QStringList &known)
{
    return CompareSpec::tr("There is no provider %1; the providers are %2.")
        .arg(quoted(id), known.join(QStringLiteral(", ")));
}

// What is wrong with one cell once every axis is applied, or "". These are the combinations the
// API refuses, so a run is stopped before it pays for the cells that would work.
QString cellProblem(const CompareCell &cell, bool compressionAxis)
{
    const ImageParams &p = cell.params;
    if (p.imageModel.trimmed().isEmpty())
        return CompareSpec::tr("No image model is set.");
    const QString sizeProblem = ImageParams::validateSize(p.imageModel, p.size);
    if (!sizeProblem.isEmpty())
        return sizeProblem;
    if (p.background == QLatin1String("transparent") && p.outputFormat == QLatin1String("jpeg"))
        return CompareSpec::tr("A transparent background needs png or webp: jpeg has no "
                               "transparency.");
    if (compressionAxis && !p.compressionApplies())
        return CompareSpec::tr("Compression only applies to jpeg and webp, and this cell makes %1: "
                               "set the format to jpeg or webp.")
            .arg(p.outputFormat);
    return {};
}

} // namespace

QString CompareSpec::validate(const QStringList &knownProviderIds) const
{
    if (axes.size() > maxAxes)
        return tr("A compare run has at most %1 axes; this one has %2.")
            .arg(maxAxes)
            .arg(axes.size());
    for (qsizetype i = 0; i < axes.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (axes.at(j).parameter == axes.at(i).parameter)
                return tr("The %1 axis is given twice: put all its values in one "
                          "axis.")
                    .arg(axes.at(i).name());
        }
        const QString problem = axes.at(i).validate();
        if (!problem.isEmpty())
            return problem;
    }
    // Size wins over aspect ratio (ImageParams::effectiveSize), so one of the two would do nothing.
    if (hasAxis(axes, CompareAxis::Parameter::Size)
        && hasAxis(axes, CompareAxis::Parameter::AspectRatio))
        return tr("Use either a size axis or an aspect-ratio axis, not both: a size "
                  "overrides the aspect ratio.");

    if (!hasAxis(axes, CompareAxis::Parameter::Prompt) && prompt.trimmed().isEmpty())
        return tr("Write a prompt.");
    if (!hasAxis(axes, CompareAxis::Parameter::Provider)) {
        if (providerId.isEmpty())
            return tr("Choose a provider.");
        if (!knownProviderIds.contains(providerId))
            return unknownProvider(providerId, knownProviderIds);
    }
    for (const CompareAxis &axis : axes) {
        if (axis.parameter != CompareAxis::Parameter::Provider)
            continue;
        for (const QString &id : axis.values) {
            if (!knownProviderIds.contains(id))
                return unknownProvider(id, knownProviderIds);
        }
    }
    if (imagesPerCell < 1 || imagesPerCell > maxImagesPerCell)
        return tr("Ask for 1 to %1 images per cell, not %2.")
            .arg(maxImagesPerCell)
            .arg(imagesPerCell);

    if (!maskPath.isEmpty() && referenceImages.size() != 1)
        return tr("A mask edits one image: give exactly one reference image with it, "
                  "not %1.")
            .arg(referenceImages.size());

    const bool compressionAxis = hasAxis(axes, CompareAxis::Parameter::Compression);
    for (const CompareCell &cell : cells()) {
        const QString problem = cellProblem(cell, compressionAxis);
        if (problem.isEmpty())
            continue;
        if (cell.axisValues.isEmpty())
            return problem;
        return tr("Cell %1 (%2): %3").arg(cell.index + 1).arg(cell.label(), problem);
    }
    return {};
}

int CompareSpec::extent(int axis) const
{
    if (axis < 0 || axis >= axes.size())
        return 1;
    return int(axes.at(axis).values.size());
}

int CompareSpec::cellCount() const
{
    int count = 1;
    for (const CompareAxis &axis : axes)
        count *= int(axis.values.size());
    return count;
}

QList<CompareCell> CompareSpec::cells() const
{
    QList<CompareCell> result;
    const int count = cellCount();
    result.reserve(count);
    for (int index = 0; index < count; ++index) {
        CompareCell cell;
        cell.index = index;
        cell.providerId = providerId;
        cell.chatModel = chatModel;
        cell.prompt = prompt;
        cell.params = base;
        // Mixed-radix digits of the index, least significant first: axis 0 varies fastest.
        int rest = index;
        for (const CompareAxis &axis : axes) {
            const int n = int(axis.values.size());
            const int coordinate = rest % n;
            rest /= n;
            const QString &value = axis.values.at(coordinate);
            cell.coordinates.append(coordinate);
            cell.axisValues.append(value);
            axis.apply(value, cell.params, &cell.providerId, &cell.prompt);
        }
        result.append(cell);
    }
    return result;
}

QJsonObject CompareSpec::toJson() const
{
    QJsonArray axesJson;
    for (const CompareAxis &axis : axes)
        axesJson.append(axis.toJson());
    QJsonObject object {
        { QStringLiteral("provider"), providerId },
        { QStringLiteral("chat_model"), chatModel },
        { QStringLiteral("prompt"), prompt },
        { QStringLiteral("params"), base.toJson() },
        { QStringLiteral("axes"), axesJson },
        { QStringLiteral("images_per_cell"), imagesPerCell },
    };
    if (!referenceImages.isEmpty())
        object.insert(QStringLiteral("reference_images"),
                      QJsonArray::fromStringList(referenceImages));
    if (!maskPath.isEmpty())
        object.insert(QStringLiteral("mask"), maskPath);
    return object;
}

bool CompareSpec::fromJson(const QJsonObject &object, CompareSpec *spec, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!object.value(QLatin1String("axes")).isArray()
        || !object.value(QLatin1String("params")).isObject())
        return fail(tr("The stored compare run is damaged: it has no axes or "
                       "settings."));
    CompareSpec read;
    read.providerId = object.value(QLatin1String("provider")).toString();
    read.chatModel = object.value(QLatin1String("chat_model")).toString();
    read.prompt = object.value(QLatin1String("prompt")).toString();
    read.base = ImageParams::fromJson(object.value(QLatin1String("params")).toObject());
    read.imagesPerCell = object.value(QLatin1String("images_per_cell")).toInt(1);
    const QJsonValue references = object.value(QLatin1String("reference_images"));
    if (!references.isUndefined() && !references.isArray())
        return fail(tr("The stored compare run is damaged: its reference images are "
                       "not a list."));
    for (const QJsonValue &file : references.toArray()) {
        if (!file.isString() || file.toString().isEmpty())
            return fail(tr("The stored compare run is damaged: a reference image has "
                           "no file name."));
        read.referenceImages << file.toString();
    }
    read.maskPath = object.value(QLatin1String("mask")).toString();
    const QJsonArray axesJson = object.value(QLatin1String("axes")).toArray();
    for (const QJsonValue &value : axesJson) {
        CompareAxis axis;
        if (!CompareAxis::fromJson(value.toObject(), &axis, error))
            return false;
        read.axes.append(axis);
    }
    if (spec)
        *spec = read;
    return true;
}
