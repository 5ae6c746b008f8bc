#pragma once

#include "demo/demorequest.h"

#include <QByteArray>
#include <QString>

// A request to the demo's direct image endpoint, POST /v1/images/generations (wire-formats B.4):
// the prompt, how many images and the same picture settings the image tool takes, checked as
// OpenAI checks them, so a request the real endpoint would refuse gets the same 400 here.
// The demo answers like the GPT image models: base64 images only, and only their sizes.
struct DemoImagesRequest
{
    static constexpr int maxImages = 10;
    static constexpr int maxPromptLength = 32000;

    // The prompt, the image model (in both model fields), stream and the picture settings; its
    // error fields say why parsing failed.
    DemoRequest settings;
    int n = 1;

    bool isValid() const { return settings.isValid(); }

    static DemoImagesRequest fromJson(const QByteArray &body);
};
