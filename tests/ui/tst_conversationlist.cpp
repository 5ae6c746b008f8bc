#include "conversationlist.h"
#include "conversationlistmodel.h"
#include "store/historystore.h"

#include <QAbstractItemView>
#include <QFontMetrics>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

namespace {

ConversationSummary summary(const QString &id, const QString &title, int minutesAgo, int images,
                            double usd)
{
    ConversationSummary c;
    c.id = id;
    c.title = title;
    c.createdAt = QDateTime(QDate(2025, 1, 1), QTime(12, 0));
    c.updatedAt = c.createdAt.addSecs(-60 * minutesAgo);
    c.imageCount = images;
    c.totalCost.usd = usd;
    c.totalCost.basis = usd > 0 ? Cost::Basis::Estimated : Cost::Basis::Unknown;
    return c;
}

QStringList ids(const ConversationListModel *model)
{
    QStringList out;
    for (int i = 0; i < model->rowCount(); ++i)
        out << model->index(i).data(ConversationListModel::IdRole).toString();
    return out;
}

QListView *listView(ConversationList &list)
{
    return list.findChild<QListView *>(QStringLiteral("conversationListView"));
}

// What the hit's painted document shows: its plain text, and the runs set in bold.
struct Painted
{
    QString text;
    QStringList bold;
};

Painted paintedSnippet(const QModelIndex &hit)
{
    QTextDocument document;
    document.setHtml(hit.data(ConversationList::SnippetHtmlRole).toString());
    Painted painted;
    painted.text = document.toPlainText();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().fontWeight() >= QFont::Bold)
                painted.bold << fragment.text();
        }
    }
    return painted;
}

// Whether the store still holds the conversation at all (deleted or not): renaming it to its own
// title succeeds only then.
bool stored(HistoryStore &store, const QString &id, const QString &title)
{
    return store.renameConversation(id, title).result();
}

} // namespace

