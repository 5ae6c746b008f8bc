#include "historygenerator.h"

#include "testimage.h"

#include "store/historystore.h"
#include "store/imagestore.h"

#include <QSize>

namespace {

// Landscape, portrait and square, small to large: the view reserves each one's own height.
const QSize imageSizes[] = { { 256, 256 }, { 384, 256 }, { 256, 384 }, { 512, 512 },
                             { 640, 400 }, { 400, 640 }, { 768, 512 }, { 320, 180 } };

} // namespace

HistoryGenerator::Result HistoryGenerator::fill(HistoryStore *store, const QString &imageRoot,
                                                int turns)
{
    Result result;
    const ImageStore images(imageRoot);
    ConversationSummary conversation;
    conversation.title = QStringLiteral("Benchmark: %1 turns").arg(turns);
    conversation.providerId = QStringLiteral("openai");
    conversation.chatModel = QStringLiteral("gpt-5");
    conversation.imageModel = QStringLiteral("gpt-image-1.5");
    conversation = store->createConversation(conversation).result();
    if (conversation.id.isEmpty()) {
        result.error = QStringLiteral("the history store did not create the conversation");
        return result;
    }
    result.conversationId = conversation.id;
    const QDateTime start = QDateTime::currentDateTime().addDays(-2);
    QFuture<bool> lastSave;
    for (int i = 0; i < turns; ++i) {
        const QSize size = imageSizes[i % std::size(imageSizes)];
        // Light noise keeps each file a real, distinct PNG of a few tens of KB.
        const QByteArray png = TestImage::encode(TestImage::noisy(size, quint32(i + 1), 10, 0.04),
                                                 QStringLiteral("png"));
        const ImageStore::Stored stored = images.put(png);
        if (!stored.ok) {
            result.error
                = QStringLiteral("image %1 could not be stored: %2").arg(i).arg(stored.error);
            return result;
        }
        Turn turn;
        turn.id = QStringLiteral("bench-turn-%1").arg(i, 5, 10, QLatin1Char('0'));
        turn.prompt = QStringLiteral("Concept %1: a lighthouse on a basalt cliff at dusk, storm "
                                     "clouds, painterly, variation %2")
                          .arg(i)
                          .arg(i % 17);
        turn.providerId = conversation.providerId;
        turn.chatModel = conversation.chatModel;
        turn.requested.quality = QStringLiteral("medium");
        turn.requested.size = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
        turn.text = QStringLiteral("Here is variation %1. I kept the cliff's silhouette and moved "
                                   "the light to the left so the beam crosses the clouds.\n\n"
                                   "Next, we could try a **colder palette** or a wider framing.")
                        .arg(i);
        ImageAsset image;
        image.itemId = QStringLiteral("ig_bench_%1").arg(i);
        image.state = ImageAsset::State::Final;
        image.hash = stored.hash;
        image.filePath = stored.filePath;
        image.mimeType = stored.mimeType;
        image.pixelSize = stored.pixelSize;
        image.byteSize = stored.byteSize;
        image.report.revisedPrompt = turn.prompt + QStringLiteral(", dramatic rim light");
        image.report.quality = QStringLiteral("medium");
        turn.images << image;
        turn.usage.inputTokens = 1200 + i;
        turn.usage.outputTokens = 300;
        turn.cost.usd = 0.042;
        turn.cost.basis = Cost::Basis::Estimated;
        turn.status = Turn::Status::Done;
        turn.startedAt = start.addSecs(i * 30);
        turn.durationMs = 25000;
        lastSave = store->saveTurn(conversation.id, turn); // applied in call order
        ++result.images;
        result.imageBytes += stored.byteSize;
    }
    if (turns > 0 && !lastSave.result()) {
        result.error = QStringLiteral("the history store did not save the turns");
        return result;
    }
    result.turns = turns;
    return result;
}
