// Issue #8: every control a designer meets has an accessible name and, where it shows no text of
// its own, a tooltip. The real windows and dialogs are built offscreen against the offline demo
// gateway with a temporary data folder and a history store (so the Conversations dock and the
// Library exist), after two turns with images, and every visible interactive control is audited.
//
// The rule, per control (one row per window or dialog, or per menu):
// - Audited: visible QAbstractButton (QPushButton, QToolButton, QCheckBox, ...), QComboBox,
//   QLineEdit, QAbstractSpinBox, QAbstractSlider, QAbstractItemView, QTextEdit and
//   QPlainTextEdit; each tab of a visible QTabBar; each action of the menu bar's menus and of the
//   context menus. Left out: Qt's own parts of a control, which Qt names itself: scroll bars,
//   header views, the line edit inside a combo or spin box, the scroll buttons of a tab bar, the
//   line edit's clear button, and every widget whose objectName starts with "qt_" (the tool bar's
//   extension button, a dock's float and close buttons).
// - Name: what a screen reader announces, QAccessible::queryAccessibleInterface(widget)->text(
//   QAccessible::Name), which falls back to a button's text and to a label whose buddy the
//   control is; when that is empty, the label Qt relates to it (QAccessible::Label). A combo box
//   is the exception: on Linux Qt reports its current value ("Auto") as its Name, which names
//   nothing, so a combo needs its own accessibleName or a label. A tab's name is its text, a
//   menu action's its text without the "&".
// - Tooltip: required of every control without visible text of its own: combos, fields, spin
//   boxes, sliders, views, text areas and buttons that show only an icon or a symbol ("×",
//   "…"). widget->toolTip() counts, or for a tool button its default action's toolTip(). A button
//   showing words ("Cancel", "Send", a check box's label) needs none, nor does a tab with text or
//   a menu action. An item view may carry an accessibleDescription instead of a tooltip, which
//   would pop up over all of its content (the conversation's images).
// - Every name and tooltip says something (has a letter or digit: not just punctuation or an
//   ellipsis) and reads as words, not as a stray internal identifier: no "_", not the control's
//   objectName, no camelCase word such as "promptEdit".
// A failure names the window, the control (class and objectName, or its place and text when it
// has no objectName) and what is missing. EASEL_ACCESSIBILITY_LIST=1 logs every control audited
// with the name, the words it shows and the tooltip the audit found.
#include "autosavedialog.h"
#include "chat/chatsession.h"
#include "chat/providerregistry.h"
#include "comparesetuppanel.h"
#include "comparewindow.h"
#include "composer.h"
#include "conversationlist.h"
#include "conversationsdock.h"
#include "conversationview.h"
#include "demo/demogateway.h"
#include "detailsdialog.h"
#include "editingcontroller.h"
#include "imagepairdialog.h"
#include "imageviewer.h"
#include "keyboardshortcutsdialog.h"
#include "librarymodel.h"
#include "librarywindow.h"
#include "mainwindow.h"
#include "maskeditordialog.h"
#include "providersdialog.h"
#include "providerswitcher.h"
#include "store/historystore.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QToolButton>

#include <memory>

