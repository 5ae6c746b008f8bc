#pragma once

#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <memory>

class DemoResultMemory;

// The offline demo gateway: a loopback-only HTTP server that answers POST /v1/responses like
// OpenAI's Responses API with the image_generation tool, and POST /v1/images/generations like
// OpenAI's Images API (the direct image endpoint of compare cells and `easel generate`), drawing
// the pictures locally. A turn may carry input images and a mask: the demo then edits the first
// image (or, through previous_response_id, the picture it returned earlier in this process). It
// is the default "provider" when no API key is set, so Easel works (and can be tried) offline.
// Nothing it reports costs money: usage carries cost 0.
class DemoGateway : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultPacingMs = 400;

    explicit DemoGateway(QObject *parent = nullptr);
    ~DemoGateway() override;

    // Listens on 127.0.0.1 on a free port. False (see errorString()) if that failed.
    bool start();
    void stop();
    bool isRunning() const { return m_server.isListening(); }
    QString errorString() const { return m_server.errorString(); }

    QUrl baseUrl() const; // http://127.0.0.1:PORT/v1
    quint16 port() const { return m_server.serverPort(); }

    // The pause between two steps of a streamed answer; 0 streams as fast as the pictures are
    // painted. Applies to requests that arrive afterwards.
    void setPacing(int msPerStep) { m_pacingMs = qMax(0, msPerStep); }
    int pacing() const { return m_pacingMs; }

    // Responses written completely (errors included; a request the client gave up is not).
    int requestsServed() const { return m_served; }

    // The final pictures of the latest responses, for edits through previous_response_id.
    const DemoResultMemory &resultMemory() const { return *m_memory; }

Q_SIGNALS:
    void requestServed();

private:
    void onNewConnection();

    QTcpServer m_server;
    std::shared_ptr<DemoResultMemory> m_memory;
    int m_pacingMs = defaultPacingMs;
    int m_served = 0;
};
