#pragma once

#include <QStringList>
#include <QWidget>

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

// Where a post or reply is written. One line high until someone moves into it or it has text,
// then it grows with the text up to maxLines. Ctrl+Enter or the Send button sends; the characters
// left show only near the limit, and past it what is too many, in red, with Send disabled. Tab
// leaves it, Escape gives the focus back (escapePressed). Typing @ offers the people of
// setPeople(). Files go with the text through the paperclip, by dropping them on the composer
// or by pasting them (or a screenshot); they wait in the tray under the text until sent.
class Composer : public QWidget
{
    Q_OBJECT

public:
    // Lines shown at most before the text scrolls, and at least while it has the focus.
    static constexpr int maxLines = 10;
    static constexpr int focusedLines = 3;

    explicit Composer(QWidget* parent = nullptr);

    QString text() const;
    void setPlaceholder(const QString& text);
    int charactersLeft() const;
    // The counter shows from this many characters left.
    static int counterThreshold();
    QPlainTextEdit* editor() const;
    QLabel* counter() const { return m_counter; }
    QAbstractButton* sendButton() const;
    AttachmentTray* attachmentTray() const { return m_tray; }

    // The people @mentions complete from: rows of client::PeopleModel (its UsernameRole and
    // SearchTextRole), matched by the start of any word of the name or username, without regard
    // to case or accents. Not owned; read when the first @ is typed.
    void setPeople(QAbstractItemModel* people);
    QCompleter* mentionCompleter() const;

    // Sends when the text is not empty and within the limit.
    void submit();

Q_SIGNALS:
    // The text, with the files chosen to go with it (local paths, in their order).
    void submitted(const QString& text, const QStringList& attachments);
    // Escape in the editor, with no completion open. Nobody taking the focus, it goes to the
    // next widget after the composer.
    void escapePressed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateCounter();
    void updateHeight();
    void leave();

    MentionEdit* m_edit = nullptr;
    MentionCompleter* m_mentions = nullptr;
    QLabel* m_counter = nullptr;
    QToolButton* m_send = nullptr;
    AttachmentTray* m_tray = nullptr;
    // The person put the focus here (a click, Tab, a shortcut), rather than the window
    // getting it back: the composer opens up to be written in.
    bool m_chosen = false;
};

} // namespace plein::app
