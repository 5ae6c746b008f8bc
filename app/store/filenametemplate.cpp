#include "filenametemplate.h"

namespace {

QString replaceIllegal(const QString &text)
{
    static const QString illegal = QStringLiteral("<>:\"/\\|?*");
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        out += (c.unicode() < 0x20 || c.unicode() == 0x7f || illegal.contains(c)) ? QLatin1Char('_')
                                                                                  : c;
    return out;
}

} // namespace

QString FileNameTemplate::expand(const QString &pattern, const Fields &fields)
{
    const QString promptHead = fields.prompt.simplified().left(40);
    const QHash<QString, QString> values {
        { QStringLiteral("date"), fields.when.toString(QStringLiteral("yyyy-MM-dd")) },
        { QStringLiteral("time"), fields.when.toString(QStringLiteral("HHmmss")) },
        { QStringLiteral("model"), fields.model },
        { QStringLiteral("quality"), fields.quality },
        { QStringLiteral("size"), fields.size },
        { QStringLiteral("n"), QStringLiteral("%1").arg(fields.n, 2, 10, QLatin1Char('0')) },
        { QStringLiteral("ext"), fields.ext },
        { QStringLiteral("prompt"), promptHead },
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
                    // A field value never brings its own path separators or illegal characters.
                    out += replaceIllegal(it.value());
                    i = close + 1;
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
    return out;
}
