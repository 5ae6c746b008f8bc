#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

// Calls `function(result)` on `context`'s thread once `future` has its result, unless `context`
// is destroyed first. QFuture::then(context, ...) asserts in Qt 6.4 when the context dies before
// the future finishes (a window closed while the history answers), so widgets use this instead.
template<typename T, typename Function>
void whenReady(const QFuture<T> &future, QObject *context, Function function)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, function = std::move(function)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().resultCount() > 0)
                             function(watcher->future().result());
                     });
    watcher->setFuture(future);
}
