#include "outputwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

namespace {

// More than enough for any run (30 cells of 10 images); past it something is wrong.
constexpr int maxCandidates = 10000;

} // namespace

OutputWriter::OutputWriter(const QString &directory)
    : m_directory(QDir(directory).absolutePath())
{
}

bool OutputWriter::prepare(QString *error)
{
    const QFileInfo info(m_directory);
    if (info.exists() && !info.isDir()) {
        *error = tr("--out %1 is a file, not a folder.").arg(m_directory);
        return false;
    }
    if (!QDir().mkpath(m_directory)) {
        *error = tr("--out %1 cannot be created: check that its parent folder exists "
                    "and can be written.")
                     .arg(m_directory);
        return false;
    }
    QTemporaryFile probe(m_directory + QStringLiteral("/.easel-probe-XXXXXX"));
    if (!probe.open()) {
        *error = tr("--out %1 cannot be written: %2.").arg(m_directory, probe.errorString());
        return false;
    }
    return true;
}

QString OutputWriter::candidateName(const QString &fileName, int n)
{
    if (n <= 1)
        return fileName;
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0)
        return fileName + QStringLiteral("-%1").arg(n);
    return fileName.left(dot) + QStringLiteral("-%1").arg(n) + fileName.mid(dot);
}

QString OutputWriter::write(const QByteArray &bytes, const QString &fileName, QString *error) const
{
    for (int n = 1; n <= maxCandidates; ++n) {
        const QString path = m_directory + QLatin1Char('/') + candidateName(fileName, n);
        QFile file(path);
        // NewOnly fails when the file exists, at the moment of creation: never an overwrite.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            if (QFileInfo::exists(path))
                continue;
            *error = tr("%1 cannot be written: %2.").arg(path, file.errorString());
            return {};
        }
        if (file.write(bytes) != bytes.size() || !file.flush()) {
            *error = tr("%1 cannot be written: %2.").arg(path, file.errorString());
            file.close();
            file.remove();
            return {};
        }
        file.close();
        return path;
    }
    *error = tr("%1 has too many files named like %2.").arg(m_directory, fileName);
    return {};
}

QString OutputWriter::copy(const QString &sourcePath, const QString &fileName, QString *error) const
{
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly)) {
        *error
            = tr("The stored image %1 cannot be read: %2.").arg(sourcePath, source.errorString());
        return {};
    }
    return write(source.readAll(), fileName, error);
}

QString OutputWriter::safeName(const QString &value, int maxLength)
{
    QString name;
    for (const QChar c : value.trimmed()) {
        if (name.size() >= maxLength)
            break;
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.')
            || c == QLatin1Char('-') || c == QLatin1Char('_');
        if (plain)
            name += c;
        else if ((c.isSpace() || c == QLatin1Char(':') || c == QLatin1Char('/'))
                 && !name.endsWith(QLatin1Char('-')))
            name += QLatin1Char('-');
    }
    // No hidden files, no ".." and no trailing separators.
    while (name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    while (name.endsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return name;
}

QString OutputWriter::imageBaseName(const CompareCell &cell, int cellCount, int imageNumber,
                                    int imagesInCell)
{
    if (cell.axisValues.isEmpty())
        return QStringLiteral("image-%1").arg(imageNumber);
    const int width = std::max(2, int(QString::number(cellCount).size()));
    QString name = QStringLiteral("%1").arg(cell.index + 1, width, 10, QLatin1Char('0'));
    for (int axis = 0; axis < cell.axisValues.size(); ++axis) {
        QString part = safeName(cell.axisValues.at(axis));
        if (part.isEmpty()) // a prompt in another script: its position on the axis instead
            part = QStringLiteral("v%1").arg(cell.coordinates.value(axis) + 1);
        name += QLatin1Char('_') + part;
    }
    if (imagesInCell > 1)
        name += QStringLiteral("_%1").arg(imageNumber);
    return name;
}
