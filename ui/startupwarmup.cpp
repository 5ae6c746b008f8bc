#include "startupwarmup.h"

#include <QBuffer>
#include <QFontDatabase>
#include <QImageReader>

StartupWarmup::StartupWarmup()
    : m_fonts([] { QFontDatabase::families(); })
    , m_imageFormats([] {
        // Bytes no plugin recognizes make the reader ask each one of them, which loads them all.
        QBuffer unknown;
        unknown.setData(QByteArrayLiteral("not an image, only a warm-up"));
        unknown.open(QIODevice::ReadOnly);
        QImageReader reader(&unknown);
        reader.canRead();
    })
{
}

StartupWarmup::~StartupWarmup()
{
    m_fonts.join();
    m_imageFormats.join();
}
