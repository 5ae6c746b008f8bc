#pragma once

// What the Compare window tests share: a fixture with the "custom" provider pointed at the loopback
// fake gateway, the window built and shown on a prompt, and the look-ups of its named widgets.

#include "chat/providerregistry.h"
#include "chat/turnrunner.h"
#include "comparewindow.h"
#include "fakes/fakegateway.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

namespace CompareWindowTesting {

// Saves the "custom" provider at `baseUrl` (a custom endpoint needs no key). Fails the running
// test (QVERIFY) when it cannot: check QTest::currentTestFailed() after it.
inline void useCustomProviderAt(ProviderRegistry *registry, const QUrl &baseUrl)
{
    ProviderProfile custom = registry->stored("custom");
    QVERIFY(!custom.id.isEmpty());
    custom.baseUrl = baseUrl;
    custom.imagesPath = QStringLiteral("images/generations");
    custom.chatModel = QStringLiteral("gpt-5");
    QString error;
    QVERIFY2(registry->save(custom, &error), qPrintable(error));
    QVERIFY(registry->profile("custom").isUsable());
}

// What every Compare window test starts from: a temporary folder, the fake gateway listening,
// settings in that folder and a provider registry whose "custom" provider is the fake. Members are
// torn down in reverse order, the registry before the settings and secrets it reads.
struct Fixture
{
    QTemporaryDir dir;
    FakeGateway fake;
    std::unique_ptr<Settings> settings;
    SecretStore secrets;
    std::unique_ptr<ProviderRegistry> registry;

    // Fails the running test (QVERIFY) when it cannot: check QTest::currentTestFailed() after it.
    void start()
    {
        QVERIFY(dir.isValid());
        QVERIFY(fake.listen());
        settings = std::make_unique<Settings>(dir.filePath("settings.ini"));
        registry = std::make_unique<ProviderRegistry>(settings.get(), &secrets);
        useCustomProviderAt(registry.get(), fake.url("/v1"));
    }

    // Held streams end first, so that no request is still waiting on the fake as it goes.
    ~Fixture() { fake.release(); }
};

// A Compare window storing its images under `dir`, prepared with `prompt` and `params` on the
// custom provider, shown; null when it never gets on screen.
inline std::unique_ptr<CompareWindow> shownWindow(const QTemporaryDir &dir,
                                                  ProviderRegistry *registry, Settings *settings,
                                                  const QString &prompt, const ImageParams &params)
{
    TurnRunner::Context context;
    context.imageRoot = dir.filePath("images");
    context.previewRoot = dir.filePath("previews");
    auto window = std::make_unique<CompareWindow>(context, registry, settings);
    window->prepare(prompt, QStringLiteral("custom"), QStringLiteral("gpt-5"), params);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

inline QPushButton *button(const QWidget *window, const char *name)
{
    return window->findChild<QPushButton *>(QLatin1String(name));
}

inline QString labelText(const QWidget *window, const char *name)
{
    const QLabel *label = window->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

} // namespace CompareWindowTesting
