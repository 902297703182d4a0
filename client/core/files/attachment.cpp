#include "attachment.h"

#include "capabilities/files/filesprotocol.h"

namespace plein::client {

namespace {

using L = QLatin1StringView;

// A type is a MIME type: short, printable ASCII.
constexpr int maxTypeChars = 255;
// Sizes and dimensions travel as JSON numbers; above 2^53 they are not exact any more.
constexpr double maxNumber = 9007199254740991.0;

bool isBase64Url(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')
        || c == u'-' || c == u'_';
}

// A non-negative whole number, or nullopt; `absent` when the key is missing.
std::optional<qint64> count(const QJsonObject& o, L key, std::optional<qint64> absent)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return absent;
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > maxNumber || d != double(qint64(d)))
        return std::nullopt;
    return qint64(d);
}

} // namespace

bool Attachment::isFileId(QStringView id)
{
    if (id.size() != protocol::files::fileIdChars)
        return false;
    return std::all_of(id.begin(), id.end(), isBase64Url);
}

std::optional<Attachment> Attachment::fromJson(const QJsonObject& o)
{
    Attachment a;
    a.id = o.value(L("id")).toString();
    a.name = o.value(L("name")).toString();
    a.type = o.value(L("type")).toString();
    if (!isFileId(a.id) || a.name.isEmpty()
        || a.name.size() > 2 * protocol::files::maxFileNameChars // code points, in UTF-16
        || a.type.size() > maxTypeChars)
        return std::nullopt;
    for (QChar c : std::as_const(a.type)) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return std::nullopt;
    }
    const auto size = count(o, L("size"), std::nullopt);
    const auto width = count(o, L("width"), 0);
    const auto height = count(o, L("height"), 0);
    if (!size || !width || !height || *width > std::numeric_limits<int>::max()
        || *height > std::numeric_limits<int>::max())
        return std::nullopt;
    a.size = *size;
    a.width = int(*width);
    a.height = int(*height);
    return a;
}

QList<Attachment> Attachment::listFromJson(const QJsonArray& attachments)
{
    QList<Attachment> out;
    for (const auto& v : attachments) {
        if (out.size() >= protocol::files::maxAttachments)
            break;
        if (auto a = fromJson(v.toObject()))
            out.append(*a);
    }
    return out;
}

QJsonObject Attachment::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), id},       {QStringLiteral("name"), name},
                        {QStringLiteral("type"), type},   {QStringLiteral("size"), size},
                        {QStringLiteral("width"), width}, {QStringLiteral("height"), height}};
}

QVariantMap Attachment::toVariantMap() const
{
    return QVariantMap {{QStringLiteral("id"), id},          {QStringLiteral("name"), name},
                        {QStringLiteral("type"), type},      {QStringLiteral("size"), size},
                        {QStringLiteral("width"), width},    {QStringLiteral("height"), height},
                        {QStringLiteral("image"), isImage()}};
}

QVariantList Attachment::toVariantList(const QList<Attachment>& attachments)
{
    QVariantList out;
    for (const Attachment& a : attachments)
        out.append(a.toVariantMap());
    return out;
}

} // namespace plein::client
