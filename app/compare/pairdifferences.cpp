#include "pairdifferences.h"

#include <QLocale>

#include <functional>

namespace {

QLocale numberLocale()
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

const ImageAsset *imageAt(const Turn &turn, int index)
{
    if (index < 0 || index >= turn.images.size())
        return nullptr;
    return &turn.images.at(index);
}

QString compression(const ImageParams &params)
{
    return params.compressionApplies() ? QString::number(params.outputCompression) : QString();
}

QString bytes(const ImageAsset *image)
{
    if (!image || image->byteSize <= 0)
        return {};
    return PairDifferences::tr("%1 (%2 bytes)")
        .arg(QLocale().formattedDataSize(image->byteSize),
             numberLocale().toString(image->byteSize));
}

QString tokensIn(const Turn &turn)
{
    const Usage &u = turn.usage;
    if (u.isEmpty())
        return {};
    // The chat model's and the image tool's tokens are counted apart (Usage); one figure each
    // way, as in results.csv.
    return numberLocale().toString(u.inputTokens + u.imageInputTextTokens
                                   + u.imageInputImageTokens);
}

QString tokensOut(const Turn &turn)
{
    const Usage &u = turn.usage;
    if (u.isEmpty())
        return {};
    return numberLocale().toString(u.outputTokens + u.imageOutputTokens);
}

QString seconds(const Turn &turn)
{
    if (turn.durationMs < 0)
        return {};
    return PairDifferences::tr("%1 s").arg(
        numberLocale().toString(double(turn.durationMs) / 1000.0, 'f', 1));
}

QString cost(const Turn &turn)
{
    return turn.cost.isKnown() ? turn.cost.formatted() : QString();
}

// One field read from either side.
struct Field
{
    const char *key;
    QString label;
    std::function<QString(const Turn &, const ImageAsset *)> value;
    bool longText = false;
};

QList<Field> fields()
{
    using PD = PairDifferences;
    auto report = [](auto member) {
        return [member](const Turn &, const ImageAsset *image) {
            return image ? image->report.*member : QString();
        };
    };
    return {
        { "provider", PairDifferences::tr("Provider"),
          [](const Turn &t, auto) {
              return t.providerId;
          } },
        { "chatModel", PairDifferences::tr("Chat model"),
          [](const Turn &t, auto) {
              return t.chatModel;
          } },
        { "imageModel", PairDifferences::tr("Image model"),
          [](const Turn &t, auto) {
              return t.requested.imageModel;
          } },
        { "requestedQuality", PairDifferences::tr("Requested quality"),
          [](const Turn &t, auto) {
              return t.requested.quality;
          } },
        { "requestedSize", PairDifferences::tr("Requested size"),
          [](const Turn &t, auto) {
              return t.requested.effectiveSize();
          } },
        { "aspectRatio", PairDifferences::tr("Aspect ratio"),
          [](const Turn &t, auto) {
              return t.requested.aspectRatio;
          } },
        { "requestedBackground", PairDifferences::tr("Requested background"),
          [](const Turn &t, auto) {
              return t.requested.background;
          } },
        { "requestedFormat", PairDifferences::tr("Requested format"),
          [](const Turn &t, auto) {
              return t.requested.outputFormat;
          } },
        { "compression", PairDifferences::tr("Compression"),
          [](const Turn &t, auto) {
              return compression(t.requested);
          } },
        { "moderation", PairDifferences::tr("Moderation"),
          [](const Turn &t, auto) {
              return t.requested.moderation;
          } },
        { "actualSize", PairDifferences::tr("Actual size"), report(&ImageReport::size) },
        { "actualQuality", PairDifferences::tr("Actual quality"), report(&ImageReport::quality) },
        { "actualBackground", PairDifferences::tr("Actual background"),
          report(&ImageReport::background) },
        { "actualFormat", PairDifferences::tr("Actual format"),
          report(&ImageReport::outputFormat) },
        { "pixelSize", PairDifferences::tr("Pixels"),
          [](const Turn &, const ImageAsset *image) {
              return image ? PD::formatPixelSize(image->pixelSize) : QString();
          } },
        { "bytes", PairDifferences::tr("File size"),
          [](const Turn &, auto image) {
              return bytes(image);
          } },
        { "revisedPrompt", PairDifferences::tr("Revised prompt"),
          report(&ImageReport::revisedPrompt), true },
        { "prompt", PairDifferences::tr("Prompt"), [](const Turn &t, auto) { return t.prompt; },
          true },
        { "tokensIn", PairDifferences::tr("Tokens in"),
          [](const Turn &t, auto) {
              return tokensIn(t);
          } },
        { "tokensOut", PairDifferences::tr("Tokens out"),
          [](const Turn &t, auto) {
              return tokensOut(t);
          } },
        { "cost", PairDifferences::tr("Cost"),
          [](const Turn &t, auto) {
              return cost(t);
          } },
        { "time", PairDifferences::tr("Time"),
          [](const Turn &t, auto) {
              return seconds(t);
          } },
    };
}

} // namespace

QList<PairDifferences::Row> PairDifferences::compare(const Turn &turnA, int imageA,
                                                     const Turn &turnB, int imageB)
{
    const ImageAsset *assetA = imageAt(turnA, imageA);
    const ImageAsset *assetB = imageAt(turnB, imageB);
    QList<Row> rows;
    for (const Field &field : fields()) {
        Row row;
        row.key = QString::fromLatin1(field.key);
        row.label = field.label;
        row.a = field.value(turnA, assetA).trimmed();
        row.b = field.value(turnB, assetB).trimmed();
        row.longText = field.longText;
        // Settings are words ("high", "PNG"): their case carries no meaning. Prompts are compared
        // exactly, since one changed letter is a different prompt.
        row.differs
            = row.a.compare(row.b, field.longText ? Qt::CaseSensitive : Qt::CaseInsensitive) != 0;
        rows << row;
    }
    return rows;
}

QStringList PairDifferences::keys()
{
    QStringList keys;
    for (const Field &field : fields())
        keys << QString::fromLatin1(field.key);
    return keys;
}

QStringList PairDifferences::differingKeys(const QList<Row> &rows)
{
    QStringList keys;
    for (const Row &row : rows) {
        if (row.differs)
            keys << row.key;
    }
    return keys;
}

QString PairDifferences::formatPixelSize(QSize size)
{
    if (!size.isValid() || size.isEmpty())
        return {};
    return tr("%1 × %2").arg(size.width()).arg(size.height());
}

QString PairDifferences::sizeMismatchNote(QSize a, QSize b)
{
    if (a.isEmpty() || b.isEmpty() || a == b)
        return {};
    return tr("The images differ in size (A %1, B %2): B is laid over A's area to compare "
              "them, and scaled to A's size for the difference.")
        .arg(formatPixelSize(a), formatPixelSize(b));
}
