#include "pages/blogs/conflictdialog.h"

#include "pages/blogs/articlecard.h"
#include "ui/relativetime.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace plein::app {

namespace {

QPlainTextEdit* sideView(const QString& text, QWidget* parent)
{
    auto* view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setPlainText(text);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Room for the lines as they wrap in a third of the dialog, up to ten.
    int lines = 0;
    for (const QString& line : text.split(u'\n'))
        lines += 1 + int(line.size()) / 40;
    lines = std::clamp(lines, 2, 10);
    view->setFixedHeight(view->fontMetrics().lineSpacing() * lines + 14);
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return view;
}

} // namespace

ConflictDialog::ConflictDialog(const client::WorkRow& work, QWidget* parent)
    : QDialog(parent)
    , m_work(work)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Choose what to keep"));
    const client::ArticleRow theirs = work.conflict.value_or(client::ArticleRow {});
    const client::ArticleText& base = work.base;
    const client::ArticleText& mine = work.text;
    m_merges[0] = client::textmerge::merge(base.title, mine.title, theirs.text.title);
    m_merges[1] = client::textmerge::merge(base.summary, mine.summary, theirs.text.summary);
    m_merges[2] = client::textmerge::merge(base.body, mine.body, theirs.text.body);
    // Tags: the side that changed them, or mine when both did.
    m_tags = mine.tags == base.tags ? theirs.text.tags : mine.tags;

    const QString who = theirs.author.displayName;
    auto* intro = new QLabel(this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    const QDateTime at = QDateTime::fromString(theirs.changedAt, Qt::ISODateWithMs);
    intro->setText(
        tr("While you were writing, a newer version was saved (revision %1, %2). The changes "
           "that do not overlap are merged below. Where you both changed the same part, choose "
           "what to keep. Nothing is sent until you use the text.")
            .arg(theirs.revision)
            .arg(at.isValid() ? relativetime::fullText(at) : who));

    auto* partsBox = new QWidget(this);
    auto* parts = new QVBoxLayout(partsBox);
    parts->setContentsMargins(0, 0, 0, 0);
    const QString fieldNames[3] = {tr("Title"), tr("Summary"), tr("Text")};
    for (int field = 0; field < 3; ++field) {
        int n = 0;
        for (const client::textmerge::Region& r : std::as_const(m_merges[field].regions)) {
            if (!r.conflict)
                continue;
            Part part {field, n++};
            auto* group = new QGroupBox(m_merges[field].conflicts() > 1
                                            ? tr("%1, part %2 of %3")
                                                  .arg(fieldNames[field])
                                                  .arg(n)
                                                  .arg(m_merges[field].conflicts())
                                            : fieldNames[field],
                                        partsBox);
            auto* grid = new QGridLayout(group);
            grid->setVerticalSpacing(4);
            grid->setAlignment(Qt::AlignTop);
            const QString heads[3] = {tr("Before"), tr("Theirs (on the server)"), tr("Yours")};
            const QString texts[3] = {r.base, r.theirs, r.mine};
            QList<QPlainTextEdit*> views;
            int height = 0;
            for (int c = 0; c < 3; ++c) {
                auto* head = new QLabel(heads[c], group);
                QFont f = head->font();
                f.setBold(true);
                head->setFont(f);
                grid->addWidget(head, 0, c);
                views.append(sideView(texts[c], group));
                height = std::max(height, views.last()->height());
                grid->addWidget(views.last(), 1, c);
            }
            for (QPlainTextEdit* view : std::as_const(views))
                view->setFixedHeight(height);
            part.buttons = new QButtonGroup(group);
            const std::pair<Choice, QString> options[3] = {{Choice::Theirs, tr("Keep theirs")},
                                                           {Choice::Both, tr("Keep both")},
                                                           {Choice::Mine, tr("Keep yours")}};
            auto* row = new QHBoxLayout;
            for (const auto& [choice, label] : options) {
                auto* radio = new QRadioButton(label, group);
                part.buttons->addButton(radio, int(choice));
                radio->setChecked(choice == Choice::Both);
                row->addWidget(radio);
            }
            row->addStretch(1);
            grid->addLayout(row, 2, 0, 1, 3);
            const int index = int(m_parts.size());
            connect(part.buttons, &QButtonGroup::idClicked, this,
                    [this, index](int id) { choose(index, Choice(id)); });
            m_parts.append(part);
            parts->addWidget(group);
        }
    }
    if (m_parts.isEmpty()) {
        auto* none = new QLabel(tr("You changed different parts: everything is merged."), partsBox);
        parts->addWidget(none);
    }

    parts->addStretch(1);

    auto* resultBox = new QGroupBox(tr("The text to use (you can still change it)"), this);
    auto* resultLayout = new QVBoxLayout(resultBox);
    m_title = new QLineEdit(resultBox);
    m_title->setObjectName(QStringLiteral("mergedTitle"));
    m_summary = new QLineEdit(resultBox);
    m_summary->setPlaceholderText(tr("Summary (optional)"));
    m_body = new QPlainTextEdit(resultBox);
    m_body->setObjectName(QStringLiteral("mergedBody"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    resultLayout->addWidget(m_title);
    resultLayout->addWidget(m_summary);
    resultLayout->addWidget(m_body, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(partsBox);
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* use = buttons->addButton(tr("&Use this text"), QDialogButtonBox::AcceptRole);
    use->setDefault(true);
    buttons->addButton(tr("Decide &later"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 3);
    layout->addWidget(resultBox, 2);
    layout->addWidget(buttons);
    resize(1000, 760);
    updateResult();
}

void ConflictDialog::choose(int index, Choice choice)
{
    if (index < 0 || index >= m_parts.size())
        return;
    m_parts[index].choice = choice;
    if (QAbstractButton* b = m_parts[index].buttons->button(int(choice)); b && !b->isChecked())
        b->setChecked(true);
    updateResult();
}

QString ConflictDialog::resolvedField(int field) const
{
    return m_merges[field].resolved([&](int n, const client::textmerge::Region& r) {
        for (const Part& p : m_parts) {
            if (p.field != field || p.index != n)
                continue;
            switch (p.choice) {
            case Choice::Theirs:
                return r.theirs;
            case Choice::Mine:
                return r.mine;
            case Choice::Both:
                break;
            }
        }
        if (r.theirs.isEmpty() || r.mine.isEmpty())
            return r.theirs + r.mine;
        // A title or summary is one line: both go on it.
        const QString between = field == 2
            ? (r.theirs.endsWith(u'\n') ? QString() : QStringLiteral("\n"))
            : QStringLiteral(" / ");
        return r.theirs + between + r.mine;
    });
}

void ConflictDialog::updateResult()
{
    m_title->setText(resolvedField(0).simplified());
    m_summary->setText(resolvedField(1));
    m_body->setPlainText(resolvedField(2));
}

client::ArticleText ConflictDialog::result() const
{
    return client::ArticleText {m_title->text(), m_summary->text(), m_body->toPlainText(), m_tags};
}

} // namespace plein::app