class TestConversationList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newestFirst_data()
    {
        QTest::addColumn<QList<ConversationSummary>>("input");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("already ordered")
            << QList<ConversationSummary> { summary("a", "A", 1, 0, 0), summary("b", "B", 5, 0, 0) }
            << QStringList { "a", "b" };
        QTest::newRow("reversed") << QList<ConversationSummary> {
            summary("a", "A", 50, 0, 0), summary("b", "B", 5, 0, 0), summary("c", "C", 10, 0, 0)
        } << QStringList { "b", "c", "a" };
        QTest::newRow("empty") << QList<ConversationSummary> {} << QStringList {};
    }

    void newestFirst()
    {
        QFETCH(QList<ConversationSummary>, input);
        QFETCH(QStringList, expected);
        ConversationList list;
        list.setConversations(input);
        QCOMPARE(ids(list.model()), expected);
    }

    void subtitle_data()
    {
        // Without the English translation loaded, plurals read "image(s)".
        QTest::addColumn<int>("images");
        QTest::addColumn<double>("usd");
        QTest::addColumn<QString>("tail");
        QTest::newRow("three images") << 3 << 0.12 << QStringLiteral("3 image(s) · ≈ $0.12");
        QTest::newRow("one image") << 1 << 0.0059 << QStringLiteral("1 image(s) · ≈ $0.0059");
        QTest::newRow("no cost") << 0 << 0.0 << QStringLiteral("0 image(s)");
    }

    void subtitle()
    {
        QFETCH(int, images);
        QFETCH(double, usd);
        QFETCH(QString, tail);
        const QString text = ConversationListModel::subtitle(summary("x", "X", 0, images, usd));
        QVERIFY2(text.endsWith(QStringLiteral(" · ") + tail), qPrintable(text));
    }

    // Only chats or only comparisons: the rows are of that kind, conversations() keeps every
    // one, and a conversation added, renamed or taken while not listed is kept track of.
    void listsOneKind()
    {
        ConversationSummary run = summary("run", "Run", 5, 4, 0);
        run.kind = ConversationSummary::Kind::Compare;
        ConversationListModel model;
        model.setConversations({ summary("a", "A", 1, 0, 0), run, summary("b", "B", 10, 0, 0) });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.count(ConversationListModel::Shown::Comparisons), 1);
        QCOMPARE(model.count(ConversationListModel::Shown::Chats), 2);

        model.setShown(ConversationListModel::Shown::Chats);
        QCOMPARE(ids(&model), (QStringList { "a", "b" }));
        QCOMPARE(model.rowOf(QStringLiteral("run")), -1);
        QCOMPARE(model.conversations().size(), 3);

        ConversationSummary newer = summary("run2", "Run 2", 0, 1, 0);
        newer.kind = ConversationSummary::Kind::Compare;
        model.insert(newer);
        QCOMPARE(ids(&model), (QStringList { "a", "b" }));
        QCOMPARE(model.count(ConversationListModel::Shown::Comparisons), 2);
        QVERIFY(model.setData(model.index(1), QStringLiteral("B renamed")));
        QCOMPARE(model.take(QStringLiteral("run")).title, QStringLiteral("Run"));

        model.setShown(ConversationListModel::Shown::All);
        QCOMPARE(ids(&model), (QStringList { "run2", "a", "b" }));
        QCOMPARE(model.summaryAt(2).title, QStringLiteral("B renamed"));
        model.setShown(ConversationListModel::Shown::Comparisons);
        QCOMPARE(ids(&model), (QStringList { "run2" }));
    }

    // Today's conversations show their time to the minute in the locale's way, also in the C
    // locale of a bare system, whose short format has seconds.
    void todaysTimeToTheMinute_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("09:41 · ");
        QTest::newRow("en_US") << QStringLiteral("en_US") << QStringLiteral("9:41 AM · ");
        QTest::newRow("de_DE") << QStringLiteral("de_DE") << QStringLiteral("09:41 · ");
    }

    void todaysTimeToTheMinute()
    {
        QFETCH(QString, locale);
        QFETCH(QString, expected);
        const QLocale before;
        QLocale::setDefault(QLocale(locale));
        ConversationSummary c = summary("x", "X", 0, 1, 0);
        c.updatedAt = QDateTime(QDate::currentDate(), QTime(9, 41, 27));
        const QString text = ConversationListModel::subtitle(c);
        QLocale::setDefault(before);
        QVERIFY2(text.startsWith(expected), qPrintable(text));
    }

    // The sidebar says what kind of figure a total is, as the turns do (found by QA: the demo's
    // turns said "$0.00 demo" and the sidebar "$0.00").
    void listedCostSaysWhatItIs_data()
    {
        QTest::addColumn<double>("usd");
        QTest::addColumn<int>("basis");
        QTest::addColumn<QString>("expected");
        QTest::newRow("billed") << 1.5 << int(Cost::Basis::Billed) << QStringLiteral("$1.50");
        QTest::newRow("billed, under a cent")
            << 0.0059 << int(Cost::Basis::Billed) << QStringLiteral("$0.0059");
        // The digits the turns and the status bar show (found by QA: "$0.071 estimated" in the
        // status bar was "≈ $0.07" here).
        QTest::newRow("estimated")
            << 0.042 << int(Cost::Basis::Estimated) << QStringLiteral("≈ $0.042");
        QTest::newRow("estimated, two turns")
            << 0.071 << int(Cost::Basis::Estimated) << QStringLiteral("≈ $0.071");
        QTest::newRow("demo") << 0.0 << int(Cost::Basis::Demo) << QStringLiteral("$0.00 demo");
    }

    void listedCostSaysWhatItIs()
    {
        QFETCH(double, usd);
        QFETCH(int, basis);
        QFETCH(QString, expected);
        QCOMPARE(ConversationListModel::listedCost(Cost { usd, Cost::Basis(basis), {} }), expected);
    }

    void currentConversationHighlightedWhenListed()
    {
        ConversationList list;
        list.setConversations({ summary("a", "Alpha", 1, 0, 0) });
        list.setCurrentConversation(QStringLiteral("new")); // created by a first turn, not listed
        QVERIFY(!listView(list)->selectionModel()->hasSelection());
        list.setConversations({ summary("a", "Alpha", 1, 0, 0), summary("new", "New", 0, 0, 0) });
        QCOMPARE(listView(list)->currentIndex().data(ConversationListModel::IdRole).toString(),
                 QStringLiteral("new"));
        QVERIFY(listView(list)->selectionModel()->isSelected(listView(list)->currentIndex()));
    }

    void activateByClickAndEnter()
    {
        ConversationList list;
        list.resize(300, 400);
        list.setConversations({ summary("a", "Alpha", 1, 0, 0), summary("b", "Beta", 2, 0, 0) });
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        QSignalSpy activated(&list, &ConversationList::conversationActivated);
        QListView *view = listView(list);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(list.model()->index(1)).center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("b"));
        QCOMPARE(activated.at(0).at(1).toString(), QString());
        view->setCurrentIndex(list.model()->index(0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("a"));
    }

    void renameInline_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expectedTitle");
        QTest::addColumn<int>("renames");
        QTest::newRow("new title")
            << QStringLiteral("Castle studies") << QStringLiteral("Castle studies") << 1;
        QTest::newRow("spaces trimmed")
            << QStringLiteral("  Moons  ") << QStringLiteral("Moons") << 1;
        QTest::newRow("empty is refused") << QString() << QStringLiteral("Alpha") << 0;
    }

    void renameInline()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expectedTitle);
        QFETCH(int, renames);
        ConversationList list;
        list.resize(300, 400);
        list.setConversations({ summary("a", "Alpha", 1, 0, 0) });
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        QSignalSpy renamed(list.model(), &ConversationListModel::renameRequested);
        QListView *view = listView(list);
        view->setFocus();
        view->setCurrentIndex(list.model()->index(0));
        QTest::keyClick(view, Qt::Key_F2);
        QTRY_VERIFY(view->viewport()->findChild<QLineEdit *>());
        auto *editor = view->viewport()->findChild<QLineEdit *>();
        editor->selectAll();
        QTest::keyClick(editor, Qt::Key_Delete);
        QTest::keyClicks(editor, typed);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!view->viewport()->findChild<QLineEdit *>()); // committed (queued) and closed
        QCOMPARE(renamed.size(), renames);
        QCOMPARE(list.model()->index(0).data(Qt::EditRole).toString(), expectedTitle);
        if (renames)
            QCOMPARE(renamed.at(0).at(1).toString(), expectedTitle);
    }

    void deleteWithUndo_data()
    {
        QTest::addColumn<bool>("undo");
        QTest::newRow("undone") << true;
        QTest::newRow("bar times out") << false;
    }

    void deleteWithUndo()
    {
        QFETCH(bool, undo);
        ConversationList list;
        list.setUndoTimeout(undo ? 8000 : 50);
        list.resize(300, 400);
        list.setConversations({ summary("a", "Alpha", 1, 0, 0), summary("b", "Beta", 2, 0, 0),
                                summary("c", "Gamma", 3, 0, 0) });
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        QSignalSpy deleted(&list, &ConversationList::conversationDeleted);
        QSignalSpy restored(&list, &ConversationList::conversationRestored);
        QListView *view = listView(list);
        view->setCurrentIndex(list.model()->index(1));
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.at(0).at(0).toString(), QStringLiteral("b"));
        QCOMPARE(ids(list.model()), (QStringList { "a", "c" }));
        QVERIFY(list.isUndoBarVisible());
        if (undo) {
            QTest::mouseClick(list.findChild<QPushButton *>(QStringLiteral("undoButton")),
                              Qt::LeftButton);
            QCOMPARE(restored.size(), 1);
            QCOMPARE(ids(list.model()), (QStringList { "a", "b", "c" }));
            QVERIFY(!list.isUndoBarVisible());
        } else {
            QTRY_VERIFY(!list.isUndoBarVisible());
            list.undoDelete(); // too late: nothing comes back
            QCOMPARE(restored.size(), 0);
            QCOMPARE(ids(list.model()), (QStringList { "a", "c" }));
        }
    }

    void searchHitsOpenTheirTurn()
    {
        ConversationList list;
        list.resize(300, 400);
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        QSignalSpy requested(&list, &ConversationList::searchRequested);
        list.searchAction()->trigger();
        auto *field = list.findChild<QLineEdit *>(QStringLiteral("conversationSearch"));
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("dragon"));
        QTRY_COMPARE(requested.size(), 1); // after the typing pause, once
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("dragon"));

        SearchHit hit { "c1", "Beasts", "t7", QStringLiteral("a «dragon» on a hill"), {} };
        list.showSearchResults(QStringLiteral("dragon"), { hit });
        auto *hits = list.findChild<QListView *>(QStringLiteral("searchHitsView"));
        QTRY_VERIFY(hits->isVisible());
        QSignalSpy activated(&list, &ConversationList::conversationActivated);
        QTest::mouseClick(hits->viewport(), Qt::LeftButton, {},
                          hits->visualRect(list.hitModel()->index(0, 0)).center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("c1"));
        QCOMPARE(activated.at(0).at(1).toString(), QStringLiteral("t7"));

        field->clear();
        QTRY_VERIFY(listView(list)->isVisible());
    }

    void againstARealStore()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY2(store.open().result().ok, qPrintable(store.open().result().error));
        ConversationSummary first;
        first.title = QStringLiteral("Beasts");
        first = store.createConversation(first).result();
        ConversationSummary second;
        second.title = QStringLiteral("Castles");
        second = store.createConversation(second).result();
        Turn turn;
        turn.id = QStringLiteral("turn-1");
        turn.prompt = QStringLiteral("a dragon asleep on a hill");
        turn.status = Turn::Status::Done;
        turn.startedAt = QDateTime::currentDateTime();
        QVERIFY(store.saveTurn(first.id, turn).result());

        ConversationList list;
        list.setHistoryStore(&store);
        QTRY_COMPARE(list.model()->rowCount(), 2);

        list.deleteConversation(second.id);
        QTRY_COMPARE(store.conversations().result().size(), 1);
        QCOMPARE(list.model()->rowCount(), 1);
        list.undoDelete();
        QTRY_COMPARE(store.conversations().result().size(), 2);
        QTRY_COMPARE(list.model()->rowCount(), 2);

        const QModelIndex row = list.model()->index(list.model()->rowOf(first.id));
        QVERIFY(list.model()->setData(row, QStringLiteral("Dragons")));
        QTRY_VERIFY([&] {
            for (const ConversationSummary &c : store.conversations().result())
                if (c.id == first.id)
                    return c.title == QStringLiteral("Dragons");
            return false;
        }());

        list.setSearchText(QStringLiteral("dragon"));
        QTRY_COMPARE(list.hitModel()->rowCount(), 1);
        const QModelIndex hit = list.hitModel()->index(0, 0);
        QCOMPARE(hit.data(ConversationList::ConversationIdRole).toString(), first.id);
        QCOMPARE(hit.data(ConversationList::TurnIdRole).toString(), QStringLiteral("turn-1"));
    }
    void snippetMatchesInBold_data()
    {
        // The snippet as the store returns it: S and E are its marks around a matched word.
        const QString S(QChar(SearchHit::matchStart));
        const QString E(QChar(SearchHit::matchEnd));
        QTest::addColumn<QString>("snippet");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("bold");
        QTest::newRow("one match")
            << QString("a " + S + "dragon" + E + " on a hill")
            << QStringLiteral("a dragon on a hill") << QStringList { QStringLiteral("dragon") };
        QTest::newRow("two matches")
            << QString(S + "red" + E + " fox, " + S + "red" + E + " sky")
            << QStringLiteral("red fox, red sky")
            << QStringList { QStringLiteral("red"), QStringLiteral("red") };
        QTest::newRow("markup of its own")
            << QString("<b>not bold</b> & <i>x</i> " + S + "dragon" + E + " &amp; <script>")
            << QStringLiteral("<b>not bold</b> & <i>x</i> dragon &amp; <script>")
            << QStringList { QStringLiteral("dragon") };
        // The prompt's own guillemets are text: only the store's marks make a match.
        QTest::newRow("guillemets of its own") << QString(
            QStringLiteral("said \u00ab") + S + "dragon" + E + QStringLiteral("\u00bb twice"))
                                               << QStringLiteral("said \u00abdragon\u00bb twice")
                                               << QStringList { QStringLiteral("dragon") };
        QTest::newRow("lines and tabs")
            << QString("first\nline\t" + S + "dragon" + E + "\r\nend")
            << QStringLiteral("first line dragon end") << QStringList { QStringLiteral("dragon") };
        QTest::newRow("no match marked")
            << QStringLiteral("plain words") << QStringLiteral("plain words") << QStringList {};
        QTest::newRow("unclosed mark")
            << QString("an " + S + "unclosed match") << QStringLiteral("an unclosed match")
            << QStringList { QStringLiteral("unclosed match") };
    }

    void snippetMatchesInBold()
    {
        QFETCH(QString, snippet);
        QFETCH(QString, text);
        QFETCH(QStringList, bold);
        ConversationList list;
        list.resize(320, 400);
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        list.showSearchResults(QStringLiteral("dragon"),
                               { SearchHit { "c1", "Beasts", "t7", snippet, {} } });
        auto *hits = list.findChild<QListView *>(QStringLiteral("searchHitsView"));
        QTRY_VERIFY(hits->isVisible());
        const QModelIndex hit = list.hitModel()->index(0, 0);
        const Painted painted = paintedSnippet(hit);
        QCOMPARE(painted.text, text);
        QCOMPARE(painted.bold, bold);
        QCOMPARE(hit.data(Qt::ToolTipRole).toString(), text); // plain, no marks
        QVERIFY(!painted.text.contains(QChar(SearchHit::matchStart)));
        // And it is what the view paints: the row is drawn without error, text and all.
        const QImage shot = hits->viewport()->grab().toImage();
        QVERIFY(!shot.isNull());
    }

    // Found by QA: the words a snippet keeps before its match filled a narrow sidebar, and the
    // match itself was cut off at the edge.
    void snippetScrollsItsMatchIntoView()
    {
        const QString S(QChar(SearchHit::matchStart));
        const QString E(QChar(SearchHit::matchEnd));
        const auto laidOut = [](const QString &snippet) {
            auto document = std::make_unique<QTextDocument>();
            document->setDocumentMargin(0);
            QTextOption option;
            option.setWrapMode(QTextOption::NoWrap);
            document->setDefaultTextOption(option);
            document->setHtml(ConversationList::snippetHtml(snippet));
            return document;
        };
        const QFontMetrics metrics(QApplication::font());
        const QString before
            = QStringLiteral("The offline demo draws locally; add an API key for ");
        const int width = metrics.horizontalAdvance(before) / 2;
        auto far = laidOut(before + S + QStringLiteral("environment") + E + QStringLiteral(" x"));
        const qreal scroll = ConversationList::snippetScroll(*far, width, 10);
        QVERIFY(scroll > 0);
        const QTextLine line = far->firstBlock().layout()->lineAt(0);
        const qreal matchEnd
            = line.cursorToX(int(before.size() + QStringLiteral("environment").size()));
        QVERIFY(matchEnd - scroll <= width);
        QVERIFY(line.cursorToX(int(before.size())) - scroll >= 10); // its start is shown too

        auto near = laidOut(S + QStringLiteral("lighthouse") + E + QStringLiteral(" at dusk"));
        QCOMPARE(ConversationList::snippetScroll(*near, width, 10), 0.0);
    }

    void snippetFromARealStore()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(store.open().result().ok);
        ConversationSummary summary;
        summary.title = QStringLiteral("Beasts");
        summary = store.createConversation(summary).result();
        Turn turn;
        turn.id = QStringLiteral("turn-1");
        turn.prompt = QStringLiteral("a <b>red</b> & \u00abquoted\u00bb dragon asleep");
        turn.status = Turn::Status::Done;
        turn.startedAt = QDateTime::currentDateTime();
        QVERIFY(store.saveTurn(summary.id, turn).result());

        ConversationList list;
        list.resize(320, 400);
        list.setHistoryStore(&store);
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        list.setSearchText(QStringLiteral("dragon"));
        QTRY_COMPARE(list.hitModel()->rowCount(), 1);
        const Painted painted = paintedSnippet(list.hitModel()->index(0, 0));
        QCOMPARE(painted.text, turn.prompt);
        QCOMPARE(painted.bold, QStringList { QStringLiteral("dragon") });

        list.setSearchText(QStringLiteral("quoted"));
        QTRY_COMPARE(paintedSnippet(list.hitModel()->index(0, 0)).bold,
                     QStringList { QStringLiteral("quoted") });
        QCOMPARE(paintedSnippet(list.hitModel()->index(0, 0)).text, turn.prompt);
    }

    void deletedConversationIsPurgedWhenItsUndoEnds()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(store.open().result().ok);
        QStringList ids;
        for (const QString &title :
             { QStringLiteral("Alpha"), QStringLiteral("Beta"), QStringLiteral("Gamma") }) {
            ConversationSummary c;
            c.title = title;
            ids << store.createConversation(c).result().id;
        }
        ConversationList list;
        list.setHistoryStore(&store);
        QTRY_COMPARE(list.model()->rowCount(), 3);

        // Undone in time: nothing is purged.
        list.deleteConversation(ids.at(0));
        list.undoDelete();
        QTRY_COMPARE(store.conversations().result().size(), 3);

        // A second deletion takes the bar: the first can no longer come back and goes at once;
        // the second stays in the store while its undo is offered.
        list.setUndoTimeout(60 * 1000);
        list.deleteConversation(ids.at(0));
        list.deleteConversation(ids.at(1));
        QTRY_VERIFY(!stored(store, ids.at(0), QStringLiteral("Alpha")));
        QVERIFY(stored(store, ids.at(1), QStringLiteral("Beta")));
        list.undoDelete();
        QTRY_COMPARE(list.model()->rowCount(), 2);
        QTRY_COMPARE(store.conversations().result().size(), 2);

        // The bar times out: purged for good.
        list.setUndoTimeout(50);
        list.deleteConversation(ids.at(1));
        QVERIFY(stored(store, ids.at(1), QStringLiteral("Beta")));
        QTRY_VERIFY(!list.isUndoBarVisible());
        QTRY_VERIFY(!stored(store, ids.at(1), QStringLiteral("Beta")));
        QVERIFY(stored(store, ids.at(2), QStringLiteral("Gamma")));
        QCOMPARE(store.conversations().result().size(), 1);
    }
};

QTEST_MAIN(TestConversationList)
#include "tst_conversationlist.moc"
