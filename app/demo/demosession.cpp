#include "demo/demosession.h"

#include "demo/demoeditinput.h"
#include "demo/demoresultmemory.h"

#include <QJsonDocument>
#include <QPromise>
#include <QTcpSocket>
#include <QThreadPool>

DemoSession::DemoSession(QTcpSocket *socket, int pacingMs, std::shared_ptr<DemoResultMemory> memory,
                         QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_writer(socket)
    , m_pacingMs(qMax(0, pacingMs))
    , m_memory(std::move(memory))
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &DemoSession::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &DemoSession::onDisconnected);
    connect(&m_watcher, &QFutureWatcher<DemoRenderedImage>::resultReadyAt, this,
            &DemoSession::onImageReady);
    connect(&m_watcher, &QFutureWatcher<DemoRenderedImage>::finished, this,
            &DemoSession::onRenderFinished);
    connect(&m_parseWatcher, &QFutureWatcher<DemoRequest>::finished, this, &DemoSession::onParsed);
    m_stepTimer.setSingleShot(true);
    connect(&m_stepTimer, &QTimer::timeout, this, &DemoSession::pump);
    // A client that connects and never finishes its request must not hold the session forever.
    m_readTimer.setSingleShot(true);
    connect(&m_readTimer, &QTimer::timeout, this, [this] {
        if (!m_handled)
            m_socket->abort();
    });
    m_readTimer.start(requestReadTimeoutMs);
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &DemoSession::onReadyRead, Qt::QueuedConnection);
}

DemoSession::~DemoSession()
{
    // The painting task holds only its own promise: cancelling stops it after the current picture.
    m_watcher.disconnect(this);
    m_watcher.future().cancel();
    m_parseWatcher.disconnect(this);
}

void DemoSession::onReadyRead()
{
    const QByteArray bytes = m_socket->readAll();
    if (m_handled)
        return; // one request per connection; anything after it is ignored
    const HttpRequestReader::State state = m_reader.feed(bytes);
    if (state == HttpRequestReader::State::Failed) {
        m_handled = true;
        respondError(m_reader.errorStatus(), m_reader.errorMessage(),
                     QStringLiteral("invalid_request_error"));
        return;
    }
    if (state == HttpRequestReader::State::Incomplete) {
        if (m_reader.expectsContinue() && !m_continueSent) {
            m_continueSent = true;
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        return;
    }
    m_handled = true;
    m_readTimer.stop();
    handle(m_reader.takeRequest());
}

void DemoSession::onDisconnected()
{
    m_stepTimer.stop();
    m_watcher.future().cancel();
    deleteLater();
}

void DemoSession::handle(const HttpRequest &request)
{
    const QByteArray path = request.path.endsWith('/') ? request.path.chopped(1) : request.path;
    const bool responsesPath = path == "/v1/responses" || path == "/responses";
    const bool imagesPath = path == "/v1/images/generations" || path == "/images/generations";
    if (!responsesPath && !imagesPath) {
        respondError(404,
                     QStringLiteral("Invalid URL (%1 %2): the offline demo only answers POST "
                                    "/v1/responses and POST /v1/images/generations.")
                         .arg(QString::fromLatin1(request.method), QString::fromUtf8(request.path)),
                     QStringLiteral("invalid_request_error"), {}, QStringLiteral("unknown_url"));
        return;
    }
    if (request.method != "POST") {
        respondError(405,
                     QStringLiteral("Method %1 is not allowed on %2; use POST.")
                         .arg(QString::fromLatin1(request.method), QString::fromUtf8(request.path)),
                     QStringLiteral("invalid_request_error"));
        return;
    }
    if (imagesPath) {
        const DemoImagesRequest parsed = DemoImagesRequest::fromJson(request.body);
        if (!parsed.isValid()) {
            respondError(400, parsed.settings.error, QStringLiteral("invalid_request_error"),
                         parsed.settings.errorParam, parsed.settings.errorCode);
            return;
        }
        startImages(parsed);
        return;
    }
    parseInBackground(request.body);
}

void DemoSession::parseInBackground(const QByteArray &body)
{
    // The body may carry megabytes of base64 pictures: parsing and decoding them must not hold
    // the server's event loop (the app's GUI thread, when the demo runs inside Easel).
    auto promise = std::make_shared<QPromise<DemoRequest>>();
    m_parseWatcher.setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, body, memory = m_memory] {
        DemoRequest parsed = DemoRequest::fromJson(body);
        if (parsed.isValid())
            DemoEditInput::resolve(parsed, memory.get());
        promise->addResult(parsed);
        promise->finish();
    });
}

