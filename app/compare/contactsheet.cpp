#include "contactsheet.h"

#include "image/smoothscale.h"

#include <QDir>
#include <QFont>
#include <QFontMetrics>
#include <QImageReader>
#include <QImageWriter>
#include <QLocale>
#include <QPainter>
#include <QSaveFile>
#include <QTextLayout>

#include <algorithm>

namespace {

const QColor textColour(0x20, 0x20, 0x20);
const QColor quietColour(0x60, 0x60, 0x60);
const QColor borderColour(0xc8, 0xc8, 0xc8);
const QColor failedFill(0xfd, 0xec, 0xea);
const QColor failedText(0x8a, 0x1c, 0x1c);
const QColor emptyFill(0xf2, 0xf2, 0xf2);
constexpr int maximumCellSize = 1024;
constexpr int maxMessageLength = 600; // an error box shows the start of a longer message

QFont font(int pixelSize, bool bold = false)
{
    QFont f;
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    return f;
}

// `text` broken into at most `maxLines` lines of `width` pixels, the last one elided when the
// text goes on: a long prompt or message must stay inside its box instead of being cut mid-glyph.
QString wrapped(const QString &text, const QFont &f, int width, int maxLines)
{
    const QString flat = QString(text).replace(QLatin1Char('\n'), QLatin1Char(' ')).simplified();
    QTextLayout layout(flat, f);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // paths, hashes, URLs
    layout.setTextOption(option);
    layout.beginLayout();
    QStringList lines;
    int consumed = 0;
    while (lines.size() < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        lines.append(flat.mid(line.textStart(), line.textLength()).trimmed());
        consumed = line.textStart() + line.textLength();
    }
    layout.endLayout();
    if (consumed < flat.size() && !lines.isEmpty()) {
        const QString rest = lines.constLast() + QLatin1Char(' ') + flat.mid(consumed);
        lines.last() = QFontMetrics(f).elidedText(rest, Qt::ElideRight, width);
    }
    return lines.join(QLatin1Char('\n'));
}

const QImage &checkerTile()
{
    static const QImage tile = [] {
        QImage image(16, 16, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        p.fillRect(0, 0, 8, 8, QColor(0xcc, 0xcc, 0xcc));
        p.fillRect(8, 8, 8, 8, QColor(0xcc, 0xcc, 0xcc));
        return image;
    }();
    return tile;
}

const ImageAsset *firstFinal(const Turn &turn)
{
    for (const ImageAsset &image : turn.images) {
        if (image.state == ImageAsset::State::Final)
            return &image;
    }
    return nullptr;
}

QString seconds(qint64 ms)
{
    return QLocale::c().toString(double(ms) / 1000.0, 'f', 1) + QStringLiteral(" s");
}

QString axisLegend(const CompareSpec &spec)
{
    static const char *const roles[]
        = { QT_TRANSLATE_NOOP("ContactSheet", "Columns"), QT_TRANSLATE_NOOP("ContactSheet", "Rows"),
            QT_TRANSLATE_NOOP("ContactSheet", "Panels") };
    QStringList parts;
    for (qsizetype i = 0; i < spec.axes.size() && i < 3; ++i)
        parts.append(QStringLiteral("%1: %2").arg(ContactSheet::tr(roles[i]),
                                                  spec.axes.at(i).displayName()));
    const int cells = spec.cellCount();
    parts.append(cells == 1 ? ContactSheet::tr("1 cell") : ContactSheet::tr("%1 cells").arg(cells));
    return parts.join(QStringLiteral("  ·  "));
}

void drawMessageBox(QPainter &painter, const QRect &box, const QString &message, const QColor &fill,
                    const QColor &ink)
{
    painter.fillRect(box, fill);
    const QFont f = font(13);
    painter.setFont(f);
    painter.setPen(ink);
    const QRect inner = box.adjusted(10, 10, -10, -10);
    const int lineHeight = QFontMetrics(f).lineSpacing();
    const QString text = wrapped(message.left(maxMessageLength), f, inner.width(),
                                 std::max(1, inner.height() / std::max(1, lineHeight)));
    painter.drawText(inner, Qt::AlignCenter, text);
}

} // namespace

ContactSheet::ContactSheet(const CompareSpec &spec, const QList<CompareCell> &cells,
                           const QList<Turn> &turns)
    : m_spec(spec)
    , m_cells(cells)
    , m_turns(turns)
{
}

void ContactSheet::setCellSize(int pixels)
{
    m_requestedCellSize = std::clamp(pixels, minimumCellSize, maximumCellSize);
}

int ContactSheet::cellSize() const
{
    // Each step is three quarters of the one before: a run too large for one sheet still gets
    // one, with smaller cells, rather than an allocation that fails.
    int side = m_requestedCellSize;
    while (side > minimumCellSize) {
        const QSize sheet = sizeFor(side);
        if (qint64(sheet.width()) * sheet.height() <= maxSheetPixels)
            break;
        side = std::max(minimumCellSize, side * 3 / 4);
    }
    return side;
}

int ContactSheet::panelHeight(int side) const
{
    const int rowCount = rows();
    return panelTitle() + columnHeader() + rowCount * (side + captionHeight) + (rowCount - 1) * gap;
}

QSize ContactSheet::sizeFor(int side) const
{
    const int columnCount = columns();
    const int panelCount = panels();
    const int width = 2 * margin + rowHeader() + columnCount * side + (columnCount - 1) * gap;
    const int height
        = 2 * margin + headerHeight + panelCount * panelHeight(side) + (panelCount - 1) * panelGap;
    return QSize(width, height);
}

QSize ContactSheet::size() const
{
    return sizeFor(cellSize());
}

int ContactSheet::panelTop(int panel) const
{
    return margin + headerHeight + panel * (panelHeight(cellSize()) + panelGap);
}

QRect ContactSheet::cellRectAt(int column, int row, int panel) const
{
    const int side = cellSize();
    const int x = margin + rowHeader() + column * (side + gap);
    const int y
        = panelTop(panel) + panelTitle() + columnHeader() + row * (side + captionHeight + gap);
    return QRect(x, y, side, side);
}

QRect ContactSheet::cellRect(int cellIndex) const
{
    for (const CompareCell &cell : m_cells) {
        if (cell.index == cellIndex)
            return cellRectAt(cell.coordinates.value(0), cell.coordinates.value(1),
                              cell.coordinates.value(2));
    }
    return {};
}

QRect ContactSheet::captionRect(int cellIndex) const
{
    const QRect box = cellRect(cellIndex);
    if (box.isNull())
        return {};
    return QRect(box.left(), box.bottom() + 1, box.width(), captionHeight);
}

void ContactSheet::drawHeader(QPainter &painter) const
{
    const int width = size().width() - 2 * margin;
    const bool promptVaries
        = std::any_of(m_spec.axes.cbegin(), m_spec.axes.cend(), [](const CompareAxis &axis) {
              return axis.parameter == CompareAxis::Parameter::Prompt;
          });
    const QFont promptFont = font(15, true);
    painter.setFont(promptFont);
    painter.setPen(textColour);
    const QString prompt
        = promptVaries ? tr("Prompt: one per value of the prompt axis") : m_spec.prompt;
    painter.drawText(QRect(margin, margin, width, 58), Qt::AlignLeft | Qt::AlignTop,
                     wrapped(prompt, promptFont, width, 3));
    painter.setFont(font(12));
    painter.setPen(quietColour);
    painter.drawText(QRect(margin, margin + 60, width, headerHeight - 60),
                     Qt::AlignLeft | Qt::AlignVCenter, axisLegend(m_spec));
}

void ContactSheet::drawPanelLabels(QPainter &painter, int panel) const
{
    const int side = cellSize();
    const int top = panelTop(panel);
    painter.setPen(textColour);
    if (panelTitle() > 0) {
        const CompareAxis &axis = m_spec.axes.at(2);
        const QFont f = font(16, true);
        painter.setFont(f);
        const int width = size().width() - 2 * margin;
        painter.drawText(QRect(margin, top, width, panelTitle()), Qt::AlignLeft | Qt::AlignVCenter,
                         wrapped(axis.displayName() + QStringLiteral(": ") + axis.values.at(panel),
                                 f, width, 1));
    }
    const QFont headerFont = font(13, true);
    painter.setFont(headerFont);
    if (columnHeader() > 0) {
        const CompareAxis &axis = m_spec.axes.at(0);
        for (int column = 0; column < columns(); ++column) {
            const QRect cell = cellRectAt(column, 0, panel);
            const QRect header(cell.left(), cell.top() - columnHeader(), side, columnHeader() - 4);
            painter.drawText(header, Qt::AlignHCenter | Qt::AlignBottom,
                             wrapped(axis.values.at(column), headerFont, side, 2));
        }
    }
    if (rowHeader() > 0) {
        const CompareAxis &axis = m_spec.axes.at(1);
        for (int row = 0; row < rows(); ++row) {
            const QRect cell = cellRectAt(0, row, panel);
            const QRect header(margin, cell.top(), rowHeader() - gap, side);
            painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter,
                             wrapped(axis.values.at(row), headerFont, header.width(), 6));
        }
    }
}

