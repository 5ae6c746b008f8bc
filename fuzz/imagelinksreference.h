#pragma once

// The image link scanner as it was before LinkIndex (commit 2465887): each "![" parsed by a plain
// forward scan. Quadratic on hostile text, but obviously right; fuzz_imagelinks checks that the
// indexed scanner finds exactly the links this one finds.

#include "gateway/imagelinks.h"

#include <QSet>
#include <QUrl>

namespace ReferenceImageLinks {

inline bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
        || c == QLatin1Char('\r');
}

inline bool isControl(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7f;
}

inline qsizetype skipSpaces(const QString &text, qsizetype i)
{
    while (i < text.size() && isSpace(text.at(i)))
        ++i;
    return i;
}

// Parses `![alt](destination "title")` with text[start] == '!' and text[start + 1] == '[', after
// CommonMark's rules where they matter for URLs: nested brackets in the alt text, `<…>`
// destinations, balanced parentheses, backslash escapes and an optional title. Returns the index
// just past the closing parenthesis, or -1 when this is not an image link.
inline qsizetype parseMarkdownImage(const QString &text, qsizetype start, QString *url)
{
    const qsizetype n = text.size();
    qsizetype i = start + 2;
    int depth = 0;
    for (; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            ++i;
        } else if (c == QLatin1Char('[')) {
            ++depth;
        } else if (c == QLatin1Char(']')) {
            if (depth == 0)
                break;
            --depth;
        } else if (c == QLatin1Char('\n') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) {
            return -1; // a blank line ends the paragraph, and the link with it
        }
    }
    if (i + 1 >= n || text.at(i + 1) != QLatin1Char('('))
        return -1;
    i = skipSpaces(text, i + 2);

    QString destination;
    if (i < n && text.at(i) == QLatin1Char('<')) {
        qsizetype close = i + 1;
        while (close < n && text.at(close) != QLatin1Char('>') && text.at(close) != QLatin1Char('<')
               && text.at(close) != QLatin1Char('\n'))
            ++close;
        if (close >= n || text.at(close) != QLatin1Char('>'))
            return -1;
        destination = text.mid(i + 1, close - i - 1);
        i = close + 1;
    } else {
        int parentheses = 0;
        for (; i < n; ++i) {
            const QChar c = text.at(i);
            if (c == QLatin1Char('\\') && i + 1 < n && text.at(i + 1).isPunct()) {
                destination += text.at(++i);
                continue;
            }
            if (isSpace(c) || isControl(c))
                break;
            if (c == QLatin1Char('(')) {
                ++parentheses;
            } else if (c == QLatin1Char(')')) {
                if (parentheses == 0)
                    break;
                --parentheses;
            }
            destination += c;
        }
    }

    i = skipSpaces(text, i);
    if (i < n
        && (text.at(i) == QLatin1Char('"') || text.at(i) == QLatin1Char('\'')
            || text.at(i) == QLatin1Char('('))) {
        const QChar close = text.at(i) == QLatin1Char('(') ? QLatin1Char(')') : text.at(i);
        for (++i; i < n && text.at(i) != close; ++i) {
            if (text.at(i) == QLatin1Char('\\'))
                ++i;
        }
        if (i >= n)
            return -1;
        i = skipSpaces(text, i + 1);
    }
    if (i >= n || text.at(i) != QLatin1Char(')'))
        return -1;
    *url = destination;
    return i + 1;
}

inline bool startsWithHttp(const QString &text, qsizetype i)
{
    const QStringView rest = QStringView(text).mid(i);
    return rest.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)
        || rest.startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

// Where a bare URL starting at `start` ends: at whitespace or a character that cannot be part of
// it in prose, at a closing bracket it did not open, and before trailing sentence punctuation.
inline qsizetype bareUrlEnd(const QString &text, qsizetype start)
{
    const qsizetype n = text.size();
    int parentheses = 0;
    int brackets = 0;
    qsizetype i = start;
    for (; i < n; ++i) {
        const QChar c = text.at(i);
        if (isSpace(c) || isControl(c) || c == QLatin1Char('<') || c == QLatin1Char('>')
            || c == QLatin1Char('"') || c == QLatin1Char('`'))
            break;
        if (c == QLatin1Char('(')) {
            ++parentheses;
        } else if (c == QLatin1Char(')')) {
            if (parentheses-- == 0)
                break;
        } else if (c == QLatin1Char('[')) {
            ++brackets;
        } else if (c == QLatin1Char(']')) {
            if (brackets-- == 0)
                break;
        }
    }
    static const QString trailing = QStringLiteral(".,;:!?*_~'");
    while (i > start && trailing.contains(text.at(i - 1)))
        --i;
    return i;
}

inline QList<ImageLinks::Link> scan(const QString &text)
{
    QList<ImageLinks::Link> links;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('!') && i + 1 < n && text.at(i + 1) == QLatin1Char('[')) {
            QString url;
            const qsizetype end = parseMarkdownImage(text, i, &url);
            if (end > 0) {
                if (ImageLinks::isAllowedUrl(url))
                    links.append({ url, i, end - i, true });
                i = end; // a URL inside a refused link is refused as well
                continue;
            }
        }
        if ((c == QLatin1Char('h') || c == QLatin1Char('H'))
            && (i == 0 || !text.at(i - 1).isLetterOrNumber()) && startsWithHttp(text, i)) {
            const qsizetype end = bareUrlEnd(text, i);
            const QString url = text.mid(i, end - i);
            if (ImageLinks::isAllowedUrl(url) && ImageLinks::looksLikeImage(QUrl(url)))
                links.append({ url, i, end - i, false });
            i = std::max(end, i + 1);
            continue;
        }
        ++i;
    }
    return links;
}

inline QString stripImageLinks(const QString &markdown, const QSet<QString> &shownUrls)
{
    if (shownUrls.isEmpty())
        return markdown;
    QString result = markdown;
    const QList<ImageLinks::Link> links = scan(markdown);
    // From the last link back, so that the earlier positions stay valid.
    for (auto it = links.crbegin(); it != links.crend(); ++it) {
        if (!it->markdown || !shownUrls.contains(it->url))
            continue;
        qsizetype from = it->start;
        qsizetype to = it->start + it->length;
        const qsizetype lineStart
            = from == 0 ? 0 : result.lastIndexOf(QLatin1Char('\n'), from - 1) + 1;
        qsizetype lineEnd = result.indexOf(QLatin1Char('\n'), to);
        if (lineEnd < 0)
            lineEnd = result.size();
        const bool aloneOnLine
            = QStringView(result).mid(lineStart, from - lineStart).trimmed().isEmpty()
            && QStringView(result).mid(to, lineEnd - to).trimmed().isEmpty();
        if (aloneOnLine && lineEnd < result.size()) {
            from = lineStart;
            to = lineEnd + 1;
            if (from == 0) {
                while (to < result.size() && result.at(to) == QLatin1Char('\n'))
                    ++to;
            } else if (from >= 2 && result.at(from - 2) == QLatin1Char('\n') && to < result.size()
                       && result.at(to) == QLatin1Char('\n')) {
                ++to; // between two blank lines: one paragraph break is enough
            }
        } else if (aloneOnLine) { // the last line: the line breaks before it go too
            from = lineStart;
            to = result.size();
            while (from > 0 && result.at(from - 1) == QLatin1Char('\n'))
                --from;
        }
        result.remove(from, to - from);
    }
    return result;
}

} // namespace ReferenceImageLinks
