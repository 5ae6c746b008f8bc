#include "filenametemplate.h"

namespace {

bool isIllegal(QChar c)
{
    static const QString illegal = QStringLiteral("<>:\"/\\|?*");
    return c.unicode() < 0x20 || c.unicode() == 0x7f || illegal.contains(c);
}

QString replaceIllegal(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        out += isIllegal(c) ? QLatin1Char('_') : c;
    return out;
}

// What joins the fields of a template; an empty field takes one of them along.
bool isSeparator(QChar c)
{
    return c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char(' ');
}

// What may not end (or start) the prompt's words in a name: sentence punctuation and separators
// ("at dusk," or "-v2" read as noise, and a leading '.' or '-' hides a file or reads as an option).
// Brackets and quotes that belong to a word stay.
bool isLoosePunctuation(QChar c)
{
    static const QString loose = QStringLiteral(u".,;:!?-_–—…'`~ ");
    return loose.contains(c) || c.isSpace();
}

// CON, PRN, AUX, NUL, COM1-9 and LPT1-9, with or without an extension, name devices on Windows.
bool isReservedOnWindows(const QString &name)
{
    const QString stem = name.section(QLatin1Char('.'), 0, 0).trimmed().toUpper();
    static const QStringList devices { QStringLiteral("CON"), QStringLiteral("PRN"),
                                       QStringLiteral("AUX"), QStringLiteral("NUL") };
    if (devices.contains(stem))
        return true;
    return stem.size() == 4
        && (stem.startsWith(QLatin1String("COM")) || stem.startsWith(QLatin1String("LPT")))
        && stem.at(3) >= QLatin1Char('1') && stem.at(3) <= QLatin1Char('9');
}

} // namespace

QString FileNameTemplate::promptWords(const QString &prompt)
{
    QString text;
    text.reserve(prompt.size());
    for (const QChar c : prompt)
        text += isIllegal(c) ? QLatin1Char(' ') : c;
    text = text.simplified();
    const auto trimLoose = [](QString &s) {
        while (!s.isEmpty() && isLoosePunctuation(s.back()))
            s.chop(1);
        qsizetype start = 0;
        while (start < s.size() && isLoosePunctuation(s.at(start)))
            ++start;
        s.remove(0, start);
    };
    trimLoose(text);
    if (text.size() > maxPromptLength) {
        // The last whole word that fits; a first word longer than the limit is cut inside,
        // never between the two halves of a surrogate pair (an emoji).
        qsizetype cut = text.lastIndexOf(QLatin1Char(' '), maxPromptLength);
        if (cut <= 0)
            cut = text.at(maxPromptLength - 1).isHighSurrogate() ? maxPromptLength - 1
                                                                 : maxPromptLength;
        text.truncate(cut);
        trimLoose(text);
    }
    return text;
}

QString FileNameTemplate::patternOrDefault(const QString &stored)
{
    const QString pattern = stored.trimmed();
    if (pattern.isEmpty() || pattern == QLatin1String(earlierDefaultTemplate))
        return QString::fromLatin1(defaultTemplate);
    return pattern;
}

QString FileNameTemplate::expand(const QString &pattern, const Fields &fields)
{
    const QHash<QString, QString> values {
        { QStringLiteral("date"), fields.when.toString(QStringLiteral("yyyy-MM-dd")) },
        { QStringLiteral("time"), fields.when.toString(QStringLiteral("HHmmss")) },
        { QStringLiteral("model"), fields.model },
        { QStringLiteral("quality"), fields.quality },
        { QStringLiteral("size"), fields.size },
        { QStringLiteral("n"), QStringLiteral("%1").arg(fields.n, 2, 10, QLatin1Char('0')) },
        { QStringLiteral("ext"), fields.ext },
        { QStringLiteral("prompt"), promptWords(fields.prompt) },
        { QStringLiteral("turn"), fields.turnId.left(8) },
        { QStringLiteral("hash"), fields.hash.left(12) },
    };
    QString out;
    qsizetype i = 0;
    while (i < pattern.size()) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('{')) {
            const qsizetype close = pattern.indexOf(QLatin1Char('}'), i + 1);
            if (close > i) {
                const QString key = pattern.mid(i + 1, close - i - 1);
                const auto it = values.constFind(key);
                if (it != values.constEnd()) {
                    i = close + 1;
                    // A field value never brings its own path separators or illegal characters.
                    const QString value = replaceIllegal(it.value());
                    if (!value.isEmpty()) {
                        out += value;
                        continue;
                    }
                    // Empty (no prompt, no model): "{date}_{prompt}_{model}" gives "date_model",
                    // "{prompt}_{n}" gives "01", "{date}_{prompt}.{ext}" gives "date.png".
                    const bool afterSeparator = !out.isEmpty() && isSeparator(out.back());
                    if ((out.isEmpty() || afterSeparator) && i < pattern.size()
                        && isSeparator(pattern.at(i)))
                        ++i;
                    else if (afterSeparator
                             && (i == pattern.size() || pattern.at(i) == QLatin1Char('.')))
                        out.chop(1);
                    continue;
                }
            }
        }
        out += c;
        ++i;
    }
    return sanitize(out);
}

QString FileNameTemplate::sanitize(const QString &name)
{
    QString out = replaceIllegal(name);
    while (!out.isEmpty() && (out.endsWith(QLatin1Char('.')) || out.endsWith(QLatin1Char(' '))))
        out.chop(1);
    if (out.isEmpty() || out == QLatin1String(".") || out == QLatin1String(".."))
        return QStringLiteral("image");
    if (isReservedOnWindows(out))
        out.prepend(QLatin1Char('_'));
    return out;
}
