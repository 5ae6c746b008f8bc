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
//   nothing, and does not export its accessibleName, so a combo needs a label whose buddy it is,
//   a sibling that AT-SPI reports as LABELLED_BY (found by QA on the real AT-SPI bus: Size,
//   Background and the toolbar's boxes were announced as "Auto, combo box"), or, where no label
//   is shown (the Library's filters), an accessibleDescription, which AT-SPI exports and Orca
//   reads after the value. A tab's name is its text, a menu action's its text without the "&".
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
//
// Each turn of the conversation is read out through the view's own accessible interface: its
// prompt as the row's name, what is shown under it (status, answer, images, cost) as the row's
// description (QA defect D6: only the prompt was heard).
#include "chat/chatsession.h"
#include "chat/conversationmodel.h"
#include "comparewindow.h"
#include "conversationlist.h"
#include "conversationsdock.h"
#include "conversationview.h"
#include "librarymodel.h"
#include "librarywindow.h"
#include "mainwindow.h"
#include "model/turntext.h"
#include "providerswitcher.h"
#include "ui/demowindowfixture.h"

#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStyle>
#include <QTabBar>
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
    if (!qobject_cast<QComboBox *>(widget)) // see the header comment
        name = iface->text(QAccessible::Name);
    if (name.trimmed().isEmpty()) {
        const auto labels = iface->relations(QAccessible::Label);
        for (const auto &relation : labels) {
            name = relation.first->text(QAccessible::Name);
            if (!name.trimmed().isEmpty())
                break;
        }
    }
    if (name.trimmed().isEmpty() && qobject_cast<QComboBox *>(widget))
        name = widget->accessibleDescription();
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

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void conversationTurnsAreDescribed();
    void everyControlIsNamed_data();
    void everyControlIsNamed();
    void everyMenuActionIsNamed_data();
    void everyMenuActionIsNamed();
    void auditFindsWhatIsMissing();

private:
    QWidget *subject(const QString &key) { return m_fixture.subject(key); }
    QMenu *contextMenu(const QString &key);

    DemoWindowFixture m_fixture;
};

void TestAccessibility::initTestCase()
{
    DemoWindowFixture::quietOffscreenWarnings();
    m_fixture.setUp();
}

void TestAccessibility::cleanupTestCase()
{
    m_fixture.tearDown();
}

void TestAccessibility::conversationTurnsAreDescribed()
{
    auto *view = m_fixture.window()->findChild<ConversationView *>();
    QVERIFY(view);
    QAccessibleInterface *list = QAccessible::queryAccessibleInterface(view);
    QVERIFY(list && list->tableInterface());
    const ConversationModel *model = m_fixture.session()->model();
    QCOMPARE(list->tableInterface()->rowCount(), model->rowCount());
    for (int row = 0; row < model->rowCount(); ++row) {
        const Turn &turn = model->turnAt(row);
        QAccessibleInterface *cell = list->tableInterface()->cellAt(row, 0);
        QVERIFY(cell);
        QCOMPARE(cell->text(QAccessible::Name), turn.prompt);
        const QString description = cell->text(QAccessible::Description);
        QCOMPARE(description, ConversationModel::accessibleDescription(turn));
        const QStringList lines = description.split(QLatin1Char('\n'));
        QCOMPARE(lines.constFirst(), Turn::statusText(Turn::Status::Done));
        QVERIFY2(lines.size() >= 3, qPrintable(description));
        // The images with their size, and the usage line with the cost, as the view shows them.
        QVERIFY(!turn.images.isEmpty() && turn.images.constFirst().pixelSize.isValid());
        QVERIFY2(description.contains(TurnText::pixelSize(turn.images.constFirst().pixelSize)),
                 qPrintable(description));
        QCOMPARE(lines.constLast(), TurnText::usageLine(turn));
        QVERIFY2(lines.constLast().contains(turn.cost.formatted()), qPrintable(description));
    }
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
        auto *view = m_fixture.window()->findChild<ConversationView *>();
        const QModelIndex row = view->model()->index(0, 0);
        view->scrollTo(row);
        QApplication::processEvents();
        return view->createContextMenu(view->imageRect(row, 0).center());
    }
    if (key == QLatin1String("conversation turn")) {
        auto *view = m_fixture.window()->findChild<ConversationView *>();
        const QModelIndex row = view->model()->index(0, 0);
        view->scrollTo(row);
        QApplication::processEvents();
        return view->createContextMenu(view->visualRect(row).topLeft() + QPoint(4, 4));
    }
    if (key == QLatin1String("conversation list")) {
        auto *list = m_fixture.window()->conversationsDock()->list()->findChild<QListView *>(
            QStringLiteral("conversationListView"));
        if (!list || list->model()->rowCount() == 0)
            return nullptr;
        return m_fixture.window()->conversationsDock()->createContextMenu(
            list->visualRect(list->model()->index(0, 0)).center());
    }
    if (key == QLatin1String("library cell")) {
        LibraryWindow *library = m_fixture.window()->libraryWindow();
        if (library->model()->rowCount() == 0)
            return nullptr;
        return library->createContextMenu(
            library->view()->visualRect(library->model()->index(0, 0)).center());
    }
    if (key == QLatin1String("provider and model switcher")) {
        auto *switcher = m_fixture.window()->findChild<ProviderSwitcher *>();
        return switcher ? switcher->createQuickMenu(m_fixture.window()) : nullptr;
    }
    if (key == QLatin1String("compare cell")) {
        auto *compare = m_fixture.window()->findChild<CompareWindow *>();
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
    named->setAccessibleDescription(QStringLiteral("Quality")); // no label beside it
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
