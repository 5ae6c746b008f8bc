#include "chat/turnassembler.h"

#include <QTest>

namespace {

ProcessedEvent makeEvent(StreamEvent::Kind kind)
{
    ProcessedEvent p;
    p.event.kind = kind;
    return p;
}

ProcessedEvent image(StreamEvent::Kind kind, const QString &itemId, ImageAsset::State state,
                     int partialIndex, const QString &hash)
{
    ProcessedEvent p = makeEvent(kind);
    p.event.itemId = itemId;
    p.event.partialIndex = partialIndex;
    p.asset.state = state;
    p.asset.partialIndex = partialIndex;
    p.asset.hash = hash;
    return p;
}

ProcessedEvent text(const QString &delta)
{
    ProcessedEvent p = makeEvent(StreamEvent::Kind::TextDelta);
    p.event.text = delta;
    return p;
}

ProcessedEvent error(const QString &message)
{
    ProcessedEvent p = makeEvent(StreamEvent::Kind::Error);
    p.event.message = message;
    return p;
}

} // namespace

class TestTurnAssembler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textAccumulatesAndStatusAdvances()
    {
        Turn turn;
        ProcessedEvent started = makeEvent(StreamEvent::Kind::Started);
        started.event.responseId = QStringLiteral("resp_1");
        TurnAssembler::apply(turn, started);
        QCOMPARE(turn.status, Turn::Status::Streaming);
        TurnAssembler::apply(turn, text(QStringLiteral("Here ")));
        TurnAssembler::apply(turn, text(QStringLiteral("it is.")));
        TurnAssembler::apply(turn, makeEvent(StreamEvent::Kind::Done));
        QCOMPARE(turn.text, QStringLiteral("Here it is."));
        QCOMPARE(turn.responseId, QStringLiteral("resp_1"));
        QCOMPARE(turn.status, Turn::Status::Done);
    }

    void partialIsReplacedInPlaceByFinal()
    {
        Turn turn;
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImagePending, QStringLiteral("ig_1"),
                                   ImageAsset::State::Pending, -1, {}));
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImagePartial, QStringLiteral("ig_1"),
                                   ImageAsset::State::Partial, 0, QStringLiteral("p0")));
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImagePartial, QStringLiteral("ig_1"),
                                   ImageAsset::State::Partial, 1, QStringLiteral("p1")));
        QCOMPARE(turn.images.size(), 1);
        QCOMPARE(turn.images.at(0).hash, QStringLiteral("p1"));
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImageFinal, QStringLiteral("ig_1"),
                                   ImageAsset::State::Final, -1, QStringLiteral("final")));
        // A late preview (out of order) must not replace the final image.
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImagePartial, QStringLiteral("ig_1"),
                                   ImageAsset::State::Partial, 2, QStringLiteral("p2")));
        QCOMPARE(turn.images.size(), 1);
        QCOMPARE(turn.images.at(0).state, ImageAsset::State::Final);
        QCOMPARE(turn.images.at(0).hash, QStringLiteral("final"));
        QCOMPARE(turn.finalImageCount(), 1);
    }

    void olderPartialDoesNotReplaceNewer()
    {
        Turn turn;
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImagePartial, QStringLiteral("ig_1"),
                                   ImageAsset::State::Partial, 2, QStringLiteral("p2")));
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImagePartial, QStringLiteral("ig_1"),
                                   ImageAsset::State::Partial, 1, QStringLiteral("p1")));
        QCOMPARE(turn.images.at(0).hash, QStringLiteral("p2"));
    }

    void imagesAreKeyedByItemId()
    {
        Turn turn;
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImageFinal, QStringLiteral("ig_a"),
                                   ImageAsset::State::Final, -1, QStringLiteral("a")));
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImageFinal, QStringLiteral("ig_b"),
                                   ImageAsset::State::Final, -1, QStringLiteral("b")));
        QCOMPARE(turn.images.size(), 2);
        QCOMPARE(turn.finalImageCount(), 2);
    }

    void textPastTheCapIsKeptUpToIt()
    {
        // The stream worker cuts first; this is the turn's own guard (text that was already
        // there, say), and it says what happened once.
        Turn turn;
        turn.text = QString(TurnAssembler::maxTextLength - 3, QLatin1Char('a'));
        TurnAssembler::apply(turn, text(QStringLiteral("bcdef")));
        QCOMPARE(turn.text.size(), TurnAssembler::maxTextLength);
        QVERIFY(turn.text.endsWith(QStringLiteral("abcd")));
        const QString said = turn.errorMessage;
        QVERIFY2(said.contains(QStringLiteral("passed 512 KB")), qPrintable(said));
        TurnAssembler::apply(turn, text(QStringLiteral("more")));
        QCOMPARE(turn.text.size(), TurnAssembler::maxTextLength);
        QCOMPARE(turn.errorMessage, said);
    }

    void textTheWorkerCutIsReportedThoughItFits()
    {
        Turn turn;
        ProcessedEvent cut = text(QStringLiteral("the last words"));
        cut.textCut = true;
        TurnAssembler::apply(turn, cut);
        QCOMPARE(turn.text, QStringLiteral("the last words"));
        QVERIFY2(turn.errorMessage.contains(QStringLiteral("dropped the rest")),
                 qPrintable(turn.errorMessage));
    }

    void keptTextNeverEndsInHalfACharacter()
    {
        const QString clef = QString::fromUtf8("\xF0\x9D\x84\x9E");
        const QString text = QStringLiteral("ab") + clef;
        QCOMPARE(TurnAssembler::keptText(text, 3).toString(), QStringLiteral("ab"));
        QCOMPARE(TurnAssembler::keptText(text, 4).toString(), text);
        QCOMPARE(TurnAssembler::keptText(text, 0).toString(), QString());
        QCOMPARE(TurnAssembler::keptText(text, -5).toString(), QString());
    }

    void errorKeepsTextAndImages()
    {
        Turn turn;
        TurnAssembler::apply(turn, text(QStringLiteral("Working on it")));
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImageFinal, QStringLiteral("ig_1"),
                                   ImageAsset::State::Final, -1, QStringLiteral("h")));
        TurnAssembler::apply(turn, error(QStringLiteral("The gateway refused: quota")));
        // A second failure report (response.failed after error) keeps the first message.
        TurnAssembler::apply(turn, error(QStringLiteral("something less specific")));
        TurnAssembler::apply(turn, makeEvent(StreamEvent::Kind::Done));
        QCOMPARE(turn.status, Turn::Status::Failed);
        QCOMPARE(turn.errorMessage, QStringLiteral("The gateway refused: quota"));
        QCOMPARE(turn.text, QStringLiteral("Working on it"));
        QCOMPARE(turn.finalImageCount(), 1);
    }

    void pendingImageOfEndedTurnSaysSo()
    {
        Turn turn;
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImagePending, QStringLiteral("ig_1"),
                                   ImageAsset::State::Pending, -1, {}));
        TurnAssembler::apply(turn, makeEvent(StreamEvent::Kind::Done));
        QCOMPARE(turn.status, Turn::Status::Done);
        QCOMPARE(turn.images.at(0).state, ImageAsset::State::Failed);
        QVERIFY(!turn.images.at(0).error.isEmpty());
    }

    void stoppedTurnDropsImagesThatNeverBegan()
    {
        // Stop is the designer's choice: an image that had not begun is not reported as a
        // failure. A preview stays (better than nothing), and a linked image keeps its link.
        Turn turn;
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImagePending, QStringLiteral("ig_1"),
                                   ImageAsset::State::Pending, -1, {}));
        TurnAssembler::apply(turn,
                             image(StreamEvent::Kind::ImagePartial, QStringLiteral("ig_2"),
                                   ImageAsset::State::Partial, 0, QStringLiteral("p")));
        ProcessedEvent linked = image(StreamEvent::Kind::ImageFinal, QStringLiteral("ig_3"),
                                      ImageAsset::State::Pending, -1, {});
        linked.asset.sourceUrl = QStringLiteral("https://example.com/3.png");
        TurnAssembler::apply(turn, linked);
        TurnAssembler::finishCancelled(turn);
        QCOMPARE(turn.status, Turn::Status::Cancelled);
        QCOMPARE(turn.images.size(), 2);
        QCOMPARE(turn.images.at(0).itemId, QStringLiteral("ig_2"));
        QCOMPARE(turn.images.at(0).state, ImageAsset::State::Partial);
        QCOMPARE(turn.images.at(1).itemId, QStringLiteral("ig_3"));
        QCOMPARE(turn.images.at(1).state, ImageAsset::State::Pending);
    }

    void cancelDoesNotOverrideFinishedTurn()
    {
        Turn turn;
        TurnAssembler::apply(turn, makeEvent(StreamEvent::Kind::Done));
        TurnAssembler::finishCancelled(turn);
        QCOMPARE(turn.status, Turn::Status::Done);
    }

    void storeFailureShowsOnTheImage()
    {
        Turn turn;
        ProcessedEvent bad = image(StreamEvent::Kind::ImageFinal, QStringLiteral("ig_1"),
                                   ImageAsset::State::Failed, -1, {});
        bad.asset.error = QStringLiteral("not an image");
        TurnAssembler::apply(turn, bad);
        QCOMPARE(turn.images.at(0).state, ImageAsset::State::Failed);
        QCOMPARE(turn.images.at(0).error, QStringLiteral("not an image"));
    }

    void storedTurnSettlesItsPendingImages()
    {
        Turn turn;
        turn.status = Turn::Status::Interrupted;
        ImageAsset downloading;
        downloading.itemId = QStringLiteral("link-1");
        downloading.sourceUrl = QStringLiteral("https://images.example/a.png");
        downloading.state = ImageAsset::State::Pending;
        ImageAsset waiting;
        waiting.itemId = QStringLiteral("ig_2");
        waiting.state = ImageAsset::State::Pending;
        ImageAsset done;
        done.itemId = QStringLiteral("ig_3");
        done.state = ImageAsset::State::Final;
        turn.images = { downloading, waiting, done };
        TurnAssembler::settleStored(turn);
        QCOMPARE(turn.images.at(0).state, ImageAsset::State::Failed);
        QVERIFY(turn.images.at(0).error.contains(QStringLiteral("Retry")));
        QCOMPARE(turn.images.at(0).sourceUrl, downloading.sourceUrl); // kept for Retry
        QCOMPARE(turn.images.at(1).state, ImageAsset::State::Failed);
        QCOMPARE(turn.images.at(2).state, ImageAsset::State::Final);
    }

    void turnJsonRoundTrip()
    {
        Turn turn;
        turn.id = QStringLiteral("t1");
        turn.prompt = QStringLiteral("a cat");
        turn.text = QStringLiteral("done");
        turn.requested.quality = QStringLiteral("high");
        turn.usage.inputTokens = 12;
        turn.usage.hasImageTokens = true;
        turn.usage.imageOutputTokens = 196;
        turn.cost = Cost { 0.25, Cost::Basis::Estimated, QStringLiteral("n") };
        turn.status = Turn::Status::Done;
        turn.startedAt = QDateTime::fromMSecsSinceEpoch(1700000000123);
        turn.durationMs = 4200;
        ImageAsset asset;
        asset.itemId = QStringLiteral("ig");
        asset.state = ImageAsset::State::Final;
        asset.pixelSize = QSize(1024, 1536);
        asset.report.revisedPrompt = QStringLiteral("a fluffy cat");
        turn.images.append(asset);
        const Turn back = Turn::fromJson(turn.toJson());
        QCOMPARE(back.toJson(), turn.toJson());
        QCOMPARE(back.images.at(0), asset);
        QCOMPARE(back.usage, turn.usage);
        QCOMPARE(back.cost, turn.cost);
    }
};

QTEST_GUILESS_MAIN(TestTurnAssembler)
#include "tst_turnassembler.moc"
