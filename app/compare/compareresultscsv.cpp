#include "compareresultscsv.h"

#include <QDir>
#include <QLocale>
#include <QSaveFile>

namespace {

const QLatin1String recordEnd("\r\n");

// The first image the gateway delivered in full: its report says what the gateway really made.
const ImageAsset *firstFinal(const Turn &turn)
{
    for (const ImageAsset &image : turn.images) {
        if (image.state == ImageAsset::State::Final)
            return &image;
    }
    return nullptr;
}

QString reportedOr(const QString &reported, const QString &requested)
{
    return reported.isEmpty() ? requested : reported;
}

QString tokens(qint64 count)
{
    return QString::number(count);
}

QStringList row(const CompareCell &cell, const Turn *turn, const QStringList &files)
{
    QStringList fields = cell.axisValues;
    fields << cell.prompt << cell.providerId << cell.params.imageModel;
    const ImageAsset *image = turn ? firstFinal(*turn) : nullptr;
    const ImageReport report = image ? image->report : ImageReport();
    fields << reportedOr(report.quality, cell.params.quality)
           << reportedOr(report.size, cell.params.effectiveSize())
           << reportedOr(report.outputFormat, cell.params.outputFormat);
    if (!turn) {
        fields << QString() << QString() << QString() << QString()
               << Cost::basisLabel(Cost::Basis::Unknown) << QStringLiteral("not run") << QString();
    } else {
        fields << (turn->durationMs >= 0
                       ? QLocale::c().toString(double(turn->durationMs) / 1000.0, 'f', 1)
                       : QString());
        const Usage &u = turn->usage;
        if (u.isEmpty()) {
            fields << QString() << QString();
        } else {
            // The chat model's and the image tool's tokens are counted apart (Usage); a row has
            // room for one figure each way, so they are added.
            fields << tokens(u.inputTokens + u.imageInputTextTokens + u.imageInputImageTokens)
                   << tokens(u.outputTokens + u.imageOutputTokens);
        }
        fields << CompareResultsCsv::formatUsd(turn->cost) << Cost::basisLabel(turn->cost.basis)
               << Turn::statusName(turn->status) << turn->errorMessage;
    }
    fields << files.join(QLatin1Char(';'));
    return fields;
}

QString record(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted.append(CompareResultsCsv::quoteField(field));
    return quoted.join(QLatin1Char(',')) + recordEnd;
}

} // namespace

QStringList CompareResultsCsv::header(const CompareSpec &spec)
{
    QStringList names;
    for (const CompareAxis &axis : spec.axes)
        names.append(axis.headerName());
    // "used" keeps these apart from the axis columns ("Quality" next to "Quality used"): a
    // header must not name two columns alike, or tools keyed by header lose one.
    names << QStringLiteral("Prompt used") << QStringLiteral("Provider used")
          << QStringLiteral("Image model used") << QStringLiteral("Quality used")
          << QStringLiteral("Size used") << QStringLiteral("Format used")
          << QStringLiteral("Seconds") << QStringLiteral("Input tokens")
          << QStringLiteral("Output tokens") << QStringLiteral("Cost (USD)")
          << QStringLiteral("Cost basis") << QStringLiteral("Status") << QStringLiteral("Error")
          << QStringLiteral("File");
    return names;
}

QString CompareResultsCsv::quoteField(const QString &field)
{
    const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"'))
        || field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'))
        || (!field.isEmpty() && (field.front().isSpace() || field.back().isSpace()));
    if (!needsQuotes)
        return field;
    QString escaped = field;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString CompareResultsCsv::formatUsd(const Cost &cost)
{
    if (!cost.isKnown())
        return {};
    // Six decimals keep a billed figure exact to a ten-thousandth of a cent.
    QString text = QLocale::c().toString(cost.usd, 'f', 6);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

QByteArray CompareResultsCsv::toCsv(const CompareSpec &spec, const QList<CompareCell> &cells,
                                    const QList<Turn> &turns, const QList<QStringList> &files)
{
    QString text = record(header(spec));
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const Turn *turn = i < turns.size() ? &turns.at(i) : nullptr;
        text += record(row(cells.at(i), turn, files.value(i)));
    }
    return text.toUtf8();
}

bool CompareResultsCsv::save(const QString &path, const QByteArray &csv, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not write %1: %2.")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    // Flushed before commit(): QSaveFile (Qt 6.4) overlooks a failure of its last flush, and a
    // full disk would leave an empty file reported as saved.
    if (file.write(csv) != csv.size() || !file.flush() || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2.")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}
