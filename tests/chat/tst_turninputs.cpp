// What a turn sends besides its prompt (issue #6 §2): previous_response_id or the image sent back,
// the mask's image first, the refusals made before anything is read.
#include "chat/turninputs.h"

#include <QTest>

namespace {

ImageAsset finalImage(const QString &itemId, const QString &file)
{
    ImageAsset image;
    image.itemId = itemId;
    image.state = ImageAsset::State::Final;
    image.filePath = file;
    return image;
}

Turn doneTurn(const QString &id, const QString &responseId, int images,
              const QString &provider = QStringLiteral("openai"))
{
    Turn turn;
    turn.id = id;
    turn.responseId = responseId;
    turn.providerId = provider;
    turn.status = Turn::Status::Done;
    for (int i = 0; i < images; ++i)
        turn.images.append(finalImage(QStringLiteral("ig_%1_%2").arg(id).arg(i),
                                      QStringLiteral("/store/%1-%2.png").arg(id).arg(i)));
    return turn;
}

ProviderProfile openAi(ApiFlavour flavour = ApiFlavour::Responses)
{
    ProviderProfile provider = ProviderProfile::builtIn(QStringLiteral("openai"));
    provider.flavour = flavour;
    return provider;
}

QList<Attachment> attachments(const QStringList &files)
{
    QList<Attachment> list;
    for (const QString &file : files)
        list.append({ file, QStringLiteral("image/png") });
    return list;
}

} // namespace

class TestTurnInputs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followUpContinuesTheLastStoredResponse_data();
    void followUpContinuesTheLastStoredResponse();
    void editContinuesOrResends_data();
    void editContinuesOrResends();
    void editOfMissingOrUnfinishedImageIsRefused_data();
    void editOfMissingOrUnfinishedImageIsRefused();
    void maskedAttachmentGoesFirst();
    void maskOnAttachmentNoLongerThereIsRefused();
    void tooManyImagesAreRefusedBeforeReading_data();
    void tooManyImagesAreRefusedBeforeReading();
    void actionFor_data();
    void actionFor();
};

void TestTurnInputs::followUpContinuesTheLastStoredResponse_data()
{
    QTest::addColumn<bool>("store");
    QTest::addColumn<int>("flavour");
    QTest::addColumn<QString>("lastProvider");
    QTest::addColumn<QString>("expected");
    QTest::newRow("stored, same provider") << true << int(ApiFlavour::Responses) << "openai"
                                           << "resp_2";
    QTest::newRow("store off") << false << int(ApiFlavour::Responses) << "openai"
                               << "";
    QTest::newRow("chat flavour") << true << int(ApiFlavour::ChatCompletions) << "openai"
                                  << "";
    QTest::newRow("last turn from another provider")
        << true << int(ApiFlavour::Responses) << "openrouter"
        << "";
}

void TestTurnInputs::followUpContinuesTheLastStoredResponse()
{
    QFETCH(bool, store);
    QFETCH(int, flavour);
    QFETCH(QString, lastProvider);
    QFETCH(QString, expected);
    Turn failed = doneTurn(QStringLiteral("t3"), QString(), 0);
    failed.status = Turn::Status::Failed; // skipped: it answered nothing
    const QList<Turn> turns {
        doneTurn(QStringLiteral("t1"), QStringLiteral("resp_1"), 1),
        doneTurn(QStringLiteral("t2"), QStringLiteral("resp_2"), 1, lastProvider), failed
    };
    const TurnInputs inputs
        = TurnInputs::plan(openAi(ApiFlavour(flavour)), store, turns,
                           { attachments({ QStringLiteral("/a.png") }), {}, {}, {} });
    QVERIFY(inputs.refusal.isEmpty());
    QCOMPARE(inputs.previousResponseId, expected);
    QCOMPARE(inputs.imageFiles, QStringList { QStringLiteral("/a.png") });
    QVERIFY(!inputs.resendsEditedImage);
}

