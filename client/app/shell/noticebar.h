#pragma once

#include <QWidget>

class QLabel;

namespace plein::app {

// The bar above the pages that explains a problem (unreachable server, refused login, damaged
// cache...) until it is dismissed or resolved.
class NoticeBar : public QWidget
{
    Q_OBJECT

public:
    explicit NoticeBar(QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);

private:
    QLabel* m_text = nullptr;
};

} // namespace plein::app