namespace {

QString plain(const QString &text)
{
    QString result = text;
    result.remove(QLatin1Char('&')); // mnemonics
    if (Qt::mightBeRichText(result))
        result = QTextDocumentFragment::fromHtml(result).toPlainText();
    return result.simplified();
}

// "…", "×", "+" and "—" alone say nothing to anyone.
bool saysSomething(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

// Why `text` reads as an identifier left over from the code rather than as words; "" when not.
QString identifierProblem(const QString &shown, const QString &objectName)
{
    // File names and addresses come from the designer ("Remove my_ref.png"): not the code's.
    static const QRegularExpression userData(
        QStringLiteral("\\S+\\.(png|jpe?g|webp|gif)\\b|\\S+://\\S+"),
        QRegularExpression::CaseInsensitiveOption);
    const QString text = QString(shown).remove(userData);
    if (text.contains(QLatin1Char('_')))
        return QStringLiteral("contains \"_\"");
    if (!objectName.isEmpty() && text.compare(objectName, Qt::CaseInsensitive) == 0)
        return QStringLiteral("is its objectName");
    static const QRegularExpression camelCase(QStringLiteral("\\b[a-z]+[A-Z][A-Za-z0-9]*\\b"));
    const QRegularExpressionMatch match = camelCase.match(text);
    if (match.hasMatch())
        return QStringLiteral("contains the identifier \"%1\"").arg(match.captured());
    return {};
}

bool isQtPart(QWidget *widget)
{
    if (widget->objectName().startsWith(QLatin1String("qt_")))
        return true;
    if (qobject_cast<QScrollBar *>(widget))
        return true;
    QWidget *parent = widget->parentWidget();
    if (!parent)
        return false;
    // A table's headers and its select-all corner button.
    if (qobject_cast<QAbstractItemView *>(parent)
        && (qobject_cast<QHeaderView *>(widget) || widget->inherits("QTableCornerButton")))
        return true;
    if (qobject_cast<QComboBox *>(parent) || qobject_cast<QAbstractSpinBox *>(parent)
        || qobject_cast<QTabBar *>(parent))
        return true;
    // The line edit's clear button (its action is Qt's "_q_qlineeditclearaction").
    if (auto *tool = qobject_cast<QToolButton *>(widget); tool && qobject_cast<QLineEdit *>(parent)
        && tool->defaultAction()
        && tool->defaultAction()->objectName().startsWith(QLatin1String("_q_")))
        return true;
    return false;
}

bool isInteractive(QWidget *widget)
{
    return qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget)
        || qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
        || qobject_cast<QAbstractSlider *>(widget) || qobject_cast<QAbstractItemView *>(widget)
        || qobject_cast<QTextEdit *>(widget) || qobject_cast<QPlainTextEdit *>(widget);
}

// The rule's name: see the header comment.
QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    if (!iface)
        return {};
    QString name;
    if (qobject_cast<QComboBox *>(widget))
        name = widget->accessibleName();
    else
        name = iface->text(QAccessible::Name);
    if (name.trimmed().isEmpty()) {
        const auto labels = iface->relations(QAccessible::Label);
        for (const auto &relation : labels) {
            name = relation.first->text(QAccessible::Name);
            if (!name.trimmed().isEmpty())
                break;
        }
    }
    return plain(name);
}

// The words a control shows by itself; "" for fields, combos, views and icon-only buttons.
QString visibleText(QWidget *widget)
{
    auto *button = qobject_cast<QAbstractButton *>(widget);
    if (!button)
        return {};
    if (auto *tool = qobject_cast<QToolButton *>(button)) {
        Qt::ToolButtonStyle style = tool->toolButtonStyle();
        if (style == Qt::ToolButtonFollowStyle)
            style = Qt::ToolButtonStyle(
                tool->style()->styleHint(QStyle::SH_ToolButtonStyle, nullptr, tool));
        const bool hasPicture = !tool->icon().isNull() || tool->arrowType() != Qt::NoArrow;
        if (hasPicture && style == Qt::ToolButtonIconOnly)
            return {};
    }
    const QString text = plain(button->text());
    return saysSomething(text) ? text : QString();
}

QString toolTipOf(QWidget *widget)
{
    QString tip = widget->toolTip();
    if (tip.isEmpty()) {
        if (auto *tool = qobject_cast<QToolButton *>(widget); tool && tool->defaultAction())
            tip = tool->defaultAction()->toolTip();
    }
    return plain(tip);
}

// "QComboBox \"qualityCombo\"", or for a control without an objectName where it sits and what it
// shows, so that it can be found in the code.
QString describe(QWidget *widget)
{
    const QString className = QString::fromLatin1(widget->metaObject()->className());
    if (!widget->objectName().isEmpty())
        return QStringLiteral("%1 \"%2\"").arg(className, widget->objectName());
    QString where = QStringLiteral("the window");
    for (QWidget *parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
        if (!parent->objectName().isEmpty() || parent->isWindow()) {
            where = QStringLiteral("%1 \"%2\"")
                        .arg(QString::fromLatin1(parent->metaObject()->className()),
                             parent->objectName());
            break;
        }
    }
    QString shows;
    if (auto *button = qobject_cast<QAbstractButton *>(widget))
        shows = QStringLiteral(", text \"%1\"").arg(button->text());
    else if (auto *line = qobject_cast<QLineEdit *>(widget))
        shows = QStringLiteral(", placeholder \"%1\"").arg(line->placeholderText());
    return QStringLiteral("%1 without objectName in %2%3").arg(className, where, shows);
}

