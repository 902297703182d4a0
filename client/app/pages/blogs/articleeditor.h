#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTextBrowser;
class QToolBar;
class QToolButton;

namespace plein::client {
class Client;
struct ArticleText;
struct WorkRow;
} // namespace plein::client

namespace plein::app {

class CoverImage;
class Navigator;

// Writing an article: title, summary and #topics above, the Markdown source and its live
// preview (the app's safe renderer) side by side or, in a narrow window, one at a time, a
// small toolbar (bold, italic, heading, link, list, quote, code), the word count and reading
// time below. What is typed is stored in the cache a moment after each keystroke (and at once
// when the page goes), synced as a draft when online; the header says where it stands. A
// draft is published now or at a time; an edit of a published article is sent with
// "Update". When the server moved on, the comparison opens (ConflictDialog).
class ArticleEditor : public QWidget
{
    Q_OBJECT

public:
    ArticleEditor(client::Client& client, Navigator& navigator, const QString& localId,
                  QWidget* parent = nullptr);
    ~ArticleEditor() override;

    QString localId() const { return m_localId; }
    QLineEdit* titleEdit() const { return m_title; }
    QLineEdit* coAuthorsEdit() const { return m_coAuthors; }
    // Reads the co-authors typed (@usernames) and gives them to the working copy; false when
    // one is not known (said beside the field) or the user may not choose them.
    bool chooseCoAuthors();
    // The image at `path` as the article's cover (the file dialog's choice); false when it
    // cannot be yet (a draft not on the server) or is refused (said beside the button).
    bool chooseCover(const QString& path);
    QLabel* coverNote() const { return m_coverNote; }
    QPlainTextEdit* source() const { return m_source; }
    QTextBrowser* preview() const { return m_preview; }
    QString statusText() const;
    // Stores what is typed now (the page does it a moment after each change).
    void saveNow();
    // Formats the selection of the source, as the toolbar does.
    enum class Format { Bold, Italic, Heading, Link, List, Quote, Code };
    void format(Format f);
    // Opens the comparison when the working copy holds a conflict; whether it was resolved.
    bool compare();
    bool isPreviewShown() const;

protected:
    void hideEvent(QHideEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void load();
    void showCoAuthors(const client::WorkRow& w);
    void refreshCover();
    void refreshState();
    void renderPreview();
    void updateCounts();
    client::ArticleText typed() const;
    void schedule();
    void applyLayout();

    client::Client& m_client;
    Navigator& m_navigator;
    QString m_localId;
    bool m_loading = false;
    QTimer m_save;
    QTimer m_render;
    QTimer m_count;
    QLabel* m_blog = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_conflict = nullptr;
    QToolButton* m_publish = nullptr;
    QPushButton* m_update = nullptr;
    QPushButton* m_discard = nullptr;
    QAction* m_togglePreview = nullptr;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_summary = nullptr;
    QLineEdit* m_tags = nullptr;
    QLineEdit* m_coAuthors = nullptr;
    QLabel* m_coAuthorsNote = nullptr;
    CoverImage* m_coverPreview = nullptr;
    QPushButton* m_coverChoose = nullptr;
    QPushButton* m_coverRemove = nullptr;
    QLabel* m_coverNote = nullptr;
    QToolBar* m_toolbar = nullptr;
    QSplitter* m_split = nullptr;
    QPlainTextEdit* m_source = nullptr;
    QTextBrowser* m_preview = nullptr;
    QLabel* m_counts = nullptr;
    bool m_previewOnly = false;
    bool m_comparedOnce = false;
};

} // namespace plein::app
