#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

enum class DemoMotif { Ring, Monolith, Crystals, Island };

// The palette and features of a demo picture, chosen from the words of the prompt (sunset,
// night, forest, ocean, a color name, …); prompts without known words get a palette from their
// seed, so different prompts still look different.
struct DemoTheme
{
    QStringList names; // what was recognised, for the description
    QColor skyTop, skyMid, skyBottom, glow, sun, ridge, haze, accent;
    bool moon = false, stars = false, nebula = false, water = false, trees = false;
    bool snow = false, city = false, dunes = false, embers = false, fog = false;
    double sunHeight = 0.3; // from the top, as a fraction of the height
    double roughness = 0.55;
    DemoMotif motif = DemoMotif::Ring;

    static DemoTheme forPrompt(const QString &prompt, quint32 seed);
    static QColor mix(const QColor &a, const QColor &b, double t);
};
