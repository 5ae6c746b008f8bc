#include "parameterpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtTest>

namespace {

ImageParams paramsFrom(const QJsonObject &overrides)
{
    return ImageParams::fromJson(overrides); // missing keys keep their defaults
}

// Moves a combo to the item holding `data` with arrow keys, as a keyboard user would.
void chooseByKeyboard(QComboBox *combo, const QString &data)
{
    const int target = combo->findData(data);
    QVERIFY2(target >= 0, qPrintable(data));
    combo->setFocus();
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > target)
        QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(combo->currentIndex(), target);
}

void replaceText(QWidget *editor, const QString &text)
{
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

} // namespace

class TestParameterPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tabFollowsTheRowsAsShown();
    void tabLeavesThePanelAfterItsLastRow();
    void init();
    void cleanup();
    void controlsAreNamedAndExplained();
    void roundTrip_data();
    void roundTrip();
    void staleCustomSizeFallsBack();
    void compressionFollowsFormat_data();
    void compressionFollowsFormat();
    void customSize_data();
    void customSize();
    void oncePerUserChange_data();
    void oncePerUserChange();
    void transparentJpegWarns();
    void aspectRatioOnlyWithAutoSize();
    void costPreview();
    void setModelsKeepsChoice();

private:
    template<typename T> T *child(const char *name) const
    {
        return m_panel->findChild<T *>(QLatin1String(name));
    }

    ParameterPanel *m_panel = nullptr;
};

void TestParameterPanel::init()
{
    m_panel = new ParameterPanel;
    m_panel->resize(320, 640);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void TestParameterPanel::cleanup()
{
    delete m_panel;
    m_panel = nullptr;
}

void TestParameterPanel::controlsAreNamedAndExplained()
{
    const char *names[]
        = { "imageModelCombo",    "qualityCombo",    "sizeCombo",         "customSizeEdit",
            "aspectRatioCombo",   "backgroundCombo", "formatCombo",       "compressionSpin",
            "compressionSlider",  "moderationCombo", "partialImagesSpin", "actionCombo",
            "inputFidelityCombo", "imageOnlyCheck",  "costPreviewLabel" };
    for (const char *name : names) {
        QWidget *widget = child<QWidget>(name);
        QVERIFY2(widget, name);
        QVERIFY2(!widget->accessibleName().isEmpty(), name);
        if (qstrcmp(name, "costPreviewLabel") != 0)
            QVERIFY2(!widget->toolTip().isEmpty(), name);
    }
    QCOMPARE(child<QSpinBox>("partialImagesSpin")->maximum(), 3);
    QCOMPARE(m_panel->params().partialImages, 2);
    QVERIFY(child<QComboBox>("imageModelCombo")->isEditable());
}

void TestParameterPanel::roundTrip_data()
{
    QTest::addColumn<QJsonObject>("overrides");

    QTest::newRow("defaults") << QJsonObject();
    QTest::newRow("gpt-image-2 custom size") << QJsonObject { { "image_model", "gpt-image-2" },
                                                              { "size", "2048x1152" },
                                                              { "quality", "high" },
                                                              { "output_format", "webp" },
                                                              { "output_compression", 80 },
                                                              { "background", "transparent" } };
    QTest::newRow("aspect ratio with auto size") << QJsonObject { { "image_model", "gpt-image-1" },
                                                                  { "size", "auto" },
                                                                  { "aspect_ratio", "16:9" } };
    QTest::newRow("jpeg, every option")
        << QJsonObject { { "output_format", "jpeg" },  { "output_compression", 45 },
                         { "background", "opaque" },   { "moderation", "low" },
                         { "partial_images", 0 },      { "action", "edit" },
                         { "input_fidelity", "high" }, { "image_only", true },
                         { "quality", "low" },         { "aspect_ratio", "21:9" } };
    QTest::newRow("portrait on mini") << QJsonObject { { "image_model", "gpt-image-1-mini" },
                                                       { "size", "1024x1536" },
                                                       { "partial_images", 3 },
                                                       { "action", "generate" },
                                                       { "input_fidelity", "low" } };
    QTest::newRow("typed model name")
        << QJsonObject { { "image_model", "openai/gpt-image-1" }, { "size", "1536x1024" } };
    QTest::newRow("png keeps its compression value")
        << QJsonObject { { "output_format", "png" }, { "output_compression", 30 } };
}

void TestParameterPanel::roundTrip()
{
    QFETCH(QJsonObject, overrides);
    const ImageParams params = paramsFrom(overrides);
    QSignalSpy spy(m_panel, &ParameterPanel::paramsChanged);
    m_panel->setParams(params);
    QCOMPARE(m_panel->params().toJson(), params.toJson());
    QVERIFY(m_panel->params() == params);
    QCOMPARE(spy.count(), 0); // programmatic, not a user change

    // The controls show the values, not just the cached struct.
    QCOMPARE(child<QComboBox>("qualityCombo")->currentData().toString(), params.quality);
    QCOMPARE(child<QComboBox>("formatCombo")->currentData().toString(), params.outputFormat);
    QCOMPARE(child<QSpinBox>("compressionSpin")->value(), params.outputCompression);
    QCOMPARE(child<QSlider>("compressionSlider")->value(), params.outputCompression);
    QCOMPARE(child<QComboBox>("imageModelCombo")->currentText(), params.imageModel);
    QCOMPARE(child<QCheckBox>("imageOnlyCheck")->isChecked(), params.imageOnly);
}

void TestParameterPanel::staleCustomSizeFallsBack()
{
    // A size saved for gpt-image-2 is not valid for gpt-image-1: not applied, and explained.
    ImageParams params;
    params.imageModel = QStringLiteral("gpt-image-1");
    params.size = QStringLiteral("2048x1152");
    m_panel->setParams(params);
    QCOMPARE(m_panel->params().size, QStringLiteral("auto"));
    QVERIFY(child<QLineEdit>("customSizeEdit")->isVisible());
    QCOMPARE(child<QLineEdit>("customSizeEdit")->text(), params.size);
    auto *error = child<QLabel>("customSizeError");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), ImageParams::validateSize(params.imageModel, params.size));
}