// Collects every problem of one window, so that one run lists all that is left to fix.
struct Audit
{
    QString window;
    QStringList problems;
    int checked = 0;

    // Qt Test cuts long messages: each problem goes to the log, the failure names the first.
    void verify() const
    {
        for (const QString &line : problems)
            qWarning("%s", qPrintable(line));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problem(s), listed above; the first: %2")
                                .arg(problems.size())
                                .arg(problems.value(0))));
    }

    void problem(const QString &control, const QString &what)
    {
        problems << QStringLiteral("%1: %2: %3").arg(window, control, what);
    }

    void checkText(const QString &control, const QString &kind, const QString &text,
                   const QString &objectName)
    {
        if (!saysSomething(text)) {
            problem(control,
                    text.isEmpty()
                        ? QStringLiteral("no %1").arg(kind)
                        : QStringLiteral("%1 \"%2\" is only punctuation").arg(kind, text));
            return;
        }
        const QString identifier = identifierProblem(text, objectName);
        if (!identifier.isEmpty())
            problem(control, QStringLiteral("%1 \"%2\" %3").arg(kind, text, identifier));
    }

    void widget(QWidget *control)
    {
        ++checked;
        const QString what = describe(control);
        if (qEnvironmentVariableIsSet("EASEL_ACCESSIBILITY_LIST"))
            qInfo("  %s | name=%s | visible=%s | tip=%s", qPrintable(what),
                  qPrintable(accessibleName(control)), qPrintable(visibleText(control)),
                  qPrintable(toolTipOf(control)));
        checkText(what, QStringLiteral("accessible name"), accessibleName(control),
                  control->objectName());
        if (visibleText(control).isEmpty()) {
            const QString tip = toolTipOf(control);
            // A view may describe itself to screen readers instead: a tooltip would pop up over
            // all of its content, e.g. every image of the conversation.
            const QString description = qobject_cast<QAbstractItemView *>(control)
                ? control->accessibleDescription()
                : QString();
            if (tip.isEmpty() && description.isEmpty())
                problem(what, QStringLiteral("no tooltip (it shows no words of its own)"));
            else
                checkText(what,
                          tip.isEmpty() ? QStringLiteral("description") : QStringLiteral("tooltip"),
                          tip.isEmpty() ? description : tip, control->objectName());
        }
    }

    void tabs(QTabBar *bar)
    {
        for (int i = 0; i < bar->count(); ++i) {
            if (!bar->isTabVisible(i))
                continue;
            ++checked;
            const QString what = QStringLiteral("tab %1 of %2").arg(i).arg(describe(bar));
            const QString text = plain(bar->tabText(i));
            if (saysSomething(text))
                checkText(what, QStringLiteral("text"), text, bar->objectName());
            else
                checkText(what, QStringLiteral("tab tooltip"), plain(bar->tabToolTip(i)),
                          bar->objectName());
        }
    }

    // The actions of a menu or a menu bar, and of their submenus.
    void menu(QWidget *menu, const QString &path)
    {
        const QList<QAction *> actions = menu->actions();
        for (QAction *action : actions) {
            if (action->isSeparator() || !action->isVisible())
                continue;
            ++checked;
            const QString text = plain(action->text());
            const QString what = QStringLiteral("menu action %1 \"%2\"%3")
                                     .arg(path, action->text(),
                                          action->objectName().isEmpty()
                                              ? QString()
                                              : QStringLiteral(" (%1)").arg(action->objectName()));
            checkText(what, QStringLiteral("text"), text, action->objectName());
            if (action->menu())
                this->menu(action->menu(), path + text + QStringLiteral(" > "));
        }
    }

    // Every visible control of `root`'s own window under `root`, and its menu bar.
    void tree(QWidget *root)
    {
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        for (QWidget *control : std::as_const(widgets)) {
            if (control->window() != root->window() || !control->isVisible() || isQtPart(control))
                continue;
            if (auto *bar = qobject_cast<QTabBar *>(control))
                tabs(bar);
            else if (auto *menuBar = qobject_cast<QMenuBar *>(control))
                menu(menuBar, {});
            else if (isInteractive(control))
                widget(control);
        }
    }
};

QString writePng(const QString &path, QSize size, QColor colour)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(colour);
    return image.save(path, "PNG") ? path : QString();
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void everyControlIsNamed_data();
    void everyControlIsNamed();
    void everyMenuActionIsNamed_data();
    void everyMenuActionIsNamed();
    void auditFindsWhatIsMissing();

