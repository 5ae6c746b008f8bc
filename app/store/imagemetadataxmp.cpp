// The XMP packet JPEG and WebP files carry: Easel's record and the standard properties other
// tools show. Apart from imagemetadata.cpp, which reads it back (readXmpPacket), to keep both
// short.
#include "imagemetadata.h"

#include <QJsonDocument>

namespace {

// Text as XML character data: escaped, without the characters XML 1.0 does not allow.
QByteArray xmlText(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            clean += c;
            clean += text.at(++i);
        } else if ((u >= 0x20 && !c.isSurrogate() && u != 0xfffe && u != 0xffff) || u == 0x09
                   || u == 0x0a || u == 0x0d) {
            clean += c;
        }
    }
    return clean.toHtmlEscaped().toUtf8();
}

} // namespace

QByteArray ImageMetadata::xmpPacket(const QJsonObject &json, bool withDescription)
{
    const QString text = QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
    QByteArray p = QByteArrayLiteral("<?xpacket begin=\"\xef\xbb\xbf\" "
                                     "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                                     "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                                     " <rdf:RDF "
                                     "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                                     "  <rdf:Description rdf:about=\"\" xmlns:easel=\"");
    p.append(xmpNamespace);
    // The standard properties other tools show: the prompt as the description, Easel as the
    // tool that made the file.
    p.append("\"\n    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
             "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n   <xmp:CreatorTool>");
    p.append(softwareName);
    p.append("</xmp:CreatorTool>\n");
    const QString prompt = promptFrom(json);
    if (withDescription && !prompt.isEmpty()) {
        p.append("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
        p.append(xmlText(prompt));
        p.append("</rdf:li></rdf:Alt></dc:description>\n");
    }
    p.append("   <easel:settings>");
    p.append(text.toHtmlEscaped().toUtf8());
    p.append("</easel:settings>\n  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
             "<?xpacket end=\"r\"?>");
    return p;
}
