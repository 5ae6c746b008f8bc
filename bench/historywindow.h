#pragma once

#include "viewportpaintclock.h"

#include <QString>

#include <memory>

class ChatSession;
class ConversationView;

// A window as Easel shows a conversation: a ChatSession's model in a shown ConversationView with
// its own bounded ImageCache, at a laptop window's conversation size (1100x900), its viewport's
// paints stamped. `dir` is a history folder (images/ and previews/ under it).
struct HistoryWindow
{
    std::unique_ptr<ChatSession> session;
    std::unique_ptr<ConversationView> view;
    std::unique_ptr<ViewportPaintClock> clock;
    qint64 lastDeliveredNs = 0; // the last image the cache delivered

    explicit HistoryWindow(const QString &dir);
    ~HistoryWindow();

    // Every image the view asked for is decoded and the viewport painted after the last arrived.
    bool settled(qint64 sinceNs) const;
};