void TestTurnInputs::editContinuesOrResends_data()
{
    QTest::addColumn<bool>("store");
    QTest::addColumn<int>("flavour");
    QTest::addColumn<QString>("parentProvider");
    QTest::addColumn<int>("parentImages");
    QTest::addColumn<QString>("mask");
    QTest::addColumn<QString>("expectedPrevious");
    QTest::addColumn<bool>("expectedResend");

    const int responses = int(ApiFlavour::Responses);
    // The parent is t1, not the latest turn t2: the edit branches from it.
    QTest::newRow("stored single image: previous_response_id only")
        << true << responses << "openai" << 1 << ""
        << "resp_1" << false;
    QTest::newRow("store off: the image goes back") << false << responses << "openai" << 1 << ""
                                                    << "" << true;
    QTest::newRow("another provider made it") << true << responses << "openrouter" << 1 << ""
                                              << "" << true;
    QTest::newRow("chat flavour has no server state")
        << true << int(ApiFlavour::ChatCompletions) << "openai" << 1 << ""
        << "" << true;
    QTest::newRow("image-chat flavour") << true << int(ApiFlavour::ImageChat) << "openai" << 1 << ""
                                        << "" << true;
    QTest::newRow("several images: which one is sent along")
        << true << responses << "openai" << 3 << ""
        << "resp_1" << true;
    QTest::newRow("a mask needs the image as input")
        << true << responses << "openai" << 1 << "/m.png"
        << "resp_1" << true;
}

void TestTurnInputs::editContinuesOrResends()
{
    QFETCH(bool, store);
    QFETCH(int, flavour);
    QFETCH(QString, parentProvider);
    QFETCH(int, parentImages);
    QFETCH(QString, mask);
    QFETCH(QString, expectedPrevious);
    QFETCH(bool, expectedResend);

    const QList<Turn> turns { doneTurn(QStringLiteral("t1"), QStringLiteral("resp_1"), parentImages,
                                       parentProvider),
                              doneTurn(QStringLiteral("t2"), QStringLiteral("resp_2"), 1) };
    const ImageRef edited { QStringLiteral("t1"), QStringLiteral("ig_t1_0") };
    const TurnInputs inputs
        = TurnInputs::plan(openAi(ApiFlavour(flavour)), store, turns,
                           { attachments({ QStringLiteral("/ref.png") }), edited, mask, {} });
    QVERIFY2(inputs.refusal.isEmpty(), qPrintable(inputs.refusal));
    QCOMPARE(inputs.previousResponseId, expectedPrevious);
    QCOMPARE(inputs.resendsEditedImage, expectedResend);
    QStringList expectedFiles;
    if (expectedResend)
        expectedFiles << QStringLiteral("/store/t1-0.png"); // first: a mask applies to it
    expectedFiles << QStringLiteral("/ref.png");
    QCOMPARE(inputs.imageFiles, expectedFiles);
    QCOMPARE(inputs.maskPath, mask);
}

void TestTurnInputs::editOfMissingOrUnfinishedImageIsRefused_data()
{
    QTest::addColumn<QString>("turnId");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("expected");
    QTest::newRow("turn deleted") << "gone" << int(ImageAsset::State::Final)
                                  << "no longer in this conversation";
    QTest::newRow("still a preview")
        << "t1" << int(ImageAsset::State::Partial) << "not finished arriving";
    QTest::newRow("download failed")
        << "t1" << int(ImageAsset::State::Failed) << "not finished arriving";
}

void TestTurnInputs::editOfMissingOrUnfinishedImageIsRefused()
{
    QFETCH(QString, turnId);
    QFETCH(int, state);
    QFETCH(QString, expected);
    Turn parent = doneTurn(QStringLiteral("t1"), QStringLiteral("resp_1"), 1);
    parent.images[0].state = ImageAsset::State(state);
    const TurnInputs inputs = TurnInputs::plan(
        openAi(), true, { parent }, { {}, { turnId, QStringLiteral("ig_t1_0") }, {}, {} });
    QVERIFY2(inputs.refusal.contains(expected), qPrintable(inputs.refusal));
}

