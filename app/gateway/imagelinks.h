#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class QUrl;

// Finds the images an assistant put into its text. Gateways whose image tool runs on the server
// (OpenRouter, ModelGates, AI Stats) hand the model a temporary URL, and the model writes it into
// its answer, usually as a markdown image link, sometimes bare.
//
// What counts as an image link:
// - markdown `![alt](url)`, `![alt](<url>)` and `![alt](url "title")` to an https URL, an http
//   URL on a loopback host, or a `data:image/…;base64,` URL;
// - a bare https URL (http only on loopback) whose path ends in .png, .jpg, .jpeg, .webp or .gif,
//   or which is on a known image host (a short list: OpenRouter's image host and the like).
// Nothing else: javascript:, file:, plain http to the network, or links to web pages.
class ImageLinks
{
public:
    struct Link
    {
        QString url;
        qsizetype start = 0; // the whole construct in the text: `![…](…)` or the bare URL
        qsizetype length = 0;
        bool markdown = false;
    };

    // Every image link of the text, in order of appearance (a URL written twice comes twice).
    static QList<Link> scan(const QString &text);
    // The image URLs of the text, in order, each once.
    static QStringList find(const QString &text);

    // The markdown with the image links to `shownUrls` removed: those images are shown inline
    // anyway. A link alone on its line takes its line with it. Other text is left as it was.
    static QString stripImageLinks(const QString &markdown, const QSet<QString> &shownUrls);

    // https with a host, http only to a loopback host, or a base64 data:image URL.
    static bool isAllowedUrl(const QString &url);
    static bool isLoopbackHost(const QString &host);
    // A URL whose path names an image file, or on a host that serves nothing but images.
    static bool looksLikeImage(const QUrl &url);
};
