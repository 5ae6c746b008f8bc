// A whole turn over real loopback HTTP: ChatSession -> request builder -> GatewayJob -> stream
// worker thread -> assembler -> model, against the offline demo gateway.
#include "chat/chatsession.h"
#include "demo/demogateway.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestChatSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        QVERIFY(m_dir->isValid());
        m_demo.reset(new DemoGateway);
        m_demo->setPacing(5);
        QVERIFY(m_demo->start());
    }

    void wholeTurnAgainstDemoGateway_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("aspect");
        QTest::addColumn<int>("partials");
        QTest::addColumn<QSize>("expectedSize");
        QTest::addColumn<QString>("expectedMime");

        QTest::newRow("png square") << "png"
                                    << "1024x1024"
                                    << "" << 2 << QSize(1024, 1024) << "image/png";
        QTest::newRow("jpeg landscape") << "jpeg"
                                        << "1536x1024"
                                        << "" << 1 << QSize(1536, 1024) << "image/jpeg";
        QTest::newRow("portrait by ratio") << "png"
                                           << "auto"
                                           << "2:3" << 0 << QSize(1024, 1536) << "image/png";
    }

    void wholeTurnAgainstDemoGateway()
    {
        QFETCH(QString, format);
        QFETCH(QString, size);
        QFETCH(QString, aspect);
        QFETCH(int, partials);
        QFETCH(QSize, expectedSize);
        QFETCH(QString, expectedMime);

        ChatSession session(ProviderProfile::demo(m_demo->baseUrl()), options());
        ImageParams params;
        params.outputFormat = format;
        params.size = size;
        params.aspectRatio = aspect;
        params.partialImages = partials;
        params.quality = QStringLiteral("low");

        QSignalSpy finished(&session, &ChatSession::turnFinished);
        QSignalSpy busy(&session, &ChatSession::busyChanged);
        int partialRowsSeen = 0;
        connect(session.model(), &QAbstractItemModel::dataChanged, this,
                [&](const QModelIndex &from, const QModelIndex &to) {
                    QCOMPARE(from.row(), to.row()); // a streaming turn changes its own row only
                    const Turn &turn = session.model()->turnAt(from.row());
                    if (!turn.images.isEmpty()
                        && turn.images.constFirst().state == ImageAsset::State::Partial)
                        ++partialRowsSeen;
                });

        QVERIFY(session.send(QStringLiteral("a lighthouse at dusk"), {}, params));
        QVERIFY(session.isBusy());
        QCOMPARE(session.model()->rowCount(), 1);
        QVERIFY(finished.wait(30000));
        QVERIFY(!session.isBusy());
        QCOMPARE(busy.count(), 2);

        const Turn turn = session.model()->turnAt(0);
        QCOMPARE(turn.status, Turn::Status::Done);
        QVERIFY2(turn.errorMessage.isEmpty(), qPrintable(turn.errorMessage));
        QVERIFY(!turn.text.isEmpty());
        QVERIFY(!turn.responseId.isEmpty());
        QCOMPARE(turn.finalImageCount(), 1);
        const ImageAsset image = turn.images.constFirst();
        QCOMPARE(image.mimeType, expectedMime);
        QCOMPARE(image.pixelSize, expectedSize);
        QVERIFY(image.filePath.startsWith(m_dir->path() + QStringLiteral("/images/")));
        QVERIFY(image.filePath.contains(image.hash));
        QCOMPARE(QImage(image.filePath).size(), expectedSize);
        QVERIFY(turn.usage.inputTokens > 0);
        QCOMPARE(turn.cost.basis, Cost::Basis::Demo);
        QVERIFY(turn.durationMs >= 0);
        if (partials > 0)
            QVERIFY2(partialRowsSeen > 0,
                     "the preview never reached the model before the final image");
    }

    void followUpTurnCarriesPreviousResponseId()
    {
        ChatSession session(ProviderProfile::demo(m_demo->baseUrl()), options());
        ImageParams params;
        params.partialImages = 0;
        QSignalSpy finished(&session, &ChatSession::turnFinished);
        QVERIFY(session.send(QStringLiteral("a red fox"), {}, params));
        QVERIFY(finished.wait(30000));
        QVERIFY(session.send(QStringLiteral("now at night"), {}, params));
        QVERIFY(finished.wait(30000));
        QCOMPARE(session.model()->rowCount(), 2);
        QCOMPARE(session.model()->turnAt(1).status, Turn::Status::Done);
        QVERIFY(session.model()->turnAt(0).responseId != session.model()->turnAt(1).responseId);
    }

    void refusesWhileBusyAndEmptyPrompt()
    {
        ChatSession session(ProviderProfile::demo(m_demo->baseUrl()), options());
        QVERIFY(!session.send(QStringLiteral("   "), {}, ImageParams()));
        QVERIFY(!session.lastRefusal().isEmpty());
        QSignalSpy finished(&session, &ChatSession::turnFinished);
        QVERIFY(session.send(QStringLiteral("a"), {}, ImageParams()));
        QVERIFY(!session.send(QStringLiteral("b"), {}, ImageParams()));
        QCOMPARE(session.model()->rowCount(), 1);
        QVERIFY(finished.wait(30000));
    }

    void stopKeepsWhatArrived()
    {
        m_demo->setPacing(400); // slow enough to stop in the middle
        ChatSession session(ProviderProfile::demo(m_demo->baseUrl()), options());
        ImageParams params;
        params.partialImages = 3;
        QSignalSpy finished(&session, &ChatSession::turnFinished);
        QVERIFY(session.send(QStringLiteral("a slow mountain"), {}, params));
        QTRY_VERIFY_WITH_TIMEOUT(!session.model()->turnAt(0).images.isEmpty()
                                     && session.model()->turnAt(0).images.constFirst().state
                                         == ImageAsset::State::Partial,
                                 20000);
        session.stop();
        QVERIFY(finished.wait(10000));
        const Turn turn = session.model()->turnAt(0);
        QCOMPARE(turn.status, Turn::Status::Cancelled);
        QCOMPARE(turn.images.constFirst().state,
                 ImageAsset::State::Partial); // the preview survives
        QVERIFY(QFile::exists(turn.images.constFirst().filePath));
    }

    void unreachableGatewayFailsWithPlainMessage()
    {
        ProviderProfile profile = ProviderProfile::demo(m_demo->baseUrl());
        m_demo.reset(); // nothing listens there any more
        ChatSession session(profile, options());
        QSignalSpy finished(&session, &ChatSession::turnFinished);
        QVERIFY(session.send(QStringLiteral("a"), {}, ImageParams()));
        QVERIFY(finished.wait(30000));
        const Turn turn = session.model()->turnAt(0);
        QCOMPARE(turn.status, Turn::Status::Failed);
        QVERIFY2(turn.errorMessage.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(turn.errorMessage));
        QCOMPARE(turn.prompt, QStringLiteral("a"));
    }

private:
    ChatSession::Options options() const
    {
        ChatSession::Options o;
        o.imageRoot = m_dir->path() + QStringLiteral("/images");
        o.previewRoot = m_dir->path() + QStringLiteral("/previews");
        return o;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DemoGateway> m_demo;
};

QTEST_MAIN(TestChatSession)
#include "tst_chatsession.moc"
