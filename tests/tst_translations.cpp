// Translations (issue #8 §4): the .ts files in translations/ hold every translatable string of
// the sources (lupdate run now finds nothing new), English is complete (its plural forms), the
// compiled English file gives "1 image" / "2 images", and under a pseudo-translation of every
// string the main window, its menus and dialogs show no text that did not go through tr(): a
// string a translator could never reach.
#include "chat/chatsession.h"
#include "keyboardshortcutsdialog.h"
#include "mainwindow.h"
#include "store/historystore.h"
#include "store/settings.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>
#include <QXmlStreamReader>

#include <memory>

namespace {

const QString sourceDir = QStringLiteral(EASEL_SOURCE_DIR);
const QString lupdate = QStringLiteral(EASEL_LUPDATE);
const QString lrelease = QStringLiteral(EASEL_LRELEASE);
const QStringList sources { QStringLiteral("app"), QStringLiteral("ui"),
                            QStringLiteral("desktop") };

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool run(const QString &program, const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setWorkingDirectory(sourceDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool ok = process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
    *output = QString::fromLocal8Bit(process.readAll());
    return ok;
}

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList forms; // the translation, or its plural forms
};

QList<Message> readTs(const QString &path)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message { context,
                                {},
                                xml.attributes().value("numerus") == QLatin1String("yes") };
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.unfinished = xml.attributes().value("type") == QLatin1String("unfinished");
            if (!current.numerus)
                current.forms << xml.readElementText();
            else
                messages.append(current); // forms follow
            if (!current.numerus)
                messages.append(current);
        } else if (name == QLatin1String("numerusform")) {
            messages.last().forms << xml.readElementText();
        }
    }
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    QSet<QString> found;
    static const QRegularExpression pattern(QStringLiteral("%(n|L?[0-9]+)"));
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

// ⟦…⟧ around every translation: text shown without them never went through tr().
QByteArray pseudoTranslation(const QString &templatePath)
{
    QString ts = QString::fromUtf8(readFile(templatePath));
    static const QRegularExpression message(
        QStringLiteral("<source>(.*?)</source>(\\s*)<translation type=\"unfinished\">(.*?)"
                       "</translation>"),
        QRegularExpression::DotMatchesEverythingOption);
    QString result;
    qsizetype last = 0;
    for (auto it = message.globalMatch(ts); it.hasNext();) {
        const auto m = it.next();
        const QString source = m.captured(1);
        QString translation = m.captured(3);
        const QString marked = QStringLiteral("⟦") + source + QStringLiteral("⟧");
        if (translation.contains(QLatin1String("<numerusform>")))
            translation.replace(QStringLiteral("<numerusform></numerusform>"),
                                QStringLiteral("<numerusform>") + marked
                                    + QStringLiteral("</numerusform>"));
        else
            translation = marked;
        result += ts.mid(last, m.capturedStart() - last)
            + QStringLiteral("<source>%1</source>%2<translation>%3</translation>")
                  .arg(source, m.captured(2), translation);
        last = m.capturedEnd();
    }
    result += ts.mid(last);
    return result.toUtf8();
}

// Text that needs no translation: numbers, prices, sizes, symbols, names of things.
bool needsNoTranslation(const QString &text)
{
    static const QRegularExpression letters(QStringLiteral("[A-Za-z]{2,}"));
    return !letters.match(text).hasMatch();
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filesAreUpToDate_data();
    void filesAreUpToDate();
    void englishIsComplete();
    void englishPluralForms();
    void everyShownStringIsTranslatable();

private:
    QTemporaryDir m_dir;
};

void TestTranslations::initTestCase()
{
    qputenv("EASEL_NO_KEYCHAIN", "1");
    QVERIFY(m_dir.isValid());
}

void TestTranslations::filesAreUpToDate_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("template") << "easel.ts" << QStringList();
    QTest::newRow("English") << "easel_en.ts"
                             << QStringList { "-pluralonly", "-source-language", "en",
                                              "-target-language", "en" };
}

void TestTranslations::filesAreUpToDate()
{
    QFETCH(QString, file);
    QFETCH(QStringList, options);
    const QString committed = sourceDir + QStringLiteral("/translations/") + file;
    const QString fresh = m_dir.filePath(file);
    QFile::remove(fresh);
    QVERIFY(QFile::copy(committed, fresh));
    QString output;
    QVERIFY2(run(lupdate,
                 QStringList { "-silent", "-locations", "none", "-no-obsolete" } + options + sources
                     + QStringList { "-ts", fresh },
                 &output),
             qPrintable(output));
    QVERIFY2(output.trimmed().isEmpty(), qPrintable("lupdate warned:\n" + output));

    QStringList added;
    QStringList removed;
    QSet<QString> before;
    QSet<QString> after;
    for (const Message &m : readTs(committed))
        before.insert(m.context + QStringLiteral(": ") + m.source);
    for (const Message &m : readTs(fresh))
        after.insert(m.context + QStringLiteral(": ") + m.source);
    for (const QString &s : after - before)
        added << s;
    for (const QString &s : before - after)
        removed << s;
    QVERIFY2(added.isEmpty() && removed.isEmpty(),
             qPrintable(QStringLiteral("translations/%1 is out of date (run cmake --build <build "
                                       "dir> --target update_translations).\nNew: %2\nGone: %3")
                            .arg(file, added.join(QStringLiteral(" | ")),
                                 removed.join(QStringLiteral(" | ")))));
    QVERIFY(!before.isEmpty());
}

