#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class Settings;

// Settings > Saving: whether saved images carry Easel's settings (Settings::embedSettingsInImages),
// and auto-save: saving every new final image into a folder, with file names from a
// FileNameTemplate pattern (previewed live for a sample image; Save As and Save All use it too).
// The Settings keys are written only on OK, and OK stays disabled while auto-save is on without a
// usable folder. Never run with exec(): open() or show() it.
class AutoSaveDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AutoSaveDialog(Settings *settings, QWidget *parent = nullptr);

    // Why the form cannot be accepted, "" when it can.
    QString problem() const { return m_problem; }
    // The file name the pattern gives a fixed sample image ("" = the default pattern).
    static QString previewFor(const QString &pattern);
    // Why folder cannot take auto-saved images, "" when it exists or can be created and is
    // writable. Nothing is created on disk.
    static QString folderProblem(const QString &folder);

    void accept() override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void chooseFolder();
    void refresh();
    void fitHeightToText();

    Settings *m_settings;
    QString m_problem;
    QCheckBox *m_embed = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLineEdit *m_folder = nullptr;
    QPushButton *m_choose = nullptr;
    QLineEdit *m_template = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
