#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace plein::client {

// A file attached to a post, a reply or a chat message, as the server describes it in
// `attachments` (docs/protocol.md, "Files"): the id to download it by and what to show
// before it is downloaded.
struct Attachment
{
    QString id; // 22 characters of base64url
    QString name;
    QString type; // the type the server sniffed from the content
    qint64 size = 0;
    int width = 0; // 0: not known (not an image, or its header did not say)
    int height = 0;

    bool isImage() const { return type.startsWith(QLatin1StringView("image/")); }
    bool operator==(const Attachment&) const = default;

    // What the server sent, checked: an entry with a malformed id, an empty or overlong
    // name or type, or a negative size or dimension is dropped (std::nullopt), never stored.
    static std::optional<Attachment> fromJson(const QJsonObject& o);
    // As the server describes it: {id, name, type, size, width, height}.
    QJsonObject toJson() const;
    // The valid entries of `attachments`, in their order, at most protocol::files::
    // maxAttachments of them.
    static QList<Attachment> listFromJson(const QJsonArray& attachments);
    static bool isFileId(QStringView id);

    // For the models' AttachmentsRole: QVariantMap {id, name, type, size, width, height, image}.
    QVariantMap toVariantMap() const;
    static QVariantList toVariantList(const QList<Attachment>& attachments);
};

} // namespace plein::client
