// ImageLinks: any text an assistant may write. Every link found must lie inside the text, in
// order, without overlap, and be one the rules allow; stripping must only ever remove text. On
// texts up to 16 KB, links and stripping must equal those of the plain (quadratic) scanner kept
// in imagelinksreference.h, which the indexed scanner replaced.

#include "fuzzsupport.h"
#include "imagelinksreference.h"

#include "gateway/imagelinks.h"

#include <QUrl>

using namespace FuzzSupport;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(bytes(data, size));

    const QList<ImageLinks::Link> links = ImageLinks::scan(text);
    // The same links as the plain scanner finds (quadratic, so on short texts only).
    if (text.size() <= 16 * 1024) {
        const QList<ImageLinks::Link> expected = ReferenceImageLinks::scan(text);
        check(links.size() == expected.size(), "a different number of links than the reference",
              QStringLiteral("%1 instead of %2").arg(links.size()).arg(expected.size()));
        for (qsizetype i = 0; i < links.size(); ++i) {
            const ImageLinks::Link &a = links.at(i);
            const ImageLinks::Link &b = expected.at(i);
            check(a.url == b.url && a.start == b.start && a.length == b.length
                      && a.markdown == b.markdown,
                  "a link differs from the reference",
                  QStringLiteral("%1 at %2+%3 instead of %4 at %5+%6")
                      .arg(a.url)
                      .arg(a.start)
                      .arg(a.length)
                      .arg(b.url)
                      .arg(b.start)
                      .arg(b.length));
        }
    }
    qsizetype previousEnd = 0;
    QSet<QString> all;
    QSet<QString> some;
    for (const ImageLinks::Link &link : links) {
        check(link.start >= previousEnd, "links overlap or are out of order");
        check(link.length > 0 && link.start + link.length <= text.size(), "link outside the text");
        check(!link.url.isEmpty() && ImageLinks::isAllowedUrl(link.url), "link to a refused URL",
              link.url);
        const QStringView construct = QStringView(text).mid(link.start, link.length);
        if (link.markdown) {
            check(construct.startsWith(u"![") && construct.endsWith(u')'),
                  "markdown link is not ![...](...)", construct.toString());
        } else {
            check(construct == link.url, "bare link is not its own text", link.url);
            check(ImageLinks::looksLikeImage(QUrl(link.url)), "bare link to a non-image", link.url);
        }
        previousEnd = link.start + link.length;
        if (all.size() % 2 == 0)
            some.insert(link.url);
        all.insert(link.url);
    }

    const QStringList found = ImageLinks::find(text);
    check(found.size() == all.size(), "find() does not list each scanned URL once");
    for (const QString &url : found)
        check(all.contains(url), "find() lists a URL scan() did not find", url);

    check(ImageLinks::stripImageLinks(text, {}) == text, "stripping nothing changed the text");
    for (const QSet<QString> &shown : { all, some }) {
        const QString stripped = ImageLinks::stripImageLinks(text, shown);
        check(stripped.size() <= text.size(), "stripping added text");
        if (text.size() <= 16 * 1024)
            check(stripped == ReferenceImageLinks::stripImageLinks(text, shown),
                  "stripping differs from the reference", stripped);
    }
    return 0;
}
