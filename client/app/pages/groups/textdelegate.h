#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace plein::app {

// Shows each row as the text a function makes of it (a group's name and summary, a member's
// name and role), so lists of groups and people need no model of their own for display.
class TextDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using Text = std::function<QString(const QModelIndex&)>;

    explicit TextDelegate(Text text, QObject* parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    Text m_text;
};

} // namespace plein::app
