// Issue #4 §7: "a full disk while saving is reported and nothing already stored is lost", on a
// real full file system: a tiny tmpfs filled to the last byte. Mounting needs root (and a kernel
// that allows it); the test skips, saying why, when it cannot mount.
#include "model/turn.h"
#include "store/imageexporter.h"
#include "store/imagestore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QProcess>
#include <QRandomGenerator>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

// Random pixels do not compress: a PNG of about side * side * 3 bytes, other bytes every call.
QByteArray noisePng(int side)
{
    QImage image(side, side, QImage::Format_RGB32);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            image.setPixel(x, y, QRandomGenerator::global()->generate());
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool run(const QString &program, const QStringList &arguments, QString *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(5000)) {
        if (output)
            *output = process.errorString();
        return false;
    }
    process.waitForFinished(10000);
    if (output)
        *output = QString::fromLocal8Bit(process.readAll()).trimmed();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

// Every file under `root` with its bytes.
QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> files;
    QDir dir(root);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden))
        files.insert(name, fileBytes(dir.filePath(name)));
    for (const QString &sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QMap<QString, QByteArray> inner = snapshot(dir.filePath(sub));
        for (auto it = inner.cbegin(); it != inner.cend(); ++it)
            files.insert(sub + QLatin1Char('/') + it.key(), it.value());
    }
    return files;
}

} // namespace

class TestDiskFull : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void newImageIntoAFullStore();
    void saveAsOntoAFullDisk_data();
    void saveAsOntoAFullDisk();
    void aFullDiskSaysHowMuchRoomIsLeft();

private:
    void fillTheDisk();

    std::unique_ptr<QTemporaryDir> m_mountPoint;
    std::unique_ptr<QTemporaryDir> m_roomy; // on the ordinary disk
    bool m_mounted = false;
};

void TestDiskFull::initTestCase()
{
    m_mountPoint = std::make_unique<QTemporaryDir>();
    QVERIFY(m_mountPoint->isValid());
    QString output;
    m_mounted = run(QStringLiteral("mount"),
                    { QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                      QStringLiteral("size=256k,mode=0700"), QStringLiteral("easel-diskfull"),
                      m_mountPoint->path() },
                    &output);
    if (!m_mounted)
        QSKIP(qPrintable(QStringLiteral("A full disk needs a tiny tmpfs, and mounting one failed "
                                        "(it needs root): %1")
                             .arg(output)));
    const QStorageInfo volume(m_mountPoint->path());
    QVERIFY2(volume.bytesTotal() <= 512 * 1024, "the tmpfs is not the one just mounted");
}

void TestDiskFull::cleanupTestCase()
{
    if (m_mounted)
        QVERIFY(run(QStringLiteral("umount"), { m_mountPoint->path() }));
    m_mountPoint.reset();
}

void TestDiskFull::init()
{
    m_roomy = std::make_unique<QTemporaryDir>();
    QVERIFY(m_roomy->isValid());
}

void TestDiskFull::cleanup()
{
    // Empties the tmpfs for the next case.
    QDir mounted(m_mountPoint->path());
    for (const QString &entry : mounted.entryList(QDir::AllEntries | QDir::NoDotAndDotDot)) {
        QFileInfo info(mounted.filePath(entry));
        if (info.isDir())
            QDir(info.filePath()).removeRecursively();
        else
            QFile::remove(info.filePath());
    }
    m_roomy.reset();
}

void TestDiskFull::fillTheDisk()
{
    QFile filler(QDir(m_mountPoint->path()).filePath(QStringLiteral("filler")));
    QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    const QByteArray block(1024, 'x');
    while (filler.write(block) == block.size()) { }
    filler.close();
    QCOMPARE(QStorageInfo(m_mountPoint->path()).bytesAvailable(), qint64(0));
}

