#pragma once

#include <QLayout>
#include <QList>

// Lays its items out left to right and wraps them onto the next line when the width runs out,
// like words in a paragraph: the chips of the compare axis editor, the Library's filters. An item
// that expands horizontally (a search field) fills what its line leaves. (Qt ships this only as
// an example.)
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr, int spacing = 6);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return doLayout(QRect(0, 0, width, 0), true); }
    QSize minimumSize() const override;
    QSize sizeHint() const override { return minimumSize(); }
    void setGeometry(const QRect &rect) override;

private:
    int doLayout(const QRect &rect, bool testOnly) const; // returns the height used

    QList<QLayoutItem *> m_items;
    int m_spacing;
};
