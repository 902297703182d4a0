#pragma once

#include <QByteArray>

namespace plein::server {

struct ImageSize
{
    int width = 0;
    int height = 0;
};

// Width and height of a PNG, GIF or JPEG from its first bytes (the header, the JPEG frame
// marker), without decoding anything; zeros when not found there.
ImageSize imageSize(const QByteArray& head);

} // namespace plein::server
