#include "compare/contactsheet.h"
#include "store/pngtext.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {

const QRgb failedFill = qRgb(0xfd, 0xec, 0xea); // the error box of contactsheet.cpp
const QRgb emptyFill = qRgb(0xf2, 0xf2, 0xf2); // the "not run" box

CompareSpec specWith(const QStringList &axisTexts)
{
    CompareSpec spec;
    spec.providerId = QStringLiteral("demo");
    spec.prompt = QStringLiteral("A lighthouse at dusk, \"oil on canvas\", with a long prompt that "
                                 "has to wrap over more than one line of the header");
    for (const QString &text : axisTexts) {
        CompareAxis axis;
        QString error;
        if (!CompareAxis::parse(text, &axis, &error))
            qFatal("bad axis in the test table: %s", qPrintable(error));
        spec.axes.append(axis);
    }
    return spec;
}

QString writeImage(const QString &path, const QSize &size, const QColor &colour)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(colour);
    if (!image.save(path, "PNG"))
        qFatal("could not write %s", qPrintable(path));
    return path;
}

Turn doneWith(const QString &filePath)
{
    Turn turn;
    turn.status = Turn::Status::Done;
    turn.durationMs = 8200;
    turn.cost = Cost { 0.0, Cost::Basis::Demo, QString() };
    ImageAsset image;
    image.state = ImageAsset::State::Final;
    image.filePath = filePath;
    image.report.size = QStringLiteral("1024x1024");
    turn.images = { image };
    return turn;
}

// A PNG whose header (with a valid checksum) claims width x height pixels, and nothing else: a
// decompression bomb as a reader sees it before decoding.
QByteArray pngClaiming(quint32 width, quint32 height)
{
    QByteArray ihdr("IHDR");
    char be[4];
    qToBigEndian(width, be);
    ihdr.append(be, 4);
    qToBigEndian(height, be);
    ihdr.append(be, 4);
    ihdr.append("\x08\x06\x00\x00\x00", 5); // 8 bits, RGBA, deflate, no filter, no interlace
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    // A reader reads the chunks up to the first IDAT before it reports the size.
    const QList<QByteArray> chunks
        = { ihdr, QByteArray("IDAT\x78\x9c\x63\x00\x00", 9), QByteArray("IEND") };
    for (const QByteArray &chunk : chunks) {
        qToBigEndian(quint32(chunk.size() - 4), be);
        png.append(be, 4);
        png.append(chunk);
        qToBigEndian(PngText::crc32(chunk), be);
        png.append(be, 4);
    }
    return png;
}

