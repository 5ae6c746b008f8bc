// Issue #8: Easel follows the system's light or dark palette. The real windows and dialogs are
// built offscreen against the offline demo gateway (DemoWindowFixture: two turns with images, a
// history store, the library, the compare window after a run and every dialog), with a light and
// a dark palette applied with QApplication::setPalette() either before the window is built or at
// run time once everything is shown, as a desktop switching its theme does. Nothing is rebuilt
// after a switch: widgets that work out a colour must do it again on QEvent::PaletteChange.
//
// The rules:
// - Text contrast. Every visible, enabled widget that shows text (QLabel, buttons, check boxes,
//   line edits, non-editable combos, group box titles, tab bars, text areas and item views) in
//   the main window (with its docks, composer and image settings), the library, the compare
//   window, the providers, auto-save, mask editor, image viewer, image pair, details and keyboard
//   shortcuts dialogs: the colour its text is drawn in (its palette's foregroundRole(), or Text
//   for fields, text areas and views) against what it sits on (its own backgroundRole() for the
//   widgets that paint their own panel: fields, buttons, combos, views; otherwise the
//   backgroundRole() of the first ancestor with autoFillBackground(), or of the window) has a
//   WCAG 2 contrast ratio of at least 4.5, in the Active and the Inactive colour group. The same
//   text colour is also held against what the window really paints there (the most frequent
//   colour of the widget's area less its border, in a grab of the window), which catches labels
//   on custom-painted cards. Translucent colours are laid over what is behind them first.
//   Disabled widgets are left out.
//   Error labels are shown on purpose (a bad custom size, a compare axis problem, a providers
//   error, an auto-save problem) since they are the ones that tend to carry a fixed red. Rich
//   text documents (the details dialog) are read fragment by fragment: an explicit colour or cell
//   background counts, the palette's Text and Base otherwise.
// - Style sheets. A widget whose own style sheet names a colour (a #hex, rgb() or named colour
//   in a color, background or border property) fails unless the sheet is made from the palette
//   at run time: switching QApplication's palette to the other one must change the sheet. A
//   rich-text QLabel that sets a colour in its HTML fails too.
// - Painted surfaces. The conversation view, the image settings panel, the composer, the compare
//   grid and the library grid are grabbed; their background (the most frequent colour of a
//   sparse grid of pixels, the images of the conversation left out) has a relative luminance
//   below 0.2 in the dark palette and above 0.6 in the light one. The prompt the delegate draws
//   contrasts with its bubble (the colour farthest from the bubble's fill inside the prompt's
//   text rect, against that fill) and the usage line with the view's background, at least 4.5.
// Overlays drawn on images (a dark pill with white text, the checkerboard behind transparency)
// sit on the picture, not on the palette, and are not audited.
// EASEL_LOOKANDFEEL_SHOTS=<folder> saves a picture of every window as audited;
// EASEL_LOOKANDFEEL_LIST=1 logs every text with its colours and contrast.
#include "chat/chatsession.h"
#include "chat/conversationmodel.h"
#include "comparegrid.h"
#include "comparesetuppanel.h"
#include "comparewindow.h"
#include "composer.h"
#include "conversationview.h"
#include "librarywindow.h"
#include "mainwindow.h"
#include "placeholdercolour.h"
#include "turndelegate.h"
#include "turnlayout.h"
#include "ui/demowindowfixture.h"
#include "viewpalette.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QTextTable>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr double minimumContrast = 4.5; // WCAG 2 AA for body text
constexpr double darkBackground = 0.2; // relative luminance below which a background is dark
constexpr double lightBackground = 0.6;

double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

// WCAG 2 relative luminance of an opaque colour.
double luminance(const QColor &colour)
{
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// `top` laid over the opaque `bottom`.
QColor over(const QColor &top, const QColor &bottom)
{
    const float a = top.alphaF();
    return QColor::fromRgbF(top.redF() * a + bottom.redF() * (1 - a),
                            top.greenF() * a + bottom.greenF() * (1 - a),
                            top.blueF() * a + bottom.blueF() * (1 - a));
}

QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}

