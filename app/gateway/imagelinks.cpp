#include "imagelinks.h"

#include <QHash>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace {

// Hosts that serve nothing but generated images, so a bare link to them is an image even without
// a file extension. Kept short on purpose: a wrong entry would turn web pages into broken images.
const char *const kImageHosts[] = {
    "images.openrouter.ai", // OpenRouter's server tool (wire-formats C.1)
    "oaidalleapiprodscus.blob.core.windows.net", // OpenAI's temporary image URLs (B.4)
};

const char *const kImageExtensions[] = { ".png", ".jpg", ".jpeg", ".webp", ".gif" };

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
        || c == QLatin1Char('\r');
}

bool isControl(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7f;
}

// Where the parts of markdown image links end, found in one pass over the text, so that trying
// a "![" costs a few lookups. Scanning forward from each "![" instead took time quadratic in the
// length of the text when links do not close: 100 KB of "![a](" kept a thread busy for seconds
// (found with fuzz_imagelinks), and the text is scanned again each time a turn is laid out.
// Backslash escapes are resolved once, left to right: a backslash escapes the character after it.
// A construct never starts just after a backslash, so each sees the escapes it would see alone.
class LinkIndex
{
public:
    explicit LinkIndex(const QString &text)
        : m_size(text.size())
    {
        QList<qsizetype> brackets;
        QList<qsizetype> parentheses;
        bool escaped = false;
        for (qsizetype i = 0; i < m_size; ++i) {
            const QChar c = text.at(i);
            if (isControl(c) || c == QLatin1Char(' '))
                m_breaks.append(i);
            if (isSpace(c) && (m_spaceRuns.isEmpty() || m_spaceRuns.last().second != i))
                m_spaceRuns.append({ i, i + 1 });
            else if (isSpace(c))
                m_spaceRuns.last().second = i + 1;
            if (c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('\n'))
                m_angleStops.append(i);
            if (escaped) {
                escaped = false;
                continue;
            }
            switch (c.unicode()) {
            case '\\':
                escaped = true;
                break;
            case '[':
                brackets.append(i);
                break;
            case ']':
                if (!brackets.isEmpty())
                    m_closingBrackets.insert(brackets.takeLast(), i);
                break;
            case '(':
                parentheses.append(i);
                break;
            case ')':
                m_closingParentheses.append(i);
                if (!parentheses.isEmpty())
                    m_matchingParentheses.insert(parentheses.takeLast(), i);
                break;
            case '"':
                m_doubleQuotes.append(i);
                break;
            case '\'':
                m_singleQuotes.append(i);
                break;
            case '\n':
                if (i + 1 < m_size && text.at(i + 1) == QLatin1Char('\n'))
                    m_paragraphBreaks.append(i);
                break;
            }
        }
    }

    // The unescaped ']' or ')' that closes the '[' or '(' at `open`, or -1.
    qsizetype closingBracket(qsizetype open) const { return m_closingBrackets.value(open, -1); }
    qsizetype closingParenthesis(qsizetype open) const
    {
        return m_matchingParentheses.value(open, -1);
    }
    // Whether a paragraph break (an unescaped blank line) starts in [from, to).
    bool paragraphBreakIn(qsizetype from, qsizetype to) const
    {
        return next(m_paragraphBreaks, from) < to;
    }
    // The first whitespace or control character at or after `from`.
    qsizetype nextBreak(qsizetype from) const { return next(m_breaks, from); }
    // The first '<', '>' or line feed at or after `from`.
    qsizetype nextAngleStop(qsizetype from) const { return next(m_angleStops, from); }
    // The first unescaped `c` ('"', '\'' or ')') at or after `from`.
    qsizetype nextUnescaped(QChar c, qsizetype from) const
    {
        return next(c == QLatin1Char('"')        ? m_doubleQuotes
                        : c == QLatin1Char('\'') ? m_singleQuotes
                                                 : m_closingParentheses,
                    from);
    }
    // The first position at or after `from` that is not a space, tab or line break.
    qsizetype skipSpaces(qsizetype from) const
    {
        auto run = std::upper_bound(m_spaceRuns.cbegin(), m_spaceRuns.cend(), from,
                                    [](qsizetype at, const auto &r) { return at < r.first; });
        if (run == m_spaceRuns.cbegin())
            return from;
        --run;
        return from < run->second ? run->second : from;
    }

private:
    // The text's size when there is none.
    qsizetype next(const QList<qsizetype> &positions, qsizetype from) const
    {
        const auto it = std::lower_bound(positions.cbegin(), positions.cend(), from);
        return it == positions.cend() ? m_size : *it;
    }

