#pragma once

#include <QList>
#include <QString>

struct Turn;

// The history stores the absolute paths of the files a turn shows: its images (the image store),
// its pasted reference pictures and masks (the pasted and masks folders beside the image store)
// and a stopped turn's last preview (the preview cache). A data folder moved, or restored on
// another computer or under another user name, still holds those files under the same names but
// at another place: a stored path that is gone is looked for at the same place under the folders
// in use. Paths elsewhere (a reference image picked from the designer's own folders) are left as
// they are, and so is a file that is really gone, so that the turn says it is missing.
class StoredPaths
{
public:
    StoredPaths() = default; // resolves nothing
    StoredPaths(const QString &imageRoot, const QString &previewRoot);

    // The path to use for `stored`; without a disk access when it is in a folder in use.
    QString resolve(const QString &stored) const;
    void resolve(Turn *turn) const;

private:
    struct Folder
    {
        QString name; // "images": the last part of the folder's path
        QString path; // where it is now, with a trailing '/'
    };
    QList<Folder> m_folders;
};
