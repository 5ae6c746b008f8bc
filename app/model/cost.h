#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// What a turn cost, with where the figure comes from. Easel never shows a bare number: the basis
// tells the designer whether the gateway billed it or Easel estimated it from the price book.
struct Cost
{
    Q_DECLARE_TR_FUNCTIONS(Cost)

public:
    enum class Basis { Unknown, Estimated, Billed, Demo };

    double usd = 0.0;
    Basis basis = Basis::Unknown;
    QString note; // why it is an estimate, e.g. "no price for model x"; shown in details

    bool isKnown() const { return basis != Basis::Unknown; }
    // "estimated", "billed", "demo", "unknown": the basis as stored and exported (a name).
    static QString basisLabel(Basis basis);
    // The same words translated, for display.
    static QString basisText(Basis basis);
    static Basis basisFromLabel(const QString &label);
    QString formatted() const; // "$0.0421 estimated", "$0.00 demo", "cost unknown"
    // Where room is short (a list row, a price per image): "≈ $0.0421" for an estimate, "$0.0421"
    // billed, "$0.00 demo", "cost unknown". The same digits as formatted(): one figure is never
    // written two ways in one window (found by QA: $0.071 in the status bar, $0.07 in the list).
    QString compact() const;
    static QString formatUsd(double usd);

    Cost &operator+=(const Cost &other); // the weaker basis wins: billed + estimated = estimated

    QJsonObject toJson() const;
    static Cost fromJson(const QJsonObject &object);

    bool operator==(const Cost &other) const = default;
};