void TestParameterPanel::compressionFollowsFormat_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<bool>("enabled");

    QTest::newRow("png -> jpeg") << "png"
                                 << "jpeg" << true;
    QTest::newRow("png -> webp") << "png"
                                 << "webp" << true;
    QTest::newRow("jpeg -> png") << "jpeg"
                                 << "png" << false;
    QTest::newRow("webp -> png") << "webp"
                                 << "png" << false;
    QTest::newRow("webp -> jpeg") << "webp"
                                  << "jpeg" << true;
}

void TestParameterPanel::compressionFollowsFormat()
{
    QFETCH(QString, start);
    QFETCH(QString, chosen);
    QFETCH(bool, enabled);
    ImageParams params;
    params.outputFormat = start;
    m_panel->setParams(params);
    auto *spin = child<QSpinBox>("compressionSpin");
    auto *slider = child<QSlider>("compressionSlider");
    QCOMPARE(spin->isEnabled(), start != QLatin1String("png"));

    chooseByKeyboard(child<QComboBox>("formatCombo"), chosen);
    QCOMPARE(m_panel->params().outputFormat, chosen);
    QCOMPARE(spin->isEnabled(), enabled);
    QCOMPARE(slider->isEnabled(), enabled);
}

void TestParameterPanel::customSize_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("applied"); // empty: rejected

    QTest::newRow("1.x knows three sizes") << "gpt-image-1"
                                           << "1536x1000"
                                           << "";
    QTest::newRow("not multiples of 16") << "gpt-image-2"
                                         << "2000x1000"
                                         << "";
    QTest::newRow("too large") << "gpt-image-2"
                               << "4096x2304"
                               << "";
    QTest::newRow("too narrow") << "gpt-image-2"
                                << "3200x1024"
                                << "";
    QTest::newRow("not a size") << "gpt-image-2"
                                << "big"
                                << "";
    QTest::newRow("valid gpt-image-2") << "gpt-image-2"
                                       << "2048x1152"
                                       << "2048x1152";
    QTest::newRow("spaces normalized") << "gpt-image-2"
                                       << "1024 x 1792"
                                       << "1024x1792";
    QTest::newRow("valid 1.x") << "gpt-image-1"
                               << "1024x1536"
                               << "1024x1536";
}

