#include "settings.h"

#include <QJsonDocument>

const Settings::Key<QString> Settings::provider { "chat/provider", QString() };
const Settings::Key<QString> Settings::chatModel { "chat/chatModel", QString() };
const Settings::Key<QByteArray> Settings::imageParams { "image/params", QByteArray() };
const Settings::Key<QByteArray> Settings::providerProfiles { "providers/profiles", QByteArray() };
const Settings::Key<QByteArray> Settings::windowGeometry { "window/geometry", QByteArray() };
const Settings::Key<QByteArray> Settings::libraryGeometry { "library/geometry", QByteArray() };
const Settings::Key<QString> Settings::saveFolder { "save/folder", QString() };
const Settings::Key<QByteArray> Settings::windowState { "window/state", QByteArray() };
const Settings::Key<QString> Settings::conversationListShows { "history/listShows",
                                                               QStringLiteral("all") };
const Settings::Key<QStringList> Settings::readingPlace { "history/readingPlace", QStringList() };
const Settings::Key<QString> Settings::lastConversation { "history/lastConversation", QString() };
const Settings::Key<QString> Settings::draftPrompt { "composer/draftPrompt", QString() };
const Settings::Key<QStringList> Settings::draftReferences { "composer/draftReferences",
                                                             QStringList() };
const Settings::Key<bool> Settings::embedSettingsInImages { "save/embedSettings", true };
const Settings::Key<bool> Settings::autoSaveEnabled { "save/autoSave", false };
const Settings::Key<QString> Settings::autoSaveFolder { "save/autoSaveFolder", QString() };
// Empty: FileNameTemplate's default, whichever it is in this version (patternOrDefault()).
const Settings::Key<QString> Settings::autoSaveTemplate { "save/autoSaveTemplate", QString() };

const Settings::Key<double> Settings::compareCostLimit { "compare/costLimit", 1.0 };
const Settings::Key<int> Settings::compareConcurrency { "compare/concurrency", 3 };
const Settings::Key<QByteArray> Settings::compareAxes { "compare/axes", {} };

Settings::Settings() = default;

Settings::Settings(const QString &iniFile)
    : m_settings(iniFile, QSettings::IniFormat)
{
}

ImageParams Settings::imageParamsValue() const
{
    const QJsonDocument document = QJsonDocument::fromJson(value(imageParams));
    return document.isObject() ? ImageParams::fromJson(document.object()) : ImageParams();
}

void Settings::setImageParams(const ImageParams &params)
{
    setValue(imageParams, QJsonDocument(params.toJson()).toJson(QJsonDocument::Compact));
}
