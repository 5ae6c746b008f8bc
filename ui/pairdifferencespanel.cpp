#include "pairdifferencespanel.h"

#include "palettetint.h"
#include "viewpalette.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace {

// The cards' inner margins and column gap, shared with the column header above them.
constexpr int cardLeft = 12;
constexpr int cardRight = 10;
constexpr int cardSpacing = 12;

QString shown(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("—") : value;
}

QLabel *valueLabel(const QString &text, const QString &name, QWidget *parent)
{
    auto *label = new QLabel(shown(text), parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

QLabel *secondaryLabel(const QString &text, QWidget *parent,
                       PaletteTint::Colour colour = ViewPalette::secondaryText)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    PaletteTint::apply(label, std::move(colour)); // follows a theme switch
    return label;
}

// A card's label: on the tinted card the usual secondary grey falls under a contrast of 4.5:1
// (4.2 in a light theme, 3.8 in a dark one), so a grey nearer the text.
QColor cardLabelText(const QPalette &palette)
{
    return ViewPalette::mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.30);
}

QLabel *sideTag(const QString &letter, QWidget *parent)
{
    auto *tag = new QLabel(letter, parent);
    QFont font = tag->font();
    font.setBold(true);
    tag->setFont(font);
    tag->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return tag;
}

// A field that differs: a tinted card, so the eye finds the differences first.
class DifferenceCard : public QWidget
{
public:
    using QWidget::QWidget;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        const QPalette &colours = palette();
        painter.setBrush(
            ViewPalette::mix(colours.color(QPalette::Base), ViewPalette::warning(colours), 0.16));
        painter.drawRoundedRect(QRectF(rect()), 6, 6);
        painter.setBrush(ViewPalette::warning(colours));
        painter.drawRoundedRect(QRectF(0, 0, 3, height()), 1.5, 1.5);
    }
};

} // namespace

PairDifferencesPanel::PairDifferencesPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("pairDifferencesPanel"));

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(14, 12, 14, 14);
    layout->setSpacing(8);

    // Who A and B are, as the caller named them: one line each, since titles such as
    // "quality=high, gpt-image-1" do not fit half the panel's width.
    m_header = new QWidget(content);
    auto *header = new QGridLayout(m_header);
    header->setContentsMargins(0, 0, 0, 0);
    header->setHorizontalSpacing(8);
    header->setVerticalSpacing(2);
    header->setColumnStretch(1, 1);
    m_titleALabel = valueLabel({}, QStringLiteral("titleA"), m_header);
    m_titleBLabel = valueLabel({}, QStringLiteral("titleB"), m_header);
    header->addWidget(sideTag(QStringLiteral("A"), m_header), 0, 0);
    header->addWidget(m_titleALabel, 0, 1);
    header->addWidget(sideTag(QStringLiteral("B"), m_header), 1, 0);
    header->addWidget(m_titleBLabel, 1, 1);
    layout->addWidget(m_header);

    m_noteLabel = new QLabel(content);
    m_noteLabel->setObjectName(QStringLiteral("pairNote"));
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setTextFormat(Qt::PlainText);
    PaletteTint::apply(m_noteLabel, ViewPalette::warning);
    m_noteLabel->hide();
    layout->addWidget(m_noteLabel);

    m_differentHeading = new QLabel(content);
    m_differentHeading->setObjectName(QStringLiteral("differentHeading"));
    QFont headingFont = m_differentHeading->font();
    headingFont.setBold(true);
    m_differentHeading->setFont(headingFont);
    layout->addSpacing(4);
    layout->addWidget(m_differentHeading);

    // "A" and "B" above the two value columns of the cards, on the same grid.
    m_columnHeader = new QWidget(content);
    m_columnHeader->setObjectName(QStringLiteral("columnHeader"));
    auto *columns = new QGridLayout(m_columnHeader);
    columns->setContentsMargins(cardLeft, 0, cardRight, 0);
    columns->setHorizontalSpacing(cardSpacing);
    columns->setColumnStretch(0, 1);
    columns->setColumnStretch(1, 1);
    columns->addWidget(secondaryLabel(QStringLiteral("A"), m_columnHeader), 0, 0);
    columns->addWidget(secondaryLabel(QStringLiteral("B"), m_columnHeader), 0, 1);
    layout->addWidget(m_columnHeader);

    m_differentBox = new QWidget(content);
    m_differentBox->setObjectName(QStringLiteral("differentBox"));
    m_differentLayout = new QVBoxLayout(m_differentBox);
    m_differentLayout->setContentsMargins(0, 0, 0, 0);
    m_differentLayout->setSpacing(6);
    layout->addWidget(m_differentBox);

    m_sameToggle = new QToolButton(content);
    m_sameToggle->setObjectName(QStringLiteral("sameToggle"));
    m_sameToggle->setAutoRaise(true);
    m_sameToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sameToggle->setArrowType(Qt::RightArrow);
    m_sameToggle->setFont(headingFont);
    // Not a checkable button: a checked tool button looks pressed in, which reads as a stuck
    // button rather than an open section.
    connect(m_sameToggle, &QToolButton::clicked, this,
            [this] { setSameExpanded(!m_sameExpanded); });
    layout->addSpacing(4);
    layout->addWidget(m_sameToggle, 0, Qt::AlignLeft);

    m_sameBox = new QWidget(content);
    m_sameBox->setObjectName(QStringLiteral("sameBox"));
    new QGridLayout(m_sameBox);
    m_sameBox->hide();
    layout->addWidget(m_sameBox);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("pairDifferencesScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    rebuild();
}

