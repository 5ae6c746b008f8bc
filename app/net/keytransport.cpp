#include "keytransport.h"

#include <QHostAddress>
#include <QUrl>

QString KeyTransport::refusal(const QUrl &url, const QString &providerName)
{
    if (url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0
        || isLoopbackHost(url.host()))
        return {};
    return tr("Not sent: %1 is set to plain http on %2, which would carry your API key "
              "unencrypted. Use its https:// address in Settings > Providers; plain http is "
              "only for a server on this computer.")
        .arg(providerName, url.host());
}

bool KeyTransport::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || host.compare(QLatin1String("localhost."), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}