private:
    void sendPrompt(const QString &text);
    QWidget *subject(const QString &key);
    QMenu *contextMenu(const QString &key);
    template<typename T> T *showOwned(T *dialog);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProviderRegistry> m_registry;
    std::unique_ptr<DemoGateway> m_demo;
    std::unique_ptr<HistoryStore> m_store; // outlives the session, which saves into it
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    QString m_extraConversation; // deleted for the dock's undo bar
    QString m_referencePath;
};

void TestAccessibility::initTestCase()
{
    qputenv("EASEL_NO_KEYCHAIN", "1");
    // The offscreen platform's size-hint warnings would bury the problems this test lists.
    static const QtMessageHandler testHandler = qInstallMessageHandler(nullptr);
    qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (!message.contains(QLatin1String("does not support propagateSizeHints"))
                && !message.contains(QLatin1String("does not support raise()")))
                testHandler(type, context, message);
        });
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(m_dir->filePath("settings.ini"));
    m_secrets = std::make_unique<SecretStore>();
    m_registry = std::make_unique<ProviderRegistry>(m_settings.get(), m_secrets.get());
    m_demo = std::make_unique<DemoGateway>();
    m_demo->setPacing(1);
    QVERIFY(m_demo->start());
    m_registry->setDemoBaseUrl(m_demo->baseUrl());

    m_store = std::make_unique<HistoryStore>(m_dir->filePath("history.sqlite"));
    QVERIFY(m_store->open().result().ok);
    ConversationSummary extra;
    extra.title = QStringLiteral("Old sketches");
    m_extraConversation = m_store->createConversation(extra).result().id;
    QVERIFY(!m_extraConversation.isEmpty());

    ChatSession::Options options;
    options.imageRoot = m_dir->filePath("data/images");
    options.previewRoot = m_dir->filePath("previews");
    m_session = std::make_unique<ChatSession>(m_registry->profile("demo"), options);
    m_session->setHistory(m_store.get());
    m_window = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
    m_window->setProviderRegistry(m_registry.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setHistoryStore(m_store.get());

    // Turns with images: the per-image menu, the library, the pair and details dialogs.
    sendPrompt(QStringLiteral("a lighthouse at dusk"));
    sendPrompt(QStringLiteral("the same lighthouse in fog"));
    const ConversationModel *model = m_session->model();
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(!model->turnAt(0).images.isEmpty());
    QVERIFY(!model->turnAt(1).images.isEmpty());

    // The composer with all it can show: an attachment, the edit target and its mask.
    m_referencePath = writePng(m_dir->filePath("reference sketch.png"), QSize(40, 30), Qt::red);
    auto *composer = m_window->findChild<Composer *>();
    QVERIFY(composer);
    QVERIFY(composer->addAttachment(m_referencePath));
    auto *editing = m_window->findChild<EditingController *>();
    QVERIFY(editing);
    const Turn &first = model->turnAt(0);
    QVERIFY(editing->editImage({ first.id, first.images.first().itemId }));
    const QString mask
        = writePng(m_dir->filePath("mask.png"), first.images.first().pixelSize, Qt::transparent);
    composer->setMask(mask, composer->editTargetFile(), QStringLiteral("100% may change"));
}

