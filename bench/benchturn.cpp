#include "benchturn.h"

#include "paintprobe.h"

#include "chat/chatsession.h"
#include "conversationview.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

BenchTurn::BenchTurn()
{
    if (!m_dir.isValid()) {
        m_setupError = QStringLiteral("Could not create a temporary folder for the image store: ")
            + m_dir.errorString();
        return;
    }
    if (m_server.port() == 0) {
        m_setupError = QStringLiteral("The loopback server could not listen on 127.0.0.1.");
        return;
    }
    ProviderProfile provider;
    provider.id = QStringLiteral("bench");
    provider.displayName = QStringLiteral("the loopback bench gateway");
    provider.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.port()));
    provider.chatModel = QStringLiteral("gpt-5");

    ChatSession::Options options;
    options.imageRoot = m_dir.filePath(QStringLiteral("images"));
    options.previewRoot = m_dir.filePath(QStringLiteral("previews"));
    m_session = std::make_unique<ChatSession>(provider, options);

    m_view = std::make_unique<ConversationView>();
    m_view->setModel(m_session->model());
    m_session->setImageCache(m_view->imageCache()); // wired as MainWindow wires it
    m_view->resize(1100, 900); // a laptop window's conversation area
    m_view->show();
    m_probe = std::make_unique<PaintProbe>(m_view.get());
    idle(20); // let the window be exposed and painted once, empty
}

BenchTurn::~BenchTurn()
{
    if (m_session && m_session->isBusy()) {
        m_session->stop();
        waitUntil([this] { return !m_session->isBusy(); }, 5000);
    }
    m_probe.reset();
    m_view.reset();
    m_session.reset();
}

bool BenchTurn::send(const SseScript &script, const ImageParams &params, QString *error)
{
    m_server.setScript(script);
    // As MainWindow::send(): the view's size, hence the largest image it shows, is known now.
    m_session->setImageDecodeBox(m_view->largestImagePixels());
    if (!m_session->send(QStringLiteral("A lighthouse on a basalt cliff at dusk, concept art"), {},
                         params)) {
        *error = QStringLiteral("ChatSession refused the turn: ") + m_session->lastRefusal();
        return false;
    }
    return true;
}

Turn BenchTurn::turn() const
{
    const auto *model = m_session ? m_session->model() : nullptr;
    if (!model || model->rowCount() == 0)
        return {};
    return model->turnAt(model->rowCount() - 1);
}

bool BenchTurn::hasPartialImage() const
{
    const Turn current = turn();
    for (const ImageAsset &image : current.images) {
        if (image.state == ImageAsset::State::Partial && !image.filePath.isEmpty())
            return true;
    }
    return false;
}

bool BenchTurn::isFinished() const
{
    const Turn current = turn();
    return m_session && !m_session->isBusy() && !current.id.isEmpty() && !current.isRunning();
}

QString BenchTurn::describe() const
{
    const Turn current = turn();
    QStringList images;
    for (const ImageAsset &image : current.images) {
        static const char *const states[] = { "pending", "partial", "final", "failed" };
        images.append(QString::fromLatin1(states[int(image.state)])
                      + (image.error.isEmpty()
                             ? QString()
                             : QStringLiteral(" (") + image.error + QStringLiteral(")")));
    }
    QString text = QStringLiteral("turn ") + Turn::statusName(current.status)
        + QStringLiteral(", images [") + images.join(QStringLiteral(", "))
        + QStringLiteral("], server requests ") + QString::number(m_server.requestCount());
    if (!current.errorMessage.isEmpty())
        text += QStringLiteral(", error: ") + current.errorMessage;
    return text;
}

bool BenchTurn::waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    if (condition())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(2);
    QElapsedTimer clock;
    clock.start();
    bool met = false;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (condition()) {
            met = true;
            loop.quit();
        } else if (clock.elapsed() > timeoutMs) {
            loop.quit();
        }
    });
    poll.start();
    loop.exec();
    return met;
}

void BenchTurn::idle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}