    qsizetype m_size;
    QHash<qsizetype, qsizetype> m_closingBrackets;
    QHash<qsizetype, qsizetype> m_matchingParentheses;
    QList<qsizetype> m_breaks;
    QList<std::pair<qsizetype, qsizetype>> m_spaceRuns; // [start, end), in order
    QList<qsizetype> m_angleStops;
    QList<qsizetype> m_paragraphBreaks;
    QList<qsizetype> m_doubleQuotes;
    QList<qsizetype> m_singleQuotes;
    QList<qsizetype> m_closingParentheses;
};

// Parses `![alt](destination "title")` with text[start] == '!' and text[start + 1] == '[', after
// CommonMark's rules where they matter for URLs: nested brackets in the alt text, `<…>`
// destinations, balanced parentheses, backslash escapes and an optional title. Returns the index
// just past the closing parenthesis, or -1 when this is not an image link.
qsizetype parseMarkdownImage(const QString &text, const LinkIndex &index, qsizetype start,
                             QString *url)
{
    const qsizetype n = text.size();
    // The alt text ends at the ']' matching the '[', within the paragraph.
    const qsizetype altEnd = index.closingBracket(start + 1);
    if (altEnd < 0 || index.paragraphBreakIn(start + 2, altEnd))
        return -1;
    const qsizetype open = altEnd + 1;
    if (open >= n || text.at(open) != QLatin1Char('('))
        return -1;
    qsizetype i = index.skipSpaces(open + 1);

    qsizetype from = i;
    qsizetype to = i;
    bool angled = false;
    if (i < n && text.at(i) == QLatin1Char('<')) {
        const qsizetype close = index.nextAngleStop(i + 1);
        if (close >= n || text.at(close) != QLatin1Char('>'))
            return -1;
        from = i + 1;
        to = close;
        angled = true;
        i = close + 1;
    } else {
        // Up to whitespace or a control character, or the ')' that closes the link's '('.
        const qsizetype closing = index.closingParenthesis(open);
        to = std::min(index.nextBreak(i), closing < 0 ? n : closing);
        i = to;
    }

    i = index.skipSpaces(i);
    if (i < n
        && (text.at(i) == QLatin1Char('"') || text.at(i) == QLatin1Char('\'')
            || text.at(i) == QLatin1Char('('))) {
        const QChar close = text.at(i) == QLatin1Char('(') ? QLatin1Char(')') : text.at(i);
        i = index.nextUnescaped(close, i + 1);
        if (i >= n)
            return -1;
        i = index.skipSpaces(i + 1);
    }
    if (i >= n || text.at(i) != QLatin1Char(')'))
        return -1;

    // Only now, for a link, is the destination copied: its escapes resolved unless it was <…>.
    QString destination;
    if (angled) {
        destination = text.mid(from, to - from);
    } else {
        destination.reserve(to - from);
        for (qsizetype j = from; j < to; ++j) {
            if (text.at(j) == QLatin1Char('\\') && j + 1 < n && text.at(j + 1).isPunct())
                ++j;
            destination += text.at(j);
        }
    }
    *url = destination;
    return i + 1;
}

bool startsWithHttp(const QString &text, qsizetype i)
{
    const QStringView rest = QStringView(text).mid(i);
    return rest.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)
        || rest.startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

// Where a bare URL starting at `start` ends: at whitespace or a character that cannot be part of
// it in prose, at a closing bracket it did not open, and before trailing sentence punctuation.
qsizetype bareUrlEnd(const QString &text, qsizetype start)
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

} // namespace

