#pragma once

#include "demo/demorequest.h"

class DemoResultMemory;

// Turns what an edit request sent (DemoRequest::imageSources, maskSource, previousResponseId)
// into pictures and checks them as the Responses API does: every input image decoded (an http
// link is refused: the demo is offline), the picture of a remembered previous response taken
// when no image is sent, and the mask the size of the first input image. Runs off the server's
// thread: decoding a large PNG takes a while.
class DemoEditInput
{
public:
    // Fills inputImages, inputImageSizes, mask, edit and editsPreviousResponse; false with the
    // request's error fields set when something cannot be used. `memory` may be null.
    static bool resolve(DemoRequest &request, const DemoResultMemory *memory);

    // The size an edit with size "auto" (and no aspect ratio) is drawn at: the GPT image size
    // closest to the input's shape, as the real tool answers.
    static QSize autoSizeFor(QSize input);
};
