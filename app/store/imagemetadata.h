#pragma once

#include "model/imageparams.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

struct Turn;
struct ImageAsset;

// Easel's settings travel inside every saved image, added to the file WITHOUT re-encoding it:
//  - PNG: an iTXt chunk (keyword "easel", uncompressed, UTF-8 JSON) inserted before the first
//    IDAT, where every reader looks;
//  - JPEG: an APP1 XMP segment ("http://ns.adobe.com/xap/1.0/\0" + packet) right after SOI and
//    any APP0 (JFIF) segments;
//  - WebP: an "XMP " chunk; a simple VP8/VP8L file is first turned into the extended (VP8X)
//    layout, the XMP flag is set and the RIFF size fixed.
// In XMP the JSON is the text of one property, <easel:settings>, in the namespace xmpNamespace,
// XML-escaped (not base64) so that exiftool and friends show it readably.
// Every other chunk or segment is copied byte for byte: a C2PA manifest (PNG caBX, JPEG APP11
// JUMBF) stays identical; we add, never rewrite. An earlier Easel record is replaced, not doubled,
// and so are a PNG's Description and Software keys (see pngDescriptionKey).
// Parsing is bounds-checked throughout: a truncated or hostile file gives an error, never a crash.
class ImageMetadata
{
    Q_DECLARE_TR_FUNCTIONS(ImageMetadata)

public:
    static constexpr const char *pngKeyword = "easel";
    static constexpr const char *xmpNamespace = "https://easel.invalid/ns/1.0/";
    // Beside the record, the standard fields other tools show (Finder, Bridge, digiKam, exiftool,
    // Windows): in PNG the text keys "Description" (the prompt) and "Software" ("Easel"), which
    // replace earlier chunks with those keys; in XMP dc:description and xmp:CreatorTool. Never
    // anything else of the record: no key, header or id.
    static constexpr const char *pngDescriptionKey = "Description";
    static constexpr const char *pngSoftwareKey = "Software";
    static constexpr const char *softwareName = "Easel";

    struct Embedded
    {
        bool ok = false;
        QByteArray bytes; // the image with the metadata inside
        QString error; // plain sentence when !ok
    };
    struct Read
    {
        bool ok = false; // true when the JSON was found and parsed
        bool found = false; // an Easel record exists (false: a plain image, or not an image)
        QJsonObject json;
        QString error;
    };

    static Embedded embed(const QByteArray &image, const QJsonObject &json);
    static Read read(const QByteArray &image);

    // "png", "jpeg", "webp" from the magic bytes; empty for anything we cannot carry metadata in.
    static QString formatOf(const QByteArray &image);

    // The record of one image: prompts, provider, models, requested and actual parameters, usage,
    // cost with its basis, ids, timestamp and Easel version.
    static QJsonObject describe(const Turn &turn, const ImageAsset &image);
    // Back from a record to what the composer and the parameter panel need.
    static ImageParams paramsFrom(const QJsonObject &record);
    static QString promptFrom(const QJsonObject &record);

    // The XMP packet holding the JSON (and, unless told not to, the prompt as dc:description),
    // and the reverse (exposed for tests).
    static QByteArray xmpPacket(const QJsonObject &json, bool withDescription = true);
    static Read readXmpPacket(const QByteArray &packet);

private:
    static Embedded embedPng(const QByteArray &image, const QByteArray &json,
                             const QString &description);
    static Embedded embedJpeg(const QByteArray &image, const QByteArray &packet);
    static Embedded embedWebp(const QByteArray &image, const QByteArray &packet);
    static Read readPng(const QByteArray &image);
    static Read readJpeg(const QByteArray &image);
    static Read readWebp(const QByteArray &image);
};
