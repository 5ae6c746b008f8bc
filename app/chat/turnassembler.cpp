#include "turnassembler.h"

namespace {

ImageAsset *findImage(Turn &turn, const QString &itemId)
{
    if (itemId.isEmpty())
        return nullptr;
    for (ImageAsset &image : turn.images) {
        if (image.itemId == itemId)
            return &image;
    }
    return nullptr;
}

ImageAsset &imageSlot(Turn &turn, const QString &itemId)
{
    if (ImageAsset *existing = findImage(turn, itemId))
        return *existing;
    ImageAsset fresh;
    fresh.itemId = itemId;
    turn.images.append(fresh);
    return turn.images.last();
}

} // namespace

QStringView TurnAssembler::keptText(QStringView text, qsizetype room)
{
    if (text.size() <= room)
        return text;
    qsizetype kept = qMax<qsizetype>(room, 0);
    if (kept > 0 && text.at(kept - 1).isHighSurrogate())
        --kept; // half a character is no character
    return text.left(kept);
}

void TurnAssembler::apply(Turn &turn, const ProcessedEvent &processed)
{
    const StreamEvent &event = processed.event;
    if (turn.status == Turn::Status::Pending)
        turn.status = Turn::Status::Streaming;

    switch (event.kind) {
    case StreamEvent::Kind::Started:
        if (!event.responseId.isEmpty())
            turn.responseId = event.responseId;
        break;
    case StreamEvent::Kind::TextDelta: {
        const qsizetype room = maxTextLength - turn.text.size();
        if (event.text.size() <= room && !processed.textCut) {
            turn.text += event.text;
            break;
        }
        turn.text += keptText(event.text, room);
        if (turn.errorMessage.isEmpty())
            turn.errorMessage = tr("The answer's text passed %1 KB, so Easel kept the "
                                   "first %1 KB and dropped the rest.")
                                    .arg(maxTextLength / 1024);
        break;
    }
    case StreamEvent::Kind::ImagePending:
        imageSlot(turn, event.itemId);
        break;
    case StreamEvent::Kind::ImagePartial: {
        ImageAsset &slot = imageSlot(turn, event.itemId);
        if (slot.state == ImageAsset::State::Final)
            break; // a late preview must not replace the final image
        if (processed.asset.state == ImageAsset::State::Failed)
            break; // a broken preview is not worth a message while the final may still come
        if (slot.state == ImageAsset::State::Partial
            && processed.asset.partialIndex < slot.partialIndex)
            break;
        slot = processed.asset;
        slot.itemId = event.itemId;
        break;
    }
    case StreamEvent::Kind::ImageFinal: {
        ImageAsset &slot = imageSlot(turn, event.itemId);
        slot = processed.asset;
        slot.itemId = event.itemId;
        break;
    }
    case StreamEvent::Kind::Usage:
        turn.usage = event.usage;
        break;
    case StreamEvent::Kind::Error:
        finishFailed(turn, event.message);
        break;
    case StreamEvent::Kind::Done:
        if (!event.responseId.isEmpty())
            turn.responseId = event.responseId;
        if (turn.status != Turn::Status::Failed)
            turn.status = Turn::Status::Done;
        finishInterruptedImages(turn);
        break;
    }
}

void TurnAssembler::finishFailed(Turn &turn, const QString &message)
{
    if (turn.status == Turn::Status::Failed)
        return; // the first, most specific message stays
    turn.status = Turn::Status::Failed;
    turn.errorMessage = message;
    finishInterruptedImages(turn);
}

void TurnAssembler::finishCancelled(Turn &turn)
{
    if (turn.status == Turn::Status::Failed || turn.status == Turn::Status::Done)
        return;
    turn.status = Turn::Status::Cancelled;
    // The designer stopped it: a slot that never got a preview or a link is not a failure to
    // report, just nothing. It goes, and the turn's "Stopped" says the rest.
    turn.images.removeIf([](const ImageAsset &image) {
        return image.state == ImageAsset::State::Pending && image.sourceUrl.isEmpty();
    });
    finishInterruptedImages(turn);
}

void TurnAssembler::finishInterruptedImages(Turn &turn)
{
    // A preview stays visible (it is better than nothing) but is no longer "generating". A linked
    // image arrived and is being downloaded: the download, not the stream, decides its fate.
    for (ImageAsset &image : turn.images) {
        if (image.state == ImageAsset::State::Pending && image.sourceUrl.isEmpty()) {
            image.state = ImageAsset::State::Failed;
            image.error = tr("No image arrived for this call.");
        }
    }
}

void TurnAssembler::settleStored(Turn &turn)
{
    for (ImageAsset &image : turn.images) {
        if (image.state != ImageAsset::State::Pending)
            continue;
        image.state = ImageAsset::State::Failed;
        image.error = image.sourceUrl.isEmpty()
            ? tr("No image arrived for this call.")
            : tr("The download stopped when Easel closed. Retry to fetch it again "
                 "(gateway links expire after a while).");
    }
}
