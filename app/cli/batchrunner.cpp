#include "batchrunner.h"

#include <QLocale>

#include <algorithm>

BatchRunner::BatchRunner(const TurnRunner::Context &context, CompareRun::ProviderLookup providers,
                         LineSink progress, QObject *parent)
    : QObject(parent)
    , m_run(new CompareRun(context, std::move(providers), this))
    , m_progress(std::move(progress))
{
    connect(m_run, &CompareRun::cellChanged, this, &BatchRunner::onCellChanged);
    connect(m_run, &CompareRun::finished, this, &BatchRunner::finished);
}

void BatchRunner::start(const CompareSpec &spec, int concurrency,
                        const std::optional<CompareRun::References> &prepared)
{
    const int cells = spec.cellCount();
    m_announced = QList<bool>(cells, false);
    m_reported = QList<bool>(cells, false);
    if (m_progress && cells > 1)
        m_progress(tr("Running %1 cells, %2 at a time.")
                       .arg(cells)
                       .arg(std::min(cells, std::max(1, concurrency))));
    m_run->start(spec, concurrency, prepared);
}

QString BatchRunner::cellLabel(const CompareSpec &spec, const CompareCell &cell)
{
    if (cell.axisValues.isEmpty())
        return cell.params.imageModel;
    QStringList parts;
    for (int axis = 0; axis < cell.axisValues.size() && axis < spec.axes.size(); ++axis) {
        QString value = cell.axisValues.at(axis);
        if (value.size() > 40) // prompt variants
            value = value.left(39) + QChar(0x2026);
        parts << spec.axes.at(axis).name() + QLatin1Char('=') + value;
    }
    return parts.join(QStringLiteral(", "));
}

QString BatchRunner::costText(const Cost &cost)
{
    if (!cost.isKnown())
        return tr("cost unknown");
    return Cost::formatUsd(cost.usd) + QStringLiteral(" (") + Cost::basisText(cost.basis)
        + QLatin1Char(')');
}

namespace {

// Why an image of the turn could not be kept (its folder not writable, bytes that are no image):
// the turn itself may have ended well.
QString firstImageError(const Turn &turn)
{
    for (const ImageAsset &image : turn.images) {
        if (image.state == ImageAsset::State::Failed && !image.error.isEmpty())
            return image.error;
    }
    return {};
}

} // namespace

QString BatchRunner::finishedLine(int finished, int total, const QString &label, const Turn &turn,
                                  int imagesAsked)
{
    const QString head = QStringLiteral("[%1/%2] %3: ").arg(finished).arg(total).arg(label);
    const int images = turn.finalImageCount();
    const QString seconds
        = QLocale::c().toString(std::max<qint64>(turn.durationMs, 0) / 1000.0, 'f', 1);
    if (turn.status == Turn::Status::Done && images > 0) {
        QString line = head + tr("done in %1 s, ").arg(seconds);
        if (imagesAsked > 1 || images > 1)
            line += images < imagesAsked ? tr("%1 of %2 images, ").arg(images).arg(imagesAsked)
                                         : tr("%1 images, ").arg(images);
        line += costText(turn.cost);
        // A warning on a finished turn, else why an image is missing.
        const QString note
            = turn.errorMessage.isEmpty() ? firstImageError(turn) : turn.errorMessage;
        if (!note.isEmpty())
            line += QStringLiteral(" (%1)").arg(note);
        return line;
    }
    if (turn.status == Turn::Status::Cancelled) {
        if (images > 0) // what came before the stop is written like any other image
            return head + tr("cancelled after %1 of %2 images").arg(images).arg(imagesAsked);
        return head + tr("cancelled");
    }
    QString message = turn.errorMessage;
    if (message.isEmpty())
        message = firstImageError(turn);
    if (message.isEmpty())
        message = turn.status == Turn::Status::Done ? tr("the gateway answered without an image.")
                                                    : tr("the request ended without an image.");
    QString line = head + tr("failed: %1").arg(message);
    if (turn.cost.isKnown() && turn.cost.usd > 0)
        line += QLatin1Char(' ') + tr("Cost: %1").arg(costText(turn.cost));
    return line;
}

Cost BatchRunner::totalCost(const QList<CompareRun::Cell> &cells)
{
    Cost total;
    for (const CompareRun::Cell &cell : cells) {
        if (cell.state == CompareRun::CellState::Finished)
            total += cell.turn.cost;
    }
    return total;
}

int BatchRunner::cancelledCount(const QList<CompareRun::Cell> &cells)
{
    return int(std::count_if(cells.cbegin(), cells.cend(), [](const CompareRun::Cell &cell) {
        return cell.state == CompareRun::CellState::Finished
            && cell.turn.status == Turn::Status::Cancelled;
    }));
}

void BatchRunner::onCellChanged(int index)
{
    if (!m_progress || index < 0 || index >= m_reported.size())
        return;
    const CompareRun::Cell &cell = m_run->cell(index);
    const QString label = cellLabel(m_run->spec(), cell.cell);
    if (cell.state == CompareRun::CellState::Running && !m_announced.at(index)) {
        m_announced[index] = true;
        m_progress(
            tr("Sent %1 (%2).")
                .arg(label,
                     cell.route == ApiFlavour::Images ? tr("image endpoint") : tr("image tool")));
    }
    if (cell.state == CompareRun::CellState::Finished && !m_reported.at(index)) {
        m_reported[index] = true;
        ++m_reportedCount;
        m_progress(finishedLine(m_reportedCount, int(m_reported.size()), label, cell.turn,
                                m_run->spec().imagesPerCell));
    }
}
