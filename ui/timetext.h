#pragma once

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

// Times as the lists and tooltips write them: the locale's short format, to the minute. Qt's C
// locale (LANG=C.UTF-8, usual on minimal systems) has seconds in its short formats
// ("17:34:37", found by QA in the Library's tooltip); no list needs them.
namespace TimeText {

inline QString withoutSeconds(QString format)
{
    static const QRegularExpression seconds(QStringLiteral("[:.]ss?(?!\\w)"));
    return format.remove(seconds);
}

inline QString shortTime(const QTime &time, const QLocale &locale = QLocale())
{
    return locale.toString(time, withoutSeconds(locale.timeFormat(QLocale::ShortFormat)));
}

inline QString shortDateTime(const QDateTime &when, const QLocale &locale = QLocale())
{
    return locale.toString(when, withoutSeconds(locale.dateTimeFormat(QLocale::ShortFormat)));
}

} // namespace TimeText
