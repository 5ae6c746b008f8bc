#pragma once

#include "comparecell.h"
#include "compareestimate.h"
#include "comparespec.h"
#include "pricing/costestimator.h"

#include <QCoreApplication>
#include <QList>
#include <functional>

// Prices a compare run before it is sent: each cell through CostEstimator::preflight (which
// prices quality auto as high and an unknown size as the dearest, so the figure errs high), free
// providers at zero, and what the price book cannot price counted and named instead of guessed.
class ComparePreflight
{
    Q_DECLARE_TR_FUNCTIONS(ComparePreflight)

public:
    using FreeProvider = std::function<bool(const QString &providerId)>;

    // The estimator is referenced, not copied: it must outlive the preflight. `isFree` tells
    // which providers cost nothing (the offline demo); none when it is empty.
    explicit ComparePreflight(const CostEstimator &estimator, FreeProvider isFree = {});

    CompareEstimate estimate(const QList<CompareCell> &cells, int imagesPerCell,
                             double limitUsd = 1.0) const;
    // The whole run: its cells, and the reference images each of them sends (not priced).
    CompareEstimate estimate(const CompareSpec &spec, double limitUsd = 1.0) const;

private:
    const CostEstimator &m_estimator;
    FreeProvider m_isFree;
};
