#pragma once

// What HistoryDatabase's source files share: time stamps as stored, and prepared statements.

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace HistoryStatement {

// Stored as milliseconds since the epoch; an invalid time is stored as now.
inline qint64 toMs(const QDateTime &when)
{
    return when.isValid() ? when.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

inline QDateTime fromMs(const QVariant &value)
{
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong());
}

// A prepared statement with its values bound in order; exec() says whether it ran.
class Statement
{
public:
    Statement(QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
        : m_query(db)
    {
        m_query.setForwardOnly(true);
        m_ok = m_query.prepare(sql);
        for (const QVariant &value : values) {
            // A null QString binds as SQL NULL: the text columns are NOT NULL, "" is meant.
            if (value.typeId() == QMetaType::QString && value.toString().isNull())
                m_query.addBindValue(QString(QLatin1String("")));
            else
                m_query.addBindValue(value);
        }
    }
    bool exec()
    {
        m_ok = m_ok && m_query.exec();
        return m_ok;
    }
    QSqlQuery &query() { return m_query; }
    QString error() const { return m_query.lastError().text(); }

private:
    QSqlQuery m_query;
    bool m_ok = false;
};

} // namespace HistoryStatement
