#pragma once

class QCoreApplication;

// The interface in the designer's language where Easel has it, else English (whose file holds
// the plural forms: "1 image", "2 images"), and Qt's own strings (dialog buttons) to match. The
// compiled files are in the resources at :/i18n (cmake/EaselTranslations.cmake); the window and
// the command line both install them right after creating the application object.
namespace Translations {
void install(QCoreApplication *app);
}
