#pragma once

#include <QDialog>

class ConnectionTest;
class ProviderRegistry;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
struct ProviderProfile;

// Settings > Providers: every profile (built in and the user's) with its base URL, API key,
// default models, API flavour, tool type, extra headers and reference image limits; Duplicate, Add
// custom, Remove (the user's), Reset (built-ins) and Test connection. Edits go to the
// ProviderRegistry (keys to the keychain through it) when applied, or when another profile is
// picked. It owns no network and no JSON: the connection test is a ConnectionTest. Never run with
// exec(): open() or show() it.
class ProvidersDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ProvidersDialog(ProviderRegistry *registry, QWidget *parent = nullptr);
    ~ProvidersDialog() override;

    QString currentId() const { return m_currentId; }
    void selectProfile(const QString &id);
    // Saves the shown profile's edits (and a typed key). False, with the reason shown, when the
    // registry refuses them.
    bool apply();

protected:
    void done(int result) override;

private:
    void buildUi();
    void fillList();
    void showProfile(const QString &id);
    void onRowChanged(int row);
    void markDirty();
    void dropTestResult(); // the form changed since the test: its answer no longer applies
    void refreshKeyStatus();
    ProviderProfile formProfile(bool *ok) const; // the profile as the form shows it
    void showError(const QString &message);

    void duplicateCurrent();
    void addCustom();
    void removeCurrent();
    void resetCurrent();
    void forgetKey();
    void testConnection();

    ProviderRegistry *m_registry;
    ConnectionTest *m_test;
    QString m_currentId;
    bool m_dirty = false;
    bool m_filling = false; // set while the form is filled from a profile

    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLabel *m_baseUrlNote = nullptr;
    QLineEdit *m_apiKey = nullptr;
    QLabel *m_keyStatus = nullptr;
    QPushButton *m_forgetKey = nullptr;
    QComboBox *m_chatModel = nullptr;
    QComboBox *m_imageModel = nullptr;
    QComboBox *m_flavour = nullptr;
    QComboBox *m_toolType = nullptr;
    QCheckBox *m_nestParameters = nullptr;
    QComboBox *m_imagesPath = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QSpinBox *m_maxInputImages = nullptr;
    QSpinBox *m_maxInputImageMb = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_addCustom = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_apply = nullptr;
};
