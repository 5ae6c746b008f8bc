#include "turninputs.h"

#include <algorithm>

namespace {

const Turn *findTurn(const QList<Turn> &turns, const QString &turnId)
{
    const auto it = std::find_if(turns.cbegin(), turns.cend(),
                                 [&turnId](const Turn &turn) { return turn.id == turnId; });
    return it == turns.cend() ? nullptr : &*it;
}

bool canContinue(const ProviderProfile &provider, bool store, const Turn &turn)
{
    return store && provider.flavour == ApiFlavour::Responses && turn.status == Turn::Status::Done
        && !turn.responseId.isEmpty() && turn.providerId == provider.id;
}

} // namespace

QString TurnInputs::lastResponseId(const ProviderProfile &provider, bool store,
                                   const QList<Turn> &turns)
{
    for (qsizetype i = turns.size() - 1; i >= 0; --i) {
        const Turn &turn = turns.at(i);
        if (turn.status == Turn::Status::Done && !turn.responseId.isEmpty())
            return canContinue(provider, store, turn) ? turn.responseId : QString();
    }
    return {};
}

QString TurnInputs::actionFor(const QString &panelAction, bool isEdit)
{
    if (isEdit && (panelAction.isEmpty() || panelAction == QLatin1String("auto")))
        return QStringLiteral("edit");
    return panelAction;
}

TurnInputs TurnInputs::plan(const ProviderProfile &provider, bool store, const QList<Turn> &turns,
                            const Ask &ask)
{
    TurnInputs inputs;
    inputs.attachments = ask.attachments;
    inputs.maskPath = ask.maskPath;

    if (ask.editOf.isNull()) {
        if (!ask.maskPath.isEmpty()) {
            const auto masked = std::find_if(
                inputs.attachments.begin(), inputs.attachments.end(),
                [&ask](const Attachment &a) { return a.filePath == ask.maskedAttachment; });
            if (masked == inputs.attachments.end()) {
                inputs.refusal = tr("The image the mask was drawn on is no longer "
                                    "attached: draw the mask again or remove it.");
                return inputs;
            }
            std::rotate(inputs.attachments.begin(), masked, masked + 1); // the mask's image first
        }
        inputs.previousResponseId = lastResponseId(provider, store, turns);
    } else {
        const Turn *parent = findTurn(turns, ask.editOf.turnId);
        const ImageAsset *image = nullptr;
        if (parent) {
            const auto it = std::find_if(
                parent->images.cbegin(), parent->images.cend(),
                [&ask](const ImageAsset &i) { return i.itemId == ask.editOf.itemId; });
            if (it != parent->images.cend())
                image = &*it;
        }
        if (!image) {
            inputs.refusal = tr("The image to edit is no longer in this "
                                "conversation.");
            return inputs;
        }
        if (image->state != ImageAsset::State::Final || image->filePath.isEmpty()) {
            inputs.refusal = tr("The image to edit has not finished arriving; wait "
                                "for it, or pick another one.");
            return inputs;
        }
        const bool continues = canContinue(provider, store, *parent);
        if (continues)
            inputs.previousResponseId = parent->responseId;
        inputs.resendsEditedImage
            = !continues || !ask.maskPath.isEmpty() || parent->finalImageCount() > 1;
        if (inputs.resendsEditedImage)
            inputs.imageFiles.append(image->filePath);
    }

    for (const Attachment &attachment : std::as_const(inputs.attachments))
        inputs.imageFiles.append(attachment.filePath);

    // Counted before anything is read, so the composer keeps what the designer put there.
    if (inputs.refusal.isEmpty())
        inputs.refusal = provider.referenceLimits(QString()).countProblem(inputs.imageFiles.size());
    return inputs;
}
