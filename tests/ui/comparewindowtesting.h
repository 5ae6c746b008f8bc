#pragma once

// What the Compare window tests share: the "custom" provider pointed at the loopback fake
// gateway, the window built and shown on a prompt, and the look-ups of its named widgets.

#include "chat/providerregistry.h"
#include "chat/turnrunner.h"
#include "comparewindow.h"
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
