#pragma once

#include <QString>

class QWidget;

// Questions to the designer behind a seam, like FileDialogs: a test sets the next answer so GUI
// tests never block on a modal box, and can check that a question was asked at all.
class MessageBoxes
{
public:
    // A yes/no question whose "yes" button says what will happen ("Run"). True for yes.
    static bool confirm(QWidget *parent, const QString &title, const QString &text,
                        const QString &confirmLabel);
    static void setNextAnswer(bool yes);

    // Every confirm() counts, answered by the hook or by a person.
    static int questionsAsked() { return s_questionsAsked; }
    static QString lastQuestion() { return s_lastQuestion; }

private:
    static bool s_nextAnswer;
    static bool s_hasNextAnswer;
    static int s_questionsAsked;
    static QString s_lastQuestion;
};
