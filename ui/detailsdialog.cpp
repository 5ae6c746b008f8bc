#include "detailsdialog.h"
#include "toplevelwindow.h"

#include "chat/providerprofile.h"
#include "viewpalette.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

QString escaped(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}

QLocale numberLocale()
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

QString number(qint64 value)
{
    return numberLocale().toString(value);
}

QString stateName(ImageAsset::State state)
{
    switch (state) {
    case ImageAsset::State::Pending:
        return DetailsDialog::tr("pending");
    case ImageAsset::State::Partial:
        return DetailsDialog::tr("preview");
    case ImageAsset::State::Final:
        return DetailsDialog::tr("final");
    case ImageAsset::State::Failed:
        return DetailsDialog::tr("failed");
    }
    return {};
}

bool isUnset(const QString &value)
{
    return value.isEmpty() || value.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0;
}

// Builds the HTML in pieces; rows are label/value pairs in a two-column table.
class Html
{
public:
    explicit Html(const QPalette &palette)
        : m_palette(palette)
    {
    }

    void heading(const QString &title)
    {
        m_html += QStringLiteral("<h3 style='margin-top:14px; margin-bottom:4px'>%1</h3>")
                      .arg(escaped(title));
    }
    void paragraph(const QString &text)
    {
        m_html += QStringLiteral("<p style='margin-top:0'>%1</p>").arg(escaped(text));
    }
    void beginTable() { m_html += QStringLiteral("<table cellspacing='0' cellpadding='3'>"); }
    void endTable() { m_html += QStringLiteral("</table>"); }
    void row(const QString &label, const QString &value)
    {
        if (value.isEmpty())
            return;
        m_html += QStringLiteral("<tr><td style='color:%1; padding-right:14px'>%2</td>"
                                 "<td>%3</td></tr>")
                      .arg(ViewPalette::secondaryText(m_palette).name(), escaped(label),
                           escaped(value));
    }
    void headerRow(const QStringList &cells)
    {
        m_html += QStringLiteral("<tr>");
        for (const QString &cell : cells)
            m_html += QStringLiteral("<td style='color:%1; padding-right:14px'><b>%2</b></td>")
                          .arg(ViewPalette::secondaryText(m_palette).name(), escaped(cell));
        m_html += QStringLiteral("</tr>");
    }
    void compareRow(const QString &label, const QString &requested, const QString &actual,
                    bool differs)
    {
        const QString background = differs ? ViewPalette::mix(m_palette.color(QPalette::Base),
                                                              ViewPalette::warning(m_palette), 0.22)
                                                 .name()
                                           : QString();
        const QString cell = background.isEmpty()
            ? QStringLiteral("<td style='padding-right:14px'>%1</td>")
            : QStringLiteral("<td style='padding-right:14px' bgcolor='") + background
                + QStringLiteral("'><b>%1</b></td>");
        m_html += QStringLiteral("<tr><td style='color:%1; padding-right:14px'>%2</td>")
                      .arg(ViewPalette::secondaryText(m_palette).name(), escaped(label))
            + cell.arg(escaped(requested.isEmpty() ? QStringLiteral("—") : requested))
            + cell.arg(escaped(actual.isEmpty() ? QStringLiteral("—") : actual))
            + QStringLiteral("</tr>");
    }
    QString html() const { return m_html; }

private:
    const QPalette &m_palette;
    QString m_html;
};

