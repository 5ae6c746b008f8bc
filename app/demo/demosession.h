#pragma once

#include "demo/demoimagesresponsebuilder.h"
#include "demo/demorenderer.h"
#include "demo/demorequest.h"
#include "demo/demoresponsebuilder.h"
#include "demo/httprequestreader.h"
#include "demo/httpresponsewriter.h"

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

class DemoResultMemory;
class QTcpSocket;

// One connection to the demo gateway: reads the request, answers it, closes. It answers POST
// /v1/responses like the Responses API and POST /v1/images/generations like the Images API. A
// Responses body is parsed and its images decoded on the thread pool (an edit's PNG can be
// large). A streamed answer is a timed script of events; the pictures it carries are painted on
// the thread pool meanwhile, and a step that needs a picture not painted yet simply waits for it.
class DemoSession : public QObject
{
    Q_OBJECT
public:
    DemoSession(QTcpSocket *socket, int pacingMs, std::shared_ptr<DemoResultMemory> memory,
                QObject *parent = nullptr);
    ~DemoSession() override;

    static constexpr int requestReadTimeoutMs = 60000;

Q_SIGNALS:
    void served(); // a response was written completely

private:
    struct Step
    {
        int delayMs = 0; // pause before this step
        std::function<bool()> run; // false: a picture is missing, wait for it
    };

    void onReadyRead();
    void onDisconnected();
    void handle(const HttpRequest &request);
    void parseInBackground(const QByteArray &body);
    void onParsed();
    void respondError(int status, const QString &message, const QString &type,
                      const QString &param = {}, const QString &code = {});
    void startResponses(const DemoRequest &request);
    void startImages(const DemoImagesRequest &request);
    void startRender(const DemoRequest &request, int count);
    void writeStreamHead(const QByteArray &requestId);
    void onImageReady(int resultIndex);
    void onRenderFinished();
    void planStream();
    void planImagesStream();
    void pump();
    void send(const QString &type, const QJsonObject &fields = {});
    void respondWhole();
    void respondImagesWhole();
    void failStream(const QString &message);
    void complete();
    const DemoRenderedImage *image(int partialIndex, int imageIndex = 0) const;

    QTcpSocket *m_socket = nullptr;
    HttpRequestReader m_reader;
    HttpResponseWriter m_writer;
    int m_pacingMs = 0;
    std::shared_ptr<DemoResultMemory> m_memory;
    bool m_continueSent = false;
    bool m_handled = false;
    bool m_completed = false;

    DemoRequest m_request;
    std::optional<DemoResponseBuilder> m_builder; // answering /responses
    std::optional<DemoImagesResponseBuilder> m_imagesBuilder; // answering /images/generations
    QFutureWatcher<DemoRequest> m_parseWatcher;
    int m_imageCount = 1;
    QFutureWatcher<DemoRenderedImage> m_watcher;
    // By (image index, partial index); partial index -1 is the final image.
    QHash<QPair<int, int>, DemoRenderedImage> m_images;
    bool m_renderDone = false;

    QList<Step> m_steps;
    qsizetype m_nextStep = 0;
    bool m_waiting = false; // the current step waits for a picture
    QTimer m_stepTimer;
    QTimer m_readTimer;
};
