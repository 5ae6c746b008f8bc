#pragma once

#include <QString>

class QWidget;

// Questions to the designer behind a seam, like FileDialogs: a test sets the next answer so GUI
// tests never block on a modal box, and can check that a question was asked at all.
class MessageBoxes
{
public:
    // A yes/no question whose "yes" button says what will happen ("Run"), and its "no" button
    // what staying means ("Keep Painting"; Cancel when empty). True for yes.
    static bool confirm(QWidget *parent, const QString &title, const QString &text,
                        const QString &confirmLabel, const QString &cancelLabel = {});
    static void setNextAnswer(bool yes);

    // Edits not applied yet, as a window closes: apply them, discard them, or stay.
    enum class Changes { Apply, Discard, Cancel };
    static Changes askAboutChanges(QWidget *parent, const QString &title, const QString &text);
    static void setNextChangesAnswer(Changes answer);

    // Every confirm() counts, answered by the hook or by a person.
    static int questionsAsked() { return s_questionsAsked; }
    static QString lastQuestion() { return s_lastQuestion; }

private:
    static bool s_nextAnswer;
    static Changes s_nextChanges;
    static bool s_hasNextChanges;
    static bool s_hasNextAnswer;
    static int s_questionsAsked;
    static QString s_lastQuestion;
};
