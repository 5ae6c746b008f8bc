#include "comparepreflight.h"

#include <algorithm>

ComparePreflight::ComparePreflight(const CostEstimator &estimator, FreeProvider isFree)
    : m_estimator(estimator)
    , m_isFree(std::move(isFree))
{
}

CompareEstimate ComparePreflight::estimate(const QList<CompareCell> &cells, int imagesPerCell,
                                           double limitUsd) const
{
    CompareEstimate result;
    const int perCell = std::max(imagesPerCell, 0);
    result.cells = int(cells.size());
    result.images = result.cells * perCell;
    result.limitUsd = limitUsd;
    for (const CompareCell &cell : cells) {
        if (m_isFree && m_isFree(cell.providerId)) {
            result.cellCosts.append(Cost { 0.0, Cost::Basis::Demo, QString() });
            result.freeImages += perCell;
            continue;
        }
        const Cost cost = m_estimator.preflight(cell.chatModel, cell.params, perCell);
        result.cellCosts.append(cost);
        if (cost.isKnown()) {
            result.usd += cost.usd;
            continue;
        }
        result.unpricedCells.append(cell.axisValues.isEmpty() ? tr("cell %1").arg(cell.index + 1)
                                                              : cell.label());
        if (!result.unpricedModels.contains(cell.params.imageModel))
            result.unpricedModels.append(cell.params.imageModel);
    }
    // A lower bound above the limit is certainly above it; one below it may not be, which is why
    // CompareEstimate::needsConfirmation also asks when the total is a lower bound.
    result.exceedsLimit = result.usd > limitUsd;
    return result;
}

CompareEstimate ComparePreflight::estimate(const CompareSpec &spec, double limitUsd) const
{
    CompareEstimate result = estimate(spec.cells(), spec.imagesPerCell, limitUsd);
    result.referenceImages = int(spec.referenceImages.size());
    return result;
}
