// What a screen reader hears of a turn (QA defect D6): its accessible text is the prompt, and its
// accessible description what a sighted designer sees under it: the status line, the start of the
// answer, the images with their sizes and the usage line, in the words the view uses. A turn that
// changes says so for that role too.
#include "chat/conversationmodel.h"
#include "chat/translations.h"
#include "model/turntext.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

namespace {

ImageAsset finalImage(const QString &itemId, QSize size)
{
    ImageAsset image;
    image.itemId = itemId;
    image.state = ImageAsset::State::Final;
    image.mimeType = QStringLiteral("image/png");
    image.pixelSize = size;
    return image;
}

Turn doneTurn()
{
    Turn turn;
    turn.id = QStringLiteral("t1");
    turn.prompt = QStringLiteral("a lighthouse at dusk");
    turn.status = Turn::Status::Done;
    turn.text = QStringLiteral("Here is your lighthouse,\nwith a warm sky.");
    turn.images << finalImage(QStringLiteral("ig_1"), QSize(1024, 1024))
                << finalImage(QStringLiteral("ig_2"), QSize(1024, 1024));
    turn.usage.inputTokens = 1200;
    turn.usage.outputTokens = 300;
    turn.cost.usd = 0.0421;
    turn.cost.basis = Cost::Basis::Estimated;
    turn.durationMs = 38200;
    return turn;
}

QStringList descriptionLines(const ConversationModel &model, int row)
{
    return model.data(model.index(row), Qt::AccessibleDescriptionRole)
        .toString()
        .split(QLatin1Char('\n'));
}

} // namespace

class TestConversationModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void doneTurnDescribesAnswerImagesAndCost();
    void imagesOfDifferentSizesAreEachNamed();
    void failedTurnSaysItsError();
    void streamingTurnSaysItIsGenerating();
    void cancelledTurnSaysStopped();
    void longAnswerIsCutAtAWord();
    void inlineImageLinksAreLeftOut();
    void markdownMarksAreNotRead_data();
    void markdownMarksAreNotRead();
    void updatedTurnAnnouncesItsDescription();
};

void TestConversationModel::initTestCase()
{
    // The English file holds the plural forms ("2 images"), as in the application.
    Translations::install(QCoreApplication::instance());
}

void TestConversationModel::doneTurnDescribesAnswerImagesAndCost()
{
    ConversationModel model;
    model.appendTurn(doneTurn());
    const QModelIndex row = model.index(0);
    QCOMPARE(row.data(Qt::AccessibleTextRole).toString(), QStringLiteral("a lighthouse at dusk"));
    const QStringList expected {
        QStringLiteral("done"),
        QStringLiteral("Here is your lighthouse, with a warm sky."),
        QStringLiteral(u"2 images, 1024 × 1024"),
        QStringLiteral(u"1,200 in + 300 out tokens · 2 images · $0.0421 estimated · 38.2 s"),
    };
    QCOMPARE(descriptionLines(model, 0), expected);
    // The usage line is the view's own, not a second formatting of it.
    QCOMPARE(descriptionLines(model, 0).constLast(), TurnText::usageLine(model.turnAt(0)));

    Turn one = doneTurn();
    one.images.removeLast();
    model.setTurns({ one });
    QVERIFY2(descriptionLines(model, 0).contains(QStringLiteral(u"1 image, 1024 × 1024")),
             qPrintable(descriptionLines(model, 0).join(QLatin1Char('|'))));
}

void TestConversationModel::imagesOfDifferentSizesAreEachNamed()
{
    Turn turn = doneTurn();
    turn.images[1].pixelSize = QSize(1536, 1024);
    // A preview still on its way and a failed image are not among the images shown as results.
    ImageAsset preview = finalImage(QStringLiteral("ig_3"), QSize(512, 512));
    preview.state = ImageAsset::State::Partial;
    turn.images << preview;
    ConversationModel model;
    model.appendTurn(turn);
    QVERIFY2(descriptionLines(model, 0).contains(
                 QStringLiteral(u"2 images, 1024 × 1024 and 1536 × 1024")),
             qPrintable(descriptionLines(model, 0).join(QLatin1Char('|'))));
}

void TestConversationModel::failedTurnSaysItsError()
{
    Turn turn;
    turn.id = QStringLiteral("t2");
    turn.prompt = QStringLiteral("a red bicycle");
    turn.status = Turn::Status::Failed;
    turn.errorMessage = QStringLiteral("The gateway refused the API key (401). Check the key in "
                                       "Providers.");
    turn.durationMs = 900;
    ConversationModel model;
    model.appendTurn(turn);
    const QStringList lines = descriptionLines(model, 0);
    QCOMPARE(lines.constFirst(), turn.errorMessage);
    QVERIFY2(!lines.contains(QStringLiteral("done")), qPrintable(lines.join(QLatin1Char('|'))));

    turn.errorMessage.clear();
    model.updateTurn(turn);
    QCOMPARE(descriptionLines(model, 0).constFirst(), QStringLiteral("The request failed"));
}