QByteArray noisePng()
{
    QImage image(128, 128, QImage::Format_RGB32);
    quint32 state = 12345;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            state = state * 1664525u + 1013904223u;
            image.setPixel(x, y, state >> 8);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// To look at the sheets as a person would: EASEL_CONTACT_SHEET_OUT=/tmp/sheets writes them there.
void keepForLooking(const QImage &image, const QString &name)
{
    const QString folder = qEnvironmentVariable("EASEL_CONTACT_SHEET_OUT");
    if (!folder.isEmpty())
        image.save(folder + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestCompareContactSheet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void geometry_data();
    void geometry();
    void imagesAtTheirCells();
    void aspectKept();
    void transparentOnCheckerboard();
    void unreadableFiles_data();
    void unreadableFiles();
    void failedAndNotRun();
    void save();
    void saveRefused_data();
    void saveRefused();
    void largeRunShrinksCells();

private:
    QTemporaryDir m_dir;
};

void TestCompareContactSheet::geometry_data()
{
    QTest::addColumn<QStringList>("axes");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("cell");
    QTest::addColumn<QRect>("rect");

    // Layout constants: margin 24, header 80, column headers 44, row headers 140, panel title 36,
    // panel gap 24, cell 256, caption 34, gap 12. A cell with its caption is 256 + 34 = 290 high.
    // No axis: 24 + 256 + 24 = 304 wide; 24 + 80 + 290 + 24 = 418 high; the cell at (24, 104).
    QTest::newRow("no axis") << QStringList {} << QSize(304, 418) << 0 << QRect(24, 104, 256, 256);
    // Three columns: 24 + 3 * 256 + 2 * 12 + 24 = 840; 24 + 80 + 44 + 290 + 24 = 462.
    // Cell 2: x = 24 + 2 * (256 + 12) = 560, y = 24 + 80 + 44 = 148.
    QTest::newRow("one axis") << QStringList { "quality=low,medium,high" } << QSize(840, 462) << 2
                              << QRect(560, 148, 256, 256);
    // 2 columns x 3 rows: 24 + 140 + 2 * 256 + 12 + 24 = 712;
    // 24 + 80 + 44 + 3 * 290 + 2 * 12 + 24 = 1066.
    // Cell 3 is column 1, row 1: x = 24 + 140 + 268 = 432, y = 148 + 290 + 12 = 450.
    QTest::newRow("2 x 3") << QStringList { "image-model=gpt-image-1,gpt-image-1.5",
                                            "quality=low,medium,high" }
                           << QSize(712, 1066) << 3 << QRect(432, 450, 256, 256);
    // 2 x 2 x 2: a panel is 36 + 44 + 2 * 290 + 12 = 672 high;
    // 24 + 80 + 2 * 672 + 24 + 24 = 1496. Cell 7 is column 1, row 1, panel 1: the panel starts at
    // 104 + 672 + 24 = 800, so y = 800 + 36 + 44 + 302 = 1182.
    QTest::newRow("2 x 2 x 2") << QStringList { "quality=low,high", "format=png,webp",
                                                "moderation=auto,low" }
                               << QSize(712, 1496) << 7 << QRect(432, 1182, 256, 256);
}

void TestCompareContactSheet::geometry()
{
    QFETCH(QStringList, axes);
    QFETCH(QSize, size);
    QFETCH(int, cell);
    QFETCH(QRect, rect);

    const CompareSpec spec = specWith(axes);
    const ContactSheet sheet(spec, spec.cells(), {});
    QCOMPARE(sheet.cellSize(), 256);
    QCOMPARE(sheet.size(), size);
    keepForLooking(sheet.render(), QLatin1String(QTest::currentDataTag()));
    QCOMPARE(sheet.cellRect(cell), rect);
    QCOMPARE(sheet.captionRect(cell), QRect(rect.left(), rect.bottom() + 1, 256, 34));
    QVERIFY(sheet.cellRect(spec.cellCount()).isNull());
    QCOMPARE(sheet.render().size(), size);
}

void TestCompareContactSheet::imagesAtTheirCells()
{
    const CompareSpec spec
        = specWith({ "image-model=gpt-image-1,gpt-image-1.5", "quality=low,medium,high" });
    const QList<QColor> colours
        = { Qt::red, Qt::green, Qt::blue, Qt::cyan, Qt::magenta, Qt::yellow };
    QList<Turn> turns;
    for (qsizetype i = 0; i < colours.size(); ++i)
        turns.append(doneWith(writeImage(m_dir.filePath(QStringLiteral("solid%1.png").arg(i)),
                                         QSize(64, 64), colours.at(i))));
    const ContactSheet sheet(spec, spec.cells(), turns);
    const QImage image = sheet.render();
    QCOMPARE(image.size(), QSize(712, 1066));
    keepForLooking(image, QStringLiteral("colours"));
    for (int i = 0; i < colours.size(); ++i) {
        const QRect box = sheet.cellRect(i);
        // Scaled up into the box: its middle and a point near its corner are the cell's colour.
        QCOMPARE(QColor(image.pixel(box.center())), colours.at(i));
        QCOMPARE(QColor(image.pixel(box.topLeft() + QPoint(8, 8))), colours.at(i));
        // The gap to the right of the first column is background.
        if (i % 2 == 0)
            QCOMPARE(image.pixel(box.right() + 6, box.center().y()), qRgb(255, 255, 255));
    }
}

void TestCompareContactSheet::aspectKept()
{
    const CompareSpec spec = specWith({});
    const QString path
        = writeImage(m_dir.filePath(QStringLiteral("wide.png")), QSize(200, 100), QColor(Qt::blue));
    const ContactSheet sheet(spec, spec.cells(), { doneWith(path) });
    const QImage image = sheet.render();
    const QRect box = sheet.cellRect(0);
    // 200x100 fits 256x256 as 256x128, centred: rows 64 to 191 of the box are blue.
    QCOMPARE(image.pixel(box.center()), qRgb(0, 0, 255));
    QCOMPARE(image.pixel(box.left() + 4, box.center().y()), qRgb(0, 0, 255));
    QCOMPARE(image.pixel(box.center().x(), box.top() + 70), qRgb(0, 0, 255));
    QCOMPARE(image.pixel(box.center().x(), box.top() + 20), qRgb(255, 255, 255));
    QCOMPARE(image.pixel(box.center().x(), box.bottom() - 20), qRgb(255, 255, 255));

    QString error;
    const QImage scaled = ContactSheet::readScaled(path, QSize(256, 256), &error);
    QCOMPARE(scaled.size(), QSize(256, 128));
}

void TestCompareContactSheet::transparentOnCheckerboard()
{
    const CompareSpec spec = specWith({});
    const QString path = writeImage(m_dir.filePath(QStringLiteral("clear.png")), QSize(64, 64),
                                    QColor(0, 0, 0, 0));
    const ContactSheet sheet(spec, spec.cells(), { doneWith(path) });
    const QImage image = sheet.render();
    const QRect box = sheet.cellRect(0);
    QSet<QRgb> seen;
    for (int y = box.top() + 16; y < box.top() + 48; ++y) {
        for (int x = box.left() + 16; x < box.left() + 48; ++x)
            seen.insert(image.pixel(x, y));
    }
    // Not black (transparent pixels painted as is), but the two squares of the checkerboard.
    QCOMPARE(seen, (QSet<QRgb> { qRgb(0xcc, 0xcc, 0xcc), qRgb(0xff, 0xff, 0xff) }));
}

void TestCompareContactSheet::unreadableFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // not written when empty
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("garbage") << "garbage.png" << QByteArray("this is not an image at all")
                             << "Could not read the image ";
    QTest::newRow("truncated") << "truncated.png" << noisePng().left(3000)
                               << "Could not read the image ";
    QTest::newRow("claims a huge size") << "bomb.png" << pngClaiming(100000, 100000)
                                        << ": it claims to be 100000x100000 pixels, too large to "
                                           "show.";
    QTest::newRow("claims one huge side") << "tall.png" << pngClaiming(10, 20000)
                                          << ": it claims to be 10x20000 pixels, too large to "
                                             "show.";
    QTest::newRow("missing") << "missing.png" << QByteArray() << "Could not read the image ";
    QTest::newRow("no file") << "" << QByteArray() << "The image was not saved to a file.";
}

void TestCompareContactSheet::unreadableFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, errorPart);

    const QString path = name.isEmpty() ? QString() : m_dir.filePath(name);
    if (!bytes.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    QString error;
    QVERIFY(ContactSheet::readScaled(path, QSize(256, 256), &error).isNull());
    QVERIFY2(error.contains(errorPart), qPrintable(error));

    // In a sheet, between two good cells: the box shows the message, the others their images.
    const CompareSpec spec = specWith({ "quality=low,medium,high" });
    const QString good
        = writeImage(m_dir.filePath(QStringLiteral("good.png")), QSize(32, 32), QColor(Qt::green));
    const ContactSheet sheet(spec, spec.cells(),
                             { doneWith(good), doneWith(path), doneWith(good) });
    const QImage image = sheet.render();
    keepForLooking(image, QLatin1String(QTest::currentDataTag()));
    QVERIFY(!image.isNull());
    QCOMPARE(image.pixel(sheet.cellRect(1).topLeft() + QPoint(4, 4)), failedFill);
    QCOMPARE(image.pixel(sheet.cellRect(0).center()), qRgb(0, 255, 0));
    QCOMPARE(image.pixel(sheet.cellRect(2).center()), qRgb(0, 255, 0));
}

