#pragma once

#include "model/cost.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// What a compare run will cost before it runs (ComparePreflight computes it): the figure the
// Compare view shows next to Run and `easel compare` prints, and the test of the user's limit.
// Only the image part is priced: the chat model's tokens depend on the reply and come on top.
struct CompareEstimate
{
    Q_DECLARE_TR_FUNCTIONS(CompareEstimate)

public:
    int cells = 0;
    int images = 0;
    int freeImages = 0; // made by a free provider (the offline demo)
    double usd = 0.0; // the priced part; a lower bound when unpricedCells is not empty
    QList<Cost> cellCosts; // per cell, in cell order: Estimated, Demo (free) or Unknown
    QStringList unpricedCells; // labels of the cells that could not be priced ("#3" with no axes)
    QStringList unpricedModels; // the image models without a price, each once
    double limitUsd = 1.0;
    bool exceedsLimit = false; // usd > limitUsd: the run needs a confirmation
    // Reference images every cell is sent with. Their input tokens are priced by the gateway
    // from what it decodes, so they are not in usd; summary() says so.
    int referenceImages = 0;

    bool isLowerBound() const { return !unpricedCells.isEmpty(); }
    // Ask before running: above the limit, or when part of the cost is unknown and so could be.
    bool needsConfirmation() const { return exceedsLimit || isLowerBound(); }

    // One plain sentence (two when some cells cannot be priced), e.g.
    // "9 images, about $0.42 estimated (chat tokens not included)." and
    // "2 cells use a model without a price (dall-e-3): the total is a lower bound.", and with
    // reference images "Each cell also sends 2 reference images: their input tokens are the
    // gateway's to count and are not included."
    QString summary() const;
    // "$0.42", "$0.027", "$1.25": cents from ten cents up, otherwise up to four decimals, so that a
    // cheap run is not shown as $0.00.
    static QString formatUsd(double usd);
};
