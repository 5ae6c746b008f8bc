#include "cost.h"

#include <QLocale>

QString Cost::basisLabel(Basis basis)
{
    switch (basis) {
    case Basis::Estimated:
        return QStringLiteral("estimated");
    case Basis::Billed:
        return QStringLiteral("billed");
    case Basis::Demo:
        return QStringLiteral("demo");
    case Basis::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Cost::Basis Cost::basisFromLabel(const QString &label)
{
    if (label == QLatin1String("estimated"))
        return Basis::Estimated;
    if (label == QLatin1String("billed"))
        return Basis::Billed;
    if (label == QLatin1String("demo"))
        return Basis::Demo;
    return Basis::Unknown;
}

QString Cost::formatUsd(double usd)
{
    // Image calls cost fractions of a cent to a few dollars: four decimals below a dollar keep
    // a $0.0059 low-quality image distinguishable from free.
    // Zeros past the cents say nothing: $0.20, not $0.2000 (found by QA).
    const int decimals = usd == 0.0 ? 2 : (usd < 1.0 ? 4 : 2);
    QString digits = QLocale::c().toString(usd, 'f', decimals);
    while (digits.endsWith(QLatin1Char('0'))
           && digits.indexOf(QLatin1Char('.')) < digits.size() - 3)
        digits.chop(1);
    return QLatin1Char('$') + digits;
}

QString Cost::basisText(Basis basis)
{
    switch (basis) {
    case Basis::Estimated:
        return tr("estimated");
    case Basis::Billed:
        return tr("billed");
    case Basis::Demo:
        return tr("demo");
    case Basis::Unknown:
        break;
    }
    return tr("unknown");
}

QString Cost::formatted() const
{
    if (!isKnown())
        return tr("cost unknown");
    return formatUsd(usd) + QLatin1Char(' ') + basisText(basis);
}

QString Cost::compact() const
{
    switch (basis) {
    case Basis::Estimated:
        return tr("≈ %1").arg(formatUsd(usd));
    case Basis::Billed:
        return formatUsd(usd);
    case Basis::Demo: // the demo's figure is not money: it says so
    case Basis::Unknown:
        break;
    }
    return formatted();
}

static int basisStrength(Cost::Basis basis)
{
    // The combined figure can only be as certain as its least certain part.
    switch (basis) {
    case Cost::Basis::Billed:
        return 3;
    case Cost::Basis::Demo:
        return 2;
    case Cost::Basis::Estimated:
        return 1;
    case Cost::Basis::Unknown:
        break;
    }
    return 0;
}

Cost &Cost::operator+=(const Cost &other)
{
    if (!other.isKnown())
        return *this;
    if (!isKnown()) {
        *this = other;
        return *this;
    }
    usd += other.usd;
    if (basisStrength(other.basis) < basisStrength(basis))
        basis = other.basis;
    if (note.isEmpty())
        note = other.note;
    return *this;
}

QJsonObject Cost::toJson() const
{
    QJsonObject o { { QStringLiteral("usd"), usd },
                    { QStringLiteral("basis"), basisLabel(basis) } };
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

Cost Cost::fromJson(const QJsonObject &o)
{
    Cost c;
    c.usd = o.value(QLatin1String("usd")).toDouble();
    c.basis = basisFromLabel(o.value(QLatin1String("basis")).toString());
    c.note = o.value(QLatin1String("note")).toString();
    return c;
}
