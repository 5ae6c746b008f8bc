#include "librarywindow.h"

#include "chat/chatsession.h"
#include "flowlayout.h"
#include "focusring.h"
#include "image/imagecache.h"
#include "imageviewer.h"
#include "librarymodel.h"
#include "store/historystore.h"
#include "toplevelwindow.h"
#include "whenready.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace {

constexpr int starSide = 24;

// The box an image of `pixelSize` takes inside `box`, centred, keeping its aspect. Used for the
// placeholder too, so nothing jumps when the thumbnail arrives.
QRect fitted(const QSize &pixelSize, const QRect &box)
{
    if (!pixelSize.isValid() || pixelSize.isEmpty())
        return box;
    const QSize size = pixelSize.scaled(box.size(), Qt::KeepAspectRatio);
    return QRect(box.center() - QPoint(size.width() / 2, size.height() / 2), size);
}

class LibraryDelegate : public QStyledItemDelegate
{
public:
    explicit LibraryDelegate(LibraryWindow *window)
        : QStyledItemDelegate(window)
        , m_window(window)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        const int side = LibraryWindow::thumbnailSide + 2 * LibraryWindow::cellMargin;
        return { side, side };
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRect cell = option.rect;
        if (option.state & QStyle::State_Selected)
            painter->fillRect(cell, option.palette.highlight());
        const QRect box = cell.adjusted(LibraryWindow::cellMargin, LibraryWindow::cellMargin,
                                        -LibraryWindow::cellMargin, -LibraryWindow::cellMargin);
        const QRect target = fitted(index.data(LibraryModel::PixelSizeRole).toSize(), box);
        const QString path = index.data(LibraryModel::FilePathRole).toString();
        ImageCache *cache = m_window->imageCache();
        const QImage thumbnail = cache ? cache->image(path, m_window->thumbnailPixels()) : QImage();
        if (!thumbnail.isNull()) {
            painter->drawImage(fitted(thumbnail.size(), target), thumbnail);
        } else {
            QColor placeholder = option.palette.color(QPalette::Mid);
            placeholder.setAlphaF(0.35f);
            painter->setPen(Qt::NoPen);
            painter->setBrush(placeholder);
            painter->drawRoundedRect(target, 4, 4);
            const QString error = cache ? cache->errorFor(path) : QString();
            if (!error.isEmpty()) {
                painter->setPen(option.palette.color(QPalette::Text));
                painter->drawText(target.adjusted(6, 6, -6, -6), Qt::AlignCenter | Qt::TextWordWrap,
                                  error);
            }
        }
        if (option.state & QStyle::State_HasFocus)
            paintFocusRing(painter, cell, option.palette, 4, option.state & QStyle::State_Selected);
        const bool favourite = index.data(LibraryModel::FavouriteRole).toBool();
        const QRect star = LibraryWindow::starRectIn(cell);
        if (favourite || (option.state & QStyle::State_MouseOver)) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0, 0, 0, 110));
            painter->drawEllipse(star);
            painter->setPen(favourite ? QColor(255, 200, 40) : QColor(255, 255, 255));
            QFont font = option.font;
            font.setPixelSize(starSide - 6);
            painter->setFont(font);
            painter->drawText(star, Qt::AlignCenter,
                              favourite ? QStringLiteral("\u2605") : QStringLiteral("\u2606"));
        }
        painter->restore();
    }

private:
    LibraryWindow *m_window;
};

// The grid; with no cell, it says why in its middle, where the designer is looking (found by
// QA: "No image matches these filters." was a line at the bottom of a large empty grid).
class LibraryGrid : public QListView
{
public:
    using QListView::QListView;

    QString emptyText() const { return m_emptyText; }
    void setEmptyText(const QString &text)
    {
        if (m_emptyText == text)
            return;
        m_emptyText = text;
        viewport()->update();
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QListView::paintEvent(event);
        if (m_emptyText.isEmpty() || (model() && model()->rowCount() > 0))
            return;
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                         Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    }

private:
    QString m_emptyText;
};