void PairDifferencesPanel::setDifferences(const QList<PairDifferences::Row> &rows,
                                          const QString &titleA, const QString &titleB)
{
    m_rows = rows;
    m_titleA = titleA;
    m_titleB = titleB;
    rebuild();
}

void PairDifferencesPanel::setNote(const QString &note)
{
    m_noteLabel->setText(note);
    m_noteLabel->setVisible(!note.isEmpty());
}

QString PairDifferencesPanel::note() const
{
    return m_noteLabel->text();
}

QStringList PairDifferencesPanel::differingKeys() const
{
    QStringList keys;
    for (const PairDifferences::Row &row : m_rows) {
        if (row.differs && !row.isEmpty())
            keys << row.key;
    }
    return keys;
}

QStringList PairDifferencesPanel::sameKeys() const
{
    QStringList keys;
    for (const PairDifferences::Row &row : m_rows) {
        if (!row.differs && !row.isEmpty())
            keys << row.key;
    }
    return keys;
}

bool PairDifferencesPanel::isSameExpanded() const
{
    return m_sameExpanded;
}

void PairDifferencesPanel::setSameExpanded(bool expanded)
{
    m_sameExpanded = expanded;
    m_sameToggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_sameBox->setVisible(expanded);
}

QWidget *PairDifferencesPanel::differenceCard(const PairDifferences::Row &row)
{
    auto *card = new DifferenceCard(m_differentBox);
    card->setObjectName(QStringLiteral("difference_") + row.key);
    auto *grid = new QGridLayout(card);
    grid->setContentsMargins(cardLeft, 7, cardRight, 8);
    grid->setHorizontalSpacing(cardSpacing);
    grid->setVerticalSpacing(3);
    grid->addWidget(secondaryLabel(row.label, card, cardLabelText), 0, 0, 1, 2);
    if (row.longText) {
        // Prompts are long: one above the other, each the card's full width.
        auto *tagA = sideTag(QStringLiteral("A"), card);
        auto *tagB = sideTag(QStringLiteral("B"), card);
        grid->addWidget(tagA, 1, 0);
        grid->addWidget(valueLabel(row.a, QStringLiteral("valueA"), card), 1, 1);
        grid->addWidget(tagB, 2, 0);
        grid->addWidget(valueLabel(row.b, QStringLiteral("valueB"), card), 2, 1);
        grid->setColumnStretch(1, 1);
    } else {
        grid->addWidget(valueLabel(row.a, QStringLiteral("valueA"), card), 1, 0);
        grid->addWidget(valueLabel(row.b, QStringLiteral("valueB"), card), 1, 1);
        grid->setColumnStretch(0, 1);
        grid->setColumnStretch(1, 1);
    }
    return card;
}

void PairDifferencesPanel::rebuild()
{
    m_titleALabel->setText(shown(m_titleA));
    m_titleBLabel->setText(shown(m_titleB));
    m_header->setVisible(!m_titleA.isEmpty() || !m_titleB.isEmpty());

    while (QLayoutItem *item = m_differentLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    auto *sameGrid = static_cast<QGridLayout *>(m_sameBox->layout());
    while (QLayoutItem *item = sameGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    sameGrid->setContentsMargins(18, 0, 0, 0);
    sameGrid->setHorizontalSpacing(12);
    sameGrid->setVerticalSpacing(5);
    sameGrid->setColumnStretch(1, 1);

    int differing = 0;
    int differingShort = 0;
    int same = 0;
    for (const PairDifferences::Row &row : std::as_const(m_rows)) {
        if (row.isEmpty())
            continue; // unknown for both: nothing to compare
        if (row.differs) {
            m_differentLayout->addWidget(differenceCard(row));
            ++differing;
            differingShort += row.longText ? 0 : 1;
            continue;
        }
        QLabel *label = secondaryLabel(row.label, m_sameBox);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        sameGrid->addWidget(label, same, 0);
        QLabel *value = valueLabel(row.a, QStringLiteral("same_") + row.key, m_sameBox);
        sameGrid->addWidget(value, same, 1);
        ++same;
    }
    m_differentHeading->setText(
        differing > 0 ? tr("Different (%1)").arg(differing)
                      : (m_rows.isEmpty() ? QString()
                                          : tr("No differences in settings, prompts, cost or "
                                               "time")));
    m_differentBox->setVisible(differing > 0);
    m_columnHeader->setVisible(differingShort > 0);
    m_sameToggle->setText(tr("Same in both (%1)").arg(same));
    m_sameToggle->setVisible(same > 0);
    m_sameBox->setVisible(same > 0 && m_sameExpanded);
}
