#include "chat/streamworker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The stream worker's own rule: answer text past the turn's cap is cut on the stream thread, so
// a runaway event never reaches the GUI thread whole. The images it stores are covered by the
// chat session's tests, which run it on its thread.
class TestStreamWorker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void textPastTheCapIsCutBeforeItLeaves();
    void cutNeverSplitsACharacter();
    void wholeResponseBodyIsCutToo();

private:
    static QByteArray delta(const QString &text);
    // Every text event the worker passed on, in order, with whether it was cut.
    static QList<ProcessedEvent> texts(const QSignalSpy &spy);
    std::unique_ptr<StreamWorker> makeWorker(bool streaming);

    QTemporaryDir m_dir;
};

void TestStreamWorker::init()
{
    QVERIFY(m_dir.isValid());
}

QByteArray TestStreamWorker::delta(const QString &text)
{
    const QJsonObject object { { QStringLiteral("type"),
                                 QStringLiteral("response.output_text.delta") },
                               { QStringLiteral("item_id"), QStringLiteral("msg_1") },
                               { QStringLiteral("delta"), text } };
    return "data: " + QJsonDocument(object).toJson(QJsonDocument::Compact) + "\n\n";
}

QList<ProcessedEvent> TestStreamWorker::texts(const QSignalSpy &spy)
{
    QList<ProcessedEvent> out;
    for (const QList<QVariant> &call : spy) {
        const ProcessedEvents events = call.at(0).value<ProcessedEvents>();
        for (const ProcessedEvent &event : events) {
            if (event.event.kind == StreamEvent::Kind::TextDelta)
                out.append(event);
        }
    }
    return out;
}

std::unique_ptr<StreamWorker> TestStreamWorker::makeWorker(bool streaming)
{
    return std::make_unique<StreamWorker>(m_dir.filePath(QStringLiteral("images")),
                                          m_dir.filePath(QStringLiteral("previews")),
                                          ApiFlavour::Responses, streaming);
}

void TestStreamWorker::textPastTheCapIsCutBeforeItLeaves()
{
    constexpr qsizetype cap = TurnAssembler::maxTextLength;
    const qsizetype first = cap - 1000;
    auto worker = makeWorker(true);
    QSignalSpy spy(worker.get(), &StreamWorker::processed);
    worker->feed(delta(QString(first, QLatin1Char('a'))));
    worker->feed(delta(QString(20 * 1024 * 1024, QLatin1Char('b')))); // a runaway 20 MB event
    worker->feed(delta(QStringLiteral("more")));

    const QList<ProcessedEvent> events = texts(spy);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).event.text.size(), first);
    QVERIFY(!events.at(0).textCut);
    QCOMPARE(events.at(1).event.text, QString(1000, QLatin1Char('b'))); // up to the cap exactly
    QVERIFY(events.at(1).textCut);
    QVERIFY(events.at(2).event.text.isEmpty());
    QVERIFY(events.at(2).textCut);

    // The turn keeps the cap's worth and says what happened, though no event passed the cap.
    Turn turn;
    for (const ProcessedEvent &event : events)
        TurnAssembler::apply(turn, event);
    QCOMPARE(turn.text.size(), cap);
    QVERIFY2(turn.errorMessage.contains(QStringLiteral("passed 512 KB")),
             qPrintable(turn.errorMessage));
}

void TestStreamWorker::cutNeverSplitsACharacter()
{
    constexpr qsizetype cap = TurnAssembler::maxTextLength;
    auto worker = makeWorker(true);
    QSignalSpy spy(worker.get(), &StreamWorker::processed);
    worker->feed(delta(QString(cap - 1, QLatin1Char('a'))));
    const QString clef = QString::fromUtf8("\xF0\x9D\x84\x9E"); // one character, two UTF-16 units
    worker->feed(delta(clef + clef));

    const QList<ProcessedEvent> events = texts(spy);
    QCOMPARE(events.size(), 2);
    QVERIFY(events.at(1).event.text.isEmpty()); // half the clef would not be a character
    QVERIFY(events.at(1).textCut);
}

void TestStreamWorker::wholeResponseBodyIsCutToo()
{
    const QString huge(TurnAssembler::maxTextLength + 5000, QLatin1Char('c'));
    const QJsonObject content { { QStringLiteral("type"), QStringLiteral("output_text") },
                                { QStringLiteral("text"), huge } };
    const QJsonObject message { { QStringLiteral("type"), QStringLiteral("message") },
                                { QStringLiteral("id"), QStringLiteral("msg_1") },
                                { QStringLiteral("role"), QStringLiteral("assistant") },
                                { QStringLiteral("content"), QJsonArray { content } } };
    const QJsonObject response { { QStringLiteral("id"), QStringLiteral("resp_1") },
                                 { QStringLiteral("status"), QStringLiteral("completed") },
                                 { QStringLiteral("output"), QJsonArray { message } } };
    auto worker = makeWorker(false);
    QSignalSpy spy(worker.get(), &StreamWorker::processed);
    worker->feed(QJsonDocument(response).toJson(QJsonDocument::Compact));
    worker->close(true);

    const QList<ProcessedEvent> events = texts(spy);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).event.text.size(), TurnAssembler::maxTextLength);
    QVERIFY(events.at(0).textCut);
}

QTEST_GUILESS_MAIN(TestStreamWorker)
#include "tst_streamworker.moc"
