#include "pricebook.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QtDebug>

#include <algorithm>

namespace {

// Thrown only inside this file: parsing stops at the first problem and fromJson() turns it into
// the error string.
struct BookError
{
    QString message;
};

double requirePrice(const QJsonObject &entry, const QString &where, const QString &field)
{
    const QJsonValue value = entry.value(field);
    if (value.isUndefined())
        throw BookError { PriceBook::tr("%1 has no \"%2\" price.").arg(where, field) };
    if (!value.isDouble() || value.toDouble() < 0.0)
        throw BookError {
            PriceBook::tr("%1 has a \"%2\" that is not a non-negative number.").arg(where, field)
        };
    return value.toDouble();
}

QString requireText(const QJsonObject &entry, const QString &where, const QString &field)
{
    const QString text = entry.value(field).toString().trimmed();
    if (text.isEmpty())
        throw BookError { PriceBook::tr("%1 has no \"%2\".").arg(where, field) };
    return text;
}

// Reads {"low": {"1024x1024": 0.011, ...}, ...}.
PriceBook::ImagePrice::QualityTable readTable(const QJsonObject &entry, const QString &where,
                                              const QString &field, bool integers)
{
    PriceBook::ImagePrice::QualityTable table;
    const QJsonValue value = entry.value(field);
    if (value.isUndefined())
        return table;
    if (!value.isObject())
        throw BookError { PriceBook::tr("%1: \"%2\" is not an object.").arg(where, field) };
    const QJsonObject qualities = value.toObject();
    for (auto q = qualities.begin(); q != qualities.end(); ++q) {
        if (!q.value().isObject())
            throw BookError {
                PriceBook::tr("%1: \"%2\".\"%3\" is not an object.").arg(where, field, q.key())
            };
        const QJsonObject sizes = q.value().toObject();
        for (auto s = sizes.begin(); s != sizes.end(); ++s) {
            const double number = s.value().toDouble(-1.0);
            if (!s.value().isDouble() || number < 0.0 || (integers && number != qint64(number)))
                throw BookError { PriceBook::tr("%1: \"%2\".\"%3\".\"%4\" is not a valid %5.")
                                      .arg(where, field, q.key(), s.key(),
                                           integers ? PriceBook::tr("token count")
                                                    : PriceBook::tr("price")) };
            table[q.key().toLower()][s.key().toLower()] = number;
        }
    }
    return table;
}

QJsonObject requireSection(const QJsonObject &root, const QString &name)
{
    const QJsonValue value = root.value(name);
    if (!value.isObject())
        throw BookError { PriceBook::tr("The price book has no \"%1\" object.").arg(name) };
    return value.toObject();
}

std::optional<double> lookup(const PriceBook::ImagePrice::QualityTable &table,
                             const QString &quality, const QString &size)
{
    const auto q = table.constFind(quality.toLower());
    if (q == table.constEnd())
        return std::nullopt;
    const auto s = q->constFind(size.toLower());
    if (s == q->constEnd())
        return std::nullopt;
    return *s;
}

// "2025-08-07" or "20250807", the two ways snapshot names carry their date.
bool isDateSuffix(QStringView rest)
{
    const auto digits = [](QStringView text) {
        return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
            return c >= QLatin1Char('0') && c <= QLatin1Char('9');
        });
    };
    if (rest.size() == 8)
        return digits(rest);
    return rest.size() == 10 && rest.at(4) == QLatin1Char('-') && rest.at(7) == QLatin1Char('-')
        && digits(rest.mid(0, 4)) && digits(rest.mid(5, 2)) && digits(rest.mid(8, 2));
}

} // namespace

std::optional<double> PriceBook::ImagePrice::perImage(const QString &quality,
                                                      const QString &size) const
{
    return lookup(perImageUsd, quality, size);
}

std::optional<qint64> PriceBook::ImagePrice::outputTokensFor(const QString &quality,
                                                             const QString &size) const
{
    const std::optional<double> tokens = lookup(outputTokens, quality, size);
    if (!tokens)
        return std::nullopt;
    return qint64(*tokens);
}