void TestDiskFull::newImageIntoAFullStore()
{
    const QString root = QDir(m_mountPoint->path()).filePath(QStringLiteral("images"));
    ImageStore store(root);
    const ImageStore::Stored earlier = store.put(noisePng(24));
    QVERIFY2(earlier.ok, qPrintable(earlier.error));
    fillTheDisk();
    const QMap<QString, QByteArray> before = snapshot(root);

    const QByteArray incoming = noisePng(64);
    const ImageStore::Stored stored = store.put(incoming);
    QVERIFY2(!stored.ok,
             qPrintable(QStringLiteral("%1 was written on a full disk: %2 bytes")
                            .arg(stored.filePath)
                            .arg(QFileInfo(stored.filePath).size())));
    const QString expectedPath = store.pathFor(
        QString::fromLatin1(QCryptographicHash::hash(incoming, QCryptographicHash::Sha256).toHex()),
        QStringLiteral("image/png"));
    QVERIFY2(stored.error.contains(QStringLiteral("the disk is full")), qPrintable(stored.error));
    // It names the file (or, when even its folder could not be made, the folder).
    QVERIFY2(
        stored.error.contains(QDir::toNativeSeparators(QFileInfo(expectedPath).absolutePath())),
        qPrintable(stored.error));
    QVERIFY(!QFile::exists(expectedPath)); // no half-written file under the image's name
    QCOMPARE(snapshot(root), before); // what was stored is all there, byte for byte
    QCOMPARE(fileBytes(earlier.filePath).size(), earlier.byteSize);

    // Content already in the store is found again, full disk or not.
    QVERIFY(store.put(fileBytes(earlier.filePath)).ok);
}

void TestDiskFull::saveAsOntoAFullDisk_data()
{
    QTest::addColumn<bool>("overExisting");
    QTest::newRow("a new file") << false;
    QTest::newRow("over a file saved earlier") << true;
}

void TestDiskFull::saveAsOntoAFullDisk()
{
    QFETCH(bool, overExisting);
    // The image in the store is on a disk with room; Save As aims at the full one.
    ImageStore store(m_roomy->filePath(QStringLiteral("images")));
    const QByteArray original = noisePng(64);
    const ImageStore::Stored stored = store.put(original);
    QVERIFY2(stored.ok, qPrintable(stored.error));
    ImageAsset image;
    image.itemId = QStringLiteral("ig_1");
    image.state = ImageAsset::State::Final;
    image.hash = stored.hash;
    image.filePath = stored.filePath;
    image.mimeType = stored.mimeType;
    image.pixelSize = stored.pixelSize;
    image.byteSize = stored.byteSize;
    Turn turn;
    turn.id = QStringLiteral("t1");
    turn.prompt = QStringLiteral("a lighthouse in fog");
    turn.status = Turn::Status::Done;
    turn.startedAt = QDateTime::currentDateTime();
    turn.images = { image };

    const QString target = QDir(m_mountPoint->path()).filePath(QStringLiteral("lighthouse.png"));
    QByteArray earlierSave;
    if (overExisting) {
        const ImageExporter::Result first
            = ImageExporter::save(noisePng(20), QJsonObject(), target);
        QVERIFY2(first.ok, qPrintable(first.error));
        earlierSave = fileBytes(target);
        QVERIFY(!earlierSave.isEmpty());
    }
    fillTheDisk();

    const ImageExporter::Result result = ImageExporter::saveAsset(turn, image, target);
    QVERIFY2(!result.ok,
             qPrintable(QStringLiteral("%1 was written on a full disk: %2 bytes")
                            .arg(result.filePath)
                            .arg(QFileInfo(result.filePath).size())));
    QVERIFY2(result.error.startsWith(QStringLiteral("Cannot save %1: the disk is full")
                                         .arg(QDir::toNativeSeparators(target))),
             qPrintable(result.error));
    QCOMPARE(QFile::exists(target), overExisting);
    if (overExisting)
        QCOMPARE(fileBytes(target), earlierSave); // the earlier save is untouched
    QCOMPARE(QDir(m_mountPoint->path()).entryList(QDir::Files).size(), overExisting ? 2 : 1);
    QCOMPARE(fileBytes(stored.filePath), original); // and so is the store
}

void TestDiskFull::aFullDiskSaysHowMuchRoomIsLeft()
{
    // The room a failed write had taken is given back before it is measured: the message says
    // what is left, not "0 bytes free" (found by QA).
    fillTheDisk();
    const QString filler = QDir(m_mountPoint->path()).filePath(QStringLiteral("filler"));
    QFile file(filler);
    QVERIFY(file.resize(file.size() - 48 * 1024));
    const qint64 left = QStorageInfo(m_mountPoint->path()).bytesAvailable();
    QVERIFY2(left >= 40 * 1024, qPrintable(QString::number(left)));

    const QString target = QDir(m_mountPoint->path()).filePath(QStringLiteral("big.png"));
    const ImageExporter::Result result = ImageExporter::save(noisePng(160), QJsonObject(), target);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("the disk is full (%1 free")
                                       .arg(QLocale::c().formattedDataSize(
                                           left, 1, QLocale::DataSizeTraditionalFormat))),
             qPrintable(result.error));
    QCOMPARE(QStorageInfo(m_mountPoint->path()).bytesAvailable(), left); // nothing left behind
}

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
