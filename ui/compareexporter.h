#pragma once

#include "compare/comparerun.h"
#include "compare/comparespec.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

// The two exports of a compare run, asked for through the file dialog seam (FileDialogs):
// results.csv (CompareResultsCsv, one row per cell) written at once, and grid.png (ContactSheet,
// the labelled grid) drawn on a worker thread, since it reads every image of the run.
class CompareExporter : public QObject
{
    Q_OBJECT
public:
    explicit CompareExporter(QWidget *window); // the dialogs' parent; also the QObject parent

    void exportCsv(const CompareSpec &spec, const QList<CompareRun::Cell> &cells);
    void exportGrid(const CompareSpec &spec, const QList<CompareRun::Cell> &cells);
    bool isDrawing() const { return m_drawing; } // a grid is being drawn

Q_SIGNALS:
    void exported(const QString &path);
    void exportFailed(const QString &message);
    void statusMessage(const QString &message, int timeoutMs);
    void drawingChanged(bool drawing);

private:
    QString suggestedPath(const QString &fileName) const;

    QWidget *m_window;
    bool m_drawing = false;
};
