#include "historyfixture.h"

#include "store/historystore.h"
#include "store/settings.h"

#include <QElapsedTimer>

#include <cstdio>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

HistoryFixture::HistoryFixture(int turns)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder: ") + m_dir.errorString();
        return;
    }
    m_store = std::make_unique<HistoryStore>(m_dir.filePath(QStringLiteral("history.sqlite")));
    const HistoryStore::OpenResult opened = m_store->open().result();
    if (!opened.ok) {
        m_error = QStringLiteral("the history store did not open: ") + opened.error;
        return;
    }
    std::fprintf(stderr, "history: generating %d turns with images...\n", turns);
    QElapsedTimer generation;
    generation.start();
    m_generated
        = HistoryGenerator::fill(m_store.get(), m_dir.filePath(QStringLiteral("images")), turns);
    if (!m_generated.error.isEmpty()) {
        m_error = m_generated.error;
        return;
    }
    if (m_store->turns(m_generated.conversationId).result().size() != turns) {
        m_error = QStringLiteral("the store did not give back the %1 turns saved").arg(turns);
        return;
    }
    m_generationS = generation.elapsed() / 1000.0;
    Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
    settings.setValue(Settings::lastConversation, m_generated.conversationId);
    settings.sync();
#if defined(__GLIBC__)
    malloc_trim(0); // what the generator freed goes back before any window is measured
#endif
}

HistoryFixture::~HistoryFixture() = default;
