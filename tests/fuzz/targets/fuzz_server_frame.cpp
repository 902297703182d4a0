// libFuzzer target: a frame from the server as the desktop app decodes it (decodeServerFrame).
#include "protocol/envelope.h"

#include <cstdint>
#include <cstdlib>

using namespace plein::protocol;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto decoded
        = decodeServerFrame(QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size)));
    if (const auto* frame = std::get_if<ServerFrame>(&decoded)) {
        // A push the reader acts on is a push of the type it names (an unknown one, even "", is
        // ignored: push == nullptr).
        if (frame->push
            && (frame->kind != ServerFrame::Kind::Push || frame->push->direction != Direction::Push
                || frame->push->name != frame->pushType))
            std::abort();
    }
    return 0;
}
