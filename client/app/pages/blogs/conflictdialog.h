#pragma once

#include "blogs/drafts.h"
#include "blogs/textmerge.h"

#include <QDialog>

class QButtonGroup;
class QLineEdit;
class QPlainTextEdit;

namespace plein::app {

// The comparison shown when the server moved on while the author wrote (stale_revision):
// what the text was (base), what the server has now (theirs) and what the author has (mine).
// Changes that do not overlap are merged already; for each part both changed, the author
// keeps theirs, theirs and then mine (the default: nothing is lost), or mine. The result
// can be edited before it is used; nothing is sent until the author says so.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { Theirs, Both, Mine };

    explicit ConflictDialog(const client::WorkRow& work, QWidget* parent = nullptr);

    // The parts both sides changed, over the title, the summary and the text.
    int conflictCount() const { return int(m_parts.size()); }
    void choose(int index, Choice choice);
    // The text to resolve with, as the author chose and edited it.
    client::ArticleText result() const;

private:
    struct Part
    {
        int field; // 0 title, 1 summary, 2 body
        int index; // among the field's conflicts
        Choice choice = Choice::Both;
        QButtonGroup* buttons = nullptr;
    };
    void updateResult();
    QString resolvedField(int field) const;

    client::WorkRow m_work;
    client::textmerge::Merge m_merges[3];
    QList<Part> m_parts;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_summary = nullptr;
    QPlainTextEdit* m_body = nullptr;
    QStringList m_tags;
};

} // namespace plein::app