// A filter's choices: what it shows, and the value the store is asked for.
using Choices = QList<std::pair<QString, QString>>;

QComboBox *filterCombo(const QString &objectName, const QString &accessibleName,
                       const QString &toolTip, const QString &allLabel, const Choices &choices,
                       QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    // No label is shown beside a filter, and AT-SPI names a combo box by its value: the
    // description, which Orca reads after it, says what it filters.
    combo->setAccessibleDescription(accessibleName);
    combo->setToolTip(toolTip);
    combo->addItem(allLabel, QString());
    for (const auto &[label, value] : choices)
        combo->addItem(label, value);
    return combo;
}

Choices sameLabels(const QStringList &values)
{
    Choices choices;
    for (const QString &value : values)
        choices.append({ value, value });
    return choices;
}

} // namespace

QRect LibraryWindow::starRectIn(const QRect &cell)
{
    return QRect(cell.right() - cellMargin - starSide - 2, cell.top() + cellMargin + 2, starSide,
                 starSide);
}

LibraryWindow::LibraryWindow(ImageCache *cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_model(new LibraryModel(this))
    , m_view(new LibraryGrid(this))
{
    setObjectName(QStringLiteral("libraryWindow"));
    setWindowTitle(tr("Library"));
    m_imageModel = filterCombo(
        QStringLiteral("libraryModelFilter"), tr("Image model filter"),
        tr("Show only the images made by this image model"), tr("All models"),
        sameLabels({ QStringLiteral("gpt-image-1"), QStringLiteral("gpt-image-1-mini"),
                     QStringLiteral("gpt-image-1.5"), QStringLiteral("gpt-image-2") }),
        this);
    m_quality = filterCombo(QStringLiteral("libraryQualityFilter"), tr("Quality filter"),
                            tr("Show only the images made at this quality"), tr("Any quality"),
                            { { tr("Low"), QStringLiteral("low") },
                              { tr("Medium"), QStringLiteral("medium") },
                              { tr("High"), QStringLiteral("high") } },
                            this);
    m_size = filterCombo(QStringLiteral("librarySizeFilter"), tr("Size filter"),
                         tr("Show only the images of this pixel size"), tr("Any size"),
                         // As the image settings name them.
                         { { tr("1024 × 1024  square"), QStringLiteral("1024x1024") },
                           { tr("1536 × 1024  landscape"), QStringLiteral("1536x1024") },
                           { tr("1024 × 1536  portrait"), QStringLiteral("1024x1536") } },
                         this);
    m_format = filterCombo(QStringLiteral("libraryFormatFilter"), tr("File format filter"),
                           tr("Show only the images saved in this file format"), tr("Any format"),
                           { { tr("PNG"), QStringLiteral("png") },
                             { tr("JPEG"), QStringLiteral("jpeg") },
                             { tr("WebP"), QStringLiteral("webp") } },
                           this);
    m_conversation = filterCombo(
        QStringLiteral("libraryConversationFilter"), tr("Conversation filter"),
        tr("Show only the images of one conversation"), tr("All conversations"), {}, this);
    m_date = new QComboBox(this);
    m_date->setObjectName(QStringLiteral("libraryDateFilter"));
    m_date->setAccessibleName(tr("Date filter"));
    m_date->setAccessibleDescription(m_date->accessibleName()); // as filterCombo() says
    m_date->setToolTip(tr("Show only the images made in this period"));
    m_date->addItem(tr("Any time"), -1);
    m_date->addItem(tr("Today"), 0);
    m_date->addItem(tr("Last 7 days"), 6);
    m_date->addItem(tr("Last 30 days"), 29);
    m_date->addItem(tr("Last 365 days"), 364);
    m_favourites = new QCheckBox(tr("Favourites"), this);
    m_favourites->setObjectName(QStringLiteral("libraryFavouritesOnly"));
    m_favourites->setToolTip(tr("Show only the images you starred"));
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("librarySearch"));
    m_text->setAccessibleName(tr("Search prompts"));
    m_text->setToolTip(tr("Show only the images whose prompt contains these words"));
    m_text->setPlaceholderText(tr("Search prompts"));
    m_text->setClearButtonEnabled(true);

    // The filters wrap onto a second row in a narrow window (one row made the Library at least
    // 1153 px wide, found by QA); the search field takes what its row leaves.
    auto *filters = new FlowLayout(nullptr, 6);
    filters->setContentsMargins(6, 6, 6, 0);
    for (QWidget *w :
         std::initializer_list<QWidget *> { m_text, m_imageModel, m_quality, m_size, m_format,
                                            m_conversation, m_date, m_favourites })
        filters->addWidget(w);
    // Long conversation titles must not squeeze the search field to nothing.
    m_text->setMinimumWidth(200);
    m_conversation->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_conversation->setMinimumContentsLength(18);

    m_view->setObjectName(QStringLiteral("libraryGrid"));
    m_view->setAccessibleName(tr("Images"));
    m_view->setToolTip(tr("Every image you made, newest first: the star marks a favourite, Space "
                          "shows the image large, a double-click or Enter opens its "
                          "conversation, right-click for more"));
    m_view->setViewMode(QListView::IconMode);
    m_view->setMovement(QListView::Static);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setMouseTracking(true);
    m_view->setItemDelegate(new LibraryDelegate(this));
    const int side = thumbnailSide + 2 * cellMargin;
    m_view->setGridSize(QSize(side, side));
    m_view->setModel(m_model);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->viewport()->installEventFilter(this);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (QMenu *menu = createContextMenu(pos)) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_view->viewport()->mapToGlobal(pos));
        }
    });
    connect(m_view, &QListView::activated, this, &LibraryWindow::openInConversation);
    // Space looks at the image large, as Quick Look does; Enter opens its conversation.
    m_viewAction = new QAction(tr("View Image"), m_view);
    m_viewAction->setObjectName(QStringLiteral("libraryViewShortcut"));
    m_viewAction->setShortcut(Qt::Key_Space);
    m_viewAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_viewAction);
    connect(m_viewAction, &QAction::triggered, this, [this] { viewImage(m_view->currentIndex()); });

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("libraryStatus"));
    m_status->setContentsMargins(8, 2, 8, 4);
    m_messageTime.setSingleShot(true);
    connect(&m_messageTime, &QTimer::timeout, this, &LibraryWindow::updateStatus);
    connect(m_model, &LibraryModel::pageLoaded, this, &LibraryWindow::updateStatus);
    connect(m_model, &LibraryModel::totalCounted, this, &LibraryWindow::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &LibraryWindow::updateStatus);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    for (QComboBox *combo : { m_imageModel, m_quality, m_size, m_format, m_conversation, m_date })
        connect(combo, &QComboBox::currentIndexChanged, this, &LibraryWindow::applyFilter);
    connect(m_favourites, &QCheckBox::toggled, this, &LibraryWindow::applyFilter);
    m_textDelay.setSingleShot(true);
    m_textDelay.setInterval(250);
    connect(&m_textDelay, &QTimer::timeout, this, &LibraryWindow::applyFilter);
    connect(m_text, &QLineEdit::textChanged, &m_textDelay, qOverload<>(&QTimer::start));
    connect(m_text, &QLineEdit::returnPressed, this, &LibraryWindow::applyFilter);

    if (m_cache) {
        // A decoded thumbnail: repaint the cells in view (cheap: a screenful of cells).
        connect(m_cache, &ImageCache::imageReady, m_view->viewport(),
                qOverload<>(&QWidget::update));
        connect(m_cache, &ImageCache::imageFailed, m_view->viewport(),
                qOverload<>(&QWidget::update));
    }
    resizeToFitScreen(this, QSize(1000, 700));
    addCloseAction(this);
}