void TestCompareContactSheet::failedAndNotRun()
{
    const CompareSpec spec = specWith({ "quality=low,medium,high" });
    Turn failed;
    failed.status = Turn::Status::Failed;
    failed.durationMs = 1500;
    failed.errorMessage = QString(2000, QLatin1Char('x')); // a long message stays in its box
    Turn doneWithoutImage;
    doneWithoutImage.status = Turn::Status::Done;
    const ContactSheet sheet(spec, spec.cells(), { failed, doneWithoutImage });
    const QImage image = sheet.render();
    keepForLooking(image, QStringLiteral("failed"));
    QCOMPARE(image.pixel(sheet.cellRect(0).topLeft() + QPoint(4, 4)), failedFill);
    QCOMPARE(image.pixel(sheet.cellRect(1).topLeft() + QPoint(4, 4)), failedFill);
    QCOMPARE(image.pixel(sheet.cellRect(2).topLeft() + QPoint(4, 4)), emptyFill);
    // The text drew something dark inside the failed box, and nothing outside it.
    const QRect box = sheet.cellRect(0);
    bool inked = false;
    for (int y = box.top() + 10; y < box.bottom() - 10 && !inked; ++y) {
        for (int x = box.left() + 10; x < box.right() - 10 && !inked; ++x)
            inked = qRed(image.pixel(x, y)) < 0xc0;
    }
    QVERIFY(inked);
    QCOMPARE(image.pixel(box.right() + 6, box.center().y()), qRgb(255, 255, 255));
}

