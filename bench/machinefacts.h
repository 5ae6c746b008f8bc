#pragma once

#include <QJsonObject>

// What the figures were measured on: printed with them, since a figure means little without the
// machine, the Qt and the build type behind it.
class MachineFacts
{
public:
    // Collected when the figures are printed, so the load average covers the run.
    static QJsonObject collect();
};
