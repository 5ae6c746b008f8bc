#include "conversationlist.h"

#include "conversationlistmodel.h"
#include "focusring.h"
#include "store/historystore.h"
#include "whenready.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTabBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Two lines per row: the title, and a smaller grey line under it (the conversation's date,
// images and cost, or a search hit's snippet).
class TwoLineDelegate : public QStyledItemDelegate
{
public:
    // `richSubtitle`: the subtitle role holds rich text (a search snippet with bold matches).
    TwoLineDelegate(int subtitleRole, bool richSubtitle, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_subtitleRole(subtitleRole)
        , m_richSubtitle(richSubtitle)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        Q_UNUSED(index)
        const QFontMetrics fm(option.font);
        return { 200, fm.height() * 2 + fm.height() / 2 + 8 };
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString title = opt.text;
        opt.text.clear();
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        if (opt.state & QStyle::State_HasFocus)
            paintFocusRing(painter, opt.rect, opt.palette, 4, opt.state & QStyle::State_Selected);

        const QRect r = opt.rect.adjusted(8, 4, -8, -4);
        const QFontMetrics fm(opt.font);
        const bool selected = opt.state & QStyle::State_Selected;
        painter->save();
        QFont titleFont = opt.font;
        titleFont.setBold(true);
        painter->setFont(titleFont);
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const QRect titleRect(r.left(), r.top(), r.width(), fm.height());
        painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(titleFont).elidedText(title, Qt::ElideRight, r.width()));
        QFont small = opt.font;
        small.setPointSizeF(opt.font.pointSizeF() * 0.9);
        painter->setFont(small);
        QColor grey = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        grey.setAlphaF(0.65f);
        painter->setPen(grey);
        const QString subtitle = index.data(m_subtitleRole).toString();
        const QRect subRect(r.left(), titleRect.bottom() + 2, r.width(), fm.height());
        if (m_richSubtitle)
            paintRich(painter, subRect, subtitle, small, grey);
        else
            painter->drawText(
                subRect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(small).elidedText(subtitle.simplified(), Qt::ElideRight, r.width()));
        painter->restore();
    }

private:
    // One line of rich text, cut at the row's edge (a snippet is short and already elided at
    // both ends by the database).
    static void paintRich(QPainter *painter, const QRect &rect, const QString &html,
                          const QFont &font, const QColor &colour)
    {
        QTextDocument document;
        document.setDocumentMargin(0);
        document.setDefaultFont(font);
        QTextOption option;
        option.setWrapMode(QTextOption::NoWrap);
        document.setDefaultTextOption(option);
        document.setHtml(html);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(QPalette::Text, colour);
        const qreal top = rect.top() + (rect.height() - document.size().height()) / 2;
        const QString ellipsis(QChar(0x2026));
        const int ellipsisWidth = QFontMetrics(font).horizontalAdvance(ellipsis);
        // A snippet longer than the row keeps room for the ellipsis at its end, so the match
        // it scrolls to is shown whole before it.
        const qreal full = document.idealWidth();
        const int room = full > rect.width() ? rect.width() - ellipsisWidth : rect.width();
        const qreal scroll = ConversationList::snippetScroll(document, room, ellipsisWidth);
        painter->save();
        painter->setFont(font);
        QRect clip = rect;
        if (scroll > 0) {
            // The words before the match give way to an ellipsis.
            painter->drawText(QRect(rect.left(), rect.top(), ellipsisWidth, rect.height()),
                              Qt::AlignLeft | Qt::AlignVCenter, ellipsis);
            clip.setLeft(rect.left() + ellipsisWidth);
        }
        if (full - scroll > rect.width()) {
            // And the words past the row's edge, to one (QA: cut mid-word, "wit").
            painter->drawText(
                QRect(rect.right() + 1 - ellipsisWidth, rect.top(), ellipsisWidth, rect.height()),
                Qt::AlignLeft | Qt::AlignVCenter, ellipsis);
            clip.setRight(rect.right() - ellipsisWidth);
        }
        painter->setClipRect(clip);
        painter->translate(rect.left() - scroll, top);
        document.documentLayout()->draw(painter, context);
        painter->restore();
    }

    int m_subtitleRole;
    bool m_richSubtitle;
};

} // namespace