void parameterTable(Html &html, const ImageParams &requested, const ImageReport *report,
                    QStringList *differing)
{
    struct Parameter
    {
        QString label;
        QString requested;
        QString actual;
    };
    const QList<Parameter> parameters {
        { DetailsDialog::tr("Image model"), requested.imageModel, {} },
        { DetailsDialog::tr("Size"), requested.effectiveSize(), report ? report->size : QString() },
        { DetailsDialog::tr("Aspect ratio"), requested.aspectRatio, {} },
        { DetailsDialog::tr("Quality"), requested.quality, report ? report->quality : QString() },
        { DetailsDialog::tr("Background"), requested.background,
          report ? report->background : QString() },
        { DetailsDialog::tr("Output format"), requested.outputFormat,
          report ? report->outputFormat : QString() },
        { DetailsDialog::tr("Compression"),
          requested.compressionApplies() ? QString::number(requested.outputCompression) : QString(),
          {} },
        { DetailsDialog::tr("Action"), requested.action, report ? report->action : QString() },
        { DetailsDialog::tr("Moderation"), requested.moderation, {} },
        { DetailsDialog::tr("Input fidelity"), requested.inputFidelity, {} },
        { DetailsDialog::tr("Partial previews"), QString::number(requested.partialImages), {} },
    };
    html.beginTable();
    html.headerRow({ DetailsDialog::tr("Parameter"), DetailsDialog::tr("Requested"),
                     DetailsDialog::tr("Actual") });
    for (const Parameter &parameter : parameters) {
        if (parameter.requested.isEmpty() && parameter.actual.isEmpty())
            continue;
        // "auto" resolved to a value is the gateway choosing, not ignoring a request.
        const bool differs = !isUnset(parameter.requested) && !parameter.actual.isEmpty()
            && parameter.requested.compare(parameter.actual, Qt::CaseInsensitive) != 0;
        if (differs && differing && !differing->contains(parameter.label))
            differing->append(parameter.label);
        html.compareRow(parameter.label, parameter.requested, parameter.actual, differs);
    }
    html.endTable();
}

} // namespace

QString DetailsDialog::html(const Turn &turn, const QList<ImageAsset> &images,
                            const QPalette &palette, QStringList *differing)
{
    Html html(palette);
    html.heading(tr("Prompt"));
    html.paragraph(turn.prompt.isEmpty() ? tr("(no prompt)") : turn.prompt);

    html.heading(tr("Response"));
    html.beginTable();
    html.row(tr("Status"), Turn::statusText(turn.status));
    html.row(tr("Message"), turn.errorMessage);
    // Its name where Easel knows it ("Custom endpoint (custom)"), not only the id (found by QA).
    const QString builtInName = ProviderProfile::builtIn(turn.providerId).displayName;
    html.row(tr("Provider"),
             builtInName.isEmpty() ? turn.providerId
                                   : tr("%1 (%2)").arg(builtInName, turn.providerId));
    html.row(tr("Chat model"), turn.chatModel);
    html.row(tr("Response id"), turn.responseId);
    html.row(tr("Turn id"), turn.id);
    if (turn.startedAt.isValid())
        html.row(tr("Started"), QLocale().toString(turn.startedAt, QLocale::LongFormat));
    if (turn.durationMs >= 0)
        html.row(tr("Duration"),
                 tr("%1 s").arg(numberLocale().toString(turn.durationMs / 1000.0, 'f', 1)));
    if (!turn.attachments.isEmpty()) {
        QStringList files;
        for (const Attachment &attachment : turn.attachments)
            files << attachment.filePath;
        html.row(tr("Reference images"), files.join(QLatin1Char('\n')));
    }
    // What an edit turn edited and through which mask (QA: nothing named either).
    if (!turn.editOf.isNull())
        html.row(tr("Edited image"),
                 tr("%1 of turn %2").arg(turn.editOf.itemId, turn.editOf.turnId));
    html.row(tr("Mask"), turn.maskPath);
    html.endTable();

    if (images.isEmpty()) {
        html.heading(tr("Parameters"));
        parameterTable(html, turn.requested, nullptr, differing);
    }
    for (int i = 0; i < images.size(); ++i) {
        const ImageAsset &image = images.at(i);
        html.heading(images.size() == 1 ? tr("Image") : tr("Image %1").arg(i + 1));
        if (!image.report.revisedPrompt.isEmpty()) {
            html.beginTable();
            html.row(tr("Revised prompt"), image.report.revisedPrompt);
            html.endTable();
        }
        parameterTable(html, turn.requested, &image.report, differing);
        html.beginTable();
        html.row(tr("Item id"), image.itemId);
        html.row(tr("State"), stateName(image.state));
        if (image.state == ImageAsset::State::Partial && image.partialIndex >= 0)
            html.row(tr("Preview"), QString::number(image.partialIndex + 1));
        html.row(tr("Hash (SHA-256)"), image.hash);
        html.row(tr("File"), image.filePath);
        if (image.pixelSize.isValid())
            html.row(tr("Pixels"),
                     tr("%1 × %2").arg(image.pixelSize.width()).arg(image.pixelSize.height()));
        if (image.byteSize > 0)
            html.row(tr("Bytes"),
                     tr("%1 (%2)").arg(number(image.byteSize),
                                       QLocale().formattedDataSize(image.byteSize)));
        html.row(tr("Type"), image.mimeType);
        html.row(tr("Source URL"), image.sourceUrl);
        html.row(tr("Error"), image.error);
        html.endTable();
    }

    const Usage &usage = turn.usage;
    html.heading(tr("Usage"));
    html.beginTable();
    html.row(tr("Input tokens"), number(usage.inputTokens));
    html.row(tr("Cached input tokens"), number(usage.cachedInputTokens));
    html.row(tr("Output tokens"), number(usage.outputTokens));
    html.row(tr("Reasoning tokens"), number(usage.reasoningTokens));
    if (usage.hasImageTokens) {
        html.row(tr("Image input text tokens"), number(usage.imageInputTextTokens));
        html.row(tr("Image input image tokens"), number(usage.imageInputImageTokens));
        html.row(tr("Image output tokens"), number(usage.imageOutputTokens));
    }
    if (usage.billedCostUsd)
        html.row(tr("Cost reported by the gateway"), Cost::formatUsd(*usage.billedCostUsd));
    html.endTable();

    html.heading(tr("Cost"));
    html.beginTable();
    if (!turn.cost.isKnown() && !turn.isRunning() && !turn.mayBeBilled()) {
        // Refused before the gateway took it (a 401, a 429, no connection): "cost unknown"
        // would suggest a charge that nothing points to (found by QA).
        html.row(tr("Cost"), tr("none expected: the gateway did not take the request"));
    } else {
        html.row(tr("Cost"), turn.cost.formatted());
        html.row(tr("Basis"), Cost::basisText(turn.cost.basis));
    }
    html.row(tr("Note"), turn.cost.note);
    html.endTable();
    return html.html();
}

