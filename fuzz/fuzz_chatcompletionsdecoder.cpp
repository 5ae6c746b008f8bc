// ChatCompletionsDecoder: response streams, whole bodies and single events (see decoderfuzz.h).

#include "decoderfuzz.h"

#include "gateway/chatcompletionsdecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return DecoderFuzz::run<ChatCompletionsDecoder>(data, size);
}