void DemoSession::onParsed()
{
    if (m_parseWatcher.future().resultCount() < 1)
        return;
    const DemoRequest parsed = m_parseWatcher.result();
    m_parseWatcher.setFuture(QFuture<DemoRequest>()); // lets go of the decoded pictures
    if (!parsed.isValid()) {
        respondError(400, parsed.error, QStringLiteral("invalid_request_error"), parsed.errorParam,
                     parsed.errorCode);
        return;
    }
    startResponses(parsed);
}

void DemoSession::respondError(int status, const QString &message, const QString &type,
                               const QString &param, const QString &code)
{
    m_writer.writeComplete(status, "application/json",
                           DemoResponseBuilder::errorBody(message, type, param, code));
    complete();
}

void DemoSession::startResponses(const DemoRequest &request)
{
    m_request = request;
    if (m_request.hasImageTool)
        startRender(m_request, 1);
    else
        m_renderDone = true;
    // The renderer holds the pictures from here on; the session keeps only their sizes.
    m_request.inputImages.clear();
    m_request.mask = QImage();
    m_builder.emplace(m_request);
    if (!request.stream) {
        if (m_renderDone)
            respondWhole();
        return; // onRenderFinished answers
    }
    writeStreamHead("req_" + m_builder->responseId().toLatin1());
    planStream();
    pump();
}

void DemoSession::startImages(const DemoImagesRequest &request)
{
    m_request = request.settings;
    m_imageCount = request.n;
    m_imagesBuilder.emplace(request);
    startRender(m_request, request.n);
    if (!request.settings.stream)
        return; // onRenderFinished answers
    writeStreamHead(m_imagesBuilder->requestId().toLatin1());
    planImagesStream();
    pump();
}

void DemoSession::startRender(const DemoRequest &request, int count)
{
    // The same painter and encoder for both endpoints: a picture honours the settings alike.
    DemoRenderSpec spec;
    spec.prompt = request.prompt;
    spec.size = request.size;
    spec.quality = request.resolvedQuality();
    spec.transparent = request.transparent();
    spec.format = request.outputFormat;
    spec.compression = request.outputCompression;
    spec.partialImages = request.partialImages;
    spec.count = count;
    if (request.edit) {
        spec.editImage = request.inputImages.constFirst();
        spec.editMask = request.mask;
    }
    m_watcher.setFuture(DemoRenderer::start(spec));
}

void DemoSession::writeStreamHead(const QByteArray &requestId)
{
    m_writer.writeHead(200,
                       { { "Content-Type", "text/event-stream; charset=utf-8" },
                         { "Cache-Control", "no-cache" },
                         { "x-request-id", requestId } },
                       HttpResponseWriter::Framing::Chunked);
}

void DemoSession::onImageReady(int resultIndex)
{
    const DemoRenderedImage rendered = m_watcher.resultAt(resultIndex);
    m_images.insert({ rendered.imageIndex, rendered.partialIndex }, rendered);
    // A stored response's picture can be edited later through previous_response_id.
    if (m_builder && m_request.store && rendered.partialIndex < 0 && m_memory)
        m_memory->remember(m_builder->responseId(), rendered.bytes);
    if (m_waiting)
        pump();
}

void DemoSession::onRenderFinished()
{
    m_renderDone = true;
    if (!m_request.stream && !m_completed) {
        if (m_imagesBuilder)
            respondImagesWhole();
        else if (m_builder)
            respondWhole();
        return;
    }
    if (m_waiting)
        pump();
}

const DemoRenderedImage *DemoSession::image(int partialIndex, int imageIndex) const
{
    const auto it = m_images.constFind({ imageIndex, partialIndex });
    return it == m_images.cend() ? nullptr : &it.value();
}

void DemoSession::respondWhole()
{
    QJsonArray output;
    if (m_request.hasImageTool) {
        const DemoRenderedImage *final = image(-1);
        if (!final || final->bytes.isEmpty()) {
            respondError(500, QStringLiteral("The offline demo could not encode the picture."),
                         QStringLiteral("server_error"));
            return;
        }
        output.append(m_builder->imageItem(final));
    }
    output.append(m_builder->messageItem(QStringLiteral("completed"), m_builder->assistantText()));
    m_writer.writeComplete(200, "application/json",
                           QJsonDocument(m_builder->response(QStringLiteral("completed"), output))
                               .toJson(QJsonDocument::Compact));
    complete();
}

