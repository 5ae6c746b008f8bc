#pragma once

#include "model/cost.h"
#include "model/imageasset.h"
#include "model/imageparams.h"
#include "model/usage.h"
#include "pricebook.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// Turns usage and image parameters into a Cost with its basis. The rules, in order:
// - a cost the gateway billed (usage.billedCostUsd) is taken as is;
// - chat tokens are priced at the chat model's rates; reasoning tokens are already in the output;
// - image tokens the gateway reported (tool_usage.image_gen) are priced at the image model's rates;
// - otherwise each final image is priced from the quality and size it was made at: the report's
//   (which carries what "auto" resolved to), else the requested ones. An unknown quality is priced
//   as high and an unknown size as the dearest standard size, so an estimate errs on the high side,
//   and Cost::note says so. GPT image 1.x use the official per-image table, gpt-image-2 its output
//   token formula; a 1.x size outside the table scales the 1024x1024 price by pixel area.
// Whatever cannot be priced (a model missing from the book) is named in Cost::note; the basis is
// Estimated when any part was priced, Unknown when none was.
class CostEstimator
{
    Q_DECLARE_TR_FUNCTIONS(CostEstimator)

public:
    // The book is referenced, not copied: it must outlive the estimator (builtIn() always does).
    explicit CostEstimator(const PriceBook &book = PriceBook::builtIn());

    Cost turnCost(const Usage &usage, const QString &chatModel, const QString &imageModel,
                  const QList<ImageReport> &finalImages, const ImageParams &requested) const;

    // The estimate shown before sending: the image part only, for `images` images made with
    // `params`; the note reminds that the chat model's tokens come on top.
    Cost preflight(const QString &chatModel, const ImageParams &params, int images = 1) const;

    // Output image tokens of one gpt-image-2 image (community calculator, checked against real
    // usage). quality is low, medium or high; returns -1 for another quality or a non-positive
    // side.
    static qint64 gptImage2OutputTokens(int width, int height, const QString &quality);

private:
    // The price of one image at a known quality and size; nullopt (with a note) when the book has
    // no way to price it.
    std::optional<double> imageCost(const PriceBook::ImagePrice &price, const QString &quality,
                                    const QString &size, QStringList &notes) const;
    // Resolves "auto"/unknown quality and size as described above, then prices the image.
    std::optional<double> resolvedImageCost(const PriceBook::ImagePrice &price,
                                            const QString &quality, const QString &size,
                                            const QString &autoQualityNote,
                                            QStringList &notes) const;

    const PriceBook &m_book;
};