QList<ImageLinks::Link> ImageLinks::scan(const QString &text)
{
    QList<Link> links;
    const qsizetype n = text.size();
    const LinkIndex index(text);
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('!') && i + 1 < n && text.at(i + 1) == QLatin1Char('[')) {
            QString url;
            const qsizetype end = parseMarkdownImage(text, index, i, &url);
            if (end > 0) {
                if (isAllowedUrl(url))
                    links.append({ url, i, end - i, true });
                i = end; // a URL inside a refused link is refused as well
                continue;
            }
        }
        if ((c == QLatin1Char('h') || c == QLatin1Char('H'))
            && (i == 0 || !text.at(i - 1).isLetterOrNumber()) && startsWithHttp(text, i)) {
            const qsizetype end = bareUrlEnd(text, i);
            const QString url = text.mid(i, end - i);
            if (isAllowedUrl(url) && looksLikeImage(QUrl(url)))
                links.append({ url, i, end - i, false });
            i = std::max(end, i + 1);
            continue;
        }
        ++i;
    }
    return links;
}

QStringList ImageLinks::find(const QString &text)
{
    QStringList urls;
    for (const Link &link : scan(text)) {
        if (!urls.contains(link.url))
            urls.append(link.url);
    }
    return urls;
}

QString ImageLinks::stripImageLinks(const QString &markdown, const QSet<QString> &shownUrls)
{
    if (shownUrls.isEmpty())
        return markdown;
    QString result = markdown;
    const QList<Link> links = scan(markdown);
    // From the last link back, so that the earlier positions stay valid.
    for (auto it = links.crbegin(); it != links.crend(); ++it) {
        if (!it->markdown || !shownUrls.contains(it->url))
            continue;
        qsizetype from = it->start;
        qsizetype to = it->start + it->length;
        // Alone on its line means blank space before it: walking back over that space only, not
        // to the start of a long line, keeps many links on one line linear (fuzz_imagelinks).
        // Before the link, `result` is still the markdown: only later links were removed.
        qsizetype lineStart = from;
        while (lineStart > 0 && result.at(lineStart - 1) != QLatin1Char('\n')
               && result.at(lineStart - 1).isSpace())
            --lineStart;
        const bool blankBefore = lineStart == 0 || result.at(lineStart - 1) == QLatin1Char('\n');
        qsizetype lineEnd = blankBefore ? result.indexOf(QLatin1Char('\n'), to) : -1;
        if (lineEnd < 0)
            lineEnd = result.size();
        const bool aloneOnLine
            = blankBefore && QStringView(result).mid(to, lineEnd - to).trimmed().isEmpty();
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

bool ImageLinks::isAllowedUrl(const QString &url)
{
    if (url.startsWith(QLatin1String("data:"), Qt::CaseInsensitive))
        return url.startsWith(QLatin1String("data:image/"), Qt::CaseInsensitive)
            && url.indexOf(QLatin1String(";base64,"), 0, Qt::CaseInsensitive) > 0;
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return false;
    const QString scheme = parsed.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    return scheme == QLatin1String("http") && isLoopbackHost(parsed.host());
}

bool ImageLinks::isLoopbackHost(const QString &host)
{
    const QString h = host.toLower();
    if (h == QLatin1String("localhost") || h == QLatin1String("::1")
        || h == QLatin1String("0:0:0:0:0:0:0:1"))
        return true;
    const QStringList parts = h.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        bool ok = false;
        const int value = part.toInt(&ok);
        if (!ok || value < 0 || value > 255 || part.size() > 3)
            return false;
    }
    return parts.first() == QLatin1String("127");
}

bool ImageLinks::looksLikeImage(const QUrl &url)
{
    const QString path = url.path().toLower();
    for (const char *extension : kImageExtensions) {
        if (path.endsWith(QLatin1String(extension)))
            return true;
    }
    const QString host = url.host().toLower();
    for (const char *imageHost : kImageHosts) {
        const QLatin1String known(imageHost);
        if (host == known || host.endsWith(QLatin1Char('.') + known))
            return true;
    }
    return false;
}
