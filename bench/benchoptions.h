#pragma once

#include <QString>
#include <QStringList>

// The command line of easel-bench.
struct BenchOptions
{
    bool quick = false; // small repeat counts, for the ctest smoke run
    QString only; // run one figure only (empty: all)
    QString
        easelPath; // --easel: the Easel program the start-up figures launch (empty: the built one)

    // How many times to repeat a measurement.
    int repeats(int full, int quick) const { return this->quick ? quick : full; }
    bool wants(const QString &figure) const { return only.isEmpty() || only == figure; }

    static QStringList figureNames();
    // Returns false with a plain message in *error for unknown arguments.
    static bool parse(const QStringList &arguments, BenchOptions *options, QString *error,
                      bool *listOnly);
};