LibraryWindow::~LibraryWindow() = default;

void LibraryWindow::setHistoryStore(HistoryStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_model->setHistoryStore(store);
    if (store) {
        const auto loadConversations = [this] {
            if (m_store)
                whenReady(
                    m_store->conversations(), this,
                    [this](const QList<ConversationSummary> &list) { setConversations(list); });
        };
        connect(store, &HistoryStore::conversationsChanged, this, loadConversations);
        // New images: reload now if that moves nothing under the designer's eyes, else later.
        connect(store, &HistoryStore::conversationsChanged, this, [this] {
            if (isVisible() && m_view->verticalScrollBar()->value() == 0)
                applyFilter();
            else
                m_stale = true;
        });
        loadConversations();
    }
    applyFilter();
}

void LibraryWindow::setConversations(const QList<ConversationSummary> &conversations)
{
    const QString current = m_conversation->currentData().toString();
    const QSignalBlocker blocker(m_conversation);
    while (m_conversation->count() > 1)
        m_conversation->removeItem(1);
    for (const ConversationSummary &c : conversations)
        m_conversation->addItem(c.title.isEmpty() ? tr("Untitled") : c.title, c.id);
    const int index = m_conversation->findData(current);
    m_conversation->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !current.isEmpty())
        applyFilter(); // the conversation filtered on is gone
}

