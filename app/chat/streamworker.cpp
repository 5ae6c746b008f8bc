#include "streamworker.h"

#include "image/imagecache.h"

#include <QBuffer>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

StreamWorker::StreamWorker(const QString &imageRoot, const QString &previewRoot, ApiFlavour flavour,
                           bool streaming)
    : m_images(imageRoot)
    , m_previews(previewRoot)
    , m_streaming(streaming)
    , m_decoder(ApiFlavours::makeDecoder(flavour))
{
}

void StreamWorker::feed(const QByteArray &chunk)
{
    if (!m_streaming) {
        m_body.append(chunk);
        return;
    }
    if (m_answer == Answer::Unknown) {
        sniff(chunk);
        return;
    }
    if (m_answer == Answer::WholeJson) {
        m_body.append(chunk);
        return;
    }
    if (m_answer == Answer::WebPage)
        return; // said once the body ends; its markup is of no use
    m_pending.clear();
    m_parser.feed(chunk, m_pending);
    for (const SseEvent &event : std::as_const(m_pending))
        handle(m_decoder->decode(event));
}

void StreamWorker::sniff(const QByteArray &chunk)
{
    m_head.append(chunk);
    qsizetype first = m_head.startsWith("\xef\xbb\xbf") ? 3 : 0; // a UTF-8 byte order mark
    while (first < m_head.size() && QChar::isSpace(uchar(m_head.at(first))))
        ++first;
    if (first == m_head.size())
        return; // only white space so far
    const char c = m_head.at(first);
    m_answer = (c == '{' || c == '[') ? Answer::WholeJson
        : c == '<'                    ? Answer::WebPage
                                      : Answer::EventStream;
    const QByteArray head = std::exchange(m_head, {});
    feed(head);
}

void StreamWorker::close(bool complete)
{
    if (m_streaming && m_answer == Answer::WebPage) {
        if (complete)
            handle({ StreamEvent::error(
                webPageErrorCode,
                tr("The gateway answered with a web page instead of the event stream Easel "
                   "asked for: check the base URL in Settings > Providers.")) });
    } else if (!m_streaming || m_answer == Answer::WholeJson) {
        if (complete)
            handle(m_decoder->decodeResponseBody(m_body));
        m_body.clear();
    } else {
        m_pending.clear();
        m_parser.finish(m_pending);
        for (const SseEvent &event : std::as_const(m_pending))
            handle(m_decoder->decode(event));
        if (complete)
            handle(m_decoder->finish());
    }
    Q_EMIT closed();
}

void StreamWorker::handle(const StreamEvents &events)
{
    if (events.isEmpty())
        return;
    ProcessedEvents out;
    out.reserve(events.size());
    for (const StreamEvent &event : events) {
        ProcessedEvent p;
        p.event = event;
        if (event.kind == StreamEvent::Kind::ImageFinal && event.imageBytes.isEmpty()
            && !event.imageUrl.isEmpty() && event.itemId.isEmpty()) {
            // A linked image is downloaded later and found again by its item id.
            p.event.itemId = QStringLiteral("link-%1").arg(++m_linkedImages);
        }
        if (event.kind == StreamEvent::Kind::TextDelta)
            capText(p);
        if (event.kind == StreamEvent::Kind::ImagePartial
            || event.kind == StreamEvent::Kind::ImageFinal) {
            p.asset = storeImage(p.event, &p.decoded);
            p.event.imageBytes.clear(); // the bytes live in the store now, not in memory
        }
        out.append(p);
    }
    Q_EMIT processed(out);
}

void StreamWorker::capText(ProcessedEvent &processed)
{
    // The cut happens here, on the stream thread: a runaway 20 MB delta never reaches the GUI
    // thread, where copying it into the model and the view stalled the window.
    QString &text = processed.event.text;
    const qsizetype room = TurnAssembler::maxTextLength - m_textLength;
    if (text.size() > room) {
        text = TurnAssembler::keptText(text, room).toString();
        processed.textCut = true;
    }
    m_textLength += text.size();
}

ImageAsset StreamWorker::storeImage(const StreamEvent &event, QImage *decoded)
{
    const bool isFinal = event.kind == StreamEvent::Kind::ImageFinal;
    ImageAsset asset;
    asset.itemId = event.itemId;
    asset.report = event.report;
    asset.partialIndex = event.partialIndex;
    if (event.imageBytes.isEmpty() && !event.imageUrl.isEmpty()) {
        // The chat session downloads it (gateway links are temporary) and stores the bytes; until
        // then the image waits with its link.
        asset.state = ImageAsset::State::Pending;
        asset.sourceUrl = event.imageUrl;
        return asset;
    }
    const ImageStore::Stored stored
        = storeAndDecode(isFinal ? m_images : m_previews, event.imageBytes, decoded, m_decodeBox);
    if (!stored.ok) {
        asset.state = ImageAsset::State::Failed;
        asset.error = stored.error;
        return asset;
    }
    asset.state = isFinal ? ImageAsset::State::Final : ImageAsset::State::Partial;
    asset.hash = stored.hash;
    asset.filePath = stored.filePath;
    asset.mimeType = stored.mimeType;
    asset.pixelSize = stored.pixelSize;
    asset.byteSize = stored.byteSize;
    return asset;
}

ImageStore::Stored StreamWorker::storeAndDecode(const ImageStore &store, const QByteArray &bytes,
                                                QImage *decoded, QSize decodeBox)
{
    // Decoding the pixels (tens of milliseconds for a large PNG) runs beside hashing and writing,
    // once the header has shown the image is sane: the image reaches the screen sooner. Decoded
    // at the size it is shown, a JPEG takes half the time (libjpeg scales as it decodes) and the
    // GUI thread has nothing left to scale.
    QFuture<ImageCache::Decoded> decoding;
    if (ImageStore::inspect(bytes).ok) {
        decoding = QtConcurrent::run([bytes, decodeBox] {
            QBuffer buffer;
            buffer.setData(bytes);
            buffer.open(QIODevice::ReadOnly);
            return ImageCache::decode(&buffer, decodeBox);
        });
    }
    const ImageStore::Stored stored = store.put(bytes);
    if (decoding.isValid())
        *decoded = decoding.result().image;
    return stored;
}
