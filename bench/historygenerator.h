#pragma once

#include <QString>

class HistoryStore;

// Fills a history the size of issue #4's target through the real HistoryStore: one conversation
// of `turns` turns, each with a prompt, a reply of a few paragraphs, usage, cost and one final
// image, a real PNG of its own size and content written to a content-addressed ImageStore under
// `imageRoot` (sizes vary from a thumbnail to about a megapixel, as generated art does).
class HistoryGenerator
{
public:
    struct Result
    {
        QString conversationId;
        int turns = 0;
        int images = 0;
        qint64 imageBytes = 0;
        QString error; // empty on success
    };

    static Result fill(HistoryStore *store, const QString &imageRoot, int turns);
};