LibraryFilter LibraryWindow::filterFromControls() const
{
    LibraryFilter filter;
    filter.imageModel = m_imageModel->currentData().toString();
    filter.quality = m_quality->currentData().toString();
    filter.size = m_size->currentData().toString();
    filter.format = m_format->currentData().toString();
    filter.conversationId = m_conversation->currentData().toString();
    const int days = m_date->currentData().toInt();
    if (days >= 0) {
        filter.to = QDate::currentDate();
        filter.from = filter.to.addDays(-days);
    }
    filter.favouritesOnly = m_favourites->isChecked();
    filter.text = m_text->text().trimmed();
    return filter;
}

QSize LibraryWindow::thumbnailPixels() const
{
    const qreal ratio = m_view->viewport()->devicePixelRatioF();
    const int side = qRound(thumbnailSide * ratio);
    return { side, side };
}

QRect LibraryWindow::starRect(const QModelIndex &index) const
{
    return starRectIn(m_view->visualRect(index));
}

QString LibraryWindow::emptyText() const
{
    return static_cast<LibraryGrid *>(m_view)->emptyText();
}

void LibraryWindow::setEmptyText(const QString &text)
{
    static_cast<LibraryGrid *>(m_view)->setEmptyText(text);
}

void LibraryWindow::applyFilter()
{
    m_stale = false;
    setEmptyText({}); // until the new filter's first page says
    m_textDelay.stop();
    m_model->setFilter(filterFromControls());
}

void LibraryWindow::updateStatus()
{
    if (m_model->isLoading())
        return;
    const int shown = m_model->rowCount();
    const LibraryFilter filter = filterFromControls();
    const bool filtered = !filter.imageModel.isEmpty() || !filter.quality.isEmpty()
        || !filter.size.isEmpty() || !filter.format.isEmpty() || !filter.conversationId.isEmpty()
        || filter.from.isValid() || filter.favouritesOnly || !filter.text.trimmed().isEmpty();
    const QString none = filtered ? tr("No image matches these filters.")
                                  : tr("No images yet: the images you make appear here.");
    setEmptyText(shown == 0 ? none : QString());
    if (m_messageTime.isActive())
        return;
    if (shown == 0)
        m_status->setText(none);
    else if (m_model->isAtEnd())
        m_status->setText(tr("%n image(s)", nullptr, shown));
    else if (const int total = m_model->totalCount(); total >= shown)
        // Counted by the store: how many match, before the rest has loaded (found by QA: the
        // number came only once the grid was scrolled to its end).
        m_status->setText(tr("%n image(s)", nullptr, total));
    else // not counted (yet): the rest loads as the grid scrolls
        m_status->setText(tr("The newest %n image(s), more as you scroll", nullptr, shown));
}

