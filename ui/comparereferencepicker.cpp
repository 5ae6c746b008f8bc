#include "comparereferencepicker.h"

#include "attachmentstrip.h"
#include "filedialogs.h"
#include "imagefilecheck.h"
#include "palettetint.h"
#include "viewpalette.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace {

QString nameOf(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    return name.isEmpty() ? path : name;
}

} // namespace

CompareReferencePicker::CompareReferencePicker(QWidget *parent)
    : QWidget(parent)
    , m_strip(new AttachmentStrip(this))
    , m_add(new QPushButton(tr("Add Reference Images…"), this))
    , m_addAction(new QAction(tr("Add Reference Images…"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("compareReferences"));
    // No mask is drawn here: a stored run's comes with it, and can only be removed.
    m_strip->setMaskDrawingOffered(false);

    m_add->setObjectName(QStringLiteral("compareAddReferencesButton"));
    m_add->setAccessibleName(tr("Add reference images"));
    m_add->setToolTip(tr("Images every cell is sent with, for the model to work from "
                         "(Ctrl+Shift+A); you can also drop image files on this panel"));
    connect(m_add, &QPushButton::clicked, this, &CompareReferencePicker::chooseFiles);
    // The composer's key for the same thing, while the focus is in the panel (takeDropsOn).
    m_addAction->setObjectName(QStringLiteral("compareAddReferencesAction"));
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_addAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_addAction, &QAction::triggered, this, &CompareReferencePicker::chooseFiles);
    addAction(m_addAction);

    auto *hint = new QLabel(tr("or drop images here"), this);
    PaletteTint::apply(hint, ViewPalette::secondaryText);

    m_status->setObjectName(QStringLiteral("compareReferencesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_add);
    row->addWidget(hint, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_strip);
    layout->addLayout(row);
    layout->addWidget(m_status);

    connect(m_strip, &AttachmentStrip::attachmentsChanged, this, [this] {
        clearStatus(); // what it said was about other files
        if (!m_maskPath.isEmpty()) {
            const QString masked = m_strip->maskedFile();
            if (m_strip->count() != 1 || !m_strip->contains(masked)) {
                // A mask edits exactly one image: it goes with its image, or once others join.
                m_maskPath.clear();
                m_strip->setMaskedFile({}, {});
                if (m_strip->contains(masked))
                    showNote(tr("The mask of %1 was removed: a mask goes with one reference "
                                "image only.")
                                 .arg(nameOf(masked)));
            }
        }
        Q_EMIT filesChanged();
    });
    connect(m_strip, &AttachmentStrip::maskRemoved, this, [this] {
        m_maskPath.clear();
        m_strip->setMaskedFile({}, {});
        Q_EMIT filesChanged();
    });
}

QStringList CompareReferencePicker::files() const
{
    QStringList paths;
    for (const Attachment &attachment : m_strip->attachments())
        paths << attachment.filePath;
    return paths;
}

void CompareReferencePicker::setFiles(const QStringList &files, const QString &maskPath)
{
    if (files == this->files() && maskPath == m_maskPath)
        return;
    {
        const QSignalBlocker blocker(m_strip); // one filesChanged for the lot
        m_strip->clear();
        for (const QString &path : files)
            m_strip->add({ path, ImageFileCheck::mimeType(path) });
        m_maskPath = files.isEmpty() ? QString() : maskPath;
        m_strip->setMaskedFile(m_maskPath.isEmpty() ? QString() : files.constFirst(),
                               nameOf(m_maskPath));
    }
    clearStatus();
    Q_EMIT filesChanged();
}

bool CompareReferencePicker::addFile(const QString &path, QString *error)
{
    const QString problem = tryAdd(path);
    if (problem.isEmpty())
        return true;
    if (error)
        *error = problem;
    showError(problem);
    Q_EMIT refused(problem);
    return false;
}

void CompareReferencePicker::addFiles(const QStringList &paths)
{
    // Every refusal is said, after the additions (each of which clears the line).
    QStringList problems;
    for (const QString &path : paths) {
        const QString problem = tryAdd(path);
        if (!problem.isEmpty())
            problems << problem;
    }
    if (problems.isEmpty())
        return;
    showError(problems.join(QLatin1Char(' ')));
    for (const QString &problem : std::as_const(problems))
        Q_EMIT refused(problem);
}

QString CompareReferencePicker::tryAdd(const QString &path)
{
    // Only the header is read here; the run reads, checks and scales the images off the GUI
    // thread before anything is sent.
    QString reason;
    const QString mimeType = ImageFileCheck::mimeType(path, &reason);
    if (mimeType.isEmpty())
        return tr("%1 cannot be added: %2.").arg(nameOf(path), reason);
    m_strip->add({ QFileInfo(path).absoluteFilePath(), mimeType });
    return {};
}

void CompareReferencePicker::removeAt(int index)
{
    m_strip->removeAt(index);
}

void CompareReferencePicker::chooseFiles()
{
    if (!m_editable)
        return;
    const QStringList chosen = FileDialogs::getOpenImageFileNames(this, tr("Add Reference Images"));
    addFiles(chosen); // none: cancelled
}

void CompareReferencePicker::takeDropsOn(QWidget *area)
{
    area->setAcceptDrops(true); // drags over widgets that take none end here
    area->installEventFilter(this);
    area->addAction(m_addAction);
    // Text fields take drops themselves (a file manager's drag carries the path as text too).
    for (QWidget *child : area->findChildren<QWidget *>()) {
        auto *scrollArea = qobject_cast<QAbstractScrollArea *>(child->parentWidget());
        if (child->acceptDrops() || (scrollArea && scrollArea->viewport() == child))
            child->installEventFilter(this);
    }
}

void CompareReferencePicker::setEditable(bool editable)
{
    m_editable = editable;
    m_add->setEnabled(editable);
    m_addAction->setEnabled(editable);
    m_strip->setRemovable(editable);
}

QString CompareReferencePicker::recheck() const
{
    for (const QString &path : files()) {
        QString reason;
        if (ImageFileCheck::mimeType(path, &reason).isEmpty())
            return tr("Reference image %1 cannot be sent: %2.").arg(nameOf(path), reason);
    }
    return {};
}

void CompareReferencePicker::showNote(const QString &text)
{
    showStatus(text, false);
}

void CompareReferencePicker::showError(const QString &text)
{
    showStatus(text, true);
}

void CompareReferencePicker::clearStatus()
{
    showStatus({}, false);
}

QString CompareReferencePicker::statusText() const
{
    return m_status->text();
}

void CompareReferencePicker::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    // Made from the palette again when the theme switches, not fixed now.
    PaletteTint::apply(m_status,
                       error ? PaletteTint::Colour(ViewPalette::error)
                             : PaletteTint::Colour(ViewPalette::secondaryText));
    m_status->setVisible(!text.isEmpty());
}

void CompareReferencePicker::setImageCache(ImageCache *cache)
{
    m_strip->setImageCache(cache);
}

bool CompareReferencePicker::eventFilter(QObject *watched, QEvent *event)
{
    if (handleDrag(event))
        return true;
    return QWidget::eventFilter(watched, event);
}

bool CompareReferencePicker::handleDrag(QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return false;
    auto *drop = static_cast<QDropEvent *>(event);
    if (ImageFileCheck::localFiles(drop->mimeData()).isEmpty())
        return false; // text and the like: the widget's own
    if (!m_editable) {
        drop->ignore(); // not into the prompt as a path either
        return true;
    }
    const QStringList files = ImageFileCheck::acceptLocalFiles(drop);
    if (type == QEvent::Drop)
        addFiles(files);
    return true;
}