void TestAccessibility::cleanupTestCase()
{
    m_window.reset();
    m_session.reset();
    m_store.reset();
    m_demo.reset();
    m_registry.reset();
    m_secrets.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestAccessibility::sendPrompt(const QString &text)
{
    auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
    QVERIFY(prompt);
    prompt->setFocus();
    QTest::keyClicks(prompt, text);
    QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY2(finished.wait(30000), qPrintable(m_window->statusBar()->currentMessage()));
    const Turn &turn = m_session->model()->turnAt(m_session->model()->rowCount() - 1);
    QVERIFY2(turn.status == Turn::Status::Done, qPrintable(turn.errorMessage));
}

template<typename T> T *TestAccessibility::showOwned(T *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
}

// The widget a row audits, put in the state that shows the most controls.
QWidget *TestAccessibility::subject(const QString &key)
{
    const ConversationModel *model = m_session->model();
    if (key == QLatin1String("main window"))
        return m_window.get();
    if (key == QLatin1String("image settings, custom size")) {
        auto *size = m_window->findChild<QComboBox *>(QStringLiteral("sizeCombo"));
        if (!size)
            return nullptr;
        size->setCurrentIndex(size->findData(QStringLiteral("custom")));
        auto *panel = m_window->findChild<QWidget *>(QStringLiteral("parameterPanel"));
        auto *custom = m_window->findChild<QLineEdit *>(QStringLiteral("customSizeEdit"));
        return custom && custom->isVisible() ? panel : nullptr;
    }
    if (key == QLatin1String("composer"))
        return m_window->findChild<Composer *>();
    if (key == QLatin1String("conversations dock"))
        return m_window->conversationsDock();
    if (key == QLatin1String("conversations dock, search results")) {
        ConversationList *list = m_window->conversationsDock()->list();
        list->setSearchText(QStringLiteral("lighthouse"));
        if (!QTest::qWaitFor([list] { return list->hitModel()->rowCount() > 0; }, 10000))
            return nullptr;
        return m_window->conversationsDock();
    }
    if (key == QLatin1String("conversations dock, undo bar")) {
        ConversationList *list = m_window->conversationsDock()->list();
        list->setSearchText({});
        list->setUndoTimeout(600000);
        if (!list->isUndoBarVisible())
            list->deleteConversation(m_extraConversation);
        if (!QTest::qWaitFor([list] { return list->isUndoBarVisible(); }, 5000))
            return nullptr;
        return m_window->conversationsDock();
    }
    if (key == QLatin1String("library")) {
        LibraryWindow *library = m_window->libraryWindow();
        auto *show = m_window->findChild<QAction *>(QStringLiteral("showLibraryAction"));
        if (!library || !show)
            return nullptr;
        show->trigger();
        if (!QTest::qWaitForWindowExposed(library))
            return nullptr;
        if (!QTest::qWaitFor([library] { return library->model()->rowCount() >= 2; }, 10000))
            return nullptr;
        return library;
    }
    if (key == QLatin1String("compare window")) {
        auto *open = m_window->findChild<QAction *>(QStringLiteral("compareAction"));
        if (!open)
            return nullptr;
        open->trigger();
        auto *compare = m_window->findChild<CompareWindow *>();
        if (!compare || !QTest::qWaitForWindowExposed(compare))
            return nullptr;
        if (!compare->run()) {
            // Three axes, so that the grid shows its panels as tabs.
            compare->setupPanel()->setAxes(
                { { CompareAxis::Parameter::Quality, { "low", "high" } },
                  { CompareAxis::Parameter::Size, { "1024x1024" } },
                  { CompareAxis::Parameter::OutputFormat, { "png", "jpeg" } } });
            QSignalSpy finished(compare, &CompareWindow::runFinished);
            if (!compare->startRun() || !finished.wait(30000))
                return nullptr;
        }
        return compare;
    }
    if (key == QLatin1String("compare window, prompt axis")) {
        auto *compare = m_window->findChild<CompareWindow *>();
        if (!compare || compare->isRunning())
            return nullptr;
        compare->setupPanel()->setAxes(
            { { CompareAxis::Parameter::Prompt, { "a lighthouse", "a windmill" } } });
        auto *prompts = compare->findChild<QPlainTextEdit *>(QStringLiteral("axisPrompts"));
        return prompts && prompts->isVisible() ? compare : nullptr;
    }
    if (key.startsWith(QLatin1String("providers dialog"))) {
        auto *open = m_window->findChild<QAction *>(QStringLiteral("providersAction"));
        if (!open)
            return nullptr;
        open->trigger();
        auto *dialog = m_window->findChild<ProvidersDialog *>();
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        // A custom endpoint shows the fields a built-in gateway hides.
        dialog->selectProfile(key.endsWith(QLatin1String("custom")) ? QStringLiteral("custom")
                                                                    : QStringLiteral("openai"));
        return dialog;
    }
    if (key == QLatin1String("auto-save dialog")) {
        auto *open = m_window->findChild<QAction *>(QStringLiteral("autoSaveAction"));
        if (!open)
            return nullptr;
        open->trigger();
        auto *dialog = m_window->findChild<AutoSaveDialog *>();
        return dialog && QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }
    const Turn &first = model->turnAt(0);
    const Turn &second = model->turnAt(1);
    if (key == QLatin1String("mask editor")) {
        QImage image(first.images.first().filePath);
        return showOwned(new MaskEditorDialog(image, {}, m_window.get()));
    }
    if (key == QLatin1String("image viewer")) {
        auto *viewer = showOwned(new ImageViewer(first.images.first().filePath, m_window.get()));
        if (!viewer || !QTest::qWaitFor([viewer] { return viewer->isLoaded(); }, 10000))
            return nullptr;
        return viewer;
    }
    if (key.startsWith(QLatin1String("image pair dialog"))) {
        auto *dialog = showOwned(new ImagePairDialog(first, 0, second, 0, {}, {}, m_window.get()));
        if (dialog && key.endsWith(QLatin1String("difference")))
            dialog->setMode(ImagePairView::Mode::Difference); // shows Amplify
        return dialog;
    }
    if (key == QLatin1String("keyboard shortcuts dialog")) {
        auto *open = m_window->findChild<QAction *>(QStringLiteral("keyboardShortcutsAction"));
        if (!open)
            return nullptr;
        open->trigger();
        auto *dialog = m_window->findChild<KeyboardShortcutsDialog *>();
        return dialog && QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }
    if (key == QLatin1String("details dialog"))
        return showOwned(new DetailsDialog(first, first.images.first(), m_window.get()));
    return nullptr;
}

void TestAccessibility::everyControlIsNamed_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<int>("atLeast"); // controls audited: a walk that finds none cannot fail

    QTest::newRow("main window") << "main window" << 25;
    QTest::newRow("image settings, custom size") << "image settings, custom size" << 12;
    QTest::newRow("composer") << "composer" << 5;
    QTest::newRow("conversations dock") << "conversations dock" << 2;
    QTest::newRow("conversations dock, search results")
        << "conversations dock, search results" << 2;
    QTest::newRow("conversations dock, undo bar") << "conversations dock, undo bar" << 3;
    QTest::newRow("library") << "library" << 8;
    QTest::newRow("compare window") << "compare window" << 10;
    QTest::newRow("compare window, prompt axis") << "compare window, prompt axis" << 10;
    QTest::newRow("providers dialog") << "providers dialog" << 10;
    QTest::newRow("providers dialog, custom") << "providers dialog, custom" << 10;
    QTest::newRow("auto-save dialog") << "auto-save dialog" << 4;
    QTest::newRow("mask editor") << "mask editor" << 8;
    QTest::newRow("image viewer") << "image viewer" << 4;
    QTest::newRow("image pair dialog") << "image pair dialog" << 6;
    QTest::newRow("image pair dialog, difference") << "image pair dialog, difference" << 7;
    QTest::newRow("details dialog") << "details dialog" << 2;
    QTest::newRow("keyboard shortcuts dialog") << "keyboard shortcuts dialog" << 2;
}

