#include "paintlatencybench.h"

#include "benchclock.h"
#include "benchimages.h"
#include "benchturn.h"
#include "paintprobe.h"

#include "chat/chatsession.h"
#include "conversationview.h"
#include "image/imagecache.h"

#include <QElapsedTimer>
#include <QJsonObject>

namespace {

constexpr int stepTimeoutMs = 30000;

SseScript scriptFor(const ResponsesStreamWriter::Image &preview,
                    const ResponsesStreamWriter::Image &final)
{
    ResponsesStreamWriter writer;
    SseSegment head;
    head.bytes = writer.created() + writer.inProgress() + writer.reasoningItem()
        + writer.imageItemAdded() + writer.partialImage(0, preview);
    SseSegment image;
    image.bytes = writer.imageItemDone(final);
    image.held = true;
    image.stamp = true;
    SseSegment tail; // the message and completed come later in a real turn: after the figure
    tail.bytes = writer.message({ QStringLiteral("Here is "), QStringLiteral("your lighthouse.") })
        + writer.completed(true);
    tail.held = true;
    return { head, image, tail };
}

// Whether the view shows `expected` in `rect`: a few points well inside the rounded corners are
// compared, which noise makes a strict test (no two pictures share them by chance).
bool viewShows(ConversationView *view, const QRect &rect, const QImage &expected)
{
    const QImage shot = view->viewport()->grab(rect).toImage();
    if (shot.isNull() || expected.isNull())
        return false;
    const QSize fitted = expected.size().scaled(rect.size(), Qt::KeepAspectRatio);
    if (fitted != expected.size())
        return false; // drawn scaled: the points would not line up
    const QPoint origin((rect.width() - fitted.width()) / 2, (rect.height() - fitted.height()) / 2);
    for (const QPointF fraction : { QPointF(0.5, 0.5), QPointF(0.25, 0.3), QPointF(0.7, 0.8) }) {
        const QPoint at(int(fitted.width() * fraction.x()), int(fitted.height() * fraction.y()));
        const QColor want = expected.pixelColor(at);
        const QColor got = shot.pixelColor(at + origin);
        if (qAbs(want.red() - got.red()) > 3 || qAbs(want.green() - got.green()) > 3
            || qAbs(want.blue() - got.blue()) > 3)
            return false;
    }
    return true;
}

double median(const QList<double> &values)
{
    Samples samples;
    for (double value : values)
        samples.add(value);
    return samples.median();
}

} // namespace

QString PaintLatencyBench::Case::name() const
{
    return format + QLatin1Char('_') + QString::number(size.width()) + QLatin1Char('x')
        + QString::number(size.height());
}

PaintLatencyBench::PaintLatencyBench(const BenchOptions &options)
    : m_options(options)
{
}

FigureReport PaintLatencyBench::run()
{
    FigureReport figure(
        QStringLiteral("final_image_to_painted"), QStringLiteral("ms"),
        QStringLiteral("last byte of the final image event written by the loopback server -> "
                       "that image's decoded pixels painted by the ConversationView "
                       "(1536x1024 PNG; other cases under `cases`)"));
    figure.setTarget(FigureReport::Direction::AtMost, 60.0);
    qInfo("final_image_to_painted: making the test images…");
    const BenchImages images;

    const QList<Case> cases {
        { QStringLiteral("png"), QSize(1536, 1024) },
        { QStringLiteral("png"), QSize(1024, 1024) },
        { QStringLiteral("jpeg"), QSize(1536, 1024) },
        { QStringLiteral("jpeg"), QSize(1024, 1024) },
        { QStringLiteral("webp"), QSize(1536, 1024) },
        { QStringLiteral("webp"), QSize(1024, 1024) },
    };
    QJsonObject results;
    for (const Case &spec : cases) {
        QJsonObject result;
        Samples latency;
        Samples decodeOnly;
        const QString error = runCase(spec, images, &result, &latency, &decodeOnly);
        if (!error.isEmpty()) {
            figure.setError(spec.name() + QStringLiteral(": ") + error);
            figure.setDetail(QStringLiteral("cases"), results);
            return figure;
        }
        results.insert(spec.name(), result);
        if (spec.format == QLatin1String("png") && spec.size == QSize(1536, 1024)) {
            figure.setValue(latency);
            figure.addBaseline(QStringLiteral("decode_only"), decodeOnly.median(),
                               QStringLiteral("ms"),
                               QStringLiteral("ImageCache::decode of the same file at the size "
                                              "shown, alone on the GUI thread: the decoding no "
                                              "pipeline can avoid"),
                               decodeOnly);
        }
    }
    figure.setDetail(QStringLiteral("cases"), results);
    figure.setDetail(QStringLiteral("view_size"), QStringLiteral("1100x900"));
    return figure;
}

