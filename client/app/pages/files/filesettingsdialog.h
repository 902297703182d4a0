#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;

namespace plein::app {

// Settings → Files…: how much room the files seen in posts and chats may take on this computer
// (in MB; the least recently used go first beyond it), how much they take now, and Clear cache.
class FileSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int minMb = 50;
    static constexpr int maxMb = 100'000;

    explicit FileSettingsDialog(QWidget* parent = nullptr);

    void setLimitBytes(qint64 bytes);
    qint64 limitBytes() const;
    void setUsedBytes(qint64 bytes);
    QSpinBox* limitBox() const { return m_limit; }
    QPushButton* clearButton() const { return m_clear; }
    QLabel* usedLabel() const { return m_used; }

Q_SIGNALS:
    void clearRequested();

private:
    QSpinBox* m_limit = nullptr;
    QLabel* m_used = nullptr;
    QPushButton* m_clear = nullptr;
};

} // namespace plein::app
