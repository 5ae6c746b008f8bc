#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

// The prices Easel estimates costs from, read from a JSON price book (the built-in one is the
// resource :/easel/pricing.json). Prices are USD per million tokens, except the per-image tables.
// Every entry carries its source and date because published image prices move and some come from
// secondary sources only; the details view shows them next to an estimate.
class PriceBook
{
    Q_DECLARE_TR_FUNCTIONS(PriceBook)

public:
    struct ChatPrice
    {
        QString model; // the book's name for it, e.g. "gpt-5" for "openai/gpt-5-2025-08-07"
        double inputPerMillion = 0.0;
        double cachedInputPerMillion = 0.0;
        double outputPerMillion = 0.0;
        QString source;
        QString date;
    };

    struct ImagePrice
    {
        // How output image tokens follow from quality and size when the gateway does not say.
        enum class TokenRule { Table, GptImage2Formula };
        using QualityTable = QHash<QString, QHash<QString, double>>; // quality -> "WxH" -> value

        QString model;
        double textInputPerMillion = 0.0;
        double cachedTextInputPerMillion = 0.0;
        double imageInputPerMillion = 0.0;
        double cachedImageInputPerMillion = 0.0;
        double imageOutputPerMillion = 0.0;
        std::optional<double> textOutputPerMillion;
        QualityTable perImageUsd; // official per-image prices (GPT image 1.x)
        QualityTable outputTokens; // output image tokens per image (GPT image 1.x)
        TokenRule tokenRule = TokenRule::Table;
        QString source;
        QString date;

        std::optional<double> perImage(const QString &quality, const QString &size) const;
        std::optional<qint64> outputTokensFor(const QString &quality, const QString &size) const;
    };

    // Parses a price book. On any problem returns an empty book and sets *error (when given) to a
    // plain sentence naming the entry and field at fault.
    static PriceBook fromJson(const QByteArray &json, QString *error = nullptr);
    // The book compiled into the program. Loaded once; an empty book (with a warning) if the
    // resource is broken, so the app still runs and shows "cost unknown".
    static const PriceBook &builtIn();

    bool isEmpty() const { return m_chat.isEmpty() && m_image.isEmpty(); }
    QString date() const { return m_date; }
    QString currency() const { return m_currency; }
    QStringList chatModels() const; // sorted
    QStringList imageModels() const; // sorted

    std::optional<ChatPrice> chatPrice(const QString &model) const;
    std::optional<ImagePrice> imagePrice(const QString &model) const;

    // Maps a model name as a gateway spells it to a name in `known`: lower-cased, a vendor prefix
    // ("openai/") dropped, and a dated snapshot ("gpt-5-2025-08-07", "...-20250807") reduced to its
    // base model. Only a date may follow the base name, so "gpt-5-mini" never becomes "gpt-5".
    // Returns an empty string when nothing matches.
    static QString normalizeModel(const QString &model, const QStringList &known);

private:
    QString m_date;
    QString m_currency;
    QHash<QString, ChatPrice> m_chat;
    QHash<QString, ImagePrice> m_image;
};
