#pragma once

#include <QFrame>
#include <QStringList>

class QAbstractButton;
class QAbstractItemModel;
class QCompleter;
class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace plein::app {

class AttachmentTray;
class MentionCompleter;
class MentionEdit;

// Where a chat message is written, as in Slack or Teams: Enter sends, Shift+Enter starts a new
// line, Markdown as in posts, @ offers the people of setPeople(). It grows with the text up to
// maxLines. Above the text it can say what is being answered ("Replying to Bram", with the
// first line of his message) or that a message is being edited, each with a button to cancel
// (Escape cancels too). The characters left show near the limit of 10,000, and what is too
// many in red, with Send disabled. Up in an empty composer asks to edit one's last message.
// Files go with a new message through the paperclip, by dropping them on the composer or by
// pasting them (or a screenshot), and wait in the tray under the text (not while editing).
class ChatComposer : public QFrame
{
    Q_OBJECT

public:
    static constexpr int maxLines = 8;

    explicit ChatComposer(QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);
    void setPlaceholder(const QString& text);
    int charactersLeft() const;
    static int counterThreshold();
    QPlainTextEdit* editor() const;
    QLabel* counter() const { return m_counter; }
    QAbstractButton* sendButton() const;
    AttachmentTray* attachmentTray() const { return m_tray; }
    QLabel* banner() const { return m_bannerText; }
    bool isBannerShown() const;

    // The people @mentions complete from (rows of client::PeopleModel); not owned, read when
    // the first @ is typed.
    void setPeople(QAbstractItemModel* people);
    QCompleter* mentionCompleter() const;

    // Answering a message: said above the text until sent or cancelled.
    void setReplyTo(qint64 messageId, const QString& author, const QString& text);
    qint64 replyTo() const { return m_replyTo; }
    // Editing a message (`key` says which: the page's own), with its text in the editor;
    // `hasFiles`: its files may stand alone, so the text may be emptied.
    void setEditing(const QString& key, const QString& text, bool hasFiles = false);
    QString editing() const { return m_editing; }
    // Back to writing a new message (the text stays unless `clearText`).
    void cancel(bool clearText = false);

    // Sends when the text is not empty and within the limit.
    void submit();

Q_SIGNALS:
    // A new message (with the message it answers, 0 for none, and the local paths of the files
    // that go with it), or the edited text of the one being edited.
    void submitted(const QString& text, qint64 replyTo, const QStringList& attachments);
    void editSubmitted(const QString& key, const QString& text);
    // The text changed by the person's typing (not by setText): whether there is any.
    void typed(bool hasText);
    void escapePressed();
    // Up in an empty composer: edit the last message.
    void editLastRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void updateCounter();
    void updateHeight();
    void updateBanner();

    QWidget* m_bannerBox = nullptr;
    QLabel* m_bannerText = nullptr;
    QToolButton* m_bannerClose = nullptr;
    MentionEdit* m_edit = nullptr;
    MentionCompleter* m_mentions = nullptr;
    QLabel* m_counter = nullptr;
    QLabel* m_hint = nullptr;
    QToolButton* m_send = nullptr;
    AttachmentTray* m_tray = nullptr;
    qint64 m_replyTo = 0;
    QString m_replyAuthor;
    QString m_replyText;
    QString m_editing;
    bool m_editingHasFiles = false;
    bool m_settingText = false;
};

} // namespace plein::app
