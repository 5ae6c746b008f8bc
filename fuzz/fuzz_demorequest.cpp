// DemoRequest and DemoImagesRequest: the bodies a client posts to the offline demo's Responses
// and images endpoints. Anything must end in a valid request or an OpenAI-style error, and a
// valid request must hold only settings the demo can draw.

#include "fuzzsupport.h"

#include "demo/demoimagesrequest.h"
#include "demo/demorequest.h"

using namespace FuzzSupport;

namespace {

// The images endpoint takes any prompt of at least one character, blank ones too, as OpenAI does;
// the Responses path needs text to draw and refuses a blank one.
void checkSettings(const DemoRequest &r, bool blankPromptAllowed)
{
    if (!r.isValid()) {
        check(!r.error.trimmed().isEmpty(), "an invalid request without a message");
        return;
    }
    check(!(blankPromptAllowed ? r.prompt : r.prompt.trimmed()).isEmpty(),
          "a valid request without a prompt");
    check(r.size.width() >= 16 && r.size.height() >= 16 && r.size.width() <= 3840
              && r.size.height() <= 3840,
          "a valid request with a size the demo cannot draw", r.sizeText());
    check(r.outputCompression >= 0 && r.outputCompression <= 100, "compression out of range");
    check(r.partialImages >= 0 && r.partialImages <= 3, "partial_images out of range");
    r.toolEcho();
    r.resolvedQuality();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A copy: the demo server hands over the body it read, a QByteArray of its own.
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));

    checkSettings(DemoRequest::fromJson(body), false);

    const DemoImagesRequest images = DemoImagesRequest::fromJson(body);
    checkSettings(images.settings, true);
    if (images.isValid())
        check(images.n >= 1 && images.n <= DemoImagesRequest::maxImages, "n out of range");
    return 0;
}