ConversationList::ConversationList(QWidget *parent)
    : QWidget(parent)
    , m_model(new ConversationListModel(this))
    , m_hitModel(new QStandardItemModel(this))
    , m_search(new QLineEdit(this))
    , m_kinds(new QTabBar(this))
    , m_pages(new QStackedWidget(this))
    , m_list(new QListView(this))
    , m_hits(new QListView(this))
    , m_undoBar(new QWidget(this))
    , m_undoLabel(new QLabel(tr("Conversation deleted"), m_undoBar))
    , m_searchAction(new QAction(tr("Search Conversations"), this))
    , m_undoAction(new QAction(tr("Undo Delete"), this))
{
    m_search->setObjectName(QStringLiteral("conversationSearch"));
    m_search->setAccessibleName(tr("Search conversations"));
    m_search->setToolTip(tr("Find the conversations whose prompts or replies contain these "
                            "words (Ctrl+F)"));
    m_search->setPlaceholderText(tr("Search prompts and replies"));
    m_search->setClearButtonEnabled(true);
    // Chats and comparisons apart, in the order of ConversationListModel::Shown (found by QA:
    // twenty `easel generate` runs pushed the day's chats off the first screen).
    m_kinds->setObjectName(QStringLiteral("conversationKindTabs"));
    m_kinds->setAccessibleName(tr("Show conversations"));
    m_kinds->setToolTip(tr("List every conversation, only chats, or only comparisons (the "
                           "Compare window's runs and easel generate or compare)"));
    m_kinds->setDocumentMode(true);
    m_kinds->setDrawBase(false);
    m_kinds->setExpanding(false);
    m_kinds->setUsesScrollButtons(false);
    m_kinds->addTab(tr("All"));
    m_kinds->addTab(tr("Chats"));
    m_kinds->addTab(tr("Comparisons"));
    m_list->setObjectName(QStringLiteral("conversationListView"));
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setToolTip(tr("Your conversations, newest first: a click or Enter opens one, F2 "
                          "renames it, Delete removes it, right-click exports it"));
    m_hits->setObjectName(QStringLiteral("searchHitsView"));
    m_hits->setAccessibleName(tr("Search results"));
    m_hits->setToolTip(tr("Turns that match the search: a click or Enter opens the conversation "
                          "at that turn"));
    m_undoBar->setObjectName(QStringLiteral("undoBar"));

    for (QListView *view : { m_list, m_hits }) {
        view->setUniformItemSizes(true);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->installEventFilter(this);
    }
    // A right-click opens a row's menu without making it look like the conversation on screen.
    m_list->viewport()->installEventFilter(this);
    m_list->setModel(m_model);
    m_list->setItemDelegate(
        new TwoLineDelegate(ConversationListModel::SubtitleRole, false, m_list));
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_hits->setModel(m_hitModel);
    m_hits->setItemDelegate(new TwoLineDelegate(SnippetHtmlRole, true, m_hits));
    m_hits->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pages->addWidget(m_list);
    m_pages->addWidget(m_hits);

    auto *undoButton = new QPushButton(tr("Undo"), m_undoBar);
    undoButton->setObjectName(QStringLiteral("undoButton"));
    undoButton->setToolTip(tr("Bring back the conversation you just deleted"));
    auto *barLayout = new QHBoxLayout(m_undoBar);
    barLayout->setContentsMargins(6, 2, 6, 2);
    // The label takes what width the sidebar has instead of asking for its text's width.
    m_undoLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_undoLabel->installEventFilter(this);
    m_search->installEventFilter(this);
    barLayout->addWidget(m_undoLabel, 1);
    barLayout->addWidget(undoButton);
    m_undoBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_search);
    layout->addWidget(m_kinds);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_undoBar);

    m_searchAction->setObjectName(QStringLiteral("searchConversationsAction"));
    m_searchAction->setShortcut(QKeySequence::Find);
    m_searchAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_searchAction);
    connect(m_searchAction, &QAction::triggered, this, [this] {
        if (!isVisible())
            Q_EMIT revealRequested();
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_undoTimer.setSingleShot(true);
    m_undoTimer.setInterval(8000);
    connect(&m_undoTimer, &QTimer::timeout, this, [this] {
        hideUndoBar();
        purgeLastDeleted();
    });
    connect(undoButton, &QPushButton::clicked, this, &ConversationList::undoDelete);
    // The bar's Undo from anywhere in the window, for the seconds it shows (QA: a keyboard had
    // to find its button with Tab in time). A text field's own Ctrl+Z comes first there.
    m_undoAction->setObjectName(QStringLiteral("undoDeleteAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WindowShortcut);
    m_undoAction->setEnabled(false);
    addAction(m_undoAction);
    connect(m_undoAction, &QAction::triggered, this, &ConversationList::undoDelete);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(200);
    connect(&m_searchDelay, &QTimer::timeout, this, &ConversationList::runSearch);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty()) {
            m_searchDelay.stop();
            ++m_searchGeneration; // a search still running must not show its hits now
            m_hitModel->clear();
            m_pages->setCurrentWidget(m_list);
        } else {
            m_searchDelay.start();
        }
    });
    connect(m_search, &QLineEdit::returnPressed, this, &ConversationList::runSearch);
    // The tabs show once there is something to tell apart (a new designer's list of chats needs
    // none), and stay while a tab other than All is chosen, so that the way back is there.
    const auto updateKinds = [this] {
        using Shown = ConversationListModel::Shown;
        m_kinds->setVisible(
            m_model->shown() != Shown::All
            || (m_model->count(Shown::Chats) > 0 && m_model->count(Shown::Comparisons) > 0));
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, updateKinds);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, updateKinds);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, updateKinds);
    updateKinds();
    connect(m_kinds, &QTabBar::currentChanged, this, [this](int index) {
        const auto shown = ConversationListModel::Shown(index);
        if (shown == m_model->shown())
            return;
        m_model->setShown(shown);
        setCurrentConversation(m_currentId); // highlighted again when it is still listed
        refreshSearch(); // the results follow the tab too
        Q_EMIT shownChanged(shown);
    });

    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT conversationActivated(index.data(ConversationListModel::IdRole).toString(), {});
    });
    connect(m_hits, &QListView::clicked, this, &ConversationList::activateHit);
    connect(m_model, &ConversationListModel::renameRequested, this,
            &ConversationList::onRenameRequested);
}

