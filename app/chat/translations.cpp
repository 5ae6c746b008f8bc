#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

void Translations::install(QCoreApplication *app)
{
    auto *easel = new QTranslator(app);
    if (easel->load(QLocale(), QStringLiteral("easel"), QStringLiteral("_"),
                    QStringLiteral(":/i18n"))
        || easel->load(QStringLiteral(":/i18n/easel_en.qm")))
        QCoreApplication::installTranslator(easel);
    else
        delete easel;
    auto *qt = new QTranslator(app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}
