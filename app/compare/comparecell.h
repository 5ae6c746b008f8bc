#pragma once

#include "model/imageparams.h"

#include <QList>
#include <QString>
#include <QStringList>

// One cell of a compare run: the spec's base settings with one value of each axis applied.
// Everything a runner needs to send the cell is here, so it never looks at the axes again.
struct CompareCell
{
    int index = 0; // position in CompareSpec::cells(): the first axis varies fastest
    QList<int> coordinates; // the value index on each axis, in axis order
    QStringList axisValues; // the value of each axis, in axis order
    QString providerId;
    QString chatModel; // as the spec names it; empty means the provider's default
    QString prompt;
    ImageParams params;

    // "gpt-image-1, high": the axis values, for messages and captions; "" with no axes.
    QString label() const { return axisValues.join(QStringLiteral(", ")); }

    bool operator==(const CompareCell &other) const = default;
};
