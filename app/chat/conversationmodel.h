#pragma once

#include "model/turn.h"

#include <QAbstractListModel>
#include <QList>

#include <optional>

// The conversation as a list model: one row per turn (the prompt and everything answered to it).
// A streaming turn changes only its own row, so the view repaints only that row.
// For screen readers a row's accessible text is its prompt and its accessible description what a
// sighted designer sees under the prompt (accessibleDescription()); a changed turn's dataChanged
// names no roles, so it covers both.
class ConversationModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        TurnRole = Qt::UserRole + 1, // QVariant<Turn>
        PromptRole,
        TextRole,
        StatusRole, // int(Turn::Status)
        ImageCountRole,
    };

    explicit ConversationModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The status line, the start of the answer, the images and the usage line of `turn`, one per
    // line, in the words the view shows them in (TurnText): Qt::AccessibleDescriptionRole.
    // The answer's Markdown is read with QTextDocument, so this needs a QGuiApplication.
    static QString accessibleDescription(const Turn &turn);
    // How much of the answer the description reads out before "…".
    static constexpr qsizetype describedAnswerLength = 300;

    const Turn &turnAt(int row) const;
    int rowOfTurn(const QString &turnId) const; // -1 when absent
    // The image `ref` names (e.g. the parent of an edit), or nothing when that turn or item is no
    // longer in the conversation.
    std::optional<ImageAsset> findImage(const ImageRef &ref) const;
    const QList<Turn> &turns() const { return m_turns; }

    void appendTurn(const Turn &turn);
    // Replaces the turn with the same id and emits dataChanged for that row only.
    void updateTurn(const Turn &turn);
    void clear();
    void setTurns(const QList<Turn> &turns);

    // Ended turns the gateway may bill whose cost is not known: the total leaves them out and
    // says so.
    int unpricedTurns() const;
    Cost totalCost() const;
    Usage totalUsage() const;
    int totalImages() const;

Q_SIGNALS:
    void totalsChanged();

private:
    QList<Turn> m_turns;
};
