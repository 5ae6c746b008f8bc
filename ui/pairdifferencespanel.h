#pragma once

#include "compare/pairdifferences.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QLabel;
class QToolButton;
class QVBoxLayout;

// The panel beside a pair of images: the fields that differ between A and B, highlighted, A's
// value beside B's (prompts one above the other, wrapped), then the fields that are the same in
// both collapsed under "Same in both". Fields unknown for both images are left out.
class PairDifferencesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PairDifferencesPanel(QWidget *parent = nullptr);

    void setDifferences(const QList<PairDifferences::Row> &rows, const QString &titleA,
                        const QString &titleB);
    // A sentence shown above the fields (e.g. that B is scaled to A's size); empty hides it.
    void setNote(const QString &note);
    QString note() const;

    QList<PairDifferences::Row> rows() const { return m_rows; }
    // Keys of the rows shown as different, and of those under "Same in both", in display order.
    QStringList differingKeys() const;
    QStringList sameKeys() const;

    bool isSameExpanded() const;
    void setSameExpanded(bool expanded);

private:
    void rebuild();
    QWidget *differenceCard(const PairDifferences::Row &row);

    QList<PairDifferences::Row> m_rows;
    QString m_titleA;
    QString m_titleB;
    QWidget *m_header = nullptr;
    QLabel *m_titleALabel = nullptr;
    QLabel *m_titleBLabel = nullptr;
    QLabel *m_noteLabel = nullptr;
    QLabel *m_differentHeading = nullptr;
    QWidget *m_columnHeader = nullptr;
    QWidget *m_differentBox = nullptr;
    QVBoxLayout *m_differentLayout = nullptr;
    QToolButton *m_sameToggle = nullptr;
    QWidget *m_sameBox = nullptr;
    bool m_sameExpanded = false;
};