ConversationList::~ConversationList()
{
    // An open rename editor commits while QWidget's destructor closes the window, after this
    // class is gone: it must not reach onRenameRequested() then.
    disconnect(m_model, nullptr, this, nullptr);
}

void ConversationList::setHistoryStore(HistoryStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store) {
        connect(m_store, &HistoryStore::conversationsChanged, this, &ConversationList::refresh);
        refresh();
    }
}

void ConversationList::refresh()
{
    if (!m_store)
        return;
    const quint64 generation = ++m_loadGeneration;
    whenReady(
        m_store->conversations(), this, [this, generation](const QList<ConversationSummary> &list) {
            if (generation == m_loadGeneration) // an older answer must not replace a newer one
                setConversations(list);
        });
}

void ConversationList::setConversations(const QList<ConversationSummary> &conversations)
{
    m_model->setConversations(conversations);
    // The conversation on screen may have been created since the last load: highlight it now.
    setCurrentConversation(m_currentId);
}

void ConversationList::showSearchResults(const QString &text, const QList<SearchHit> &hits)
{
    Q_UNUSED(text)
    m_hitModel->clear();
    int elsewhere = 0; // hits in conversations of the kind the tabs do not list
    for (const SearchHit &hit : hits) {
        if (!m_model->isListed(hit.conversationId)) {
            ++elsewhere;
            continue;
        }
        auto *item = new QStandardItem(hit.conversationTitle.isEmpty() ? tr("Untitled")
                                                                       : hit.conversationTitle);
        item->setEditable(false);
        item->setData(hit.conversationId, ConversationIdRole);
        item->setData(hit.turnId, TurnIdRole);
        item->setData(snippetHtml(hit.snippet), SnippetHtmlRole);
        item->setToolTip(snippetText(hit.snippet));
        m_hitModel->appendRow(item);
    }
    if (hits.size() == elsewhere) {
        auto *item = new QStandardItem(tr("No matches"));
        item->setFlags(Qt::NoItemFlags);
        m_hitModel->appendRow(item);
    }
    if (elsewhere > 0) {
        // Said, not silently dropped: the designer may have forgotten which tab is chosen. Short
        // enough for a narrow sidebar: the other tab's name says where they are.
        const bool chats = m_model->shown() == ConversationListModel::Shown::Chats;
        auto *item = new QStandardItem(chats ? tr("%n more in Comparisons", "", elsewhere)
                                             : tr("%n more in Chats", "", elsewhere));
        item->setToolTip(chats ? tr("Matches in comparisons: the All or Comparisons tab lists them")
                               : tr("Matches in chats: the All or Chats tab lists them"));
        item->setFlags(Qt::NoItemFlags);
        m_hitModel->appendRow(item);
    }
    m_pages->setCurrentWidget(m_hits);
}

