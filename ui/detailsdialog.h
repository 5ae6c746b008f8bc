#pragma once

#include "model/turn.h"

#include <QDialog>
#include <QStringList>

class QTextBrowser;

// Everything known about a turn, or one image of it, as read-only selectable text: the prompt and
// the revised prompt, the requested parameters beside the ones the gateway reports it used (with
// the differences marked), the ids, the stored file, the usage and the cost with its basis.
class DetailsDialog : public QDialog
{
    Q_OBJECT
public:
    // With a default `image` (no item id and no file), every image of the turn is described.
    explicit DetailsDialog(const Turn &turn, const ImageAsset &image = {},
                           QWidget *parent = nullptr);

    // What the dialog shows, as plain text (also what "Copy All" puts on the clipboard).
    QString plainText() const;
    // Names of the parameters whose reported value differs from an explicit request.
    QStringList differingParameters() const { return m_differing; }

    // The document shown, as HTML; palette-aware colours for the difference marks.
    static QString html(const Turn &turn, const QList<ImageAsset> &images, const QPalette &palette,
                        QStringList *differing = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();

    QTextBrowser *m_browser = nullptr;
    Turn m_turn;
    QList<ImageAsset> m_images;
    QStringList m_differing;
};