void LibraryWindow::showMessage(const QString &message, int timeoutMs)
{
    m_status->setText(message);
    m_messageTime.start(timeoutMs > 0 ? timeoutMs : 5000);
}

void LibraryWindow::openInConversation(const QModelIndex &index)
{
    if (index.isValid())
        Q_EMIT openInConversationRequested(index.data(LibraryModel::ConversationIdRole).toString(),
                                           index.data(LibraryModel::TurnIdRole).toString());
}

QMenu *LibraryWindow::createContextMenu(const QPoint &viewportPos)
{
    const QModelIndex index = m_view->indexAt(viewportPos);
    if (!index.isValid())
        return nullptr;
    const QPersistentModelIndex persistent(index);
    const bool favourite = index.data(LibraryModel::FavouriteRole).toBool();
    auto *menu = new QMenu(this);
    const auto add = [&](const QString &text, const char *objectName, auto &&slot) {
        QAction *action = menu->addAction(text, this, std::forward<decltype(slot)>(slot));
        action->setObjectName(QLatin1String(objectName));
        return action;
    };
    // What a found image is for: a look at it large, its conversation, an edit, a paste into
    // another app, a file (found by QA: the Library was a dead end without View and Copy).
    add(tr("View Image"), "libraryViewAction", [this, persistent] {
        viewImage(persistent);
    })->setShortcut(m_viewAction->shortcut());
    add(tr("Open in Conversation"), "libraryOpenAction",
        [this, persistent] { openInConversation(persistent); });
    add(tr("Edit This Image"), "libraryEditAction", [this, persistent] {
        if (persistent.isValid())
            Q_EMIT editImageRequested(persistent.data(LibraryModel::ConversationIdRole).toString(),
                                      refAt(persistent));
    });
    menu->addSeparator();
    add(tr("Copy Image"), "libraryCopyAction", [this, persistent] {
        if (persistent.isValid())
            Q_EMIT copyImageRequested(persistent.data(LibraryModel::ConversationIdRole).toString(),
                                      refAt(persistent));
    });
    add(tr("Save Image As…"), "librarySaveAction", [this, persistent] {
        if (persistent.isValid())
            Q_EMIT saveImageRequested(persistent.data(LibraryModel::ConversationIdRole).toString(),
                                      refAt(persistent));
    });
    menu->addSeparator();
    add(favourite ? tr("Remove from Favourites") : tr("Add to Favourites"),
        "libraryFavouriteAction", [this, persistent, favourite] {
            if (persistent.isValid())
                m_model->setFavourite(persistent.row(), !favourite);
        });
    return menu;
}

ImageRef LibraryWindow::refAt(const QModelIndex &index)
{
    const auto image = index.data(LibraryModel::ImageRole).value<LibraryImage>();
    return { image.turnId, image.itemId };
}

ImageViewer *LibraryWindow::lastViewer() const
{
    return m_lastViewer;
}

ImageViewer *LibraryWindow::viewImage(const QModelIndex &index)
{
    if (!index.isValid())
        return nullptr;
    const auto image = index.data(LibraryModel::ImageRole).value<LibraryImage>();
    auto *viewer = new ImageViewer(image.filePath, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->setSubject(ChatSession::titleFromPrompt(image.prompt)); // its file name is a hash
    viewer->show();
    viewer->raise();
    viewer->activateWindow();
    m_lastViewer = viewer;
    return viewer;
}

void LibraryWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        applyFilter();
}

bool LibraryWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonPress) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QModelIndex index = m_view->indexAt(mouse->position().toPoint());
        if (mouse->button() == Qt::LeftButton && index.isValid()
            && starRect(index).contains(mouse->position().toPoint())) {
            m_model->setFavourite(index.row(), !index.data(LibraryModel::FavouriteRole).toBool());
            return true; // the star is a button: it does not select the cell
        }
    }
    return QWidget::eventFilter(watched, event);
}
