#pragma once

#include <QFrame>

class QToolButton;

namespace plein::app {

// The eight reactions in a row, as a popup at the pointer (the toolbar's "Add a reaction"):
// one click gives or takes back that reaction. The user's own are shown pressed.
class ReactionPicker : public QFrame
{
    Q_OBJECT

public:
    // `mine`: the reactions the user gave already.
    explicit ReactionPicker(const QStringList& mine, QWidget* parent = nullptr);

    // Shows it with its top left at `globalPos`, kept on the screen.
    void popup(const QPoint& globalPos);
    QList<QToolButton*> buttons() const { return m_buttons; }

Q_SIGNALS:
    // `on`: give it (false: take it back).
    void chosen(const QString& reaction, bool on);

private:
    QList<QToolButton*> m_buttons;
};

} // namespace plein::app
