#include "demo/demoeditinput.h"

#include "demo/demoimagedecoder.h"
#include "demo/demoresultmemory.h"

namespace {

QString sizeText(QSize size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

bool hasTransparency(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return false;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if (qAlpha(line[x]) < 255)
                return true;
        }
    }
    return false;
}

// One picture of the request, or the error fields set.
QImage decodeSource(DemoRequest &request, const DemoRequest::ImageSource &source)
{
    if (!source.fileId.isEmpty()) {
        request.fail(QStringLiteral("The offline demo keeps no uploaded files, so '%1' ('%2') "
                                    "cannot be used; send the image inline as a data URL.")
                         .arg(source.param, source.fileId),
                     source.param, QStringLiteral("image_file_not_found"));
        return {};
    }
    DemoImageDecoder::Problem problem;
    const QImage image = DemoImageDecoder::fromImageUrl(source.imageUrl, source.param, &problem);
    if (image.isNull())
        request.fail(problem.message, source.param, problem.code);
    return image;
}

} // namespace

QSize DemoEditInput::autoSizeFor(QSize input)
{
    if (input.isEmpty())
        return { 1024, 1024 };
    const double ratio = double(input.width()) / input.height();
    if (ratio > 1.25)
        return { 1536, 1024 };
    if (ratio < 0.8)
        return { 1024, 1536 };
    return { 1024, 1024 };
}

bool DemoEditInput::resolve(DemoRequest &request, const DemoResultMemory *memory)
{
    for (const DemoRequest::ImageSource &source : std::as_const(request.imageSources)) {
        const QImage image = decodeSource(request, source);
        if (image.isNull())
            return false;
        request.inputImages << image;
    }

    // previous_response_id without an image: edit what that response returned, when the demo
    // made it; an id it does not know draws as a new picture.
    const bool generateOnly = request.action == QLatin1String("generate");
    if (request.inputImages.isEmpty() && !request.previousResponseId.isEmpty()
        && request.hasImageTool && !generateOnly && memory) {
        const QByteArray bytes = memory->image(request.previousResponseId);
        if (!bytes.isEmpty()) {
            DemoImageDecoder::Problem problem;
            const QImage previous
                = DemoImageDecoder::decode(bytes, QStringLiteral("previous_response_id"), &problem);
            if (!previous.isNull()) {
                request.inputImages << previous;
                request.editsPreviousResponse = true;
            }
        }
    }
    for (const QImage &image : std::as_const(request.inputImages))
        request.inputImageSizes << image.size();

    if (request.hasMask) {
        const QString param = request.maskSource.param;
        request.mask = decodeSource(request, request.maskSource);
        if (request.mask.isNull())
            return false;
        if (request.inputImages.isEmpty())
            return request.fail(
                QStringLiteral("'%1' was sent without an image to edit: add an input_image to "
                               "the message, or set previous_response_id to an earlier answer of "
                               "the demo.")
                    .arg(param),
                param, QStringLiteral("invalid_request_error"));
        const QSize imageSize = request.inputImages.constFirst().size();
        if (request.mask.size() != imageSize)
            return request.fail(
                QStringLiteral("The mask in '%1' is %2 but the image it masks is %3; the mask must "
                               "have the same size as the first input image.")
                    .arg(param, sizeText(request.mask.size()), sizeText(imageSize)),
                param, QStringLiteral("invalid_request_error"));
        if (!request.mask.hasAlphaChannel())
            return request.fail(
                QStringLiteral("The mask in '%1' has no alpha channel; its transparent pixels mark "
                               "where the image may change (send a PNG with transparency).")
                    .arg(param),
                param, QStringLiteral("invalid_request_error"));
    }

    request.edit = request.hasImageTool && !generateOnly && !request.inputImages.isEmpty();
    if (!request.edit)
        return true;
    const QImage &edited = request.inputImages.constFirst();
    if (request.requestedSize == QLatin1String("auto") && request.aspectRatio.isEmpty())
        request.size = autoSizeFor(edited.size());
    // An edit keeps the input's transparency unless the request asked for an opaque picture.
    if (request.requestedBackground == QLatin1String("auto")
        && request.outputFormat != QLatin1String("jpeg") && hasTransparency(edited))
        request.background = QStringLiteral("transparent");
    return true;
}
