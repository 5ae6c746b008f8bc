#include "benchoptions.h"

QStringList BenchOptions::figureNames()
{
    return { QStringLiteral("sse_decode"),
             QStringLiteral("base64_decode"),
             QStringLiteral("final_image_to_painted"),
             QStringLiteral("gui_stall"),
             QStringLiteral("history_open"),
             QStringLiteral("history_scroll_rss"),
             QStringLiteral("scroll_frames"),
             QStringLiteral("scroll_frames_p99"),
             QStringLiteral("startup_empty"),
             QStringLiteral("startup_history") };
}

bool BenchOptions::parse(const QStringList &arguments, BenchOptions *options, QString *error,
                         bool *listOnly)
{
    *listOnly = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--quick")) {
            options->quick = true;
        } else if (argument == QLatin1String("--list")) {
            *listOnly = true;
        } else if (argument == QLatin1String("--only") || argument.startsWith(u"--only=")) {
            QString name;
            if (argument.startsWith(u"--only=")) {
                name = argument.mid(7);
            } else if (i + 1 < arguments.size()) {
                name = arguments.at(++i);
            }
            if (!figureNames().contains(name)) {
                *error = QStringLiteral("--only needs one of: ") + figureNames().join(u", ")
                    + QStringLiteral(" (got \"") + name + QStringLiteral("\").");
                return false;
            }
            options->only = name;
        } else if (argument == QLatin1String("--easel") || argument.startsWith(u"--easel=")) {
            if (argument.startsWith(u"--easel=")) {
                options->easelPath = argument.mid(8);
            } else if (i + 1 < arguments.size()) {
                options->easelPath = arguments.at(++i);
            }
            if (options->easelPath.isEmpty()) {
                *error = QStringLiteral("--easel needs the path of the easel program.");
                return false;
            }
        } else {
            *error = QStringLiteral("Unknown argument \"") + argument
                + QStringLiteral("\". Usage: easel-bench [--quick] [--only NAME] [--list] "
                                 "[--easel PATH]");
            return false;
        }
    }
    return true;
}
