// ResponsesDecoder: response streams, whole bodies and single events (see decoderfuzz.h).

#include "decoderfuzz.h"

#include "gateway/responsesdecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return DecoderFuzz::run<ResponsesDecoder>(data, size);
}
