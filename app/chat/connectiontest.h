#pragma once

#include "providerprofile.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

// "Test connection" of Settings > Providers: GET {base}/models with the profile's key and extra
// headers, answered by one plain sentence ("Connected: 312 models", or why not). Kept out of the
// dialog so that the dialog owns no network and no JSON. Redirects are not followed: the key must
// not travel to another host.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTest(QObject *parent = nullptr);
    ~ConnectionTest() override;

    // Starts a test (cancelling a running one). finished() always follows, later.
    void start(const ProviderProfile &profile, int timeoutMs = 15000);
    void cancel();
    bool isRunning() const { return !m_reply.isNull(); }

    bool succeeded() const { return m_ok; }
    QString message() const { return m_message; }
    int modelCount() const { return m_models; } // -1 when the answer was not a model list

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    void onFinished();
    void onTimeout();
    void finish(bool ok, const QString &message);
    QString hostText() const;

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QString m_providerName;
    QString m_keyPlace; // where a rejected key is changed
    QString m_secret; // the key of the running test, masked out of what the server says
    QUrl m_url;
    int m_timeoutMs = 0;
    bool m_ok = false;
    QString m_message;
    int m_models = -1;
};