void TestAccessibility::everyControlIsNamed()
{
    QFETCH(QString, subject);
    QFETCH(int, atLeast);
    QWidget *root = this->subject(subject);
    QVERIFY2(root, qPrintable(QStringLiteral("%1 could not be opened").arg(subject)));
    Audit audit { subject, {}, 0 };
    audit.tree(root);
    qInfo("%s: %d controls audited", qPrintable(subject), audit.checked);
    QVERIFY2(audit.checked >= atLeast,
             qPrintable(QStringLiteral("%1: only %2 controls found, expected at least %3")
                            .arg(subject)
                            .arg(audit.checked)
                            .arg(atLeast)));
    audit.verify();
}

// The context menus built for a point of a view (their owners show them with popup()).
QMenu *TestAccessibility::contextMenu(const QString &key)
{
    if (key == QLatin1String("conversation image")) {
        auto *view = m_window->findChild<ConversationView *>();
        const QModelIndex row = view->model()->index(0, 0);
        view->scrollTo(row);
        QApplication::processEvents();
        return view->createContextMenu(view->imageRect(row, 0).center());
    }
    if (key == QLatin1String("conversation turn")) {
        auto *view = m_window->findChild<ConversationView *>();
        const QModelIndex row = view->model()->index(0, 0);
        view->scrollTo(row);
        QApplication::processEvents();
        return view->createContextMenu(view->visualRect(row).topLeft() + QPoint(4, 4));
    }
    if (key == QLatin1String("conversation list")) {
        auto *list = m_window->conversationsDock()->list()->findChild<QListView *>(
            QStringLiteral("conversationListView"));
        if (!list || list->model()->rowCount() == 0)
            return nullptr;
        return m_window->conversationsDock()->createContextMenu(
            list->visualRect(list->model()->index(0, 0)).center());
    }
    if (key == QLatin1String("library cell")) {
        LibraryWindow *library = m_window->libraryWindow();
        if (library->model()->rowCount() == 0)
            return nullptr;
        return library->createContextMenu(
            library->view()->visualRect(library->model()->index(0, 0)).center());
    }
    if (key == QLatin1String("provider and model switcher")) {
        auto *switcher = m_window->findChild<ProviderSwitcher *>();
        return switcher ? switcher->createQuickMenu(m_window.get()) : nullptr;
    }
    if (key == QLatin1String("compare cell")) {
        auto *compare = m_window->findChild<CompareWindow *>();
        return compare ? compare->createContextMenu(0) : nullptr;
    }
    return nullptr;
}

