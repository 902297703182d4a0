#include "capabilities/files/imagesize.h"

namespace plein::server {

namespace {

quint32 be16(const QByteArray& b, qsizetype i)
{
    return (quint32(quint8(b[i])) << 8) | quint8(b[i + 1]);
}

quint32 be32(const QByteArray& b, qsizetype i)
{
    return (be16(b, i) << 16) | be16(b, i + 2);
}

quint32 le16(const QByteArray& b, qsizetype i)
{
    return quint8(b[i]) | (quint32(quint8(b[i + 1])) << 8);
}

ImageSize checked(quint32 w, quint32 h)
{
    if (w == 0 || h == 0 || w > 1000000 || h > 1000000)
        return {};
    return {int(w), int(h)};
}

} // namespace

ImageSize imageSize(const QByteArray& b)
{
    if (b.size() >= 24 && b.startsWith("\x89PNG\r\n\x1a\n") && b.mid(12, 4) == "IHDR")
        return checked(be32(b, 16), be32(b, 20));
    if (b.size() >= 10 && (b.startsWith("GIF87a") || b.startsWith("GIF89a")))
        return checked(le16(b, 6), le16(b, 8));
    if (b.size() >= 4 && quint8(b[0]) == 0xff && quint8(b[1]) == 0xd8) {
        qsizetype i = 2;
        while (i + 9 < b.size()) {
            if (quint8(b[i]) != 0xff)
                return {};
            const quint8 marker = quint8(b[i + 1]);
            if (marker == 0xff) {
                ++i;
                continue;
            }
            const quint32 length = be16(b, i + 2);
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
                && marker != 0xcc)
                return checked(be16(b, i + 7), be16(b, i + 5));
            if (length < 2)
                return {};
            i += 2 + length;
        }
    }
    return {};
}

} // namespace plein::server
