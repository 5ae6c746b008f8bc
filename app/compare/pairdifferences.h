#pragma once

#include "model/turn.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// What differs between two generated images, each given as a turn and the index of one of its
// images: the settings asked for, what the gateway reported it used, the picture itself, the
// prompts, tokens, cost and time. Used by the image pair dialog's panel; no widgets, so it is
// tested (and could be printed) on its own.
class PairDifferences
{
    Q_DECLARE_TR_FUNCTIONS(PairDifferences)
public:
    struct Row
    {
        QString key; // stable: "requestedQuality", "cost", ... (see keys())
        QString label; // for people: "Requested quality"
        QString a; // the value for image A, as shown; empty when unknown or not set
        QString b;
        bool differs = false;
        bool longText = false; // prompts: shown wrapped, compared exactly

        bool isEmpty() const { return a.isEmpty() && b.isEmpty(); }
        bool operator==(const Row &other) const = default;
    };

    // Every row, in display order, whether it differs or not. An image index out of range leaves
    // that side's image fields empty.
    static QList<Row> compare(const Turn &turnA, int imageA, const Turn &turnB, int imageB);
    // The keys of compare()'s rows, in the same order.
    static QStringList keys();
    static QStringList differingKeys(const QList<Row> &rows);

    // "1536 × 1024"; empty for an invalid size.
    static QString formatPixelSize(QSize size);
    // A plain sentence when the two images have different pixel sizes (B is compared after
    // scaling it to A's size), otherwise empty.
    static QString sizeMismatchNote(QSize a, QSize b);
};
