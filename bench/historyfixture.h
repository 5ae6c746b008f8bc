#pragma once

#include "historygenerator.h"

#include <QTemporaryDir>

#include <memory>

class HistoryStore;

// The generated history that history_open, history_scroll_rss, scroll_frames and startup_history
// share: HistoryGenerator's conversation of `turns` turns with one real PNG each, made once per run
// (it takes seconds). The folder is laid out as Easel's data folder (history.sqlite, images/), so
// that `easel --data-dir` can open it, and settings.ini names the conversation as the last one
// shown, so that Easel reopens it at start.
class HistoryFixture
{
public:
    explicit HistoryFixture(int turns);
    ~HistoryFixture();

    QString error() const { return m_error; } // empty when the history is ready
    QString dataDir() const { return m_dir.path(); }
    HistoryStore *store() const { return m_store.get(); }
    const HistoryGenerator::Result &generated() const { return m_generated; }
    QString conversationId() const { return m_generated.conversationId; }
    double generationS() const { return m_generationS; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_store;
    HistoryGenerator::Result m_generated;
    double m_generationS = 0.0;
    QString m_error;
};