void ConversationList::setShown(ConversationListModel::Shown shown)
{
    const QSignalBlocker quiet(m_kinds);
    m_kinds->setCurrentIndex(int(shown));
    m_model->setShown(shown);
    setCurrentConversation(m_currentId);
    refreshSearch();
}

ConversationListModel::Shown ConversationList::shown() const
{
    return m_model->shown();
}

void ConversationList::setCurrentConversation(const QString &id)
{
    m_currentId = id;
    const int row = m_model->rowOf(id);
    if (row < 0) {
        m_list->selectionModel()->clear();
        return;
    }
    const QModelIndex index = m_model->index(row);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_list->scrollTo(index);
}

QSize ConversationList::minimumSizeHint() const
{
    QSize hint = QWidget::minimumSizeHint();
    hint.setWidth(std::max(hint.width(), fontMetrics().averageCharWidth() * 22));
    return hint;
}

QString ConversationList::currentConversationId() const
{
    return m_currentId;
}

void ConversationList::setDeletionCheck(std::function<QString(const QString &)> check)
{
    m_deletionCheck = std::move(check);
}

void ConversationList::deleteConversation(const QString &id)
{
    if (const QString refusal = m_deletionCheck ? m_deletionCheck(id) : QString();
        !refusal.isEmpty()) {
        Q_EMIT deletionRefused(refusal);
        return;
    }
    const ConversationSummary taken = m_model->take(id);
    if (taken.id.isEmpty())
        return;
    if (isUndoBarVisible())
        purgeLastDeleted(); // the bar now offers to undo this deletion only
    m_lastDeleted = taken;
    if (m_store)
        m_store->setConversationDeleted(id, true);
    const QString title = taken.title.isEmpty() ? tr("Untitled") : taken.title;
    m_undoText = tr("“%1” deleted").arg(title);
    m_undoLabel->setToolTip(m_undoText);
    fitUndoLabel();
    m_undoBar->show();
    m_undoAction->setText(tr("Undo Delete of %1").arg(title));
    m_undoAction->setEnabled(true);
    m_undoTimer.start();
    refreshSearch(); // its hits go from the results too
    Q_EMIT conversationDeleted(id);
}

void ConversationList::undoDelete()
{
    if (m_lastDeleted.id.isEmpty() || !m_undoBar->isVisibleTo(this))
        return;
    const ConversationSummary restored = m_lastDeleted;
    m_lastDeleted = {};
    // The keyboard leaves the bar with it: back to the list, not on to the next widget (QA: it
    // landed in the conversation).
    const bool focusInBar = m_undoBar->isAncestorOf(QApplication::focusWidget());
    m_undoTimer.stop();
    hideUndoBar();
    m_model->insert(restored);
    if (m_store)
        m_store->setConversationDeleted(restored.id, false);
    refreshSearch(); // its hits come back (the store has the change first: its work is in order)
    if (focusInBar)
        m_list->setFocus(Qt::OtherFocusReason);
    Q_EMIT conversationRestored(restored.id);
}

void ConversationList::hideUndoBar()
{
    m_undoBar->hide();
    m_undoAction->setEnabled(false); // Ctrl+Z goes with the bar
    m_undoAction->setText(tr("Undo Delete"));
}

void ConversationList::refreshSearch()
{
    if (!m_search->text().trimmed().isEmpty())
        runSearch();
}

void ConversationList::purgeLastDeleted()
{
    // A conversation deleted while the bar showed at quit stays marked deleted: the store's
    // clean-up at the next start purges it.
    if (m_store && !m_lastDeleted.id.isEmpty())
        m_store->purgeConversation(m_lastDeleted.id);
    m_lastDeleted = {};
}