void TestParameterPanel::customSize()
{
    QFETCH(QString, model);
    QFETCH(QString, typed);
    QFETCH(QString, applied);

    ImageParams params;
    params.imageModel = model;
    params.size = QStringLiteral("1536x1024");
    m_panel->setParams(params);
    QSignalSpy spy(m_panel, &ParameterPanel::paramsChanged);

    auto *edit = child<QLineEdit>("customSizeEdit");
    auto *error = child<QLabel>("customSizeError");
    QVERIFY(!edit->isVisible());
    chooseByKeyboard(child<QComboBox>("sizeCombo"), QStringLiteral("custom"));
    // Custom starts from the current size, so choosing it changes nothing yet.
    QVERIFY(edit->isVisible());
    QCOMPARE(edit->text(), QStringLiteral("1536x1024"));
    QCOMPARE(spy.count(), 0);

    replaceText(edit, typed);
    if (applied.isEmpty()) {
        QCOMPARE(spy.count(), 0);
        QCOMPARE(m_panel->params().size, QStringLiteral("1536x1024"));
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), ImageParams::validateSize(model, typed));
        QVERIFY(!error->text().isEmpty());
        QCOMPARE(m_panel->problem(), error->text()); // the window refuses to send meanwhile
        // Another edit must not smuggle the invalid size in.
        chooseByKeyboard(child<QComboBox>("qualityCombo"), QStringLiteral("low"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(m_panel->params().size, QStringLiteral("1536x1024"));
    } else {
        QCOMPARE(spy.count(), 1);
        QCOMPARE(m_panel->params().size, applied);
        QCOMPARE(spy.at(0).at(0).value<ImageParams>().size, applied);
        QVERIFY(!error->isVisible());
        QVERIFY(m_panel->problem().isEmpty());
    }
    // Back to a size from the list: nothing shown is left unsent.
    chooseByKeyboard(child<QComboBox>("sizeCombo"), QStringLiteral("auto"));
    QVERIFY(m_panel->problem().isEmpty());
}

void TestParameterPanel::tabFollowsTheRowsAsShown()
{
    const QStringList shown { "imageModelCombo",   "qualityCombo",       "sizeCombo",
                              "customSizeEdit",    "aspectRatioCombo",   "backgroundCombo",
                              "formatCombo",       "compressionSlider",  "compressionSpin",
                              "actionCombo",       "inputFidelityCombo", "moderationCombo",
                              "partialImagesSpin", "imageOnlyCheck" };
    QStringList chain;
    QWidget *widget = m_panel->findChild<QWidget *>(shown.first());
    for (int step = 0; widget && step < 200 && chain.size() < shown.size(); ++step) {
        if (shown.contains(widget->objectName()) && !chain.contains(widget->objectName()))
            chain << widget->objectName();
        widget = widget->nextInFocusChain();
    }
    QCOMPARE(chain, shown);
}

void TestParameterPanel::tabLeavesThePanelAfterItsLastRow()
{
    // Found by QA: in the window, Tab after "Image only" went back to Aspect ratio, for ever.
    // Here with real Tab presses, between two fields of a window as the dock puts it.
    QWidget host;
    auto *layout = new QVBoxLayout(&host);
    auto *before = new QLineEdit(&host);
    auto *panel = new ParameterPanel(&host);
    auto *after = new QLineEdit(&host);
    layout->addWidget(before);
    layout->addWidget(panel);
    layout->addWidget(after);
    host.show();
    QVERIFY(QTest::qWaitForWindowActive(&host));
    before->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), before);
    QStringList visited;
    for (int press = 0; press < 40 && QApplication::focusWidget() != after; ++press) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        // An editable combo box or a spin box takes focus in its line edit.
        QWidget *control = qobject_cast<QLineEdit *>(focus) && focus->parentWidget() != panel
                && focus->parentWidget() != &host
            ? focus->parentWidget()
            : focus;
        if (control && control != after && !visited.contains(control->objectName()))
            visited << control->objectName();
    }
    QCOMPARE(QApplication::focusWidget(), after);
    // Every row that takes input now, top to bottom (Compression is off for PNG, the custom size
    // field hidden).
    QCOMPARE(visited,
             (QStringList { "imageModelCombo", "qualityCombo", "sizeCombo", "aspectRatioCombo",
                            "backgroundCombo", "formatCombo", "actionCombo", "inputFidelityCombo",
                            "moderationCombo", "partialImagesSpin", "imageOnlyCheck" }));
}

