#include "demo/demotheme.h"

#include <QRegularExpression>

#include <algorithm>
#include <initializer_list>
#include <utility>

namespace {

QStringList wordsOf(const QString &prompt)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}]+"));
    return prompt.toLower().split(separators, Qt::SkipEmptyParts);
}

bool mentions(const QStringList &words, std::initializer_list<const char *> keys)
{
    for (const QString &word : words) {
        for (const char *key : keys) {
            // "stars" and "starry" count as "star"; short keys must match whole words.
            const QLatin1String k(key);
            if (word == k || (k.size() >= 4 && word.startsWith(k)))
                return true;
        }
    }
    return false;
}

} // namespace

QColor DemoTheme::mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t),
                            float(a.alphaF() + (b.alphaF() - a.alphaF()) * t));
}

DemoTheme DemoTheme::forPrompt(const QString &prompt, quint32 seed)
{
    const QStringList words = wordsOf(prompt);
    DemoTheme t;
    // A default palette from the seed, so that prompts without known words still differ.
    const int hue = int(seed % 360);
    t.skyTop = QColor::fromHsv(hue, 150, 120);
    t.skyMid = QColor::fromHsv((hue + 20) % 360, 110, 190);
    t.skyBottom = QColor::fromHsv((hue + 40) % 360, 70, 245);
    t.glow = QColor::fromHsv((hue + 50) % 360, 90, 255);
    t.sun = QColor(255, 244, 214);
    t.ridge = QColor::fromHsv((hue + 200) % 360, 90, 60);
    t.accent = QColor::fromHsv((hue + 180) % 360, 200, 250);
    t.motif = DemoMotif(seed / 360 % 4);

    const auto palette
        = [&](const char *name, QColor top, QColor mid, QColor bottom, QColor glow, QColor ridge) {
              t.names << QLatin1String(name);
              t.skyTop = top, t.skyMid = mid, t.skyBottom = bottom, t.glow = glow, t.ridge = ridge;
          };
    if (mentions(words, { "sunset", "dusk", "evening", "golden", "twilight" })) {
        palette("sunset", QColor(43, 27, 77), QColor(196, 82, 112), QColor(255, 170, 92),
                QColor(255, 200, 120), QColor(58, 28, 60));
        t.sunHeight = 0.37;
    } else if (mentions(words, { "sunrise", "dawn", "morning" })) {
        palette("dawn", QColor(74, 111, 165), QColor(214, 160, 180), QColor(255, 214, 170),
                QColor(255, 230, 190), QColor(70, 72, 110));
        t.sunHeight = 0.36;
    } else if (mentions(words, { "space", "galaxy", "cosmic", "nebula", "planet", "alien" })) {
        palette("cosmic", QColor(8, 2, 28), QColor(40, 14, 78), QColor(110, 40, 120),
                QColor(220, 120, 255), QColor(16, 8, 32));
        t.stars = t.nebula = t.moon = true;
        t.sunHeight = 0.22;
    } else if (mentions(words, { "night", "moon", "midnight", "star", "dark" })) {
        palette("night", QColor(6, 11, 35), QColor(20, 36, 82), QColor(48, 70, 120),
                QColor(120, 150, 220), QColor(10, 16, 36));
        t.stars = t.moon = true;
        t.sun = QColor(232, 236, 255);
        t.sunHeight = 0.22;
    } else if (mentions(words, { "fire", "lava", "volcano", "inferno", "hell", "dragon" })) {
        palette("volcanic", QColor(40, 6, 6), QColor(140, 30, 16), QColor(255, 120, 40),
                QColor(255, 160, 60), QColor(30, 10, 10));
        t.embers = true;
        t.sunHeight = 0.38;
    } else if (mentions(words, { "desert", "dune", "sand", "canyon", "sahara" })) {
        palette("desert", QColor(90, 140, 200), QColor(230, 190, 150), QColor(255, 222, 170),
                QColor(255, 240, 200), QColor(170, 92, 50));
        t.dunes = true;
        t.roughness = 0.32;
    } else if (mentions(words, { "snow", "winter", "ice", "frozen", "arctic", "glacier" })) {
        palette("winter", QColor(120, 160, 210), QColor(190, 214, 236), QColor(236, 244, 252),
                QColor(255, 255, 255), QColor(70, 96, 130));
        t.snow = true;
    } else if (mentions(words, { "storm", "rain", "fog", "mist", "gloomy", "grey", "gray" })) {
        palette("misty", QColor(70, 78, 92), QColor(130, 140, 150), QColor(190, 196, 200),
                QColor(220, 224, 228), QColor(40, 46, 56));
        t.fog = true;
    }
    if (mentions(words, { "forest", "tree", "woods", "jungle", "pine", "grove" })) {
        t.names << QStringLiteral("forest");
        t.trees = true;
        t.ridge = mix(t.ridge, QColor(24, 70, 48), 0.7);
    }
    if (mentions(words,
                 { "ocean", "sea", "lake", "water", "river", "beach", "coast", "island", "harbor",
                   "harbour", "swim" })) {
        t.names << QStringLiteral("water");
        t.water = true;
    }
    if (mentions(words,
                 { "city", "cyberpunk", "neon", "tower", "castle", "town", "skyline", "building",
                   "village" })) {
        t.names << QStringLiteral("skyline");
        t.city = true;
    }
    if (mentions(words, { "mountain", "peak", "alps", "himalaya" }))
        t.snow = true;

    // A color word tints the subject and pulls the sky towards it.
    static const std::pair<const char *, QColor> colors[] = {
        { "red", QColor(230, 50, 60) },      { "crimson", QColor(200, 20, 60) },
        { "orange", QColor(255, 140, 40) },  { "yellow", QColor(255, 220, 60) },
        { "gold", QColor(255, 200, 70) },    { "green", QColor(60, 200, 110) },
        { "teal", QColor(40, 190, 180) },    { "cyan", QColor(60, 220, 240) },
        { "blue", QColor(60, 120, 240) },    { "purple", QColor(150, 80, 220) },
        { "violet", QColor(140, 90, 240) },  { "pink", QColor(255, 120, 180) },
        { "magenta", QColor(230, 60, 200) }, { "white", QColor(245, 245, 250) },
        { "black", QColor(30, 30, 40) },     { "silver", QColor(200, 205, 215) },
    };
    for (const auto &[word, color] : colors) {
        if (words.contains(QLatin1String(word))) {
            t.names << QLatin1String(word);
            t.accent = color;
            t.skyTop = mix(t.skyTop, color, 0.3);
            t.skyMid = mix(t.skyMid, color, 0.2);
            t.glow = mix(t.glow, color, 0.25);
            break;
        }
    }
    if (t.city)
        t.accent = mix(t.accent, QColor(255, 210, 120), 0.3);
    t.haze = mix(t.skyBottom, t.skyMid, 0.35);
    if (t.fog)
        t.haze = mix(t.haze, QColor(230, 232, 236), 0.4);
    return t;
}