qreal ConversationList::snippetScroll(QTextDocument &document, int width, int ellipsisWidth)
{
    // A snippet keeps about six words before the first match, more than a sidebar shows: the
    // match was cut off at the edge (found by QA). Scrolled just far enough to show its end,
    // never past its start. Right-to-left text is left as it is.
    document.setTextWidth(-1);
    (void)document.size(); // lays it out
    const QTextBlock block = document.firstBlock();
    const QTextLayout *layout = block.layout();
    if (!layout || layout->lineCount() == 0 || block.textDirection() == Qt::RightToLeft)
        return 0;
    const QTextLine line = layout->lineAt(0);
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (fragment.charFormat().fontWeight() < QFont::Bold)
            continue;
        const int start = fragment.position() - block.position();
        const qreal end = line.cursorToX(start + fragment.length());
        if (end <= width)
            return 0;
        return std::max<qreal>(0, std::min(end - width, line.cursorToX(start) - ellipsisWidth));
    }
    return 0;
}

QString ConversationList::snippetHtml(const QString &snippet)
{
    QString html;
    QString run;
    bool matched = false;
    const auto flush = [&] {
        if (run.isEmpty())
            return;
        html += matched ? QStringLiteral("<b>") + run.toHtmlEscaped() + QStringLiteral("</b>")
                        : run.toHtmlEscaped();
        run.clear();
    };
    for (const QChar c : snippet.simplified()) {
        if (c == QChar(SearchHit::matchStart) || c == QChar(SearchHit::matchEnd)) {
            flush();
            matched = c == QChar(SearchHit::matchStart);
        } else if (c.category() != QChar::Other_Control) {
            run += c;
        }
    }
    flush();
    return html;
}

QString ConversationList::snippetText(const QString &snippet)
{
    QString text;
    for (const QChar c : snippet.simplified()) {
        if (c.category() != QChar::Other_Control)
            text += c;
    }
    return text;
}

bool ConversationList::isUndoBarVisible() const
{
    return m_undoBar->isVisibleTo(this);
}

void ConversationList::setSearchText(const QString &text)
{
    m_search->setText(text);
    if (!text.trimmed().isEmpty())
        runSearch();
}

void ConversationList::runSearch()
{
    m_searchDelay.stop();
    const QString text = m_search->text().trimmed();
    if (text.isEmpty())
        return;
    if (!m_store) {
        Q_EMIT searchRequested(text);
        return;
    }
    const quint64 generation = ++m_searchGeneration;
    whenReady(m_store->search(text), this, [this, generation, text](const QList<SearchHit> &hits) {
        if (generation == m_searchGeneration)
            showSearchResults(text, hits);
    });
}

void ConversationList::onRenameRequested(const QString &id, const QString &title)
{
    if (m_store)
        m_store->renameConversation(id, title);
}

void ConversationList::activateHit(const QModelIndex &index)
{
    const QString id = index.data(ConversationIdRole).toString();
    if (!id.isEmpty())
        Q_EMIT conversationActivated(id, index.data(TurnIdRole).toString());
}

void ConversationList::fitUndoLabel()
{
    m_undoLabel->setText(
        m_undoLabel->fontMetrics().elidedText(m_undoText, Qt::ElideMiddle, m_undoLabel->width()));
}

bool ConversationList::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_undoLabel && event->type() == QEvent::Resize)
        fitUndoLabel();
    // Esc in a search clears it, back to the list, as in a file manager's search (QA); before
    // the window's own Esc (stop the turn) takes it as a shortcut.
    if (watched == m_search
        && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape
        && !m_search->text().isEmpty()) {
        event->accept();
        if (event->type() == QEvent::KeyPress)
            m_search->clear();
        return true;
    }
    if (watched == m_list->viewport()
        && (event->type() == QEvent::MouseButtonPress
            || event->type() == QEvent::MouseButtonDblClick)
        && static_cast<QMouseEvent *>(event)->button() == Qt::RightButton)
        return true; // the context menu comes from its own event; the selection stays
    if (event->type() == QEvent::KeyPress && (watched == m_list || watched == m_hits)) {
        auto *key = static_cast<QKeyEvent *>(event);
        auto *view = static_cast<QListView *>(watched);
        const QModelIndex current = view->currentIndex();
        // While a row is being renamed its keys go to the editor, not to the view.
        if (current.isValid() && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            if (view == m_list)
                Q_EMIT conversationActivated(current.data(ConversationListModel::IdRole).toString(),
                                             {});
            else
                activateHit(current);
            return true;
        }
        if (view == m_list && current.isValid()
            && (key->matches(QKeySequence::Delete) || key->key() == Qt::Key_Backspace)) {
            deleteConversation(current.data(ConversationListModel::IdRole).toString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
