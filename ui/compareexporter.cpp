#include "compareexporter.h"

#include "compare/compareresultscsv.h"
#include "compare/contactsheet.h"
#include "filedialogs.h"
#include "whenready.h"

#include <QDir>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

CompareExporter::CompareExporter(QWidget *window)
    : QObject(window)
    , m_window(window)
{
}

QString CompareExporter::suggestedPath(const QString &fileName) const
{
    return QDir(FileDialogs::saveFolder()).filePath(fileName);
}

void CompareExporter::exportCsv(const CompareSpec &spec, const QList<CompareRun::Cell> &cells)
{
    const QString path = FileDialogs::getSaveFileName(
        m_window, tr("Export CSV"), suggestedPath(QStringLiteral("results.csv")),
        tr("CSV files (*.csv)"), QStringLiteral("csv"));
    if (path.isEmpty())
        return;
    QList<CompareCell> compareCells;
    QList<Turn> turns;
    QList<QStringList> files;
    for (const CompareRun::Cell &cell : cells) {
        compareCells << cell.cell;
        turns << cell.turn;
        QStringList paths; // the images as stored, by content hash
        for (const ImageAsset &image : cell.turn.images) {
            if (image.state == ImageAsset::State::Final && !image.filePath.isEmpty())
                paths << image.filePath;
        }
        files << paths;
    }
    QString error;
    if (!CompareResultsCsv::save(path, CompareResultsCsv::toCsv(spec, compareCells, turns, files),
                                 &error)) {
        Q_EMIT statusMessage(error, 8000);
        Q_EMIT exportFailed(error);
        return;
    }
    Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    Q_EMIT exported(path);
}

void CompareExporter::exportGrid(const CompareSpec &spec, const QList<CompareRun::Cell> &cells)
{
    if (m_drawing)
        return;
    const QString path = FileDialogs::getSaveFileName(
        m_window, tr("Export Grid"), suggestedPath(QStringLiteral("grid.png")),
        tr("PNG images (*.png)"), QStringLiteral("png"));
    if (path.isEmpty())
        return;
    QList<CompareCell> compareCells;
    QList<Turn> turns;
    for (const CompareRun::Cell &cell : cells) {
        compareCells << cell.cell;
        turns << cell.turn;
    }
    m_drawing = true;
    Q_EMIT drawingChanged(true);
    Q_EMIT statusMessage(tr("Drawing the grid…"), 0);
    QFuture<QString> done = QtConcurrent::run([spec, compareCells, turns, path] {
        QString error;
        return ContactSheet(spec, compareCells, turns).save(path, &error) ? QString() : error;
    });
    whenReady(done, this, [this, path](const QString &error) {
        m_drawing = false;
        Q_EMIT drawingChanged(false);
        if (!error.isEmpty()) {
            Q_EMIT statusMessage(error, 8000);
            Q_EMIT exportFailed(error);
            return;
        }
        Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
        Q_EMIT exported(path);
    });
}
