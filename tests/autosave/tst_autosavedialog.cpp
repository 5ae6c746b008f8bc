// Settings > Saving offscreen: whether saved images carry the settings, then auto-save; what it
// shows, what OK and Cancel write, the live file-name preview, the folder validation, and that the
// real MainWindow opens it from its Settings menu.
#include "autosavedialog.h"
#include "chat/chatsession.h"
#include "demo/demogateway.h"
#include "filedialogs.h"
#include "mainwindow.h"
#include "store/filenametemplate.h"
#include "store/settings.h"
#include "viewpalette.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestAutoSaveDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        QVERIFY(m_dir->isValid());
        m_ini = m_dir->path() + QStringLiteral("/settings.ini");
        m_settings.reset(new Settings(m_ini));
    }

    void cleanup()
    {
        m_settings.reset();
        m_dir.reset();
    }

    void defaultsAreShownOff()
    {
        AutoSaveDialog dialog(m_settings.get());
        QCOMPARE(dialog.objectName(), QStringLiteral("autoSaveDialog"));
        QVERIFY(!dialog.isModal());
        auto *check = dialog.findChild<QCheckBox *>(QStringLiteral("autoSaveCheck"));
        auto *folder = dialog.findChild<QLineEdit *>(QStringLiteral("autoSaveFolderEdit"));
        auto *pattern = dialog.findChild<QLineEdit *>(QStringLiteral("autoSaveTemplateEdit"));
        auto *preview = dialog.findChild<QLabel *>(QStringLiteral("autoSavePreview"));
        QVERIFY(check && folder && pattern && preview);
        QVERIFY(!check->isChecked());
        QVERIFY(folder->text().isEmpty());
        // Saved images carry the prompt and settings unless the designer says otherwise.
        auto *embed = dialog.findChild<QCheckBox *>(QStringLiteral("embedSettingsCheck"));
        QVERIFY(embed && embed->isChecked());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("embedSettingsNote"))
                    ->text()
                    .contains(QLatin1String("Content Credentials")));
        QCOMPARE(pattern->text(), QString::fromLatin1(FileNameTemplate::defaultTemplate));
        // The preview says what the default template gives, and so does an emptied field.
        QCOMPARE(
            preview->text(),
            AutoSaveDialog::previewFor(QString::fromLatin1(FileNameTemplate::defaultTemplate)));
        QVERIFY(preview->text().endsWith(QLatin1String(".png")));
        // The sample prompt's first words, cut at a word before 40 characters, comma dropped.
        QVERIFY2(preview->text().endsWith(
                     QLatin1String("_a lighthouse on a cliff at dusk_gpt-image-1_high_01.png")),
                 qPrintable(preview->text()));
        const QString shown = preview->text();
        pattern->clear();
        QCOMPARE(preview->text().right(30), shown.right(30));
        QVERIFY(dialog.problem().isEmpty()); // off needs no folder
        QVERIFY(okButton(dialog)->isEnabled());
    }

    void shownValuesComeFromSettings()
    {
        m_settings->setValue(Settings::autoSaveEnabled, true);
        m_settings->setValue(Settings::autoSaveFolder, m_dir->path());
        m_settings->setValue(Settings::autoSaveTemplate, QStringLiteral("{model}_{n}.{ext}"));
        AutoSaveDialog dialog(m_settings.get());
        QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("autoSaveCheck"))->isChecked());
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("autoSaveFolderEdit"))->text(),
                 m_dir->path());
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("autoSavePreview"))->text(),
                 QStringLiteral("gpt-image-1_01.png"));
    }

    void everyControlHasAccessibleNameAndTooltip()
    {
        AutoSaveDialog dialog(m_settings.get());
        const QList<QWidget *> widgets = dialog.findChildren<QWidget *>();
        int checked = 0;
        for (QWidget *w : widgets) {
            const bool control = qobject_cast<QLineEdit *>(w) || qobject_cast<QCheckBox *>(w)
                || qobject_cast<QPushButton *>(w) || qobject_cast<QLabel *>(w);
            if (!control || (w->objectName().isEmpty() && qobject_cast<QLabel *>(w)))
                continue; // form row captions are plain labels
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
            ++checked;
        }
        QVERIFY(checked >= 8);
    }

    void enablingThenOkWritesTheKeys()
    {
        const QString folder = m_dir->path() + QStringLiteral("/out/new"); // made when saving
        AutoSaveDialog dialog(m_settings.get());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.findChild<QCheckBox *>(QStringLiteral("autoSaveCheck"))->setChecked(true);
        QVERIFY(!dialog.problem().isEmpty()); // on with no folder yet
        QVERIFY(!okButton(dialog)->isEnabled());

        FileDialogs::setNextDirectory(folder);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("autoSaveChooseButton")),
                          Qt::LeftButton);
        QCOMPARE(QDir::fromNativeSeparators(
                     dialog.findChild<QLineEdit *>(QStringLiteral("autoSaveFolderEdit"))->text()),
                 folder);
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        QVERIFY(okButton(dialog)->isEnabled());
        auto *pattern = dialog.findChild<QLineEdit *>(QStringLiteral("autoSaveTemplateEdit"));
        pattern->clear();
        QTest::keyClicks(pattern, QStringLiteral("{date}-{n}.{ext}"));
        QTest::mouseClick(dialog.findChild<QCheckBox *>(QStringLiteral("embedSettingsCheck")),
                          Qt::LeftButton);

        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        QVERIFY(!QFileInfo::exists(folder)); // validation creates nothing

        const QSettings stored(m_ini, QSettings::IniFormat); // what is on disk, not in memory
        QCOMPARE(stored.value(QLatin1String(Settings::autoSaveEnabled.name)).toBool(), true);
        QCOMPARE(stored.value(QLatin1String(Settings::autoSaveFolder.name)).toString(), folder);
        QCOMPARE(stored.value(QLatin1String(Settings::autoSaveTemplate.name)).toString(),
                 QStringLiteral("{date}-{n}.{ext}"));
        QCOMPARE(stored.value(QLatin1String(Settings::embedSettingsInImages.name)).toBool(), false);
        QCOMPARE(m_settings->value(Settings::embedSettingsInImages), false);
    }

    // The default pattern is stored as "", so that it follows Easel's default when that changes;
    // a setting holding the default of earlier versions (the dialog stored what it showed) is
    // shown as today's default.
    void defaultIsStoredAsNoPattern()
    {
        m_settings->setValue(Settings::autoSaveTemplate,
                             QString::fromLatin1(FileNameTemplate::earlierDefaultTemplate));
        m_settings->sync();
        AutoSaveDialog dialog(m_settings.get());
        auto *pattern = dialog.findChild<QLineEdit *>(QStringLiteral("autoSaveTemplateEdit"));
        QCOMPARE(pattern->text(), QString::fromLatin1(FileNameTemplate::defaultTemplate));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        const QSettings stored(m_ini, QSettings::IniFormat);
        QCOMPARE(stored.value(QLatin1String(Settings::autoSaveTemplate.name)).toString(),
                 QString());
    }

    void cancelWritesNothing()
    {
        AutoSaveDialog dialog(m_settings.get());
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        dialog.findChild<QCheckBox *>(QStringLiteral("autoSaveCheck"))->setChecked(true);
        dialog.findChild<QLineEdit *>(QStringLiteral("autoSaveFolderEdit"))->setText(m_dir->path());
        dialog.findChild<QLineEdit *>(QStringLiteral("autoSaveTemplateEdit"))
            ->setText(QStringLiteral("{hash}.{ext}"));
        dialog.findChild<QCheckBox *>(QStringLiteral("embedSettingsCheck"))->setChecked(false);
        auto *box = dialog.findChild<QDialogButtonBox *>();
        QTest::mouseClick(box->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QCOMPARE(rejected.count(), 1);
        m_settings->sync();
        const QSettings stored(m_ini, QSettings::IniFormat);
        QVERIFY(stored.allKeys().isEmpty());
        QCOMPARE(m_settings->value(Settings::autoSaveEnabled), false);
        QCOMPARE(m_settings->value(Settings::embedSettingsInImages), true);
    }

    void previewFollowsTheTemplate_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("expected");
        QTest::newRow("model and n") << "{model}_{n}.{ext}"
                                     << "gpt-image-1_01.png";
        QTest::newRow("quality size") << "{quality}-{size}.{ext}"
                                      << "high-1024x1024.png";
        QTest::newRow("hash") << "{hash}.{ext}"
                              << "9f86d081884c.png";
        QTest::newRow("unknown field kept") << "{modle}.{ext}"
                                            << "{modle}.png";
        QTest::newRow("no path") << "a/b.{ext}"
                                 << "a_b.png";
        // The save adds the image's extension to a pattern without one, and so does the preview
        // (found by QA).
        QTest::newRow("no extension") << "{quality}"
                                      << "high.png";
        QTest::newRow("a dot, no extension") << "v1.2 {quality}"
                                             << "v1.2 high.png";
    }

    void previewFollowsTheTemplate()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, expected);
        AutoSaveDialog dialog(m_settings.get());
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("autoSaveTemplateEdit"));
        auto *preview = dialog.findChild<QLabel *>(QStringLiteral("autoSavePreview"));
        const QString before = preview->text();
        edit->setText(pattern);
        QCOMPARE(preview->text(), expected);
        QVERIFY(preview->text() != before);
    }

    void unusableFolderKeepsOkDisabled_data()
    {
        QTest::addColumn<QString>("relative"); // under the temp dir; "" = leave empty
        QTest::addColumn<QString>("mentions");
        QTest::newRow("under a regular file") << "file.txt/sub"
                                              << "is a file";
        QTest::newRow("the file itself") << "file.txt"
                                         << "is a file";
        QTest::newRow("deep under a file") << "file.txt/a/b/c"
                                           << "is a file";
        QTest::newRow("no folder") << ""
                                   << "Choose a folder";
    }

    void unusableFolderKeepsOkDisabled()
    {
        QFETCH(QString, relative);
        QFETCH(QString, mentions);
        QFile file(m_dir->path() + QStringLiteral("/file.txt"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a folder");
        file.close();

        AutoSaveDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *folder = dialog.findChild<QLineEdit *>(QStringLiteral("autoSaveFolderEdit"));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("autoSaveProblem"));
        QVERIFY(problem);
        dialog.findChild<QCheckBox *>(QStringLiteral("autoSaveCheck"))->setChecked(true);
        folder->setText(relative.isEmpty() ? QString() : m_dir->path() + u'/' + relative);

        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(mentions), qPrintable(problem->text()));
        // In the error colour made from the palette (a fixed style sheet cannot follow a theme).
        QCOMPARE(problem->palette().color(QPalette::WindowText),
                 ViewPalette::error(dialog.palette()));
        QVERIFY(!okButton(dialog)->isEnabled());
        dialog.accept(); // even forced, nothing is written and the dialog stays
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        QVERIFY(QSettings(m_ini, QSettings::IniFormat).allKeys().isEmpty());

        // Turning auto-save off needs no folder at all.
        dialog.findChild<QCheckBox *>(QStringLiteral("autoSaveCheck"))->setChecked(false);
        QVERIFY(!problem->isVisible());
        QVERIFY(okButton(dialog)->isEnabled());
    }

    void narrowDialogShowsEveryLineOfItsLabels()
    {
        // Found by QA: reopened narrow, the dialog did not grow when the folder's problem
        // appeared, and the list of template fields lost its first and last lines.
        // The file in a folder with a long name: the problem, which names it, must wrap at the
        // dialog's narrowest, which the file-name preview sets (a short name fitted on one line
        // at times, by the width of the temporary folder's random letters).
        const QString parent = m_dir->path()
            + QStringLiteral("/a folder with a name long enough to wrap the problem it is in");
        QVERIFY(QDir().mkpath(parent));
        QFile file(parent + QStringLiteral("/file.txt"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        AutoSaveDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.resize(dialog.minimumWidth(), dialog.minimumHeight());
        auto *legend = dialog.findChild<QLabel *>(QStringLiteral("autoSaveLegend"));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("autoSaveProblem"));
        QVERIFY(legend && problem);
        const auto wholeLabels = [&] {
            for (QLabel *label : { legend, problem }) {
                if (label->isVisible() && label->height() < label->heightForWidth(label->width()))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY(wholeLabels());
        dialog.findChild<QCheckBox *>(QStringLiteral("autoSaveCheck"))->setChecked(true);
        dialog.findChild<QLineEdit *>(QStringLiteral("autoSaveFolderEdit"))
            ->setText(parent + QStringLiteral("/file.txt/a/rather/long/path/under/a/file"));
        QVERIFY(problem->isVisible());
        QTRY_VERIFY(wholeLabels());
        QVERIFY(problem->height() > problem->fontMetrics().height()); // it did wrap
        // Made narrower by hand it keeps them whole too.
        dialog.resize(dialog.minimumWidth(), dialog.minimumHeight());
        QTRY_VERIFY(wholeLabels());
    }

    void menuActionOpensTheDialog()
    {
        DemoGateway demo;
        QVERIFY(demo.start());
        ChatSession::Options options;
        options.imageRoot = m_dir->path() + QStringLiteral("/images");
        options.previewRoot = m_dir->path() + QStringLiteral("/previews");
        ChatSession session(ProviderProfile::demo(demo.baseUrl()), options);
        MainWindow window(&session, m_settings.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *action = window.findChild<QAction *>(QStringLiteral("autoSaveAction"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("&Saving…"));
        QVERIFY(action->isEnabled());
        QVERIFY(!window.findChild<AutoSaveDialog *>());
        action->trigger();
        auto *dialog = window.findChild<AutoSaveDialog *>(QStringLiteral("autoSaveDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // A second trigger reuses the open dialog rather than stacking another.
        action->trigger();
        QCOMPARE(window.findChildren<AutoSaveDialog *>().size(), 1);
        dialog->reject();
    }

private:
    static QPushButton *okButton(AutoSaveDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    QString m_ini;
};

QTEST_MAIN(TestAutoSaveDialog)
#include "tst_autosavedialog.moc"
