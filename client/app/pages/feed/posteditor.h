#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace plein::app {

// The body of a post turned into an editor, in place on its card (PostDelegate makes it the
// row's editor): the text, then Cancel and Save. Ctrl+Enter saves, Escape cancels. It grows
// with the text up to a limit and says so (heightChanged), so the row can make room.
class PostEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PostEditor(QWidget* parent = nullptr);

    void setText(const QString& text);
    QString text() const;
    QPlainTextEdit* editor() const { return m_edit; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* cancelButton() const { return m_cancel; }

    // The height it wants at its present width.
    QSize sizeHint() const override;

    // Saves when the text is within the limit and not empty (unless the post's files may
    // stand alone: setMayBeEmpty).
    void save();
    void setMayBeEmpty(bool mayBeEmpty);

Q_SIGNALS:
    void saved(const QString& text);
    void cancelled();
    void heightChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh();
    bool acceptable(const QString& body) const;
    int editorHeight() const;

    QPlainTextEdit* m_edit = nullptr;
    QLabel* m_hint = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_save = nullptr;
    int m_height = 0;
    bool m_mayBeEmpty = false;
};

} // namespace plein::app
