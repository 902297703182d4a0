// libFuzzer target: a frame from a client as the server decodes it (decodeRequest, and through
// it validatePayload against the message's table). A request that decodes must survive being
// encoded and decoded again unchanged.
#include "protocol/envelope.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace plein::protocol;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto decoded
        = decodeRequest(QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size)));
    if (const auto* request = std::get_if<Request>(&decoded)) {
        if (!request->spec)
            std::abort();
        const QByteArray again = encodeRequest(request->spec->name, request->id, request->payload);
        const auto redecoded = decodeRequest(again);
        const auto* same = std::get_if<Request>(&redecoded);
        if (!same || same->spec != request->spec || same->id != request->id
            || same->payload != request->payload)
            std::abort();
    }
    return 0;
}