DetailsDialog::DetailsDialog(const Turn &turn, const ImageAsset &image, QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
    , m_turn(turn)
{
    setObjectName(QStringLiteral("detailsDialog"));
    const bool oneImage = !image.itemId.isEmpty() || !image.filePath.isEmpty();
    setWindowTitle(oneImage ? tr("Image Details") : tr("Turn Details"));
    resizeToFitScreen(this, QSize(640, 720));

    m_browser->setObjectName(QStringLiteral("detailsText"));
    m_browser->setAccessibleName(oneImage ? tr("Image details") : tr("Turn details"));
    m_browser->setToolTip(tr("What was asked, what the gateway reports it used, and what it cost; "
                             "select text to copy it"));
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_browser->document()->setDocumentMargin(16);
    m_images = oneImage ? QList<ImageAsset> { image } : turn.images;
    fill();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy All"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyDetailsButton"));
    copy->setToolTip(tr("Copy all these details to the clipboard as plain text"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(plainText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 10);
    layout->addWidget(m_browser, 1);
    auto *buttonRow = new QVBoxLayout;
    buttonRow->setContentsMargins(12, 0, 12, 0);
    buttonRow->addWidget(buttons);
    layout->addLayout(buttonRow);
}

void DetailsDialog::fill()
{
    m_differing.clear();
    m_browser->setHtml(html(m_turn, m_images, palette(), &m_differing));
}

void DetailsDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    // The HTML holds colours made from the palette: made again when the theme switches, where
    // the designer had scrolled to.
    if (event->type() == QEvent::PaletteChange && m_browser) {
        const int scrolled = m_browser->verticalScrollBar()->value();
        fill();
        m_browser->verticalScrollBar()->setValue(scrolled);
    }
}

QString DetailsDialog::plainText() const
{
    return m_browser->toPlainText();
}