void TestConversationModel::streamingTurnSaysItIsGenerating()
{
    Turn turn;
    turn.id = QStringLiteral("t3");
    turn.prompt = QStringLiteral("a foggy harbour");
    turn.status = Turn::Status::Streaming;
    turn.startedAt = QDateTime::currentDateTime().addSecs(-12);
    turn.text = QStringLiteral("Sketching the harbour");
    ConversationModel model;
    model.appendTurn(turn);
    // No seconds: a description that changed every second would be read out again and again.
    const QStringList expected { QStringLiteral(u"Generating…"),
                                 QStringLiteral("Sketching the harbour") };
    QCOMPARE(descriptionLines(model, 0), expected);
}

void TestConversationModel::cancelledTurnSaysStopped()
{
    Turn turn;
    turn.id = QStringLiteral("t4");
    turn.prompt = QStringLiteral("a paper boat");
    turn.status = Turn::Status::Cancelled;
    turn.responseId = QStringLiteral("resp_1"); // the gateway had begun: it may bill the turn
    ConversationModel model;
    model.appendTurn(turn);
    const QStringList expected { QStringLiteral("Stopped"),
                                 QStringLiteral("cost unknown (it may be billed)") };
    QCOMPARE(descriptionLines(model, 0), expected);
}

void TestConversationModel::longAnswerIsCutAtAWord()
{
    Turn turn = doneTurn();
    turn.images.clear();
    QString answer;
    for (int i = 0; answer.size() < 2000; ++i)
        answer += QStringLiteral("word%1 ").arg(i);
    turn.text = answer;
    ConversationModel model;
    model.appendTurn(turn);
    const QString said = descriptionLines(model, 0).value(1);
    QVERIFY2(said.endsWith(QStringLiteral(u"…")), qPrintable(said));
    QVERIFY2(said.size() <= ConversationModel::describedAnswerLength + 1, qPrintable(said));
    QVERIFY2(said.size() > ConversationModel::describedAnswerLength / 2, qPrintable(said));
    const QString kept = said.chopped(1);
    QVERIFY2(answer.startsWith(kept + QLatin1Char(' ')), qPrintable(said)); // whole words only

    // One word longer than the limit is cut inside it.
    turn.text = QString(1000, QLatin1Char('x'));
    model.updateTurn(turn);
    QCOMPARE(descriptionLines(model, 0).value(1),
             QString(ConversationModel::describedAnswerLength, QLatin1Char('x'))
                 + QStringLiteral(u"…"));
}

void TestConversationModel::inlineImageLinksAreLeftOut()
{
    Turn turn = doneTurn();
    turn.images.resize(1);
    turn.images[0].sourceUrl = QStringLiteral("https://cdn.example.com/ig_1.png");
    turn.text = QStringLiteral("Here it is: ![lighthouse](https://cdn.example.com/ig_1.png)");
    ConversationModel model;
    model.appendTurn(turn);
    const QString all = descriptionLines(model, 0).join(QLatin1Char('|'));
    QVERIFY2(!all.contains(QLatin1String("cdn.example.com")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("Here it is:")), qPrintable(all));
}

// A screen reader hears the reply's words, not its Markdown marks.
void TestConversationModel::markdownMarksAreNotRead_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("heard");
    QTest::newRow("heading and bold") << QStringLiteral("## Palette\n\nMostly **teal** and _rust_.")
                                      << QStringLiteral("Palette Mostly teal and rust.");
    QTest::newRow("list") << QStringLiteral("Options:\n\n- soft light\n- `hard` light")
                          << QStringLiteral("Options: soft light hard light");
    QTest::newRow("link and quote")
        << QStringLiteral("> See [the brief](https://example.com/brief) first")
        << QStringLiteral("See the brief first");
    QTest::newRow("an image not shown") << QStringLiteral("Before ![x](https://e.com/x.png) after")
                                        << QStringLiteral("Before after");
    QTest::newRow("angle brackets stay text")
        << QStringLiteral("a <large> cat, 5 < 6") << QStringLiteral("a <large> cat, 5 < 6");
}

void TestConversationModel::markdownMarksAreNotRead()
{
    QFETCH(QString, markdown);
    QFETCH(QString, heard);
    Turn turn = doneTurn();
    turn.images.clear();
    turn.text = markdown;
    ConversationModel model;
    model.appendTurn(turn);
    QCOMPARE(descriptionLines(model, 0).value(1), heard);

    // A long reply is read only at its head, and says that it goes on.
    turn.text = markdown + QLatin1Char(' ') + QString(5000, QLatin1Char('y'));
    model.updateTurn(turn);
    const QString head = descriptionLines(model, 0).value(1);
    QVERIFY2(head.startsWith(heard) && head.endsWith(QStringLiteral(u"…")), qPrintable(head));
}

void TestConversationModel::updatedTurnAnnouncesItsDescription()
{
    Turn turn = doneTurn();
    turn.status = Turn::Status::Streaming;
    turn.images.clear();
    turn.durationMs = -1;
    ConversationModel model;
    model.appendTurn(turn);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.updateTurn(doneTurn());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex(), model.index(0));
    const auto roles = changed.constFirst().at(2).value<QList<int>>();
    // No roles named means every role changed.
    QVERIFY(roles.isEmpty() || roles.contains(Qt::AccessibleDescriptionRole));
    QCOMPARE(descriptionLines(model, 0).constFirst(), QStringLiteral("done"));
}

QTEST_MAIN(
    TestConversationModel) // a reply's Markdown is parsed by QTextDocument, which needs fonts
#include "tst_conversationmodel.moc"