void ContactSheet::drawCell(QPainter &painter, const CompareCell &cell, const Turn *turn) const
{
    const QRect box = cellRect(cell.index);
    const ImageAsset *image = turn ? firstFinal(*turn) : nullptr;

    QString caption;
    QString detail;
    if (!turn) {
        drawMessageBox(painter, box, tr("Not run"), emptyFill, quietColour);
        caption = tr("not run");
    } else if (image) {
        QString error;
        const QImage picture = readScaled(image->filePath, box.size(), &error);
        if (picture.isNull()) {
            drawMessageBox(painter, box, error, failedFill, failedText);
        } else {
            QRect target(QPoint(), picture.size());
            target.moveCenter(box.center());
            if (picture.hasAlphaChannel()) {
                painter.setBrushOrigin(target.topLeft());
                painter.fillRect(target, QBrush(checkerTile()));
            }
            painter.drawImage(target, picture);
        }
        QStringList parts;
        if (turn->durationMs >= 0)
            parts << seconds(turn->durationMs);
        parts << turn->cost.formatted();
        caption = parts.join(QStringLiteral("  ·  "));
        // What the gateway says it made, which "auto" settings leave open until then.
        const ImageReport &r = image->report;
        QStringList made = { r.size, r.quality, r.outputFormat };
        made.removeAll(QString());
        detail = made.join(QLatin1Char(' '));
    } else {
        // Failed, cancelled, interrupted, still running, or done without an image.
        QString message = turn->errorMessage;
        if (message.isEmpty()) {
            message = turn->status == Turn::Status::Done
                ? tr("No image was returned.")
                : tr("No image (%1).").arg(Turn::statusText(turn->status));
        }
        drawMessageBox(painter, box, message, failedFill, failedText);
        caption = turn->durationMs >= 0
            ? tr("%1 after %2").arg(Turn::statusText(turn->status), seconds(turn->durationMs))
            : Turn::statusText(turn->status);
    }
    painter.setPen(borderColour);
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(box.adjusted(0, 0, -1, -1));

    const QRect captionBox = captionRect(cell.index).adjusted(0, 3, 0, 0);
    const QFont f = font(12);
    painter.setFont(f);
    painter.setPen(quietColour);
    const QFontMetrics metrics(f);
    QString text = metrics.elidedText(caption, Qt::ElideRight, captionBox.width());
    if (!detail.isEmpty())
        text += QLatin1Char('\n') + metrics.elidedText(detail, Qt::ElideRight, captionBox.width());
    painter.drawText(captionBox, Qt::AlignHCenter | Qt::AlignTop, text);
}