PriceBook PriceBook::fromJson(const QByteArray &json, QString *error)
{
    if (error)
        error->clear();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = tr("The price book is not valid JSON: %1 at offset %2.")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return {};
    }
    if (!document.isObject()) {
        if (error)
            *error = tr("The price book is not a JSON object.");
        return {};
    }

    PriceBook book;
    try {
        const QJsonObject root = document.object();
        book.m_date = requireText(root, tr("The price book"), QStringLiteral("date"));
        book.m_currency = requireText(root, tr("The price book"), QStringLiteral("currency"));
        // Costs are shown in dollars everywhere; a book in another currency would be silently
        // wrong, so it is refused rather than converted.
        if (book.m_currency != QLatin1String("USD"))
            throw BookError {
                tr("The price book is in %1; only USD is supported.").arg(book.m_currency)
            };

        const QJsonObject chat = requireSection(root, QStringLiteral("chat_models"));
        for (auto it = chat.begin(); it != chat.end(); ++it) {
            const QString where = tr("Chat model \"%1\"").arg(it.key());
            if (!it.value().isObject())
                throw BookError { tr("%1 is not an object.").arg(where) };
            const QJsonObject entry = it.value().toObject();
            ChatPrice price;
            price.model = it.key().toLower();
            price.inputPerMillion = requirePrice(entry, where, QStringLiteral("input"));
            price.cachedInputPerMillion
                = requirePrice(entry, where, QStringLiteral("cached_input"));
            price.outputPerMillion = requirePrice(entry, where, QStringLiteral("output"));
            price.source = requireText(entry, where, QStringLiteral("source"));
            price.date = requireText(entry, where, QStringLiteral("date"));
            book.m_chat.insert(price.model, price);
        }

        const QJsonObject image = requireSection(root, QStringLiteral("image_models"));
        for (auto it = image.begin(); it != image.end(); ++it) {
            const QString where = tr("Image model \"%1\"").arg(it.key());
            if (!it.value().isObject())
                throw BookError { tr("%1 is not an object.").arg(where) };
            const QJsonObject entry = it.value().toObject();
            ImagePrice price;
            price.model = it.key().toLower();
            price.textInputPerMillion = requirePrice(entry, where, QStringLiteral("text_input"));
            price.cachedTextInputPerMillion
                = requirePrice(entry, where, QStringLiteral("cached_text_input"));
            price.imageInputPerMillion = requirePrice(entry, where, QStringLiteral("image_input"));
            price.cachedImageInputPerMillion
                = requirePrice(entry, where, QStringLiteral("cached_image_input"));
            price.imageOutputPerMillion
                = requirePrice(entry, where, QStringLiteral("image_output"));
            if (entry.contains(QLatin1String("text_output")))
                price.textOutputPerMillion
                    = requirePrice(entry, where, QStringLiteral("text_output"));
            price.perImageUsd = readTable(entry, where, QStringLiteral("per_image"), false);
            price.outputTokens = readTable(entry, where, QStringLiteral("output_tokens"), true);
            const QJsonValue formula = entry.value(QLatin1String("output_tokens_formula"));
            if (!formula.isUndefined()) {
                if (formula.toString() != QLatin1String("gpt-image-2"))
                    throw BookError { tr("%1 names an unknown output_tokens_formula; "
                                         "only \"gpt-image-2\" is known.")
                                          .arg(where) };
                price.tokenRule = ImagePrice::TokenRule::GptImage2Formula;
            }
            price.source = requireText(entry, where, QStringLiteral("source"));
            price.date = requireText(entry, where, QStringLiteral("date"));
            book.m_image.insert(price.model, price);
        }
    } catch (const BookError &problem) {
        if (error)
            *error = problem.message;
        return {};
    }
    return book;
}

const PriceBook &PriceBook::builtIn()
{
    static const PriceBook book = [] {
        QFile file(QStringLiteral(":/easel/pricing.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("Easel: the built-in price book is missing; costs will show as unknown.");
            return PriceBook();
        }
        QString error;
        PriceBook loaded = PriceBook::fromJson(file.readAll(), &error);
        if (!error.isEmpty())
            qWarning("Easel: the built-in price book is broken: %s", qUtf8Printable(error));
        return loaded;
    }();
    return book;
}

QStringList PriceBook::chatModels() const
{
    QStringList names = m_chat.keys();
    names.sort();
    return names;
}

QStringList PriceBook::imageModels() const
{
    QStringList names = m_image.keys();
    names.sort();
    return names;
}

std::optional<PriceBook::ChatPrice> PriceBook::chatPrice(const QString &model) const
{
    const QString name = normalizeModel(model, m_chat.keys());
    if (name.isEmpty())
        return std::nullopt;
    return m_chat.value(name);
}

std::optional<PriceBook::ImagePrice> PriceBook::imagePrice(const QString &model) const
{
    const QString name = normalizeModel(model, m_image.keys());
    if (name.isEmpty())
        return std::nullopt;
    return m_image.value(name);
}

QString PriceBook::normalizeModel(const QString &model, const QStringList &known)
{
    QString name = model.trimmed().toLower();
    // "openai/gpt-image-1" as OpenRouter-style gateways spell it.
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    if (slash >= 0)
        name = name.mid(slash + 1);
    if (name.isEmpty())
        return {};
    if (known.contains(name))
        return name;

    // The longest known base followed by "-<date>": "gpt-image-2-2026-04-21" -> "gpt-image-2",
    // while "gpt-5-mini" stays unmatched against "gpt-5" because "mini" is not a date.
    QString best;
    for (const QString &base : known) {
        if (base.size() <= best.size() || name.size() <= base.size() + 1)
            continue;
        if (name.startsWith(base) && name.at(base.size()) == QLatin1Char('-')
            && isDateSuffix(QStringView(name).mid(base.size() + 1)))
            best = base;
    }
    return best;
}
