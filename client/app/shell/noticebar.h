#pragma once

#include <QWidget>

class QLabel;

namespace plein::app {

// The bar that explains a problem (unreachable server, refused login, damaged cache...) until
// it is dismissed or resolved. It floats over the bottom of the area it is anchored to instead
// of taking a row of the layout, so showing and hiding it never moves what the person reads.
class NoticeBar : public QWidget
{
    Q_OBJECT

public:
    explicit NoticeBar(QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);
    // Floats over `area` (a sibling or the parent), following its size.
    void anchorTo(QWidget* area);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void place();

    QLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    QWidget* m_area = nullptr;
};

} // namespace plein::app
