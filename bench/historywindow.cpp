#include "historywindow.h"

#include "benchclock.h"

#include "chat/chatsession.h"
#include "conversationview.h"
#include "image/imagecache.h"

HistoryWindow::HistoryWindow(const QString &dir)
{
    ChatSession::Options options;
    options.imageRoot = dir + QStringLiteral("/images");
    options.previewRoot = dir + QStringLiteral("/previews");
    const ProviderProfile provider
        = ProviderProfile::demo(QUrl(QStringLiteral("http://127.0.0.1:9")));
    session = std::make_unique<ChatSession>(provider, options);
    view = std::make_unique<ConversationView>();
    view->setModel(session->model());
    session->setImageCache(view->imageCache());
    view->resize(1100, 900);
    view->show();
    session->setImageDecodeBox(view->largestImagePixels()); // for the view's size, once shown
    clock = std::make_unique<ViewportPaintClock>(view->viewport());
    QObject::connect(view->imageCache(), &ImageCache::imageReady, view.get(),
                     [this] { lastDeliveredNs = benchNowNs(); });
}

HistoryWindow::~HistoryWindow()
{
    clock.reset();
}

bool HistoryWindow::settled(qint64 sinceNs) const
{
    return view->imageCache()->pendingCount() == 0 && clock->lastPaintEndNs() > sinceNs
        && clock->lastPaintEndNs() > lastDeliveredNs;
}
