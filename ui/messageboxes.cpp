#include "messageboxes.h"

#include <QMessageBox>
#include <QPushButton>

bool MessageBoxes::s_nextAnswer = false;
bool MessageBoxes::s_hasNextAnswer = false;
MessageBoxes::Changes MessageBoxes::s_nextChanges = MessageBoxes::Changes::Cancel;
bool MessageBoxes::s_hasNextChanges = false;
int MessageBoxes::s_questionsAsked = 0;
QString MessageBoxes::s_lastQuestion;

bool MessageBoxes::confirm(QWidget *parent, const QString &title, const QString &text,
                           const QString &confirmLabel, const QString &cancelLabel)
{
    ++s_questionsAsked;
    s_lastQuestion = text;
    if (s_hasNextAnswer) {
        s_hasNextAnswer = false;
        return s_nextAnswer;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QPushButton *yes = box.addButton(confirmLabel, QMessageBox::AcceptRole);
    QPushButton *no = cancelLabel.isEmpty() ? box.addButton(QMessageBox::Cancel)
                                            : box.addButton(cancelLabel, QMessageBox::RejectRole);
    box.setDefaultButton(no); // spending money is never the default
    box.exec();
    return box.clickedButton() == yes;
}

void MessageBoxes::setNextAnswer(bool yes)
{
    s_nextAnswer = yes;
    s_hasNextAnswer = true;
}

MessageBoxes::Changes MessageBoxes::askAboutChanges(QWidget *parent, const QString &title,
                                                    const QString &text)
{
    ++s_questionsAsked;
    s_lastQuestion = text;
    if (s_hasNextChanges) {
        s_hasNextChanges = false;
        return s_nextChanges;
    }
    QMessageBox box(QMessageBox::Question, title, text,
                    QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setDefaultButton(QMessageBox::Apply);
    switch (box.exec()) {
    case QMessageBox::Apply:
        return Changes::Apply;
    case QMessageBox::Discard:
        return Changes::Discard;
    default:
        return Changes::Cancel;
    }
}

void MessageBoxes::setNextChangesAnswer(Changes answer)
{
    s_nextChanges = answer;
    s_hasNextChanges = true;
}