// A dark theme as desktops ship it (Breeze Dark, Adwaita dark): grey window, darker fields,
// light text, a blue selection, dimmed disabled roles.
QPalette darkPalette()
{
    QPalette palette;
    for (const QPalette::ColorGroup group : { QPalette::Active, QPalette::Inactive }) {
        palette.setColor(group, QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        palette.setColor(group, QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        palette.setColor(group, QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        palette.setColor(group, QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        palette.setColor(group, QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        palette.setColor(group, QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        palette.setColor(group, QPalette::Button, QColor(0x35, 0x35, 0x35));
        palette.setColor(group, QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        palette.setColor(group, QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
        palette.setColor(group, QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
        palette.setColor(group, QPalette::Midlight, QColor(0x3c, 0x3c, 0x3c));
        palette.setColor(group, QPalette::Mid, QColor(0x2e, 0x2e, 0x2e));
        palette.setColor(group, QPalette::Dark, QColor(0x18, 0x18, 0x18));
        palette.setColor(group, QPalette::Shadow, QColor(0x00, 0x00, 0x00));
        palette.setColor(group, QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
        palette.setColor(group, QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
        palette.setColor(group, QPalette::Link, QColor(0x6c, 0xb4, 0xff));
        palette.setColor(group, QPalette::LinkVisited, QColor(0xb4, 0x8c, 0xff));
        palette.setColor(group, QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
        palette.setColor(group, QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    }
    palette.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x3a, 0x4a, 0x66));
    const QPalette::ColorGroup disabled = QPalette::Disabled;
    palette.setColor(disabled, QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(disabled, QPalette::WindowText, QColor(0x7a, 0x7a, 0x7a));
    palette.setColor(disabled, QPalette::Base, QColor(0x25, 0x25, 0x25));
    palette.setColor(disabled, QPalette::AlternateBase, QColor(0x28, 0x28, 0x28));
    palette.setColor(disabled, QPalette::Text, QColor(0x7a, 0x7a, 0x7a));
    palette.setColor(disabled, QPalette::PlaceholderText, QColor(0x5a, 0x5a, 0x5a));
    palette.setColor(disabled, QPalette::Button, QColor(0x30, 0x30, 0x30));
    palette.setColor(disabled, QPalette::ButtonText, QColor(0x7a, 0x7a, 0x7a));
    palette.setColor(disabled, QPalette::BrightText, QColor(0x9a, 0x5a, 0x5a));
    palette.setColor(disabled, QPalette::Light, QColor(0x40, 0x40, 0x40));
    palette.setColor(disabled, QPalette::Midlight, QColor(0x38, 0x38, 0x38));
    palette.setColor(disabled, QPalette::Mid, QColor(0x2e, 0x2e, 0x2e));
    palette.setColor(disabled, QPalette::Dark, QColor(0x18, 0x18, 0x18));
    palette.setColor(disabled, QPalette::Shadow, QColor(0x00, 0x00, 0x00));
    palette.setColor(disabled, QPalette::Highlight, QColor(0x44, 0x44, 0x44));
    palette.setColor(disabled, QPalette::HighlightedText, QColor(0x9a, 0x9a, 0x9a));
    palette.setColor(disabled, QPalette::Link, QColor(0x4a, 0x6a, 0x8a));
    palette.setColor(disabled, QPalette::LinkVisited, QColor(0x6a, 0x5a, 0x8a));
    palette.setColor(disabled, QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    palette.setColor(disabled, QPalette::ToolTipText, QColor(0x7a, 0x7a, 0x7a));
    return palette;
}

QPalette paletteNamed(const QString &name)
{
    return name == QLatin1String("dark") ? darkPalette() : lightPalette();
}

// What a desktop's theme switch does: every widget is told at once, nothing is rebuilt.
void switchPalette(const QPalette &palette)
{
    QApplication::setPalette(palette);
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

QString plain(const QString &text)
{
    QString result = text;
    result.remove(QLatin1Char('&'));
    if (Qt::mightBeRichText(result))
        result = QTextDocumentFragment::fromHtml(result).toPlainText();
    return result.simplified();
}

bool saysSomething(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

// "QLabel \"errorLabel\" (\"Line 1 has no colon\")": enough to find it in the code.
QString describe(QWidget *widget, const QString &shows = {})
{
    QString name = QString::fromLatin1(widget->metaObject()->className());
    if (!widget->objectName().isEmpty()) {
        name += QStringLiteral(" \"%1\"").arg(widget->objectName());
    } else {
        for (QWidget *parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
            if (!parent->objectName().isEmpty()) {
                name += QStringLiteral(" in \"%1\"").arg(parent->objectName());
                break;
            }
        }
    }
    if (!shows.isEmpty())
        name += QStringLiteral(" (\"%1\")").arg(shows.left(40));
    return name;
}

// What shows behind `widget` where it paints nothing of its own: the background role of the
// first widget up the tree (itself included) that fills its background, or of the window.
QColor backdrop(QWidget *widget, QPalette::ColorGroup group)
{
    for (QWidget *w = widget; w; w = w->parentWidget()) {
        if (!w->autoFillBackground() && !w->isWindow())
            continue;
        const QColor colour = w->palette().color(group, w->backgroundRole());
        if (colour.alpha() == 255 || w->isWindow() || !w->parentWidget())
            return over(colour, Qt::black);
        return over(colour, backdrop(w->parentWidget(), group));
    }
    return Qt::black;
}

// The panel a field, button or combo paints for itself, over what is behind it when translucent
// (a style sheet's "background: transparent").
QColor ownPanel(QWidget *widget, QPalette::ColorGroup group)
{
    const QColor colour = widget->palette().color(group, widget->backgroundRole());
    if (colour.alpha() == 255 || !widget->parentWidget())
        return over(colour, Qt::black);
    return over(colour, backdrop(widget->parentWidget(), group));
}

bool iconOnly(QToolButton *tool)
{
    Qt::ToolButtonStyle style = tool->toolButtonStyle();
    if (style == Qt::ToolButtonFollowStyle)
        style = Qt::ToolButtonStyle(
            tool->style()->styleHint(QStyle::SH_ToolButtonStyle, nullptr, tool));
    return style == Qt::ToolButtonIconOnly && !tool->icon().isNull();
}

// The colours a style sheet names in its colour, background and border properties; "transparent"
// and palette(...) name none.
QStringList sheetColours(const QString &sheet)
{
    QStringList blocks;
    static const QRegularExpression block(QStringLiteral("\\{([^}]*)\\}"));
    for (auto it = block.globalMatch(sheet); it.hasNext();)
        blocks << it.next().captured(1);
    if (blocks.isEmpty())
        blocks << sheet;
    static const QRegularExpression function(
        QStringLiteral("\\b(?:rgba?|hsla?|hsva?)\\s*\\([^)]*\\)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    QStringList found;
    for (const QString &body : std::as_const(blocks)) {
        for (const QString &declaration : body.split(QLatin1Char(';'))) {
            const qsizetype colon = declaration.indexOf(QLatin1Char(':'));
            if (colon < 0)
                continue;
            const QString property = declaration.left(colon).trimmed().toLower();
            if (!property.contains(QLatin1String("color"))
                && !property.startsWith(QLatin1String("background"))
                && !property.startsWith(QLatin1String("border")))
                continue;
            QString value = declaration.mid(colon + 1);
            for (auto it = function.globalMatch(value); it.hasNext();)
                found << it.next().captured();
            value.remove(function);
            for (const QString &token : value.split(separators, Qt::SkipEmptyParts)) {
                if (token.compare(QLatin1String("transparent"), Qt::CaseInsensitive) != 0
                    && (token.startsWith(QLatin1Char('#')) || QColor::isValidColorName(token)))
                    found << token;
            }
        }
    }
    return found;
}

// Every widget of the windows with a style sheet of its own, and the sheet.
using Sheets = QList<QPair<QPointer<QWidget>, QString>>;

Sheets sheetsOf(const QList<QWidget *> &roots)
{
    Sheets sheets;
    for (QWidget *root : roots) {
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        for (QWidget *widget : std::as_const(widgets)) {
            if (!widget->styleSheet().isEmpty())
                sheets.append({ widget, widget->styleSheet() });
        }
    }
    return sheets;
}

struct ContrastAudit
{
    explicit ContrastAudit(const QString &name)
        : window(name)
    {
    }

    QString window;
    QStringList problems;
    QSet<QString> reported; // a widget's colour pair once, not once per group or run of text
    QImage shot; // the window as painted
    int texts = 0;
    int checked = 0;
    double lowest = 21.0;
    QString lowestWhat;

    void verify() const
    {
        for (const QString &line : problems)
            qWarning("%s", qPrintable(line));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problem(s), listed above; the first: %2")
                                .arg(problems.size())
                                .arg(problems.value(0))));
    }

    void pair(QWidget *widget, const QString &what, const QColor &text, const QColor &background,
              QPalette::ColorGroup group)
    {
        ++checked;
        const QColor shown = over(text, background);
        const double ratio = contrast(shown, background);
        if (ratio < lowest) {
            lowest = ratio;
            lowestWhat = QStringLiteral("%1: %2").arg(window, what);
        }
        if (qEnvironmentVariableIsSet("EASEL_LOOKANDFEEL_LIST"))
            qInfo("  %s: %s | %s on %s: %.2f", qPrintable(window), qPrintable(what),
                  qPrintable(shown.name()), qPrintable(background.name()), ratio);
        const QString key = describe(widget) + shown.name() + background.name();
        if (ratio < minimumContrast && !reported.contains(key)) {
            reported.insert(key);
            problems << QStringLiteral("%1: %2: text %3 on %4 (%5 group): contrast %6, below %7")
                            .arg(window, what, shown.name(), background.name(),
                                 group == QPalette::Active ? QStringLiteral("Active")
                                                           : QStringLiteral("Inactive"))
                            .arg(ratio, 0, 'f', 2)
                            .arg(minimumContrast);
        }
    }

    // `text` drawn by `widget` in its `role`, on `background` (worked out per colour group).
    template<typename Background>
    void text(QWidget *widget, const QString &shows, QPalette::ColorRole role,
              Background background, QWidget *area = nullptr)
    {
        ++texts;
        for (const QPalette::ColorGroup group : { QPalette::Active, QPalette::Inactive })
            pair(widget, describe(widget, shows), widget->palette().color(group, role),
                 background(group), group);
        // What is really behind the text, custom-painted cards included: the most frequent
        // colour of the widget's visible area (its viewport's for a scroll area) as painted.
        const QColor painted = paintedBackground(area ? area : widget);
        if (painted.isValid()) {
            const auto group = widget->isActiveWindow() ? QPalette::Active : QPalette::Inactive;
            pair(widget, describe(widget, shows) + QStringLiteral(" as painted"),
                 widget->palette().color(group, role), painted, group);
        }
    }

    // The colour most of the widget's visible area is painted in, less a 3-pixel border (frames,
    // a default button's outline); colours within 16 levels per channel count as one, so that a
    // button's gradient is one colour (the average of its pixels).
    QColor paintedBackground(QWidget *widget) const
    {
        if (shot.isNull())
            return {};
        QRect visible = widget->visibleRegion().boundingRect();
        if (visible.width() > 12 && visible.height() > 12)
            visible.adjust(3, 3, -3, -3);
        const QRect area(widget->mapTo(widget->window(), visible.topLeft()), visible.size());
        const qreal ratio = shot.devicePixelRatio();
        struct Bin
        {
            int count = 0;
            qint64 red = 0, green = 0, blue = 0;
        };
        QHash<QRgb, Bin> bins;
        int samples = 0;
        for (int y = area.top(); y <= area.bottom(); y += 2) {
            for (int x = area.left(); x <= area.right(); x += 2) {
                const QPoint at(int(x * ratio), int(y * ratio));
                if (!shot.rect().contains(at))
                    continue;
                const QRgb pixel = shot.pixel(at);
                Bin &bin = bins[qRgb(qRed(pixel) >> 4, qGreen(pixel) >> 4, qBlue(pixel) >> 4)];
                ++bin.count;
                bin.red += qRed(pixel);
                bin.green += qGreen(pixel);
                bin.blue += qBlue(pixel);
                ++samples;
            }
        }
        if (samples < 20)
            return {};
        const Bin most
            = *std::max_element(bins.cbegin(), bins.cend(),
                                [](const Bin &a, const Bin &b) { return a.count < b.count; });
        return QColor(int(most.red / most.count), int(most.green / most.count),
                      int(most.blue / most.count));
    }

    // Each run of text of a rich document with the colours it is drawn in.
    void document(QWidget *editor, QTextDocument *document, QWidget *viewport)
    {
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                if (!fragment.isValid() || !saysSomething(fragment.text()))
                    continue;
                const QTextCharFormat format = fragment.charFormat();
                QTextCursor cursor(document);
                cursor.setPosition(fragment.position());
                for (const QPalette::ColorGroup group : { QPalette::Active, QPalette::Inactive }) {
                    QColor background = ownPanel(viewport, group);
                    if (block.blockFormat().background().style() != Qt::NoBrush)
                        background = over(block.blockFormat().background().color(), background);
                    if (QTextTable *table = cursor.currentTable()) {
                        const QBrush cell = table->cellAt(cursor).format().background();
                        if (cell.style() != Qt::NoBrush)
                            background = over(cell.color(), background);
                    }
                    if (format.background().style() != Qt::NoBrush)
                        background = over(format.background().color(), background);
                    QColor text = editor->palette().color(
                        group, format.isAnchor() ? QPalette::Link : QPalette::Text);
                    if (format.foreground().style() != Qt::NoBrush)
                        text = format.foreground().color();
                    pair(editor, describe(editor, fragment.text().simplified()), text, background,
                         group);
                }
            }
        }
    }

    void widget(QWidget *widget)
    {
        const auto behind = [widget](QPalette::ColorGroup group) {
            return backdrop(widget, group);
        };
        const auto panel = [widget](QPalette::ColorGroup group) {
            return ownPanel(widget, group);
        };
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            const QString shows = plain(label->text());
            if (!saysSomething(shows))
                return;
            static const QRegularExpression htmlColour(QStringLiteral("color\\s*[:=]"),
                                                       QRegularExpression::CaseInsensitiveOption);
            if (Qt::mightBeRichText(label->text()) && label->text().contains(htmlColour))
                problems << QStringLiteral("%1: %2: its rich text sets a colour, which cannot "
                                           "follow the palette")
                                .arg(window, describe(label, shows));
            text(label, shows, label->foregroundRole(), behind);
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            const QString shows = plain(button->text());
            auto *tool = qobject_cast<QToolButton *>(button);
            if (!saysSomething(shows) || (tool && iconOnly(tool)))
                return;
            auto *push = qobject_cast<QPushButton *>(button);
            const bool onParent = qobject_cast<QCheckBox *>(button)
                || qobject_cast<QRadioButton *>(button) || (push && push->isFlat())
                || (tool && tool->autoRaise());
            if (onParent)
                text(button, shows, button->foregroundRole(), behind);
            else
                text(button, shows, button->foregroundRole(), panel);
        } else if (auto *line = qobject_cast<QLineEdit *>(widget)) {
            text(line, line->text(), QPalette::Text, panel);
        } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            if (!combo->isEditable()) // an editable one's line edit is audited by itself
                text(combo, combo->currentText(), combo->foregroundRole(), panel);
        } else if (auto *group = qobject_cast<QGroupBox *>(widget)) {
            if (saysSomething(plain(group->title())))
                text(group, plain(group->title()), group->foregroundRole(), behind);
        } else if (auto *bar = qobject_cast<QTabBar *>(widget)) {
            if (bar->count() > 0)
                text(bar, plain(bar->tabText(bar->currentIndex())), bar->foregroundRole(), behind);
        } else if (auto *edit = qobject_cast<QTextEdit *>(widget)) {
            const auto viewport = [edit](QPalette::ColorGroup group) {
                return ownPanel(edit->viewport(), group);
            };
            text(edit, edit->toPlainText().left(40), QPalette::Text, viewport, edit->viewport());
            document(edit, edit->document(), edit->viewport());
        } else if (auto *plainEdit = qobject_cast<QPlainTextEdit *>(widget)) {
            const auto viewport = [plainEdit](QPalette::ColorGroup group) {
                return ownPanel(plainEdit->viewport(), group);
            };
            text(plainEdit, plainEdit->toPlainText().left(40), QPalette::Text, viewport,
                 plainEdit->viewport());
        } else if (auto *view = qobject_cast<QAbstractItemView *>(widget)) {
            const auto viewport = [view](QPalette::ColorGroup group) {
                return ownPanel(view->viewport(), group);
            };
            text(view, {}, QPalette::Text, viewport, view->viewport());
        }
    }

    // Every visible, enabled widget of `root`'s own window under `root`.
    void tree(QWidget *root)
    {
        shot = root->window()->grab().toImage();
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        for (QWidget *widget : std::as_const(widgets)) {
            if (widget->window() == root->window() && widget->isVisible() && widget->isEnabled())
                this->widget(widget);
        }
    }

    // A sheet that names a colour must have changed when the palette did: one that did not
    // holds a fixed colour, right in one theme at most.
    void sheetsFollow(const Sheets &before, const Sheets &after)
    {
        for (const auto &[widget, sheet] : before) {
            if (!widget)
                continue; // rebuilt since: the new one was made under the new palette
            const QStringList colours = sheetColours(sheet);
            if (colours.isEmpty())
                continue;
            const auto now = std::find_if(after.begin(), after.end(),
                                          [&](const auto &entry) { return entry.first == widget; });
            if (now != after.end() && now->second == sheet)
                problems << QStringLiteral("%1: %2: style sheet \"%3\" sets %4, which stays the "
                                           "same when the palette changes")
                                .arg(window, describe(widget), sheet.simplified(),
                                     colours.join(QStringLiteral(", ")));
        }
    }
};

// A background, sampled on a sparse grid: the most frequent colour, and the median luminance.
struct Backdrop
{
    QColor mode;
    double median = 0;
    int samples = 0;
};

Backdrop sampleBackdrop(const QImage &image, const QRect &area, const QList<QRect> &leaveOut)
{
    const qreal ratio = image.devicePixelRatio();
    QHash<QRgb, int> counts;
    QList<double> levels;
    for (int y = area.top() + 2; y < area.bottom() - 1; y += 5) {
        for (int x = area.left() + 2; x < area.right() - 1; x += 5) {
            const QPoint point(x, y);
            if (std::any_of(leaveOut.begin(), leaveOut.end(),
                            [point](const QRect &rect) { return rect.contains(point); }))
                continue;
            const QRgb pixel = image.pixel(int(x * ratio), int(y * ratio));
            ++counts[pixel];
            levels << luminance(QColor(pixel));
        }
    }
    Backdrop result;
    result.samples = int(levels.size());
    if (levels.isEmpty())
        return result;
    std::nth_element(levels.begin(), levels.begin() + levels.size() / 2, levels.end());
    result.median = levels.at(levels.size() / 2);
    QRgb best = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            best = it.key();
        }
    }
    result.mode = QColor(best);
    return result;
}

// The colour farthest from `fill` inside `area`: the core of the glyphs drawn there.
QColor farthestFrom(const QImage &image, const QRect &area, const QColor &fill)
{
    const qreal ratio = image.devicePixelRatio();
    const QRect pixels(QPoint(int(area.left() * ratio), int(area.top() * ratio)),
                       QSize(int(area.width() * ratio), int(area.height() * ratio)));
    QColor farthest = fill;
    int distance = -1;
    for (int y = std::max(0, pixels.top()); y <= std::min(image.height() - 1, pixels.bottom());
         ++y) {
        for (int x = std::max(0, pixels.left()); x <= std::min(image.width() - 1, pixels.right());
             ++x) {
            const QColor pixel(image.pixel(x, y));
            const int dr = pixel.red() - fill.red();
            const int dg = pixel.green() - fill.green();
            const int db = pixel.blue() - fill.blue();
            if (dr * dr + dg * dg + db * db > distance) {
                distance = dr * dr + dg * dg + db * db;
                farthest = pixel;
            }
        }
    }
    return farthest;
}

// A label whose sheet is made from the palette again whenever the palette changes: what the
// audit must accept. Its parent does it: a widget with a style sheet is sent no PaletteChange.
class SheetFromPalette : public QWidget
{
public:
    explicit SheetFromPalette(QWidget *parent)
        : QWidget(parent)
        , m_label(new QLabel(QStringLiteral("Sheet made from the palette"), this))
    {
        m_label->setObjectName(QStringLiteral("derivedSheet"));
        (new QVBoxLayout(this))->addWidget(m_label);
        restyle();
    }

protected:
    void changeEvent(QEvent *event) override
    {
        QWidget::changeEvent(event);
        if (event->type() == QEvent::PaletteChange)
            restyle();
    }

private:
    void restyle()
    {
        m_label->setStyleSheet(
            QStringLiteral("color: %1;").arg(palette().color(QPalette::Text).name()));
    }

    QLabel *m_label;
};

} // namespace

class TestLookAndFeel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void contrastIsMeasuredAsWcagSays();
    void placeholdersStayReadable();
    void auditFindsFixedColours();
    void textContrast_data();
    void textContrast();
    void paintedSurfaces_data();
    void paintedSurfaces();

private:
    void rows();
    // Builds the window under `built`'s palette, opens every window and dialog, notes the style
    // sheets, then switches to `shown`'s palette when it differs.
    QList<QPair<QString, QWidget *>> showAll(const QString &built, const QString &shown,
                                             bool withProblems, Sheets *sheets);
    void showProblems(QList<QPair<QString, QWidget *>> &subjects);

    DemoWindowFixture m_fixture;
    QPalette m_light;
};

void TestLookAndFeel::initTestCase()
{
    DemoWindowFixture::quietOffscreenWarnings();
    m_light = lightPalette();
    qInfo("style %s; light palette: window %s, base %s, text %s, placeholder %s",
          qPrintable(QApplication::style()->name()),
          qPrintable(m_light.color(QPalette::Window).name()),
          qPrintable(m_light.color(QPalette::Base).name()),
          qPrintable(m_light.color(QPalette::Text).name()),
          qPrintable(m_light.color(QPalette::PlaceholderText).name(QColor::HexArgb)));
}

void TestLookAndFeel::cleanup()
{
    m_fixture.tearDown();
    QApplication::setPalette(m_light);
}

// Found by QA with a KDE dark scheme: a dark palette that does not set PlaceholderText keeps
// Qt's default, black at half opacity, 1.15:1 on a dark field: the composer's "Describe the
// image you want…" could not be seen.
void TestLookAndFeel::placeholdersStayReadable()
{
    QPalette darkWithoutPlaceholder = darkPalette();
    for (const QPalette::ColorGroup group : { QPalette::Active, QPalette::Inactive })
        darkWithoutPlaceholder.setColor(group, QPalette::PlaceholderText, QColor(0, 0, 0, 128));
    QApplication::setPalette(darkWithoutPlaceholder);
    QVERIFY(PlaceholderColour::contrast(QApplication::palette(), QPalette::Active) < 1.5);
    PlaceholderColour::ensureInstalled();
    QCoreApplication::processEvents();
    QLineEdit field;
    field.setPlaceholderText(QStringLiteral("Search prompts and replies"));
    for (const QPalette::ColorGroup group : { QPalette::Active, QPalette::Inactive })
        QVERIFY2(PlaceholderColour::contrast(field.palette(), group) >= 4.5,
                 qPrintable(field.palette().color(group, QPalette::PlaceholderText).name()));

    // A theme switch is followed: the light palette's half-opaque black (3.9:1) is mended too.
    QApplication::setPalette(m_light);
    QCoreApplication::processEvents(); // widgets take a new application palette in events
    QVERIFY(PlaceholderColour::contrast(QApplication::palette(), QPalette::Active) >= 4.5);
    QVERIFY(PlaceholderColour::contrast(field.palette(), QPalette::Active) >= 4.5);
    // A palette whose placeholder is readable keeps its own colour.
    QApplication::setPalette(darkPalette());
    QTRY_COMPARE(field.palette().color(QPalette::Active, QPalette::PlaceholderText),
                 QColor(0x9a, 0x9a, 0x9a));
}

void TestLookAndFeel::contrastIsMeasuredAsWcagSays()
{
    QCOMPARE(qRound(contrast(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(contrast(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
    // #767676 is the lightest grey that passes on white (4.54), #777777 fails (4.48).
    QVERIFY(contrast(QColor(0x76, 0x76, 0x76), Qt::white) >= minimumContrast);
    QVERIFY(contrast(QColor(0x77, 0x77, 0x77), Qt::white) < minimumContrast);
    QCOMPARE(over(QColor(0, 0, 0, 128), Qt::white).red(), 127);
    QVERIFY(luminance(darkPalette().color(QPalette::Window)) < darkBackground);
    QVERIFY(luminance(lightPalette().color(QPalette::Window)) > lightBackground);
    QCOMPARE(sheetColours(QStringLiteral("color: #c62828;")), QStringList { "#c62828" });
    QCOMPARE(sheetColours(QStringLiteral("QToolButton { border: 1px solid red; background: "
                                         "transparent; } QToolButton:checked { background: "
                                         "rgb(1, 2, 3); }")),
             (QStringList { "red", "rgb(1, 2, 3)" }));
    QVERIFY(sheetColours(QStringLiteral("padding: 2px 10px; font-weight: bold")).isEmpty());
}

// The audit itself: each way a colour can miss the palette is found; what follows it passes.
void TestLookAndFeel::auditFindsFixedColours()
{
    switchPalette(m_light);
    QWidget window;
    window.setObjectName(QStringLiteral("probeWindow"));
    auto *layout = new QVBoxLayout(&window);
    const auto label = [&](const char *name, const QString &text) {
        auto *widget = new QLabel(text, &window);
        widget->setObjectName(QLatin1String(name));
        layout->addWidget(widget);
        return widget;
    };
    label("plainLabel", QStringLiteral("Follows the palette"));
    label("sheetLabel", QStringLiteral("A fixed red"))
        ->setStyleSheet(QStringLiteral("color: #c62828;"));
    QLabel *tinted = label("tintedOnce", QStringLiteral("Tinted once, never again"));
    QPalette tint = tinted->palette();
    tint.setColor(QPalette::WindowText, ViewPalette::secondaryText(window.palette()));
    tinted->setPalette(tint);
    QLabel *pale = label("paleLabel", QStringLiteral("Too pale on light grey"));
    QPalette paleColours = pale->palette();
    paleColours.setColor(QPalette::WindowText, QColor(0xb0, 0xb0, 0xb0));
    pale->setPalette(paleColours);
    label("richLabel", QStringLiteral("<span style='color:#c62828'>Rich red</span>"));
    layout->addWidget(new SheetFromPalette(&window));
    auto *field = new QLineEdit(QStringLiteral("typed"), &window);
    field->setObjectName(QStringLiteral("field"));
    layout->addWidget(field);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const Sheets before = sheetsOf({ &window });

    ContrastAudit light(QStringLiteral("light"));
    light.tree(&window);
    switchPalette(darkPalette());
    ContrastAudit dark(QStringLiteral("dark"));
    dark.tree(&window);
    dark.sheetsFollow(before, sheetsOf({ &window }));

    const QString lightAll = light.problems.join(QLatin1Char('\n'));
    const QString darkAll = dark.problems.join(QLatin1Char('\n'));
    qInfo("light:\n%s\ndark:\n%s", qPrintable(lightAll), qPrintable(darkAll));
    QCOMPARE(light.texts, 7);
    QCOMPARE(light.checked, 7 * 3); // two colour groups, and as painted
    QVERIFY2(lightAll.contains(QLatin1String("QLabel \"paleLabel\"")), qPrintable(lightAll));
    QVERIFY2(lightAll.contains(QLatin1String("\"richLabel\" (\"Rich red\"): its rich text sets")),
             qPrintable(lightAll));
    QVERIFY2(!lightAll.contains(QLatin1String("tintedOnce")), qPrintable(lightAll));
    QVERIFY2(!lightAll.contains(QLatin1String("sheetLabel")), qPrintable(lightAll)); // 4.9 : 1
    QVERIFY2(darkAll.contains(QLatin1String("QLabel \"tintedOnce\"")), qPrintable(darkAll));
    QVERIFY2(darkAll.contains(QLatin1String("QLabel \"sheetLabel\" (\"A fixed red\"): text")),
             qPrintable(darkAll));
    QVERIFY2(darkAll.contains(QLatin1String("QLabel \"sheetLabel\": style sheet \"color: "
                                            "#c62828;\" sets #c62828")),
             qPrintable(darkAll));
    for (const char *passes : { "plainLabel", "derivedSheet", "field", "paleLabel" })
        QVERIFY2(!darkAll.contains(QLatin1String(passes)), passes);
}

void TestLookAndFeel::rows()
{
    QTest::addColumn<QString>("built"); // the palette when the windows are built
    QTest::addColumn<QString>("shown"); // the palette they are checked in

    QTest::newRow("light") << "light"
                           << "light";
    QTest::newRow("dark") << "dark"
                          << "dark";
    QTest::newRow("light, switched to dark") << "light"
                                             << "dark";
    QTest::newRow("dark, switched to light") << "dark"
                                             << "light";
}

QList<QPair<QString, QWidget *>> TestLookAndFeel::showAll(const QString &built,
                                                          const QString &shown, bool withProblems,
                                                          Sheets *sheets)
{
    switchPalette(paletteNamed(built));
    m_fixture.setUp();
    if (QTest::currentTestFailed())
        return {};
    QList<QPair<QString, QWidget *>> subjects;
    const QStringList keys = { "image settings, custom size",
                               "library",
                               "compare window",
                               "providers dialog, custom",
                               "auto-save dialog",
                               "mask editor",
                               "image viewer",
                               "image pair dialog",
                               "details dialog",
                               "keyboard shortcuts dialog" };
    for (const QString &key : keys) {
        QWidget *subject = m_fixture.subject(key);
        if (!subject) {
            QTest::qFail(qPrintable(QStringLiteral("%1 could not be opened").arg(key)), __FILE__,
                         __LINE__);
            return {};
        }
        // The image settings opened with the custom size shown; the audit takes the whole window.
        if (key.startsWith(QLatin1String("image settings")))
            subjects.append({ QStringLiteral("main window"), m_fixture.window() });
        else
            subjects.append({ key.section(QLatin1Char(','), 0, 0), subject });
    }
    if (withProblems) {
        showProblems(subjects);
        if (QTest::currentTestFailed())
            return {};
    }
    QList<QWidget *> roots;
    for (const auto &subject : std::as_const(subjects))
        roots << subject.second;
    *sheets = sheetsOf(roots);
    if (shown != built)
        switchPalette(paletteNamed(shown));
    return subjects;
}

// The error labels, which tend to carry a fixed red: a custom size the model cannot make, a
// compare axis value that is not a size, a header line without a colon, a relative auto-save
// folder.
void TestLookAndFeel::showProblems(QList<QPair<QString, QWidget *>> &subjects)
{
    MainWindow *window = m_fixture.window();
    auto *size = window->findChild<QLineEdit *>(QStringLiteral("customSizeEdit"));
    QVERIFY(size);
    size->setText(QStringLiteral("1000x1000"));
    auto *sizeError = window->findChild<QLabel *>(QStringLiteral("customSizeError"));
    QVERIFY(sizeError && sizeError->isVisible());

    auto *compare = window->findChild<CompareWindow *>();
    QVERIFY(compare);
    // Chips (a style sheet each) on the first axis, a problem on the second.
    compare->setupPanel()->setAxes({ { CompareAxis::Parameter::Quality, { "low", "high" } },
                                     { CompareAxis::Parameter::Size, { "banana" } } });
    const QList<QLabel *> axisProblems = compare->findChildren<QLabel *>("axisProblem");
    QVERIFY(std::any_of(axisProblems.begin(), axisProblems.end(),
                        [](QLabel *label) { return label->isVisible(); }));

    for (const auto &subject : std::as_const(subjects)) {
        if (subject.first == QLatin1String("providers dialog")) {
            auto *headers = subject.second->findChild<QPlainTextEdit *>("headersEdit");
            auto *apply = subject.second->findChild<QPushButton *>("applyButton");
            QVERIFY(headers && apply);
            headers->setPlainText(QStringLiteral("a header line without a colon"));
            apply->click();
            auto *error = subject.second->findChild<QLabel *>("errorLabel");
            QVERIFY(error && !error->text().isEmpty());
        } else if (subject.first == QLatin1String("auto-save dialog")) {
            auto *enabled = subject.second->findChild<QCheckBox *>("autoSaveCheck");
            auto *folder = subject.second->findChild<QLineEdit *>("autoSaveFolderEdit");
            QVERIFY(enabled && folder);
            enabled->setChecked(true);
            folder->setText(QStringLiteral("relative/folder"));
            auto *problem = subject.second->findChild<QLabel *>("autoSaveProblem");
            QVERIFY(problem && problem->isVisible());
        }
    }
}

void TestLookAndFeel::textContrast_data()
{
    rows();
}

void TestLookAndFeel::textContrast()
{
    QFETCH(QString, built);
    QFETCH(QString, shown);
    Sheets before;
    const auto subjects = showAll(built, shown, true, &before);
    if (QTest::currentTestFailed())
        return;

    ContrastAudit all(QStringLiteral("all"));
    // EASEL_LOOKANDFEEL_SHOTS=<folder> saves each window as audited, to look at.
    const QString shots = qEnvironmentVariable("EASEL_LOOKANDFEEL_SHOTS");
    for (const auto &[name, root] : subjects) {
        if (!shots.isEmpty())
            root->window()->grab().save(
                QStringLiteral("%1/%2 - %3.png")
                    .arg(shots, QString::fromLatin1(QTest::currentDataTag()), name));
        ContrastAudit audit(name);
        audit.tree(root);
        qInfo("%s: %d texts; lowest contrast %.2f (%s)", qPrintable(name), audit.texts,
              audit.lowest, qPrintable(audit.lowestWhat));
        QVERIFY2(audit.texts >= 1,
                 qPrintable(QStringLiteral("%1: no text found to audit").arg(name)));
        all.problems << audit.problems;
        all.texts += audit.texts;
        if (audit.lowest < all.lowest) {
            all.lowest = audit.lowest;
            all.lowestWhat = audit.lowestWhat;
        }
    }
    // A sheet made from the palette changes with it: switch once more when nothing was switched.
    QList<QWidget *> roots;
    for (const auto &subject : subjects)
        roots << subject.second;
    if (built == shown)
        switchPalette(paletteNamed(shown == QLatin1String("dark") ? QStringLiteral("light")
                                                                  : QStringLiteral("dark")));
    ContrastAudit sheets(QStringLiteral("sheets"));
    sheets.sheetsFollow(before, sheetsOf(roots));
    all.problems << sheets.problems;
    qInfo("%d texts in all; lowest contrast %.2f (%s); %d own style sheets", all.texts, all.lowest,
          qPrintable(all.lowestWhat), int(before.size()));
    all.verify();
}

void TestLookAndFeel::paintedSurfaces_data()
{
    rows();
}

void TestLookAndFeel::paintedSurfaces()
{
    QFETCH(QString, built);
    QFETCH(QString, shown);
    Sheets before;
    const auto subjects = showAll(built, shown, false, &before);
    if (QTest::currentTestFailed())
        return;
    const bool dark = shown == QLatin1String("dark");
    MainWindow *window = m_fixture.window();

    auto *view = window->findChild<ConversationView *>();
    QVERIFY(view);
    const QModelIndex first = view->model()->index(0, 0);
    view->scrollTo(first, QAbstractItemView::PositionAtTop);
    QApplication::processEvents();
    QList<QRect> images;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        for (int i = 0; i < m_fixture.session()->model()->turnAt(row).images.size(); ++i)
            images << view->imageRect(index, i).adjusted(-3, -3, 3, 3);
    }
    auto *compare = window->findChild<CompareWindow *>();
    QVERIFY(compare);
    auto *grid = compare->findChild<CompareGrid *>();
    QVERIFY(grid);
    auto *library = window->libraryWindow();
    QVERIFY(library);

    const QList<std::tuple<QString, QWidget *, QList<QRect>>> surfaces = {
        { QStringLiteral("conversation view"), view->viewport(), images },
        { QStringLiteral("image settings"),
          window->findChild<QWidget *>(QStringLiteral("parameterPanel")),
          {} },
        { QStringLiteral("composer"), window->findChild<Composer *>(), {} },
        { QStringLiteral("compare grid"), grid->view()->viewport(), {} },
        { QStringLiteral("library grid"), library->view()->viewport(), {} },
    };
    QStringList problems;
    for (const auto &[name, widget, leaveOut] : surfaces) {
        QVERIFY2(widget && widget->isVisible(), qPrintable(name));
        const QImage shot = widget->grab().toImage();
        const Backdrop backdrop = sampleBackdrop(shot, widget->rect(), leaveOut);
        const double level = luminance(backdrop.mode);
        qInfo("%s: background %s, luminance %.3f (median of %d samples %.3f)", qPrintable(name),
              qPrintable(backdrop.mode.name()), level, backdrop.samples, backdrop.median);
        QVERIFY2(backdrop.samples >= 40, qPrintable(name));
        if (dark ? level >= darkBackground : level <= lightBackground)
            problems << QStringLiteral("%1: background %2 (luminance %3) in the %4 palette")
                            .arg(name, backdrop.mode.name())
                            .arg(level, 0, 'f', 3)
                            .arg(shown);
    }

    // The delegate's own text: the prompt on its bubble, the usage line on the view.
    const QImage shot = view->viewport()->grab().toImage();
    const TurnLayout layout = view->turnDelegate()->layoutFor(first, view->font());
    const QPoint origin = view->visualRect(first).topLeft();
    const QRect bubble = layout.promptBubbleRect().translated(origin);
    const QRect promptText = layout.promptTextRect().translated(origin);
    QVERIFY(!bubble.isEmpty() && view->viewport()->rect().contains(bubble));
    const QColor fill = sampleBackdrop(shot, bubble.adjusted(4, 4, -4, -4), { promptText }).mode;
    const QColor ink = farthestFrom(shot, promptText, fill);
    const double promptContrast = contrast(ink, fill);
    qInfo("prompt: text %s on bubble %s, contrast %.2f", qPrintable(ink.name()),
          qPrintable(fill.name()), promptContrast);
    if (promptContrast < minimumContrast)
        problems << QStringLiteral("prompt: text %1 on its bubble %2: contrast %3")
                        .arg(ink.name(), fill.name())
                        .arg(promptContrast, 0, 'f', 2);
    if ((dark && luminance(fill) >= darkBackground)
        || (!dark && luminance(fill) <= lightBackground))
        problems << QStringLiteral("prompt bubble %1 in the %2 palette").arg(fill.name(), shown);
    // The usage line under the image: the row's bottom brought into view.
    QScrollBar *bar = view->verticalScrollBar();
    bar->setValue(bar->value() + layout.usageRect().translated(origin).bottom() + 12
                  - view->viewport()->height());
    QApplication::processEvents();
    const QRect usage = layout.usageRect().translated(view->visualRect(first).topLeft());
    QVERIFY2(!usage.isEmpty() && view->viewport()->rect().contains(usage),
             qPrintable(QStringLiteral("the usage line of the first turn is not in view: %1,%2 "
                                       "%3x%4 in %5x%6")
                            .arg(usage.x())
                            .arg(usage.y())
                            .arg(usage.width())
                            .arg(usage.height())
                            .arg(view->viewport()->width())
                            .arg(view->viewport()->height())));
    const QImage scrolled = view->viewport()->grab().toImage();
    const QColor base = sampleBackdrop(scrolled, usage.adjusted(-8, -8, 8, 8), {}).mode;
    const QColor usageInk = farthestFrom(scrolled, usage, base);
    const double usageContrast = contrast(usageInk, base);
    qInfo("usage line: text %s on %s, contrast %.2f", qPrintable(usageInk.name()),
          qPrintable(base.name()), usageContrast);
    if (usageContrast < minimumContrast)
        problems << QStringLiteral("usage line: text %1 on %2: contrast %3")
                        .arg(usageInk.name(), base.name())
                        .arg(usageContrast, 0, 'f', 2);
    for (const QString &line : std::as_const(problems))
        qWarning("%s", qPrintable(line));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

QTEST_MAIN(TestLookAndFeel)
#include "tst_lookandfeel.moc"
