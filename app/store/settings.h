#pragma once

#include "model/imageparams.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QVariant>

// One typed table of every setting Easel keeps, with its default, over QSettings. API keys are
// never among them: keys come from the environment or the OS keychain (SecretStore).
class Settings
{
public:
    template<typename T> struct Key
    {
        const char *name;
        T defaultValue;
    };

    // The provider last picked in the window; "" = the first provider with a key, else the demo.
    static const Key<QString> provider;
    static const Key<QString> chatModel;
    static const Key<QByteArray> imageParams; // ImageParams as JSON
    // The user's edits of the built-in provider profiles and their own profiles, as JSON (see
    // ProviderRegistry). Never an API key: those live in the OS keychain or the environment.
    static const Key<QByteArray> providerProfiles;
    static const Key<QByteArray> windowGeometry;
    static const Key<QByteArray> windowState;
    static const Key<QByteArray> libraryGeometry; // the Library window's size and place
    // The folder images were last saved into: Save As opens there again the next day.
    static const Key<QString> saveFolder;
    // Which conversations the sidebar lists: "all", "chats" or "comparisons".
    static const Key<QString> conversationListShows;
    // Where that conversation was being read at the last quit: its id, the turn at the top of the
    // view and how far it was scrolled past (ReadingPlace); empty when it was read to its end.
    static const Key<QStringList> readingPlace;
    // The conversation shown when Easel last ran: reopened at start-up ("" = a new one).
    static const Key<QString> lastConversation;
    // The composer's unsent prompt and reference images when Easel last quit: put back at the
    // next start, then forgotten (a crash must not bring back a draft sent since).
    static const Key<QString> draftPrompt;
    static const Key<QStringList> draftReferences;
    // Whether saved, copied and dragged images carry the prompt and settings inside the file (on
    // by default). Off, they are the files as generated, so their Content Credentials still
    // verify (ImageExporter::Record).
    static const Key<bool> embedSettingsInImages;
    // Auto-save of every final image after a turn (off by default), into a folder, with names
    // from a FileNameTemplate pattern.
    static const Key<bool> autoSaveEnabled;
    static const Key<QString> autoSaveFolder;
    static const Key<QString> autoSaveTemplate;
    // Above this estimated total (USD) a compare run asks before it is sent (issue #5).
    static const Key<double> compareCostLimit;
    // How many cells of a compare run are sent at the same time (the Compare window).
    static const Key<int> compareConcurrency;
    // The Compare window's axes when it was last used, as a JSON array of CompareAxis objects:
    // set up again at the next start. The prompt and base settings come from the main window,
    // and the images per cell start at one, so no earlier choice multiplies a new run's cost.
    static const Key<QByteArray> compareAxes;

    Settings(); // the application's settings
    explicit Settings(const QString &iniFile); // for tests

    template<typename T> T value(const Key<T> &key) const
    {
        const QVariant v = m_settings.value(QLatin1String(key.name));
        return v.isValid() ? v.value<T>() : key.defaultValue;
    }
    template<typename T> void setValue(const Key<T> &key, const T &value)
    {
        m_settings.setValue(QLatin1String(key.name), QVariant::fromValue(value));
    }

    ImageParams imageParamsValue() const;
    void setImageParams(const ImageParams &params);

    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};
