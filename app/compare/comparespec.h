#pragma once

#include "compareaxis.h"
#include "comparecell.h"
#include "model/imageparams.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// What a compare run asks for: one prompt, base settings and up to three axes to vary. Axis 0
// makes the columns of the grid, axis 1 the rows, axis 2 the panels (pages). A spec with no axes is
// one cell, which is what `easel generate` runs.
struct CompareSpec
{
    Q_DECLARE_TR_FUNCTIONS(CompareSpec)

public:
    static constexpr int maxAxes = 3;
    static constexpr int maxImagesPerCell = 10; // the `n` limit of /images/generations

    QString providerId; // overridden per cell by a provider axis
    QString chatModel; // empty: each provider's default chat model
    QString prompt; // overridden per cell by a prompt axis
    ImageParams base;
    QList<CompareAxis> axes;
    int imagesPerCell = 1;
    // Reference images every cell is sent with (absolute paths, in order), and the mask of an
    // edit of the one image: a PNG of its size, transparent where it may change. With them the
    // cells go through the image tool (the direct image endpoint takes no input images).
    QStringList referenceImages;
    QString maskPath; // only with exactly one reference image

    // Empty when the run can be sent, otherwise the first problem as a plain sentence. Checks the
    // axes (at most three, each parameter once, values valid), the provider ids against
    // `knownProviderIds`, and then every cell with all its axes applied: a size the cell's image
    // model cannot make, transparent with jpeg, a compression axis on png; a mask without exactly
    // one reference image. The files themselves are checked when the run prepares them.
    QString validate(const QStringList &knownProviderIds) const;

    // The cross product, first axis fastest: index = c0 + n0 * (c1 + n1 * c2).
    QList<CompareCell> cells() const;
    int cellCount() const;
    int imageCount() const { return cellCount() * imagesPerCell; }
    // Values on the axis at `axis` (0 columns, 1 rows, 2 panels); 1 when there is no such axis.
    int extent(int axis) const;

    // For history. fromJson reads what toJson wrote; false with a plain sentence when the object
    // is not a compare spec (missing fields keep their defaults, as ImageParams::fromJson does).
    // Reference images and the mask are written only when there are some.
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &object, CompareSpec *spec, QString *error = nullptr);

    bool operator==(const CompareSpec &other) const = default;
};