void TestCompareContactSheet::save()
{
    const CompareSpec spec = specWith({ "quality=low,high", "format=png,webp" });
    const ContactSheet sheet(spec, spec.cells(), {});
    const QString path = m_dir.filePath(QStringLiteral("grid.png"));
    QString error;
    QVERIFY2(sheet.save(path, &error), qPrintable(error));
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    QCOMPARE(reader.size(), sheet.size());
}

void TestCompareContactSheet::saveRefused_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("missing folder") << "no/such/folder/grid.png";
    QTest::newRow("parent is a file") << "plain-file/grid.png";
}

void TestCompareContactSheet::saveRefused()
{
    QFETCH(QString, relativePath);
    QFile plain(m_dir.filePath(QStringLiteral("plain-file")));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();

    const CompareSpec spec = specWith({});
    const ContactSheet sheet(spec, spec.cells(), {});
    const QString path = m_dir.filePath(relativePath);
    QString error;
    QVERIFY(!sheet.save(path, &error));
    const QString start = QStringLiteral("Could not save the contact sheet to %1: ").arg(path);
    QVERIFY2(error.startsWith(start) && error.size() > start.size() + 3, qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void TestCompareContactSheet::largeRunShrinksCells()
{
    const CompareSpec spec
        = specWith({ "size=1024x1024,1536x1024,1024x1536,auto", "quality=low,medium,high,auto",
                     "prompt=a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t" });
    ContactSheet sheet(spec, spec.cells(), {});
    // 4 x 4 x 20 cells at 256 px: 24 + 140 + 4 * 256 + 3 * 12 + 24 = 1248 wide; a panel is
    // 36 + 44 + 4 * 290 + 3 * 12 = 1276 high, so 24 + 80 + 20 * 1276 + 19 * 24 + 24 = 26104 high:
    // 32.6 MP, under the 40 MP cap, so the cells keep their size.
    QCOMPARE(sheet.cellSize(), 256);
    QCOMPARE(sheet.size(), QSize(1248, 26104));

    // At 1024 px it would be 4320 x 87544. Each step takes three quarters: 768, 576, 432
    // (1952 x 40184, 78 MP), 324 (1520 x 31544, 47.9 MP), 243: 24 + 140 + 4 * 243 + 36 + 24 = 1196
    // wide, panels of 36 + 44 + 4 * 277 + 36 = 1224, 24 + 80 + 20 * 1224 + 456 + 24 = 25064 high,
    // 30.0 MP.
    sheet.setCellSize(1024);
    QCOMPARE(sheet.cellSize(), 243);
    QCOMPARE(sheet.size(), QSize(1196, 25064));
    QVERIFY(qint64(sheet.size().width()) * sheet.size().height() <= ContactSheet::maxSheetPixels);
    sheet.setCellSize(10);
    QCOMPARE(sheet.cellSize(), ContactSheet::minimumCellSize);
}

QTEST_MAIN(TestCompareContactSheet)
#include "tst_comparecontactsheet.moc"