void DemoSession::respondImagesWhole()
{
    QList<DemoRenderedImage> finals;
    for (int index = 0; index < m_imageCount; ++index) {
        const DemoRenderedImage *final = image(-1, index);
        if (!final || final->bytes.isEmpty()) {
            respondError(500, QStringLiteral("The offline demo could not encode the picture."),
                         QStringLiteral("server_error"));
            return;
        }
        finals << *final;
    }
    m_writer.writeComplete(
        200, "application/json",
        QJsonDocument(m_imagesBuilder->body(finals)).toJson(QJsonDocument::Compact),
        { { "x-request-id", m_imagesBuilder->requestId().toLatin1() } });
    complete();
}

void DemoSession::send(const QString &type, const QJsonObject &fields)
{
    m_writer.writeBody(m_builder->event(type, fields));
}

void DemoSession::planStream()
{
    const int p = m_pacingMs;
    DemoResponseBuilder &b = *m_builder;
    const auto step = [this](int delay, std::function<bool()> run) {
        m_steps.append({ delay, std::move(run) });
    };
    const auto always = [this](int delay, std::function<void()> run) {
        m_steps.append({ delay, [run] {
                            run();
                            return true;
                        } });
    };
    const QJsonObject imageRef { { QStringLiteral("output_index"), b.imageOutputIndex() },
                                 { QStringLiteral("item_id"), b.imageItemId() } };

    always(0, [this, &b] {
        send(QStringLiteral("response.created"),
             { { QStringLiteral("response"), b.response(QStringLiteral("in_progress")) } });
    });
    always(p / 2, [this, &b] {
        send(QStringLiteral("response.in_progress"),
             { { QStringLiteral("response"), b.response(QStringLiteral("in_progress")) } });
    });
    if (m_request.hasImageTool) {
        always(p / 2, [this, &b] {
            send(QStringLiteral("response.output_item.added"),
                 { { QStringLiteral("output_index"), b.imageOutputIndex() },
                   { QStringLiteral("item"), b.imageItem(nullptr) } });
        });
        always(0, [this, imageRef] {
            send(QStringLiteral("response.image_generation_call.in_progress"), imageRef);
        });
        always(p / 2, [this, imageRef] {
            send(QStringLiteral("response.image_generation_call.generating"), imageRef);
        });
        for (int index = 0; index < m_request.partialImages; ++index) {
            step(p * 2, [this, &b, index] {
                const DemoRenderedImage *partial = image(index);
                if (!partial)
                    return m_renderDone; // a cancelled render skips the preview
                send(QStringLiteral("response.image_generation_call.partial_image"),
                     b.partialImageFields(*partial));
                return true;
            });
        }
        step(p, [this, imageRef] {
            const DemoRenderedImage *final = image(-1);
            if (!final && !m_renderDone)
                return false;
            if (!final || final->bytes.isEmpty()) {
                failStream(QStringLiteral("The offline demo could not encode the picture."));
                return true;
            }
            send(QStringLiteral("response.image_generation_call.completed"), imageRef);
            return true;
        });
        always(0, [this, &b] {
            send(QStringLiteral("response.output_item.done"),
                 { { QStringLiteral("output_index"), b.imageOutputIndex() },
                   { QStringLiteral("item"), b.imageItem(image(-1)) } });
        });
    }

    const QString text = b.assistantText();
    const QJsonObject textRef { { QStringLiteral("item_id"), b.messageItemId() },
                                { QStringLiteral("output_index"), b.messageOutputIndex() },
                                { QStringLiteral("content_index"), 0 } };
    const auto part = [](const QString &partText) {
        return QJsonObject { { QStringLiteral("type"), QStringLiteral("output_text") },
                             { QStringLiteral("annotations"), QJsonArray() },
                             { QStringLiteral("logprobs"), QJsonArray() },
                             { QStringLiteral("text"), partText } };
    };
    always(p / 2, [this, &b] {
        send(QStringLiteral("response.output_item.added"),
             { { QStringLiteral("output_index"), b.messageOutputIndex() },
               { QStringLiteral("item"), b.messageItem(QStringLiteral("in_progress"), {}) } });
    });
    always(0, [this, textRef, part] {
        QJsonObject fields = textRef;
        fields.insert(QStringLiteral("part"), part(QString()));
        send(QStringLiteral("response.content_part.added"), fields);
    });
    for (const QString &delta : b.assistantDeltas()) {
        always(p / 6, [this, textRef, delta] {
            QJsonObject fields = textRef;
            fields.insert(QStringLiteral("delta"), delta);
            fields.insert(QStringLiteral("logprobs"), QJsonArray());
            send(QStringLiteral("response.output_text.delta"), fields);
        });
    }
    always(0, [this, textRef, text] {
        QJsonObject fields = textRef;
        fields.insert(QStringLiteral("text"), text);
        fields.insert(QStringLiteral("logprobs"), QJsonArray());
        send(QStringLiteral("response.output_text.done"), fields);
    });
    always(0, [this, textRef, part, text] {
        QJsonObject fields = textRef;
        fields.insert(QStringLiteral("part"), part(text));
        send(QStringLiteral("response.content_part.done"), fields);
    });
    always(0, [this, &b, text] {
        send(QStringLiteral("response.output_item.done"),
             { { QStringLiteral("output_index"), b.messageOutputIndex() },
               { QStringLiteral("item"), b.messageItem(QStringLiteral("completed"), text) } });
    });
    always(p / 2, [this, &b, text] {
        QJsonArray output;
        if (m_request.hasImageTool)
            output.append(b.imageItem(image(-1)));
        output.append(b.messageItem(QStringLiteral("completed"), text));
        send(QStringLiteral("response.completed"),
             { { QStringLiteral("response"), b.response(QStringLiteral("completed"), output) } });
    });
}

