#pragma once

#include <QObject>
#include <QPlainTextEdit>

class QAbstractItemModel;
class QCompleter;
class QSortFilterProxyModel;

namespace plein::app {

class AttachmentTray;
class MentionCompleter;

// The text editor of a composer that completes @mentions. While the list of people is open the
// keys that choose from it or close it are the list's: QCompleter hands the editor every key
// first (calling its event() directly, past any event filter), and there Tab would move the
// focus and Enter start a new line or send. With an AttachmentTray, files and images pasted or
// dropped into the text go to the tray instead of becoming text.
class MentionEdit : public QPlainTextEdit
{
public:
    using QPlainTextEdit::QPlainTextEdit;

    void setAttachmentTray(AttachmentTray* tray) { m_tray = tray; }

protected:
    bool event(QEvent* event) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;

private:
    friend class MentionCompleter;
    QCompleter* m_completer = nullptr;
    AttachmentTray* m_tray = nullptr; // a sibling in the composer, which owns both
};

// Completes the "@name" being typed in a MentionEdit from the people of setPeople() (rows of
// client::PeopleModel: its UsernameRole and SearchTextRole), matched by the start of any word of
// the name or username without regard to case or accents, best first: usernames starting with
// what was typed, then names, then any other word of the name. Choosing one (Enter, Tab, a
// click) writes "@username ". The same for posts, replies and chat messages.
//
// The people are read from the cache only when the first @ is typed, not when a composer is
// shown or focused: opening a conversation must not wait for every author of a large cache.
// People who arrive later (a group's members from the server) appear in the open list.
class MentionCompleter : public QObject
{
    Q_OBJECT

public:
    explicit MentionCompleter(MentionEdit* edit);

    // Not owned.
    void setPeople(QAbstractItemModel* people);
    QCompleter* completer() const { return m_completer; }
    bool isOpen() const;

    // Where the @ of the mention being typed before the cursor is, or -1.
    static int mentionStart(const QPlainTextEdit& edit);

private:
    void update();
    void insert(const QString& username);
    void attachPeople();

    MentionEdit* m_edit;
    QAbstractItemModel* m_people = nullptr;
    QSortFilterProxyModel* m_matches = nullptr;
    QCompleter* m_completer = nullptr;
};

} // namespace plein::app