void TestAccessibility::everyMenuActionIsNamed_data()
{
    QTest::addColumn<QString>("menu");
    QTest::addColumn<int>("atLeast");

    // After everyControlIsNamed, which opened the library and ran the compare grid.
    QTest::newRow("conversation image") << "conversation image" << 5;
    QTest::newRow("conversation turn") << "conversation turn" << 3;
    QTest::newRow("conversation list") << "conversation list" << 4;
    QTest::newRow("library cell") << "library cell" << 2;
    QTest::newRow("compare cell") << "compare cell" << 2;
    QTest::newRow("provider and model switcher") << "provider and model switcher" << 8;
}

void TestAccessibility::everyMenuActionIsNamed()
{
    QFETCH(QString, menu);
    QFETCH(int, atLeast);
    std::unique_ptr<QMenu> shown(contextMenu(menu));
    QVERIFY2(shown, qPrintable(QStringLiteral("no %1 menu").arg(menu)));
    Audit audit { menu + QStringLiteral(" menu"), {}, 0 };
    audit.menu(shown.get(), {});
    qInfo("%s menu: %d actions audited", qPrintable(menu), audit.checked);
    QVERIFY(audit.checked >= atLeast);
    audit.verify();
}

// The audit itself: each kind of gap is reported, a labelled control passes.
void TestAccessibility::auditFindsWhatIsMissing()
{
    QWidget window;
    window.setObjectName(QStringLiteral("probeWindow"));
    auto *named = new QComboBox(&window);
    named->setAccessibleName(QStringLiteral("Quality"));
    named->setToolTip(QStringLiteral("Higher quality costs more"));
    named->addItem(QStringLiteral("Auto"));
    auto *unnamed = new QComboBox(&window);
    unnamed->setObjectName(QStringLiteral("bareCombo"));
    unnamed->addItem(QStringLiteral("Auto")); // its value is not its name
    auto *icon = new QToolButton(&window);
    icon->setObjectName(QStringLiteral("iconButton"));
    icon->setText(QStringLiteral(u"×"));
    auto *identifier = new QLineEdit(&window);
    identifier->setObjectName(QStringLiteral("rawField"));
    identifier->setAccessibleName(QStringLiteral("rawField"));
    identifier->setToolTip(QStringLiteral("Sets input_fidelity"));
    auto *words = new QPushButton(QStringLiteral("Cancel"), &window);
    words->setObjectName(QStringLiteral("cancelButton"));
    auto *remove = new QToolButton(&window); // user data may hold "_"
    remove->setIcon(QApplication::style()->standardIcon(QStyle::SP_DialogCloseButton));
    remove->setAccessibleName(QStringLiteral("Remove my_ref.png"));
    remove->setToolTip(QStringLiteral("Remove my_ref.png from https://example.com/a_b"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    Audit audit { QStringLiteral("probe"), {}, 0 };
    audit.tree(&window);
    QCOMPARE(audit.checked, 6);
    const QString all = audit.problems.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("QComboBox \"bareCombo\": no accessible name")),
             qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("QComboBox \"bareCombo\": no tooltip")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral(u"QToolButton \"iconButton\": accessible name \"×\" is "
                                         u"only punctuation")),
             qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("QToolButton \"iconButton\": no tooltip")),
             qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("accessible name \"rawField\" is its objectName")),
             qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("tooltip \"Sets input_fidelity\" contains \"_\"")),
             qPrintable(all));
    QCOMPARE(audit.problems.size(), 6); // the named combo, "Cancel" and the icon button pass
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