void DemoSession::planImagesStream()
{
    // Image by image: its previews, then its completed event (wire-formats B.4). The stream
    // simply ends after the last one; OpenAI sends no [DONE].
    const int p = m_pacingMs;
    const DemoImagesResponseBuilder &b = *m_imagesBuilder;
    for (int imageIndex = 0; imageIndex < m_imageCount; ++imageIndex) {
        for (int index = 0; index < m_request.partialImages; ++index) {
            m_steps.append({ p * 2, [this, &b, imageIndex, index] {
                                const DemoRenderedImage *partial = image(index, imageIndex);
                                if (!partial)
                                    return m_renderDone; // a cancelled render skips the preview
                                m_writer.writeBody(b.partialImageEvent(*partial));
                                m_images.remove({ imageIndex, index }); // n can be 10: let go
                                return true;
                            } });
        }
        m_steps.append(
            { m_request.partialImages > 0 ? p : p * 2, [this, &b, imageIndex] {
                 const DemoRenderedImage *final = image(-1, imageIndex);
                 if (!final && !m_renderDone)
                     return false;
                 if (!final || final->bytes.isEmpty()) {
                     failStream(QStringLiteral("The offline demo could not encode the picture."));
                     return true;
                 }
                 m_writer.writeBody(b.completedEvent(*final));
                 m_images.remove({ imageIndex, -1 });
                 return true;
             } });
    }
}

void DemoSession::pump()
{
    m_waiting = false;
    while (m_nextStep < m_steps.size() && !m_completed) {
        if (!m_steps[m_nextStep].run()) {
            m_waiting = true; // onImageReady or onRenderFinished resumes
            return;
        }
        ++m_nextStep;
        if (m_completed)
            return;
        if (m_nextStep < m_steps.size() && m_steps[m_nextStep].delayMs > 0) {
            m_stepTimer.start(m_steps[m_nextStep].delayMs);
            return;
        }
    }
    if (!m_completed) {
        m_writer.finish();
        complete();
    }
}

void DemoSession::failStream(const QString &message)
{
    if (m_imagesBuilder) {
        m_writer.writeBody(DemoImagesResponseBuilder::errorEvent(message));
        m_writer.finish();
        complete();
        return;
    }
    const QJsonObject error { { QStringLiteral("type"), QStringLiteral("server_error") },
                              { QStringLiteral("code"), QStringLiteral("server_error") },
                              { QStringLiteral("message"), message },
                              { QStringLiteral("param"), QJsonValue::Null } };
    send(QStringLiteral("error"), { { QStringLiteral("error"), error } });
    QJsonObject response = m_builder->response(QStringLiteral("failed"));
    response.insert(QStringLiteral("error"),
                    QJsonObject { { QStringLiteral("code"), QStringLiteral("server_error") },
                                  { QStringLiteral("message"), message } });
    send(QStringLiteral("response.failed"), { { QStringLiteral("response"), response } });
    m_writer.finish();
    complete();
}

void DemoSession::complete()
{
    if (m_completed)
        return;
    m_completed = true;
    m_stepTimer.stop();
    m_socket->disconnectFromHost(); // sends what is buffered, then closes
    Q_EMIT served();
}