QImage ContactSheet::render() const
{
    QImage sheet(size(), QImage::Format_RGB32);
    if (sheet.isNull())
        return sheet;
    sheet.fill(Qt::white);
    QPainter painter(&sheet);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    drawHeader(painter);
    for (int panel = 0; panel < panels(); ++panel)
        drawPanelLabels(painter, panel);
    for (qsizetype i = 0; i < m_cells.size(); ++i)
        drawCell(painter, m_cells.at(i), i < m_turns.size() ? &m_turns.at(i) : nullptr);
    painter.end();
    return sheet;
}

bool ContactSheet::save(const QString &path, QString *error) const
{
    const QImage sheet = render();
    if (sheet.isNull()) {
        if (error) {
            const QSize s = size();
            *error = tr("The contact sheet (%1x%2 pixels) is too large to draw.")
                         .arg(s.width())
                         .arg(s.height());
        }
        return false;
    }
    return savePng(sheet, path, error);
}

bool ContactSheet::savePng(const QImage &image, const QString &path, QString *error)
{
    auto fail = [&](const QString &reason) {
        if (error)
            *error = tr("Could not save the contact sheet to %1: %2.")
                         .arg(QDir::toNativeSeparators(path), reason);
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        // A full disk shows up here as the device's error; the writer's own is less telling.
        const QString reason
            = file.error() != QFileDevice::NoError ? file.errorString() : writer.errorString();
        file.cancelWriting();
        return fail(reason);
    }
    if (!file.flush() || !file.commit()) // flush first: see ImageStore::put
        return fail(file.errorString());
    return true;
}

QImage ContactSheet::readScaled(const QString &path, const QSize &box, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QImage();
    };
    if (path.isEmpty())
        return fail(tr("The image was not saved to a file."));
    QImageReader reader(path);
    reader.setAutoTransform(true);
    // The header alone says how large the image claims to be: refuse a decompression bomb before
    // any pixel is decoded.
    const QSize full = reader.size();
    if (!full.isValid() || full.isEmpty())
        return fail(tr("Could not read the image %1: %2.")
                        .arg(QDir::toNativeSeparators(path), reader.errorString()));
    if (full.width() > maxImageSide || full.height() > maxImageSide
        || qint64(full.width()) * full.height() > maxImagePixels)
        return fail(tr("Could not read the image %1: it claims to be %2x%3 pixels, "
                       "too large to show.")
                        .arg(QDir::toNativeSeparators(path))
                        .arg(full.width())
                        .arg(full.height()));
    reader.setScaledSize(full.scaled(box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1)));
    QImage image = reader.read();
    if (image.isNull())
        return fail(tr("Could not read the image %1: %2.")
                        .arg(QDir::toNativeSeparators(path), reader.errorString()));
    // An EXIF rotation turns the scaled image after scaling: fit it again if it now overflows.
    if (image.width() > box.width() || image.height() > box.height())
        image = smoothlyScaled(image, box, Qt::KeepAspectRatio);
    return image;
}
