#pragma once

#include <QProxyStyle>

// Sharp Close and Float buttons on the docks' title bars. Qt's Fusion style (what Easel gets on
// GNOME and other desktops without a Qt theme) draws them from 10-pixel bitmaps, which blur at 2x
// and other scales (found by QA on a 2x screen). Over Fusion, this style draws them as vectors at
// whatever pixel size is asked for, in the palette's text colour at the time they are painted, so
// the dark palette gets light ones. Over any other style (Breeze, Windows, macOS) it changes
// nothing: those draw their own at every scale.
class TitleBarStyle : public QProxyStyle
{
public:
    // Over `base` (owned), or the application's default style when it is null.
    explicit TitleBarStyle(QStyle *base = nullptr);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};
