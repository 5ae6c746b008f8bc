#include "conversationsdock.h"

#include "chat/chatsession.h"
#include "chat/conversationmodel.h"
#include "conversationlist.h"
#include "conversationlistmodel.h"
#include "conversationview.h"
#include "filedialogs.h"
#include "store/conversationexporter.h"
#include "store/filenametemplate.h"
#include "store/historystore.h"

#include "whenready.h"
#include <algorithm>

#include <QDir>
#include <QListView>
#include <QMenu>
#include <QStandardPaths>

ConversationsDock::ConversationsDock(ChatSession *session, ConversationView *view, QWidget *parent)
    : QDockWidget(tr("Conversations"), parent)
    , m_session(session)
    , m_view(view)
    , m_list(new ConversationList(this))
{
    setObjectName(QStringLiteral("conversationsDock"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    setWidget(m_list);

    connect(m_list, &ConversationList::conversationActivated, this,
            &ConversationsDock::openConversation);
    // The conversation on screen goes only when no turn of it is running: deleting it would stop
    // that turn, which is already billed (as opening another conversation would).
    m_list->setDeletionCheck([this](const QString &id) {
        return id == m_session->conversationId() && m_session->isBusy()
            ? tr("A turn of this conversation is still running: stop it or wait for it before "
                 "deleting the conversation.")
            : QString();
    });
    connect(m_list, &ConversationList::deletionRefused, this, &ConversationsDock::busyRefusal);
    connect(m_list, &ConversationList::revealRequested, this, [this] {
        show();
        raise();
    });
    connect(m_list, &ConversationList::conversationDeleted, this, [this](const QString &id) {
        m_deletedOnScreen.clear();
        if (id == m_session->conversationId()) {
            m_session->clear(); // what is on screen is gone: start afresh
            m_deletedOnScreen = id;
        }
    });
    connect(m_list, &ConversationList::conversationRestored, this, [this](const QString &id) {
        const bool untouched = m_session->conversationId().isEmpty() && !m_session->isBusy()
            && m_session->model()->rowCount() == 0;
        if (id == m_deletedOnScreen && untouched)
            openConversation(id, {});
        m_deletedOnScreen.clear();
    });
    connect(m_session, &ChatSession::conversationChanged, m_list,
            &ConversationList::setCurrentConversation);

    auto *listView = m_list->findChild<QListView *>(QStringLiteral("conversationListView"));
    listView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(listView, &QWidget::customContextMenuRequested, this,
            [this, listView](const QPoint &pos) {
                if (QMenu *menu = createContextMenu(pos)) {
                    menu->setAttribute(Qt::WA_DeleteOnClose);
                    menu->popup(listView->viewport()->mapToGlobal(pos));
                }
            });
}

void ConversationsDock::setHistoryStore(HistoryStore *store)
{
    m_history = store;
    m_list->setHistoryStore(store);
    m_list->setCurrentConversation(m_session->conversationId());
}

void ConversationsDock::openConversation(const QString &id, const QString &turnId)
{
    if (id.isEmpty())
        return;
    if (id == m_session->conversationId()) {
        scrollToTurn(turnId);
        Q_EMIT conversationOpened(id, turnId);
        return;
    }
    if (!m_history)
        return;
    const QList<ConversationSummary> &listed = m_list->model()->conversations();
    const auto chosen = std::find_if(listed.cbegin(), listed.cend(),
                                     [&id](const ConversationSummary &c) { return c.id == id; });
    if (chosen != listed.cend() && chosen->kind == ConversationSummary::Kind::Compare) {
        Q_EMIT compareRunRequested(*chosen);
        m_list->setCurrentConversation(m_session->conversationId());
        return;
    }
    if (m_session->isBusy()) {
        // Opening another conversation would stop the running turn, which is already billed.
        Q_EMIT busyRefusal(
            tr("A turn is still running: stop it or wait for it before opening another "
               "conversation."));
        m_list->setCurrentConversation(m_session->conversationId());
        return;
    }
    const quint64 generation = ++m_openGeneration;
    whenReady(m_history->turns(id), this, [this, id, turnId, generation](const QList<Turn> &turns) {
        if (generation != m_openGeneration) // the designer has chosen another one since
            return;
        keepReadingPlace();
        m_session->loadConversation(id, turns);
        if (!turnId.isEmpty() || !m_view->restoreReadingPlace(m_readingPlaces.value(id)))
            scrollToTurn(turnId);
        Q_EMIT conversationOpened(id, turnId);
    });
}

void ConversationsDock::keepReadingPlace()
{
    if (!m_session->conversationId().isEmpty())
        m_readingPlaces.insert(m_session->conversationId(), m_view->readingPlace());
}

void ConversationsDock::scrollToTurn(const QString &turnId)
{
    const int row = turnId.isEmpty() ? -1 : m_session->model()->rowOfTurn(turnId);
    if (row < 0) {
        m_view->scrollToBottom();
        return;
    }
    const QModelIndex index = m_session->model()->index(row, 0);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtTop);
}

QString ConversationsDock::exportBaseName(const QString &title)
{
    // The title as typed, in any script, less what a file name cannot hold; a leading dot would
    // hide the file.
    QString base = title.simplified().left(100);
    while (base.startsWith(u'.'))
        base.remove(0, 1);
    base = base.trimmed();
    return base.isEmpty() ? QStringLiteral("conversation") : FileNameTemplate::sanitize(base);
}

void ConversationsDock::exportConversation(const QString &id, bool html)
{
    if (!m_history)
        return;
    const int row = m_list->model()->rowOf(id);
    const QString title = row >= 0 ? m_list->model()->summaryAt(row).title : QString();
    const QString base = exportBaseName(title);
    const QString folder = FileDialogs::saveFolder(QStandardPaths::DocumentsLocation);
    const QString suggested
        = QDir(folder).filePath(base + (html ? QStringLiteral(".html") : QStringLiteral(".md")));
    const QString path = FileDialogs::getSaveFileName(
        this, html ? tr("Export Conversation as HTML") : tr("Export Conversation as Markdown"),
        suggested, html ? tr("HTML (*.html)") : tr("Markdown (*.md)"),
        html ? QStringLiteral("html") : QStringLiteral("md"));
    if (path.isEmpty())
        return;
    whenReady(m_history->turns(id), this, [this, title, path, html](const QList<Turn> &turns) {
        const ConversationExporter::Result result = html
            ? ConversationExporter::writeHtml(title, turns, path)
            : ConversationExporter::writeMarkdown(title, turns, path);
        if (!result.ok) {
            Q_EMIT notice(tr("Export failed: %1").arg(result.error));
            return;
        }
        QString message = tr("Exported %1 with %n image(s).", nullptr, result.imagesExported)
                              .arg(QDir::toNativeSeparators(path));
        if (!result.warnings.isEmpty())
            message += QLatin1Char(' ')
                + tr("%n image(s) could not be included: %1", nullptr, int(result.warnings.size()))
                      .arg(result.warnings.join(QLatin1Char(' ')));
        Q_EMIT notice(message);
    });
}

QMenu *ConversationsDock::createContextMenu(const QPoint &listViewportPos)
{
    auto *listView = m_list->findChild<QListView *>(QStringLiteral("conversationListView"));
    const QModelIndex index = listView->indexAt(listViewportPos);
    if (!index.isValid())
        return nullptr;
    const QString id = index.data(ConversationListModel::IdRole).toString();
    auto *menu = new QMenu(this);
    menu->addAction(tr("Open"), this, [this, id] { openConversation(id); });
    menu->addAction(tr("Rename"), listView, [listView, index] { listView->edit(index); });
    menu->addSeparator();
    menu->addAction(tr("Export as Markdown…"), this, [this, id] { exportConversation(id, false); });
    menu->addAction(tr("Export as HTML…"), this, [this, id] { exportConversation(id, true); });
    menu->addSeparator();
    menu->addAction(tr("Delete"), m_list, [this, id] { m_list->deleteConversation(id); });
    return menu;
}