QString PaintLatencyBench::runCase(const Case &spec, const BenchImages &images, QJsonObject *result,
                                   Samples *latency, Samples *decodeOnly)
{
    const int runs = m_options.repeats(7, 1);
    QList<double> toModel;
    QList<double> toDelivered;
    QList<double> paintMs;
    qint64 imageBytes = 0;
    QSize shownSize;
    for (int run = 0; run < runs; ++run) {
        // A new picture every run, so every run stores and decodes a file it has never seen.
        const quint32 seed = 1000 + quint32(run) * 10;
        const auto preview = images.make(spec.size, spec.format, seed + 1, 0.3);
        const auto final = images.make(spec.size, spec.format, seed);
        if (final.bytes.isEmpty() || preview.bytes.isEmpty())
            return QStringLiteral("this Qt cannot write ") + spec.format;
        imageBytes = final.bytes.size();

        BenchTurn turn;
        if (!turn.setupError().isEmpty())
            return turn.setupError();
        ImageParams params;
        params.outputFormat = spec.format;
        params.size = QStringLiteral("%1x%2").arg(spec.size.width()).arg(spec.size.height());
        params.quality = QStringLiteral("high");
        params.partialImages = 1;
        QString error;
        if (!turn.send(scriptFor(preview, final), params, &error))
            return error;

        // The preview is shown and every decode has finished: the view is quiet.
        ImageCache *cache = turn.view()->imageCache();
        if (!BenchTurn::waitUntil(
                [&] {
                    return turn.hasPartialImage() && cache->pendingCount() == 0
                        && cache->count() > 0;
                },
                stepTimeoutMs))
            return QStringLiteral("the preview never showed (") + turn.describe()
                + QStringLiteral(")");
        BenchTurn::idle(100);

        turn.server().release();
        PaintProbe *probe = turn.probe();
        if (!BenchTurn::waitUntil(
                [&] { return probe->paintedNs() != 0 && turn.server().stampNs() != 0; },
                stepTimeoutMs))
            return QStringLiteral("the final image was never painted (") + turn.describe()
                + QStringLiteral(")");
        const qint64 stamp = turn.server().stampNs();
        latency->add(nsToMs(probe->paintedNs() - stamp));
        toModel.append(nsToMs(probe->finalInModelNs() - stamp));
        toDelivered.append(nsToMs(probe->deliveredNs() - stamp));
        paintMs.append(nsToMs(probe->paintedNs() - probe->paintStartNs()));

        turn.server().release(); // message and completed
        if (!BenchTurn::waitUntil([&] { return turn.isFinished(); }, stepTimeoutMs))
            return QStringLiteral("the turn never finished (") + turn.describe()
                + QStringLiteral(")");
        if (turn.turn().status != Turn::Status::Done)
            return QStringLiteral("the turn did not end as done (") + turn.describe()
                + QStringLiteral(")");

        // Baseline: the decode of the same file at the size it is shown, and nothing else.
        const QModelIndex row
            = turn.view()->model()->index(turn.view()->model()->rowCount() - 1, 0);
        const QRect shownRect = turn.view()->imageRect(row, probe->finalImageIndex());
        shownSize = shownRect.size() * turn.view()->devicePixelRatioF();
        QElapsedTimer timer;
        timer.start();
        const ImageCache::Decoded decoded = ImageCache::decode(probe->finalPath(), shownSize);
        decodeOnly->add(nsToMs(timer.nsecsElapsed()));
        if (decoded.image.isNull())
            return QStringLiteral("the stored final image does not decode: ") + decoded.error;
        // The figure is only true if what the view painted is the final picture itself. The
        // stream worker decoded it to fit the largest size the view shows, which is the size
        // shown here: compare with the same decode (a JPEG decoded straight to a smaller size
        // resamples differently from a scaled full-size one).
        if (turn.view()->devicePixelRatioF() == 1.0
            && !viewShows(turn.view(), shownRect, decoded.image))
            return QStringLiteral("the view does not show the final image's pixels");
    }
    result->insert(QStringLiteral("value"), roundTo(latency->median(), 2));
    result->insert(QStringLiteral("unit"), QStringLiteral("ms"));
    result->insert(QStringLiteral("samples"), latency->toJson());
    result->insert(QStringLiteral("image_bytes"), imageBytes);
    result->insert(QStringLiteral("shown_at"),
                   QStringLiteral("%1x%2").arg(shownSize.width()).arg(shownSize.height()));
    // Where the time goes, medians from the same stamp: the row got the final image, the cache
    // delivered its decoded pixels, and how long the paint itself took.
    result->insert(QStringLiteral("to_model_ms"), roundTo(median(toModel), 2));
    result->insert(QStringLiteral("to_decoded_ms"), roundTo(median(toDelivered), 2));
    result->insert(QStringLiteral("paint_ms"), roundTo(median(paintMs), 2));
    result->insert(QStringLiteral("decode_only_ms"), roundTo(decodeOnly->median(), 2));
    qInfo("final_image_to_painted %s: %.1f ms (model %.1f, decoded %.1f; decode alone %.1f)",
          qPrintable(spec.name()), latency->median(), median(toModel), median(toDelivered),
          decodeOnly->median());
    return {};
}
