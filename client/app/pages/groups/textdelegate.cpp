#include "pages/groups/textdelegate.h"

namespace plein::app {

TextDelegate::TextDelegate(Text text, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_text(std::move(text))
{ }

void TextDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // Lines as displayText() would break them (it is not used once the text is set here).
    option->text = m_text(index).replace(u'\n', QChar::LineSeparator);
}

} // namespace plein::app