void TestParameterPanel::oncePerUserChange_data()
{
    QTest::addColumn<QString>("control");
    QTest::addColumn<int>("key"); // pressed once when `typed` is empty
    QTest::addColumn<QString>("typed"); // replaces the text and presses Return
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("expected");

    // Starting point: the defaults with jpeg, so compression is live.
    QTest::newRow("model from list") << "imageModelCombo" << int(Qt::Key_Down) << ""
                                     << "image_model" << QVariant("gpt-image-2");
    QTest::newRow("model typed") << "imageModelCombo" << 0 << "openai/gpt-image-1"
                                 << "image_model" << QVariant("openai/gpt-image-1");
    // A name that begins another one's is taken as typed (found by QA: inline completion made
    // "gpt-image-1" + Return into gpt-image-1.5, another model at another price).
    QTest::newRow("model typed, the start of another") << "imageModelCombo" << 0 << "gpt-image-1"
                                                       << "image_model" << QVariant("gpt-image-1");
    QTest::newRow("quality") << "qualityCombo" << int(Qt::Key_Down) << ""
                             << "quality" << QVariant("low");
    QTest::newRow("size") << "sizeCombo" << int(Qt::Key_Down) << ""
                          << "size" << QVariant("1024x1024");
    QTest::newRow("aspect ratio") << "aspectRatioCombo" << int(Qt::Key_Down) << ""
                                  << "aspect_ratio" << QVariant("1:1");
    QTest::newRow("background") << "backgroundCombo" << int(Qt::Key_Down) << ""
                                << "background" << QVariant("opaque");
    QTest::newRow("format") << "formatCombo" << int(Qt::Key_Down) << ""
                            << "output_format" << QVariant("webp");
    QTest::newRow("compression spin arrow") << "compressionSpin" << int(Qt::Key_Down) << ""
                                            << "output_compression" << QVariant(99);
    QTest::newRow("compression spin typed") << "compressionSpin" << 0 << "55"
                                            << "output_compression" << QVariant(55);
    QTest::newRow("compression slider") << "compressionSlider" << int(Qt::Key_PageDown) << ""
                                        << "output_compression" << QVariant(90);
    QTest::newRow("moderation") << "moderationCombo" << int(Qt::Key_Down) << ""
                                << "moderation" << QVariant("low");
    QTest::newRow("previews") << "partialImagesSpin" << int(Qt::Key_Up) << ""
                              << "partial_images" << QVariant(3);
    QTest::newRow("action") << "actionCombo" << int(Qt::Key_Down) << ""
                            << "action" << QVariant("generate");
    QTest::newRow("input fidelity") << "inputFidelityCombo" << int(Qt::Key_Down) << ""
                                    << "input_fidelity" << QVariant("low");
    QTest::newRow("image only") << "imageOnlyCheck" << int(Qt::Key_Space) << ""
                                << "image_only" << QVariant(true);
}

void TestParameterPanel::oncePerUserChange()
{
    QFETCH(QString, control);
    QFETCH(int, key);
    QFETCH(QString, typed);
    QFETCH(QString, field);
    QFETCH(QVariant, expected);

    ImageParams start;
    start.outputFormat = QStringLiteral("jpeg");
    m_panel->setParams(start);
    QSignalSpy spy(m_panel, &ParameterPanel::paramsChanged);

    QWidget *widget = m_panel->findChild<QWidget *>(control);
    QVERIFY(widget);
    widget->setFocus();
    if (typed.isEmpty()) {
        QTest::keyClick(widget, Qt::Key(key));
    } else {
        auto *combo = qobject_cast<QComboBox *>(widget);
        replaceText(combo ? static_cast<QWidget *>(combo->lineEdit()) : widget, typed);
    }
    // Leaving the control must not count as a second change.
    m_panel->setFocus();
    QCOMPARE(spy.count(), 1);

    const ImageParams emitted = spy.at(0).at(0).value<ImageParams>();
    QVERIFY(emitted == m_panel->params());
    QJsonObject expectedJson = start.toJson();
    expectedJson.insert(field, QJsonValue::fromVariant(expected));
    QCOMPARE(emitted.toJson(), expectedJson);
    if (field == QLatin1String("output_compression")) {
        QCOMPARE(child<QSpinBox>("compressionSpin")->value(), expected.toInt());
        QCOMPARE(child<QSlider>("compressionSlider")->value(), expected.toInt());
    }
}