void TestTurnInputs::maskedAttachmentGoesFirst()
{
    const TurnInputs inputs
        = TurnInputs::plan(openAi(), true, {},
                           { attachments({ QStringLiteral("/a.png"), QStringLiteral("/b.png"),
                                           QStringLiteral("/c.png") }),
                             {},
                             QStringLiteral("/mask.png"),
                             QStringLiteral("/c.png") });
    QVERIFY(inputs.refusal.isEmpty());
    QCOMPARE(inputs.imageFiles,
             (QStringList { QStringLiteral("/c.png"), QStringLiteral("/a.png"),
                            QStringLiteral("/b.png") }));
    QCOMPARE(inputs.attachments.first().filePath, QStringLiteral("/c.png"));
    QCOMPARE(inputs.maskPath, QStringLiteral("/mask.png"));
}

void TestTurnInputs::maskOnAttachmentNoLongerThereIsRefused()
{
    const TurnInputs inputs = TurnInputs::plan(openAi(), true, {},
                                               { attachments({ QStringLiteral("/a.png") }),
                                                 {},
                                                 QStringLiteral("/mask.png"),
                                                 QStringLiteral("/removed.png") });
    QVERIFY(inputs.refusal.contains(QLatin1String("no longer attached")));
}

void TestTurnInputs::tooManyImagesAreRefusedBeforeReading_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("attached");
    QTest::addColumn<bool>("edit");
    QTest::addColumn<QString>("expected");
    QTest::newRow("at the limit") << 3 << 3 << false << "";
    QTest::newRow("one over") << 3 << 4 << false
                              << "OpenAI takes at most 3 reference images per turn; this turn "
                                 "has 4. Remove 1.";
    QTest::newRow("the edited image counts") << 3 << 3 << true
                                             << "OpenAI takes at most 3 reference images per "
                                                "turn; this turn has 4. Remove 1.";
}

void TestTurnInputs::tooManyImagesAreRefusedBeforeReading()
{
    QFETCH(int, limit);
    QFETCH(int, attached);
    QFETCH(bool, edit);
    QFETCH(QString, expected);
    ProviderProfile provider = openAi();
    provider.maxInputImages = limit;
    QStringList files;
    for (int i = 0; i < attached; ++i)
        files << QStringLiteral("/missing-%1.png").arg(i); // never read: only counted
    const QList<Turn> turns { doneTurn(QStringLiteral("t1"), QString(), 1) }; // not stored
    const ImageRef editOf
        = edit ? ImageRef { QStringLiteral("t1"), QStringLiteral("ig_t1_0") } : ImageRef {};
    const TurnInputs inputs
        = TurnInputs::plan(provider, true, turns, { attachments(files), editOf, {}, {} });
    QCOMPARE(inputs.refusal, expected);
}

void TestTurnInputs::actionFor_data()
{
    QTest::addColumn<QString>("panel");
    QTest::addColumn<bool>("edit");
    QTest::addColumn<QString>("expected");
    QTest::newRow("edit, panel auto") << "auto" << true << "edit";
    QTest::newRow("edit, panel says generate") << "generate" << true << "generate";
    QTest::newRow("no edit, auto stays") << "auto" << false << "auto";
    QTest::newRow("no edit, explicit edit kept") << "edit" << false << "edit";
}

void TestTurnInputs::actionFor()
{
    QFETCH(QString, panel);
    QFETCH(bool, edit);
    QFETCH(QString, expected);
    QCOMPARE(TurnInputs::actionFor(panel, edit), expected);
}

QTEST_GUILESS_MAIN(TestTurnInputs)
#include "tst_turninputs.moc"
