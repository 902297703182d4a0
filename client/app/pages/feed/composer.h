#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace plein::app {

// Where a post or reply is written: Ctrl+Enter sends, a counter shows the characters left.
class Composer : public QWidget
{
    Q_OBJECT

public:
    explicit Composer(QWidget* parent = nullptr);

    QString text() const;
    void setPlaceholder(const QString& text);
    int charactersLeft() const;
    QPlainTextEdit* editor() const { return m_edit; }

    // Sends when the text is not empty and within the limit.
    void submit();

Q_SIGNALS:
    void submitted(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateCounter();

    QPlainTextEdit* m_edit = nullptr;
    QLabel* m_counter = nullptr;
    QPushButton* m_send = nullptr;
};

} // namespace plein::app