void TestTranslations::englishIsComplete()
{
    const QList<Message> messages = readTs(sourceDir + QStringLiteral("/translations/easel_en.ts"));
    QVERIFY(!messages.isEmpty());
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source;
        QVERIFY2(m.numerus, qPrintable(where + " is in the English file without plural forms"));
        QVERIFY2(!m.unfinished, qPrintable(where + " is unfinished"));
        QVERIFY2(m.forms.size() == 2, qPrintable(where + " needs a singular and a plural form"));
        for (const QString &form : m.forms) {
            QVERIFY2(!form.trimmed().isEmpty(), qPrintable(where + " has an empty form"));
            QVERIFY2(placeholders(form) == placeholders(m.source),
                     qPrintable(where + " → " + form + ": the placeholders differ"));
        }
    }
}

void TestTranslations::englishPluralForms()
{
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(":/i18n/easel_en.qm")));
    QCoreApplication::installTranslator(&english);
    const QString one
        = QCoreApplication::translate("ImageSaver", "Saved %n image(s) to %1", nullptr, 1);
    const QString three
        = QCoreApplication::translate("ImageSaver", "Saved %n image(s) to %1", nullptr, 3);
    const QString exported = QCoreApplication::translate(
        "ConversationsDock", "Exported %1 with %n image(s).", nullptr, 1);
    QCoreApplication::removeTranslator(&english);
    QCOMPARE(one, QStringLiteral("Saved 1 image to %1"));
    QCOMPARE(three, QStringLiteral("Saved 3 images to %1"));
    QCOMPARE(exported, QStringLiteral("Exported %1 with 1 image."));
}

void TestTranslations::everyShownStringIsTranslatable()
{
    const QString ts = m_dir.filePath("pseudo.ts");
    const QString qm = m_dir.filePath("pseudo.qm");
    {
        QFile file(ts);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pseudoTranslation(sourceDir + QStringLiteral("/translations/easel.ts")));
    }
    QString output;
    QVERIFY2(run(lrelease, { "-silent", ts, "-qm", qm }, &output), qPrintable(output));
    QTranslator pseudo;
    QVERIFY(pseudo.load(qm));
    QCoreApplication::installTranslator(&pseudo);

    QTemporaryDir data;
    Settings settings(data.filePath("settings.ini"));
    HistoryStore store(data.filePath("history.sqlite"));
    QVERIFY(store.open().result().ok);
    ChatSession::Options options;
    options.imageRoot = data.filePath("images");
    options.previewRoot = data.filePath("previews");
    ChatSession session(ProviderProfile::builtIn(QStringLiteral("demo")), options);
    session.setHistory(&store);
    {
        MainWindow window(&session, &settings);
        window.setHistoryStore(&store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QAction *>(QStringLiteral("keyboardShortcutsAction"))->trigger();

        // Names of things that are not words to translate: the provider, models, the version.
        const QSet<QString> names { session.provider().displayName, session.provider().chatModel,
                                    QStringLiteral("Easel") };
        QStringList untranslated;
        auto check = [&](const QString &what, const QString &text) {
            const QString plain = QString(text).remove(QLatin1Char('&'));
            if (plain.trimmed().isEmpty() || plain.contains(QStringLiteral("⟦"))
                || needsNoTranslation(plain) || names.contains(plain.trimmed()))
                return;
            untranslated << QStringLiteral("%1: \"%2\"").arg(what, plain);
        };
        const QList<QWidget *> widgets = window.findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            if (!widget->isVisible() && !qobject_cast<QMenu *>(widget))
                continue;
            const QString what = QString::fromLatin1(widget->metaObject()->className())
                + QLatin1Char(' ') + widget->objectName();
            if (widget->isWindow())
                check(what + " title", widget->windowTitle());
            check(what + " tooltip", widget->toolTip());
            if (auto *label = qobject_cast<QLabel *>(widget))
                check(what, label->text());
            // A dialog's standard buttons (Close, Cancel) are Qt's, translated by qtbase_*.qm.
            auto *button = qobject_cast<QAbstractButton *>(widget);
            if (button && !qobject_cast<QDialogButtonBox *>(button->parentWidget()))
                check(what, button->text());
            if (auto *edit = qobject_cast<QLineEdit *>(widget))
                check(what + " placeholder", edit->placeholderText());
            if (auto *edit = qobject_cast<QPlainTextEdit *>(widget))
                check(what + " placeholder", edit->placeholderText());
            if (auto *group = qobject_cast<QGroupBox *>(widget))
                check(what, group->title());
            if (auto *dock = qobject_cast<QDockWidget *>(widget))
                check(what + " title", dock->windowTitle());
            if (auto *tree = qobject_cast<QTreeWidget *>(widget)) {
                for (int i = 0; i < tree->columnCount(); ++i)
                    check(what + " header", tree->headerItem()->text(i));
            }
            if (auto *menu = qobject_cast<QMenu *>(widget)) {
                check(what + " title", menu->title());
                for (QAction *action : menu->actions())
                    check(what + " action", action->text());
            }
        }
        for (QAction *action : window.menuBar()->actions())
            check(QStringLiteral("menu"), action->text());
        QVERIFY2(untranslated.isEmpty(),
                 qPrintable(QStringLiteral("%1 texts never went through tr():\n%2")
                                .arg(untranslated.size())
                                .arg(untranslated.join(QLatin1Char('\n')))));
    }
    QCoreApplication::removeTranslator(&pseudo);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