void TestParameterPanel::transparentJpegWarns()
{
    ImageParams params;
    params.imageModel = QStringLiteral("gpt-image-1");
    params.background = QStringLiteral("transparent");
    params.outputFormat = QStringLiteral("png");
    m_panel->setParams(params);
    auto *warning = child<QLabel>("backgroundWarning");
    QVERIFY(!warning->isVisible());

    chooseByKeyboard(child<QComboBox>("formatCombo"), QStringLiteral("jpeg"));
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QLatin1String("JPEG")), qPrintable(warning->text()));

    chooseByKeyboard(child<QComboBox>("backgroundCombo"), QStringLiteral("opaque"));
    QVERIFY(!warning->isVisible());
}

void TestParameterPanel::aspectRatioOnlyWithAutoSize()
{
    // The rows below stay where they are as the size it requests appears (found by QA).
    auto *background = child<QComboBox>("backgroundCombo");
    ImageParams params;
    params.imageModel = QStringLiteral("gpt-image-1");
    m_panel->setParams(params);
    QCoreApplication::processEvents();
    const int backgroundTop = background->mapTo(m_panel, QPoint()).y();
    params.aspectRatio = QStringLiteral("16:9");
    m_panel->setParams(params);
    QCoreApplication::processEvents();
    QCOMPARE(background->mapTo(m_panel, QPoint()).y(), backgroundTop);
    auto *aspect = child<QComboBox>("aspectRatioCombo");
    auto *effective = child<QLabel>("effectiveSizeLabel");
    QVERIFY(aspect->isEnabled());
    QVERIFY(effective->isVisible());
    // GPT image 1.x has no 16:9: the nearest size it makes is what goes out.
    QVERIFY2(effective->text().contains(QStringLiteral("1536 × 1024")), qPrintable(effective->text()));

    chooseByKeyboard(child<QComboBox>("sizeCombo"), QStringLiteral("1024x1024"));
    QVERIFY(!aspect->isEnabled());
    QCOMPARE(effective->text(), QStringLiteral("Used only when Size is Auto")); // why it is off
    QCOMPARE(m_panel->params().effectiveSize(), QStringLiteral("1024x1024"));
}

void TestParameterPanel::costPreview()
{
    auto *label = child<QLabel>("costPreviewLabel");
    m_panel->setCostPreview(
        Cost { 0.167, Cost::Basis::Estimated, QStringLiteral("Image part only") });
    QVERIFY2(label->text().contains(QLatin1String("$0.167")), qPrintable(label->text()));
    QCOMPARE(label->toolTip(), QStringLiteral("Image part only"));
    m_panel->setCostPreview(Cost { 0.0, Cost::Basis::Unknown, QStringLiteral("no price for x") });
    QVERIFY2(!label->text().contains(QLatin1Char('$')), qPrintable(label->text()));
    QCOMPARE(label->toolTip(), QStringLiteral("no price for x"));
}

void TestParameterPanel::setModelsKeepsChoice()
{
    ImageParams params;
    params.imageModel = QStringLiteral("gpt-image-2");
    m_panel->setParams(params);
    QSignalSpy spy(m_panel, &ParameterPanel::paramsChanged);
    m_panel->setModels({ QStringLiteral("gpt-image-1"), QStringLiteral("gpt-image-2") });
    auto *combo = child<QComboBox>("imageModelCombo");
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->currentText(), QStringLiteral("gpt-image-2"));
    QCOMPARE(m_panel->params().imageModel, QStringLiteral("gpt-image-2"));
    QCOMPARE(spy.count(), 0);
}

QTEST_MAIN(TestParameterPanel)
#include "tst_parameterpanel.moc"
