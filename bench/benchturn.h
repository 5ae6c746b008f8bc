#pragma once

#include "loopbacksseserver.h"
#include "ssescript.h"

#include "model/imageparams.h"
#include "model/turn.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>

class ChatSession;
class ConversationView;
class PaintProbe;

// One real turn of Easel, end to end: a ChatSession (the app's controller) sends its request over
// loopback HTTP to a LoopbackSseServer that answers with a prepared SSE script, and its model is
// shown in a ConversationView, on screen (offscreen platform) at a laptop window's size. The
// images go to a fresh temporary store, so no run finds the previous run's files or decodes.
class BenchTurn
{
public:
    BenchTurn();
    ~BenchTurn();
    BenchTurn(const BenchTurn &) = delete;
    BenchTurn &operator=(const BenchTurn &) = delete;

    // Empty when everything is ready, else why not.
    QString setupError() const { return m_setupError; }

    // Gives the server its script and sends a prompt. Returns false with *error set on refusal.
    bool send(const SseScript &script, const ImageParams &params, QString *error);

    ChatSession *session() const { return m_session.get(); }
    ConversationView *view() const { return m_view.get(); }
    PaintProbe *probe() const { return m_probe.get(); }
    LoopbackSseServer &server() { return m_server; }

    // The last turn of the conversation (an empty Turn before send()).
    Turn turn() const;
    bool hasPartialImage() const;
    bool isFinished() const;
    // The turn's state in words, for an error message when a wait timed out.
    QString describe() const;

    // Runs the GUI event loop until `condition` holds or `timeoutMs` passes; polls every 2 ms.
    static bool waitUntil(const std::function<bool()> &condition, int timeoutMs);
    // Runs the event loop for `ms`, doing nothing else.
    static void idle(int ms);

private:
    QTemporaryDir m_dir;
    LoopbackSseServer m_server;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<ConversationView> m_view;
    std::unique_ptr<PaintProbe> m_probe;
    QString m_setupError;
};
