#include "machinefacts.h"

#include <QDateTime>
#include <QFile>
#include <QGuiApplication>
#include <QSysInfo>
#include <QThread>

namespace {

QString cpuModel()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QSysInfo::currentCpuArchitecture();
    // /proc files report a size of 0, so read until the end instead of testing atEnd().
    const QByteArray text = file.readAll();
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("model name")) {
            const qsizetype colon = line.indexOf(':');
            return QString::fromUtf8(line.mid(colon + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

// The machine may be shared (builds, other tests): the load says how much to trust a figure.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QList<QByteArray> fields = file.readAll().split(' ');
    return fields.size() >= 3
        ? QString::fromLatin1(fields.at(0) + ' ' + fields.at(1) + ' ' + fields.at(2))
        : QString();
}

} // namespace

QJsonObject MachineFacts::collect()
{
    return { { QStringLiteral("cores"), QThread::idealThreadCount() },
             { QStringLiteral("cpu"), cpuModel() },
             { QStringLiteral("os"), QSysInfo::prettyProductName() },
             { QStringLiteral("kernel"), QSysInfo::kernelVersion() },
             { QStringLiteral("qt_version"), QString::fromLatin1(qVersion()) },
             { QStringLiteral("qt_compiled_against"), QStringLiteral(QT_VERSION_STR) },
             { QStringLiteral("build_type"), QStringLiteral(EASEL_BENCH_BUILD_TYPE) },
             { QStringLiteral("compiler"), QStringLiteral(EASEL_BENCH_COMPILER) },
             { QStringLiteral("qpa_platform"), QGuiApplication::platformName() },
             { QStringLiteral("load_average"), loadAverage() },
             { QStringLiteral("measured_at"),
               QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } };
}
