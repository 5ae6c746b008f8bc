#pragma once

#include <QCoreApplication>
#include <QString>

class QUrl;

// Where an API key may travel: never unencrypted to another computer. Plain http is fine for a
// gateway on this computer (a local proxy, a test server) and for a server on the network that
// needs no key; a key on plain http to another host can be read by anyone on the way (found by
// QA: Easel sent "Authorization: Bearer …" to http://192.0.2.2).
class KeyTransport
{
    Q_DECLARE_TR_FUNCTIONS(KeyTransport)

public:
    // Why a request with a key must not go to `url`, as a whole sentence naming `providerName`;
    // "" when it may.
    static QString refusal(const QUrl &url, const QString &providerName);
    static bool isLoopbackHost(const QString &host);
};
